/*
 * test_sqlite_schema.c — a SQLite catalog into the model
 * (src/core/sqlite_schema.c) from hand-made pragma rows: what is read, the
 * names unnamed objects get, the tables left unmanaged, and every
 * disagreement between the CREATE text and the pragmas failing loudly.
 * Also SQLite documents: reading and writing them (document_read.c,
 * document_write.c) and their canonical forms (sqlite_canonical.c).
 *
 * The same reading against real SQLite databases is test/sqlite/.
 */
#include <string.h>

#include "unit.h"
#include "vb_sqlite.h"

/* ---- catalog rows ------------------------------------------------------- */

static vb_sqlite_table_row *
t_row(vb_arena *a, vb_sqlite_catalog *cat, const char *name, const char *sql)
{
	vb_sqlite_table_row *t = vb_alloc(a, sizeof(*t));

	t->name = vb_strdup(a, name);
	t->sql = vb_strdup(a, sql);
	vb_list_push(a, &cat->tables, t);
	return t;
}

static void
col_row(vb_arena *a, vb_sqlite_table_row *t, const char *name, const char *type,
		bool notnull, const char *dflt, int pk, int hidden)
{
	vb_sqlite_column_row *c = vb_alloc(a, sizeof(*c));

	c->name = vb_strdup(a, name);
	c->type = vb_strdup(a, type);
	c->notnull = notnull;
	c->dflt_value = vb_strdup(a, dflt);
	c->pk = pk;
	c->hidden = hidden;
	vb_list_push(a, &t->columns, c);
}

static vb_sqlite_index_row *
ix_row(vb_arena *a, vb_sqlite_table_row *t, const char *name, bool unique,
	   const char *origin, bool partial, const char *sql)
{
	vb_sqlite_index_row *ix = vb_alloc(a, sizeof(*ix));

	ix->name = vb_strdup(a, name);
	ix->unique = unique;
	ix->origin = vb_strdup(a, origin);
	ix->partial = partial;
	ix->sql = vb_strdup(a, sql);
	vb_list_push(a, &t->indexes, ix);
	return ix;
}

static void
ixcol_row(vb_arena *a, vb_sqlite_index_row *ix, int cid, const char *name, bool desc,
		  const char *coll)
{
	vb_sqlite_index_column_row *c = vb_alloc(a, sizeof(*c));

	c->cid = cid;
	c->name = vb_strdup(a, name);
	c->desc = desc;
	c->coll = vb_strdup(a, coll);
	vb_list_push(a, &ix->columns, c);
}

static vb_sqlite_fk_row *
fk_row(vb_arena *a, vb_sqlite_table_row *t, int id, const char *table,
	   const char *from, const char *to, const char *on_update, const char *on_delete)
{
	vb_sqlite_fk_row *fk = vb_alloc(a, sizeof(*fk));

	fk->id = id;
	fk->table = vb_strdup(a, table);
	vb_list_push(a, &fk->from, vb_strdup(a, from));
	vb_list_push(a, &fk->to, vb_strdup(a, to));
	fk->on_update = vb_strdup(a, on_update);
	fk->on_delete = vb_strdup(a, on_delete);
	fk->match = vb_strdup(a, "NONE");
	vb_list_push(a, &t->foreign_keys, fk);
	return fk;
}

static vb_schema *
build_ok(vb_arena *a, vb_sqlite_catalog *cat)
{
	vb_schema  *s = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_sqlite_build_schema(a, cat, &s, &err))
		fail_msg("build: %s (%s)", err.message, err.detail ? err.detail : "");
	return s;
}

static void
build_err(vb_arena *a, vb_sqlite_catalog *cat, const char *fragment)
{
	vb_schema  *s;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (vb_sqlite_build_schema(a, cat, &s, &err))
		fail_msg("build should fail with: %s", fragment);
	assert_string_equal(err.code, "XX000");
	assert_contains(err.message, fragment);
	assert_contains(err.detail, "Its CREATE statement is: CREATE");
	assert_non_null(err.hint);
}

/* A parent p and a child c that uses most of what a table can have. */
static vb_sqlite_catalog *
shop(vb_arena *a)
{
	vb_sqlite_catalog *cat = vb_alloc(a, sizeof(*cat));
	vb_sqlite_table_row *p = t_row(a, cat, "p", "CREATE TABLE p(id INTEGER PRIMARY KEY AUTOINCREMENT, k TEXT UNIQUE)");
	vb_sqlite_table_row *c = t_row(a, cat, "c",
								   "CREATE TABLE c(\n"
								   "  id TEXT NOT NULL,\n"
								   "  pid REFERENCES p ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n"
								   "  name TEXT COLLATE nocase DEFAULT 'x',\n"
								   "  total AS (length(name) * 2),\n"
								   "  CONSTRAINT c_pk PRIMARY KEY (id),\n"
								   "  CHECK (NAME <> ''), CONSTRAINT ok CHECK (pid > 0 AND id <> ''))");
	vb_sqlite_index_row *ix;

	col_row(a, p, "id", "INTEGER", false, NULL, 1, 0);
	col_row(a, p, "k", "TEXT", false, NULL, 0, 0);
	ixcol_row(a, ix_row(a, p, "sqlite_autoindex_p_1", true, "u", false, NULL), 1, "k", false, "BINARY");
	col_row(a, c, "id", "TEXT", true, NULL, 1, 0);
	col_row(a, c, "pid", "", false, NULL, 0, 0);
	col_row(a, c, "name", "TEXT", false, "'x'", 0, 0);
	col_row(a, c, "total", "", false, NULL, 0, 2);
	ixcol_row(a, ix_row(a, c, "sqlite_autoindex_c_1", true, "pk", false, NULL), 0, "id", false, "BINARY");
	ix = ix_row(a, c, "c_name", false, "c", true,
				"CREATE INDEX c_name ON c (name DESC, lower(id) COLLATE rtrim) WHERE pid IS NOT NULL");
	ixcol_row(a, ix, 2, "name", true, "NOCASE");
	ixcol_row(a, ix, -2, NULL, false, "RTRIM");
	fk_row(a, c, 0, "p", "pid", NULL, "NO ACTION", "CASCADE");
	return cat;
}

static void
test_schema_reads_everything(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = build_ok(a, shop(a));
	vb_table   *c = vb_find_table(s, "main", "c");
	vb_table   *p = vb_find_table(s, "main", "p");
	vb_index   *ix;
	vb_index_elem *el;
	vb_foreign_key *fk;
	vb_check   *ck;

	assert_string_equal(s->dialect, "sqlite");
	assert_int_equal(s->tables.count, 2);
	assert_string_equal(((vb_table *) s->tables.items[0])->name, "c");	/* by name */
	assert_true(vb_find_column(p, "id")->auto_increment);
	assert_false(vb_find_column(p, "id")->nullable);	/* the rowid */
	assert_string_equal(p->primary_key->name, "p_pkey");
	assert_string_equal(((vb_key *) p->uniques.items[0])->name, "p_k_key");

	assert_string_equal(c->primary_key->name, "c_pk");
	assert_false(vb_find_column(c, "id")->nullable);
	assert_true(vb_find_column(c, "pid")->nullable);
	assert_string_equal(vb_find_column(c, "pid")->type, "");
	assert_string_equal(vb_find_column(c, "name")->collation, "NOCASE");
	assert_string_equal(vb_find_column(c, "name")->default_expr, "'x'");
	assert_string_equal(vb_find_column(c, "total")->generated, "length(name) * 2");
	assert_true(vb_find_column(c, "total")->generated_virtual);

	ix = c->indexes.items[0];
	assert_string_equal(ix->name, "c_name");
	assert_string_equal(ix->where, "pid IS NOT NULL");
	assert_false(ix->unique);
	el = ix->elements.items[0];
	assert_string_equal(el->column, "name");
	assert_true(el->desc);
	assert_null(el->collation);	/* the column's own */
	el = ix->elements.items[1];
	assert_string_equal(el->expression, "lower(id)");
	assert_string_equal(el->collation, "RTRIM");
	assert_string_equal(ix->columns.items[1], "lower");

	fk = c->foreign_keys.items[0];
	assert_string_equal(fk->name, "c_pid_fkey");
	assert_string_equal(fk->ref_table, "p");
	assert_string_equal(fk->ref_columns.items[0], "id");	/* p's primary key */
	assert_int_equal(fk->on_delete, VB_FK_CASCADE);
	assert_true(fk->deferrable);
	assert_true(fk->initially_deferred);

	assert_int_equal(c->checks.count, 2);
	ck = c->checks.items[0];	/* sorted by name */
	assert_string_equal(ck->name, "c_name_check");
	assert_string_equal(ck->expression, "name <> ''");
	ck = c->checks.items[1];
	assert_string_equal(ck->name, "ok");
	assert_string_equal(ck->expression, "pid > 0 AND id <> ''");
}

/* Each fact the text and the pragmas both give is compared. */
static void
test_schema_disagreements_fail(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_sqlite_catalog *cat;
	vb_sqlite_table_row *c;
	vb_sqlite_column_row *col;

#define CHILD(cat) ((vb_sqlite_table_row *) (cat)->tables.items[1])
#define COLUMN(t, i) ((vb_sqlite_column_row *) (t)->columns.items[i])
	cat = shop(a);
	CHILD(cat)->columns.count--;
	build_err(a, cat, "cannot read SQLite table \"c\": the text has 4 columns but the pragma 3");

	cat = shop(a);
	COLUMN(CHILD(cat), 2)->name = "nom";
	build_err(a, cat, "column 3 is \"name\" in the text but \"nom\" in the pragma");

	cat = shop(a);
	COLUMN(CHILD(cat), 2)->type = "VARCHAR";
	build_err(a, cat, "column \"name\" has type \"TEXT\" in the text but \"VARCHAR\" in the pragma");

	cat = shop(a);
	COLUMN(CHILD(cat), 2)->notnull = true;
	build_err(a, cat, "column \"name\" is not NOT NULL in the text but in the pragma");

	cat = shop(a);
	COLUMN(CHILD(cat), 2)->dflt_value = "'y'";
	build_err(a, cat, "column \"name\" defaults to 'x' in the text but to 'y' in the pragma");

	cat = shop(a);
	COLUMN(CHILD(cat), 2)->dflt_value = NULL;
	build_err(a, cat, "column \"name\" has a default in the text but none in the pragma");

	cat = shop(a);
	COLUMN(CHILD(cat), 1)->pk = 2;
	build_err(a, cat, "column \"pid\" is at position 0 of the primary key in the text but 2 in the pragma");

	cat = shop(a);
	COLUMN(CHILD(cat), 3)->hidden = 3;
	build_err(a, cat, "column \"total\" is generated differently in the text (VIRTUAL) and the pragma (hidden 3)");

	cat = shop(a);
	CHILD(cat)->strict = true;
	build_err(a, cat, "STRICT or WITHOUT ROWID differ");

	cat = shop(a);
	((vb_sqlite_table_row *) cat->tables.items[0])->indexes.count = 0;
	build_err(a, cat, "cannot read SQLite table \"p\": the text has 1 distinct UNIQUE constraints but the pragma 0");

	cat = shop(a);
	CHILD(cat)->indexes.items[0] = CHILD(cat)->indexes.items[1];
	CHILD(cat)->indexes.count = 1;
	build_err(a, cat, "the pragma shows no index for the primary key");

	cat = shop(a);
	((vb_sqlite_index_row *) CHILD(cat)->indexes.items[1])->unique = true;
	build_err(a, cat, "index \"c_name\" differs between its text and the pragma");

	cat = shop(a);
	((vb_sqlite_index_row *) CHILD(cat)->indexes.items[1])->sql = "CREATE INDEX c_name ON c (name DESC, lower(id) COLLATE rtrim) WHERE";
	build_err(a, cat, "the text of index \"c_name\" cannot be read: syntax error at the end of the text");

	cat = shop(a);
	((vb_sqlite_index_column_row *) ((vb_sqlite_index_row *) CHILD(cat)->indexes.items[1])->columns.items[0])->desc = false;
	build_err(a, cat, "an element of index \"c_name\" is DESC in the text but not in the pragma");

	cat = shop(a);
	((vb_sqlite_index_column_row *) ((vb_sqlite_index_row *) CHILD(cat)->indexes.items[1])->columns.items[0])->coll = "BINARY";
	build_err(a, cat, "an element of index \"c_name\" has collation BINARY in the pragma");

	cat = shop(a);
	((vb_sqlite_index_column_row *) ((vb_sqlite_index_row *) CHILD(cat)->indexes.items[1])->columns.items[1])->cid = 0;
	build_err(a, cat, "an element of index \"c_name\" is an expression in the text but an expression in the pragma");

	cat = shop(a);
	((vb_sqlite_fk_row *) CHILD(cat)->foreign_keys.items[0])->on_delete = "SET NULL";
	build_err(a, cat, "a foreign key to \"p\" has other actions in the text than in the pragma (ON DELETE SET NULL ON UPDATE NO ACTION)");

	cat = shop(a);
	((vb_sqlite_fk_row *) CHILD(cat)->foreign_keys.items[0])->to.items[0] = "id";
	build_err(a, cat, "the pragma has no foreign key (pid) referencing \"p\"");

	cat = shop(a);
	fk_row(a, CHILD(cat), 1, "p", "name", NULL, "NO ACTION", "NO ACTION");
	build_err(a, cat, "the text has 1 foreign keys but the pragma 2");

	cat = shop(a);
	CHILD(cat)->sql = "CREATE TABLE c(id TEXT NOT NULL,";
	build_err(a, cat, "its CREATE statement cannot be read: syntax error at the end of the text");

	cat = shop(a);
	c = CHILD(cat);
	ix_row(a, c, "sqlite_autoindex_c_2", true, "pk", false, NULL);
	build_err(a, cat, "the pragma shows a primary key index \"sqlite_autoindex_c_2\" that the text does not explain");

	cat = shop(a);
	col = COLUMN(CHILD(cat), 0);
	col->notnull = false;
	build_err(a, cat, "column \"id\" is NOT NULL in the text but not in the pragma");
#undef CHILD
#undef COLUMN
}

static const char *
reason_of(const vb_schema *s, const char *name)
{
	int			i;

	for (i = 0; i < s->unmanaged.count; i++)
	{
		vb_unmanaged *u = s->unmanaged.items[i];

		if (strcmp(u->kind, "table") == 0 && strcmp(u->object, name) == 0)
			return u->reason;
	}
	return NULL;
}

/* A one-table catalog whose columns are all untyped and nullable. */
static vb_sqlite_table_row *
plain(vb_arena *a, vb_sqlite_catalog *cat, const char *name, const char *sql, const char *cols)
{
	vb_sqlite_table_row *t = t_row(a, cat, name, sql);
	vb_list    *l = strs(a, cols);
	int			i;

	for (i = 0; i < l->count; i++)
		col_row(a, t, l->items[i], "", false, NULL, 0, 0);
	return t;
}

static void
test_schema_unmanaged_tables(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_sqlite_catalog *cat = vb_alloc(a, sizeof(*cat));
	vb_sqlite_table_row *t;
	vb_sqlite_index_row *ix;
	vb_sqlite_other_row *v = vb_alloc(a, sizeof(*v));
	vb_schema  *s;
	vb_unmanaged *u;

	t = plain(a, cat, "oc", "CREATE TABLE oc(a UNIQUE ON CONFLICT REPLACE)", "a");
	ixcol_row(a, ix_row(a, t, "sqlite_autoindex_oc_1", true, "u", false, NULL), 0, "a", false, "BINARY");
	plain(a, cat, "nn", "CREATE TABLE nn(a NOT NULL ON CONFLICT IGNORE)", "a");
	((vb_sqlite_column_row *) ((vb_sqlite_table_row *) cat->tables.items[1])->columns.items[0])->notnull = true;
	t = plain(a, cat, "kc", "CREATE TABLE kc(a TEXT, UNIQUE (a COLLATE nocase))", "a");
	((vb_sqlite_column_row *) t->columns.items[0])->type = "TEXT";
	ixcol_row(a, ix_row(a, t, "sqlite_autoindex_kc_1", true, "u", false, NULL), 0, "a", false, "NOCASE");
	t = plain(a, cat, "desc", "CREATE TABLE \"desc\"(a INTEGER PRIMARY KEY DESC)", "a");
	((vb_sqlite_column_row *) t->columns.items[0])->type = "INTEGER";
	((vb_sqlite_column_row *) t->columns.items[0])->pk = 1;
	ixcol_row(a, ix_row(a, t, "sqlite_autoindex_desc_1", true, "pk", false, NULL), 0, "a", true, "BINARY");
	t = plain(a, cat, "orphan", "CREATE TABLE orphan(a REFERENCES gone)", "a");
	fk_row(a, t, 0, "gone", "a", NULL, "NO ACTION", "NO ACTION");
	plain(a, cat, "twice", "CREATE TABLE twice(a, CONSTRAINT x CHECK (a > 0), CONSTRAINT x CHECK (a < 9))", "a");
	t = plain(a, cat, "ok", "CREATE TABLE ok(a)", "a");
	ix = ix_row(a, t, "ok_rowid", false, "c", false, "CREATE INDEX ok_rowid ON ok(rowid)");
	ixcol_row(a, ix, -1, NULL, false, "BINARY");
	v->kind = "view";
	v->name = "v";
	v->table = "v";
	v->sql = "CREATE VIEW v AS SELECT 1";
	vb_list_push(a, &cat->others, v);

	s = build_ok(a, cat);
	assert_int_equal(s->tables.count, 0);
	assert_string_equal(reason_of(s, "oc"), "a key is ON CONFLICT REPLACE");
	assert_string_equal(reason_of(s, "nn"), "column \"a\" is NOT NULL ON CONFLICT IGNORE");
	assert_string_equal(reason_of(s, "kc"), "a key gives column \"a\" a collation of its own");
	assert_string_equal(reason_of(s, "desc"), "column \"a\" is INTEGER PRIMARY KEY DESC, which is not the rowid");
	assert_string_equal(reason_of(s, "orphan"),
						"a foreign key references table \"gone\" without naming columns, and that table has no primary key of as many columns");
	assert_string_equal(reason_of(s, "twice"), "two of its constraints or indexes are named \"x\"");
	assert_string_equal(reason_of(s, "ok"), "index \"ok_rowid\" is on the rowid");
	/* sorted by kind and name; indexes of an unmanaged table listed too */
	u = s->unmanaged.items[0];
	assert_string_equal(u->kind, "index");
	assert_string_equal(u->object, "ok_rowid");
	assert_string_equal(u->table, "ok");
	assert_string_equal(u->definition, "CREATE INDEX ok_rowid ON ok(rowid)");
	u = s->unmanaged.items[s->unmanaged.count - 1];
	assert_string_equal(u->kind, "view");
	assert_string_equal(u->definition, "CREATE VIEW v AS SELECT 1");
	assert_null(u->reason);
}

static void
test_schema_default_names(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_sqlite_catalog *cat = vb_alloc(a, sizeof(*cat));
	vb_sqlite_table_row *t;
	vb_sqlite_index_row *ix;
	vb_schema  *s;
	vb_table   *tb;

	/* an index already holds t_a_key; a named check holds t_a_check */
	t = plain(a, cat, "t", "CREATE TABLE t(a, b, UNIQUE(a), CONSTRAINT t_a_check CHECK (a > 1), "
			  "CHECK (a < 9), CHECK (a <> b), FOREIGN KEY (b) REFERENCES t(a))", "a,b");
	ixcol_row(a, ix_row(a, t, "sqlite_autoindex_t_1", true, "u", false, NULL), 0, "a", false, "BINARY");
	ix = ix_row(a, t, "t_a_key", false, "c", false, "CREATE INDEX t_a_key ON t(b)");
	ixcol_row(a, ix, 1, "b", false, "BINARY");
	fk_row(a, t, 0, "t", "b", "a", "NO ACTION", "NO ACTION");
	s = build_ok(a, cat);
	tb = s->tables.items[0];
	assert_string_equal(((vb_key *) tb->uniques.items[0])->name, "t_a_key1");
	assert_string_equal(((vb_check *) tb->checks.items[0])->name, "t_a_check");
	assert_string_equal(((vb_check *) tb->checks.items[1])->name, "t_a_check1");
	assert_string_equal(((vb_check *) tb->checks.items[2])->name, "t_check");
	assert_string_equal(((vb_foreign_key *) tb->foreign_keys.items[0])->name, "t_b_fkey");
}

/* ---- SQLite documents -------------------------------------------------- */

static vb_schema *
sqlite_doc(vb_arena *a, const char *json)
{
	vb_schema  *s = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_document_read_for(a, J(a, json), "sqlite", &s, &err))
		fail_msg("read: %s", err.message);
	return s;
}

static void
sqlite_doc_err(vb_arena *a, const char *target, const char *json, const char *path,
			   const char *fragment)
{
	vb_schema  *s;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (vb_document_read_for(a, J(a, json), target, &s, &err))
		fail_msg("read should fail: %s", json);
	assert_string_equal(err.code, VB_ERR_INVALID);
	assert_string_equal(err.path, path);
	assert_contains(err.message, fragment);
}

static void
test_document_sqlite_round_trip(void **state)
{
	vb_arena   *a = ARENA(state);
	const char *json =
		"{'version':1,'dialect':'sqlite','tables':[{'name':'t','strict':true,'withoutRowid':true,"
		"'columns':[{'name':'id','type':'INTEGER','nullable':false},"
		"{'name':'g','type':'','nullable':true,'generated':'id + 1','generatedStorage':'virtual'},"
		"{'name':'s','type':'INT','nullable':false,'generated':'id * 2'}],"
		"'primaryKey':{'name':'t_pkey','columns':['id']},'uniqueConstraints':[],"
		"'indexes':[{'name':'t_g_idx','columns':['g'],'unique':false}],"
		"'foreignKeys':[{'name':'t_id_fkey','columns':['id'],'referencedTable':'t','referencedColumns':['id'],"
		"'onDelete':'noAction','onUpdate':'noAction','deferrable':false,'initiallyDeferred':false}],"
		"'checks':[]}]}";
	vb_schema  *s = sqlite_doc(a, json);
	vb_table   *t = s->tables.items[0];

	assert_string_equal(t->schema, "main");
	assert_true(t->strict);
	assert_true(t->without_rowid);
	assert_true(vb_find_column(t, "g")->generated_virtual);
	assert_false(vb_find_column(t, "s")->generated_virtual);
	assert_string_equal(((vb_foreign_key *) t->foreign_keys.items[0])->ref_schema, "main");
	/* written back exactly: no schema keys, no index method, no enums */
	assert_string_equal(vb_document_write(a, s), J(a, json));
}

static void
test_document_sqlite_rules(void **state)
{
	vb_arena   *a = ARENA(state);
	char		long_name[101];
	vb_schema  *s;
	vb_table   *t;

	memset(long_name, 'n', 100);
	long_name[100] = '\0';
	/* no length limit; untyped columns; no dialect given: the target's */
	s = sqlite_doc(a, vb_printf(a, "{'tables':[{'name':'%s','columns':[{'name':'a','type':''}]}]}", long_name));
	assert_string_equal(s->dialect, "sqlite");
	t = s->tables.items[0];
	assert_string_equal(t->name, long_name);
	assert_string_equal(t->schema, "main");

	/* a key column keeps an explicit "nullable": true; absent, NOT NULL */
	s = sqlite_doc(a, "{'tables':[{'name':'t','columns':[{'name':'a','type':'TEXT','nullable':true},"
				   "{'name':'b','type':'TEXT'}],'primaryKey':{'columns':['a','b']}}]}");
	t = s->tables.items[0];
	assert_true(vb_find_column(t, "a")->nullable);
	assert_false(vb_find_column(t, "b")->nullable);

	sqlite_doc_err(a, "sqlite", "{'dialect':'pg','tables':[]}", "dialect",
				   "the document is for dialect \"pg\", the target is \"sqlite\"");
	sqlite_doc_err(a, "sqlite", "{'tables':[{'name':'t','schema':'public','columns':[]}]}",
				   "tables[0].schema", "a SQLite database has one schema, \"main\", not \"public\"");
	sqlite_doc_err(a, "sqlite", "{'tables':[],'enums':[{'name':'e','values':['a']}]}",
				   "enums", "key \"enums\" is not available on SQLite");
	sqlite_doc_err(a, "sqlite", "{'schemas':['main'],'tables':[]}",
				   "schemas", "key \"schemas\" is not available on SQLite");
	sqlite_doc_err(a, "sqlite", "{'tables':[{'name':'t','comment':'x','columns':[]}]}",
				   "tables[0].comment", "not available on SQLite");
	sqlite_doc_err(a, "sqlite", "{'tables':[{'name':'t','columns':[{'name':'a','type':'INT',"
				   "'identity':{'generation':'always'}}]}]}",
				   "tables[0].columns[0].identity", "not available on SQLite");
	sqlite_doc_err(a, "sqlite", "{'tables':[{'name':'t','columns':[{'name':'a','type':'INT'}],"
				   "'indexes':[{'columns':[{'column':'a','nulls':'first'}]}]}]}",
				   "tables[0].indexes[0].columns[0].nulls", "not available on SQLite");
	sqlite_doc_err(a, "sqlite", "{'tables':[{'name':'t','columns':[{'name':'a','type':'INT'}],"
				   "'indexes':[{'columns':['a'],'type':'gin'}]}]}",
				   "tables[0].indexes[0].type", "SQLite has no index type \"gin\"");
	sqlite_doc_err(a, "sqlite", "{'tables':[{'name':'t','columns':[{'name':'a','type':'INT'}],"
				   "'checks':[{'expression':'a > 0','notValid':true}]}]}",
				   "tables[0].checks[0].notValid", "not available on SQLite");
	sqlite_doc_err(a, "sqlite", "{'tables':[{'name':'t','columns':[{'name':'a','type':'INT',"
				   "'generatedStorage':'virtual'}]}]}",
				   "tables[0].columns[0].generatedStorage", "requires generated");
	sqlite_doc_err(a, "sqlite", "{'tables':[{'name':'t','columns':[{'name':'a','type':'INT',"
				   "'generated':'1','generatedStorage':'memory'}]}]}",
				   "tables[0].columns[0].generatedStorage", "must be \"stored\" or \"virtual\"");
	/* what SQLite has and PostgreSQL does not */
	sqlite_doc_err(a, "pg", "{'tables':[{'name':'t','strict':true,'columns':[]}]}",
				   "tables[0].strict", "key \"tables[0].strict\" is not available on PostgreSQL");
	sqlite_doc_err(a, "pg", "{'tables':[{'name':'t','withoutRowid':true,'columns':[]}]}",
				   "tables[0].withoutRowid", "not available on PostgreSQL");
	sqlite_doc_err(a, "pg", "{'tables':[{'name':'t','columns':[{'name':'a','type':'int',"
				   "'generated':'1','generatedStorage':'virtual'}]}]}",
				   "tables[0].columns[0].generatedStorage", "PostgreSQL has no virtual generated columns");
	sqlite_doc_err(a, "pg", "{'tables':[{'name':'t','columns':[{'name':'a','type':''}]}]}",
				   "tables[0].columns[0].type", "must not be empty");
	/* without a dialect, the reader stays as it was */
	doc_ok(a, "{'tables':[{'name':'t','strict':false,'columns':[]}]}");
}

static void
test_canonicalize_document(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = sqlite_doc(a,
							   "{'tables':[{'name':'t','columns':["
							   "{'name':'id','type':'integer','nullable':true},"
							   "{'name':'Name','type':'varchar ( 20 )','collation':'nocase','default':'(`x`)'},"
							   "{'name':'b','type':'text','collation':'binary','default':'abc'},"
							   "{'name':'g','type':'','generated':'ID  *  2'}],"
							   "'primaryKey':{'columns':['id']},"
							   "'checks':[{'expression':'name <> \\\"\\\"'},{'expression':'(ID > 0) and (b is not null)'}],"
							   "'indexes':[{'columns':[{'expression':'lower(\\\"name\\\")','order':'desc'},"
							   "{'expression':'NAME COLLATE NoCase'},{'expression':'(b)'},"
							   "{'column':'b','collation':'rtrim'},{'expression':'b + 1'}],'where':'NAME   IS  NOT NULL'}]}]}");
	vb_table   *t = s->tables.items[0];
	vb_index   *ix = t->indexes.items[0];
	vb_error	err;

	memset(&err, 0, sizeof(err));
	assert_true(vb_sqlite_canonicalize(a, s, &err));
	assert_string_equal(vb_find_column(t, "id")->type, "INTEGER");
	assert_false(vb_find_column(t, "id")->nullable);	/* the rowid */
	assert_string_equal(vb_find_column(t, "Name")->type, "VARCHAR(20)");
	assert_string_equal(vb_find_column(t, "Name")->collation, "NOCASE");
	assert_string_equal(vb_find_column(t, "Name")->default_expr, "'x'");
	assert_null(vb_find_column(t, "b")->collation);
	assert_string_equal(vb_find_column(t, "b")->default_expr, "'abc'");
	assert_string_equal(vb_find_column(t, "g")->generated, "id * 2");
	assert_string_equal(((vb_check *) t->checks.items[0])->expression, "Name <> ''");
	assert_string_equal(((vb_check *) t->checks.items[0])->name_column, "Name");
	assert_string_equal(((vb_check *) t->checks.items[1])->expression, "id > 0 AND b IS NOT NULL");
	assert_null(((vb_check *) t->checks.items[1])->name_column);
	assert_string_equal(((vb_index_elem *) ix->elements.items[0])->expression, "lower(Name)");
	assert_string_equal(ix->columns.items[0], "lower");
	/* COLLATE of the column's own collation, and a bare name, are columns */
	assert_string_equal(((vb_index_elem *) ix->elements.items[1])->column, "Name");
	assert_null(((vb_index_elem *) ix->elements.items[1])->collation);
	assert_null(((vb_index_elem *) ix->elements.items[1])->expression);
	assert_string_equal(((vb_index_elem *) ix->elements.items[2])->column, "b");
	assert_string_equal(((vb_index_elem *) ix->elements.items[3])->collation, "RTRIM");
	assert_string_equal(ix->columns.items[4], "expr");
	assert_string_equal(ix->where, "Name IS NOT NULL");

	/* the key of a STRICT or WITHOUT ROWID table holds no NULL; another
	 * rowid table's may, as the document says */
	s = sqlite_doc(a, "{'tables':[{'name':'s','strict':true,'columns':[{'name':'k','type':'TEXT','nullable':true}],"
				   "'primaryKey':{'columns':['k']}},"
				   "{'name':'w','withoutRowid':true,'columns':[{'name':'k','type':'TEXT','nullable':true}],"
				   "'primaryKey':{'columns':['k']}},"
				   "{'name':'r','columns':[{'name':'k','type':'TEXT','nullable':true}],"
				   "'primaryKey':{'columns':['k']}}]}");
	assert_true(vb_sqlite_canonicalize(a, s, &err));
	assert_false(vb_find_column(s->tables.items[0], "k")->nullable);
	assert_false(vb_find_column(s->tables.items[1], "k")->nullable);
	assert_true(vb_find_column(s->tables.items[2], "k")->nullable);

	s = sqlite_doc(a, "{'tables':[{'name':'t','columns':[{'name':'a','type':'INT'}],"
				   "'checks':[{'expression':'a >'}]}]}");
	assert_false(vb_sqlite_canonicalize(a, s, &err));
	assert_string_equal(err.path, "tables[0].checks[0].expression");
	assert_contains(err.message, "invalid tables[0].checks[0].expression: syntax error at the end of the text");
	s = sqlite_doc(a, "{'tables':[{'name':'t','columns':[{'name':'a','type':'INT','default':'1 2'}]}]}");
	assert_false(vb_sqlite_canonicalize(a, s, &err));
	assert_string_equal(err.path, "tables[0].columns[0].default");
	s = sqlite_doc(a, "{'tables':[{'name':'t','columns':[{'name':'a','type':'INT'}],"
				   "'indexes':[{'columns':[{'expression':'f('}]}]}]}");
	assert_false(vb_sqlite_canonicalize(a, s, &err));
	assert_string_equal(err.path, "tables[0].indexes[0].columns[0].expression");
}

int
run_sqlite_schema_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_schema_reads_everything),
		UNIT_TEST(test_schema_disagreements_fail),
		UNIT_TEST(test_schema_unmanaged_tables),
		UNIT_TEST(test_schema_default_names),
		UNIT_TEST(test_document_sqlite_round_trip),
		UNIT_TEST(test_document_sqlite_rules),
		UNIT_TEST(test_canonicalize_document),
	};

	return cmocka_run_group_tests_name("sqlite_schema", tests, NULL, NULL);
}
