/*
 * cmd_push.c — viborm push: bring the database to the document.
 *
 * Plan, settle every question (flags, prompts on a terminal, exit 4
 * without one), show the plan, confirm (unless --yes), then one push: on
 * PostgreSQL one call of viborm.push, which checks, guards, applies,
 * verifies and records in one transaction.
 */
#include <string.h>
#include <time.h>

#include "cli.h"
#include "output.h"
#include "prompt.h"
#include "session.h"

static const cli_command_spec push_spec = {
	.name = "push",
	.usage = "[--url URL] --schema FILE [--force] [--dry-run] [--yes] [--json] [resolution flags]",
	.description =
	"Bring the database to the document. On a terminal, viborm asks what it\n"
	"cannot decide (a rename or a drop and add, a value for rows of a removed\n"
	"enum value, whether to run destructive steps), shows the plan and asks\n"
	"for confirmation. Without a terminal nothing is asked: an open question\n"
	"ends the command with exit 4, naming the flag that settles it. On\n"
	"PostgreSQL the push is one transaction: all of it, or nothing.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_SCHEMA) | CLI_OPT(OPT_FORCE) |
	CLI_OPT(OPT_DRY_RUN) | CLI_OPT(OPT_YES) | CLI_OPT(OPT_JSON) | CLI_OPT(OPT_VERBOSE) |
	CLI_OPTS_RESOLUTION,
	.required = CLI_OPT(OPT_SCHEMA),
};

static double
now_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) t.tv_sec + t.tv_nsec / 1e9;
}

static void
print_plan(cli_session *s, FILE *f, const cJSON *plan)
{
	int			ops = cli_count(plan, "operations");
	int			destructive = cli_count(plan, "destructive");

	fprintf(f, "%d operation%s to apply", ops, ops == 1 ? "" : "s");
	if (destructive)
		fprintf(f, " (%d destructive)", destructive);
	fprintf(f, ":\n");
	cli_print_plan(f, s->arena, plan, s->opts.dry_run || s->opts.verbose, s->opts.verbose > 0);
}

/* The final confirmation (a terminal, no --yes). */
static int
confirm(cli_session *s, int ops)
{
	static const char *const choices[] = {"yes, apply", "no, abort"};
	int			answer = cli_select(vb_printf(s->arena, "Apply %d operation%s to %s?", ops,
											  ops == 1 ? "" : "s", s->url.masked),
									(const char **) choices, 2);

	if (answer < 0)
	{
		fprintf(stderr, "%sinterrupted:%s nothing was applied\n",
				cli_colour_of(stderr, CLI_RED), cli_colour_of(stderr, CLI_RESET));
		return CLI_EXIT_INTERRUPTED;
	}
	if (answer == 1)
	{
		cli_error("aborted: nothing was applied");
		return CLI_EXIT_REFUSED;
	}
	return -1;
}

/* Did the push run the statements that were shown? */
static bool
same_statements(const cJSON *a, const cJSON *b)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(a, "sql");
	const cJSON *y = cJSON_GetObjectItemCaseSensitive(b, "sql");

	return x && y && cJSON_Compare(x, y, true);
}

static void
print_outcome(const cJSON *result, double seconds)
{
	int			ops = cli_count(result, "operations");
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(result, "historyId");

	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(result, "applied")))
		printf("%sApplied%s %d operation%s in %.2f s (history #%.0f).\n",
			   cli_colour_of(stdout, CLI_GREEN), cli_colour_of(stdout, CLI_RESET),
			   ops, ops == 1 ? "" : "s", seconds, id ? id->valuedouble : 0);
	else if (ops == 0)
		printf("No changes: the database matches the document.\n");
	else
		printf("Dry run: the plan passed every check; nothing was applied.\n");
}

static int
push(cli_session *s)
{
	bool		confirm_needed = !s->opts.dry_run && !s->opts.yes;
	FILE	   *human = s->opts.json ? stderr : stdout;
	cJSON	   *plan = NULL;
	cJSON	   *result = NULL;
	char	   *text;
	vb_error	err;
	double		started;
	int			ops;
	int			rc = cli_settle(s, true, confirm_needed, &plan);

	if (rc >= 0)
		goto done;
	ops = cli_count(plan, "operations");
	if (ops > 0 && (!s->opts.json || cli_interactive()))
		print_plan(s, human, plan);
	if (ops > 0 && confirm_needed && cli_interactive() && (rc = confirm(s, ops)) >= 0)
		goto done;
	started = now_seconds();
	if (!cli_plan(s, s->opts.dry_run ? CLI_PLAN_DRY_RUN : CLI_PLAN_APPLY, &result, &text, &err))
	{
		rc = cli_report(&err);
		goto done;
	}
	if (cli_interrupted())
		cli_warning("interrupted too late: the push had already completed");
	if (!same_statements(plan, result))
	{
		cli_warning("the database changed while viborm was asking; this plan ran instead:");
		print_plan(s, stderr, result);
	}
	if (s->opts.json)
		printf("%s\n", text);
	else
		print_outcome(result, now_seconds() - started);
	rc = CLI_EXIT_OK;
done:
	cJSON_Delete(plan);
	cJSON_Delete(result);
	return rc;
}

int
cmd_push(int argc, const char **argv)
{
	cli_session s;
	int			rc = cli_session_open(&s, &push_spec, argc, argv, true);

	if (rc < 0)
		rc = push(&s);
	cli_session_close(&s);
	return rc;
}
