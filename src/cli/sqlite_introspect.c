/*
 * sqlite_introspect.c - the SQLite driver's reading of a database's
 * schema.
 *
 * Four set-based queries read the whole catalog, however many tables there
 * are: sqlite_schema joined with pragma_table_list (objects, STRICT,
 * WITHOUT ROWID), then pragma_table_xinfo, pragma_index_list with
 * pragma_index_xinfo, and pragma_foreign_key_list, each joined with
 * sqlite_schema so that one statement covers every table. The rows go to
 * the core (vb_sqlite_build_schema), which parses the stored CREATE text
 * for what the pragmas do not show and checks the two against each other.
 *
 * The queries have no ORDER BY: sorting the rows (with their CREATE text)
 * was a quarter of SQLite's work. Each table's pragma rows come in the
 * pragma's own order (columns by cid, an index's columns by seqno, foreign
 * keys by id and seq), one table after the other, since the pragma
 * function can only be the inner loop of the join; the reader checks that
 * every row continues where the last one of its object stopped, and should
 * a row ever come out of that order, it reads everything again with the
 * ordered queries. Tables, indexes and the other objects are put in name
 * order here, as the ordered queries gave them.
 */
#include <stdlib.h>
#include <string.h>

#include "sqlite_introspect.h"
#include "vb_sqlite.h"

/*
 * User objects of "main": not SQLite's own (sqlite_%, with '_' escaped:
 * a bare LIKE 'sqlite_%' would also skip a table named "sqlitefoo"), and
 * not viborm's history tables or anything on them.
 */
#define USER_OBJECT(name, table) \
	name " NOT LIKE 'sqlite\\_%' ESCAPE '\\' " \
	"AND " table " COLLATE NOCASE NOT IN ('_viborm_history', '_viborm_snapshot', '_viborm_migrations')"

/*
 * pragma_table_list, computed once (joined per row it would be computed
 * again for every row: quadratic), for STRICT, WITHOUT ROWID and the kind
 * of each table.
 */
#define TABLE_LIST \
	"WITH l AS MATERIALIZED (SELECT name, type, wr, strict FROM pragma_table_list " \
	"WHERE schema = 'main') "

/* The ordinary user tables, each with the rows of a pragma: a virtual
 * table is never queried (its pragmas may need a module the connection
 * lacks). */
#define TABLES \
	TABLE_LIST ", t AS MATERIALIZED (SELECT name FROM l WHERE type = 'table' AND " \
	USER_OBJECT("name", "name") ") "

static const char objects_query[] =
	TABLE_LIST
	"SELECT s.type, s.name, s.tbl_name, s.sql, l.type, l.wr, l.strict "
	"FROM sqlite_schema AS s LEFT JOIN l ON l.name = s.name "
	"WHERE " USER_OBJECT("s.name", "s.tbl_name");

#define COLUMNS_QUERY \
	TABLES \
	"SELECT t.name, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden, c.cid " \
	"FROM t, pragma_table_xinfo(t.name, 'main') AS c "

#define INDEXES_QUERY \
	TABLES \
	"SELECT t.name, il.name, il.\"unique\", il.origin, il.partial, " \
	"x.cid, x.name, x.\"desc\", x.coll, x.seqno " \
	"FROM t, pragma_index_list(t.name, 'main') AS il, " \
	"pragma_index_xinfo(il.name, 'main') AS x " \
	"WHERE x.\"key\" = 1 "

#define FOREIGN_KEYS_QUERY \
	TABLES \
	"SELECT t.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, " \
	"f.on_delete, f.\"match\", f.seq " \
	"FROM t, pragma_foreign_key_list(t.name, 'main') AS f "

static const char *const pragma_queries[2][3] = {
	{COLUMNS_QUERY, INDEXES_QUERY, FOREIGN_KEYS_QUERY},
	{COLUMNS_QUERY "ORDER BY t.name, c.cid",
	 INDEXES_QUERY "ORDER BY t.name, il.name, x.seqno",
	FOREIGN_KEYS_QUERY "ORDER BY t.name, f.id, f.seq"},
};

struct reader {
	sqlite3 *db;
	vb_arena *arena;
	vb_error *err;
	vb_sqlite_catalog *cat;
	vb_map tables;		/* name -> vb_sqlite_table_row */
	vb_map index_sql;	/* index name -> its CREATE text */
	vb_sqlite_index_row *index;	/* the index being read */
	vb_sqlite_fk_row *fk;	/* the foreign key being read */
	bool		out_of_order;	/* a pragma row did not continue its object */
};

typedef bool (*row_fn)(struct reader *r, sqlite3_stmt *st);

static bool fail_sqlite(struct reader *r, const char *what)
{
	return vb_fail(r->err, r->arena, VB_ERR_SQLITE, NULL,
		       "cannot read the SQLite schema (%s): %s", what,
		       sqlite3_errmsg(r->db));
}

/* Column i of the row as arena text; NULL for SQL NULL. */
static char *text(struct reader *r, sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	if (!v)
		return NULL;
	return vb_strndup(r->arena, (const char *)v,
			  (size_t)sqlite3_column_bytes(st, i));
}

static bool run(struct reader *r, const char *what, const char *sql, row_fn fn)
{
	sqlite3_stmt *st;
	int rc;
	bool ok = true;

	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail_sqlite(r, what);
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ok = fn(r, st);
	if (ok && rc != SQLITE_DONE)
		ok = fail_sqlite(r, what);
	sqlite3_finalize(st);
	return ok;
}

static void add_other(struct reader *r, const char *kind, sqlite3_stmt *st)
{
	vb_sqlite_other_row *o = vb_alloc(r->arena, sizeof(*o));

	o->kind = vb_strdup(r->arena, kind);
	o->name = text(r, st, 1);
	o->table = text(r, st, 2);
	o->sql = text(r, st, 3);
	vb_list_push(r->arena, &r->cat->others, o);
}

/* type, name, tbl_name, sql, table_list.type, wr, strict */
static bool object_row(struct reader *r, sqlite3_stmt *st)
{
	char *type = text(r, st, 0);
	char *list_type = text(r, st, 4);

	if (!strcmp(type, "index")) {
		if (sqlite3_column_type(st, 3) != SQLITE_NULL)
			vb_map_put(&r->index_sql, text(r, st, 1), text(r, st, 3));
	} else if (!strcmp(type, "view") || !strcmp(type, "trigger")) {
		add_other(r, type, st);
	} else if (!strcmp(type, "table") && list_type && !strcmp(list_type, "virtual")) {
		add_other(r, "virtualTable", st);
	} else if (!strcmp(type, "table") && list_type && !strcmp(list_type, "shadow")) {
		add_other(r, "shadowTable", st);
	} else if (!strcmp(type, "table")) {
		vb_sqlite_table_row *t = vb_alloc(r->arena, sizeof(*t));

		t->name = text(r, st, 1);
		t->sql = text(r, st, 3);
		t->without_rowid = sqlite3_column_int(st, 5) != 0;
		t->strict = sqlite3_column_int(st, 6) != 0;
		vb_list_push(r->arena, &r->cat->tables, t);
		vb_map_put(&r->tables, t->name, t);
	}
	return true;
}

static vb_sqlite_table_row *table_of(struct reader *r, sqlite3_stmt *st)
{
	vb_sqlite_table_row *t = vb_map_get(&r->tables, (const char *)sqlite3_column_text(st, 0));

	if (!t)
		vb_fail(r->err, r->arena, "XX000", NULL,
			"cannot read the SQLite schema: table \"%s\" appeared between two queries",
			(const char *)sqlite3_column_text(st, 0));
	return t;
}

/* table, name, type, notnull, dflt_value, pk, hidden */
static bool column_row(struct reader *r, sqlite3_stmt *st)
{
	vb_sqlite_table_row *t = table_of(r, st);
	vb_sqlite_column_row *c = vb_alloc(r->arena, sizeof(*c));

	if (!t)
		return false;
	if (sqlite3_column_int(st, 7) != t->columns.count)
		r->out_of_order = true;
	c->name = text(r, st, 1);
	c->type = text(r, st, 2);
	if (!c->type)
		c->type = vb_strdup(r->arena, "");
	c->notnull = sqlite3_column_int(st, 3) != 0;
	c->dflt_value = text(r, st, 4);
	c->pk = sqlite3_column_int(st, 5);
	c->hidden = sqlite3_column_int(st, 6);
	vb_list_push(r->arena, &t->columns, c);
	return true;
}

/* An index or foreign key that t has already: its rows were split. */
static bool
seen_index(const vb_sqlite_table_row *t, const char *name)
{
	int			i;

	for (i = 0; i < t->indexes.count; i++)
		if (strcmp(((vb_sqlite_index_row *) t->indexes.items[i])->name, name) == 0)
			return true;
	return false;
}

static bool
seen_fk(const vb_sqlite_table_row *t, int id)
{
	int			i;

	for (i = 0; i < t->foreign_keys.count; i++)
		if (((vb_sqlite_fk_row *) t->foreign_keys.items[i])->id == id)
			return true;
	return false;
}

/* table, index, unique, origin, partial, cid, name, desc, coll, seqno */
static bool index_row(struct reader *r, sqlite3_stmt *st)
{
	vb_sqlite_table_row *t = table_of(r, st);
	vb_sqlite_index_column_row *c = vb_alloc(r->arena, sizeof(*c));
	const char *name = (const char *)sqlite3_column_text(st, 1);

	if (!t)
		return false;
	if (!r->index || strcmp(r->index->name, name) ||
	    t->indexes.count == 0 || t->indexes.items[t->indexes.count - 1] != r->index) {
		if (seen_index(t, name))
			r->out_of_order = true;
		r->index = vb_alloc(r->arena, sizeof(*r->index));
		r->index->name = text(r, st, 1);
		r->index->unique = sqlite3_column_int(st, 2) != 0;
		r->index->origin = text(r, st, 3);
		r->index->partial = sqlite3_column_int(st, 4) != 0;
		r->index->sql = vb_map_get(&r->index_sql, r->index->name);
		vb_list_push(r->arena, &t->indexes, r->index);
	}
	if (sqlite3_column_int(st, 9) != r->index->columns.count)
		r->out_of_order = true;
	c->cid = sqlite3_column_int(st, 5);
	c->name = text(r, st, 6);
	c->desc = sqlite3_column_int(st, 7) != 0;
	c->coll = text(r, st, 8);
	vb_list_push(r->arena, &r->index->columns, c);
	return true;
}

/* table, id, parent, from, to, on_update, on_delete, match, seq */
static bool foreign_key_row(struct reader *r, sqlite3_stmt *st)
{
	vb_sqlite_table_row *t = table_of(r, st);
	int id = sqlite3_column_int(st, 1);

	if (!t)
		return false;
	if (!r->fk || r->fk->id != id || t->foreign_keys.count == 0 ||
	    t->foreign_keys.items[t->foreign_keys.count - 1] != r->fk) {
		if (seen_fk(t, id))
			r->out_of_order = true;
		r->fk = vb_alloc(r->arena, sizeof(*r->fk));
		r->fk->id = id;
		r->fk->table = text(r, st, 2);
		r->fk->on_update = text(r, st, 5);
		r->fk->on_delete = text(r, st, 6);
		r->fk->match = text(r, st, 7);
		vb_list_push(r->arena, &t->foreign_keys, r->fk);
	}
	if (sqlite3_column_int(st, 8) != r->fk->from.count)
		r->out_of_order = true;
	vb_list_push(r->arena, &r->fk->from, text(r, st, 3));
	vb_list_push(r->arena, &r->fk->to, text(r, st, 4));
	return true;
}

static bool exec(struct reader *r, const char *sql)
{
	return sqlite3_exec(r->db, sql, NULL, NULL, NULL) == SQLITE_OK ||
	       fail_sqlite(r, sql);
}

/* The pragma rows of every table: unordered (0), or ordered (1). */
static bool read_pragmas(struct reader *r, int ordered)
{
	int i;

	for (i = 0; i < r->cat->tables.count; i++) {
		vb_sqlite_table_row *t = r->cat->tables.items[i];

		memset(&t->columns, 0, sizeof(t->columns));
		memset(&t->indexes, 0, sizeof(t->indexes));
		memset(&t->foreign_keys, 0, sizeof(t->foreign_keys));
	}
	r->index = NULL;
	r->fk = NULL;
	r->out_of_order = false;
	return run(r, "pragma_table_xinfo", pragma_queries[ordered][0], column_row) &&
	       run(r, "pragma_index_list", pragma_queries[ordered][1], index_row) &&
	       run(r, "pragma_foreign_key_list", pragma_queries[ordered][2], foreign_key_row);
}

static int compare_table_rows(const void *x, const void *y)
{
	return strcmp((*(vb_sqlite_table_row *const *)x)->name,
		      (*(vb_sqlite_table_row *const *)y)->name);
}

static int compare_other_rows(const void *x, const void *y)
{
	return strcmp((*(vb_sqlite_other_row *const *)x)->name,
		      (*(vb_sqlite_other_row *const *)y)->name);
}

static int compare_index_rows(const void *x, const void *y)
{
	return strcmp((*(vb_sqlite_index_row *const *)x)->name,
		      (*(vb_sqlite_index_row *const *)y)->name);
}

static void sort_list(vb_list *l, int (*cmp)(const void *, const void *))
{
	if (l->count > 1)
		qsort(l->items, (size_t)l->count, sizeof(void *), cmp);
}

/* Name order (BINARY, as ORDER BY name gave it; names are unique). */
static void sort_rows(vb_sqlite_catalog *cat)
{
	int i;

	sort_list(&cat->tables, compare_table_rows);
	sort_list(&cat->others, compare_other_rows);
	for (i = 0; i < cat->tables.count; i++)
		sort_list(&((vb_sqlite_table_row *)cat->tables.items[i])->indexes,
			  compare_index_rows);
}

bool vb_sqlite_introspect(sqlite3 *db, vb_arena *arena, vb_schema **out,
			  vb_error *err)
{
	struct reader r;
	bool ok;

	memset(&r, 0, sizeof(r));
	r.db = db;
	r.arena = arena;
	r.err = err;
	r.cat = vb_alloc(arena, sizeof(*r.cat));
	vb_map_init(&r.tables, arena, 64);
	vb_map_init(&r.index_sql, arena, 64);

	/* one snapshot for all four queries, inside or outside a transaction */
	if (!exec(&r, "SAVEPOINT vb_introspect"))
		return false;
	ok = run(&r, "sqlite_schema", objects_query, object_row) &&
	     read_pragmas(&r, 0);
	if (ok && r.out_of_order)
		ok = read_pragmas(&r, 1);
	if (ok)
		sort_rows(r.cat);
	if (!ok)
		sqlite3_exec(db, "ROLLBACK TO vb_introspect", NULL, NULL, NULL);
	if (!exec(&r, "RELEASE vb_introspect") || !ok)
		return false;
	return vb_sqlite_build_schema(arena, r.cat, out, err);
}

bool vb_sqlite_read_sequence(sqlite3 *db, vb_arena *arena, const char *table,
			     bool *found, long long *seq, vb_error *err)
{
	struct reader r;
	sqlite3_stmt *st;
	int rc;

	memset(&r, 0, sizeof(r));
	r.db = db;
	r.arena = arena;
	r.err = err;
	*found = false;
	*seq = 0;
	/* sqlite_sequence exists once some table has used AUTOINCREMENT */
	if (sqlite3_table_column_metadata(db, "main", "sqlite_sequence", "seq",
					  NULL, NULL, NULL, NULL, NULL) != SQLITE_OK)
		return true;
	if (sqlite3_prepare_v2(db, "SELECT seq FROM main.sqlite_sequence WHERE name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return fail_sqlite(&r, "sqlite_sequence");
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		*seq = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail_sqlite(&r, "sqlite_sequence");
	return true;
}
