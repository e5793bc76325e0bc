/*
 * guards.c — data guards: for each step that existing rows could break, a
 * question about the rows of a current table, asked before any statement
 * of the plan runs (the dialect writes the query). The face runs them all
 * first and fails with VB006 naming the constraint and the count
 * (CONTRACT §2).
 *
 * Guards read the current tables under their current names, so the
 * document's expressions are rewritten into what the rows will hold once
 * the plan has run: a renamed column by its current name, a column whose
 * type changes by its conversion, a column the plan adds by its default
 * (or NULL), a generated column by its generation expression. A guard
 * whose answer cannot be known before the plan runs is not built: one that
 * reads a column whose values the database assigns (a new serial or
 * identity column), or a type this plan creates or changes.
 */
#include <stdio.h>
#include <string.h>

#include "diff_internal.h"

static vb_guard *
new_guard(vb_differ *d, vb_guard_kind kind, vb_table_pair *p)
{
	vb_guard   *g = vb_alloc(d->a, sizeof(vb_guard));

	g->kind = kind;
	g->schema = p->cur->schema;
	g->table = p->cur->name;
	g->object = vb_printf(d->a, "%s.%s", p->cur->schema, p->cur->name);
	return g;
}

static void
add_guard(vb_differ *d, vb_operation *op, vb_guard *g, char *problem, const char *hint)
{
	g->problem = problem;
	g->hint = vb_strdup(d->a, hint);
	vb_list_push(d->a, &op->guards, g);
}

/* The current column of a desired one, or NULL when this plan adds it. */
static vb_column *
cur_column(vb_table_pair *p, const char *des_name)
{
	return vb_map_get(&p->des_col_to_cur, des_name);
}

static const char *guard_text(vb_differ *d, vb_table_pair *p, const char *expr);

/* A column the plan adds with nothing to fill it: NULL in every row. */
static bool
holds_null(vb_table_pair *p, const char *name)
{
	vb_column  *dc = vb_find_column(p->des, name);

	return cur_column(p, name) == NULL && dc && !dc->default_expr && !dc->generated &&
		!dc->auto_increment && dc->identity == VB_IDENTITY_NONE;
}

/* Does the text name a type this plan creates or changes? */
static bool
mentions_changed_type(vb_differ *d, const char *expr)
{
	int			i;

	for (i = 0; i < d->changed_types.capacity; i++)
		if (d->changed_types.entries[i].key &&
			vb_mentions_type(d, expr, d->changed_types.entries[i].key))
			return true;
	return false;
}

/* Does changing the type of `cc` into `dc`'s involve an enum? */
bool
vb_through_text(vb_differ *d, const vb_column *cc, const vb_column *dc)
{
	int			dims;

	return vb_map_get(&d->cur_enums, vb_element_type(d, cc->type, &dims)) ||
		vb_map_get(&d->des_enums, vb_element_type(d, dc->type, &dims));
}

/*
 * What a column (by its name in the document) holds once the plan has
 * run, as an expression over the current table; NULL: its current name
 * unchanged.
 */
static const char *
column_value(vb_differ *d, void *ctx, const char *name)
{
	vb_table_pair *p = ctx;
	const vb_dialect *dl = d->dl;
	vb_column  *dc = vb_column_lookup(&d->columns, p->des, name);
	vb_column  *cc = cur_column(p, name);
	const char *g;

	if (dc == NULL)
		return NULL;			/* not a column of the table: a keyword */
	if (dc->generated && (cc == NULL || vb_map_get(&p->recreated_columns, name)))
	{
		g = guard_text(d, p, dc->generated);
		return g ? vb_printf(d->a, "(%s)", g) : VB_UNKNOWABLE;
	}
	if (cc && vb_map_get(&p->type_changed, name))
		return vb_printf(d->a, "(%s)", dl->cast(d->a, dl->quote_ident(d->a, cc->name),
												vb_mapped_type(d, cc->type), dc->type,
												vb_through_text(d, cc, dc)));
	if (cc)
		return strcmp(cc->name, name) != 0 ? dl->quote_ident(d->a, cc->name) : NULL;
	if (dc->auto_increment || dc->identity != VB_IDENTITY_NONE)
		return VB_UNKNOWABLE;
	return vb_printf(d->a, "(%s)", dl->cast(d->a, dc->default_expr ?
											vb_printf(d->a, "(%s)", dc->default_expr) : NULL,
											dc->type, dc->type, false));
}

/* A document expression over the current rows, or NULL when unknowable. */
static const char *
guard_text(vb_differ *d, vb_table_pair *p, const char *expr)
{
	if (expr == NULL || mentions_changed_type(d, expr))
		return NULL;
	return vb_rewrite_columns(d, expr, column_value, p);
}

void
vb_guard_not_null(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_column *cc,
				  const char *des_name)
{
	vb_guard   *g = new_guard(d, VB_GUARD_NOT_NULL, p);

	g->column = cc->name;
	add_guard(d, op, g, vb_printf(d->a, "NULL in column \"%s\", which becomes NOT NULL", des_name),
			  "Update those rows first, or declare a default: with one, viborm fills NULLs with it before SET NOT NULL.");
}

void
vb_guard_table_empty(vb_differ *d, vb_operation *op, vb_table_pair *p, const char *col)
{
	add_guard(d, op, new_guard(d, VB_GUARD_TABLE_EMPTY, p),
			  vb_printf(d->a, "the table is not empty, and column \"%s\" is added NOT NULL without a default", col),
			  "Give the column a default, or add it nullable first.");
}

/* Duplicates a new unique key or unique index would meet; `elements` are
 * the key's vb_index_elem * in the document's names. */
void
vb_guard_unique(vb_differ *d, vb_operation *op, vb_table_pair *p, const char *name,
				const vb_list *elements, bool nulls_not_distinct, const char *where)
{
	vb_guard   *g = new_guard(d, VB_GUARD_UNIQUE, p);
	int			i;

	for (i = 0; i < elements->count; i++)
	{
		const vb_index_elem *el = elements->items[i];
		vb_index_elem *ge = vb_alloc(d->a, sizeof(vb_index_elem));
		vb_column  *cc = el->column ? cur_column(p, el->column) : NULL;

		if (cc && !vb_map_get(&p->type_changed, el->column) &&
			!vb_map_get(&p->recreated_columns, el->column))
			ge->column = cc->name;
		else if (el->column && !nulls_not_distinct && holds_null(p, el->column))
			return;				/* every key holds a NULL: never equal */
		else
		{
			const char *q = d->dl->quote_ident(d->a, el->column ? el->column : "");

			ge->expression = (char *) guard_text(d, p, el->column ? q : el->expression);
			if (ge->expression == NULL)
				return;
		}
		vb_list_push(d->a, &g->elements, ge);
	}
	g->nulls_not_distinct = nulls_not_distinct;
	if (where && (g->expression = guard_text(d, p, where)) == NULL)
		return;
	add_guard(d, op, g, vb_printf(d->a, "duplicate values for unique \"%s\"", name),
			  "Remove the duplicates first, or drop the uniqueness from the document.");
}

void
vb_guard_check(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_check *ck)
{
	vb_guard   *g = new_guard(d, VB_GUARD_CHECK, p);

	if ((g->expression = guard_text(d, p, ck->expression)) == NULL)
		return;
	g->only = ck->no_inherit;	/* else its inheritance children too */
	add_guard(d, op, g, vb_printf(d->a, "values that violate check \"%s\" %s", ck->name, ck->expression),
			  "Fix those rows first, or add the check with \"notValid\": true (then only new rows are checked).");
}

/*
 * Rows whose key has no match in the referenced table (MATCH FULL: or
 * whose key is partly NULL). A key column the plan adds holds nothing yet:
 * no guard. A referenced table or column the
 * plan adds holds nothing either: every non-NULL key is a failure. When a
 * column on either side changes type, both sides compare as the document's
 * type of the key.
 */
void
vb_guard_foreign_key(vb_differ *d, vb_operation *op, vb_table_pair *p,
					 const vb_foreign_key *fk)
{
	vb_guard   *g = new_guard(d, VB_GUARD_FOREIGN_KEY, p);
	vb_table_pair *rp = vb_map_get(&d->pair_by_des, vb_key2(d->a, fk->ref_schema, fk->ref_table));
	bool		retyped = false;
	int			i;

	for (i = 0; i < fk->columns.count; i++)
	{
		vb_column  *cc = cur_column(p, fk->columns.items[i]);
		vb_column  *rc = rp ? cur_column(rp, fk->ref_columns.items[i]) : NULL;

		if (cc == NULL)
			return;
		vb_list_push(d->a, &g->columns, cc->name);
		if (rc == NULL)
			rp = NULL;			/* a new referenced column holds nothing */
		else
			vb_list_push(d->a, &g->ref_columns, rc->name);
		if (vb_map_get(&p->type_changed, fk->columns.items[i]) ||
			(rp && vb_map_get(&rp->type_changed, fk->ref_columns.items[i])))
			retyped = true;
	}
	if (rp)
	{
		g->ref_schema = rp->cur->schema;
		g->ref_table = rp->cur->name;
	}
	for (i = 0; retyped && i < fk->columns.count; i++)
		vb_list_push(d->a, &g->key_types,
					 vb_column_lookup(&d->columns, p->des, fk->columns.items[i])->type);
	g->match_full = fk->match_full;
	add_guard(d, op, g, vb_printf(d->a, "references to rows missing from %s.%s (foreign key \"%s\"%s)",
								  fk->ref_schema, fk->ref_table, fk->name,
								  fk->match_full && fk->columns.count > 1 ?
								  ", MATCH FULL: a key partly NULL counts too" : ""),
			  "Fix those rows first, or add the foreign key with \"notValid\": true.");
}

/* Values that the new type cannot hold (the conversion itself is tried). */
void
vb_guard_type_change(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_column *cc,
					 const vb_column *dc)
{
	vb_guard   *g = new_guard(d, VB_GUARD_TYPE_CHANGE, p);

	g->column = cc->name;
	g->from_type = vb_mapped_type(d, cc->type);
	g->to_type = dc->type;
	g->through_text = vb_through_text(d, cc, dc);
	add_guard(d, op, g, vb_printf(d->a, "values of column \"%s\" that %s cannot hold", cc->name, dc->type),
			  "Fix those values first, or choose a type that holds them.");
}

/* Rows that hold an enum value this plan removes, in one column. */
void
vb_guard_enum_value(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_column *cc,
					int dims, const vb_enum *e, const char *value)
{
	vb_guard   *g = new_guard(d, VB_GUARD_ENUM_VALUE, p);

	g->column = cc->name;
	g->dims = dims;
	g->value = value;
	add_guard(d, op, g, vb_printf(d->a, "value \"%s\" of enum %s in column \"%s\", which the enum loses",
								  value, d->dl->qualified(d->a, e->schema, e->name), cc->name),
			  "Map the value with options.enumValueMappings ({\"enum\": ..., \"map\": {\"old\": \"new\" or null}}).");
}

/* Rows of a column converted into an enum of the document that hold a
 * value the enum will not have (read as text: the enum may not exist yet,
 * or not with these values). */
void
vb_guard_enum_target(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_column *cc,
					 int dims, const vb_enum *e)
{
	vb_guard   *g = new_guard(d, VB_GUARD_ENUM_TARGET, p);
	int			i;

	g->column = cc->name;
	g->dims = dims;
	for (i = 0; i < e->values.count; i++)
		vb_list_push(d->a, &g->values, ((vb_enum_value *) e->values.items[i])->name);
	add_guard(d, op, g, vb_printf(d->a, "values of column \"%s\" that enum %s.%s does not have",
								  cc->name, e->schema, e->name),
			  "Fix those values first, or add them to the enum.");
}
