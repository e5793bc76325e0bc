/*
 * diff_objects.c — primary keys, unique constraints, indexes and foreign keys of paired
 * tables, matched by name or by definition (a definition found under another
 * name is renamed, never dropped and re-created).
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

/* ---- keys, indexes, foreign keys ------------------------------------------- */

/*
 * Pairs current and desired objects of one kind in one table. Desired
 * names are effective (a default name was given to unnamed ones).
 *   A: same name, same definition      -> nothing to do
 *   B: renamedFrom names a current one -> rename (or drop+add if changed)
 *   C: same definition, other name     -> rename
 *   D: same name, other definition     -> drop+add
 */
typedef bool (*equal_fn) (vb_differ *d, vb_table_pair *p, void *cur, void *des);

static void
match_objects(vb_differ *d, vb_table_pair *p, int nc, void **curs, char **cur_names,
			  int nd, void **dess, char **des_names, char **des_renamed,
			  equal_fn equal, int *des_match, bool *des_equal)
{
	bool	   *claimed = vb_alloc(d->a, sizeof(bool) * (size_t) (nc + 1));
	int			i;
	int			j;

	for (j = 0; j < nd; j++)
	{
		des_match[j] = -1;
		des_equal[j] = false;
		for (i = 0; i < nc; i++)
			if (!claimed[i] && strcmp(cur_names[i], des_names[j]) == 0 &&
				equal(d, p, curs[i], dess[j]))
			{
				claimed[i] = true;
				des_match[j] = i;
				des_equal[j] = true;
				break;
			}
	}
	for (j = 0; j < nd; j++)
	{
		if (des_match[j] >= 0 || des_renamed[j] == NULL)
			continue;
		for (i = 0; i < nc; i++)
			if (!claimed[i] && strcmp(cur_names[i], des_renamed[j]) == 0)
			{
				claimed[i] = true;
				des_match[j] = i;
				des_equal[j] = equal(d, p, curs[i], dess[j]);
				break;
			}
	}
	for (j = 0; j < nd; j++)
	{
		if (des_match[j] >= 0)
			continue;
		for (i = 0; i < nc; i++)
			if (!claimed[i] && equal(d, p, curs[i], dess[j]))
			{
				claimed[i] = true;
				des_match[j] = i;
				des_equal[j] = true;
				break;
			}
	}
	for (j = 0; j < nd; j++)
	{
		if (des_match[j] >= 0)
			continue;
		for (i = 0; i < nc; i++)
			if (!claimed[i] && strcmp(cur_names[i], des_names[j]) == 0)
			{
				claimed[i] = true;
				des_match[j] = i;
				des_equal[j] = false;
				break;
			}
	}
}

/* A column this plan drops and adds again (a generated column whose
 * expression changes) takes its indexes and constraints with it. */
static bool
any_recreated(vb_table_pair *p, const vb_list *des_cols)
{
	int			i;

	for (i = 0; i < des_cols->count; i++)
		if (des_cols->items[i] && vb_map_get(&p->recreated_columns, des_cols->items[i]))
			return true;
	return false;
}

/* Conservative: the expression contains the name of a re-created column. */
static bool
mentions_recreated(vb_table_pair *p, const char *expr)
{
	int			i;

	for (i = 0; i < p->recreated_columns.capacity; i++)
		if (p->recreated_columns.entries[i].key &&
			strstr(expr, p->recreated_columns.entries[i].key))
			return true;
	return false;
}

static bool
keys_equal(vb_differ *d, vb_table_pair *p, void *cur, void *des)
{
	vb_key	   *c = cur;
	vb_key	   *x = des;

	return c->nulls_not_distinct == x->nulls_not_distinct &&
		c->deferrable == x->deferrable && c->initially_deferred == x->initially_deferred &&
		vb_str_lists_equal(vb_mapped_columns(d, p, &c->columns), &x->columns) &&
		!any_recreated(p, &x->columns);
}

static bool
elements_equal(vb_differ *d, vb_table_pair *p, const vb_index_elem *c, const vb_index_elem *x)
{
	if ((c->column == NULL) != (x->column == NULL) || c->desc != x->desc ||
		c->nulls != x->nulls || !vb_strs_equal(c->opclass, x->opclass) ||
		!vb_strs_equal(c->collation, x->collation))
		return false;
	if (c->column)
	{
		vb_column  *dc = vb_map_get(&p->cur_col_to_des, c->column);

		return dc && strcmp(dc->name, x->column) == 0;
	}
	return strcmp(vb_mapped_predicate(d, p, c->expression), x->expression) == 0 &&
		!vb_mentions_recreated_type(d, c->expression);
}

/* The value of a storage parameter, or NULL when it is not set. */
static const char *
option_value(const vb_list *options, const char *name)
{
	int			i;

	for (i = 0; i < options->count; i++)
		if (strcmp(((vb_option *) options->items[i])->name, name) == 0)
			return ((vb_option *) options->items[i])->value;
	return NULL;
}

/*
 * Storage parameters that an index reads only when it is built, from then
 * on keeping its own copy in its metapage: ALTER INDEX ... SET would change
 * the catalog but not the index, so a change rebuilds it.
 */
static const struct
{
	const char *method;
	const char *option;
}			build_time_options[] = {
	{"brin", "pages_per_range"},	/* the range size of the revmap */
	{"hash", "fillfactor"},		/* hashm_ffactor, the split threshold */
};

static bool
build_time_options_equal(const vb_index *c, const vb_index *x)
{
	size_t		i;

	for (i = 0; i < sizeof(build_time_options) / sizeof(build_time_options[0]); i++)
		if (strcmp(c->method, build_time_options[i].method) == 0 &&
			!vb_strs_equal(option_value(&c->with, build_time_options[i].option),
						   option_value(&x->with, build_time_options[i].option)))
			return false;
	return true;
}

/* The other storage parameters are compared apart (see index_kept). */
static bool
indexes_equal(vb_differ *d, vb_table_pair *p, void *cur, void *des)
{
	vb_index   *c = cur;
	vb_index   *x = des;
	int			i;

	if (c->unique != x->unique || strcmp(c->method, x->method) != 0 ||
		!build_time_options_equal(c, x) ||
		c->nulls_not_distinct != x->nulls_not_distinct ||
		c->elements.count != x->elements.count ||
		!vb_str_lists_equal(vb_mapped_columns(d, p, &c->include), &x->include) ||
		!vb_strs_equal(vb_mapped_predicate(d, p, c->where), x->where) ||
		vb_mentions_recreated_type(d, c->where) ||
		any_recreated(p, &x->columns) || any_recreated(p, &x->include))
		return false;
	for (i = 0; i < c->elements.count; i++)
		if (!elements_equal(d, p, c->elements.items[i], x->elements.items[i]))
			return false;
	return true;
}

/* not_valid is compared apart: see diff_objects */
static bool
checks_equal(vb_differ *d, vb_table_pair *p, void *cur, void *des)
{
	vb_check   *c = cur;
	vb_check   *x = des;

	return c->no_inherit == x->no_inherit &&
		strcmp(vb_mapped_predicate(d, p, c->expression), x->expression) == 0 &&
		!vb_mentions_recreated_type(d, c->expression) &&
		!mentions_recreated(p, x->expression);
}

/* Does one of these (current) columns have the type of a re-created enum? */
static bool
uses_recreated_enum(vb_differ *d, const vb_table *t, const vb_list *cols)
{
	int			i;
	int			k;

	for (i = 0; i < cols->count; i++)
	{
		vb_column  *c = vb_find_column(t, cols->items[i]);
		int			dims;

		if (c == NULL)
			continue;
		for (k = 0; k < d->recreated_types.count; k++)
			if (strcmp(vb_mapped_type(d, vb_element_type(d->a, c->type, &dims)),
					   d->recreated_types.items[k]) == 0)
				return true;
	}
	return false;
}

static bool
fks_equal(vb_differ *d, vb_table_pair *p, void *cur, void *des)
{
	vb_foreign_key *c = cur;
	vb_foreign_key *x = des;
	vb_table_pair *rp = vb_map_get(&d->pair_by_cur, vb_key2(d->a, c->ref_schema, c->ref_table));
	const char *rs = rp ? rp->des->schema : c->ref_schema;
	const char *rt = rp ? rp->des->name : c->ref_table;
	int			i;

	/* deferrability is changed in place: see fk_kept */
	if (c->on_delete != x->on_delete || c->on_update != x->on_update || any_recreated(p, &x->columns) ||
		c->match_full != x->match_full ||
		strcmp(rs, x->ref_schema) != 0 || strcmp(rt, x->ref_table) != 0 ||
		!vb_str_lists_equal(vb_mapped_columns(d, p, &c->columns), &x->columns) ||
		!vb_str_lists_equal(rp ? vb_mapped_columns(d, rp, &c->ref_columns) : &c->ref_columns,
							&x->ref_columns))
		return false;
	/* an enum swap cannot convert columns an FK ties together */
	if (uses_recreated_enum(d, p->cur, &c->columns))
		return false;
	/* a column type change on either side, or a re-created referenced key,
	 * means the FK is dropped first and added again afterwards */
	for (i = 0; i < x->columns.count; i++)
		if (vb_map_get(&p->type_changed, x->columns.items[i]))
			return false;
	if (rp)
		for (i = 0; i < x->ref_columns.count; i++)
			if (vb_map_get(&rp->type_changed, x->ref_columns.items[i]))
				return false;
	if (vb_map_get(&d->rebuilt_keys, vb_key3(d->a, c->ref_schema, c->ref_table,
											 vb_sorted_columns_key(d->a, &c->ref_columns))))
		return false;
	return true;
}

void
vb_hold_rename(vb_differ *d, vb_list *renames, vb_op_kind kind, const char *from,
			   const char *to)
{
	vb_pending_rename *r = vb_alloc(d->a, sizeof(vb_pending_rename));

	r->kind = kind;
	r->from = from;
	r->to = to;
	vb_list_push(d->a, renames, r);
}

static void
emit_rename(vb_differ *d, vb_table_pair *p, vb_op_kind kind, const char *from,
			const char *to, const char *object)
{
	vb_arena   *a = d->a;
	const char *s = p->des->schema;
	const char *t = p->des->name;
	vb_operation *op = vb_new_op(d, kind, s, t, object);
	const char *what = kind == VB_OP_RENAME_COLUMN ? "COLUMN" : "CONSTRAINT";

	if (kind == VB_OP_RENAME_INDEX)
		vb_add_sql(d, op, vb_printf(a, "ALTER INDEX %s RENAME TO %s", vb_qualified(a, s, from),
									vb_quote_ident(a, to)));
	else
		vb_add_sql(d, op, vb_pg_alter_table(a, s, t,
											vb_printf(a, "RENAME %s %s TO %s", what,
													  vb_quote_ident(a, from),
													  vb_quote_ident(a, to))));
}

/*
 * Emit the renames of one namespace. When one's new name is another's old
 * name (a swap, or a chain), every rename goes through a temporary name
 * first, so no statement meets a name that is still taken.
 */
void
vb_emit_renames(vb_differ *d, vb_table_pair *p, const vb_list *renames)
{
	bool		collide = false;
	int			i;
	int			j;

	for (i = 0; i < renames->count && !collide; i++)
		for (j = 0; j < renames->count; j++)
			if (strcmp(((vb_pending_rename *) renames->items[i])->to,
					   ((vb_pending_rename *) renames->items[j])->from) == 0)
				collide = true;
	for (i = 0; i < renames->count; i++)
	{
		vb_pending_rename *r = renames->items[i];

		if (!collide)
			emit_rename(d, p, r->kind, r->from, r->to, r->to);
		else
			emit_rename(d, p, r->kind, r->from, vb_printf(d->a, "viborm_rename_%d", i), r->to);
	}
	for (i = 0; collide && i < renames->count; i++)
	{
		vb_pending_rename *r = renames->items[i];

		emit_rename(d, p, r->kind, vb_printf(d->a, "viborm_rename_%d", i), r->to, r->to);
	}
}

static void
drop_key(vb_differ *d, vb_table_pair *p, vb_key *k, bool primary)
{
	vb_operation *op = vb_new_op(d, primary ? VB_OP_DROP_PRIMARY_KEY : VB_OP_DROP_UNIQUE,
							  p->des->schema, p->des->name, k->name);

	/* runs before renames: the table still has its current name */
	vb_add_sql(d, op, vb_pg_drop_constraint(d->a, p->cur->schema, p->cur->name, k->name));
	vb_map_put(&d->rebuilt_keys, vb_key3(d->a, p->cur->schema, p->cur->name,
										 vb_sorted_columns_key(d->a, &k->columns)), (void *) 1);
}

vb_operation *
vb_add_key(vb_differ *d, const vb_table *t, vb_key *k, bool primary)
{
	vb_operation *op = vb_new_op(d, primary ? VB_OP_ADD_PRIMARY_KEY : VB_OP_ADD_UNIQUE,
							  t->schema, t->name, k->name);

	vb_add_sql(d, op, vb_pg_add_key(d->a, t->schema, t->name, k, primary));
	return op;
}

vb_operation *
vb_create_index(vb_differ *d, const vb_table *t, vb_index *ix)
{
	vb_operation *op = vb_new_op(d, VB_OP_CREATE_INDEX, t->schema, t->name, ix->name);
	int			i;

	vb_add_sql(d, op, vb_pg_create_index(d->a, t->schema, t->name, ix));
	if (ix->where_source)
		op->search_schema = t->schema;
	for (i = 0; i < ix->elements.count; i++)
		if (((vb_index_elem *) ix->elements.items[i])->source)
			op->search_schema = t->schema;
	return op;
}

vb_operation *
vb_add_foreign_key(vb_differ *d, const vb_table *t, vb_foreign_key *fk)
{
	vb_operation *op = vb_new_op(d, VB_OP_ADD_FOREIGN_KEY, t->schema, t->name, fk->name);

	vb_add_sql(d, op, vb_pg_add_foreign_key(d->a, t->schema, t->name, fk));
	if (fk->not_valid)
		op->hazards &= ~VB_HAZARD_TABLE_SCAN;
	return op;
}

static void
drop_primary_key(vb_differ *d, vb_table_pair *p, void *cur)
{
	drop_key(d, p, cur, true);
}

static void
drop_unique(vb_differ *d, vb_table_pair *p, void *cur)
{
	drop_key(d, p, cur, false);
}

static void
drop_index(vb_differ *d, vb_table_pair *p, void *cur)
{
	vb_index   *ix = cur;
	vb_operation *op = vb_new_op(d, VB_OP_DROP_INDEX, p->des->schema, p->des->name, ix->name);

	/* the index still lives in the current schema when it is dropped */
	vb_add_sql(d, op, vb_printf(d->a, "DROP INDEX %s", vb_qualified(d->a, p->cur->schema, ix->name)));
	if (ix->unique)
		vb_map_put(&d->rebuilt_keys, vb_key3(d->a, p->cur->schema, p->cur->name,
											 vb_sorted_columns_key(d->a, &ix->columns)), (void *) 1);
}

static void
drop_foreign_key(vb_differ *d, vb_table_pair *p, void *cur)
{
	vb_foreign_key *fk = cur;
	vb_operation *op = vb_new_op(d, VB_OP_DROP_FOREIGN_KEY, p->des->schema, p->des->name, fk->name);

	/* runs before renames: the table still has its current name */
	vb_add_sql(d, op, vb_pg_drop_constraint(d->a, p->cur->schema, p->cur->name, fk->name));
}

static void
add_primary_key(vb_differ *d, vb_table_pair *p, void *des)
{
	vb_key	   *k = des;

	vb_guard_unique(d, vb_add_key(d, p->des, k, true), p, k->name,
					vb_guard_key_exprs(d, p, &k->columns), true, NULL);
}

static void
add_unique(vb_differ *d, vb_table_pair *p, void *des)
{
	vb_key	   *k = des;

	vb_guard_unique(d, vb_add_key(d, p->des, k, false), p, k->name,
					vb_guard_key_exprs(d, p, &k->columns), k->nulls_not_distinct, NULL);
}

static void
add_index(vb_differ *d, vb_table_pair *p, void *des)
{
	vb_index   *ix = des;
	vb_operation *op = vb_create_index(d, p->des, ix);
	vb_list    *exprs;
	int			i;

	if (!ix->unique)
		return;
	exprs = vb_guard_key_exprs(d, p, &ix->columns);
	for (i = 0; i < ix->elements.count; i++)
	{
		vb_index_elem *el = ix->elements.items[i];

		if (el->expression)
			exprs->items[i] = (void *) vb_unmapped_predicate(d, p, el->expression);
	}
	vb_guard_unique(d, op, p, ix->name, exprs, ix->nulls_not_distinct, ix->where);
}

static void
add_fk(vb_differ *d, vb_table_pair *p, void *des)
{
	vb_foreign_key *fk = des;
	vb_operation *op = vb_add_foreign_key(d, p->des, fk);

	if (!fk->not_valid)
		vb_guard_foreign_key(d, op, p, fk);
}

vb_operation *
vb_add_check(vb_differ *d, const vb_table *t, vb_check *ck)
{
	vb_operation *op = vb_new_op(d, VB_OP_ADD_CHECK, t->schema, t->name, ck->name);

	vb_add_sql(d, op, vb_pg_add_check(d->a, t->schema, t->name, ck));
	if (ck->source)
		op->search_schema = t->schema;
	if (ck->not_valid)
		op->hazards &= ~VB_HAZARD_TABLE_SCAN;
	return op;
}

static void
add_check(vb_differ *d, vb_table_pair *p, void *des)
{
	vb_check   *ck = des;
	vb_operation *op = vb_add_check(d, p->des, ck);

	if (!ck->not_valid)
		vb_guard_check(d, op, p, ck);
}

static void
drop_check(vb_differ *d, vb_table_pair *p, void *cur)
{
	vb_check   *ck = cur;
	vb_operation *op = vb_new_op(d, VB_OP_DROP_CHECK, p->des->schema, p->des->name, ck->name);

	vb_add_sql(d, op, vb_pg_drop_constraint(d->a, p->cur->schema, p->cur->name, ck->name));
}

/*
 * Storage parameters of a kept table or index: ALTER ... SET for those
 * that are new or whose value differs, RESET for those the document drops
 * (compared as PostgreSQL stores them, in any order). Most parameters
 * take SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes; the
 * others (fastupdate, pages_per_range, ...: exclusive_lock) take ACCESS
 * EXCLUSIVE on the relation, which every query of the table waits for.
 */
void
vb_diff_storage(vb_differ *d, const char *schema, const char *table, const char *index,
				const vb_list *cur, const vb_list *des)
{
	vb_arena   *a = d->a;
	vb_list		set;
	vb_list		reset;
	unsigned	hazards = 0;
	const char *target;
	vb_operation *op;
	int			i;

	memset(&set, 0, sizeof(set));
	memset(&reset, 0, sizeof(reset));
	for (i = 0; i < des->count; i++)
	{
		vb_option  *o = des->items[i];

		if (vb_strs_equal(option_value(cur, o->name), o->value))
			continue;
		vb_list_push(a, &set, o);
		if (o->exclusive_lock)
			hazards |= VB_HAZARD_ACCESS_EXCLUSIVE;
	}
	for (i = 0; i < cur->count; i++)
	{
		vb_option  *o = cur->items[i];

		if (option_value(des, o->name))
			continue;
		vb_list_push(a, &reset, o);
		if (o->exclusive_lock)
			hazards |= VB_HAZARD_ACCESS_EXCLUSIVE;
	}
	if (set.count == 0 && reset.count == 0)
		return;
	op = vb_new_op(d, VB_OP_SET_STORAGE, schema, table, index ? index : table);
	target = index ? vb_printf(a, "ALTER INDEX %s", vb_qualified(a, schema, index)) :
		vb_printf(a, "ALTER TABLE %s", vb_qualified(a, schema, table));
	if (set.count > 0)
		vb_add_sql(d, op, vb_printf(a, "%s SET (%s)", target, vb_pg_options(a, &set)));
	if (reset.count > 0)
		vb_add_sql(d, op, vb_printf(a, "%s RESET (%s)", target, vb_pg_option_names(a, &reset)));
	op->hazards |= hazards;
}

/* A kept index: its storage parameters, under its new name. */
static void
index_kept(vb_differ *d, vb_table_pair *p, void *cur, void *des)
{
	vb_index   *c = cur;
	vb_index   *x = des;

	vb_diff_storage(d, p->des->schema, p->des->name, x->name, &c->with, &x->with);
}

/*
 * A kept foreign key whose deferrability differs: ALTER CONSTRAINT, which
 * PostgreSQL 15 can do for foreign keys (not for keys): no scan, no guard,
 * under the constraint's new name.
 */
static void
fk_kept(vb_differ *d, vb_table_pair *p, void *cur, void *des)
{
	vb_foreign_key *c = cur;
	vb_foreign_key *x = des;
	vb_operation *op;

	if (c->deferrable == x->deferrable && c->initially_deferred == x->initially_deferred)
		return;
	op = vb_new_op(d, VB_OP_ALTER_CONSTRAINT, p->des->schema, p->des->name, x->name);
	vb_add_sql(d, op, vb_pg_alter_table(d->a, p->des->schema, p->des->name,
										vb_printf(d->a, "ALTER CONSTRAINT %s %s",
												  vb_quote_ident(d->a, x->name),
												  !x->deferrable ? "NOT DEFERRABLE" :
												  x->initially_deferred ?
												  "DEFERRABLE INITIALLY DEFERRED" :
												  "DEFERRABLE INITIALLY IMMEDIATE")));
}

/* What differs between the kinds of objects that belong to a table. */
typedef struct object_kind
{
	size_t		name_offset;	/* offsets of the char * members */
	size_t		renamed_from_offset;
	size_t		comment_offset;
	size_t		not_valid_offset;	/* of a bool member, or NO_NOT_VALID */
	equal_fn	equal;
	vb_op_kind	rename_kind;	/* RENAME_INDEX: an index, else a constraint */
	void		(*drop) (vb_differ *d, vb_table_pair *p, void *cur);
	void		(*add) (vb_differ *d, vb_table_pair *p, void *des);
	/* what a kept object may still change in place; may be NULL */
	void		(*kept) (vb_differ *d, vb_table_pair *p, void *cur, void *des);
} object_kind;

#define NO_NOT_VALID ((size_t) -1)

static const object_kind primary_key_kind = {
	offsetof(vb_key, name), offsetof(vb_key, renamed_from), offsetof(vb_key, comment),
	NO_NOT_VALID, keys_equal, VB_OP_RENAME_CONSTRAINT, drop_primary_key, add_primary_key, NULL
};
static const object_kind unique_kind = {
	offsetof(vb_key, name), offsetof(vb_key, renamed_from), offsetof(vb_key, comment),
	NO_NOT_VALID, keys_equal, VB_OP_RENAME_CONSTRAINT, drop_unique, add_unique, NULL
};
static const object_kind index_kind = {
	offsetof(vb_index, name), offsetof(vb_index, renamed_from), offsetof(vb_index, comment),
	NO_NOT_VALID, indexes_equal, VB_OP_RENAME_INDEX, drop_index, add_index, index_kept
};
static const object_kind foreign_key_kind = {
	offsetof(vb_foreign_key, name), offsetof(vb_foreign_key, renamed_from),
	offsetof(vb_foreign_key, comment), offsetof(vb_foreign_key, not_valid), fks_equal,
	VB_OP_RENAME_CONSTRAINT, drop_foreign_key, add_fk, fk_kept
};
static const object_kind check_kind = {
	offsetof(vb_check, name), offsetof(vb_check, renamed_from), offsetof(vb_check, comment),
	offsetof(vb_check, not_valid), checks_equal,
	VB_OP_RENAME_CONSTRAINT, drop_check, add_check, NULL
};

#define MEMBER(obj, offset) (*(char **) ((char *) (obj) + (offset)))
#define NOT_VALID(obj, k) \
	((k)->not_valid_offset != NO_NOT_VALID && *(bool *) ((char *) (obj) + (k)->not_valid_offset))

/*
 * The comment of an object of table t (its final name), when it differs
 * from what the database has: `have` is the comment of the kept object,
 * NULL for one the plan creates (it comes without one).
 */
static void
comment_object(vb_differ *d, const vb_table *t, const object_kind *k, const char *have,
			   void *des)
{
	const char *name = MEMBER(des, k->name_offset);
	const char *comment = MEMBER(des, k->comment_offset);

	if (vb_strs_equal(have, comment))
		return;
	vb_add_sql(d, vb_new_op(d, VB_OP_SET_COMMENT, t->schema, t->name, name),
			   k->rename_kind == VB_OP_RENAME_INDEX ?
			   vb_pg_comment_on_index(d->a, t->schema, name, comment) :
			   vb_pg_comment_on_constraint(d->a, t->schema, t->name, name, comment));
}

static void
comment_objects(vb_differ *d, const vb_table *t, const vb_list *objects, const object_kind *k)
{
	int			i;

	for (i = 0; i < objects->count; i++)
		comment_object(d, t, k, NULL, objects->items[i]);
}

/* Comments of the keys, indexes, foreign keys and checks of a new table. */
void
vb_comment_new_objects(vb_differ *d, const vb_table *t)
{
	if (t->primary_key)
		comment_object(d, t, &primary_key_kind, NULL, t->primary_key);
	comment_objects(d, t, &t->uniques, &unique_kind);
	comment_objects(d, t, &t->indexes, &index_kind);
	comment_objects(d, t, &t->foreign_keys, &foreign_key_kind);
	comment_objects(d, t, &t->checks, &check_kind);
}

/*
 * A kept constraint whose validity differs: NOT VALID -> valid is a
 * VALIDATE CONSTRAINT (a scan that blocks no writes); valid -> NOT VALID
 * cannot be undone in place, so it is dropped and added NOT VALID (no
 * scan at all).
 */
static bool
validity_kept(vb_differ *d, vb_table_pair *p, void *cur, void *des, const object_kind *k)
{
	vb_operation *op;

	if (NOT_VALID(cur, k) == NOT_VALID(des, k))
		return true;
	if (!NOT_VALID(cur, k))
		return false;
	op = vb_new_op(d, VB_OP_VALIDATE_CONSTRAINT, p->des->schema, p->des->name,
				   MEMBER(des, k->name_offset));
	vb_add_sql(d, op, vb_pg_alter_table(d->a, p->des->schema, p->des->name,
										vb_printf(d->a, "VALIDATE CONSTRAINT %s",
												  vb_quote_ident(d->a, MEMBER(des, k->name_offset)))));
	if (k->add == add_check)
		vb_guard_check(d, op, p, des);
	else
		vb_guard_foreign_key(d, op, p, des);
	return true;
}

/*
 * Pair the objects of one kind of a table and plan the difference: an
 * object kept under another name is renamed (held back with the table's
 * other renames), one whose definition changes is dropped and added; a
 * kept one changes in place what it can (validity, deferrability of a
 * foreign key, storage parameters of an index); comments follow.
 */
static void
diff_objects(vb_differ *d, vb_table_pair *p, const vb_list *curs, const vb_list *dess,
			 const object_kind *k)
{
	int			nc = curs->count;
	int			nd = dess->count;
	char	  **cn = vb_alloc(d->a, sizeof(char *) * (size_t) (nc + 1));
	char	  **dn = vb_alloc(d->a, sizeof(char *) * (size_t) (nd + 1));
	char	  **dr = vb_alloc(d->a, sizeof(char *) * (size_t) (nd + 1));
	int		   *match = vb_alloc(d->a, sizeof(int) * (size_t) (nd + 1));
	bool	   *equal = vb_alloc(d->a, sizeof(bool) * (size_t) (nd + 1));
	bool	   *kept = vb_alloc(d->a, sizeof(bool) * (size_t) (nc + 1));
	int			i;
	int			j;

	for (i = 0; i < nc; i++)
		cn[i] = MEMBER(curs->items[i], k->name_offset);
	for (j = 0; j < nd; j++)
	{
		dn[j] = MEMBER(dess->items[j], k->name_offset);
		dr[j] = MEMBER(dess->items[j], k->renamed_from_offset);
	}
	match_objects(d, p, nc, curs->items, cn, nd, dess->items, dn, dr, k->equal, match, equal);
	for (j = 0; j < nd; j++)
		if (match[j] >= 0 && equal[j] &&
			!validity_kept(d, p, curs->items[match[j]], dess->items[j], k))
			equal[j] = false;
	for (j = 0; j < nd; j++)
		if (match[j] >= 0 && equal[j])
		{
			kept[match[j]] = true;
			if (strcmp(cn[match[j]], dn[j]) != 0)
				vb_hold_rename(d, &p->object_renames, k->rename_kind, cn[match[j]], dn[j]);
			if (k->kept)
				k->kept(d, p, curs->items[match[j]], dess->items[j]);
		}
	for (i = 0; i < nc; i++)
		if (!kept[i])
			k->drop(d, p, curs->items[i]);
	for (j = 0; j < nd; j++)
	{
		bool		keep = match[j] >= 0 && equal[j];

		if (!keep)
			k->add(d, p, dess->items[j]);
		comment_object(d, p->des, k, keep ? MEMBER(curs->items[match[j]], k->comment_offset) : NULL,
					   dess->items[j]);
	}
}

void
vb_diff_keys(vb_differ *d, vb_table_pair *p, vb_list *curs, vb_list *dess, bool primary)
{
	diff_objects(d, p, curs, dess, primary ? &primary_key_kind : &unique_kind);
}

void
vb_diff_indexes(vb_differ *d, vb_table_pair *p)
{
	diff_objects(d, p, &p->cur->indexes, &p->des->indexes, &index_kind);
}

void
vb_diff_foreign_keys(vb_differ *d, vb_table_pair *p)
{
	diff_objects(d, p, &p->cur->foreign_keys, &p->des->foreign_keys, &foreign_key_kind);
}

void
vb_diff_checks(vb_differ *d, vb_table_pair *p)
{
	diff_objects(d, p, &p->cur->checks, &p->des->checks, &check_kind);
}
