/*
 * cmd_migrate.c — viborm migrate: versioned migrations (CONTRACT §5).
 *
 *   generate   plan from the directory's last snapshot to the document in a
 *              scratch database (SQLite: in memory; PostgreSQL: --dev-url,
 *              inside a transaction rolled back; MySQL: --dev-url, an empty
 *              database left empty), and write the up file, its down file,
 *              the journal entry and the snapshot. Never touches --url.
 *   apply, status, down
 *              the directory sent to the target as data: the extension's
 *              viborm.migrate_* on PostgreSQL, migrate_local.c on SQLite
 *              and MySQL; the same result objects everywhere.
 *   baseline VERSION
 *              record the files up to VERSION as applied without running them.
 *   resolve --rolled-back VERSION
 *              forget a failed migration (MySQL) repaired by hand.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "migrate.h"
#include "migrate_down.h"
#include "output.h"
#include "prompt.h"
#include "session.h"
#include "vb_json.h"

#define DEFAULT_DIR "migrations"

static const cli_command_spec generate_spec = {
	.name = "migrate generate",
	.usage = "--schema FILE [--dir DIR] [--name NAME] [--dev-url URL] [--json] [resolution flags]",
	.description =
	"Write the next migration: the statements that bring the directory's last\n"
	"snapshot to the document (up), those that undo them (meta/_down/, with\n"
	"-- WARNING: lines for steps that lose data), the journal entry and the new\n"
	"snapshot. The plan is made in a scratch database: in memory for SQLite,\n"
	"--dev-url for PostgreSQL (its managed schemas emptied, inside a transaction\n"
	"that is rolled back) and MySQL (an empty database, left empty). The target\n"
	"(--url) only tells the dialect of a new directory; it is never touched.\n"
	"Renames are asked on a terminal or given by flags, as for push.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_SCHEMA) | CLI_OPT(OPT_DIR) | CLI_OPT(OPT_NAME) |
	CLI_OPT(OPT_DEV_URL) | CLI_OPT(OPT_JSON) | CLI_OPT(OPT_VERBOSE) | CLI_OPT(OPT_RENAME) |
	CLI_OPT(OPT_RESOLVE) | CLI_OPT(OPT_SCHEMAS),
	.required = CLI_OPT(OPT_SCHEMA),
};

static const cli_command_spec apply_spec = {
	.name = "migrate apply",
	.usage = "[--url URL] [--dir DIR] [--to VERSION] [--dry-run] [--per-file] [--allow-out-of-order] [--resume] [--json]",
	.description =
	"Apply the pending migrations in order, under the target's lock, and record\n"
	"them (checksum, who, when, how long). PostgreSQL and SQLite: all files in\n"
	"one transaction (--per-file: one per file). MySQL: each statement commits;\n"
	"a failure leaves the file 'failed at step k' until --resume or\n"
	"'migrate resolve --rolled-back'. Refused, with nothing applied, when an\n"
	"applied file was edited or is missing, or a pending one sorts before the\n"
	"last applied one. Afterwards the live schema is compared with the last\n"
	"snapshot: a difference is reported as drift.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_DIR) | CLI_OPT(OPT_TO) | CLI_OPT(OPT_DRY_RUN) |
	CLI_OPT(OPT_PER_FILE) | CLI_OPT(OPT_ALLOW_OUT_OF_ORDER) | CLI_OPT(OPT_RESUME) |
	CLI_OPT(OPT_JSON) | CLI_OPT(OPT_LOCK_TIMEOUT) | CLI_OPT(OPT_VERBOSE),
};

static const cli_command_spec status_spec = {
	.name = "migrate status",
	.usage = "[--url URL] [--dir DIR] [--json] [--exit-code]",
	.description =
	"Show each migration applied (when, by whom), pending, edited, missing or\n"
	"failed, and any drift between the live schema and the last applied\n"
	"snapshot. --exit-code: exit 3 when anything is pending, edited, missing or\n"
	"failed, or the schema drifted.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_DIR) | CLI_OPT(OPT_JSON) | CLI_OPT(OPT_EXIT_CODE) |
	CLI_OPT(OPT_VERBOSE),
};

static const cli_command_spec down_spec = {
	.name = "migrate down",
	.usage = "[--url URL] [--steps N | --to VERSION] [--dry-run] [--force] [--json]",
	.description =
	"Run the down SQL of the newest applied migrations, newest first (the SQL\n"
	"recorded when each was applied), atomically on PostgreSQL and SQLite.\n"
	"Refused when a migration has no down file, or its down file carries\n"
	"-- WARNING: lines (it loses data) and --force is not given.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_DIR) | CLI_OPT(OPT_STEPS) | CLI_OPT(OPT_TO) | CLI_OPT(OPT_DRY_RUN) |
	CLI_OPT(OPT_FORCE) | CLI_OPT(OPT_JSON) | CLI_OPT(OPT_LOCK_TIMEOUT) | CLI_OPT(OPT_VERBOSE),
};

static const cli_command_spec baseline_spec = {
	.name = "migrate baseline",
	.usage = "VERSION [--url URL] [--dir DIR] [--json]",
	.description =
	"Record the migrations up to VERSION as applied without running them, for\n"
	"a database that already has that schema.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_DIR) | CLI_OPT(OPT_JSON) | CLI_OPT(OPT_TO),
	.required = CLI_OPT(OPT_TO),
};

static const cli_command_spec reset_spec = {
	.name = "migrate reset",
	.usage = "--force [--url URL] [--dir DIR] [--schemas A,B] [--to VERSION] [--dry-run] [--json]",
	.description =
	"Drop every object of the migrations' schemas (PostgreSQL: the schemas of\n"
	"the snapshots; SQLite and MySQL: the whole database, viborm's own tables\n"
	"excepted), forget every applied migration, and apply every file again.\n"
	"Refused without --force; on a terminal it also lists what it drops and\n"
	"asks. PostgreSQL and SQLite: one transaction, all or nothing. MySQL: each\n"
	"DROP commits. --dry-run lists what would be dropped and applied.\n"
	"--schemas (PostgreSQL): the schemas to empty, instead of the snapshots'.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_DIR) | CLI_OPT(OPT_TO) | CLI_OPT(OPT_DRY_RUN) |
	CLI_OPT(OPT_SCHEMAS) |
	CLI_OPT(OPT_FORCE) | CLI_OPT(OPT_JSON) | CLI_OPT(OPT_LOCK_TIMEOUT) | CLI_OPT(OPT_VERBOSE),
};

static const cli_command_spec resolve_spec = {
	.name = "migrate resolve",
	.usage = "--rolled-back VERSION [--url URL]",
	.description =
	"Forget a failed migration after repairing the database by hand (MySQL,\n"
	"where a migration can stop half-way): the next apply runs it again from\n"
	"its first statement.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_ROLLED_BACK),
	.required = CLI_OPT(OPT_ROLLED_BACK),
};

static const cli_command_spec squash_spec = {
	.name = "migrate squash",
	.usage = "--from VERSION --to VERSION [--dir DIR] [--name NAME]",
	.description =
	"Join the migrations from --from to --to into one file, version --from: their\n"
	"statements in order, their down files in reverse order, one journal entry\n"
	"that names the migrations it replaces and their checksums. Only the\n"
	"directory changes. A database that applied all of them sees the squashed\n"
	"file as applied; one that applied none applies it; one that applied only\n"
	"some is refused until it applies the rest from the old files or reverts.",
	.options = CLI_OPT(OPT_DIR) | CLI_OPT(OPT_FROM) | CLI_OPT(OPT_TO) | CLI_OPT(OPT_NAME),
	.required = CLI_OPT(OPT_FROM) | CLI_OPT(OPT_TO),
};

/* ---- shared -------------------------------------------------------------- */

static const char *
dir_path(const cli_session *s)
{
	return s->opts.dir ? s->opts.dir : DEFAULT_DIR;
}

/* The directory's dialect must be the target's. */
static bool
check_dialect(cli_session *s, const cli_migration_dir *dir, const char *dialect_name,
			  vb_error *err)
{
	if (dir->dialect == NULL || strcmp(dir->dialect, cli_journal_dialect(dialect_name)) == 0)
		return true;
	vb_fail(err, s->arena, CLI_ERR_USAGE, NULL,
			"the migrations in %s are for %s, not %s", dir->path, dir->dialect,
			cli_journal_dialect(dialect_name));
	return false;
}

static void
print_warnings(const cli_migration_dir *dir)
{
	int			i;

	for (i = 0; i < dir->warnings.count; i++)
		cli_warning("%s", (char *) dir->warnings.items[i]);
}

typedef enum request_mode
{
	MODE_PLAIN,
	MODE_BASELINE,				/* apply: record without running */
	MODE_RESET					/* apply: drop, forget, apply every file */
} request_mode;

static const char *
options_json(cli_session *s, request_mode mode)
{
	cJSON	   *o = cJSON_CreateObject();

	if (s->opts.to)
		cJSON_AddStringToObject(o, "to", s->opts.to);
	if (s->opts.steps)
		cJSON_AddNumberToObject(o, "steps", (double) s->opts.steps);
	if (s->opts.allow_out_of_order)
		cJSON_AddBoolToObject(o, "allowOutOfOrder", true);
	if (s->opts.dry_run)
		cJSON_AddBoolToObject(o, "dryRun", true);
	if (s->opts.force)
		cJSON_AddBoolToObject(o, "force", true);
	if (s->opts.resume)
		cJSON_AddBoolToObject(o, "resume", true);
	if (mode == MODE_BASELINE)
		cJSON_AddBoolToObject(o, "baseline", true);
	if (mode == MODE_RESET)
		cJSON_AddBoolToObject(o, "reset", true);
	if (mode == MODE_RESET && s->request.schemas.count > 0)
	{
		/* --schemas, split and checked when the session opened */
		cJSON	   *a = cJSON_AddArrayToObject(o, "schemas");
		int			i;

		for (i = 0; i < s->request.schemas.count; i++)
			cJSON_AddItemToArray(a, cJSON_CreateString(s->request.schemas.items[i]));
	}
	if (s->opts.lock_timeout)
		cJSON_AddStringToObject(o, "lockTimeout", s->opts.lock_timeout);
	return vb_json_print(s->arena, o);
}

static void
print_drift(cli_session *s, const cJSON *result)
{
	const cJSON *drift = cJSON_GetObjectItemCaseSensitive(result, "drift");
	const cJSON *error = cJSON_GetObjectItemCaseSensitive(drift, "error");

	if (!cJSON_IsObject(drift))
		return;
	if (cJSON_IsString(error))
	{
		cli_warning("could not compare the live schema with the last snapshot: %s",
					error->valuestring);
		return;
	}
	cli_warning("drift: the live schema differs from the last applied migration's snapshot "
				"(objects changed outside the migrations); to match it, viborm would:");
	cli_print_plan(stderr, s->arena, drift, true, s->opts.verbose > 0);
}

/* ---- apply, status, down, baseline -------------------------------------- */

/* What a reset dropped and forgot (or would). */
static void
print_reset(const cJSON *result)
{
	const cJSON *reset = cJSON_GetObjectItemCaseSensitive(result, "reset");
	const cJSON *dropped = cJSON_GetObjectItemCaseSensitive(reset, "dropped");
	const cJSON *forgotten = cJSON_GetObjectItemCaseSensitive(reset, "forgotten");
	bool		dry = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(result, "dryRun"));
	const cJSON *d;
	int			n = cJSON_GetArraySize(dropped);
	int			m = cJSON_GetArraySize(forgotten);

	if (!cJSON_IsObject(reset))
		return;
	printf("%s%s%s %d object%s%s\n", cli_colour_of(stdout, CLI_RED),
		   dry ? "Reset would drop" : "Reset dropped", cli_colour_of(stdout, CLI_RESET), n,
		   n == 1 ? "" : "s", n ? ":" : "");
	cJSON_ArrayForEach(d, dropped)
		printf("    %s %s\n", cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(d, "kind")),
			   cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(d, "object")));
	printf("%s %d applied migration%s.\n", dry ? "and would forget" : "and forgot", m,
		   m == 1 ? "" : "s");
}

static int
print_apply(cli_session *s, const cJSON *result)
{
	const cJSON *applied = cJSON_GetObjectItemCaseSensitive(result, "applied");
	const cJSON *pending = cJSON_GetObjectItemCaseSensitive(result, "pending");
	bool		dry = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(result, "dryRun"));
	const cJSON *a;
	int			n = cJSON_GetArraySize(applied);

	print_reset(result);
	if (n == 0)
		printf("No migrations to apply.\n");
	else
		printf("%s%s%s %d migration%s:\n", cli_colour_of(stdout, dry ? CLI_YELLOW : CLI_GREEN),
			   dry ? "Dry run: would apply" : "Applied", cli_colour_of(stdout, CLI_RESET), n,
			   n == 1 ? "" : "s");
	cJSON_ArrayForEach(a, applied)
	{
		const cJSON *ms = cJSON_GetObjectItemCaseSensitive(a, "durationMs");

		printf("    %s_%s  %d statement%s", cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(a, "version")),
			   cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(a, "name")),
			   cJSON_GetObjectItemCaseSensitive(a, "statements")->valueint,
			   cJSON_GetObjectItemCaseSensitive(a, "statements")->valueint == 1 ? "" : "s");
		if (cJSON_IsNumber(ms) && !dry)
			printf("  %.0f ms", ms->valuedouble);
		printf("\n");
	}
	if (cJSON_GetArraySize(pending) > 0)
		printf("%d migration%s still pending (after --to).\n", cJSON_GetArraySize(pending),
			   cJSON_GetArraySize(pending) == 1 ? "" : "s");
	print_drift(s, result);
	return CLI_EXIT_OK;
}

static int
print_status(cli_session *s, const cJSON *result)
{
	const cJSON *m;
	const cJSON *drift = cJSON_GetObjectItemCaseSensitive(result, "drift");
	int			open = cJSON_GetObjectItemCaseSensitive(result, "pending")->valueint;

	if (!s->opts.json)
	{
		if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(result, "migrations")) == 0)
			printf("No migrations in %s and none applied.\n", dir_path(s));
		cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(result, "migrations"))
		{
			const char *state = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "state"));
			const char *at = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "appliedAt"));
			const char *by = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "appliedBy"));
			const char *failed = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "failed"));
			bool		ok = strcmp(state, "applied") == 0;

			printf("    %s_%s  %s%s%s", cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "version")),
				   cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "name")),
				   cli_colour_of(stdout, ok ? CLI_GREEN : strcmp(state, "pending") == 0 ? CLI_YELLOW : CLI_RED),
				   failed ? failed : state, cli_colour_of(stdout, CLI_RESET));
			if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(m, "baseline")))
				printf(" (baseline)");
			if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(m, "outOfOrder")))
				printf(" (out of order)");
			if (at)
				printf("  %s by %s", at, by ? by : "?");
			printf("\n");
		}
		print_drift(s, result);
	}
	if (s->opts.exit_code && (open > 0 || cJSON_IsObject(drift)))
		return CLI_EXIT_PENDING;
	return CLI_EXIT_OK;
}

static int
print_down(const cJSON *result)
{
	const cJSON *r;
	bool		dry = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(result, "dryRun"));
	int			n = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(result, "reverted"));

	printf("%s %d migration%s:\n", dry ? "Dry run: would revert" : "Reverted", n, n == 1 ? "" : "s");
	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(result, "reverted"))
		printf("    %s_%s\n", cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "version")),
			   cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "name")));
	return CLI_EXIT_OK;
}

/* The versions apply would run (for --per-file): a status call. */
static bool
pending_versions(cli_session *s, const char *migrations, vb_list *out, vb_error *err)
{
	char	   *text;
	cJSON	   *status;
	const cJSON *m;

	if (!s->driver->migrate(s->driver, s->conn, s->arena, "status", migrations, "{}", &text, err))
		return false;
	status = cJSON_Parse(text);
	cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(status, "migrations"))
	{
		const char *state = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "state"));
		const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(m, "version"));

		if ((strcmp(state, "pending") == 0 || strcmp(state, "failed") == 0) &&
			(s->opts.to == NULL || strcmp(v, s->opts.to) <= 0))
			vb_list_push(s->arena, out, vb_strdup(s->arena, v));
	}
	cJSON_Delete(status);
	return true;
}

/* --per-file: one apply (one transaction) per pending file; the results
 * joined into one. */
static bool
apply_per_file(cli_session *s, const char *migrations, char **result, vb_error *err)
{
	vb_list		versions = {0};
	cJSON	   *joined = NULL;
	int			i;

	if (!pending_versions(s, migrations, &versions, err))
		return false;
	if (versions.count == 0)
		return s->driver->migrate(s->driver, s->conn, s->arena, "apply", migrations,
								  options_json(s, MODE_PLAIN), result, err);
	for (i = 0; i < versions.count; i++)
	{
		const char *saved = s->opts.to;
		char	   *text;
		cJSON	   *one;
		bool		ok;

		s->opts.to = versions.items[i];
		ok = s->driver->migrate(s->driver, s->conn, s->arena, "apply", migrations,
								options_json(s, MODE_PLAIN), &text, err);
		s->opts.to = saved;
		if (!ok)
		{
			cJSON_Delete(joined);
			return false;
		}
		one = cJSON_Parse(text);
		if (joined == NULL)
			joined = one;
		else
		{
			cJSON	   *a;

			cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(one, "applied"))
				cJSON_AddItemToArray(cJSON_GetObjectItemCaseSensitive(joined, "applied"),
									 cJSON_Duplicate(a, true));
			cJSON_ReplaceItemInObjectCaseSensitive(joined, "pending",
												   cJSON_DetachItemFromObjectCaseSensitive(one, "pending"));
			cJSON_ReplaceItemInObjectCaseSensitive(joined, "drift",
												   cJSON_DetachItemFromObjectCaseSensitive(one, "drift"));
			cJSON_Delete(one);
		}
	}
	*result = vb_json_print(s->arena, joined);
	return true;
}

/*
 * A reset with --force on a terminal: show what it drops (a dry run), and
 * ask. Returns -1 to go on, else the exit code.
 */
static int
confirm_reset(cli_session *s, const char *migrations)
{
	static const char *const choices[] = {"no, abort", "yes, drop them and apply every migration"};
	vb_error	err;
	char	   *text;
	cJSON	   *preview;
	bool		saved = s->opts.dry_run;
	int			answer;

	if (s->opts.dry_run || !s->opts.force || !cli_interactive())
		return -1;
	s->opts.dry_run = true;
	if (!s->driver->migrate(s->driver, s->conn, s->arena, "apply", migrations,
							options_json(s, MODE_RESET), &text, &err))
	{
		s->opts.dry_run = saved;
		return cli_report(&err);
	}
	s->opts.dry_run = saved;
	preview = cJSON_Parse(text);
	print_apply(s, preview);
	cJSON_Delete(preview);
	answer = cli_select(vb_printf(s->arena, "Reset %s?", s->url.masked),
						choices, 2);
	if (answer < 0)
	{
		fprintf(stderr, "%sinterrupted:%s nothing was changed\n", cli_colour_of(stderr, CLI_RED),
				cli_colour_of(stderr, CLI_RESET));
		return CLI_EXIT_INTERRUPTED;
	}
	if (answer == 0)
	{
		cli_error("aborted: nothing was changed");
		return CLI_EXIT_REFUSED;
	}
	return -1;
}

static int
run_request(const cli_command_spec *spec, const char *request, request_mode mode, int argc,
			const char **argv)
{
	cli_session s;
	cli_migration_dir dir;
	vb_error	err;
	char	   *text = NULL;
	cJSON	   *result = NULL;
	const char *migrations = NULL;
	int			rc = cli_session_open(&s, spec, argc, argv, strcmp(request, "apply") == 0);

	memset(&dir, 0, sizeof(dir));
	if (rc >= 0)
		goto done;
	if (strcmp(request, "down") != 0)
	{
		if (!cli_migrations_dir_read(s.arena, dir_path(&s), strcmp(request, "status") == 0, &dir, &err) ||
			!check_dialect(&s, &dir, s.driver->dialect_name, &err))
		{
			rc = cli_report(&err);
			goto done;
		}
		print_warnings(&dir);
		migrations = cli_migrations_json(s.arena, &dir);
	}
	if (mode == MODE_RESET && (rc = confirm_reset(&s, migrations)) >= 0)
		goto done;
	if (!(s.opts.per_file && strcmp(request, "apply") == 0
		  ? apply_per_file(&s, migrations, &text, &err)
		  : s.driver->migrate(s.driver, s.conn, s.arena, request, migrations,
							  options_json(&s, mode), &text, &err)))
	{
		rc = cli_report(&err);
		goto done;
	}
	result = cJSON_Parse(text);
	if (s.opts.json)
		printf("%s\n", text);
	if (strcmp(request, "status") == 0)
		rc = print_status(&s, result);
	else if (s.opts.json)
		rc = CLI_EXIT_OK;
	else if (strcmp(request, "down") == 0)
		rc = print_down(result);
	else
		rc = print_apply(&s, result);
done:
	cJSON_Delete(result);
	cli_migrations_dir_free(&dir);
	cli_session_close(&s);
	return rc;
}

static int
resolve(int argc, const char **argv)
{
	cli_session s;
	vb_error	err;
	int			rc = cli_session_open(&s, &resolve_spec, argc, argv, false);

	if (rc < 0 && s.driver->query == NULL)
	{
		cli_error("nothing to resolve on %s: a migration there is applied whole or not at all",
				  s.driver->name);
		rc = CLI_EXIT_USAGE;
	}
	else if (rc < 0 && !cli_migrate_resolve(s.driver, s.conn, s.arena, s.opts.rolled_back, &err))
		rc = cli_report(&err);
	else if (rc < 0)
	{
		printf("Migration %s is no longer recorded; the next apply runs it from its first statement.\n",
			   s.opts.rolled_back);
		rc = CLI_EXIT_OK;
	}
	cli_session_close(&s);
	return rc;
}

/* ---- generate ------------------------------------------------------------ */

/* A name from the first change: "create-users", "add-users-email". */
static const char *
derived_name(vb_arena *arena, const cJSON *plan)
{
	const cJSON *op = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(plan, "operations"), 0);
	const char *kind = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(op, "kind"));
	const char *table = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(op, "table"));
	const char *object = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(op, "object"));
	vb_buf		out;
	const char *p;
	char	   *raw;

	if (kind == NULL)
		return "changes";
	raw = vb_printf(arena, "%s-%s%s%s", kind, table && object && strcmp(table, object) != 0 ? table : "",
					table && object && strcmp(table, object) != 0 ? "-" : "", object ? object : "");
	vb_buf_init(&out, arena);
	for (p = raw; *p && out.len < 60; p++)
	{
		if (isupper((unsigned char) *p))
		{
			if (out.len && out.data[out.len - 1] != '-')
				vb_buf_appendc(&out, '-');
			vb_buf_appendc(&out, (char) tolower((unsigned char) *p));
		}
		else if (isalnum((unsigned char) *p))
			vb_buf_appendc(&out, *p);
		else if (out.len && out.data[out.len - 1] != '-')
			vb_buf_appendc(&out, '-');
	}
	while (out.len && out.data[out.len - 1] == '-')
		out.data[--out.len] = '\0';
	return out.len ? out.data : "changes";
}

/* A name given with --name: letters, digits, '-' and '_' only. */
static bool
valid_name(const char *name)
{
	const char *p;

	if (*name == '\0' || strlen(name) > 100)
		return false;
	for (p = name; *p; p++)
		if (!isalnum((unsigned char) *p) && *p != '-' && *p != '_')
			return false;
	return true;
}

/* The down file: warnings for what it cannot restore, then its statements. */
static char *
down_text(cli_session *s, const char *from, const cJSON *up, const cJSON *down)
{
	vb_buf		out;
	const cJSON *op;
	const cJSON *pair;
	bool		first = true;

	vb_buf_init(&out, s->arena);
	cJSON_ArrayForEach(op, cJSON_GetObjectItemCaseSensitive(up, "operations"))
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(op, "destructive")))
		vb_buf_appendf(&out, "-- WARNING: the up migration's %s %s lost data; this restores the definition, not the rows\n",
					   cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(op, "kind")),
					   cli_operation_object(s->arena, op));
	cJSON_ArrayForEach(pair, cJSON_GetObjectItemCaseSensitive(down, "ambiguous"))
		vb_buf_appendf(&out, "-- WARNING: %s %s -> %s is planned as a drop and an add (its rows are lost)\n",
					   cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(pair, "kind")),
					   cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(pair, "from")),
					   cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(pair, "to")));
	cli_down_enum_warnings(from, s->desired, s->request.entries, s->driver->dialect_name, &out);
	cJSON_ArrayForEach(op, cJSON_GetObjectItemCaseSensitive(down, "operations"))
	{
		const cJSON *sql;
		bool		warned = false;

		cJSON_ArrayForEach(sql, cJSON_GetObjectItemCaseSensitive(op, "sql"))
		{
			if (!first)
				vb_buf_append(&out, "--> statement-breakpoint\n");
			/* once per operation, above its first statement */
			if (!warned && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(op, "destructive")))
				vb_buf_appendf(&out, "-- WARNING: %s %s loses data\n",
							   cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(op, "kind")),
							   cli_operation_object(s->arena, op));
			warned = true;
			vb_buf_appendf(&out, "%s;\n", sql->valuestring);
			first = false;
		}
	}
	return out.data ? out.data : vb_strdup(s->arena, "");
}

/* The schemas a PostgreSQL snapshot must cover: the document's. */
static bool
managed_schemas(cli_session *s, vb_list *out, vb_error *err)
{
	vb_options *opts;

	if (strcmp(s->driver->dialect_name, "pg") != 0)
		return true;
	if (!vb_options_read(s->arena, cli_request_options(&s->request), &opts, err))
		return false;
	vb_managed_schemas(s->arena, s->desired, opts, out);
	return true;
}

/*
 * The schemas the rehearsal starts by emptying (PostgreSQL): every schema
 * the document or the snapshot manages. Dropped inside the rehearsal's
 * transaction, they are then made again by pushing the snapshot, so the
 * plan starts from what the target has, whatever the dev database held.
 */
static bool
rehearsal_schemas(cli_session *s, const cli_migration_dir *dir, vb_list *out, vb_error *err)
{
	vb_list		managed = {0};
	cJSON	   *snap = dir->snapshot ? cJSON_Parse(dir->snapshot) : NULL;
	const cJSON *have = cJSON_GetObjectItemCaseSensitive(snap, "schemas");
	const cJSON *h;
	vb_set		seen;
	int			i;

	if (!managed_schemas(s, &managed, err))
	{
		cJSON_Delete(snap);
		return false;
	}
	vb_set_init(&seen, s->arena);
	for (i = 0; i < managed.count; i++)
		if (vb_set_add(&seen, managed.items[i]))
			vb_list_push(s->arena, out, managed.items[i]);
	cJSON_ArrayForEach(h, have)
		if (cJSON_IsString(h) && vb_set_add(&seen, h->valuestring))
		vb_list_push(s->arena, out, vb_strdup(s->arena, h->valuestring));
	if (have == NULL && vb_set_add(&seen, "public"))
		vb_list_push(s->arena, out, "public");
	cJSON_Delete(snap);
	return true;
}

/* Where generate plans: the dialect's scratch database. */
static bool
open_scratch(cli_session *s, const cli_migration_dir *dir, vb_error *err)
{
	const char *target = s->opts.url ? s->opts.url : getenv("VIBORM_DATABASE_URL");
	cli_url		probe;
	bool		sqlite;

	if (s->opts.dev_url)
	{
		if (!cli_url_parse(s->arena, s->opts.dev_url, &s->url, err))
			return false;
		sqlite = s->url.kind == CLI_TARGET_SQLITE;
	}
	else if (target && target[0])
	{
		if (!cli_url_parse(s->arena, target, &probe, err))
			return false;
		sqlite = probe.kind == CLI_TARGET_SQLITE;
		if (!sqlite)
		{
			vb_fail(err, s->arena, CLI_ERR_USAGE, NULL,
					"migrate generate plans %s migrations in a scratch database: pass --dev-url",
					cli_target_name(probe.kind));
			err->hint = "Any database of the same kind that viborm may change and put back: on PostgreSQL one with the viborm extension (changed only inside a transaction rolled back), on MySQL an empty one (left empty). Never the production database.";
			return false;
		}
	}
	else if (dir->dialect && strcmp(dir->dialect, "sqlite") == 0)
		sqlite = true;
	else
	{
		vb_fail(err, s->arena, CLI_ERR_USAGE, NULL,
				"migrate generate needs to know the database: pass --url (SQLite) or --dev-url");
		return false;
	}
	if (sqlite && !cli_url_parse(s->arena, "sqlite::memory:", &s->url, err))
		return false;
	s->driver = cli_driver_for(s->url.kind, s->arena, err);
	return s->driver && s->driver->connect(s->arena, &s->url, true, &s->conn, err);
}

static bool
plan_text(cli_session *s, const char *document, const char *options, cli_plan_mode mode,
		  cJSON **result, vb_error *err)
{
	char	   *text;

	if (!s->driver->plan(s->driver, s->conn, s->arena, document, options, mode, &text, err))
		return false;
	*result = cJSON_Parse(text);
	return true;
}

static int
generate_in(cli_session *s, cli_migration_dir *dir)
{
	const char *from = dir->snapshot ? dir->snapshot : "{\"tables\": []}";
	const char *scratch = "{\"force\": true, \"resolutions\": \"addAndDrop\"}";
	vb_list		schemas = {0};
	vb_list		down_schemas = {0};
	vb_list		up = {0};
	cJSON	   *plan = NULL;
	cJSON	   *after = NULL;
	cJSON	   *down = NULL;
	cJSON	   *check = NULL;
	const cJSON *sql;
	char	   *snapshot;
	char	   *file_name;
	const char *name;
	vb_error	err;
	int			rc = -1;

	/* MySQL has no transaction around DDL: the dev database must be empty,
	 * and is emptied again at the end */
	if (s->driver->journal)
	{
		if (!plan_text(s, "{\"tables\": []}", scratch, CLI_PLAN_DIFF, &check, &err))
			return cli_report(&err);
		if (cli_count(check, "operations") > 0)
		{
			cJSON_Delete(check);
			cli_error("the --dev-url database %s is not empty", s->url.masked);
			cli_hint("migrate generate builds the migrations' schema there and drops it afterwards: give it an empty database of its own.");
			return CLI_EXIT_USAGE;
		}
		cJSON_Delete(check);
	}
	/* the directory's last snapshot, then the document's plan from it */
	if (!plan_text(s, from, scratch, CLI_PLAN_APPLY, &check, &err))
	{
		rc = cli_report(&err);
		goto done;
	}
	cJSON_Delete(check);
	check = NULL;
	s->request.force = true;
	if ((rc = cli_settle(s, true, false, &plan)) >= 0)
		goto done;
	if (cli_count(plan, "operations") == 0)
	{
		if (s->opts.json)
			printf("{\"generated\": false}\n");
		else
			printf("No schema changes: nothing written.\n");
		rc = CLI_EXIT_OK;
		goto done;
	}
	cJSON_ArrayForEach(sql, cJSON_GetObjectItemCaseSensitive(plan, "sql"))
		vb_list_push(s->arena, &up, sql->valuestring);
	/* apply it, read the snapshot, and plan the way back (on PostgreSQL
	 * over the schemas of both sides: the up file may fill a new one) */
	if (!cli_plan(s, CLI_PLAN_APPLY, &after, NULL, &err) ||
		!managed_schemas(s, &schemas, &err) ||
		!s->driver->introspect(s->driver, s->conn, s->arena, &schemas, &snapshot, &err) ||
		(strcmp(s->driver->dialect_name, "pg") == 0 && !rehearsal_schemas(s, dir, &down_schemas, &err)) ||
		!plan_text(s, cli_down_document(s->arena, from, s->desired, s->driver->dialect_name),
				   cli_down_options(s->arena, s->request.entries, s->desired, &down_schemas),
				   CLI_PLAN_DIFF, &down, &err))
	{
		rc = cli_report(&err);
		goto done;
	}
	name = s->opts.name ? s->opts.name : derived_name(s->arena, plan);
	if (!cli_migrations_dir_add(s->arena, dir, s->driver->dialect_name, name, &up,
								down_text(s, from, plan, down), snapshot, &file_name, &err))
	{
		rc = cli_report(&err);
		goto done;
	}
	if (s->opts.json)
		printf("{\"generated\": true, \"file\": \"%s/%s\", \"statements\": %d}\n", dir->path, file_name,
			   up.count);
	else
	{
		printf("Wrote %s/%s (%d statement%s) and meta/_down/%s.\n", dir->path, file_name, up.count,
			   up.count == 1 ? "" : "s", file_name);
		cli_print_plan(stdout, s->arena, plan, s->opts.verbose > 0, false);
	}
	rc = CLI_EXIT_OK;
done:
	/* MySQL: leave the dev database empty again */
	if (s->driver->journal && plan_text(s, "{\"tables\": []}", scratch, CLI_PLAN_APPLY, &check, &err))
		cJSON_Delete(check);
	cJSON_Delete(plan);
	cJSON_Delete(after);
	cJSON_Delete(down);
	return rc;
}

static int
generate(int argc, const char **argv)
{
	cli_session s;
	cli_migration_dir dir;
	vb_list		emptied = {0};
	vb_error	err;
	int			rc;

	memset(&s, 0, sizeof(s));
	memset(&dir, 0, sizeof(dir));
	s.arena = cli_arena_new();
	s.command = generate_spec.name;
	rc = cli_parse_options(&generate_spec, s.arena, argc, argv, &s.opts, stdout, stderr);
	if (rc >= 0)
		goto done;
	if (s.opts.name && !valid_name(s.opts.name))
	{
		cli_error("--name must be letters, digits, '-' and '_' (at most 100), not '%s'", s.opts.name);
		rc = CLI_EXIT_USAGE;
		goto done;
	}
	if (!cli_request_init(&s.request, s.arena, &s.opts, &err) ||
		!cli_migrations_dir_read(s.arena, dir_path(&s), true, &dir, &err) ||
		!open_scratch(&s, &dir, &err) ||
		!check_dialect(&s, &dir, s.driver->dialect_name, &err) ||
		!cli_document_read(s.arena, s.opts.schema_file, s.driver->dialect_name, &s.document,
						   &s.desired, &err))
	{
		rc = cli_report(&err);
		goto done;
	}
	print_warnings(&dir);
	if (s.driver->rehearse_begin &&
		(!rehearsal_schemas(&s, &dir, &emptied, &err) ||
		 !s.driver->rehearse_begin(s.conn, &emptied, &err)))
	{
		rc = cli_report(&err);
		goto done;
	}
	rc = generate_in(&s, &dir);
	if (s.driver->rehearse_end)
		s.driver->rehearse_end(s.conn);
done:
	cli_migrations_dir_free(&dir);
	cli_session_close(&s);
	return rc;
}

static int
squash(int argc, const char **argv)
{
	vb_arena   *arena = cli_arena_new();
	cli_options opts;
	cli_migration_dir dir;
	vb_error	err;
	char	   *file_name;
	int			rc = cli_parse_options(&squash_spec, arena, argc, argv, &opts, stdout, stderr);

	memset(&dir, 0, sizeof(dir));
	if (rc < 0 && opts.name && !valid_name(opts.name))
	{
		cli_error("--name must be letters, digits, '-' and '_' (at most 100), not '%s'", opts.name);
		rc = CLI_EXIT_USAGE;
	}
	if (rc < 0 &&
		(!cli_migrations_dir_read(arena, opts.dir ? opts.dir : DEFAULT_DIR, false, &dir, &err) ||
		 !cli_migrations_dir_squash(arena, &dir, opts.from, opts.to, opts.name, &file_name, &err)))
		rc = cli_report(&err);
	else if (rc < 0)
	{
		printf("Squashed %s to %s into %s/%s.\n", opts.from, opts.to, dir.path, file_name);
		rc = CLI_EXIT_OK;
	}
	cli_migrations_dir_free(&dir);
	vb_arena_free(arena);
	return rc;
}

/* ---- dispatch ------------------------------------------------------------ */

static void
print_migrate_help(FILE *f)
{
	fputs("usage: viborm migrate <command> [options]\n"
		  "\n"
		  "Versioned migrations: SQL files in a directory (default ./migrations), applied\n"
		  "in order, exactly once, recorded in the database.\n"
		  "\n"
		  "    generate   write the next migration from a schema document\n"
		  "    apply      apply the pending migrations\n"
		  "    status     applied, pending, edited, missing, failed; drift\n"
		  "    down       revert the newest applied migrations\n"
		  "    baseline   record migrations as applied without running them\n"
		  "    resolve    forget a failed migration repaired by hand (MySQL)\n"
		  "    squash     join several migrations into one\n"
		  "    reset      drop what the migrations made and apply them all again\n"
		  "\n"
		  "See 'viborm migrate <command> --help' and docs/migrations.md.\n", f);
}

int
cmd_migrate(int argc, const char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (sub == NULL || strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0)
	{
		print_migrate_help(sub ? stdout : stderr);
		return sub ? CLI_EXIT_OK : CLI_EXIT_USAGE;
	}
	argc--;
	argv++;
	if (strcmp(sub, "generate") == 0)
		return generate(argc, argv);
	if (strcmp(sub, "apply") == 0)
		return run_request(&apply_spec, "apply", MODE_PLAIN, argc, argv);
	if (strcmp(sub, "status") == 0)
		return run_request(&status_spec, "status", MODE_PLAIN, argc, argv);
	if (strcmp(sub, "down") == 0)
		return run_request(&down_spec, "down", MODE_PLAIN, argc, argv);
	if (strcmp(sub, "reset") == 0)
		return run_request(&reset_spec, "apply", MODE_RESET, argc, argv);
	if (strcmp(sub, "resolve") == 0)
		return resolve(argc, argv);
	if (strcmp(sub, "squash") == 0)
		return squash(argc, argv);
	if (strcmp(sub, "baseline") == 0)
	{
		/* viborm migrate baseline VERSION: the version as --to */
		const char **args = calloc((size_t) argc * 2 + 2, sizeof(char *));
		int			n = 0;
		int			i;
		int			rc;

		args[n++] = argv[0];
		for (i = 1; i < argc; i++)
		{
			if (argv[i][0] != '-' && (i == 1 || argv[i - 1][0] != '-' ||
									  !cli_option_takes_value(argv[i - 1])))
			{
				args[n++] = "--to";
				args[n++] = argv[i];
			}
			else
				args[n++] = argv[i];
		}
		rc = run_request(&baseline_spec, "apply", MODE_BASELINE, n, args);
		free(args);
		return rc;
	}
	cli_error("'%s' is not a migrate command. See 'viborm migrate --help'.", sub);
	return CLI_EXIT_USAGE;
}
