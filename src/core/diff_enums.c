/*
 * diff_enums.c — enum types: create, drop, rename, and value changes (ADD VALUE
 * BEFORE/AFTER, RENAME VALUE, or re-creating the type when it must).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

/* ---- enums ------------------------------------------------------------------ */

/*
 * Is a value that this plan adds to enum e used by the desired schema: in a
 * default or a predicate, or by rows converted to the type (a column whose
 * type changes to e may hold the value)? Then ALTER TYPE ... ADD VALUE
 * cannot be used (the value would be unusable until commit) and the type is
 * re-created instead.
 */
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

static bool
added_value_used(vb_differ *d, const vb_enum *e, const char *value)
{
	const char *type = vb_qualified(d->a, e->schema, e->name);
	const char *literal = vb_quote_literal(d->a, value);
	vb_list    *users = vb_type_users(d, false, type);
	const vb_table *last = NULL;
	int			i;

	/* the desired columns of the type, table by table */
	for (i = 0; users && i < users->count && !vb_should_stop(d->a); i++)
	{
		vb_type_user *u = users->items[i];
		vb_table   *t = u->table;
		vb_column  *c = u->column;
		vb_table_pair *p = vb_map_get(&d->pair_by_des, vb_key2(d->a, t->schema, t->name));
		vb_column  *cc = p ? vb_map_get(&p->des_col_to_cur, c->name) : NULL;
		int			dims;

		(void) vb_element_type(d->a, c->type, &dims);
		if (c->default_expr && (strstr(c->default_expr, literal) ||
								(dims > 0 && strstr(c->default_expr, value))))
			return true;		/* an array default holds it unquoted */
		if (cc && strcmp(vb_mapped_type(d, cc->type), c->type) != 0)
			return true;
		if (t != last && table_text_uses(t, literal))
			return true;
		last = t;
	}
	return false;
}

static bool
enum_value_candidate(vb_differ *d, void *ctx, int ci, int di)
{
	(void) d;
	(void) ctx;
	(void) ci;
	(void) di;
	return true;
}

/* What a value mapped to NULL is stored as in the map of mappings. */
static const char to_null[] = "";

/*
 * The mapping of options.enumValueMappings for one column and value:
 * true when one applies (*to is the new value or NULL). Every entry goes
 * into one map on first use, keyed by enum, column ("" for the whole enum)
 * and value; the first entry for a key is kept, as the entries are read in
 * order.
 */
static bool
find_mapping(vb_differ *d, const vb_enum *e, const vb_table *t, const char *col,
			 const char *value, const char **to)
{
	vb_arena   *a = d->a;
	const char *found;
	int			i;
	int			k;

	if (d->opts->enum_mappings.count == 0)
		return false;
	if (!d->mappings_built)
	{
		d->mappings_built = true;
		vb_map_init(&d->mappings, a, 16);
		for (i = 0; i < d->opts->enum_mappings.count; i++)
		{
			vb_enum_mapping *m = d->opts->enum_mappings.items[i];

			for (k = 0; k < m->from.count && !vb_should_stop(a); k++)
			{
				char	   *key = vb_printf(a, "%s\x1f%s\x1f%s\x1f%s\x1f%s", m->schema, m->enum_name,
											m->table ? m->table : "", m->column ? m->column : "",
											(char *) m->from.items[k]);

				if (!vb_map_get(&d->mappings, key))
					vb_map_put(&d->mappings, key, m->to.items[k] ? m->to.items[k] : (void *) to_null);
			}
		}
	}
	/* an entry for the column wins over one for the whole enum */
	found = vb_map_get(&d->mappings, vb_printf(a, "%s\x1f%s\x1f%s\x1f%s\x1f%s", e->schema, e->name,
											   t->name, col, value));
	if (found == NULL)
		found = vb_map_get(&d->mappings, vb_printf(a, "%s\x1f%s\x1f\x1f\x1f%s", e->schema, e->name,
												   value));
	if (found == NULL)
		return false;
	*to = found == to_null ? NULL : found;
	return true;
}

/*
 * The USING expression that moves a column to the re-created type through
 * text, mapping removed values; a guard for each removed value that no
 * mapping covers.
 */
static char *
convert_expression(vb_differ *d, vb_operation *op, vb_table_pair *p, const vb_column *cc,
				   const vb_column *dc, const vb_enum *e, const vb_list *removed, int dims)
{
	vb_arena   *a = d->a;
	char	   *x = vb_printf(a, "%s::text", vb_quote_ident(a, dc->name));
	vb_buf		cases;
	int			k;

	for (k = 0; k < dims; k++)
		x = vb_printf(a, "%s[]", x);
	vb_buf_init(&cases, a);
	for (k = 0; k < removed->count; k++)
	{
		const char *to;
		const char *lit;

		if (!find_mapping(d, e, p->des, dc->name, removed->items[k], &to))
		{
			vb_guard_enum_value(d, op, p, cc, dims > 0, vb_qualified(a, e->schema, e->name),
								removed->items[k]);
			continue;
		}
		lit = to ? vb_quote_literal(a, to) : "NULL";
		if (dims > 0)
			x = vb_printf(a, "pg_catalog.array_replace(%s, %s, %s)", x,
						  vb_quote_literal(a, removed->items[k]), lit);
		else
			vb_buf_appendf(&cases, " WHEN %s THEN %s", vb_quote_literal(a, removed->items[k]), lit);
	}
	if (cases.len)
		x = vb_printf(a, "(CASE %s%s ELSE %s END)", x, cases.data, x);
	return vb_printf(a, "%s::%s", x, dc->type);
}

/*
 * Generated columns of a table whose enum column is converted: PostgreSQL
 * refuses to change the type of a column a generation expression uses, so
 * they are dropped before the swap and added again after it (with their
 * indexes and constraints, see recreated_columns).
 */
static void
drop_generated_users(vb_differ *d, vb_operation *op, vb_table_pair *p, vb_list *readd)
{
	int			j;

	for (j = 0; j < p->cur->columns.count; j++)
	{
		vb_column  *cc = p->cur->columns.items[j];
		vb_column  *dc = vb_map_get(&p->cur_col_to_des, cc->name);

		if (cc->generated == NULL || dc == NULL || vb_map_get(&p->recreated_columns, dc->name))
			continue;
		vb_add_sql(d, op, vb_pg_alter_table(d->a, p->des->schema, p->des->name,
											vb_printf(d->a, "DROP COLUMN %s",
													  vb_quote_ident(d->a, dc->name))));
		vb_map_put(&p->recreated_columns, dc->name, (void *) 1);
		vb_list_push(d->a, readd, dc);
	}
}

/*
 * Re-create enum `e` (desired) whose current form is `ce`: move the old
 * type aside, create the desired one, convert every column that keeps the
 * type through text (mapping removed values), then drop the old type.
 * Defaults, indexes and checks that mention the type are dropped and
 * created again around the swap by their own operations.
 */
static void
recreate_enum(vb_differ *d, const vb_enum *ce, const vb_enum *e, const vb_list *removed)
{
	vb_arena   *a = d->a;
	const char *old_type = vb_qualified(a, ce->schema, ce->name);
	const char *new_type = vb_qualified(a, e->schema, e->name);
	char	   *tmp = vb_make_object_name(a, e->name, NULL, "viborm_old");
	vb_operation *op = vb_new_op(d, VB_OP_RECREATE_ENUM, e->schema, NULL, e->name);
	vb_list    *users = vb_type_users(d, true, old_type);
	bool		old_still_used = false;
	int			i;

	vb_list_push(a, &d->recreated_types, (void *) new_type);
	vb_map_put(&d->recreated_type_set, new_type, (void *) 1);
	vb_add_sql(d, op, vb_printf(a, "ALTER TYPE %s RENAME TO %s", new_type, vb_quote_ident(a, tmp)));
	vb_add_sql(d, op, vb_pg_create_enum(a, e->schema, e->name, &e->values));
	/* the current columns of the type, table by table */
	for (i = 0; users && i < users->count; i++)
	{
		vb_table   *ct = ((vb_type_user *) users->items[i])->table;
		vb_table_pair *p = vb_map_get(&d->pair_by_cur, vb_key2(a, ct->schema, ct->name));
		vb_list		readd;
		int			j;

		STOP_RETURN(d);
		memset(&readd, 0, sizeof(readd));
		for (; i < users->count && ((vb_type_user *) users->items[i])->table == ct; i++)
		{
			vb_column  *cc = ((vb_type_user *) users->items[i])->column;
			vb_column  *dc = p ? vb_map_get(&p->cur_col_to_des, cc->name) : NULL;
			int			dims;

			(void) vb_element_type(a, cc->type, &dims);
			if (dc == NULL)
				continue;		/* dropped before this step */
			if (strcmp(vb_mapped_type(d, cc->type), dc->type) != 0)
			{
				old_still_used = true;	/* its own alterColumn converts it */
				continue;
			}
			if (!p->generated_dropped)
			{
				p->generated_dropped = true;
				drop_generated_users(d, op, p, &readd);
			}
			if (cc->default_expr)
			{
				vb_add_sql(d, op, vb_pg_alter_column(a, p->des->schema, p->des->name, dc->name,
												  "DROP DEFAULT"));
				vb_map_put(&d->default_dropped,
						   vb_key3(a, p->des->schema, p->des->name, dc->name), (void *) 1);
			}
			vb_add_sql(d, op, vb_pg_alter_column(a, p->des->schema, p->des->name, dc->name,
											  vb_printf(a, "TYPE %s USING %s", dc->type,
														convert_expression(d, op, p, cc, dc, e,
																		   removed, dims))));
		}
		i--;					/* the loop moves on to the next table */
		for (j = 0; j < readd.count; j++)
			if (((vb_column *) readd.items[j])->generated_source)
				op->search_schema = p->des->schema;
		for (j = 0; j < readd.count; j++)
			vb_add_sql(d, op, vb_pg_alter_table(a, p->des->schema, p->des->name,
												vb_printf(a, "ADD COLUMN %s",
														  vb_pg_column_definition(a, readd.items[j]))));
	}
	if (old_still_used)
	{
		vb_operation *last = vb_new_op(d, VB_OP_RECREATE_ENUM, e->schema, NULL, e->name);

		last->phase = PH_DROP_ENUM;
		last->hazards = 0;
		vb_add_sql(d, last, vb_printf(a, "DROP TYPE %s", vb_qualified(a, e->schema, tmp)));
	}
	else
		vb_add_sql(d, op, vb_printf(a, "DROP TYPE %s", vb_qualified(a, e->schema, tmp)));
}

static bool
diff_enum_values(vb_differ *d, const vb_enum *ce, const vb_enum *e)
{
	vb_arena   *a = d->a;
	int			nc = ce->values.count;
	int			nd = e->values.count;
	char	  **cur_names = vb_alloc(a, sizeof(char *) * (size_t) (nc + 1));
	char	  **des_names = vb_alloc(a, sizeof(char *) * (size_t) (nd + 1));
	int		   *cur_match = vb_alloc(a, sizeof(int) * (size_t) (nc + 1));
	int		   *des_match = vb_alloc(a, sizeof(int) * (size_t) (nd + 1));
	vb_rename_set rs;
	bool		recreate = false;
	int			i;
	int			j;
	int			last = -1;
	vb_list		removed;
	vb_map		cur_index;
	const char *type = vb_qualified(a, e->schema, e->name);

	vb_map_init(&cur_index, a, nc);
	for (i = 0; i < nc; i++)
	{
		STOP_CHECK(d);
		cur_names[i] = ((vb_enum_value *) ce->values.items[i])->name;
		cur_match[i] = -1;
		vb_map_put(&cur_index, cur_names[i], (void *) (size_t) (i + 1));
	}
	/* by name, then by renamedFrom */
	for (j = 0; j < nd; j++)
	{
		vb_enum_value *v = e->values.items[j];

		STOP_CHECK(d);
		des_names[j] = v->name;
		des_match[j] = -1;
		i = (int) (size_t) vb_map_get(&cur_index, v->name) - 1;
		if (i >= 0 && cur_match[i] < 0)
		{
			cur_match[i] = j;
			des_match[j] = i;
		}
	}
	for (j = 0; j < nd; j++)
	{
		vb_enum_value *v = e->values.items[j];

		STOP_CHECK(d);
		if (des_match[j] >= 0 || v->renamed_from == NULL)
			continue;
		i = (int) (size_t) vb_map_get(&cur_index, v->renamed_from) - 1;
		if (i >= 0 && cur_match[i] < 0)
		{
			cur_match[i] = j;
			des_match[j] = i;
		}
	}
	vb_rename_set_init(&rs, "enumValue", e->schema, e->name, nc, cur_names, cur_match,
					   nd, des_names, des_match, enum_value_candidate, NULL);
	if (!vb_resolve_renames(d, &rs))
		return false;

	/* removed values, or existing values whose order changes: re-create */
	memset(&removed, 0, sizeof(removed));
	for (i = 0; i < nc; i++)
	{
		STOP_CHECK(d);
		if (cur_match[i] < 0)
		{
			vb_list_push(a, &removed, cur_names[i]);
			recreate = true;
		}
		else if (cur_match[i] < last)
			recreate = true;
		else
			last = cur_match[i];
	}
	for (j = 0; j < nd && !recreate; j++)
		if (des_match[j] < 0 && added_value_used(d, e, des_names[j]))
			recreate = true;

	/* renames first: they keep the values' identity (and their rows) */
	for (i = 0; i < nc; i++)
	{
		vb_operation *op;

		STOP_CHECK(d);
		if (cur_match[i] < 0 || strcmp(cur_names[i], des_names[cur_match[i]]) == 0)
			continue;
		op = vb_new_op(d, VB_OP_RENAME_ENUM_VALUE, e->schema, NULL, e->name);
		vb_add_sql(d, op, vb_printf(a, "ALTER TYPE %s RENAME VALUE %s TO %s", type,
								 vb_quote_literal(a, cur_names[i]),
								 vb_quote_literal(a, des_names[cur_match[i]])));
	}
	if (recreate)
	{
		recreate_enum(d, ce, e, &removed);
		return true;
	}
	for (j = 0; j < nd; j++)
	{
		vb_operation *op;
		char	   *where;

		STOP_CHECK(d);
		if (des_match[j] >= 0)
			continue;
		if (j > 0)
			where = vb_printf(a, " AFTER %s", vb_quote_literal(a, des_names[j - 1]));
		else
		{
			int			k;

			where = "";
			for (k = 1; k < nd; k++)
				if (des_match[k] >= 0)
				{
					where = vb_printf(a, " BEFORE %s", vb_quote_literal(a, des_names[k]));
					break;
				}
		}
		op = vb_new_op(d, VB_OP_ADD_ENUM_VALUE, e->schema, NULL, e->name);
		vb_add_sql(d, op, vb_printf(a, "ALTER TYPE %s ADD VALUE %s%s", type,
								 vb_quote_literal(a, des_names[j]), where));
	}
	return true;
}

/* The current enum of that schema and name, or NULL. */
static vb_enum *
current_enum(vb_differ *d, const char *schema, const char *name)
{
	return vb_map_get(&d->cur_enums, vb_key2(d->a, schema, name));
}

bool
vb_diff_enums(vb_differ *d)
{
	vb_arena   *a = d->a;
	vb_map		claimed;
	int			i;

	vb_map_init(&claimed, a, d->cur->enums.count);
	/* by name first, so renamedFrom never steals a type that stays */
	for (i = 0; i < d->des->enums.count; i++)
	{
		vb_enum    *e = d->des->enums.items[i];

		STOP_CHECK(d);
		if (current_enum(d, e->schema, e->name))
			vb_map_put(&claimed, vb_key2(a, e->schema, e->name), e);
	}
	for (i = 0; i < d->des->enums.count; i++)
	{
		vb_enum    *e = d->des->enums.items[i];
		vb_enum    *ce = current_enum(d, e->schema, e->name);

		STOP_CHECK(d);
		if (ce == NULL && e->renamed_from &&
			!vb_map_get(&claimed, vb_key2(a, e->schema, e->renamed_from)))
		{
			ce = current_enum(d, e->schema, e->renamed_from);
			if (ce)
			{
				vb_operation *op = vb_new_op(d, VB_OP_RENAME_ENUM, e->schema, NULL, e->name);

				vb_add_sql(d, op, vb_printf(a, "ALTER TYPE %s RENAME TO %s",
										 vb_qualified(a, ce->schema, ce->name),
										 vb_quote_ident(a, e->name)));
				vb_map_put(&claimed, vb_key2(a, ce->schema, ce->name), e);
				vb_map_put(&d->enum_type_map, vb_qualified(a, ce->schema, ce->name),
						   vb_qualified(a, e->schema, e->name));
			}
		}
		if (ce == NULL)
		{
			vb_operation *op = vb_new_op(d, VB_OP_CREATE_ENUM, e->schema, NULL, e->name);

			vb_add_sql(d, op, vb_pg_create_enum(a, e->schema, e->name, &e->values));
		}
	}
	for (i = 0; i < d->cur->enums.count; i++)
	{
		vb_enum    *ce = d->cur->enums.items[i];
		vb_operation *op;

		STOP_CHECK(d);
		if (vb_map_get(&claimed, vb_key2(a, ce->schema, ce->name)))
			continue;
		op = vb_new_op(d, VB_OP_DROP_ENUM, ce->schema, NULL, ce->name);
		vb_add_sql(d, op, vb_printf(a, "DROP TYPE %s", vb_qualified(a, ce->schema, ce->name)));
		vb_make_destructive(op, vb_printf(a, "drops enum type %s.%s", ce->schema, ce->name));
	}
	return true;
}

/* Value changes run after the tables are paired: re-creating a type
 * converts columns under their new names. */
bool
vb_diff_enum_contents(vb_differ *d)
{
	vb_arena   *a = d->a;
	int			i;

	for (i = 0; i < d->des->enums.count; i++)
	{
		vb_enum    *e = d->des->enums.items[i];
		vb_enum    *ce = current_enum(d, e->schema, e->name);

		STOP_CHECK(d);
		if (ce == NULL && e->renamed_from && vb_map_get(&d->enum_type_map,
														vb_qualified(a, e->schema, e->renamed_from)))
			ce = current_enum(d, e->schema, e->renamed_from);
		if (ce && !diff_enum_values(d, ce, e))
			return false;
	}
	return true;
}

/*
 * Does a (current) expression use a type this plan re-creates? Such an
 * index predicate would point at the old type during the swap, so the
 * index is dropped before and created again after.
 */
bool
vb_mentions_recreated_type(vb_differ *d, const char *expr)
{
	return vb_casts_to_any(expr, &d->recreated_type_set);
}
