/*
 * test_request.c — flags into the options object, and --rename flags
 * matched to the rename pairs a target reports (src/cli/request.c).
 */
#include <string.h>

#include "cli.h"
#include "cli_unit.h"
#include "request.h"

/* A request from flags: renames and map-enums as NULL-terminated lists. */
static bool
make_request(vb_arena *a, cli_request *req, const char **renames, const char **maps,
			 const char *resolve, vb_error *err)
{
	cli_options opts;

	memset(&opts, 0, sizeof(opts));
	while (renames && *renames)
		vb_list_push(a, &opts.renames, (void *) *renames++);
	while (maps && *maps)
		vb_list_push(a, &opts.map_enums, (void *) *maps++);
	opts.resolve = resolve;
	return cli_request_init(req, a, &opts, err);
}

static const char *
options_of(cli_request *req)
{
	return cli_request_options(req);
}

static void
plain_flags(void **state)
{
	cli_options opts;
	cli_request req;
	vb_error	err;

	memset(&opts, 0, sizeof(opts));
	opts.force = true;
	opts.lock_timeout = "3s";
	opts.schemas = "app, public";
	assert_true(cli_request_init(&req, *state, &opts, &err));
	assert_string_equal(options_of(&req),
						"{\"force\":true,\"lockTimeout\":\"3s\",\"schemas\":[\"app\",\"public\"]}");
	cli_request_free(&req);

	memset(&opts, 0, sizeof(opts));
	assert_true(cli_request_init(&req, *state, &opts, &err));
	assert_string_equal(options_of(&req), "{}");
	cli_request_free(&req);

	opts.schemas = "app,,b";
	assert_false(cli_request_init(&req, *state, &opts, &err));
	assert_string_equal(err.message, "--schemas 'app,,b': expected names separated by commas");
	cli_request_free(&req);
}

static void
map_enum_flags(void **state)
{
	const char *maps[] = {"mood.sad=happy", "mood.ok=", "app.state.\"a.b\"=c", "mood.sad=meh",
	"mood.x=\"\"", NULL};
	cli_request req;
	vb_error	err;

	assert_true(make_request(*state, &req, NULL, maps, NULL, &err));
	/* one entry per enum; a later flag for the same value wins */
	assert_string_equal(options_of(&req),
						"{\"enumValueMappings\":["
						"{\"enum\":\"mood\",\"schema\":\"public\",\"map\":{\"ok\":null,\"sad\":\"meh\",\"x\":\"\"}},"
						"{\"enum\":\"state\",\"schema\":\"app\",\"map\":{\"a.b\":\"c\"}}]}");
	cli_request_free(&req);
}

static void
bad_flags(void **state)
{
	const char *no_eq[] = {"users.a", NULL};
	const char *too_deep[] = {"a.b.c.d=e", NULL};
	const char *empty_part[] = {"users..a=b", NULL};
	const char *bad_quote[] = {"\"users.a=b", NULL};
	const char *map_short[] = {"sad=happy", NULL};
	cli_request req;
	vb_error	err;

	assert_false(make_request(*state, &req, no_eq, NULL, NULL, &err));
	assert_string_equal(err.code, CLI_ERR_USAGE);
	assert_non_null(strstr(err.message, "--rename 'users.a': expected TABLE=TABLE"));
	cli_request_free(&req);
	assert_false(make_request(*state, &req, too_deep, NULL, NULL, &err));
	cli_request_free(&req);
	assert_false(make_request(*state, &req, empty_part, NULL, NULL, &err));
	cli_request_free(&req);
	assert_false(make_request(*state, &req, bad_quote, NULL, NULL, &err));
	cli_request_free(&req);
	assert_false(make_request(*state, &req, NULL, map_short, NULL, &err));
	assert_non_null(strstr(err.message, "--map-enum 'sad=happy': expected ENUM.OLD=NEW"));
	cli_request_free(&req);
}

/* The ambiguous pairs of a result, as a target reports them. */
static cJSON *
pairs(const char *json)
{
	cJSON	   *a = cJSON_Parse(json);

	assert_non_null(a);
	return a;
}

static void
renames_match_pairs_by_kind(void **state)
{
	const char *renames[] = {"users.username=users.handle", "accounts=members",
	"app.mood:happy=glad", "app.t.c=d", NULL};
	cJSON	   *amb = pairs("["
							"{\"kind\":\"table\",\"schema\":\"public\",\"from\":\"accounts\",\"to\":\"members\"},"
							"{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"users\",\"from\":\"username\",\"to\":\"handle\"},"
							"{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"users\",\"from\":\"username\",\"to\":\"nick\"},"
							"{\"kind\":\"enumValue\",\"schema\":\"app\",\"enum\":\"mood\",\"from\":\"happy\",\"to\":\"glad\"},"
							"{\"kind\":\"column\",\"schema\":\"app\",\"table\":\"t\",\"from\":\"c\",\"to\":\"d\"}]");
	cli_request req;
	vb_error	err;

	assert_true(make_request(*state, &req, renames, NULL, NULL, &err));
	assert_int_equal(cli_request_match_renames(&req, amb, &err), 4);
	assert_string_equal(options_of(&req),
						"{\"resolutions\":["
						"{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"users\",\"from\":\"username\",\"to\":\"handle\",\"resolution\":\"rename\"},"
						"{\"kind\":\"table\",\"schema\":\"public\",\"from\":\"accounts\",\"to\":\"members\",\"resolution\":\"rename\"},"
						"{\"kind\":\"enumValue\",\"schema\":\"app\",\"enum\":\"mood\",\"from\":\"happy\",\"to\":\"glad\",\"resolution\":\"rename\"},"
						"{\"kind\":\"column\",\"schema\":\"app\",\"table\":\"t\",\"from\":\"c\",\"to\":\"d\",\"resolution\":\"rename\"}]}");
	assert_true(cli_request_settles(&req, cJSON_GetArrayItem(amb, 0)));
	assert_false(cli_request_settles(&req, cJSON_GetArrayItem(amb, 2)));
	/* used flags match nothing more */
	assert_int_equal(cli_request_match_renames(&req, amb, &err), 0);
	assert_true(cli_request_check_renames_used(&req, &err));
	cJSON_Delete(amb);
	cli_request_free(&req);
}

static void
unmatched_and_ambiguous_flags(void **state)
{
	const char *typo[] = {"users.usernme=users.handle", NULL};
	const char *wide[] = {"a.b=a.c", NULL};
	cJSON	   *amb = pairs("["
							"{\"kind\":\"table\",\"schema\":\"a\",\"from\":\"b\",\"to\":\"c\"},"
							"{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"a\",\"from\":\"b\",\"to\":\"c\"}]");
	cli_request req;
	vb_error	err;

	assert_true(make_request(*state, &req, typo, NULL, NULL, &err));
	assert_int_equal(cli_request_match_renames(&req, amb, &err), 0);
	assert_false(cli_request_check_renames_used(&req, &err));
	assert_string_equal(err.message, "--rename users.usernme=users.handle names no rename candidate of this plan");
	cli_request_free(&req);

	assert_true(make_request(*state, &req, wide, NULL, NULL, &err));
	assert_int_equal(cli_request_match_renames(&req, amb, &err), -1);
	assert_string_equal(err.message, "--rename a.b=a.c names more than one rename candidate: "
						"table a: b -> c, and column public.a: b -> c");
	cJSON_Delete(amb);
	cli_request_free(&req);
}

static void
resolve_rename_takes_only_unique_pairs(void **state)
{
	cJSON	   *amb = pairs("["
							"{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"t\",\"from\":\"a\",\"to\":\"x\"},"
							"{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"t\",\"from\":\"a\",\"to\":\"y\"},"
							"{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"u\",\"from\":\"a\",\"to\":\"x\"}]");
	cli_request req;
	vb_error	err;

	assert_true(make_request(*state, &req, NULL, NULL, "rename", &err));
	assert_int_equal(cli_request_apply_resolve(&req, amb), 1);
	assert_string_equal(options_of(&req),
						"{\"resolutions\":[{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"u\","
						"\"from\":\"a\",\"to\":\"x\",\"resolution\":\"rename\"}]}");
	cli_request_free(&req);

	assert_true(make_request(*state, &req, NULL, NULL, "add-drop", &err));
	assert_int_equal(cli_request_apply_resolve(&req, amb), 3);
	assert_non_null(strstr(options_of(&req), "\"resolution\":\"addAndDrop\""));
	cli_request_free(&req);
	cJSON_Delete(amb);
}

static void
flags_for_pairs(void **state)
{
	vb_arena   *a = *state;
	cJSON	   *amb = pairs("["
							"{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"users\",\"from\":\"username\",\"to\":\"handle\"},"
							"{\"kind\":\"table\",\"schema\":\"app\",\"from\":\"old\",\"to\":\"new\"},"
							"{\"kind\":\"enumValue\",\"schema\":\"public\",\"enum\":\"mood\",\"from\":\"so so\",\"to\":\"meh\"},"
							"{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"my.t\",\"from\":\"it's\",\"to\":\"b\"}]");
	const char *renames[] = {"\"my.t\".\"it's\"=\"my.t\".b", NULL};
	cli_request req;
	vb_error	err;

	assert_string_equal(cli_rename_flag_for(a, cJSON_GetArrayItem(amb, 0)),
						"--rename users.username=users.handle");
	assert_string_equal(cli_rename_flag_for(a, cJSON_GetArrayItem(amb, 1)),
						"--rename app.old=app.new");
	assert_string_equal(cli_rename_flag_for(a, cJSON_GetArrayItem(amb, 2)),
						"--rename 'mood:so so=meh'");
	assert_string_equal(cli_rename_flag_for(a, cJSON_GetArrayItem(amb, 3)),
						"--rename '\"my.t\".it'\\''s=\"my.t\".b'");
	assert_string_equal(cli_map_flag_for(a, "app", "state", "a.b"), "--map-enum 'app.state.\"a.b\"='");
	/* what the flag suggests, parsed back, settles the pair */
	assert_true(make_request(a, &req, renames, NULL, NULL, &err));
	assert_int_equal(cli_request_match_renames(&req, amb, &err), 1);
	assert_true(cli_request_settles(&req, cJSON_GetArrayItem(amb, 3)));
	cli_request_free(&req);
	cJSON_Delete(amb);
}

int
run_request_tests(void)
{
	const struct CMUnitTest tests[] = {
		CLI_TEST(plain_flags),
		CLI_TEST(map_enum_flags),
		CLI_TEST(bad_flags),
		CLI_TEST(renames_match_pairs_by_kind),
		CLI_TEST(unmatched_and_ambiguous_flags),
		CLI_TEST(resolve_rename_takes_only_unique_pairs),
		CLI_TEST(flags_for_pairs),
	};

	return cmocka_run_group_tests_name("cli requests", tests, NULL, NULL);
}
