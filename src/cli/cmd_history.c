/*
 * cmd_history.c — viborm history: the pushes the target recorded, newest
 * first (on PostgreSQL, the rows of viborm.history).
 */
#include <string.h>
#include <time.h>

#include "cli.h"
#include "output.h"
#include "session.h"

#define DEFAULT_LIMIT 20

static const cli_command_spec history_spec = {
	.name = "history",
	.usage = "[--url URL] [--limit N] [--json]",
	.description =
	"List the pushes recorded in the database, newest first: when, by whom,\n"
	"the operations (-v: and their SQL), the checksum and the duration.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_LIMIT) | CLI_OPT(OPT_JSON) | CLI_OPT(OPT_VERBOSE),
};

/* "2024-05-01T12:00:03.250Z" (iso) or "2024-05-01 12:00:03 UTC" */
static const char *
format_time(vb_arena *arena, double epoch, bool iso)
{
	time_t		seconds = (time_t) epoch;
	struct tm	tm;
	char		buf[64];

	gmtime_r(&seconds, &tm);
	strftime(buf, sizeof(buf), iso ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%d %H:%M:%S", &tm);
	if (iso)
		return vb_printf(arena, "%s.%03dZ", buf, (int) ((epoch - (double) seconds) * 1000));
	return vb_printf(arena, "%s UTC", buf);
}

static cJSON *
entry_json(vb_arena *arena, const cli_history_entry *e)
{
	cJSON	   *o = cJSON_CreateObject();
	cJSON	   *sql = cJSON_CreateArray();
	cJSON	   *ops = cJSON_Parse(e->operations);
	int			i;

	cJSON_AddNumberToObject(o, "id", (double) e->id);
	cJSON_AddStringToObject(o, "kind", e->kind);
	cJSON_AddStringToObject(o, "appliedAt", format_time(arena, e->applied_at, true));
	cJSON_AddStringToObject(o, "appliedBy", e->applied_by);
	cJSON_AddItemToObject(o, "operations", ops ? ops : cJSON_CreateArray());
	for (i = 0; i < e->sql.count; i++)
		cJSON_AddItemToArray(sql, cJSON_CreateString(e->sql.items[i]));
	cJSON_AddItemToObject(o, "sql", sql);
	cJSON_AddStringToObject(o, "checksum", e->checksum);
	cJSON_AddNumberToObject(o, "durationMs", e->duration_ms);
	if (e->state)
		cJSON_AddStringToObject(o, "state", e->state);
	if (e->error)
		cJSON_AddStringToObject(o, "error", e->error);
	return o;
}

static void
print_entry(cli_session *s, const cli_history_entry *e)
{
	cJSON	   *ops = cJSON_Parse(e->operations);
	cJSON	   *wrapper = cJSON_CreateObject();
	int			n = cJSON_GetArraySize(ops);

	printf("%s#%lld%s  %s  by %s  %d operation%s  %.0f ms%s%s\n",
		   cli_colour_of(stdout, CLI_YELLOW), e->id, cli_colour_of(stdout, CLI_RESET),
		   format_time(s->arena, e->applied_at, false), e->applied_by, n, n == 1 ? "" : "s",
		   e->duration_ms, e->state ? "  " : "", e->state ? e->state : "");
	/* the operations as push showed them */
	cJSON_AddItemToObject(wrapper, "operations", ops ? ops : cJSON_CreateArray());
	if (e->error)
		printf("    %serror:%s %s\n", cli_colour_of(stdout, CLI_RED), cli_colour_of(stdout, CLI_RESET),
			   e->error);
	cli_print_plan(stdout, s->arena, wrapper, s->opts.verbose > 0, false);
	if (s->opts.verbose)
		printf("    checksum %s\n", e->checksum);
	cJSON_Delete(wrapper);
}

int
cmd_history(int argc, const char **argv)
{
	cli_session s;
	vb_list		entries;
	vb_error	err;
	int			i;
	int			rc = cli_session_open(&s, &history_spec, argc, argv, false);

	memset(&entries, 0, sizeof(entries));
	if (rc < 0 && !s.driver->read_history(s.conn, s.arena,
										  s.opts.limit ? s.opts.limit : DEFAULT_LIMIT,
										  &entries, &err))
		rc = cli_report(&err);
	if (rc < 0 && s.opts.json)
	{
		cJSON	   *root = cJSON_CreateObject();
		cJSON	   *list = cJSON_AddArrayToObject(root, "history");
		char	   *text;

		for (i = 0; i < entries.count; i++)
			cJSON_AddItemToArray(list, entry_json(s.arena, entries.items[i]));
		text = cJSON_PrintUnformatted(root);
		printf("%s\n", text);
		cJSON_free(text);
		cJSON_Delete(root);
	}
	else if (rc < 0 && entries.count == 0)
		printf("No pushes recorded yet.\n");
	else if (rc < 0)
		for (i = 0; i < entries.count; i++)
			print_entry(&s, entries.items[i]);
	if (rc < 0)
		rc = CLI_EXIT_OK;
	cli_session_close(&s);
	return rc;
}
