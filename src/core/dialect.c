/*
 * dialect.c — what is common to every dialect: finding one by name, and
 * refusing the parts of a document a dialect cannot express (CONTRACT §4:
 * keys that a dialect lacks are an error naming their JSON path).
 */
#include <string.h>

#include "dialect.h"
#include "vb_internal.h"
#include "vb_json.h"

static const vb_dialect *const dialects[] = {&vb_dialect_pg, &vb_dialect_sqlite, &vb_dialect_mysql};

const vb_dialect *
vb_dialect_by_name(const char *name)
{
	size_t		i;

	for (i = 0; name && i < sizeof(dialects) / sizeof(dialects[0]); i++)
		if (strcmp(dialects[i]->name, name) == 0)
			return dialects[i];
	return NULL;
}

typedef struct checker
{
	vb_arena   *a;
	const vb_dialect *dl;
	vb_error   *err;
} checker;

/* The error for a key the dialect lacks, at path.key. */
static bool
lacks(checker *c, const char *path, const char *key, const char *what)
{
	const char *p = vb_json_key_path(c->a, path, key);

	vb_fail(c->err, c->a, VB_ERR_INVALID, p, "%s: the %s dialect has no %s", p, c->dl->name, what);
	c->err->hint = vb_strdup(c->a, "Remove the key: the target database cannot keep it.");
	return false;
}

static bool
check_column(checker *c, const vb_column *col)
{
	const vb_capabilities *can = &c->dl->can;

	if (col->identity != VB_IDENTITY_NONE && !can->identity)
		return lacks(c, col->path, "identity", "identity columns");
	if (col->collation && !can->collations)
		return lacks(c, col->path, "collation", "collations");
	if (col->comment && !can->comments)
		return lacks(c, col->path, "comment", "comments");
	if (col->generated && !can->generated_stored)
		return lacks(c, col->path, "generated", "generated columns");
	if (col->charset && !can->charsets)
		return lacks(c, col->path, "charset", "column character sets (a MySQL key)");
	if (col->on_update && !can->on_update)
		return lacks(c, col->path, "onUpdate", "ON UPDATE columns (a MySQL key)");
	if (col->invisible && !can->invisible_columns)
		return lacks(c, col->path, "invisible", "invisible columns (a MySQL key)");
	return true;
}

/* A comment on a constraint that has none on this database. */
static bool
check_constraint_comment(checker *c, const char *comment, const char *path)
{
	if (comment && !c->dl->can.constraint_comments)
		return lacks(c, path, "comment", "comments on primary keys, foreign keys and checks");
	return true;
}

static bool
check_index(checker *c, const vb_index *ix)
{
	const vb_capabilities *can = &c->dl->can;
	int			i;

	if (ix->where && !can->partial_indexes)
		return lacks(c, ix->path, "where", "partial indexes");
	if (ix->include.count && !can->index_include)
		return lacks(c, ix->path, "include", "INCLUDE columns");
	if (ix->nulls_not_distinct && !can->nulls_not_distinct)
		return lacks(c, ix->path, "nullsNotDistinct", "NULLS NOT DISTINCT");
	if (!can->index_methods && ix->method && strcmp(ix->method, "btree") != 0)
		return lacks(c, ix->path, "type", "index methods other than btree");
	if (ix->with.count && !can->storage_parameters)
		return lacks(c, ix->path, "with", "storage parameters");
	if (ix->invisible && !can->invisible_indexes)
		return lacks(c, ix->path, "visible", "invisible indexes (a MySQL key)");
	for (i = 0; i < ix->elements.count; i++)
	{
		const vb_index_elem *el = ix->elements.items[i];
		const char *ep = vb_printf(c->a, "%s.columns[%d]", ix->path ? ix->path : "indexes", i);

		if (el->expression && !can->expression_indexes)
			return lacks(c, ep, "expression", "expression indexes");
		if (el->opclass && !can->opclasses)
			return lacks(c, ep, "opclass", "operator classes");
		if (el->collation && !can->collations)
			return lacks(c, ep, "collation", "collations");
		if (el->nulls != VB_NULLS_DEFAULT && !can->opclasses)
			return lacks(c, ep, "nulls", "NULLS FIRST/LAST in indexes");
		if (el->length > 0 && !can->prefix_indexes)
			return lacks(c, ep, "length", "prefix index elements (a MySQL key)");
	}
	return true;
}

static bool
check_table(checker *c, const vb_table *t)
{
	const vb_capabilities *can = &c->dl->can;
	int			i;

	if (t->comment && !can->comments)
		return lacks(c, t->path, "comment", "comments");
	if (t->with.count && !can->storage_parameters)
		return lacks(c, t->path, "with", "storage parameters");
	if (t->engine && !can->table_options)
		return lacks(c, t->path, "engine", "table engines (a MySQL key)");
	if (t->charset && !can->table_options)
		return lacks(c, t->path, "charset", "table character sets (a MySQL key)");
	if (t->collation && !can->table_options)
		return lacks(c, t->path, "collation", "table collations (a MySQL key)");
	for (i = 0; i < t->columns.count; i++)
		if (!check_column(c, t->columns.items[i]))
			return false;
	if (t->primary_key && t->primary_key->deferrable && !can->deferrable)
		return lacks(c, t->primary_key->path, "deferrable", "deferrable constraints");
	if (t->primary_key &&
		!check_constraint_comment(c, t->primary_key->comment, t->primary_key->path))
		return false;
	for (i = 0; i < t->uniques.count; i++)
	{
		const vb_key *k = t->uniques.items[i];

		if (k->nulls_not_distinct && !can->nulls_not_distinct)
			return lacks(c, k->path, "nullsNotDistinct", "NULLS NOT DISTINCT");
		if (k->deferrable && !can->deferrable)
			return lacks(c, k->path, "deferrable", "deferrable constraints");
	}
	for (i = 0; i < t->indexes.count; i++)
		if (!check_index(c, t->indexes.items[i]))
			return false;
	for (i = 0; i < t->foreign_keys.count; i++)
	{
		const vb_foreign_key *fk = t->foreign_keys.items[i];

		if (fk->deferrable && !can->deferrable)
			return lacks(c, fk->path, "deferrable", "deferrable constraints");
		if (fk->not_valid && !can->not_valid)
			return lacks(c, fk->path, "notValid", "NOT VALID constraints");
		if (fk->match_full && !can->match_full)
			return lacks(c, fk->path, "match", "MATCH FULL foreign keys");
		if (!check_constraint_comment(c, fk->comment, fk->path))
			return false;
	}
	for (i = 0; i < t->checks.count; i++)
	{
		const vb_check *ck = t->checks.items[i];

		if (ck->not_valid && !can->not_valid)
			return lacks(c, ck->path, "notValid", "NOT VALID constraints");
		if (ck->no_inherit && !can->no_inherit)
			return lacks(c, ck->path, "noInherit", "NO INHERIT checks");
		if (ck->not_enforced && !can->unenforced_checks)
			return lacks(c, ck->path, "enforced", "checks that are not enforced (a MySQL 8 key)");
		if (!check_constraint_comment(c, ck->comment, ck->path))
			return false;
	}
	return true;
}

bool
vb_check_dialect(vb_arena *arena, const vb_dialect *dialect, const vb_schema *doc, vb_error *err)
{
	checker		c = {arena, dialect, err};
	int			i;

	if (doc->enums.count && !dialect->can.enum_types)
		return lacks(&c, NULL, "enums", "enum types (an enum is a column type or a check there)");
	for (i = 0; i < doc->tables.count; i++)
		if (!check_table(&c, doc->tables.items[i]))
			return false;
	return true;
}

char *
vb_unique_guard_sql(vb_arena *a, const vb_dialect *dl, const vb_guard *g, const char *t,
					const char *sum,
					const char *(*element) (vb_arena *a, const vb_index_elem *el))
{
	vb_buf		keys;
	vb_buf		cond;
	int			i;

	vb_buf_init(&keys, a);
	vb_buf_init(&cond, a);
	for (i = 0; i < g->elements.count; i++)
	{
		const vb_index_elem *el = g->elements.items[i];
		const char *e = element ? element(a, el) :
			el->column ? dl->quote_ident(a, el->column) : el->expression;

		vb_buf_appendf(&keys, "%s%s", i ? ", " : "", e);
		if (!g->nulls_not_distinct)
			vb_buf_appendf(&cond, "%s(%s) IS NOT NULL", cond.len ? " AND " : "", e);
	}
	if (g->expression)
		vb_buf_appendf(&cond, "%s(%s)", cond.len ? " AND " : "", g->expression);
	return vb_printf(a, "SELECT %s FROM (SELECT count(*) AS n FROM %s%s%s "
					 "GROUP BY %s HAVING count(*) > 1) dup",
					 sum, t, cond.len ? " WHERE " : "", cond.len ? cond.data : "", keys.data);
}

/*
 * The data guard of a new foreign key where keys compare as they are
 * (MySQL, SQLite): the rows of `t` (quoted, qualified) whose key is
 * complete (no column NULL: MATCH SIMPLE checks only those) and matched by
 * no row of the referenced table; a referenced table that does not exist
 * yet is new, hence empty, so every complete key counts.
 */
char *
vb_foreign_key_guard_sql(vb_arena *a, const vb_dialect *dl, const vb_guard *g, const char *t)
{
	vb_buf		notnull;
	vb_buf		match;
	int			i;

	vb_buf_init(&notnull, a);
	vb_buf_init(&match, a);
	for (i = 0; i < g->columns.count; i++)
	{
		const char *col = dl->quote_ident(a, g->columns.items[i]);

		vb_buf_appendf(&notnull, "%st.%s IS NOT NULL", i ? " AND " : "", col);
		if (g->ref_table)
			vb_buf_appendf(&match, "%sr.%s = t.%s", i ? " AND " : "",
						   dl->quote_ident(a, g->ref_columns.items[i]), col);
	}
	if (g->ref_table == NULL)
		return vb_printf(a, "SELECT COUNT(*) FROM %s t WHERE %s", t, notnull.data);
	return vb_printf(a, "SELECT COUNT(*) FROM %s t WHERE %s AND NOT EXISTS (SELECT 1 FROM %s r WHERE %s)",
					 t, notnull.data, dl->qualified(a, g->ref_schema, g->ref_table), match.data);
}
