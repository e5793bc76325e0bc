/*
 * guards.c — data guards: for each step that existing rows could break, a
 * query on the current schema (before any statement of the plan runs)
 * that counts the rows it would break. The face runs them all first and
 * fails with VB006 naming the constraint and the count (CONTRACT §2).
 *
 * Guards read the current table under its current name, so desired column
 * names and expressions are mapped back through the plan's renames. A
 * guard that needs a column this plan adds is not built: there are no
 * rows holding values in it yet.
 */
#include <stdio.h>
#include <string.h>

#include "diff_internal.h"

static vb_guard *
add_guard(vb_differ *d, vb_operation *op, vb_table_pair *p, char *sql, char *problem,
		  const char *hint)
{
	vb_guard   *g = vb_alloc(d->a, sizeof(vb_guard));

	g->sql = sql;
	g->problem = problem;
	g->object = vb_printf(d->a, "%s.%s", p->cur->schema, p->cur->name);
	g->hint = hint ? vb_strdup(d->a, hint) : NULL;
	vb_list_push(d->a, &op->guards, g);
	return g;
}

static const char *
cur_table(vb_differ *d, vb_table_pair *p)
{
	return vb_qualified(d->a, p->cur->schema, p->cur->name);
}

/* The current name of a desired column, or NULL when this plan adds it. */
static const char *
cur_column(vb_table_pair *p, const char *des_name)
{
	vb_column  *cc = vb_map_get(&p->des_col_to_cur, des_name);

	return cc ? cc->name : NULL;
}

/* Quoted current names of desired columns, joined; NULL if one is new. */
static char *
cur_column_list(vb_differ *d, vb_table_pair *p, const vb_list *cols, const char *sep,
				const char *prefix, const char *suffix)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, d->a);
	for (i = 0; i < cols->count; i++)
	{
		const char *c = cur_column(p, cols->items[i]);

		if (c == NULL)
			return NULL;
		vb_buf_appendf(&buf, "%s%s%s%s", i ? sep : "", prefix, vb_quote_ident(d->a, c), suffix);
	}
	return buf.data;
}

void
vb_guard_not_null(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_column *cc,
				  const char *des_name)
{
	vb_arena   *a = d->a;

	add_guard(d, op, p,
			  vb_printf(a, "SELECT count(*) FROM %s WHERE %s IS NULL", cur_table(d, p),
						vb_quote_ident(a, cc->name)),
			  vb_printf(a, "NULL in column \"%s\", which becomes NOT NULL", des_name),
			  "Update those rows first, or declare a default: with one, viborm fills NULLs with it before SET NOT NULL.");
}

void
vb_guard_table_empty(vb_differ *d, vb_operation *op, vb_table_pair *p, const char *col)
{
	add_guard(d, op, p, vb_printf(d->a, "SELECT count(*) FROM %s", cur_table(d, p)),
			  vb_printf(d->a, "the table is not empty, and column \"%s\" is added NOT NULL without a default", col),
			  "Give the column a default, or add it nullable first.");
}

/* Duplicates a new unique key or unique index would meet: the number of
 * rows beyond the first of each group of equal keys. */
void
vb_guard_unique(vb_differ *d, vb_operation *op, vb_table_pair *p, const char *name,
				const vb_list *exprs, bool nulls_not_distinct, const char *where)
{
	vb_arena   *a = d->a;
	vb_buf		keys;
	vb_buf		cond;
	int			i;

	vb_buf_init(&keys, a);
	vb_buf_init(&cond, a);
	for (i = 0; i < exprs->count; i++)
	{
		const char *e = exprs->items[i];

		if (e == NULL)
			return;
		vb_buf_appendf(&keys, "%s%s", i ? ", " : "", e);
		if (!nulls_not_distinct)
			vb_buf_appendf(&cond, "%s(%s) IS NOT NULL", cond.len ? " AND " : "", e);
	}
	if (where)
	{
		const char *w = vb_unmapped_predicate(d, p, where);

		vb_buf_appendf(&cond, "%s(%s)", cond.len ? " AND " : "", w);
	}
	add_guard(d, op, p,
			  vb_printf(a, "SELECT coalesce(sum(n - 1), 0)::bigint FROM (SELECT count(*) AS n FROM %s%s%s "
						"GROUP BY %s HAVING count(*) > 1) dup",
						cur_table(d, p), cond.len ? " WHERE " : "", cond.len ? cond.data : "",
						keys.data),
			  vb_printf(a, "duplicate values for unique \"%s\"", name),
			  "Remove the duplicates first, or drop the uniqueness from the document.");
}

/* Key columns as current expressions, for vb_guard_unique. */
vb_list *
vb_guard_key_exprs(vb_differ *d, vb_table_pair *p, const vb_list *cols)
{
	vb_list    *out = vb_alloc(d->a, sizeof(vb_list));
	int			i;

	for (i = 0; i < cols->count; i++)
	{
		const char *c = cur_column(p, cols->items[i]);

		vb_list_push(d->a, out, c ? vb_quote_ident(d->a, c) : NULL);
	}
	return out;
}

void
vb_guard_check(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_check *ck)
{
	vb_arena   *a = d->a;

	add_guard(d, op, p,
			  vb_printf(a, "SELECT count(*) FROM %s WHERE NOT (%s)", cur_table(d, p),
						vb_unmapped_predicate(d, p, ck->expression)),
			  vb_printf(a, "values that violate check \"%s\" %s", ck->name, ck->expression),
			  "Fix those rows first, or add the check with \"notValid\": true (then only new rows are checked).");
}

/* Rows whose key has no match in the referenced table (MATCH SIMPLE:
 * rows with a NULL in the key are never checked). */
void
vb_guard_foreign_key(vb_differ *d, vb_operation *op, vb_table_pair *p,
					 const vb_foreign_key *fk)
{
	vb_arena   *a = d->a;
	char	   *notnull = cur_column_list(d, p, &fk->columns, " AND ", "t.", " IS NOT NULL");
	vb_table_pair *rp = vb_map_get(&d->pair_by_des, vb_key2(a, fk->ref_schema, fk->ref_table));
	vb_buf		match;
	int			i;

	if (notnull == NULL)
		return;
	vb_buf_init(&match, a);
	if (rp)
		for (i = 0; i < fk->ref_columns.count; i++)
		{
			const char *rc = cur_column(rp, fk->ref_columns.items[i]);

			if (rc == NULL)
			{
				rp = NULL;		/* a new referenced column holds nothing */
				break;
			}
			vb_buf_appendf(&match, "%sr.%s = t.%s", i ? " AND " : "", vb_quote_ident(a, rc),
						   vb_quote_ident(a, cur_column(p, fk->columns.items[i])));
		}
	add_guard(d, op, p,
			  rp ? vb_printf(a, "SELECT count(*) FROM %s t WHERE %s AND NOT EXISTS "
							 "(SELECT 1 FROM %s r WHERE %s)",
							 cur_table(d, p), notnull,
							 vb_qualified(a, rp->cur->schema, rp->cur->name), match.data)
			  : vb_printf(a, "SELECT count(*) FROM %s t WHERE %s", cur_table(d, p), notnull),
			  vb_printf(a, "references to rows missing from %s.%s (foreign key \"%s\")",
						fk->ref_schema, fk->ref_table, fk->name),
			  "Fix those rows first, or add the foreign key with \"notValid\": true.");
}

static bool
numeric_type(const char *type)
{
	return strcmp(type, "smallint") == 0 || strcmp(type, "integer") == 0 ||
		strcmp(type, "bigint") == 0 || strcmp(type, "real") == 0 ||
		strcmp(type, "double precision") == 0 || strncmp(type, "numeric", 7) == 0;
}

/*
 * A type change that can fail: values too long for a length limit, out of
 * range for a narrower integer or numeric, or that do not convert at all
 * (the cast itself is tried; a failure is reported with the server's
 * message).
 */
void
vb_guard_type_change(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_column *cc,
					 const char *to, const char *using_expr)
{
	vb_arena   *a = d->a;
	const char *col = vb_quote_ident(a, cc->name);
	const char *t = cur_table(d, p);
	int			n = -1;
	int			scale = -1;
	char	   *sql;

	if ((sscanf(to, "character varying(%d)", &n) == 1 || sscanf(to, "character(%d)", &n) == 1) &&
		strchr(to, '[') == NULL)
		sql = vb_printf(a, "SELECT count(*) FROM %s WHERE char_length(%s::text) > %d", t, col, n);
	else if ((strcmp(to, "smallint") == 0 || strcmp(to, "integer") == 0) && numeric_type(cc->type))
		sql = vb_printf(a, "SELECT count(*) FROM %s WHERE round(%s::numeric) NOT BETWEEN %s", t, col,
						to[0] == 's' ? "-32768 AND 32767" : "-2147483648 AND 2147483647");
	else if (sscanf(to, "numeric(%d,%d)", &n, &scale) == 2)
		sql = vb_printf(a, "SELECT count(*) FROM %s WHERE abs(round((%s)::numeric, %d)) >= 1e%d",
						t, col, scale, n - scale);
	else
		sql = vb_printf(a, "SELECT count(*) FROM %s WHERE %s IS NOT NULL AND (%s) IS NULL",
						t, col, using_expr);
	add_guard(d, op, p, sql,
			  vb_printf(a, "values of column \"%s\" that %s cannot hold", cc->name, to),
			  "Fix those values first, or choose a type that holds them.")->cast_fails = true;
}

/* Rows that hold an enum value this plan removes, in one column. */
void
vb_guard_enum_value(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_column *cc,
					bool array, const char *enum_name, const char *value)
{
	vb_arena   *a = d->a;
	const char *col = vb_quote_ident(a, cc->name);
	const char *lit = vb_quote_literal(a, value);
	vb_guard   *g;

	g = add_guard(d, op, p,
				  array ? vb_printf(a, "SELECT count(*) FROM %s WHERE %s = ANY (%s::text[])",
									cur_table(d, p), lit, col)
				  : vb_printf(a, "SELECT count(*) FROM %s WHERE %s::text = %s",
							  cur_table(d, p), col, lit),
				  vb_printf(a, "value \"%s\" of enum %s in column \"%s\", which the enum loses",
							value, enum_name, cc->name),
				  "Map the value with options.enumValueMappings ({\"enum\": ..., \"map\": {\"old\": \"new\" or null}}).");
	g->enum_value = vb_strdup(a, value);
	g->column = cc->name;
}

/* Rows of a column converted into an enum of the document that hold a
 * value the enum will not have (read as text: the enum may not exist yet,
 * or not with these values). */
void
vb_guard_enum_target(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_column *cc,
					 bool array, const vb_enum *e)
{
	vb_arena   *a = d->a;
	const char *col = vb_quote_ident(a, cc->name);
	vb_buf		values;
	int			i;

	vb_buf_init(&values, a);
	for (i = 0; i < e->values.count; i++)
		vb_buf_appendf(&values, "%s%s", i ? ", " : "",
					   vb_quote_literal(a, ((vb_enum_value *) e->values.items[i])->name));
	if (values.len == 0)
		vb_buf_append(&values, "NULL");
	add_guard(d, op, p,
			  array ? vb_printf(a, "SELECT count(*) FROM %s WHERE EXISTS (SELECT 1 FROM "
								"pg_catalog.unnest(%s::text[]) v WHERE v NOT IN (%s))",
								cur_table(d, p), col, values.data)
			  : vb_printf(a, "SELECT count(*) FROM %s WHERE %s::text NOT IN (%s)",
						  cur_table(d, p), col, values.data),
			  vb_printf(a, "values of column \"%s\" that enum %s.%s does not have",
						cc->name, e->schema, e->name),
			  "Fix those values first, or add them to the enum.");
}
