/*
 * questions.c — settling what a plan leaves open, by flags or by asking
 * (session.h).
 *
 * The loop: plan with the options built so far; let --rename flags, then
 * --resolve, settle the rename pairs listed; plan again (a table rename can
 * reveal column pairs) until nothing changes. For push, what is still open
 * is then asked one question at a time on a terminal — each rename pair,
 * each removed enum value that rows hold, the destructive steps — or,
 * without a terminal, listed with the flags that settle it (exit 4).
 */
#include <string.h>

#include "cli.h"
#include "output.h"
#include "pipeline.h"
#include "prompt.h"
#include "session.h"

#define MAX_ROUNDS 1000			/* each round settles a pair: a bound only
								 * against a target that ignores entries */

bool
cli_plan(cli_session *s, cli_plan_mode mode, cJSON **result, char **text, vb_error *err)
{
	char	   *options = cli_request_options(&s->request);
	char	   *t;

	if (!s->driver->plan(s->driver, s->conn, s->arena, s->document, options, mode, &t, err))
		return false;
	/* the local pipeline's own tree of that text, if it has it */
	*result = cli_pipeline_take_result(t);
	if (*result == NULL)
		*result = cJSON_Parse(t);
	if (*result == NULL)
		return vb_fail(err, s->arena, "", NULL, "%s returned a result that is not JSON",
					   s->driver->name);
	if (text)
		*text = t;
	return true;
}

static const cJSON *
array_of(const cJSON *result, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(result, key);
}

/* ---- the questions, as text ------------------------------------------- */

static const char *
pair_question(vb_arena *a, const cJSON *pair)
{
	const char *kind = cli_json_str(pair, "kind");
	const char *schema = cli_json_str(pair, "schema");
	const char *from = cli_json_str(pair, "from");
	const char *to = cli_json_str(pair, "to");

	if (strcmp(kind, "column") == 0)
		return vb_printf(a, "Column \"%s\" of %s.%s is gone and column \"%s\" is new. Is it renamed?",
						 from, schema, cli_json_str(pair, "table"), to);
	if (strcmp(kind, "enumValue") == 0)
		return vb_printf(a, "Value \"%s\" of enum %s.%s is gone and value \"%s\" is new. Is it renamed?",
						 from, schema, cli_json_str(pair, "enum"), to);
	return vb_printf(a, "Table %s.%s is gone and table %s.%s is new. Is it renamed?",
					 schema, from, schema, to);
}

/* One line per open question for the exit-4 message. */
static void
list_pair(vb_arena *a, const cJSON *pair)
{
	fprintf(stderr, "  ? %s\n      %s (or --resolve rename|add-drop for every pair)\n",
			pair_question(a, pair), cli_rename_flag_for(a, pair));
}

/* Same enum value? (heldEnumValues has one entry per column holding it) */
static bool
same_value(const cJSON *a, const cJSON *b)
{
	return strcmp(cli_json_str(a, "value"), cli_json_str(b, "value")) == 0 &&
		strcmp(cli_json_str(a, "enum"), cli_json_str(b, "enum")) == 0 &&
		strcmp(cli_json_str(a, "schema"), cli_json_str(b, "schema")) == 0;
}

/* Is `h` the first entry of `held` for its value? */
static bool
first_of_value(const cJSON *held, const cJSON *h)
{
	const cJSON *earlier;

	for (earlier = held->child; earlier != h; earlier = earlier->next)
		if (same_value(earlier, h))
			return false;
	return true;
}

/* "2 in public.diary.m, 1 in public.diary.ms": the rows holding h's value */
static const char *
held_where(vb_arena *a, const cJSON *held, const cJSON *h)
{
	const cJSON *other;
	vb_buf		where;

	vb_buf_init(&where, a);
	cJSON_ArrayForEach(other, held)
		if (same_value(other, h))
		vb_buf_appendf(&where, "%s%.0f in %s.%s", where.len ? ", " : "",
					   cJSON_GetObjectItemCaseSensitive(other, "rows")->valuedouble,
					   cli_json_str(other, "object"), cli_json_str(other, "column"));
	return where.data;
}

static const char *
held_question(vb_arena *a, const cJSON *held, const cJSON *h)
{
	return vb_printf(a, "Value \"%s\" of enum %s.%s is removed, but rows hold it (%s). What should they hold instead?",
					 cli_json_str(h, "value"), cli_json_str(h, "schema"), cli_json_str(h, "enum"),
					 held_where(a, held, h));
}

static void
list_held(vb_arena *a, const cJSON *held)
{
	const cJSON *h;

	cJSON_ArrayForEach(h, held)
		if (first_of_value(held, h))
		fprintf(stderr, "  ! %s\n      %sVALUE (or nothing after '=' for NULL)\n",
				held_question(a, held, h),
				cli_map_flag_for(a, cli_json_str(h, "schema"), cli_json_str(h, "enum"),
								 cli_json_str(h, "value")));
}

static void
list_destructive(const cJSON *result)
{
	const cJSON *d;

	cJSON_ArrayForEach(d, array_of(result, "destructive"))
		fprintf(stderr, "  - %s %s: %s\n", cli_json_str(d, "kind"), cli_json_str(d, "object"),
				cli_json_str(d, "reason"));
}

/* No terminal: say what needs an answer and which flag gives it. */
static int
no_terminal(cli_session *s, const cJSON *result, bool renames, bool confirm)
{
	const cJSON *item;
	bool		generating = strcmp(s->command, "migrate generate") == 0;

	cli_error("'viborm %s' has questions and no terminal to ask them on; nothing was %s",
			  s->command, generating ? "written" : "applied");
	if (renames)
	{
		cJSON_ArrayForEach(item, array_of(result, "ambiguous"))
			list_pair(s->arena, item);
		cli_hint("Settle every pair with the flags shown; more may follow once these are settled.");
		return CLI_EXIT_QUESTION;
	}
	if (cli_count(result, "heldEnumValues") > 0)
		list_held(s->arena, array_of(result, "heldEnumValues"));
	if (cli_count(result, "destructive") > 0 && !s->request.force)
	{
		fprintf(stderr, "  destructive steps, allowed by --force:\n");
		list_destructive(result);
	}
	if (confirm && cli_count(result, "operations") > 0)
		fprintf(stderr, "  the final confirmation: --yes\n");
	return CLI_EXIT_QUESTION;
}

/* ---- asking ------------------------------------------------------------- */

static int
interrupted(void)
{
	fprintf(stderr, "%sinterrupted:%s nothing was applied\n", cli_colour_of(stderr, CLI_RED),
			cli_colour_of(stderr, CLI_RESET));
	return CLI_EXIT_INTERRUPTED;
}

static int
ask_pair(cli_session *s, const cJSON *pair)
{
	const char *kind = cli_json_str(pair, "kind");
	const char *from = cli_json_str(pair, "from");
	const char *to = cli_json_str(pair, "to");
	const char *choices[2];
	int			answer;

	choices[0] = vb_printf(s->arena, "rename %s -> %s", from, to);
	choices[1] = vb_printf(s->arena, "drop %s and add %s%s", from, to,
						   strcmp(kind, "enumValue") == 0 ? "" : " (its data is lost)");
	answer = cli_select(pair_question(s->arena, pair), choices, 2);
	if (answer < 0)
		return interrupted();
	cli_request_settle(&s->request, pair, answer == 0);
	return -1;
}

/* What rows of a removed enum value get: a value of the enum in the
 * document, or NULL. */
static int
ask_held(cli_session *s, const cJSON *held, const cJSON *h)
{
	const char *schema = cli_json_str(h, "schema");
	const char *name = cli_json_str(h, "enum");
	const vb_enum *e = s->desired ? vb_find_enum(s->desired, schema, name) : NULL;
	const char **choices;
	int			n = 0;
	int			i;
	int			answer;

	choices = vb_alloc(s->arena, sizeof(char *) * ((e ? e->values.count : 0) + 1));
	for (i = 0; e && i < e->values.count; i++)
		choices[n++] = ((vb_enum_value *) e->values.items[i])->name;
	choices[n++] = "NULL (no value)";
	answer = cli_select(held_question(s->arena, held, h), choices, n);
	if (answer < 0)
		return interrupted();
	cli_request_map(&s->request, schema, name, cli_json_str(h, "value"),
					answer == n - 1 ? NULL : choices[answer]);
	return -1;
}

static int
ask_destructive(cli_session *s, const cJSON *result)
{
	static const char *const choices[] = {"no, abort", "yes, proceed (as with --force)"};
	int			n = cli_count(result, "destructive");
	int			answer;

	fprintf(stderr, "%sThis plan destroys data:%s\n", cli_colour_of(stderr, CLI_RED),
			cli_colour_of(stderr, CLI_RESET));
	list_destructive(result);
	answer = cli_select(vb_printf(s->arena, "Proceed with %d destructive step%s?", n,
								  n == 1 ? "" : "s"), (const char **) choices, 2);
	if (answer < 0)
		return interrupted();
	if (answer == 0)
	{
		cli_error("aborted: nothing was applied");
		return CLI_EXIT_REFUSED;
	}
	s->request.force = true;
	return -1;
}

/* ---- the loop ----------------------------------------------------------- */

/* Let flags settle rename pairs, round after round; then ask (push). */
static int
settle_renames(cli_session *s, bool ask, bool confirm, cJSON **result)
{
	vb_error	err;
	int			round;

	for (round = 0; round < MAX_ROUNDS; round++)
	{
		const cJSON *ambiguous;
		const cJSON *pair;
		int			added;
		int			rc;

		cJSON_Delete(*result);
		*result = NULL;
		if (!cli_plan(s, ask ? CLI_PLAN_SETTLE : CLI_PLAN_DIFF, result, NULL, &err))
			return cli_report(&err);
		ambiguous = array_of(*result, "ambiguous");
		if (cJSON_GetArraySize(ambiguous) == 0)
			return -1;
		cJSON_ArrayForEach(pair, ambiguous)
			if (cli_request_settles(&s->request, pair))
		{
			cli_error("%s listed a rename pair already settled (%s)", s->driver->name,
					  cli_rename_flag_for(s->arena, pair));
			return CLI_EXIT_REFUSED;
		}
		added = cli_request_match_renames(&s->request, ambiguous, &err);
		if (added < 0)
			return cli_report(&err);
		if (added > 0 || cli_request_apply_resolve(&s->request, ambiguous) > 0)
			continue;
		if (!ask)
			return -1;
		if (!cli_interactive())
			return no_terminal(s, *result, true, confirm);
		/* one pair at a time: an answer can change the others */
		if ((rc = ask_pair(s, cJSON_GetArrayItem(ambiguous, 0))) >= 0)
			return rc;
	}
	cli_error("gave up settling rename pairs after %d rounds", MAX_ROUNDS);
	return CLI_EXIT_REFUSED;
}

int
cli_settle(cli_session *s, bool ask, bool confirm, cJSON **result)
{
	vb_error	err;
	int			rc;
	bool		held;
	bool		destructive;

	*result = NULL;
	if ((rc = settle_renames(s, ask, confirm, result)) >= 0)
		return rc;
	/* diff leaves pairs open; settling them could reveal the pair a flag
	 * names (a column of a renamed table): a warning then, else an error */
	if (!cli_request_check_renames_used(&s->request, &err))
	{
		if (cli_count(*result, "ambiguous") == 0)
			return cli_report(&err);
		cli_warning("%s yet; settle the pairs listed first", err.message);
	}
	if (!ask)
		return -1;
	held = cli_count(*result, "heldEnumValues") > 0;
	destructive = cli_count(*result, "destructive") > 0 && !s->request.force;
	if (!cli_interactive())
	{
		if (held || destructive || (confirm && cli_count(*result, "operations") > 0))
			return no_terminal(s, *result, false, confirm);
		return -1;
	}
	if (held)
	{
		const cJSON *array = array_of(*result, "heldEnumValues");
		const cJSON *h;

		/* one question per value, whatever the columns holding it */
		cJSON_ArrayForEach(h, array)
			if (first_of_value(array, h) && (rc = ask_held(s, array, h)) >= 0)
			return rc;
		cJSON_Delete(*result);
		*result = NULL;
		if (!cli_plan(s, CLI_PLAN_SETTLE, result, NULL, &err))
			return cli_report(&err);
	}
	if (destructive && (rc = ask_destructive(s, *result)) >= 0)
		return rc;
	return -1;
}
