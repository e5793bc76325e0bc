/*
 * test_introspect.c - vb_sqlite_introspect() on real SQLite databases.
 *
 * Every test/sqlite/introspect/NAME.sql is run on a fresh database and
 * the result is compared with NAME.json: {"document": the snapshot-form
 * document, "unmanaged": [{kind, object, table, reason?}]}. For each one,
 * the document reads back (vb_document_read_for "sqlite") and writes again
 * byte-identical, is already canonical (vb_sqlite_canonicalize changes
 * nothing), and a second introspection gives the same text.
 * VIBORM_SQLITE_EXPECT=write rewrites the expected files (review them!).
 *
 * Then: reading inside the caller's transaction, from a read-only file,
 * with a temporary table shadowing a name, around SQLite's and viborm's
 * own tables, a virtual table whose module is missing, a damaged file, and
 * the AUTOINCREMENT counters of sqlite_sequence.
 */
#define _POSIX_C_SOURCE 200809L	/* mkstemp, opendir */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "sqlite_introspect.h"
#include "sqlite_test.h"
#include "vb_sqlite.h"

vb_schema *introspect_ok(vb_arena *a, sqlite3 *db)
{
	vb_schema *s = NULL;
	vb_error err;

	memset(&err, 0, sizeof(err));
	if (!vb_sqlite_introspect(db, a, &s, &err))
		fail_msg("introspect: [%s] %s\n%s", err.code, err.message,
			 err.detail ? err.detail : "");
	return s;
}

/* {"document": ..., "unmanaged": [...]}, pretty-printed. */
static char *described(vb_arena *a, const vb_schema *s)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *list = cJSON_CreateArray();
	char *text;
	char *copy;
	int i;

	cJSON_AddItemToObject(root, "document", cJSON_Parse(vb_document_write(a, s)));
	for (i = 0; i < s->unmanaged.count; i++) {
		const vb_unmanaged *u = s->unmanaged.items[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "kind", u->kind);
		cJSON_AddStringToObject(o, "object", u->object);
		cJSON_AddStringToObject(o, "table", u->table ? u->table : "");
		if (u->reason)
			cJSON_AddStringToObject(o, "reason", u->reason);
		cJSON_AddItemToArray(list, o);
	}
	cJSON_AddItemToObject(root, "unmanaged", list);
	text = cJSON_Print(root);
	copy = vb_printf(a, "%s\n", text);
	cJSON_free(text);
	cJSON_Delete(root);
	return copy;
}

/* The properties every introspected document has; a message, or NULL. */
static const char *document_properties(vb_arena *a, sqlite3 *db, const vb_schema *s)
{
	char *doc = vb_document_write(a, s);
	vb_schema *back = NULL;
	vb_error err;

	memset(&err, 0, sizeof(err));
	if (!vb_document_read_for(a, doc, "sqlite", &back, &err))
		return vb_printf(a, "the document does not read back: %s (%s)",
				 err.message, err.path ? err.path : "");
	if (strcmp(vb_document_write(a, back), doc) != 0)
		return vb_printf(a, "read back and written again, it differs:\n%s\n%s",
				 doc, vb_document_write(a, back));
	if (!vb_sqlite_canonicalize(a, back, &err))
		return vb_printf(a, "it does not canonicalise: %s", err.message);
	if (strcmp(vb_document_write(a, back), doc) != 0)
		return vb_printf(a, "it is not canonical:\n%s\n%s", doc,
				 vb_document_write(a, back));
	if (strcmp(vb_document_write(a, introspect_ok(a, db)), doc) != 0)
		return "a second introspection differs";
	return NULL;
}

static int compare_names(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* NAME.sql files of the introspect directory, sorted. */
static vb_list *ddl_files(vb_arena *a, const char *dir)
{
	vb_list *out = vb_alloc(a, sizeof(*out));
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		fail_msg("cannot open %s", dir);
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		if (n > 4 && !strcmp(e->d_name + n - 4, ".sql"))
			vb_list_push(a, out, vb_strndup(a, e->d_name, n - 4));
	}
	closedir(d);
	qsort(out->items, (size_t)out->count, sizeof(void *), compare_names);
	return out;
}

static bool check_file(vb_arena *a, const char *dir, const char *name, bool write)
{
	char *ddl = read_file(a, vb_printf(a, "%s/%s.sql", dir, name));
	char *path = vb_printf(a, "%s/%s.json", dir, name);
	char *expected = read_file(a, path);
	sqlite3 *db = db_with(ddl);
	vb_schema *s = introspect_ok(a, db);
	char *got = described(a, s);
	const char *problem = document_properties(a, db, s);
	cJSON *g;
	cJSON *e;
	bool same;

	sqlite3_close(db);
	if (problem) {
		print_error("%s: %s\n", name, problem);
		return false;
	}
	if (write) {
		FILE *f = fopen(path, "w");

		if (!f || fputs(got, f) < 0 || fclose(f) != 0)
			fail_msg("cannot write %s", path);
		print_message("wrote %s\n", path);
		return true;
	}
	if (!expected) {
		print_error("%s: no expected file %s\n", name, path);
		return false;
	}
	g = cJSON_Parse(got);
	e = cJSON_Parse(expected);
	same = e && cJSON_Compare(g, e, true);
	cJSON_Delete(g);
	cJSON_Delete(e);
	if (!same)
		print_error("%s: introspection differs from %s; it gave:\n%s\n", name, path, got);
	return same;
}

static void test_introspect_files(void **state)
{
	vb_arena *a = ARENA(state);
	const char *dir = vb_printf(a, "%s/introspect", sqlite_test_data_dir);
	const char *mode = getenv("VIBORM_SQLITE_EXPECT");
	bool write = mode && !strcmp(mode, "write");
	vb_list *files = ddl_files(a, dir);
	int failed = 0;
	int i;

	assert_true(files->count >= 10);
	for (i = 0; i < files->count; i++) {
		if (check_file(a, dir, files->items[i], write))
			print_message("ok %s\n", (char *)files->items[i]);
		else
			failed++;
	}
	if (failed)
		fail_msg("%d of %d introspection files failed", failed, files->count);
}

static bool is_unmanaged(const vb_schema *s, const char *kind, const char *name)
{
	int i;

	for (i = 0; i < s->unmanaged.count; i++) {
		const vb_unmanaged *u = s->unmanaged.items[i];

		if (!strcmp(u->kind, kind) && !strcmp(u->object, name))
			return true;
	}
	return false;
}

/* Inside the caller's transaction, which stays open and usable. */
static void test_introspect_in_transaction(void **state)
{
	vb_arena *a = ARENA(state);
	sqlite3 *db = db_with("CREATE TABLE t(a INT);");
	vb_schema *s;

	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE; CREATE TABLE u(b TEXT);", NULL, NULL, NULL),
			 SQLITE_OK);
	s = introspect_ok(a, db);
	assert_int_equal(s->tables.count, 2);	/* sees the transaction's own table */
	assert_int_equal(sqlite3_get_autocommit(db), 0);
	assert_int_equal(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	s = introspect_ok(a, db);
	assert_int_equal(s->tables.count, 1);
	assert_int_equal(sqlite3_get_autocommit(db), 1);
	sqlite3_close(db);
}

/* A real file, opened read-only; a temporary table of the same name as a
 * table of main changes nothing. */
static void test_introspect_file_read_only(void **state)
{
	vb_arena *a = ARENA(state);
	char path[] = "/tmp/viborm-sqlite-test-XXXXXX";
	int fd = mkstemp(path);
	sqlite3 *db;
	vb_schema *s;
	vb_table *t;

	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
				      "INSERT INTO t(name) VALUES ('x');", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TEMP TABLE t(other BLOB, more BLOB, UNIQUE (other));"
				      "CREATE TEMP VIEW tv AS SELECT 1;", NULL, NULL, NULL), SQLITE_OK);
	s = introspect_ok(a, db);
	assert_int_equal(s->tables.count, 1);
	t = s->tables.items[0];
	assert_int_equal(t->columns.count, 2);
	assert_non_null(vb_find_column(t, "name"));
	assert_int_equal(t->uniques.count, 0);
	assert_int_equal(s->unmanaged.count, 0);
	sqlite3_close(db);
	unlink(path);
}

/* SQLite's own tables, viborm's history and what hangs on them are not
 * the user's; a user table whose name only looks internal is. */
static void test_introspect_skips_internal_objects(void **state)
{
	vb_arena *a = ARENA(state);
	sqlite3 *db = db_with(
		"CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);"
		"INSERT INTO t(v) VALUES ('a'); CREATE INDEX t_v ON t(v); ANALYZE;"
		"CREATE TABLE sqlitefoo(a); CREATE TABLE sqlite(b); CREATE TABLE \"sqlite-x\"(c);"
		"CREATE TABLE _viborm_history(id INTEGER PRIMARY KEY, sql TEXT);"
		"CREATE INDEX _viborm_history_sql ON _viborm_history(sql);"
		"CREATE TRIGGER _viborm_guard BEFORE DELETE ON _VIBORM_HISTORY BEGIN SELECT 1; END;"
		"CREATE TABLE _viborm_snapshot(id INTEGER PRIMARY KEY, doc TEXT);"
		"CREATE TABLE _viborm_other(a);");
	vb_schema *s = introspect_ok(a, db);
	int i;

	assert_non_null(vb_find_table(s, "main", "t"));
	assert_non_null(vb_find_table(s, "main", "sqlitefoo"));
	assert_non_null(vb_find_table(s, "main", "sqlite"));
	assert_non_null(vb_find_table(s, "main", "sqlite-x"));
	assert_non_null(vb_find_table(s, "main", "_viborm_other"));
	assert_null(vb_find_table(s, "main", "sqlite_sequence"));
	assert_null(vb_find_table(s, "main", "sqlite_stat1"));
	assert_null(vb_find_table(s, "main", "_viborm_history"));
	assert_null(vb_find_table(s, "main", "_viborm_snapshot"));
	assert_int_equal(s->tables.count, 5);
	for (i = 0; i < s->unmanaged.count; i++)
		fail_msg("unexpected unmanaged %s", ((vb_unmanaged *)s->unmanaged.items[i])->object);
	sqlite3_close(db);
}

/* Virtual tables and their shadow tables are listed, not read, even when
 * this connection lacks the module (their pragmas would fail). */
static void test_introspect_virtual_tables(void **state)
{
	vb_arena *a = ARENA(state);
	char path[] = "/tmp/viborm-sqlite-test-XXXXXX";
	int fd = mkstemp(path);
	sqlite3 *db = db_with(
		"CREATE TABLE t(a);"
		"CREATE VIRTUAL TABLE docs USING fts5(body);"
		"CREATE VIRTUAL TABLE r USING rtree(id, x0, x1);");
	vb_schema *s = introspect_ok(a, db);

	assert_int_equal(s->tables.count, 1);
	assert_true(is_unmanaged(s, "virtualTable", "docs"));
	assert_true(is_unmanaged(s, "shadowTable", "docs_data"));
	assert_true(is_unmanaged(s, "shadowTable", "docs_config"));
	assert_true(is_unmanaged(s, "virtualTable", "r"));
	assert_true(is_unmanaged(s, "shadowTable", "r_node"));
	sqlite3_close(db);

	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"CREATE TABLE t(a);"
		"PRAGMA writable_schema = ON;"
		"INSERT INTO sqlite_schema(type, name, tbl_name, rootpage, sql) VALUES "
		"('table', 'ghost', 'ghost', 0, 'CREATE VIRTUAL TABLE ghost USING nosuchmodule(x)');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	s = introspect_ok(a, db);
	assert_int_equal(s->tables.count, 1);
	assert_true(is_unmanaged(s, "virtualTable", "ghost"));
	sqlite3_close(db);
	unlink(path);
}

static void test_introspect_damaged_file(void **state)
{
	vb_arena *a = ARENA(state);
	char path[] = "/tmp/viborm-sqlite-test-XXXXXX";
	int fd = mkstemp(path);
	sqlite3 *db;
	vb_schema *s;
	vb_error err;
	static const char junk[] = "this is not a database, but it is long enough to look like one......"
				   "...................................................................";

	assert_true(fd >= 0);
	assert_int_equal(write(fd, junk, sizeof(junk)), (ssize_t)sizeof(junk));
	close(fd);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	memset(&err, 0, sizeof(err));
	assert_false(vb_sqlite_introspect(db, a, &s, &err));
	assert_string_equal(err.code, VB_ERR_SQLITE);
	assert_true(strstr(err.message, "cannot read the SQLite schema") != NULL);
	assert_true(strstr(err.message, "file is not a database") != NULL);
	sqlite3_close(db);
	unlink(path);
}

static void test_read_sequence(void **state)
{
	vb_arena *a = ARENA(state);
	sqlite3 *db = db_with("CREATE TABLE plain(id INTEGER PRIMARY KEY);");
	vb_error err;
	bool found;
	long long seq;

	memset(&err, 0, sizeof(err));
	/* no AUTOINCREMENT table yet: no sqlite_sequence at all */
	assert_true(vb_sqlite_read_sequence(db, a, "plain", &found, &seq, &err));
	assert_false(found);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, v);",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_true(vb_sqlite_read_sequence(db, a, "t", &found, &seq, &err));
	assert_false(found);	/* no row inserted yet */
	assert_int_equal(sqlite3_exec(db, "INSERT INTO t(v) VALUES (1), (2), (3);"
				      "DELETE FROM t WHERE id = 3;", NULL, NULL, NULL), SQLITE_OK);
	assert_true(vb_sqlite_read_sequence(db, a, "t", &found, &seq, &err));
	assert_true(found);
	assert_int_equal(seq, 3);	/* the largest ever used, not max(id) */
	assert_true(vb_sqlite_read_sequence(db, a, "plain", &found, &seq, &err));
	assert_false(found);
	assert_true(vb_sqlite_read_sequence(db, a, "no such table", &found, &seq, &err));
	assert_false(found);
	sqlite3_close(db);
}

/* ---- generated tables ------------------------------------------------------ */


#define ONE_OF(g, list) ((list)[text_gen_pick((g), sizeof(list) / sizeof((list)[0]))])

static void emit(text_gen *g, const char *s)
{
	vb_buf_append(&g->buf, s);
}

static const char *const gen_columns[] = {"a", "b", "\"c d\"", "[key]", "Mixed"};

static void column_constraints(text_gen *g, int i)
{
	static const char *const constraints[] = {
		" NOT NULL", " NULL", " UNIQUE", " PRIMARY KEY", " PRIMARY KEY DESC",
		" PRIMARY KEY AUTOINCREMENT", " CHECK (%s IS NOT NULL)", " CHECK (length(%s) < 9)",
		" DEFAULT 0", " DEFAULT 'x'", " DEFAULT (1 + 1)", " DEFAULT -1.5", " DEFAULT NULL",
		" DEFAULT CURRENT_TIMESTAMP", " COLLATE NOCASE", " COLLATE rtrim",
		" REFERENCES parent", " REFERENCES parent (code) ON DELETE CASCADE",
		" REFERENCES parent DEFERRABLE INITIALLY DEFERRED", " UNIQUE ON CONFLICT REPLACE",
		" GENERATED ALWAYS AS (1) STORED", " AS (2)", " CONSTRAINT named", " COLLATE BINARY"
	};
	unsigned n = text_gen_pick(g, 4);

	while (n-- > 0)
		vb_buf_appendf(&g->buf, ONE_OF(g, constraints), gen_columns[i]);
}

static void table_constraints(text_gen *g, int ncols)
{
	static const char *const kinds[] = {
		"PRIMARY KEY (%s)", "UNIQUE (%s)", "UNIQUE (%s DESC)", "UNIQUE (%s COLLATE NOCASE)",
		"CHECK (%s <> 0)", "FOREIGN KEY (%s) REFERENCES parent",
		"CONSTRAINT t_named UNIQUE (%s)", "PRIMARY KEY (%s, %s)", "UNIQUE (%s, %s)"
	};
	unsigned n = text_gen_pick(g, 3);

	while (n-- > 0) {
		const char *c1 = gen_columns[text_gen_pick(g, (unsigned)ncols)];
		const char *c2 = gen_columns[text_gen_pick(g, (unsigned)ncols)];

		emit(g, ", ");
		vb_buf_appendf(&g->buf, ONE_OF(g, kinds), c1, c2);
	}
}

static void random_table(text_gen *g)
{
	static const char *const types[] = {
		"", " INT", " INTEGER", " TEXT", " VARCHAR(10)", " REAL", " BLOB", " ANY", " integer"
	};
	static const char *const options[] = {"", "", "", " WITHOUT ROWID", " STRICT", " STRICT, WITHOUT ROWID"};
	static const char *const index_elements[] = {
		"%s", "%s DESC", "%s COLLATE NOCASE", "lower(%s)", "%s + 1 DESC", "'%s'"
	};
	int ncols = 1 + (int)text_gen_pick(g, 5);
	int i;

	emit(g, "CREATE TABLE t (");
	for (i = 0; i < ncols; i++) {
		if (i)
			emit(g, ", ");
		emit(g, gen_columns[i]);
		emit(g, ONE_OF(g, types));
		column_constraints(g, i);
	}
	table_constraints(g, ncols);
	emit(g, ")");
	emit(g, ONE_OF(g, options));
	emit(g, ";");
	for (i = (int)text_gen_pick(g, 3); i > 0; i--) {
		vb_buf_appendf(&g->buf, "CREATE %sINDEX t_%d ON t (", text_gen_pick(g, 3) ? "" : "UNIQUE ", i);
		vb_buf_appendf(&g->buf, ONE_OF(g, index_elements), gen_columns[text_gen_pick(g, (unsigned)ncols)]);
		emit(g, text_gen_pick(g, 2) ? ")" : ") WHERE a IS NOT NULL");
		emit(g, ";");
	}
}

/*
 * Tables made of random combinations of every column constraint, table
 * constraint, option and index that SQLite accepts read without any
 * disagreement between text and pragmas, and keep the document properties.
 * (Run with 30,000 tables and other seeds while developing: clean.)
 */
static void test_generated_tables(void **state)
{
	vb_arena *a = ARENA(state);
	text_gen g;
	int read = 0;
	int i;

	g.state = 0x2545F4914F6CDD1DULL;
	for (i = 0; i < 1500; i++) {
		sqlite3 *db = db_with("CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT UNIQUE);");
		vb_schema *s = NULL;
		vb_error err;
		const char *problem;

		vb_buf_init(&g.buf, a);
		random_table(&g);
		if (sqlite3_exec(db, g.buf.data, NULL, NULL, NULL) != SQLITE_OK) {
			sqlite3_close(db);
			continue;
		}
		memset(&err, 0, sizeof(err));
		if (!vb_sqlite_introspect(db, a, &s, &err))
			fail_msg("%s\nreads with an error: [%s] %s", g.buf.data, err.code, err.message);
		problem = document_properties(a, db, s);
		if (problem)
			fail_msg("%s\n%s", g.buf.data, problem);
		read++;
		sqlite3_close(db);
	}
	print_message("read %d generated tables\n", read);
	assert_true(read > 500);
}

#define BY_NAME(fn, type)						\
	static int fn(const void *x, const void *y)			\
	{								\
		return strcmp((*(type *const *)x)->name, (*(type *const *)y)->name); \
	}
BY_NAME(by_table_name, vb_table)
BY_NAME(by_key_name, vb_key)
BY_NAME(by_index_name, vb_index)
BY_NAME(by_fk_name, vb_foreign_key)
BY_NAME(by_check_name, vb_check)

static void sort_by(vb_list *l, int (*cmp)(const void *, const void *))
{
	if (l->count > 1)
		qsort(l->items, (size_t)l->count, sizeof(void *), cmp);
}

/*
 * VibORM's blog pushed by VibORM's own TypeScript (blog.sql) reads as the
 * blog model (model-form.md's Example 1) turned into SQLite tables by
 * viborm's serializer, once both are canonical and the model's unnamed
 * checks get the names the differ gives them: that database diffs clean.
 */
static void test_blog_model_matches_viborm_push(void **state)
{
	vb_arena *a = ARENA(state);
	char *ddl = read_file(a, vb_printf(a, "%s/introspect/blog.sql", sqlite_test_data_dir));
	char *model = read_file(a, vb_printf(a, "%s/../unit/data/blog-model.json", sqlite_test_data_dir));
	sqlite3 *db;
	vb_schema *cur;
	vb_schema *des = NULL;
	vb_error err;
	int i;
	int j;

	assert_non_null(ddl);
	assert_non_null(model);
	db = db_with(ddl);
	cur = introspect_ok(a, db);
	sqlite3_close(db);
	memset(&err, 0, sizeof(err));
	if (!vb_document_read_for(a, model, "sqlite", &des, &err) ||
	    !vb_sqlite_canonicalize(a, des, &err))
		fail_msg("the blog model: %s", err.message);
	sort_by(&des->tables, by_table_name);
	for (i = 0; i < des->tables.count; i++) {
		vb_table *t = des->tables.items[i];

		for (j = 0; j < t->checks.count; j++) {
			vb_check *ck = t->checks.items[j];

			assert_non_null(ck->name_column);
			if (!ck->name)
				ck->name = vb_printf(a, "%s_%s_check", t->name, ck->name_column);
		}
		sort_by(&t->uniques, by_key_name);
		sort_by(&t->indexes, by_index_name);
		sort_by(&t->foreign_keys, by_fk_name);
		sort_by(&t->checks, by_check_name);
	}
	assert_string_equal(vb_document_write(a, des), vb_document_write(a, cur));
}

int run_introspect_tests(void)
{
	const struct CMUnitTest tests[] = {
		SQLITE_TEST(test_introspect_files),
		SQLITE_TEST(test_blog_model_matches_viborm_push),
		SQLITE_TEST(test_generated_tables),
		SQLITE_TEST(test_introspect_in_transaction),
		SQLITE_TEST(test_introspect_file_read_only),
		SQLITE_TEST(test_introspect_skips_internal_objects),
		SQLITE_TEST(test_introspect_virtual_tables),
		SQLITE_TEST(test_introspect_damaged_file),
		SQLITE_TEST(test_read_sequence),
	};

	return cmocka_run_group_tests_name("sqlite_introspect", tests, NULL, NULL);
}
