/*
 * cmd_diff.c — viborm diff: what push would change. Changes nothing and
 * asks nothing: rename candidates and removed enum values that rows hold
 * are listed with the flags that settle them.
 */
#include "cli.h"
#include "output.h"
#include "session.h"

static const cli_command_spec diff_spec = {
	.name = "diff",
	.usage = "[--url URL] --schema FILE [--json] [--exit-code] [resolution flags]",
	.description =
	"Show the plan that would bring the database to the document: one line\n"
	"per operation (-v adds its SQL and hazards). Changes nothing and asks\n"
	"nothing: rename candidates stay planned as drop and add, and are listed\n"
	"with the --rename flag that settles each.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_SCHEMA) | CLI_OPT(OPT_JSON) |
	CLI_OPT(OPT_EXIT_CODE) | CLI_OPT(OPT_VERBOSE) | CLI_OPTS_RESOLUTION,
	.required = CLI_OPT(OPT_SCHEMA),
};

static void
print_human(cli_session *s, const cJSON *result)
{
	int			ops = cli_count(result, "operations");
	int			destructive = cli_count(result, "destructive");

	if (ops == 0)
	{
		printf("No changes: the database matches the document.\n");
		if (s->opts.verbose)
			cli_print_plan(stdout, s->arena, result, false, true);
		return;
	}
	printf("%d operation%s to apply", ops, ops == 1 ? "" : "s");
	if (destructive)
		printf(" (%d destructive)", destructive);
	printf(":\n");
	cli_print_plan(stdout, s->arena, result, s->opts.verbose > 0, s->opts.verbose > 0);
	cli_print_open_questions(stdout, s->arena, result);
}

int
cmd_diff(int argc, const char **argv)
{
	cli_session s;
	cJSON	   *result = NULL;
	int			rc = cli_session_open(&s, &diff_spec, argc, argv, false);

	if (rc < 0)
		rc = cli_settle(&s, false, false, &result);
	if (rc < 0)
	{
		if (s.opts.json)
		{
			char	   *text = cJSON_PrintUnformatted(result);

			printf("%s\n", text);
			cJSON_free(text);
		}
		else
			print_human(&s, result);
		rc = s.opts.exit_code && cli_count(result, "operations") > 0
			? CLI_EXIT_PENDING : CLI_EXIT_OK;
	}
	cJSON_Delete(result);
	cli_session_close(&s);
	return rc;
}
