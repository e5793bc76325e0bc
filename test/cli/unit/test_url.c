/*
 * test_url.c — which database a URL names, MySQL URL parts, and password
 * masking (src/cli/url.c).
 */
#include <string.h>

#include "cli.h"
#include "cli_unit.h"
#include "url.h"

static cli_url
parse_ok(vb_arena *arena, const char *text)
{
	cli_url		url;
	vb_error	err;

	if (!cli_url_parse(arena, text, &url, &err))
		fail_msg("%s: %s", text, err.message);
	return url;
}

static const char *
parse_error(vb_arena *arena, const char *text)
{
	cli_url		url;
	vb_error	err;

	assert_false(cli_url_parse(arena, text, &url, &err));
	assert_string_equal(err.code, CLI_ERR_USAGE);
	return err.message;
}

static void
sqlite_forms(void **state)
{
	cli_url		u;

	u = parse_ok(*state, "sqlite:app.db");
	assert_int_equal(u.kind, CLI_TARGET_SQLITE);
	assert_string_equal(u.path, "app.db");
	u = parse_ok(*state, "sqlite:///var/lib/app/data");
	assert_string_equal(u.path, "/var/lib/app/data");
	u = parse_ok(*state, "SQLITE:rel/x");
	assert_string_equal(u.path, "rel/x");
	u = parse_ok(*state, "./data/app.sqlite3");
	assert_int_equal(u.kind, CLI_TARGET_SQLITE);
	assert_string_equal(u.path, "./data/app.sqlite3");
	u = parse_ok(*state, "/tmp/A.SQLITE");
	assert_int_equal(u.kind, CLI_TARGET_SQLITE);
	assert_non_null(strstr(parse_error(*state, "sqlite:"), "names no file"));
}

static void
postgres_forms(void **state)
{
	cli_url		u;

	u = parse_ok(*state, "postgres://app:pw@db.example:5432/shop?sslmode=require");
	assert_int_equal(u.kind, CLI_TARGET_POSTGRES);
	assert_string_equal(u.text, "postgres://app:pw@db.example:5432/shop?sslmode=require");
	u = parse_ok(*state, "postgresql:///shop?host=/tmp");
	assert_int_equal(u.kind, CLI_TARGET_POSTGRES);
	u = parse_ok(*state, "host=/tmp dbname=shop");
	assert_int_equal(u.kind, CLI_TARGET_POSTGRES);
	u = parse_ok(*state, "  dbname = shop");
	assert_int_equal(u.kind, CLI_TARGET_POSTGRES);
}

static void
mysql_parts(void **state)
{
	cli_url		u;

	u = parse_ok(*state, "mysql://app:p%40ss%3Aw@db.example:3307/shop");
	assert_int_equal(u.kind, CLI_TARGET_MYSQL);
	assert_false(u.mariadb);
	assert_string_equal(u.user, "app");
	assert_string_equal(u.password, "p@ss:w");
	assert_string_equal(u.host, "db.example");
	assert_int_equal(u.port, 3307);
	assert_string_equal(u.database, "shop");
	assert_null(u.socket);
	assert_string_equal(u.masked, "mysql://app:***@db.example:3307/shop");

	u = parse_ok(*state, "mariadb://root@/shop?socket=%2Frun%2Fmysqld%2Fmysqld.sock");
	assert_true(u.mariadb);
	assert_string_equal(u.user, "root");
	assert_null(u.password);
	assert_null(u.host);
	assert_int_equal(u.port, 0);
	assert_string_equal(u.socket, "/run/mysqld/mysqld.sock");

	u = parse_ok(*state, "mysql://[::1]:3306");
	assert_string_equal(u.host, "::1");
	assert_int_equal(u.port, 3306);
	assert_null(u.database);
	assert_null(u.user);
}

static void
mysql_errors(void **state)
{
	assert_non_null(strstr(parse_error(*state, "mysql://h:99999/db"), "port must be a number"));
	assert_non_null(strstr(parse_error(*state, "mysql://h:x/db"), "port must be a number"));
	assert_non_null(strstr(parse_error(*state, "mysql://u:p%zz@h/db"), "%-escape"));
	assert_non_null(strstr(parse_error(*state, "mysql://[::1/db"), "closing ']'"));
	/* the password is masked in the message too */
	assert_string_equal(parse_error(*state, "mysql://u:secret@h/db?ssl=1"),
						"invalid MySQL URL mysql://u:***@h/db?ssl=1: unknown parameter \"ssl\" (known: socket=PATH)");
}

static void
unknown_targets(void **state)
{
	const char *m = parse_error(*state, "redis://u:hunter2@h/0");

	assert_non_null(strstr(m, "unknown kind of URL \"redis://u:***@h/0\""));
	assert_null(strstr(m, "hunter2"));
	assert_non_null(strstr(parse_error(*state, "shop"), "cannot tell which database \"shop\" is"));
	assert_non_null(strstr(parse_error(*state, "data.json"), "cannot tell"));
}

static void
masking(void **state)
{
	vb_arena   *a = *state;

	assert_string_equal(cli_url_mask(a, "postgres://app:s3cr%40t@h:5432/db"),
						"postgres://app:***@h:5432/db");
	assert_string_equal(cli_url_mask(a, "postgres://app@h/db"), "postgres://app@h/db");
	assert_string_equal(cli_url_mask(a, "postgresql://u:x@h1:5432,h2:5433/db?password=y&sslmode=require#frag"),
						"postgresql://u:***@h1:5432,h2:5433/db?password=***&sslmode=require#frag");
	assert_string_equal(cli_url_mask(a, "postgresql:///db?user=u&password=p"),
						"postgresql:///db?user=u&password=***");
	/* an @ in the password: the last @ of the authority ends it */
	assert_string_equal(cli_url_mask(a, "postgres://u:p@ss@h/db"), "postgres://u:***@h/db");
	assert_string_equal(cli_url_mask(a, "host=h password=secret dbname=db"),
						"host=h password=*** dbname=db");
	assert_string_equal(cli_url_mask(a, "password = 'it\\'s secret' dbname=x"),
						"password = *** dbname=x");
	assert_string_equal(cli_url_mask(a, "dbname=x password='a b'"), "dbname=x password=***");
	assert_string_equal(cli_url_mask(a, "sqlite:app.db"), "sqlite:app.db");
	assert_string_equal(cli_url_mask(a, "mysql://u:p@h/db?socket=/s"), "mysql://u:***@h/db?socket=/s");
}

int
run_url_tests(void)
{
	const struct CMUnitTest tests[] = {
		CLI_TEST(sqlite_forms),
		CLI_TEST(postgres_forms),
		CLI_TEST(mysql_parts),
		CLI_TEST(mysql_errors),
		CLI_TEST(unknown_targets),
		CLI_TEST(masking),
	};

	return cmocka_run_group_tests_name("cli urls", tests, NULL, NULL);
}
