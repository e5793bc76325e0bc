/*
 * diff.c — compare the current and the desired schema and build the plan.
 *
 * Both schemas arrive canonical (types, defaults and predicates as the
 * server prints them), so comparison is plain string equality. The differ
 * works in four steps:
 *
 *   1. pair objects: by name, by renamedFrom, by the options' resolutions;
 *      drop+add pairs that could be renames are listed as ambiguous;
 *   2. within paired tables, pair columns the same way, then pair keys,
 *      indexes and foreign keys by name or by definition (a definition
 *      that matches under another name is renamed, never re-created);
 *   3. emit operations with their SQL, destructiveness and hazards;
 *   4. order them by phase, a fixed order that respects every dependency
 *      between the kinds (FKs dropped before what they reference, tables
 *      created before FKs, renames before the changes that use the new
 *      names, enums created before columns use them, ...).
 *
 * Lookups go through hash maps so the cost stays linear in the schema size.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

/* ---- the desired side: names and validation ------------------------------ */

/*
 * PostgreSQL's ChooseRelationName: the default name, or with a number
 * appended to the label ("t_a_idx1") while the name is taken.
 */
static char *
choose_name(vb_arena *a, vb_map *taken, const char *schema, const char *table,
			const vb_list *columns, const char *label)
{
	char	   *name;
	int			pass = 0;

	for (;;)
	{
		const char *l = pass ? vb_printf(a, "%s%d", label, pass) : label;

		name = columns ? vb_default_name(a, table, columns, l)
			: vb_make_object_name(a, table, NULL, l);
		if (!vb_map_get(taken, vb_key2(a, schema, name)))
			break;
		pass++;
	}
	vb_map_put(taken, vb_key2(a, schema, name), (void *) 1);
	return name;
}

/*
 * What a foreign key can reference, as PostgreSQL looks for it: a primary
 * key, a unique constraint or a unique index (without predicate or
 * expressions) on exactly the referenced columns, in any order, checked at
 * once (not deferrable). One map for the whole document, key3(schema,
 * table, sorted columns) -> KEY_IMMEDIATE or KEY_DEFERRABLE, so each
 * foreign key is one lookup.
 */
#define KEY_DEFERRABLE ((void *) 1)
#define KEY_IMMEDIATE ((void *) 2)

static void
note_key(vb_arena *a, vb_map *keys, const vb_table *t, const vb_list *cols, bool deferrable)
{
	char	   *k = vb_key3(a, t->schema, t->name, vb_sorted_columns_key(a, cols));

	if (vb_map_get(keys, k) != KEY_IMMEDIATE)
		vb_map_put(keys, k, deferrable ? KEY_DEFERRABLE : KEY_IMMEDIATE);
}

static void
referenceable_keys(vb_arena *a, const vb_table *t, vb_map *keys)
{
	int			i;
	int			j;

	if (t->primary_key)
		note_key(a, keys, t, &t->primary_key->columns, t->primary_key->deferrable);
	for (i = 0; i < t->uniques.count; i++)
		note_key(a, keys, t, &((vb_key *) t->uniques.items[i])->columns,
				 ((vb_key *) t->uniques.items[i])->deferrable);
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];
		bool		plain = ix->unique && ix->where == NULL;

		for (j = 0; plain && j < ix->elements.count; j++)
			if (((vb_index_elem *) ix->elements.items[j])->column == NULL)
				plain = false;
		if (plain)
			note_key(a, keys, t, &ix->columns, false);
	}
}

/* NULL when a key the foreign key can reference covers its columns; else why not. */
static const char *
referenced_key_problem(vb_arena *a, vb_map *keys, const vb_table *rt, const vb_list *cols)
{
	void	   *found = vb_map_get(keys, vb_key3(a, rt->schema, rt->name,
												 vb_sorted_columns_key(a, cols)));

	if (found == KEY_IMMEDIATE)
		return NULL;
	return found == KEY_DEFERRABLE ?
		"only a deferrable key covers them, and PostgreSQL references only keys that are checked at once (make the key \"deferrable\": false)" :
		"no primary key, unique constraint or unique index without predicate covers exactly them";
}

/*
 * Checks of a document against the schemas it manages (desired->schemas):
 * every table and enum lives in one of them, and every FK into a managed
 * schema names a table of the document. The face calls this before it
 * canonicalises anything, so the error is the real one.
 */
bool
vb_check_document(vb_arena *a, const vb_schema *desired, vb_error *err)
{
	vb_map		tables;
	vb_map		keys;
	int			i;
	int			j;

	if (vb_list_contains_str(&desired->schemas, "viborm"))
		return vb_fail(err, a, VB_ERR_INVALID, "schemas",
					   "schema \"viborm\" belongs to the extension and cannot be managed");
	vb_map_init(&tables, a, desired->tables.count);
	vb_map_init(&keys, a, desired->tables.count * 2);
	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];

		referenceable_keys(a, t, &keys);
		if (!vb_list_contains_str(&desired->schemas, t->schema))
			return vb_fail(err, a, VB_ERR_INVALID, t->path,
						   "%s: table \"%s.%s\" is in schema \"%s\", which this push does not manage",
						   t->path ? t->path : t->name, t->schema, t->name, t->schema);
		vb_map_put(&tables, vb_key2(a, t->schema, t->name), t);
	}
	for (i = 0; i < desired->enums.count; i++)
	{
		vb_enum    *e = desired->enums.items[i];

		if (!vb_list_contains_str(&desired->schemas, e->schema))
			return vb_fail(err, a, VB_ERR_INVALID, e->path,
						   "%s: enum \"%s.%s\" is in schema \"%s\", which this push does not manage",
						   e->path ? e->path : e->name, e->schema, e->name, e->schema);
	}
	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];

		for (j = 0; j < t->foreign_keys.count; j++)
		{
			vb_foreign_key *fk = t->foreign_keys.items[j];

			vb_table   *rt = vb_map_get(&tables, vb_key2(a, fk->ref_schema, fk->ref_table));
			const char *problem;

			if (vb_list_contains_str(&desired->schemas, fk->ref_schema) && rt == NULL)
				return vb_fail(err, a, VB_ERR_INVALID, fk->path,
							   "%s: the foreign key references table \"%s.%s\", which is not in the document",
							   fk->path ? fk->path : "foreignKeys", fk->ref_schema, fk->ref_table);
			if (rt && (problem = referenced_key_problem(a, &keys, rt, &fk->ref_columns)) != NULL)
				return vb_fail(err, a, VB_ERR_INVALID, fk->path,
							   "%s: the foreign key references columns (%s) of table \"%s.%s\", but %s",
							   fk->path ? fk->path : "foreignKeys",
							   vb_quote_ident_list(a, &fk->ref_columns), fk->ref_schema,
							   fk->ref_table, problem);
		}
	}
	return true;
}

static bool
name_desired_objects(vb_differ *d)
{
	vb_arena   *a = d->a;
	vb_map		relnames;
	vb_map		fknames;
	vb_map		held_constraints;
	vb_list    *held;
	int			i;
	int			j;

	/* relation names taken in each schema: tables and named indexes */
	vb_map_init(&relnames, a, d->des->tables.count * 4);
	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];

		vb_map_put(&relnames, vb_key2(a, t->schema, t->name), t);
		if (t->primary_key && t->primary_key->name)
			vb_map_put(&relnames, vb_key2(a, t->schema, t->primary_key->name), t);
		for (j = 0; j < t->uniques.count; j++)
			if (((vb_key *) t->uniques.items[j])->name)
				vb_map_put(&relnames, vb_key2(a, t->schema, ((vb_key *) t->uniques.items[j])->name), t);
		for (j = 0; j < t->indexes.count; j++)
			if (((vb_index *) t->indexes.items[j])->name)
				vb_map_put(&relnames, vb_key2(a, t->schema, ((vb_index *) t->indexes.items[j])->name), t);
	}
	vb_map_init(&held_constraints, a, 8);
	vb_held_names(d, &relnames, &held_constraints);
	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];

		if (t->primary_key && t->primary_key->name == NULL)
			t->primary_key->name = choose_name(a, &relnames, t->schema, t->name, NULL, "pkey");
		for (j = 0; j < t->uniques.count; j++)
		{
			vb_key	   *k = t->uniques.items[j];

			if (k->name == NULL)
				k->name = choose_name(a, &relnames, t->schema, t->name, &k->columns, "key");
		}
		for (j = 0; j < t->indexes.count; j++)
		{
			vb_index   *ix = t->indexes.items[j];

			if (ix->name == NULL)
			{
				/* PostgreSQL names an index after its key and INCLUDE columns */
				vb_list		parts = ix->columns;
				int			k;

				if (ix->include.count > 0)
				{
					memset(&parts, 0, sizeof(parts));
					for (k = 0; k < ix->columns.count; k++)
						vb_list_push(a, &parts, ix->columns.items[k]);
					for (k = 0; k < ix->include.count; k++)
						vb_list_push(a, &parts, ix->include.items[k]);
				}
				ix->name = choose_name(a, &relnames, t->schema, t->name, &parts, "idx");
			}
		}
		/* constraint names of the table (PostgreSQL numbers a default
		 * name that another constraint of the table holds) */
		vb_map_init(&fknames, a, t->foreign_keys.count + t->checks.count + 4);
		held = vb_map_get(&held_constraints, vb_key2(a, t->schema, t->name));
		for (j = 0; held && j < held->count; j++)
			vb_map_put(&fknames, vb_key2(a, "", held->items[j]), t);
		if (t->primary_key)
			vb_map_put(&fknames, vb_key2(a, "", t->primary_key->name), t);
		for (j = 0; j < t->uniques.count; j++)
			vb_map_put(&fknames, vb_key2(a, "", ((vb_key *) t->uniques.items[j])->name), t);
		for (j = 0; j < t->foreign_keys.count; j++)
			if (((vb_foreign_key *) t->foreign_keys.items[j])->name)
				vb_map_put(&fknames, vb_key2(a, "", ((vb_foreign_key *) t->foreign_keys.items[j])->name), t);
		for (j = 0; j < t->checks.count; j++)
			if (((vb_check *) t->checks.items[j])->name)
				vb_map_put(&fknames, vb_key2(a, "", ((vb_check *) t->checks.items[j])->name), t);
		for (j = 0; j < t->foreign_keys.count; j++)
		{
			vb_foreign_key *fk = t->foreign_keys.items[j];

			if (fk->name == NULL)
				fk->name = choose_name(a, &fknames, "", t->name, &fk->columns, "fkey");
		}
		for (j = 0; j < t->checks.count; j++)
		{
			vb_check   *ck = t->checks.items[j];
			vb_list		one;

			memset(&one, 0, sizeof(one));
			if (ck->name_column)
				vb_list_push(a, &one, ck->name_column);
			if (ck->name == NULL)
				ck->name = choose_name(a, &fknames, "", t->name, ck->name_column ? &one : NULL,
									   "check");
		}
	}
	return true;
}

static void
create_table(vb_differ *d, vb_table *t)
{
	vb_operation *op = vb_new_op(d, VB_OP_CREATE_TABLE, t->schema, t->name, t->name);
	int			i;

	vb_add_sql(d, op, vb_pg_create_table(d->a, t));
	for (i = 0; i < t->columns.count; i++)
		if (((vb_column *) t->columns.items[i])->generated_source)
			op->search_schema = t->schema;

	/*
	 * Unique constraints come as ALTER TABLE statements: inside CREATE TABLE,
	 * PostgreSQL silently drops one that repeats the primary key or another
	 * unique constraint. On a table this plan creates, they and its indexes
	 * and FKs scan nothing and block no one.
	 */
	for (i = 0; i < t->uniques.count; i++)
		vb_add_key(d, t, t->uniques.items[i], false)->hazards = 0;
	for (i = 0; i < t->indexes.count; i++)
		vb_create_index(d, t, t->indexes.items[i])->hazards = 0;
	for (i = 0; i < t->foreign_keys.count; i++)
		vb_add_foreign_key(d, t, t->foreign_keys.items[i])->hazards = 0;
	/* checks apart too: inside CREATE TABLE, NOT VALID would be ignored */
	for (i = 0; i < t->checks.count; i++)
		vb_add_check(d, t, t->checks.items[i])->hazards = 0;
	vb_diff_comments(d, NULL, t);
	vb_comment_new_objects(d, t);
}

bool
vb_diff(vb_arena *arena, const vb_schema *current, const vb_schema *desired,
		const vb_options *opts, vb_plan **out, vb_error *err)
{
	vb_differ		d;
	vb_options	no_options;
	int			i;
	int			j;

	memset(&d, 0, sizeof(d));
	memset(&no_options, 0, sizeof(no_options));
	d.a = arena;
	d.err = err;
	d.cur = current;
	d.des = desired;
	d.opts = opts ? opts : &no_options;
	d.plan = vb_alloc(arena, sizeof(vb_plan));
	vb_map_init(&d.pair_by_cur, arena, current->tables.count);
	vb_map_init(&d.pair_by_des, arena, desired->tables.count);
	vb_map_init(&d.enum_type_map, arena, 4);
	vb_map_init(&d.default_dropped, arena, 4);
	vb_map_init(&d.rebuilt_keys, arena, 4);
	vb_map_init(&d.des_tables, arena, desired->tables.count);
	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];

		vb_map_put(&d.des_tables, vb_key2(arena, t->schema, t->name), t);
	}

	if (!vb_check_document(arena, desired, err) || !name_desired_objects(&d))
		return false;

	for (i = 0; i < desired->schemas.count; i++)
		if (!vb_list_contains_str(&current->schemas, desired->schemas.items[i]))
		{
			vb_operation *op = vb_new_op(&d, VB_OP_CREATE_SCHEMA, desired->schemas.items[i], NULL,
									  desired->schemas.items[i]);

			vb_add_sql(&d, op, vb_printf(arena, "CREATE SCHEMA %s",
									  vb_quote_ident(arena, desired->schemas.items[i])));
		}

	if (!vb_diff_enums(&d) || !vb_pair_tables(&d) || !vb_diff_check_holders(&d))
		return false;
	for (i = 0; i < d.pairs.count; i++)
		if (!vb_diff_columns(&d, d.pairs.items[i]))
			return false;
	if (!vb_diff_enum_contents(&d))
		return false;
	for (i = 0; i < d.pairs.count; i++)
		if (!vb_diff_column_changes(&d, d.pairs.items[i]))
			return false;
	/* keys and indexes of every table before any FK: an FK depends on the
	 * key it references */
	for (i = 0; i < d.pairs.count; i++)
	{
		vb_table_pair *p = d.pairs.items[i];
		vb_list		cur_pk;
		vb_list		des_pk;

		memset(&cur_pk, 0, sizeof(cur_pk));
		memset(&des_pk, 0, sizeof(des_pk));
		if (p->cur->primary_key)
			vb_list_push(arena, &cur_pk, p->cur->primary_key);
		if (p->des->primary_key)
			vb_list_push(arena, &des_pk, p->des->primary_key);
		vb_diff_keys(&d, p, &cur_pk, &des_pk, true);
		vb_diff_keys(&d, p, &p->cur->uniques, &p->des->uniques, false);
		vb_diff_indexes(&d, p);
		vb_diff_checks(&d, p);
		vb_diff_comments(&d, p->cur, p->des);
		vb_diff_storage(&d, p->des->schema, p->des->name, NULL, &p->cur->with, &p->des->with);
	}
	for (i = 0; i < d.pairs.count; i++)
	{
		vb_table_pair *p = d.pairs.items[i];

		vb_diff_foreign_keys(&d, p);
		vb_emit_renames(&d, p, &p->object_renames);
	}
	for (j = 0; j < desired->tables.count; j++)
	{
		vb_table   *t = desired->tables.items[j];

		if (!vb_map_get(&d.pair_by_des, vb_key2(arena, t->schema, t->name)))
		{
			for (i = 0; i < t->columns.count; i++)
			{
				vb_column  *c = t->columns.items[i];

				if (c->auto_increment && !vb_integer_type(c->type))
					return vb_fail(err, arena, VB_ERR_INVALID, c->path,
								   "%s: autoIncrement needs smallint, integer or bigint, not %s",
								   c->path ? c->path : c->name, c->type);
			}
			create_table(&d, t);
		}
	}

	if (d.plan->operations.count > 1)
		qsort(d.plan->operations.items, (size_t) d.plan->operations.count,
		  sizeof(void *), vb_compare_ops);
	for (i = 0; i < current->unmanaged.count; i++)
		vb_list_push(arena, &d.plan->unmanaged, current->unmanaged.items[i]);
	*out = d.plan;
	return true;
}
