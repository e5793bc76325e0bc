/*
 * sqlite_canonical.c — a document read for SQLite, rewritten in place into
 * the canonical forms that introspection gives (vb_sqlite.h), so that the
 * differ compares texts that SQLite reads alike as equal strings.
 *
 * Expressions are read against the table's own columns, as SQLite reads a
 * CHECK or an index: a name is spelled as its column is, and a
 * double-quoted name that is no column is a string. Facts that SQLite
 * fixes whatever the text says are fixed here too: the rowid column
 * (INTEGER PRIMARY KEY of a rowid table) and the key of a WITHOUT ROWID or
 * STRICT table never hold NULL.
 */
#include <string.h>

#include "sqlite_parse.h"
#include "vb_json.h"

typedef struct canon
{
	vb_arena   *arena;
	vb_error   *err;
	vb_table   *t;
	vb_list		names;			/* char *: the table's columns */
} canon;

/* VB001 "invalid <path>: <what the parser said>" */
static bool
invalid(canon *c, const char *path, const char *key, vb_error *perr)
{
	char	   *p = key ? vb_json_key_path(c->arena, path, key) : (char *) (path ? path : "");

	return vb_fail(c->err, c->arena, VB_ERR_INVALID, p, "invalid %s: %s", p, perr->message);
}

static bool
expression(canon *c, char **text, const char *path, const char *key, vb_list *used)
{
	vb_sqlite_expr *e;
	vb_error	perr;

	if (*text == NULL)
		return true;
	if (!vb_sqlite_expr_parse(c->arena, *text, &e, &perr))
		return invalid(c, path, key, &perr);
	*text = vb_sqlite_expr_print(c->arena, e, &c->names);
	if (used)
		vb_sqlite_expr_columns(c->arena, e, &c->names, used);
	return true;
}

/* A column's collation, canonical; NULL for BINARY (the default). */
static char *
collation(vb_arena *arena, const char *name)
{
	char	   *canonical;

	if (name == NULL)
		return NULL;
	canonical = vb_sqlite_collation_canonical(arena, name);
	return strcmp(canonical, "BINARY") == 0 ? NULL : canonical;
}

static bool
canonical_column(canon *c, vb_column *col)
{
	vb_error	perr;

	col->type = vb_sqlite_type_canonical(c->arena, col->type);
	col->collation = collation(c->arena, col->collation);
	if (col->default_expr &&
		!vb_sqlite_default_canonical(c->arena, col->default_expr, &col->default_expr, &perr))
		return invalid(c, col->path, "default", &perr);
	return expression(c, &col->generated, col->path, "generated", NULL);
}

/* Keys that SQLite makes NOT NULL whatever the document says: the rowid
 * (INTEGER PRIMARY KEY of a rowid table), and every key column of a
 * WITHOUT ROWID or a STRICT table. */
static void
fix_key_nullability(vb_table *t)
{
	vb_key	   *pk = t->primary_key;
	int			i;

	if (pk == NULL)
		return;
	if (!t->without_rowid && pk->columns.count == 1)
	{
		vb_column  *col = vb_find_column(t, pk->columns.items[0]);

		if (strcmp(col->type, "INTEGER") == 0)
		{
			col->nullable = false;	/* the rowid */
			return;
		}
	}
	for (i = 0; (t->without_rowid || t->strict) && i < pk->columns.count; i++)
		vb_find_column(t, pk->columns.items[i])->nullable = false;
}

/* The column a one-part name means, in its own spelling, or NULL. */
static const char *
named_column(canon *c, const vb_sqlite_expr *e)
{
	vb_list		used;

	if (e->kind != VB_SQE_COLUMN || e->parts.count != 1)
		return NULL;
	memset(&used, 0, sizeof(used));
	vb_sqlite_expr_columns(c->arena, e, &c->names, &used);
	return used.count == 1 ? used.items[0] : NULL;
}

/*
 * An expression element as SQLite reads it: a top-level COLLATE is the
 * element's collation, and a bare column name is a column element.
 */
static bool
canonical_element(canon *c, vb_index *ix, int i)
{
	vb_index_elem *el = ix->elements.items[i];
	char	   *path = ix->path ? vb_printf(c->arena, "%s.columns[%d]", ix->path, i) : NULL;
	vb_sqlite_expr *e;
	vb_error	perr;

	if (!vb_sqlite_expr_parse(c->arena, el->expression, &e, &perr))
		return invalid(c, path, "expression", &perr);
	if (e->kind == VB_SQE_COLLATE && el->collation == NULL)
	{
		el->collation = e->text;
		e = e->a;
	}
	if (named_column(c, e))
	{
		el->column = (char *) named_column(c, e);
		el->expression = NULL;
		ix->columns.items[i] = el->column;
		return true;
	}
	el->expression = vb_sqlite_expr_print(c->arena, e, &c->names);
	/* the part of a default name an expression gives: its function */
	ix->columns.items[i] = vb_strdup(c->arena, e->kind == VB_SQE_FUNCTION ? e->text : "expr");
	return true;
}

static bool
canonical_index(canon *c, vb_index *ix)
{
	int			i;

	for (i = 0; i < ix->elements.count; i++)
	{
		vb_index_elem *el = ix->elements.items[i];

		if (el->expression && !canonical_element(c, ix, i))
			return false;
		el->collation = el->collation ? vb_sqlite_collation_canonical(c->arena, el->collation) : NULL;
		if (el->column)
		{
			vb_column  *col = vb_find_column(c->t, el->column);
			const char *own = col && col->collation ? col->collation : "BINARY";

			if (el->collation && strcmp(el->collation, own) == 0)
				el->collation = NULL;	/* the column's own: no difference */
		}
	}
	return expression(c, &ix->where, ix->path, "where", NULL);
}

static bool
canonical_table(canon *c)
{
	vb_table   *t = c->t;
	int			i;

	memset(&c->names, 0, sizeof(c->names));
	for (i = 0; i < t->columns.count; i++)
		vb_list_push(c->arena, &c->names, ((vb_column *) t->columns.items[i])->name);
	for (i = 0; i < t->columns.count; i++)
		if (!canonical_column(c, t->columns.items[i]))
			return false;
	fix_key_nullability(t);
	for (i = 0; i < t->checks.count; i++)
	{
		vb_check   *ck = t->checks.items[i];
		vb_list		used;

		memset(&used, 0, sizeof(used));
		if (!expression(c, &ck->expression, ck->path, "expression", &used))
			return false;
		ck->name_column = used.count == 1 ? used.items[0] : NULL;
	}
	for (i = 0; i < t->indexes.count; i++)
		if (!canonical_index(c, t->indexes.items[i]))
			return false;
	return true;
}

bool
vb_sqlite_canonicalize(vb_arena *arena, vb_schema *schema, vb_error *err)
{
	canon		c;
	int			i;

	memset(&c, 0, sizeof(c));
	c.arena = arena;
	c.err = err;
	for (i = 0; i < schema->tables.count; i++)
	{
		c.t = schema->tables.items[i];
		if (!canonical_table(&c))
			return false;
	}
	return true;
}
