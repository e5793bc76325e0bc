/*
 * test_dialect_mysql.c — the statements of MySQL 8 and MariaDB 10.11 where
 * their spellings differ (dialect_mysql.c), on hand-built schemas: MySQL 8
 * cannot run here, so what it is sent is pinned by these tests, written
 * from its manual (CREATE TABLE, ALTER TABLE: DROP CHECK, INVISIBLE
 * indexes, NOT NULL after a generation); MariaDB's side is also run
 * against a real server by test/mysql/corpus.
 */
#include <string.h>

#include "unit.h"

/* The plan's statements, without the empty lines of grouped operations
 * (the first of a group writes the one ALTER TABLE). */
static char *
statements(vb_arena *a, const vb_plan *p)
{
	char	   *sql = plan_sql(a, p);
	size_t		n = strlen(sql);

	while (n > 0 && sql[n - 1] == '\n')
		sql[--n] = '\0';
	return sql;
}

static vb_plan *
my_diff(vb_arena *a, const vb_dialect *dl, const vb_schema *cur, const vb_schema *des)
{
	vb_plan    *p = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_diff(a, dl, cur, des, opts_ok(a, "{'force': true}"), &p, &err))
	{
		print_error("vb_diff: %s: %s\n", err.code, err.message);
		fail();
	}
	return p;
}

/* t (id int NOT NULL PRIMARY KEY, a int) in schema public (the one namespace) */
static vb_table *
t2(vb_arena *a, vb_schema *s)
{
	vb_table   *t = tbl(a, s, "t");

	col(a, t, "id", "int", false);
	col(a, t, "a", "int", true);
	pk(a, t, "PRIMARY", "id");
	return t;
}

/* A dropped table check: MySQL 8 DROP CHECK (8.0.19), MariaDB DROP CONSTRAINT. */
static void
test_mysql_drop_check(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);

	ck(a, t2(a, cur), "t_a_pos", "`a` > 0", NULL);
	t2(a, des);
	assert_string_equal(statements(a, my_diff(a, &vb_dialect_mysql, cur, des)),
						"ALTER TABLE `t` DROP CHECK `t_a_pos`");
	assert_string_equal(statements(a, my_diff(a, &vb_dialect_mariadb, cur, des)),
						"ALTER TABLE `t` DROP CONSTRAINT `t_a_pos`");
}

/* An index made invisible: MySQL 8 ALTER INDEX ... INVISIBLE, MariaDB IGNORED. */
static void
test_mysql_invisible_index(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);

	ix(a, t2(a, cur), "t_a", "a", false);
	ix(a, t2(a, des), "t_a", "a", false)->invisible = true;
	assert_string_equal(statements(a, my_diff(a, &vb_dialect_mysql, cur, des)),
						"ALTER TABLE `t` ALTER INDEX `t_a` INVISIBLE");
	assert_string_equal(statements(a, my_diff(a, &vb_dialect_mariadb, cur, des)),
						"ALTER TABLE `t` ALTER INDEX `t_a` IGNORED");
}

/* Generated columns: MariaDB takes no NULL or NOT NULL after the
 * generation (its generated columns are nullable); MySQL 8 takes NOT NULL. */
static void
test_mysql_generated_not_null(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_column  *g;

	t2(a, cur);
	t = t2(a, des);
	g = col(a, t, "s", "int", true);
	g->generated = vb_strdup(a, "`a` + 1");
	g->generated_virtual = true;
	assert_string_equal(statements(a, my_diff(a, &vb_dialect_mariadb, cur, des)),
						"ALTER TABLE `t` ADD COLUMN `s` int GENERATED ALWAYS AS (`a` + 1) VIRTUAL");
	g = col(a, t, "n", "int", false);
	g->generated = vb_strdup(a, "`a` * 2");
	assert_string_equal(statements(a, my_diff(a, &vb_dialect_mysql, cur, des)),
						"ALTER TABLE `t` ADD COLUMN `s` int GENERATED ALWAYS AS (`a` + 1) VIRTUAL, "
						"ADD COLUMN `n` int GENERATED ALWAYS AS (`a` * 2) STORED NOT NULL");
}

/* The default of a binary column: printable bytes as the string the
 * servers show back, others as the canonical hexadecimal literal. */
static void
test_mysql_binary_default(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;

	t2(a, cur);
	t = t2(a, des);
	col(a, t, "b", "blob", true)->default_expr = vb_strdup(a, "0x62696e");
	col(a, t, "v", "varbinary(4)", true)->default_expr = vb_strdup(a, "0x00ff");
	col(a, t, "q", "varbinary(4)", true)->default_expr = vb_strdup(a, "0x2761");
	col(a, t, "p", "binary(4)", true)->default_expr = vb_strdup(a, "0x61620000");
	/* on TEXT/BLOB a literal default goes in parentheses (MySQL 8 takes
	 * only expressions there); a quote or a control byte stays hex;
	 * BINARY(n)'s zero padding is the server's */
	assert_string_equal(statements(a, my_diff(a, &vb_dialect_mariadb, cur, des)),
						"ALTER TABLE `t` ADD COLUMN `b` blob NULL DEFAULT ('bin'), "
						"ADD COLUMN `v` varbinary(4) NULL DEFAULT 0x00ff, "
						"ADD COLUMN `q` varbinary(4) NULL DEFAULT 0x2761, "
						"ADD COLUMN `p` binary(4) NULL DEFAULT 'ab'");
}

/* A kept foreign key on its own index (named after it, left out of the
 * model) when the plan adds an index it can use: that index goes in the
 * same ALTER TABLE (MariaDB drops it by itself only if it made it). The
 * other way round, the index a kept foreign key needs is added. */
static void
test_mysql_fk_own_index_replaced(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);

	fk(a, t2(a, cur), "t_a_fkey", "a", "t", "id")->own_index = true;
	ix(a, t2(a, des), "t_a_idx", "a", false);
	fk(a, des->tables.items[0], "t_a_fkey", "a", "t", "id");
	assert_string_equal(statements(a, my_diff(a, &vb_dialect_mariadb, cur, des)),
						"ALTER TABLE `t` ADD INDEX `t_a_idx` (`a`), DROP INDEX `t_a_fkey`");
	assert_string_equal(statements(a, my_diff(a, &vb_dialect_mariadb, des, cur)),
						"ALTER TABLE `t` DROP INDEX `t_a_idx`, ADD INDEX `t_a_fkey` (`a`)");
}

int
run_dialect_mysql_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_mysql_drop_check),
		UNIT_TEST(test_mysql_invisible_index),
		UNIT_TEST(test_mysql_generated_not_null),
		UNIT_TEST(test_mysql_binary_default),
		UNIT_TEST(test_mysql_fk_own_index_replaced),
	};

	return cmocka_run_group_tests_name("dialect_mysql", tests, NULL, NULL);
}
