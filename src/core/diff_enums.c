/*
 * diff_enums.c — enum types: create, drop, rename, and value changes (added
 * in place where the dialect can keep the order, renamed, or the type
 * re-created when values are removed or reordered, or an added value is
 * used in the same plan).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

static const char *
type_text(vb_differ *d, const vb_enum *e)
{
	return d->dl->qualified(d->a, e->schema, e->name);
}

static void
mark_changed(vb_differ *d, const vb_enum *e)
{
	vb_map_put(&d->changed_types, type_text(d, e), (void *) 1);
}

/* ---- values used in the same plan -------------------------------------------- */

/* Does an expression of the table (a generation expression, a check, an
 * index predicate or element) contain the text? */
static bool
table_text_uses(const vb_table *t, const char *text)
{
	int			i;
	int			j;

	for (i = 0; i < t->columns.count; i++)
	{
		const char *g = ((vb_column *) t->columns.items[i])->generated;

		if (g && strstr(g, text))
			return true;
	}
	for (i = 0; i < t->checks.count; i++)
		if (strstr(((vb_check *) t->checks.items[i])->expression, text))
			return true;
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];

		if (ix->where && strstr(ix->where, text))
			return true;
		for (j = 0; j < ix->elements.count; j++)
		{
			const char *e = ((vb_index_elem *) ix->elements.items[j])->expression;

			if (e && strstr(e, text))
				return true;
		}
	}
	return false;
}

/*
 * Is a value that this plan adds to enum e used by the desired schema: in a
 * default or an expression, or by rows converted to the type (a column
 * whose type changes to e may hold the value)? Then an added value would
 * be unusable until commit, and the type is re-created instead.
 */
static bool
added_value_used(vb_differ *d, const vb_enum *e, const char *value)
{
	const char *type = type_text(d, e);
	const char *literal = d->dl->quote_literal(d->a, value);
	int			i;
	int			j;

	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];
		vb_table_pair *p = vb_map_get(&d->pair_by_des, vb_key2(d->a, t->schema, t->name));
		bool		uses_type = false;

		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];
			vb_column  *cc = p ? vb_map_get(&p->des_col_to_cur, c->name) : NULL;
			int			dims;

			if (strcmp(vb_element_type(d, c->type, &dims), type) != 0)
				continue;
			uses_type = true;
			if (c->default_expr && (strstr(c->default_expr, literal) ||
									(dims > 0 && strstr(c->default_expr, value))))
				return true;	/* an array default holds it unquoted */
			if (cc && strcmp(vb_mapped_type(d, cc->type), c->type) != 0)
				return true;
		}
		if (uses_type && table_text_uses(t, literal))
			return true;
	}
	return false;
}

/* ---- re-creating a type -------------------------------------------------------- */

/* The mapping of options.enumValueMappings for one column and value:
 * true when one applies (*to is the new value or NULL). */
static bool
find_mapping(vb_differ *d, const vb_enum *e, const vb_table *t, const char *col,
			 const char *value, const char **to)
{
	int			pass;
	int			i;
	int			k;

	/* an entry for the column wins over one for the whole enum */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < d->opts->enum_mappings.count; i++)
		{
			vb_enum_mapping *m = d->opts->enum_mappings.items[i];

			if (strcmp(m->enum_name, e->name) != 0 || strcmp(m->schema, e->schema) != 0 ||
				(pass == 0) != (m->table != NULL))
				continue;
			if (m->table && (strcmp(m->table, t->name) != 0 || strcmp(m->column, col) != 0))
				continue;
			for (k = 0; k < m->from.count; k++)
				if (strcmp(m->from.items[k], value) == 0)
				{
					*to = m->to.items[k];
					return true;
				}
		}
	return false;
}

/* One column's move to the re-created type: removed values mapped where
 * a mapping says how, guarded where none does. */
static vb_enum_conversion *
conversion(vb_differ *d, vb_operation *op, vb_table_pair *p, vb_column *cc, vb_column *dc,
		   int dims, const vb_enum *e, const vb_list *removed)
{
	vb_enum_conversion *cv = vb_alloc(d->a, sizeof(vb_enum_conversion));
	int			k;

	cv->cur_column = cc;
	cv->column = dc;
	cv->dims = dims;
	cv->drop_default = cc->default_expr != NULL;
	for (k = 0; k < removed->count; k++)
	{
		const char *to;

		if (!find_mapping(d, e, p->des, dc->name, removed->items[k], &to))
			vb_guard_enum_value(d, op, p, cc, dims, e, removed->items[k]);
		else
		{
			vb_list_push(d->a, &cv->from, removed->items[k]);
			vb_list_push(d->a, &cv->to, (void *) to);
		}
	}
	return cv;
}

/*
 * A table's part in a swap. The first swap that converts one of its
 * columns drops its generated columns (the database refuses to change the
 * type of a column a generation expression reads); the last one adds them
 * again (vb_finish_enum_swaps), so several swaps on one table work.
 */
static vb_enum_swap *
swap_of(vb_differ *d, vb_operation *op, vb_table_pair *p)
{
	vb_enum_swap *sw = vb_alloc(d->a, sizeof(vb_enum_swap));
	int			j;

	sw->table = p->des;
	vb_list_push(d->a, &op->change.swaps, sw);
	for (j = 0; p->last_swap == NULL && j < p->cur->columns.count; j++)
	{
		vb_column  *cc = p->cur->columns.items[j];
		vb_column  *dc = vb_map_get(&p->cur_col_to_des, cc->name);

		if (cc->generated == NULL || dc == NULL || vb_map_get(&p->recreated_columns, dc->name))
			continue;
		vb_list_push(d->a, &sw->drop_generated, dc);
		vb_list_push(d->a, &p->swap_generated, dc);
		vb_map_put(&p->recreated_columns, dc->name, (void *) 1);
	}
	p->last_swap = sw;
	return sw;
}

/*
 * Re-create enum `e` (desired) whose current form is `ce`: a swap that
 * converts every column keeping the type, mapping removed values. Defaults
 * that name the type are dropped in the swap (default_dropped) and set
 * again by the column's own change; indexes and checks that mention the
 * type are dropped and created again by their own operations.
 */
static void
recreate_enum(vb_differ *d, const vb_enum *ce, const vb_enum *e, const vb_list *removed)
{
	vb_arena   *a = d->a;
	const char *old_type = type_text(d, ce);
	vb_operation *op = vb_new_op(d, VB_OP_RECREATE_ENUM, e->schema, NULL, e->name);
	int			i;
	int			j;

	op->change.enum_type = e;
	op->change.cur_enum = ce;
	vb_list_push(a, &d->recreated_types, (void *) type_text(d, e));
	for (i = 0; i < d->cur->tables.count; i++)
	{
		vb_table   *ct = d->cur->tables.items[i];
		vb_table_pair *p = vb_map_get(&d->pair_by_cur, vb_key2(a, ct->schema, ct->name));
		vb_enum_swap *sw = NULL;

		for (j = 0; p && j < ct->columns.count; j++)
		{
			vb_column  *cc = ct->columns.items[j];
			vb_column  *dc = vb_map_get(&p->cur_col_to_des, cc->name);
			int			dims;

			if (dc == NULL || strcmp(vb_element_type(d, cc->type, &dims), old_type) != 0)
				continue;		/* dropped before this step, or another type */
			if (strcmp(vb_mapped_type(d, cc->type), dc->type) != 0)
			{
				op->change.keep_old_type = true;	/* its own alterColumn converts it */
				continue;
			}
			if (cc->default_expr)
				vb_map_put(&d->default_dropped, vb_key3(a, p->des->schema, p->des->name, dc->name),
						   (void *) 1);
			if (sw == NULL)
				sw = swap_of(d, op, p);
			vb_list_push(a, &sw->conversions, conversion(d, op, p, cc, dc, dims, e, removed));
		}
	}
	if (op->change.keep_old_type)
	{
		vb_operation *last = vb_new_op(d, VB_OP_RECREATE_ENUM, e->schema, NULL, e->name);

		last->change.enum_type = e;
		last->change.finish = true;
	}
}

/* ---- values ------------------------------------------------------------------------ */

static bool
any_value(vb_differ *d, void *ctx, int ci, int di)
{
	(void) d;
	(void) ctx;
	(void) ci;
	(void) di;
	return true;
}

static void
pair_values(vb_differ *d, const vb_enum *ce, const vb_enum *e, vb_pairing *pr)
{
	int			i;
	int			j;

	vb_pairing_alloc(d, pr, ce->values.count, e->values.count);
	pr->kind = "enumValue";
	pr->schema = e->schema;
	pr->table = e->name;
	pr->candidate = any_value;
	for (i = 0; i < ce->values.count; i++)
		pr->cur_names[i] = ((vb_enum_value *) ce->values.items[i])->name;
	for (j = 0; j < e->values.count; j++)
	{
		pr->des_names[j] = ((vb_enum_value *) e->values.items[j])->name;
		pr->renamed_names[j] = ((vb_enum_value *) e->values.items[j])->renamed_from;
	}
	vb_pair(d, pr);
}

/* Removed values, or kept values whose order changes, or an added value
 * used in the same plan: the type must be re-created. */
static bool
needs_recreate(vb_differ *d, const vb_enum *e, const vb_pairing *pr, vb_list *removed)
{
	bool		recreate = false;
	int			last = -1;
	int			i;
	int			j;

	for (i = 0; i < pr->ncur; i++)
	{
		if (pr->cur_match[i] < 0)
		{
			vb_list_push(d->a, removed, pr->cur_names[i]);
			recreate = true;
		}
		else if (pr->cur_match[i] < last)
			recreate = true;
		else
			last = pr->cur_match[i];
	}
	for (j = 0; j < pr->ndes && !recreate; j++)
		if (pr->des_match[j] < 0 && added_value_used(d, e, pr->des_names[j]))
			recreate = true;
	return recreate;
}

/* An added value goes after its predecessor, or before the first value
 * that exists. */
static void
add_value(vb_differ *d, const vb_enum *e, const vb_pairing *pr, int j)
{
	vb_operation *op = vb_new_op(d, VB_OP_ADD_ENUM_VALUE, e->schema, NULL, e->name);
	int			k;

	op->change.enum_type = e;
	op->change.to = pr->des_names[j];
	if (j > 0)
		op->change.from = pr->des_names[j - 1];
	for (k = 1; k < pr->ndes && j == 0; k++)
		if (pr->des_match[k] >= 0)
		{
			op->change.from = pr->des_names[k];
			op->change.before = true;
			break;
		}
}

static void
diff_enum_values(vb_differ *d, const vb_enum *ce, const vb_enum *e)
{
	vb_pairing	pr;
	vb_list		removed = {0};
	bool		recreate;
	int			i;
	int			j;

	pair_values(d, ce, e, &pr);
	recreate = needs_recreate(d, e, &pr, &removed);

	/* renames first: they keep the values' identity (and their rows) */
	for (i = 0; i < pr.ncur; i++)
	{
		vb_operation *op;

		if (pr.cur_match[i] < 0 || strcmp(pr.cur_names[i], pr.des_names[pr.cur_match[i]]) == 0)
			continue;
		op = vb_new_op(d, VB_OP_RENAME_ENUM_VALUE, e->schema, NULL, e->name);
		op->change.enum_type = e;
		op->change.from = pr.cur_names[i];
		op->change.to = pr.des_names[pr.cur_match[i]];
		mark_changed(d, e);
	}
	if (recreate)
	{
		mark_changed(d, e);
		recreate_enum(d, ce, e, &removed);
		return;
	}
	for (j = 0; j < pr.ndes; j++)
		if (pr.des_match[j] < 0)
		{
			mark_changed(d, e);
			add_value(d, e, &pr, j);
		}
}

/* ---- types ------------------------------------------------------------------------- */

void
vb_diff_enums(vb_differ *d)
{
	vb_pairing pr;
	int			i;
	int			j;

	vb_pairing_alloc(d, &pr, d->cur->enums.count, d->des->enums.count);
	pr.cur_scopes = vb_alloc(d->a, sizeof(char *) * (size_t) (pr.ncur + 1));
	pr.des_scopes = vb_alloc(d->a, sizeof(char *) * (size_t) (pr.ndes + 1));
	for (i = 0; i < pr.ncur && !vb_should_stop(d->a); i++)
	{
		vb_enum    *ce = d->cur->enums.items[i];

		pr.cur_names[i] = ce->name;
		pr.cur_scopes[i] = ce->schema;
	}
	for (j = 0; j < pr.ndes && !vb_should_stop(d->a); j++)
	{
		vb_enum    *e = d->des->enums.items[j];

		pr.des_names[j] = e->name;
		pr.des_scopes[j] = e->schema;
		pr.renamed_names[j] = e->renamed_from;
	}
	vb_pair(d, &pr);

	for (j = 0; j < pr.ndes && !vb_should_stop(d->a); j++)
	{
		vb_enum    *e = d->des->enums.items[j];
		vb_enum    *ce = pr.des_match[j] >= 0 ? d->cur->enums.items[pr.des_match[j]] : NULL;
		vb_operation *op;

		if (ce && strcmp(ce->name, e->name) == 0)
			continue;
		op = vb_new_op(d, ce ? VB_OP_RENAME_ENUM : VB_OP_CREATE_ENUM, e->schema, NULL, e->name);
		op->change.enum_type = e;
		op->change.cur_enum = ce;
		mark_changed(d, e);
		if (ce)
		{
			vb_map_put(&d->enum_type_map, type_text(d, ce), (void *) type_text(d, e));
			mark_changed(d, ce);
		}
	}
	for (i = 0; i < pr.ncur && !vb_should_stop(d->a); i++)
	{
		vb_enum    *ce = d->cur->enums.items[i];
		vb_operation *op;

		if (pr.cur_match[i] >= 0)
			continue;
		op = vb_new_op(d, VB_OP_DROP_ENUM, ce->schema, NULL, ce->name);
		op->change.enum_type = ce;
		vb_make_destructive(op, vb_printf(d->a, "drops enum type %s.%s", ce->schema, ce->name));
		mark_changed(d, ce);
	}
	d->enum_pairs = pr.des_match;
}

/* Value changes run after the tables are paired: re-creating a type
 * converts columns under their new names. */
void
vb_diff_enum_contents(vb_differ *d)
{
	int			i;
	int			j;

	for (j = 0; j < d->des->enums.count && !vb_should_stop(d->a); j++)
		if (d->enum_pairs[j] >= 0)
			diff_enum_values(d, d->cur->enums.items[d->enum_pairs[j]], d->des->enums.items[j]);
	/* generated columns come back with the last swap of their table */
	for (i = 0; i < d->pairs.count && !vb_should_stop(d->a); i++)
	{
		vb_table_pair *p = d->pairs.items[i];

		if (p->last_swap)
			p->last_swap->add_generated = p->swap_generated;
	}
}

/*
 * Does a (current) expression use a type this plan re-creates? Such an
 * index predicate would point at the old type during the swap, so the
 * index is dropped before and created again after.
 */
bool
vb_mentions_recreated_type(vb_differ *d, const char *expr)
{
	int			i;

	for (i = 0; expr && i < d->recreated_types.count; i++)
		if (vb_mentions_type(d, expr, d->recreated_types.items[i]))
			return true;
	return false;
}
