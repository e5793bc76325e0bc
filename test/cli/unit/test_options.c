/*
 * test_options.c — the shared option parser (src/cli/options.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_unit.h"
#include "options.h"

/* push's flags, as cmd_push.c declares them */
static const cli_command_spec push_like = {
	.name = "push",
	.usage = "[--url URL] --schema FILE",
	.description = "Bring the database to the document.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_SCHEMA) | CLI_OPT(OPT_FORCE) |
	CLI_OPT(OPT_DRY_RUN) | CLI_OPT(OPT_YES) | CLI_OPT(OPT_JSON) | CLI_OPT(OPT_VERBOSE) |
	CLI_OPTS_RESOLUTION,
	.required = CLI_OPT(OPT_SCHEMA),
};

static const cli_command_spec history_like = {
	.name = "history",
	.usage = "[--url URL] [--limit N]",
	.description = "List the pushes.",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_LIMIT) | CLI_OPT(OPT_JSON),
};

/* What a parse printed on out and err, and its return code. */
typedef struct parsed
{
	int			rc;
	char		out[8192];
	char		err[8192];
	cli_options opts;
} parsed;

static void
capture(FILE *f, char *into, size_t size)
{
	size_t		n;

	rewind(f);
	n = fread(into, 1, size - 1, f);
	into[n] = '\0';
	fclose(f);
}

/* Parse argv (NULL-terminated, argv[0] the command) with `spec`. */
static parsed *
parse(vb_arena *arena, const cli_command_spec *spec, const char **argv)
{
	parsed	   *p = vb_alloc(arena, sizeof(parsed));
	FILE	   *out = tmpfile();
	FILE	   *err = tmpfile();
	int			argc = 0;

	while (argv[argc])
		argc++;
	p->rc = cli_parse_options(spec, arena, argc, argv, &p->opts, out, err);
	capture(out, p->out, sizeof(p->out));
	capture(err, p->err, sizeof(p->err));
	return p;
}

static void
long_options_anywhere(void **state)
{
	const char *argv[] = {"push", "--json", "--schema", "doc.json", "--force",
	"--url=postgres://h/db", "--yes", NULL};
	parsed	   *p = parse(*state, &push_like, argv);

	assert_int_equal(p->rc, -1);
	assert_string_equal(p->opts.schema_file, "doc.json");
	assert_string_equal(p->opts.url, "postgres://h/db");
	assert_true(p->opts.json);
	assert_true(p->opts.force);
	assert_true(p->opts.yes);
	assert_false(p->opts.dry_run);
	assert_string_equal(p->err, "");
}

static void
dash_is_a_value(void **state)
{
	const char *argv[] = {"push", "--schema", "-", NULL};
	const char *argv2[] = {"push", "--schema=-", "--lock-timeout", "-1", NULL};
	parsed	   *p = parse(*state, &push_like, argv);
	parsed	   *q = parse(*state, &push_like, argv2);

	assert_int_equal(p->rc, -1);
	assert_string_equal(p->opts.schema_file, "-");
	assert_int_equal(q->rc, -1);
	assert_string_equal(q->opts.schema_file, "-");
	assert_string_equal(q->opts.lock_timeout, "-1");
}

static void
lists_repeat_and_strings_keep_the_last(void **state)
{
	const char *argv[] = {"push", "--schema", "a.json", "--rename", "t=u", "--rename=users.a=users.b",
		"--map-enum", "mood.sad=", "--schema", "b.json", "-vv", "--verbose", NULL};
	parsed	   *p = parse(*state, &push_like, argv);

	assert_int_equal(p->rc, -1);
	assert_int_equal(p->opts.renames.count, 2);
	assert_string_equal(p->opts.renames.items[0], "t=u");
	assert_string_equal(p->opts.renames.items[1], "users.a=users.b");
	assert_int_equal(p->opts.map_enums.count, 1);
	assert_string_equal(p->opts.map_enums.items[0], "mood.sad=");
	assert_string_equal(p->opts.schema_file, "b.json");
	assert_int_equal(p->opts.verbose, 3);
}

static void
double_dash_ends_options(void **state)
{
	const char *argv[] = {"push", "--schema", "a.json", "--", "--force", NULL};
	parsed	   *p = parse(*state, &push_like, argv);

	assert_int_equal(p->rc, 2);
	assert_non_null(strstr(p->err, "error: unexpected argument '--force'"));
	assert_false(p->opts.force);
}

static void
help_prints_usage_from_the_table(void **state)
{
	const char *argv[] = {"push", "--url", "x", "--help", "--bogus", NULL};
	const char *argv2[] = {"push", "-h", NULL};
	parsed	   *p = parse(*state, &push_like, argv);
	parsed	   *q = parse(*state, &push_like, argv2);

	assert_int_equal(p->rc, 0);
	assert_non_null(strstr(p->out, "usage: viborm push [--url URL] --schema FILE\n"));
	assert_non_null(strstr(p->out, "    --schema FILE           the schema document"));
	assert_non_null(strstr(p->out, "    -v, --verbose           "));
	assert_non_null(strstr(p->out, "    -h, --help              show this help"));
	/* only the command's own flags */
	assert_null(strstr(p->out, "--limit"));
	assert_string_equal(p->err, "");
	assert_int_equal(q->rc, 0);
	assert_string_equal(p->out, q->out);
}

static void
unknown_option_is_a_usage_error(void **state)
{
	const char *argv[] = {"push", "--schema", "a.json", "--bogus", NULL};
	const char *argv2[] = {"push", "--schema", "a.json", "-x", NULL};
	parsed	   *p = parse(*state, &push_like, argv);
	parsed	   *q = parse(*state, &push_like, argv2);

	assert_int_equal(p->rc, 2);
	assert_non_null(strstr(p->err, "error: unknown option '--bogus'\n"));
	assert_non_null(strstr(p->err, "usage: viborm push"));
	assert_string_equal(p->out, "");
	assert_int_equal(q->rc, 2);
	assert_non_null(strstr(q->err, "error: unknown switch '-x'"));
}

static void
flag_of_another_command_is_refused(void **state)
{
	const char *argv[] = {"history", "--force", NULL};
	const char *argv2[] = {"history", "-v", NULL};
	parsed	   *p = parse(*state, &history_like, argv);
	parsed	   *q = parse(*state, &history_like, argv2);

	assert_int_equal(p->rc, 2);
	assert_non_null(strstr(p->err, "error: 'viborm history' does not take --force"));
	assert_int_equal(q->rc, 2);
	assert_non_null(strstr(q->err, "error: 'viborm history' does not take --verbose"));
}

static void
values_are_checked(void **state)
{
	const char *missing[] = {"push", "--schema", NULL};
	const char *flag_value[] = {"push", "--schema", "a", "--json=yes", NULL};
	const char *choice[] = {"push", "--schema", "a", "--resolve", "guess", NULL};
	const char *good_choice[] = {"push", "--schema", "a", "--resolve=add-drop", NULL};
	const char *limit0[] = {"history", "--limit", "0", NULL};
	const char *limit_x[] = {"history", "--limit=12x", NULL};
	const char *limit_ok[] = {"history", "--limit", "12", NULL};
	parsed	   *p;

	p = parse(*state, &push_like, missing);
	assert_int_equal(p->rc, 2);
	assert_non_null(strstr(p->err, "error: --schema needs a value (FILE)"));
	p = parse(*state, &push_like, flag_value);
	assert_int_equal(p->rc, 2);
	assert_non_null(strstr(p->err, "error: --json takes no value"));
	p = parse(*state, &push_like, choice);
	assert_int_equal(p->rc, 2);
	assert_non_null(strstr(p->err, "error: --resolve must be rename or add-drop, not 'guess'"));
	p = parse(*state, &push_like, good_choice);
	assert_int_equal(p->rc, -1);
	assert_string_equal(p->opts.resolve, "add-drop");
	p = parse(*state, &history_like, limit0);
	assert_int_equal(p->rc, 2);
	assert_non_null(strstr(p->err, "error: --limit needs a positive whole number, not '0'"));
	p = parse(*state, &history_like, limit_x);
	assert_int_equal(p->rc, 2);
	p = parse(*state, &history_like, limit_ok);
	assert_int_equal(p->rc, -1);
	assert_int_equal(p->opts.limit, 12);
}

static void
required_flag_and_stray_arguments(void **state)
{
	const char *none[] = {"push", "--json", NULL};
	const char *stray[] = {"push", "--schema", "a.json", "extra", NULL};
	parsed	   *p = parse(*state, &push_like, none);
	parsed	   *q = parse(*state, &push_like, stray);

	assert_int_equal(p->rc, 2);
	assert_non_null(strstr(p->err, "error: 'viborm push' needs --schema FILE"));
	assert_int_equal(q->rc, 2);
	assert_non_null(strstr(q->err, "error: unexpected argument 'extra'"));
}

static void
which_options_take_a_value(void **state)
{
	(void) state;
	assert_true(cli_option_takes_value("--url"));
	assert_true(cli_option_takes_value("--schema"));
	assert_true(cli_option_takes_value("--rename"));
	assert_true(cli_option_takes_value("--limit"));
	assert_false(cli_option_takes_value("--url=x"));
	assert_false(cli_option_takes_value("--json"));
	assert_false(cli_option_takes_value("--verbose"));
	assert_false(cli_option_takes_value("-v"));
	assert_false(cli_option_takes_value("--nonsense"));
}

int
run_options_tests(void)
{
	const struct CMUnitTest tests[] = {
		CLI_TEST(long_options_anywhere),
		CLI_TEST(dash_is_a_value),
		CLI_TEST(lists_repeat_and_strings_keep_the_last),
		CLI_TEST(double_dash_ends_options),
		CLI_TEST(help_prints_usage_from_the_table),
		CLI_TEST(unknown_option_is_a_usage_error),
		CLI_TEST(flag_of_another_command_is_refused),
		CLI_TEST(values_are_checked),
		CLI_TEST(required_flag_and_stray_arguments),
		CLI_TEST(which_options_take_a_value),
	};

	return cmocka_run_group_tests_name("cli options", tests, NULL, NULL);
}
