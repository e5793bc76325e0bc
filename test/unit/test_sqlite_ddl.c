/*
 * test_sqlite_ddl.c — the CREATE TABLE and CREATE INDEX parser
 * (src/core/sqlite_ddl.c): every column and table constraint, SQLite's
 * quirks, hostile names, comments in odd places, errors.
 */
#include <string.h>

#include "unit.h"
#include "vb_sqlite.h"

static vb_sqlite_table_def *
table(vb_arena *a, const char *sql)
{
	vb_sqlite_table_def *t = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_sqlite_parse_create_table(a, sql, &t, &err))
		fail_msg("parse(%s): %s", sql, err.message);
	return t;
}

static vb_sqlite_index_def *
index_def(vb_arena *a, const char *sql)
{
	vb_sqlite_index_def *ix = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_sqlite_parse_create_index(a, sql, &ix, &err))
		fail_msg("parse(%s): %s", sql, err.message);
	return ix;
}

static void
table_error(vb_arena *a, const char *sql, const char *fragment)
{
	vb_sqlite_table_def *t;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (vb_sqlite_parse_create_table(a, sql, &t, &err))
		fail_msg("parse(%s) should fail", sql);
	assert_string_equal(err.code, VB_ERR_INVALID);
	assert_contains(err.message, fragment);
}

static vb_sqlite_column_def *
column(const vb_sqlite_table_def *t, int i)
{
	return t->columns.items[i];
}

static vb_sqlite_constraint *
constraint(const vb_sqlite_table_def *t, int i)
{
	return t->constraints.items[i];
}

static const char *
key_column(const vb_sqlite_constraint *c, int i)
{
	return ((vb_sqlite_key_column *) c->columns.items[i])->name;
}

static char *
printed(vb_arena *a, const vb_sqlite_expr *e)
{
	vb_list		none;

	memset(&none, 0, sizeof(none));
	return e ? vb_sqlite_expr_print(a, e, &none) : "(none)";
}

static void
test_ddl_blog_table(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_sqlite_table_def *t = table(a,
								   "CREATE TABLE \"users\" (\n"
								   "  \"id\" TEXT NOT NULL,\n"
								   "  \"role\" TEXT CHECK(\"role\" IN ('reader', 'author')) NOT NULL DEFAULT 'reader',\n"
								   "  PRIMARY KEY (\"id\"),\n"
								   "  CONSTRAINT \"users_role_key\" UNIQUE (\"role\")\n"
								   ")");

	assert_string_equal(t->name, "users");
	assert_null(t->schema);
	assert_int_equal(t->columns.count, 2);
	assert_string_equal(column(t, 0)->name, "id");
	assert_string_equal(column(t, 0)->type, "TEXT");
	assert_true(column(t, 0)->not_null);
	assert_false(column(t, 0)->has_default);
	assert_string_equal(printed(a, column(t, 1)->default_expr), "'reader'");
	assert_int_equal(t->constraints.count, 3);
	assert_int_equal(constraint(t, 0)->kind, VB_SQC_CHECK);
	assert_int_equal(constraint(t, 0)->column, 1);
	assert_null(constraint(t, 0)->name);
	assert_string_equal(vb_sqlite_expr_print(a, constraint(t, 0)->check, strs(a, "id,role")),
						"role IN ('reader', 'author')");
	assert_int_equal(constraint(t, 1)->kind, VB_SQC_PRIMARY_KEY);
	assert_int_equal(constraint(t, 1)->column, -1);
	assert_string_equal(key_column(constraint(t, 1), 0), "id");
	assert_int_equal(constraint(t, 2)->kind, VB_SQC_UNIQUE);
	assert_string_equal(constraint(t, 2)->name, "users_role_key");
	assert_false(t->strict);
	assert_false(t->without_rowid);
}

static void
test_ddl_column_constraints(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_sqlite_table_def *t = table(a,
								   "create table t (\n"
								   " id integer primary key desc on conflict replace autoincrement,\n"
								   " a int constraint nn not null on conflict ignore null unique on conflict fail,\n"
								   " b text collate \"nocase\" default ('x' || 'y') check (b <> ''),\n"
								   " c references p (x) on delete set null on update cascade on insert restrict match full deferrable initially deferred,\n"
								   " d real generated always as (a * 2) stored,\n"
								   " e as (lower(b)) virtual,\n"
								   " f as (1),\n"
								   " g default -1.5 default +2,\n"
								   " h constraint named check (h > 0) constraint other references q not deferrable initially deferred\n"
								   ")");
	vb_sqlite_constraint *c;

	assert_int_equal(t->columns.count, 9);
	assert_string_equal(column(t, 0)->type, "integer");
	assert_true(column(t, 0)->pk_desc);
	c = constraint(t, 0);
	assert_int_equal(c->kind, VB_SQC_PRIMARY_KEY);
	assert_int_equal(c->column, 0);
	assert_string_equal(c->conflict, "REPLACE");
	assert_true(c->autoincrement);
	assert_true(((vb_sqlite_key_column *) c->columns.items[0])->desc);

	assert_true(column(t, 1)->not_null);
	assert_string_equal(column(t, 1)->not_null_conflict, "IGNORE");
	c = constraint(t, 1);
	assert_int_equal(c->kind, VB_SQC_UNIQUE);
	assert_string_equal(c->name, "nn");	/* CONSTRAINT names what follows */
	assert_string_equal(c->conflict, "FAIL");

	assert_string_equal(column(t, 2)->collation, "NOCASE");
	assert_string_equal(printed(a, column(t, 2)->default_expr), "'x' || 'y'");
	assert_int_equal(constraint(t, 2)->kind, VB_SQC_CHECK);
	assert_null(constraint(t, 2)->name);	/* a new column, no name */

	c = constraint(t, 3);
	assert_int_equal(c->kind, VB_SQC_FOREIGN_KEY);
	assert_string_equal(c->columns.items[0], "c");
	assert_string_equal(c->ref_table, "p");
	assert_string_equal(c->ref_columns.items[0], "x");
	assert_int_equal(c->on_delete, VB_FK_SET_NULL);
	assert_int_equal(c->on_update, VB_FK_CASCADE);
	assert_string_equal(c->match, "full");
	assert_true(c->deferrable);
	assert_true(c->initially_deferred);

	assert_string_equal(column(t, 4)->type, "real");
	assert_string_equal(printed(a, column(t, 4)->generated), "a * 2");
	assert_true(column(t, 4)->generated_stored);
	assert_string_equal(column(t, 5)->type, "");
	assert_false(column(t, 5)->generated_stored);
	assert_false(column(t, 6)->generated_stored);	/* VIRTUAL by default */
	assert_string_equal(printed(a, column(t, 7)->default_expr), "2");	/* the last one */

	assert_string_equal(constraint(t, 4)->name, "named");
	c = constraint(t, 5);
	assert_string_equal(c->name, "other");
	assert_string_equal(c->ref_table, "q");
	assert_int_equal(c->ref_columns.count, 0);	/* the parent's primary key */
	assert_false(c->deferrable);	/* NOT DEFERRABLE INITIALLY DEFERRED */
	assert_false(c->initially_deferred);
}

static void
test_ddl_sqlite_quirks(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_sqlite_table_def *t;

	/* GENERATED ALWAYS is read as part of the type and cut off */
	t = table(a, "CREATE TABLE t(a generated always, b int GENERATED  ALWAYS, c generated, "
			  "d \"my type\", e 'x' 'y', f varchar ( 10 , +2 ), g [a b](1), x int)");
	assert_string_equal(column(t, 0)->type, "");
	assert_null(column(t, 0)->generated);
	assert_string_equal(column(t, 1)->type, "int");
	assert_string_equal(column(t, 2)->type, "generated");
	assert_string_equal(column(t, 3)->type, "my type");
	assert_string_equal(column(t, 4)->type, "x");	/* dequoted as a whole */
	assert_string_equal(column(t, 5)->type, "varchar ( 10 , +2 )");
	assert_string_equal(vb_sqlite_type_canonical(a, column(t, 5)->type), "VARCHAR(10,2)");
	assert_string_equal(column(t, 6)->type, "a b");

	/* CONSTRAINT names every constraint up to the next comma */
	t = table(a, "CREATE TABLE t(a CONSTRAINT c1 NOT NULL CHECK (a > 0) CHECK (a < 9), "
			  "b CHECK (b > 0) CONSTRAINT late, CONSTRAINT k PRIMARY KEY (a) UNIQUE (b), "
			  "CONSTRAINT lone, CHECK (a <> b))");
	assert_string_equal(constraint(t, 0)->name, "c1");
	assert_string_equal(constraint(t, 1)->name, "c1");
	assert_null(constraint(t, 2)->name);
	assert_string_equal(constraint(t, 3)->name, "k");
	assert_string_equal(constraint(t, 4)->name, "k");	/* no comma between */
	assert_null(constraint(t, 5)->name);

	/* a lone DEFERRABLE belongs to the table's last foreign key */
	t = table(a, "CREATE TABLE t(a REFERENCES p, b INT DEFERRABLE INITIALLY DEFERRED)");
	assert_true(constraint(t, 0)->deferrable);
	assert_true(constraint(t, 0)->initially_deferred);
	t = table(a, "CREATE TABLE t(a INT DEFERRABLE, b REFERENCES p DEFERRABLE)");
	assert_true(constraint(t, 0)->deferrable);
	assert_false(constraint(t, 0)->initially_deferred);

	/* DEFAULT name is a string; TRUE/FALSE booleans; NULL no default */
	t = table(a, "CREATE TABLE t(a DEFAULT abc, b DEFAULT \"dq\", c DEFAULT true, d DEFAULT NULL, "
			  "e DEFAULT (NULL), f DEFAULT current_date, g DEFAULT -x'00', h DEFAULT key)");
	assert_string_equal(printed(a, column(t, 0)->default_expr), "'abc'");
	assert_string_equal(printed(a, column(t, 1)->default_expr), "'dq'");
	assert_string_equal(printed(a, column(t, 2)->default_expr), "TRUE");
	assert_true(column(t, 3)->has_default);
	assert_null(column(t, 3)->default_expr);
	assert_null(column(t, 4)->default_expr);
	assert_string_equal(printed(a, column(t, 5)->default_expr), "CURRENT_DATE");
	assert_string_equal(printed(a, column(t, 6)->default_expr), "-X'00'");
	assert_string_equal(printed(a, column(t, 7)->default_expr), "'key'");

	/* a string names a key column; old schemas' COLLATE/DESC in FK lists */
	t = table(a, "CREATE TABLE t(a, b, PRIMARY KEY ('a', b COLLATE nocase DESC AUTOINCREMENT), "
			  "FOREIGN KEY (a COLLATE x ASC) REFERENCES p (y DESC))");
	assert_string_equal(key_column(constraint(t, 0), 0), "a");
	assert_string_equal(((vb_sqlite_key_column *) constraint(t, 0)->columns.items[1])->collation, "NOCASE");
	assert_true(((vb_sqlite_key_column *) constraint(t, 0)->columns.items[1])->desc);
	assert_true(constraint(t, 0)->autoincrement);
	assert_string_equal(constraint(t, 1)->columns.items[0], "a");
	assert_string_equal(constraint(t, 1)->ref_columns.items[0], "y");
}

static void
test_ddl_table_forms(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_sqlite_table_def *t;

	t = table(a, "CREATE TEMP TABLE IF NOT EXISTS main.\"t\"(a) WITHOUT ROWID, STRICT;");
	assert_true(t->temporary);
	assert_string_equal(t->schema, "main");
	assert_string_equal(t->name, "t");
	assert_true(t->without_rowid);
	assert_true(t->strict);
	t = table(a, "create table t(a int primary key) strict , without rowid");
	assert_true(t->without_rowid && t->strict);
	t = table(a, "CREATE TABLE t AS SELECT 1");
	assert_true(t->as_select);
	/* names: keywords that may be names, strings, brackets, unicode */
	t = table(a, "CREATE TABLE 'Quoted ''t''' ([key] INT, `order` TEXT, \"a\"\"b\" BLOB, replace, "
			  "left, \"\xc3\x9cn\xc3\xaf c\xc3\xb8l\" TEXT, [with space] any)");
	assert_string_equal(t->name, "Quoted 't'");
	assert_string_equal(column(t, 0)->name, "key");
	assert_string_equal(column(t, 1)->name, "order");
	assert_string_equal(column(t, 2)->name, "a\"b");
	assert_string_equal(column(t, 3)->name, "replace");
	assert_string_equal(column(t, 4)->name, "left");
	assert_string_equal(column(t, 5)->name, "\xc3\x9cn\xc3\xaf c\xc3\xb8l");
	assert_string_equal(column(t, 6)->name, "with space");
	assert_string_equal(column(t, 6)->type, "any");
	/* comments and line breaks anywhere */
	t = table(a, "CREATE /* a */ TABLE -- b\n t /* c */ ( /* d */ a /* e */ INT /* f */ "
			  "NOT -- g\n NULL /* h */ , -- i\n b TEXT DEFAULT /* j */ 'x' /* k */ ) /* l */ ; -- m");
	assert_int_equal(t->columns.count, 2);
	assert_true(column(t, 0)->not_null);
	assert_string_equal(column(t, 0)->type, "INT");
	assert_string_equal(printed(a, column(t, 1)->default_expr), "'x'");
}

static void
test_ddl_errors(void **state)
{
	vb_arena   *a = ARENA(state);

	table_error(a, "CREATE VIEW v AS SELECT 1", "near \"VIEW\" at line 1, column 8: expected TABLE");
	table_error(a, "CREATE TABLE (a)", "expected a table name");
	table_error(a, "CREATE TABLE t", "syntax error at the end of the text");
	table_error(a, "CREATE TABLE t()", "near \")\" at line 1, column 16: expected a column name");
	table_error(a, "CREATE TABLE t(a, PRIMARY KEY (a), b)", "near \"b\" at line 1, column 36: expected a table constraint");
	table_error(a, "CREATE TABLE t(a, PRIMARY KEY (a) b)", "expected CONSTRAINT, PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY");
	table_error(a, "CREATE TABLE t(a, PRIMARY KEY (a + 1))", "expressions prohibited in PRIMARY KEY");
	table_error(a, "CREATE TABLE t(a, UNIQUE (a NULLS FIRST))", "NULLS FIRST/LAST is not allowed in a key");
	table_error(a, "CREATE TABLE t(a) WITHOUT OID", "expected ROWID");
	table_error(a, "CREATE TABLE t(a) LOOSE", "expected WITHOUT ROWID or STRICT");
	table_error(a, "CREATE TABLE t(a) STRICT x", "expected the end of the statement");
	table_error(a, "CREATE TABLE t(a INT PRIMARY)", "expected KEY");
	table_error(a, "CREATE TABLE t(a INT NOT)", "near \"NOT\"");
	table_error(a, "CREATE TABLE t(a DEFAULT)", "expected a default value");
	table_error(a, "CREATE TABLE t(a DEFAULT - b)", "expected a literal value");
	table_error(a, "CREATE TABLE t(a REFERENCES p ON DELETE SET x)", "expected NULL or DEFAULT");
	table_error(a, "CREATE TABLE t(a REFERENCES p ON DROP CASCADE)", "expected DELETE, UPDATE or INSERT");
	table_error(a, "CREATE TABLE t(a AS (1) LATER)", "expected STORED or VIRTUAL");
	table_error(a, "CREATE TABLE t(a INT(1, 2, 3))", "expected \")\"");
	table_error(a, "CREATE TABLE t(a INT(x))", "expected a number");
	table_error(a, "CREATE TABLE t(a CHECK (a >))", "near \")\"");
	table_error(a, "CREATE TABLE t(a INT ON CONFLICT REPLACE)", "near \"ON\"");
	table_error(a, "CREATE TABLE t(a UNIQUE ON CONFLICT MAYBE)", "expected ROLLBACK, ABORT, FAIL, IGNORE or REPLACE");
	table_error(a, "CREATE TABLE t(a,\n  b \"open)", "unterminated quoted identifier at line 2, column 5");
	table_error(a, "CREATE TABLE t(select INT)", "near \"select\"");
	table_error(a, "CREATE TABLE t(a, CONSTRAINT c, )", "expected a table constraint");
}

static void
test_ddl_index(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_sqlite_index_def *ix;
	vb_sqlite_index_column *c;
	vb_sqlite_index_def *bad;
	vb_error	err;

	ix = index_def(a, "CREATE UNIQUE INDEX IF NOT EXISTS main.\"i x\" ON \"t\" (\n"
				   "  a DESC, \"b\" COLLATE nocase, lower(c) COLLATE rtrim ASC, (d + 1), 'e', "
				   "a COLLATE nocase COLLATE binary\n) WHERE a > 0 AND b IS NOT NULL -- done");
	assert_true(ix->unique);
	assert_string_equal(ix->schema, "main");
	assert_string_equal(ix->name, "i x");
	assert_string_equal(ix->table, "t");
	assert_int_equal(ix->columns.count, 6);
	c = ix->columns.items[0];
	assert_string_equal(c->column, "a");
	assert_true(c->desc);
	assert_null(c->collation);
	c = ix->columns.items[1];
	assert_string_equal(c->column, "b");
	assert_string_equal(c->collation, "NOCASE");
	c = ix->columns.items[2];
	assert_null(c->column);
	assert_string_equal(printed(a, c->expr), "lower(c)");
	assert_string_equal(c->collation, "RTRIM");
	assert_false(c->desc);
	c = ix->columns.items[3];
	assert_null(c->column);
	assert_string_equal(printed(a, c->expr), "d + 1");
	c = ix->columns.items[4];
	assert_string_equal(c->column, "e");	/* a string names a column here */
	c = ix->columns.items[5];
	assert_string_equal(c->collation, "BINARY");	/* the outermost COLLATE */
	assert_string_equal(c->column, "a");	/* under it, a column */
	assert_string_equal(printed(a, ix->where), "a > 0 AND b IS NOT NULL");

	ix = index_def(a, "create index i on t(x)");
	assert_false(ix->unique);
	assert_null(ix->where);

	memset(&err, 0, sizeof(err));
	assert_false(vb_sqlite_parse_create_index(a, "CREATE INDEX i ON t(a NULLS LAST)", &bad, &err));
	assert_contains(err.message, "NULLS FIRST/LAST is not allowed in an index");
	assert_false(vb_sqlite_parse_create_index(a, "CREATE INDEX i ON t()", &bad, &err));
	assert_contains(err.message, "near \")\"");
	assert_false(vb_sqlite_parse_create_index(a, "CREATE INDEX i ON t(a) WHERE", &bad, &err));
	assert_contains(err.message, "at the end of the text");
	assert_false(vb_sqlite_parse_create_index(a, "CREATE TEMP INDEX i ON t(a)", &bad, &err));
	assert_false(vb_sqlite_parse_create_index(a, "CREATE INDEX i t(a)", &bad, &err));
	assert_contains(err.message, "expected ON");
	assert_false(vb_sqlite_parse_create_index(a, "CREATE INDEX i ON t(a) x", &bad, &err));
	assert_contains(err.message, "expected the end of the statement");
}

int
run_sqlite_ddl_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_ddl_blog_table),
		UNIT_TEST(test_ddl_column_constraints),
		UNIT_TEST(test_ddl_sqlite_quirks),
		UNIT_TEST(test_ddl_table_forms),
		UNIT_TEST(test_ddl_errors),
		UNIT_TEST(test_ddl_index),
	};

	return cmocka_run_group_tests_name("sqlite_ddl", tests, NULL, NULL);
}
