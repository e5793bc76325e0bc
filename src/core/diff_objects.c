/*
 * diff_objects.c — primary keys, unique constraints, indexes, foreign keys
 * and checks of paired tables, matched by name or by definition (a
 * definition found under another name is renamed, never dropped and
 * re-created), and those of the tables the plan creates.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

/* ---- definitions ------------------------------------------------------------------ */

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
keys_equal(vb_differ *d, vb_table_pair *p, const vb_key *c, const vb_key *x)
{
	return c->nulls_not_distinct == x->nulls_not_distinct &&
		c->deferrable == x->deferrable && c->initially_deferred == x->initially_deferred &&
		vb_str_lists_equal(vb_mapped_columns(d, p, &c->columns), &x->columns) &&
		!any_recreated(p, &x->columns);
}

static bool
elements_equal(vb_differ *d, vb_table_pair *p, const vb_index_elem *c, const vb_index_elem *x)
{
	if ((c->column == NULL) != (x->column == NULL) || c->desc != x->desc ||
		c->nulls != x->nulls || c->length != x->length || !vb_strs_equal(c->opclass, x->opclass) ||
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
indexes_equal(vb_differ *d, vb_table_pair *p, const vb_index *c, const vb_index *x)
{
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

/* not_valid is compared apart: see validity_kept */
static bool
checks_equal(vb_differ *d, vb_table_pair *p, const vb_check *c, const vb_check *x)
{
	return c->no_inherit == x->no_inherit && c->not_enforced == x->not_enforced &&
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
		vb_column  *c = vb_column_lookup(&d->columns, t, cols->items[i]);
		int			dims;

		if (c == NULL)
			continue;
		for (k = 0; k < d->recreated_types.count; k++)
			if (strcmp(vb_mapped_type(d, vb_element_type(d, c->type, &dims)),
					   d->recreated_types.items[k]) == 0)
				return true;
	}
	return false;
}

static bool
fks_equal(vb_differ *d, vb_table_pair *p, const vb_foreign_key *c, const vb_foreign_key *x)
{
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

/* ---- renames ---------------------------------------------------------------------- */

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
	vb_operation *op = vb_new_op(d, kind, p->des->schema, p->des->name, object);

	op->change.table = p->des;
	op->change.from = from;
	op->change.to = to;
}

/*
 * Emit the renames of one namespace. When one's new name is another's old
 * name (a swap, or a chain), every rename goes through a temporary name
 * first, so no statement meets a name that is still taken.
 */
void
vb_emit_renames(vb_differ *d, vb_table_pair *p, const vb_list *renames)
{
	vb_map		from;
	bool		collide = false;
	int			i;

	vb_map_init(&from, d->a, renames->count);
	for (i = 0; i < renames->count; i++)
		vb_map_put(&from, ((vb_pending_rename *) renames->items[i])->from, (void *) 1);
	for (i = 0; i < renames->count && !collide; i++)
		collide = vb_map_get(&from, ((vb_pending_rename *) renames->items[i])->to) != NULL;
	for (i = 0; i < renames->count; i++)
	{
		vb_pending_rename *r = renames->items[i];

		emit_rename(d, p, r->kind, r->from,
					collide ? vb_printf(d->a, "viborm_rename_%d", i) : r->to, r->to);
	}
	for (i = 0; collide && i < renames->count; i++)
	{
		vb_pending_rename *r = renames->items[i];

		emit_rename(d, p, r->kind, vb_printf(d->a, "viborm_rename_%d", i), r->to, r->to);
	}
}

/* ---- additions and drops ------------------------------------------------------------ */

static vb_operation *
table_op(vb_differ *d, vb_op_kind kind, const vb_table *t, const char *object, bool new_table)
{
	vb_operation *op = vb_new_op(d, kind, t->schema, t->name, object);

	op->change.table = t;
	op->change.new_table = new_table;
	return op;
}

/* A drop runs before renames: the current table. */
static vb_operation *
drop_op(vb_differ *d, vb_op_kind kind, vb_table_pair *p, const char *object)
{
	vb_operation *op = vb_new_op(d, kind, p->des->schema, p->des->name, object);

	op->change.cur_table = p->cur;
	return op;
}

/* Key columns as index elements, for the duplicates guard. */
static vb_list *
key_elements(vb_differ *d, const vb_list *cols)
{
	vb_list    *out = vb_alloc(d->a, sizeof(vb_list));
	int			i;

	for (i = 0; i < cols->count; i++)
	{
		vb_index_elem *el = vb_alloc(d->a, sizeof(vb_index_elem));

		el->column = cols->items[i];
		vb_list_push(d->a, out, el);
	}
	return out;
}

static void
add_key(vb_differ *d, vb_table_pair *p, const vb_table *t, const vb_key *k, bool primary)
{
	vb_operation *op = table_op(d, primary ? VB_OP_ADD_PRIMARY_KEY : VB_OP_ADD_UNIQUE, t, k->name,
								p == NULL);

	op->change.key = k;
	op->change.primary = primary;
	if (p)
		vb_guard_unique(d, op, p, k->name, key_elements(d, &k->columns),
						primary || k->nulls_not_distinct, NULL);
}

static void
add_index(vb_differ *d, vb_table_pair *p, const vb_table *t, const vb_index *ix)
{
	vb_operation *op = table_op(d, VB_OP_CREATE_INDEX, t, ix->name, p == NULL);

	op->change.index = ix;
	if (p && ix->unique)
		vb_guard_unique(d, op, p, ix->name, &ix->elements, ix->nulls_not_distinct, ix->where);
}

static void
add_foreign_key(vb_differ *d, vb_table_pair *p, const vb_table *t, const vb_foreign_key *fk)
{
	vb_operation *op = table_op(d, VB_OP_ADD_FOREIGN_KEY, t, fk->name, p == NULL);

	op->change.fk = fk;
	if (p && !fk->not_valid)
		vb_guard_foreign_key(d, op, p, fk);
}

static void
add_check(vb_differ *d, vb_table_pair *p, const vb_table *t, const vb_check *ck)
{
	vb_operation *op = table_op(d, VB_OP_ADD_CHECK, t, ck->name, p == NULL);

	op->change.check = ck;
	if (p && !ck->not_valid && !ck->not_enforced)
		vb_guard_check(d, op, p, ck);
}

/* A dropped key or unique index: FKs that reference its columns are
 * dropped and added again around its re-creation. */
static void
key_rebuilt(vb_differ *d, vb_table_pair *p, const vb_list *cols)
{
	vb_map_put(&d->rebuilt_keys, vb_key3(d->a, p->cur->schema, p->cur->name,
										 vb_sorted_columns_key(d->a, cols)), (void *) 1);
}

/* ---- storage parameters ----------------------------------------------------------- */

/*
 * Storage parameters of a kept table or index: ALTER ... SET for those
 * that are new or whose value differs, RESET for those the document drops
 * (compared as PostgreSQL stores them, in any order). Most parameters
 * take SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes; the
 * others (fastupdate, pages_per_range, ...: exclusive_lock) take ACCESS
 * EXCLUSIVE on the relation, which every query of the table waits for.
 */
void
vb_diff_storage(vb_differ *d, const vb_table *t, const vb_index *index, const vb_list *cur,
				const vb_list *des)
{
	vb_change	c;
	vb_operation *op;
	int			i;

	memset(&c, 0, sizeof(c));
	for (i = 0; i < des->count; i++)
	{
		vb_option  *o = des->items[i];

		if (vb_strs_equal(option_value(cur, o->name), o->value))
			continue;
		vb_list_push(d->a, &c.set, o);
		c.exclusive_lock |= o->exclusive_lock;
	}
	for (i = 0; i < cur->count; i++)
	{
		vb_option  *o = cur->items[i];

		if (option_value(des, o->name))
			continue;
		vb_list_push(d->a, &c.reset, o);
		c.exclusive_lock |= o->exclusive_lock;
	}
	if (c.set.count == 0 && c.reset.count == 0)
		return;
	op = vb_new_op(d, VB_OP_SET_STORAGE, t->schema, t->name, index ? index->name : t->name);
	c.table = t;
	c.index = index;
	op->change = c;
}

/* ---- one kind of object ---------------------------------------------------------------- */

/* What differs between the kinds of objects that belong to a table. */
typedef struct object_kind
{
	size_t		name_offset;	/* offsets of the char * members */
	size_t		renamed_from_offset;
	size_t		comment_offset;
	size_t		not_valid_offset;	/* of a bool member, or NO_NOT_VALID */
	vb_op_kind	rename_kind;	/* RENAME_INDEX: an index, else a constraint */
	bool		(*equal) (vb_differ *d, vb_table_pair *p, const void *cur, const void *des);
	void		(*drop) (vb_differ *d, vb_table_pair *p, const void *cur);
	void		(*add) (vb_differ *d, vb_table_pair *p, const void *des);
	void		(*validate) (vb_differ *d, vb_table_pair *p, vb_operation *op, const void *des);
	/* what a kept object may still change in place; may be NULL */
	void		(*kept) (vb_differ *d, vb_table_pair *p, const void *cur, const void *des);
	/* which member of vb_change a setComment on it fills */
	void		(*comment_on) (vb_change *c, const void *object);
} object_kind;

#define NO_NOT_VALID ((size_t) -1)
#define MEMBER(obj, offset) (*(char **) ((char *) (obj) + (offset)))
#define NOT_VALID(obj, k) \
	((k)->not_valid_offset != NO_NOT_VALID && *(bool *) ((char *) (obj) + (k)->not_valid_offset))

static bool
primary_key_equal(vb_differ *d, vb_table_pair *p, const void *c, const void *x)
{
	return keys_equal(d, p, c, x);
}

static void
drop_primary_key(vb_differ *d, vb_table_pair *p, const void *cur)
{
	const vb_key *k = cur;

	drop_op(d, VB_OP_DROP_PRIMARY_KEY, p, k->name)->change.key = k;
	key_rebuilt(d, p, &k->columns);
}

static void
add_primary_key(vb_differ *d, vb_table_pair *p, const void *des)
{
	add_key(d, p, p->des, des, true);
}

static void
drop_unique(vb_differ *d, vb_table_pair *p, const void *cur)
{
	const vb_key *k = cur;

	drop_op(d, VB_OP_DROP_UNIQUE, p, k->name)->change.key = k;
	key_rebuilt(d, p, &k->columns);
}

static void
add_unique(vb_differ *d, vb_table_pair *p, const void *des)
{
	add_key(d, p, p->des, des, false);
}

static bool
index_equal(vb_differ *d, vb_table_pair *p, const void *c, const void *x)
{
	return indexes_equal(d, p, c, x);
}

static void
drop_index(vb_differ *d, vb_table_pair *p, const void *cur)
{
	const vb_index *ix = cur;

	drop_op(d, VB_OP_DROP_INDEX, p, ix->name)->change.index = ix;
	if (ix->unique)
		key_rebuilt(d, p, &ix->columns);
}

static void
add_index_of(vb_differ *d, vb_table_pair *p, const void *des)
{
	add_index(d, p, p->des, des);
}

static bool
fk_equal(vb_differ *d, vb_table_pair *p, const void *c, const void *x)
{
	return fks_equal(d, p, c, x);
}

static void
drop_fk(vb_differ *d, vb_table_pair *p, const void *cur)
{
	drop_op(d, VB_OP_DROP_FOREIGN_KEY, p, ((const vb_foreign_key *) cur)->name)->change.fk = cur;
}

static void
add_fk(vb_differ *d, vb_table_pair *p, const void *des)
{
	add_foreign_key(d, p, p->des, des);
}

static void
validate_fk(vb_differ *d, vb_table_pair *p, vb_operation *op, const void *des)
{
	op->change.fk = des;
	vb_guard_foreign_key(d, op, p, des);
}

static bool
check_equal(vb_differ *d, vb_table_pair *p, const void *c, const void *x)
{
	return checks_equal(d, p, c, x);
}

static void
drop_check(vb_differ *d, vb_table_pair *p, const void *cur)
{
	drop_op(d, VB_OP_DROP_CHECK, p, ((const vb_check *) cur)->name)->change.check = cur;
}

static void
add_check_of(vb_differ *d, vb_table_pair *p, const void *des)
{
	add_check(d, p, p->des, des);
}

static void
validate_check(vb_differ *d, vb_table_pair *p, vb_operation *op, const void *des)
{
	op->change.check = des;
	vb_guard_check(d, op, p, des);
}

/* A kept index: its storage parameters and (MySQL) its visibility, under
 * its new name. */
static void
index_kept(vb_differ *d, vb_table_pair *p, const void *cur, const void *des)
{
	const vb_index *c = cur;
	const vb_index *x = des;
	vb_operation *op;

	vb_diff_storage(d, p->des, x, &c->with, &x->with);
	if (c->invisible == x->invisible)
		return;
	op = vb_new_op(d, VB_OP_ALTER_INDEX, p->des->schema, p->des->name, x->name);
	op->change.table = p->des;
	op->change.index = x;
}

/*
 * A kept foreign key whose deferrability differs: ALTER CONSTRAINT, which
 * PostgreSQL 15 can do for foreign keys (not for keys): no scan, no guard,
 * under the constraint's new name.
 */
static void
fk_kept(vb_differ *d, vb_table_pair *p, const void *cur, const void *des)
{
	const vb_foreign_key *c = cur;
	const vb_foreign_key *x = des;
	vb_operation *op;

	if (c->deferrable == x->deferrable && c->initially_deferred == x->initially_deferred)
		return;
	op = vb_new_op(d, VB_OP_ALTER_CONSTRAINT, p->des->schema, p->des->name, x->name);
	op->change.table = p->des;
	op->change.fk = x;
}

static void
comment_on_key(vb_change *c, const void *object)
{
	c->key = object;
}

static void
comment_on_index(vb_change *c, const void *object)
{
	c->index = object;
}

static void
comment_on_fk(vb_change *c, const void *object)
{
	c->fk = object;
}

static void
comment_on_check(vb_change *c, const void *object)
{
	c->check = object;
}

static const object_kind primary_key_kind = {
	offsetof(vb_key, name), offsetof(vb_key, renamed_from), offsetof(vb_key, comment),
	NO_NOT_VALID, VB_OP_RENAME_CONSTRAINT, primary_key_equal, drop_primary_key,
	add_primary_key, NULL, NULL, comment_on_key
};
static const object_kind unique_kind = {
	offsetof(vb_key, name), offsetof(vb_key, renamed_from), offsetof(vb_key, comment),
	NO_NOT_VALID, VB_OP_RENAME_CONSTRAINT, primary_key_equal, drop_unique, add_unique,
	NULL, NULL, comment_on_key
};
static const object_kind index_kind = {
	offsetof(vb_index, name), offsetof(vb_index, renamed_from), offsetof(vb_index, comment),
	NO_NOT_VALID, VB_OP_RENAME_INDEX, index_equal, drop_index, add_index_of, NULL,
	index_kept, comment_on_index
};
static const object_kind foreign_key_kind = {
	offsetof(vb_foreign_key, name), offsetof(vb_foreign_key, renamed_from),
	offsetof(vb_foreign_key, comment), offsetof(vb_foreign_key, not_valid),
	VB_OP_RENAME_CONSTRAINT, fk_equal, drop_fk, add_fk, validate_fk, fk_kept, comment_on_fk
};
static const object_kind check_kind = {
	offsetof(vb_check, name), offsetof(vb_check, renamed_from), offsetof(vb_check, comment),
	offsetof(vb_check, not_valid), VB_OP_RENAME_CONSTRAINT, check_equal, drop_check,
	add_check_of, validate_check, NULL, comment_on_check
};

/*
 * The comment of an object of table t (under its final name), when it
 * differs from what the database has: `have` is the comment of the kept
 * object, NULL for one the plan creates (it comes without one).
 */
static void
comment_object(vb_differ *d, const vb_table *t, const object_kind *k, const char *have,
			   const void *des)
{
	const char *comment = MEMBER(des, k->comment_offset);
	vb_operation *op;

	if (vb_strs_equal(have, comment))
		return;
	op = vb_new_op(d, VB_OP_SET_COMMENT, t->schema, t->name, MEMBER(des, k->name_offset));
	op->change.table = t;
	op->change.comment = comment;
	k->comment_on(&op->change, des);
}

static void
comment_objects(vb_differ *d, const vb_table *t, const vb_list *objects, const object_kind *k)
{
	int			i;

	for (i = 0; i < objects->count; i++)
		comment_object(d, t, k, NULL, objects->items[i]);
}

/* Comments of the keys, indexes, foreign keys and checks of a new table. */
static void
comment_new_objects(vb_differ *d, const vb_table *t)
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
validity_kept(vb_differ *d, vb_table_pair *p, const void *cur, const void *des,
			  const object_kind *k)
{
	vb_operation *op;

	if (NOT_VALID(cur, k) == NOT_VALID(des, k))
		return true;
	if (!NOT_VALID(cur, k))
		return false;
	op = vb_new_op(d, VB_OP_VALIDATE_CONSTRAINT, p->des->schema, p->des->name,
				   MEMBER(des, k->name_offset));
	op->change.table = p->des;
	k->validate(d, p, op, des);
	return true;
}

typedef struct object_ctx
{
	vb_table_pair *p;
	const object_kind *k;
	const vb_list *curs;
	const vb_list *dess;
} object_ctx;

static bool
same_object(vb_differ *d, void *ctx, int ci, int di)
{
	object_ctx *oc = ctx;

	return oc->k->equal(d, oc->p, oc->curs->items[ci], oc->dess->items[di]);
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
	object_ctx	oc = {p, k, curs, dess};
	vb_pairing	pr;
	int			i;
	int			j;

	vb_pairing_alloc(d, &pr, curs->count, dess->count);
	pr.same = same_object;
	pr.ctx = &oc;
	for (i = 0; i < pr.ncur; i++)
		pr.cur_names[i] = MEMBER(curs->items[i], k->name_offset);
	for (j = 0; j < pr.ndes; j++)
	{
		pr.des_names[j] = MEMBER(dess->items[j], k->name_offset);
		pr.renamed_names[j] = MEMBER(dess->items[j], k->renamed_from_offset);
	}
	vb_pair(d, &pr);
	for (j = 0; j < pr.ndes; j++)
		if (pr.des_match[j] >= 0 && pr.des_equal[j] &&
			!validity_kept(d, p, curs->items[pr.des_match[j]], dess->items[j], k))
			pr.des_equal[j] = false;
	for (j = 0; j < pr.ndes; j++)
		if (pr.des_match[j] >= 0 && pr.des_equal[j])
		{
			if (strcmp(pr.cur_names[pr.des_match[j]], pr.des_names[j]) != 0)
				vb_hold_rename(d, &p->object_renames, k->rename_kind,
							   pr.cur_names[pr.des_match[j]], pr.des_names[j]);
			if (k->kept)
				k->kept(d, p, curs->items[pr.des_match[j]], dess->items[j]);
		}
	for (i = 0; i < pr.ncur; i++)
		if (pr.cur_match[i] < 0 || !pr.des_equal[pr.cur_match[i]])
			k->drop(d, p, curs->items[i]);
	for (j = 0; j < pr.ndes; j++)
	{
		bool		keep = pr.des_match[j] >= 0 && pr.des_equal[j];

		if (!keep)
			k->add(d, p, dess->items[j]);
		comment_object(d, p->des, k, keep ? MEMBER(curs->items[pr.des_match[j]], k->comment_offset)
					   : NULL, dess->items[j]);
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

/*
 * The objects of a table this plan creates. Unique constraints come as
 * statements of their own: inside CREATE TABLE, PostgreSQL silently drops
 * one that repeats the primary key or another unique constraint; checks
 * too: inside CREATE TABLE, NOT VALID would be ignored. On a new table
 * they scan nothing and block no one.
 */
void
vb_create_table_objects(vb_differ *d, vb_table *t)
{
	int			i;

	for (i = 0; i < t->uniques.count; i++)
		add_key(d, NULL, t, t->uniques.items[i], false);
	for (i = 0; i < t->indexes.count; i++)
		add_index(d, NULL, t, t->indexes.items[i]);
	for (i = 0; i < t->foreign_keys.count; i++)
		add_foreign_key(d, NULL, t, t->foreign_keys.items[i]);
	for (i = 0; i < t->checks.count; i++)
		add_check(d, NULL, t, t->checks.items[i]);
	vb_diff_comments(d, NULL, t);
	comment_new_objects(d, t);
}

