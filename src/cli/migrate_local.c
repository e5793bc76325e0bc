/*
 * migrate_local.c — versioned migrations on the targets the command plans
 * for (SQLite, MySQL/MariaDB): the three requests of the extension
 * (apply, status, down; CONTRACT §5), with the same inputs, refusals and
 * result objects, recorded in _viborm_migrations.
 *
 * The core (src/core/migrate.c) reconciles files and records and says
 * what to run or refuse; this file runs it on the driver:
 *
 *  - SQLite: the driver's lock (busy timeout, foreign keys off outside
 *    the transaction) and one BEGIN IMMEDIATE transaction for every file
 *    and its record, committed after PRAGMA foreign_key_check: all or
 *    nothing.
 *  - MySQL: DDL commits by itself, so the record is the journal: written
 *    "running" before a file's first statement, its applied_steps raised
 *    after each statement, "applied" at the end; a failure leaves it
 *    "failed at step k" with the server's error, and the next apply
 *    refuses until it is resumed (the statements after k) or resolved.
 *    GET_LOCK serialises apply, down and push.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "dialect.h"
#include "history.h"
#include "migrate.h"
#include "vb_json.h"

typedef struct local
{
	const cli_driver *self;
	cli_conn   *conn;
	vb_arena   *arena;
	const vb_dialect *dialect;
	bool		journal;		/* MySQL: no transaction around DDL */
} local;

static const char *
lit(local *l, const char *text)
{
	return text ? l->dialect->quote_literal(l->arena, text) : "NULL";
}

static bool
table_exists(local *l, bool *exists, vb_error *err)
{
	long long	n;
	const char *sql = l->journal
		? "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
		" AND TABLE_NAME = '" CLI_MIGRATIONS_TABLE "'"
		: "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '"
		CLI_MIGRATIONS_TABLE "'";

	if (!l->self->count_rows(l->conn, sql, &n, err))
		return false;
	*exists = n > 0;
	return true;
}

static bool
create_table(local *l, vb_error *err)
{
	const char *sql = l->journal
		? "CREATE TABLE IF NOT EXISTS " CLI_MIGRATIONS_TABLE " ("
		"version VARCHAR(255) NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL,"
		" checksum VARCHAR(64) NOT NULL, up_sql LONGTEXT NOT NULL, down_sql LONGTEXT,"
		" snapshot LONGTEXT, applied_at VARCHAR(32) NOT NULL, applied_by VARCHAR(255) NOT NULL,"
		" duration_ms DOUBLE NOT NULL, state VARCHAR(64) NOT NULL,"
		" applied_steps INT NOT NULL DEFAULT 0, error LONGTEXT)"
		" ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin"
		: "CREATE TABLE IF NOT EXISTS " CLI_MIGRATIONS_TABLE " ("
		"version TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,"
		" up_sql TEXT NOT NULL, down_sql TEXT, snapshot TEXT, applied_at TEXT NOT NULL,"
		" applied_by TEXT NOT NULL, duration_ms REAL NOT NULL, state TEXT NOT NULL,"
		" applied_steps INTEGER NOT NULL DEFAULT 0, error TEXT)";

	return l->self->execute(l->conn, sql, err);
}

static bool
read_records(local *l, vb_list *records, vb_error *err)
{
	vb_list		rows = {0};
	bool		exists;
	int			i;

	if (!table_exists(l, &exists, err))
		return false;
	if (!exists)
		return true;
	if (!l->self->query(l->conn, l->arena,
						"SELECT version, name, checksum, applied_at, applied_by, duration_ms, state,"
						" applied_steps, error, down_sql, snapshot FROM " CLI_MIGRATIONS_TABLE
						" ORDER BY version", 11, &rows, err))
		return false;
	for (i = 0; i < rows.count; i++)
	{
		char	  **row = rows.items[i];
		vb_migration_record *r = vb_alloc(l->arena, sizeof(vb_migration_record));

		r->version = row[0];
		r->name = row[1];
		r->checksum = row[2];
		r->applied_at = row[3];
		r->applied_by = row[4];
		r->duration_ms = row[5] ? strtod(row[5], NULL) : 0;
		r->state = row[6];
		r->applied_steps = row[7] ? atoi(row[7]) : 0;
		r->error = row[8];
		r->down = row[9];
		r->snapshot = row[10];
		vb_list_push(l->arena, records, r);
	}
	return true;
}

/* Now, UTC, ISO 8601 with milliseconds. */
static const char *
iso_now(vb_arena *arena)
{
	double		now = cli_now();
	time_t		seconds = (time_t) now;
	struct tm	tm;
	char		buf[32];

	gmtime_r(&seconds, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
	return vb_printf(arena, "%s.%03dZ", buf, (int) ((now - (double) seconds) * 1000));
}

static const char *
os_user(void)
{
	return getenv("USER") ? getenv("USER") : "unknown";
}

static bool
insert_record(local *l, const vb_migration *m, const char *state, double duration_ms,
			  vb_error *err)
{
	return l->self->execute(l->conn, vb_printf(l->arena,
											   "INSERT INTO " CLI_MIGRATIONS_TABLE " (version, name, checksum, up_sql, down_sql, snapshot,"
											   " applied_at, applied_by, duration_ms, state, applied_steps) VALUES"
											   " (%s, %s, %s, %s, %s, %s, %s, %s, %.3f, %s, 0)",
											   lit(l, m->version), lit(l, m->name), lit(l, m->checksum), lit(l, m->sql),
											   lit(l, m->down), lit(l, m->snapshot), lit(l, iso_now(l->arena)),
											   lit(l, os_user()), duration_ms, lit(l, state)), err);
}

/* MySQL's journal: the state of a file's record, as each statement commits. */
static bool
journal(local *l, const char *version, const char *state, int steps, const char *error,
		double duration_ms, vb_error *err)
{
	vb_error	ignored;

	/* a failure while recording a failure must not hide the first one */
	return l->self->execute(l->conn, vb_printf(l->arena,
											   "UPDATE " CLI_MIGRATIONS_TABLE " SET state = %s, applied_steps = %d, error = %s,"
											   " duration_ms = %.3f WHERE version = %s",
											   lit(l, state), steps, lit(l, error), duration_ms,
											   lit(l, version)), error ? &ignored : err);
}

/* The error of statement k of a file, as the extension words it. */
static bool
statement_failed(local *l, const char *version, const char *name, int k, int total,
				 const char *sql, const vb_error *cause, vb_error *err)
{
	vb_fail(err, l->arena, VB_ERR_STEP_FAILED, NULL,
			"migration %s (%s), statement %d of %d failed: %s", version, name, k, total,
			cause->message);
	err->detail = vb_printf(l->arena, "Statement %d: %s%s%s", k, sql,
							cause->detail ? "\n" : "", cause->detail ? cause->detail : "");
	err->hint = l->journal
		? vb_printf(l->arena, "MySQL commits each statement: statements 1 to %d of this file were applied, this one and the rest were not; every earlier file was applied. Fix the cause, then run migrate apply --resume (it continues with statement %d), or repair the database by hand and run migrate resolve --rolled-back %s.",
					k - 1, k, version)
		: vb_strdup(l->arena, "Nothing was applied.");
	return false;
}

static double
ms_since(double start)
{
	return (cli_now() - start) * 1000.0;
}

/* Run one file (from statement `first`, 1-based); on MySQL journal it. */
static bool
run_file(local *l, const vb_migration *m, bool is_down, int first, int *count, vb_error *err)
{
	const char *suffix = is_down ? " of the down migration" : "";
	vb_list		statements = {0};
	double		start = cli_now();
	int			i;

	vb_migration_statements(l->arena, m->sql, &statements);
	*count = statements.count;
	for (i = first - 1; i < statements.count; i++)
	{
		vb_error	cause;

		if (!l->self->execute(l->conn, statements.items[i], &cause))
		{
			if (strcmp(cause.code, CLI_ERR_INTERRUPTED) == 0)
			{
				*err = cause;
				if (l->journal)
					journal(l, m->version, vb_printf(l->arena, "failed at step %d%s", i + 1, suffix),
							i, "interrupted", ms_since(start), err);
				return false;
			}
			if (l->journal)
				journal(l, m->version, vb_printf(l->arena, "failed at step %d%s", i + 1, suffix), i,
						cause.message, ms_since(start), err);
			return statement_failed(l, m->version, m->name, i + 1, statements.count,
									statements.items[i], &cause, err);
		}
		if (l->journal && !journal(l, m->version, "running", i + 1, NULL, ms_since(start), err))
			return false;
	}
	return !l->journal || journal(l, m->version, "applied", statements.count, NULL,
								  ms_since(start), err);
}

/* Drift: the live schema against a snapshot, as a diff (changes nothing). */
static const char *
drift_against(local *l, const char *snapshot)
{
	char	   *result;
	vb_error	err;
	cJSON	   *o;

	if (snapshot == NULL)
		return NULL;
	if (l->self->plan(l->self, l->conn, l->arena, snapshot, "{\"resolutions\": \"addAndDrop\"}",
					  CLI_PLAN_DIFF, &result, &err))
		return vb_migrate_drift(l->arena, result);
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "error", err.message);
	return vb_json_print(l->arena, o);
}

static bool
read_files(local *l, const char *migrations, vb_list *files, vb_error *err)
{
	int			i;

	if (!vb_migrations_read(l->arena, migrations, files, err))
		return false;
	for (i = 0; i < files->count; i++)
	{
		vb_migration *m = files->items[i];

		m->checksum = cli_sha256_hex(l->arena, m->sql, strlen(m->sql));
	}
	return true;
}

/*
 * Reset: what the migrations made, dropped. SQLite: every trigger, view and
 * table of the file (virtual tables before the shadow tables they own;
 * indexes go with their tables), inside the apply's transaction with
 * foreign keys off. MySQL: every view, table and routine of the database,
 * with FOREIGN_KEY_CHECKS off for the session; each DROP commits. viborm's
 * own tables (_viborm_*) and SQLite's (sqlite_*) stay; a virtual table's
 * shadow tables go with it; MySQL's events go too. Then every record
 * is forgotten. Nothing is changed on a dry run or without force.
 */
static const char sqlite_reset_sql[] =
"SELECT type, name FROM sqlite_schema"
" WHERE type IN ('table', 'view', 'trigger')"
" AND name NOT IN (SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow')"
" AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_viborm\\_%' ESCAPE '\\'"
" ORDER BY CASE type WHEN 'trigger' THEN 0 WHEN 'view' THEN 1 ELSE 2 END,"
" CASE WHEN sql LIKE 'CREATE VIRTUAL TABLE%' THEN 0 ELSE 1 END, name";

static const char mysql_reset_sql[] =
"SELECT kind, name FROM ("
" SELECT CASE TABLE_TYPE WHEN 'VIEW' THEN 'view' ELSE 'table' END AS kind, TABLE_NAME AS name,"
"  CASE TABLE_TYPE WHEN 'VIEW' THEN 0 ELSE 1 END AS ord"
"  FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
"  AND TABLE_NAME NOT LIKE '\\_viborm\\_%'"
" UNION ALL"
" SELECT LOWER(ROUTINE_TYPE), ROUTINE_NAME, 2 FROM information_schema.ROUTINES"
"  WHERE ROUTINE_SCHEMA = DATABASE()"
" UNION ALL"
" SELECT 'event', EVENT_NAME, 3 FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()"
") x ORDER BY ord, name";

/* "table" -> "TABLE" (the kinds reset drops). */
static const char *
keyword(vb_arena *arena, const char *kind)
{
	char	   *k = vb_strdup(arena, kind);
	char	   *p;

	for (p = k; *p; p++)
		*p = (char) toupper((unsigned char) *p);
	return k;
}

static bool
reset_local(local *l, const vb_migrate_options *opts, const vb_list *files,
			const vb_list *records, vb_migrate_reset *reset, vb_error *err)
{
	vb_list		rows = {0};
	int			i;

	if (opts->schemas.count > 0)
		return vb_fail(err, l->arena, VB_ERR_INVALID, "options.schemas",
					   "%s has no schemas to choose: a reset empties the whole database",
					   l->journal ? "MySQL" : "SQLite");
	vb_list_push(l->arena, &reset->schemas, (void *) (l->journal ? "public" : "main"));
	if (!l->self->query(l->conn, l->arena, l->journal ? mysql_reset_sql : sqlite_reset_sql, 2,
						&rows, err))
		return false;
	for (i = 0; i < rows.count; i++)
	{
		char	  **row = rows.items[i];

		vb_list_push(l->arena, &reset->dropped_kinds, row[0]);
		vb_list_push(l->arena, &reset->dropped, row[1]);
	}
	for (i = 0; i < records->count; i++)
		vb_list_push(l->arena, &reset->forgotten, ((vb_migration_record *) records->items[i])->version);
	if (!vb_migrate_reset_check(l->arena, opts, files, reset, err))
		return false;
	if (opts->dry_run)
		return true;
	if (l->journal && !l->self->execute(l->conn, "SET FOREIGN_KEY_CHECKS = 0", err))
		return false;
	for (i = 0; i < rows.count; i++)
	{
		char	  **row = rows.items[i];
		const char *sql = vb_printf(l->arena, "DROP %s %s%s", keyword(l->arena, row[0]),
									strcmp(row[0], "table") == 0 ? "IF EXISTS " : "",
									l->dialect->quote_ident(l->arena, row[1]));

		if (!l->self->execute(l->conn, sql, err))
		{
			if (l->journal)
			{
				vb_error	ignored;

				l->self->execute(l->conn, "SET FOREIGN_KEY_CHECKS = 1", &ignored);
			}
			err->hint = l->journal
				? vb_strdup(l->arena, "MySQL commits each DROP: the objects listed before this one were dropped; the migrations were not touched. Run the reset again.")
				: vb_strdup(l->arena, "Nothing was changed.");
			return false;
		}
	}
	if (l->journal && !l->self->execute(l->conn, "SET FOREIGN_KEY_CHECKS = 1", err))
		return false;
	return l->self->execute(l->conn, "DELETE FROM " CLI_MIGRATIONS_TABLE, err);
}

static bool
apply(local *l, const vb_migrate_options *opts, const vb_list *files, char **result,
	  vb_error *err)
{
	vb_list		records = {0};
	vb_list		statuses = {0};
	vb_list		pending = {0};
	vb_list		runs = {0};
	vb_list		after = {0};
	vb_migrate_reset reset = {0};
	const char *drift = NULL;
	bool		in_transaction = false;
	int			i;

	if (!l->self->lock(l->conn, opts->lock_timeout, err))
		return false;
	if (!opts->dry_run)
	{
		if (!l->journal)
		{
			if (!l->self->begin(l->conn, err))
				return false;
			in_transaction = true;
		}
		if (!create_table(l, err))
			goto fail;
	}
	if (!read_records(l, &records, err))
		goto fail;
	vb_migrations_reconcile(l->arena, files, &records, &statuses);
	if (opts->reset)
	{
		/* then every file is pending */
		if (!reset_local(l, opts, files, &records, &reset, err))
			goto fail;
		records.count = 0;
		statuses.count = 0;
		vb_migrations_reconcile(l->arena, files, &records, &statuses);
	}
	if (!vb_migrations_pending(l->arena, &statuses, opts, &pending, err))
		goto fail;
	for (i = 0; i < pending.count; i++)
	{
		const vb_migration_status *s = pending.items[i];
		const vb_migration *m = s->file;
		vb_migration_run *run = vb_alloc(l->arena, sizeof(vb_migration_run));
		bool		resuming = s->state == VB_MIGRATION_FAILED;
		double		start = cli_now();

		run->version = m->version;
		run->name = m->name;
		run->checksum = m->checksum;
		vb_list_push(l->arena, &runs, run);
		if (opts->dry_run)
		{
			vb_list		statements = {0};

			vb_migration_statements(l->arena, m->sql, &statements);
			run->statements = statements.count;
			continue;
		}
		if (opts->baseline)
		{
			if (!insert_record(l, m, "baseline", 0, err))
				goto fail;
			continue;
		}
		if (resuming && strcmp(s->record->checksum, m->checksum) != 0)
		{
			vb_fail(err, l->arena, VB_ERR_MIGRATION_CHANGED, NULL,
					"failed migration %s (%s) was edited since it failed", m->version, m->name);
			err->hint = "Resume needs the file as it was: statements before the failed one already ran. Restore it, or resolve the migration with migrate resolve --rolled-back and apply it again. Nothing was applied.";
			goto fail;
		}
		if (l->journal && !resuming && !insert_record(l, m, "running", 0, err))
			goto fail;
		if (resuming && strstr(s->record->state, "down"))
		{
			vb_fail(err, l->arena, VB_ERR_STEP_FAILED, NULL, "migration %s (%s) %s",
					m->version, m->name, s->record->state);
			err->hint = "A failed down migration cannot be resumed by apply: repair the database by hand, then run migrate resolve --rolled-back VERSION. Nothing was applied.";
			goto fail;
		}
		if (!run_file(l, m, false, resuming ? s->record->applied_steps + 1 : 1, &run->statements, err))
			goto fail;
		run->duration_ms = ms_since(start);
		if (!l->journal && !insert_record(l, m, "applied", run->duration_ms, err))
			goto fail;
	}
	if (in_transaction && !l->self->commit(l->conn, err))
		goto fail;
	in_transaction = false;
	if (!opts->dry_run)
	{
		records.count = 0;
		if (!read_records(l, &records, err))
			return false;
		vb_migrations_reconcile(l->arena, files, &records, &after);
		if (!opts->baseline)
			drift = drift_against(l, vb_migrations_last_snapshot(&after));
	}
	else
		after = statuses;
	*result = vb_migrate_apply_result(l->arena, &runs, &after, opts->dry_run, drift,
									  opts->reset ? &reset : NULL);
	return true;
fail:
	if (in_transaction)
		l->self->rollback(l->conn);
	return false;
}

static bool
down(local *l, const vb_migrate_options *opts, char **result, vb_error *err)
{
	vb_list		records = {0};
	vb_list		revert = {0};
	bool		in_transaction = false;
	int			i;

	if (!l->self->lock(l->conn, opts->lock_timeout, err))
		return false;
	if (!opts->dry_run && !l->journal)
	{
		if (!l->self->begin(l->conn, err))
			return false;
		in_transaction = true;
	}
	if (!read_records(l, &records, err) ||
		!vb_migrations_to_revert(l->arena, &records, opts, &revert, err))
		goto fail;
	for (i = 0; i < revert.count && !opts->dry_run; i++)
	{
		const vb_migration_record *r = revert.items[i];
		vb_migration m;
		int			count;

		memset(&m, 0, sizeof(m));
		m.version = r->version;
		m.name = r->name;
		m.sql = r->down;
		if (l->journal && !journal(l, r->version, "reverting", 0, NULL, 0, err))
			goto fail;
		/* on MySQL a failed down leaves its record "failed at step k" */
		if (!run_file(l, &m, true, 1, &count, err) ||
			!l->self->execute(l->conn, vb_printf(l->arena, "DELETE FROM " CLI_MIGRATIONS_TABLE
												 " WHERE version = %s", lit(l, r->version)), err))
			goto fail;
	}
	if (in_transaction && !l->self->commit(l->conn, err))
		goto fail;
	*result = vb_migrate_down_result(l->arena, &revert, opts->dry_run);
	return true;
fail:
	if (in_transaction)
		l->self->rollback(l->conn);
	return false;
}

static void
local_init(local *l, const cli_driver *self, cli_conn *conn, vb_arena *arena)
{
	l->self = self;
	l->conn = conn;
	l->arena = arena;
	l->dialect = self->dialect_of ? self->dialect_of(conn) : self->dialect;
	l->journal = self->journal != NULL;
}

bool
cli_migrate_local(const cli_driver *self, cli_conn *conn, vb_arena *arena, const char *request,
				  const char *migrations, const char *options, char **result, vb_error *err)
{
	local		l;
	vb_migrate_options opts;
	vb_list		files = {0};
	vb_list		records = {0};
	vb_list		statuses = {0};

	local_init(&l, self, conn, arena);
	if (!vb_migrate_options_read(arena, options, &opts, err))
		return false;
	if (!vb_migrate_options_for(arena, &opts, request, err))
		return false;
	if (strcmp(request, "down") == 0)
		return down(&l, &opts, result, err);
	if (!read_files(&l, migrations, &files, err))
		return false;
	if (strcmp(request, "apply") == 0)
		return apply(&l, &opts, &files, result, err);
	if (!read_records(&l, &records, err))
		return false;
	vb_migrations_reconcile(arena, &files, &records, &statuses);
	*result = vb_migrate_status_result(arena, &statuses, drift_against(&l, vb_migrations_last_snapshot(&statuses)));
	return true;
}

bool
cli_migrate_resolve(const cli_driver *self, cli_conn *conn, vb_arena *arena,
					const char *version, vb_error *err)
{
	local		l;
	vb_list		records = {0};
	int			i;

	local_init(&l, self, conn, arena);
	if (!self->lock(conn, "5s", err) || !read_records(&l, &records, err))
		return false;
	for (i = 0; i < records.count; i++)
	{
		const vb_migration_record *r = records.items[i];

		if (strcmp(r->version, version) != 0)
			continue;
		if (strcmp(r->state, "applied") == 0 || strcmp(r->state, "baseline") == 0)
		{
			vb_fail(err, arena, VB_ERR_INVALID, NULL,
					"migration %s (%s) did not fail: it is %s", r->version, r->name, r->state);
			err->hint = "Only a failed migration can be resolved; use migrate down to revert an applied one.";
			return false;
		}
		return self->execute(conn, vb_printf(arena, "DELETE FROM " CLI_MIGRATIONS_TABLE
											 " WHERE version = %s", lit(&l, version)), err);
	}
	return vb_fail(err, arena, VB_ERR_INVALID, NULL, "migration %s was never applied here", version);
}
