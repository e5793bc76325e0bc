/*
 * test_dialect_sqlite.c — the SQLite dialect on hand-built schemas: what
 * ALTER TABLE does in place, what becomes a table rebuild, and the SQL of
 * both (the same differ as PostgreSQL; the dialect writes).
 */
#include <string.h>

#include "unit.h"

static vb_plan *
sqlite_diff(vb_arena *a, const vb_schema *cur, const vb_schema *des, const char *opts)
{
	vb_plan    *p = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_diff(a, &vb_dialect_sqlite, cur, des, opts ? opts_ok(a, opts) : NULL, &p, &err))
	{
		print_error("vb_diff: %s: %s\n", err.code, err.message);
		fail();
	}
	return p;
}

/* users(id INTEGER PK AUTOINCREMENT, email TEXT NOT NULL, name TEXT) */
static vb_table *
users(vb_arena *a, vb_schema *s)
{
	vb_table   *t = tbl(a, s, "users");

	col(a, t, "id", "INTEGER", false)->auto_increment = true;
	col(a, t, "email", "TEXT", false);
	col(a, t, "name", "TEXT", true);
	pk(a, t, "users_pkey", "id");
	return t;
}

static void
test_sqlite_create_table_inline(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = users(a, des);
	vb_table   *p;
	vb_plan    *plan;

	uq(a, t, NULL, "email");
	ck(a, t, NULL, "length(email) > 3", "email");
	ix(a, t, NULL, "name", false);
	p = tbl(a, des, "posts");
	col(a, p, "id", "INTEGER", false);
	col(a, p, "author", "INTEGER", true);
	col(a, p, "body", "TEXT", true)->default_expr = vb_strdup(a, "'x'");
	pk(a, p, NULL, "id");
	fk(a, p, NULL, "author", "users", "id")->on_delete = VB_FK_CASCADE;
	p->strict = true;
	plan = sqlite_diff(a, cur, des, NULL);
	/* keys, checks and FKs go inside CREATE TABLE; indexes apart */
	assert_string_equal(plan_kinds(a, plan), "createTable,createTable,createIndex");
	assert_string_equal(op_sql(a, op_at(plan, 0)),
						"CREATE TABLE users (id INTEGER NOT NULL CONSTRAINT users_pkey PRIMARY KEY AUTOINCREMENT, "
						"email TEXT NOT NULL, name TEXT, CONSTRAINT users_email_key UNIQUE (email), "
						"CONSTRAINT users_email_check CHECK (length(email) > 3))");
	assert_string_equal(op_sql(a, op_at(plan, 1)),
						"CREATE TABLE posts (id INTEGER NOT NULL, author INTEGER, body TEXT DEFAULT 'x', "
						"CONSTRAINT posts_pkey PRIMARY KEY (id), CONSTRAINT posts_author_fkey "
						"FOREIGN KEY (author) REFERENCES users (id) ON DELETE CASCADE) STRICT");
	assert_string_equal(op_sql(a, op_at(plan, 2)), "CREATE INDEX users_name_idx ON users (name)");
	assert_int_equal(op_at(plan, 2)->hazards, 0);
}

/* Renames, a nullable column and an index run in place; nothing rebuilt. */
static void
test_sqlite_in_place(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;

	users(a, cur);
	t = users(a, des);
	t->renamed_from = vb_strdup(a, "users");
	t->name = vb_strdup(a, "people");
	((vb_column *) t->columns.items[2])->renamed_from = vb_strdup(a, "name");
	((vb_column *) t->columns.items[2])->name = vb_strdup(a, "full_name");
	col(a, t, "age", "INTEGER", true)->default_expr = vb_strdup(a, "0");
	ix(a, t, NULL, "age", false);
	p = sqlite_diff(a, cur, des, NULL);
	assert_int_equal(kind_count(p, VB_OP_REBUILD_TABLE), 0);
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE users RENAME TO people\n"
						"ALTER TABLE people RENAME COLUMN name TO full_name\n"
						"ALTER TABLE people ADD COLUMN age INTEGER DEFAULT 0\n"
						"CREATE INDEX people_age_idx ON people (age)");
}

/*
 * A column that becomes NOT NULL with a default: the table is rebuilt; the
 * copy fills NULLs with the default, the AUTOINCREMENT counter is set
 * aside and put back, indexes and triggers are made again, and the guards
 * of the changes it takes over stay with it.
 */
static void
test_sqlite_rebuild(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;
	vb_operation *op;
	vb_unmanaged *trg = vb_alloc(a, sizeof(vb_unmanaged));

	t = users(a, cur);
	ix(a, t, "users_name_idx", "name", false);
	trg->kind = "trigger";
	trg->object = "users_audit";
	trg->table = "users";
	trg->definition = "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN SELECT 1; END";
	vb_list_push(a, &cur->unmanaged, trg);
	t = users(a, des);
	((vb_column *) t->columns.items[2])->nullable = false;
	((vb_column *) t->columns.items[2])->default_expr = vb_strdup(a, "'anon'");
	ix(a, t, "users_name_idx", "name", false);
	uq(a, t, NULL, "email");
	p = sqlite_diff(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "rebuildTable");
	op = op_at(p, 0);
	assert_string_equal(op_sql(a, op),
						"CREATE TABLE viborm_new_users (id INTEGER NOT NULL CONSTRAINT users_pkey PRIMARY KEY AUTOINCREMENT, "
						"email TEXT NOT NULL, name TEXT NOT NULL DEFAULT 'anon', CONSTRAINT users_email_key UNIQUE (email))\n"
						"INSERT INTO viborm_new_users (id, email, name) SELECT id, email, coalesce(name, 'anon') FROM users\n"
						"UPDATE sqlite_sequence SET name = 'viborm_seq_users' WHERE name = 'users'\n"
						"DROP TABLE users\n"
						"PRAGMA legacy_alter_table = ON\n"
						"ALTER TABLE viborm_new_users RENAME TO users\n"
						"PRAGMA legacy_alter_table = OFF\n"
						"DELETE FROM sqlite_sequence WHERE name = 'users'\n"
						"UPDATE sqlite_sequence SET name = 'users' WHERE name = 'viborm_seq_users'\n"
						"CREATE INDEX users_name_idx ON users (name)\n"
						"CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN SELECT 1; END");
	/* the new unique key's guard came along */
	assert_int_equal(op->guards.count, 1);
	assert_string_equal(guard_at(op, 0)->sql,
						"SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM users "
						"WHERE (email) IS NOT NULL GROUP BY email HAVING count(*) > 1) dup");
	assert_true(op->hazards & VB_HAZARD_TABLE_REWRITE);
}

/* A rowid table without a rowid column keeps its rowids; a dropped column
 * is left out of the copy, and the rebuild is destructive. */
static void
test_sqlite_rebuild_copies_rowid(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;

	t = tbl(a, cur, "notes");
	col(a, t, "body", "TEXT", true);
	col(a, t, "tag", "TEXT", true);
	uq(a, t, "notes_tag_key", "tag");
	t = tbl(a, des, "notes");
	col(a, t, "body", "TEXT", false);
	p = sqlite_diff(a, cur, des, "{'force': true}");
	assert_string_equal(plan_kinds(a, p), "rebuildTable");
	assert_true(op_at(p, 0)->destructive);
	assert_contains(op_sql(a, op_at(p, 0)),
					"INSERT INTO viborm_new_notes (rowid, body) SELECT rowid, body FROM notes");
	assert_int_equal(op_at(p, 0)->guards.count, 1);	/* NULLs in body */
}

/* An index is renamed by making it again; a trigger on a table that is
 * renamed and rebuilt cannot be made again: VB008 naming it. */
static void
test_sqlite_index_rename_and_trigger_refusal(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;
	vb_error	err;
	vb_unmanaged *trg = vb_alloc(a, sizeof(vb_unmanaged));

	t = users(a, cur);
	ix(a, t, "old_name_idx", "name", false);
	t = users(a, des);
	ix(a, t, "users_name_idx", "name", false);
	p = sqlite_diff(a, cur, des, NULL);
	assert_string_equal(plan_sql(a, p),
						"DROP INDEX old_name_idx\nCREATE INDEX users_name_idx ON users (name)");

	trg->kind = "trigger";
	trg->object = "users_audit";
	trg->table = "users";
	trg->definition = "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN SELECT 1; END";
	vb_list_push(a, &cur->unmanaged, trg);
	t->name = vb_strdup(a, "people");
	t->renamed_from = vb_strdup(a, "users");
	((vb_column *) t->columns.items[1])->nullable = true;
	memset(&err, 0, sizeof(err));
	assert_false(vb_diff(a, &vb_dialect_sqlite, cur, des, NULL, &p, &err));
	assert_string_equal(err.code, VB_ERR_DEPENDENCY);
	assert_contains(err.message, "trigger users_audit on table users");
}

/* What SQLite cannot keep is refused, naming the document's path. */
static void
test_sqlite_refuses_what_it_lacks(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_error	err;
	static const char *const docs[][3] = {
		{"{'tables': [], 'enums': [{'name': 'mood', 'values': ['a']}]}", "enums", "enum types"},
		{"{'tables': [{'name': 't', 'columns': [{'name': 'id', 'type': 'INTEGER', 'identity': {'generation': 'always'}}]}]}",
		"tables[0].columns[0].identity", "identity columns"},
		{"{'tables': [{'name': 't', 'comment': 'x', 'columns': [{'name': 'id', 'type': 'INTEGER'}]}]}",
		"tables[0].comment", "comments"},
		{"{'tables': [{'name': 't', 'columns': [{'name': 'id', 'type': 'INTEGER'}], 'indexes': [{'columns': ['id'], 'include': ['id']}]}]}",
		"tables[0].indexes[0].include", "INCLUDE columns"},
		{"{'tables': [{'name': 't', 'columns': [{'name': 'id', 'type': 'INTEGER'}], 'indexes': [{'columns': ['id'], 'type': 'gin'}]}]}",
		"tables[0].indexes[0].type", "index methods"},
		{"{'tables': [{'name': 't', 'columns': [{'name': 'id', 'type': 'INTEGER'}], 'checks': [{'expression': 'id > 0', 'notValid': true}]}]}",
		"tables[0].checks[0].notValid", "NOT VALID"},
	};
	size_t		i;

	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++)
	{
		memset(&err, 0, sizeof(err));
		assert_false(vb_check_dialect(a, &vb_dialect_sqlite, doc_ok(a, docs[i][0]), &err));
		assert_string_equal(err.code, VB_ERR_INVALID);
		assert_string_equal(err.path, docs[i][1]);
		assert_contains(err.message, docs[i][2]);
	}
	memset(&err, 0, sizeof(err));
	assert_true(vb_check_dialect(a, &vb_dialect_pg, doc_ok(a, docs[0][0]), &err));
	assert_ptr_equal(vb_dialect_by_name("sqlite"), &vb_dialect_sqlite);
	assert_null(vb_dialect_by_name("oracle"));
}

/* Quoting: bare names, keywords and odd names quoted, quotes doubled. */
static void
test_sqlite_quoting(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_sqlite.quote_ident(a, "Users"), "Users");
	assert_string_equal(vb_dialect_sqlite.quote_ident(a, "order"), "\"order\"");
	assert_string_equal(vb_dialect_sqlite.quote_ident(a, "true"), "\"true\"");
	assert_string_equal(vb_dialect_sqlite.quote_ident(a, "a b\"c"), "\"a b\"\"c\"");
	assert_string_equal(vb_dialect_sqlite.quote_literal(a, "it's \\"), "'it''s \\'");
}

int
run_dialect_sqlite_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_sqlite_create_table_inline),
		UNIT_TEST(test_sqlite_in_place),
		UNIT_TEST(test_sqlite_rebuild),
		UNIT_TEST(test_sqlite_rebuild_copies_rowid),
		UNIT_TEST(test_sqlite_index_rename_and_trigger_refusal),
		UNIT_TEST(test_sqlite_quoting),
		UNIT_TEST(test_sqlite_refuses_what_it_lacks),
	};

	return cmocka_run_group_tests_name("dialect sqlite", tests, NULL, NULL);
}
