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
 *   3. build operations that say what changes (vb_change), with their
 *      guards and destructiveness;
 *   4. hand them to the dialect, which writes their statements, guard
 *      queries and hazards, and order them by phase (dialect.h).
 *
 * Lookups go through hash maps so the cost stays linear in the schema size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

/* ---- the desired side: names and validation ------------------------------ */

/*
 * The name the database would choose for an unnamed object, the next
 * alternative while the name is taken in its scope.
 */
static char *
choose_name(vb_differ *d, vb_map *taken, vb_name_kind kind, const char *scope,
			const char *table, const vb_list *columns)
{
	char	   *first = d->dl->default_name(d->a, kind, table, columns, 0);
	char	   *tried = vb_key3(d->a, "\x01", scope, first);
	char	   *name = first;
	int			pass = (int) (size_t) vb_map_get(taken, tried);

	/*
	 * The numbers tried for this default name so far are remembered (under
	 * a key no name can have), so that many unnamed objects with the same
	 * default name do not try the same numbers again and again.
	 */
	while (vb_map_get(taken, vb_key2(d->a, scope, name)))
		name = d->dl->default_name(d->a, kind, table, columns, ++pass);
	vb_map_put(taken, tried, (void *) (size_t) pass);
	vb_map_put(taken, vb_key2(d->a, scope, name), (void *) 1);
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

/* "a, b" (for messages) */
static char *
names_text(vb_arena *a, const vb_list *names)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < names->count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? ", " : "", (const char *) names->items[i]);
	return buf.data;
}

/*
 * The JSON path a managed schema comes from: the first table or enum in
 * it, else the document's own list of schemas.
 */
static const char *
schema_origin(vb_arena *a, const vb_schema *desired, int index)
{
	const char *s = desired->schemas.items[index];
	int			i;

	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];

		if (t->path && strcmp(t->schema, s) == 0)
			return vb_printf(a, "%s.schema", t->path);
	}
	for (i = 0; i < desired->enums.count; i++)
	{
		vb_enum    *e = desired->enums.items[i];

		if (e->path && strcmp(e->schema, s) == 0)
			return vb_printf(a, "%s.schema", e->path);
	}
	return vb_printf(a, "schemas[%d]", index);
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
	vb_set		managed;
	vb_column_index columns;
	int			i;
	int			j;

	if (vb_should_stop(a))
		return vb_canceled(err, a);
	vb_set_init(&managed, a);
	vb_column_index_init(&columns, a);
	for (i = 0; i < desired->schemas.count; i++)
	{
		const char *s = desired->schemas.items[i];
		const char *why = vb_reserved_schema(s);

		vb_set_add(&managed, s);
		if (why)
		{
			const char *path = schema_origin(a, desired, i);

			return vb_fail(err, a, VB_ERR_INVALID, path,
						   "%s: schema \"%s\" %s and cannot be managed", path, s, why);
		}
	}
	vb_map_init(&tables, a, desired->tables.count);
	vb_map_init(&keys, a, desired->tables.count * 2);
	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];

		if (vb_should_stop(a))
			return vb_canceled(err, a);
		referenceable_keys(a, t, &keys);
		if (!vb_set_has(&managed, t->schema))
			return vb_fail(err, a, VB_ERR_INVALID, t->path,
						   "%s: table \"%s.%s\" is in schema \"%s\", which this push does not manage",
						   t->path ? t->path : t->name, t->schema, t->name, t->schema);
		vb_map_put(&tables, vb_key2(a, t->schema, t->name), t);
	}
	for (i = 0; i < desired->enums.count; i++)
	{
		vb_enum    *e = desired->enums.items[i];

		if (vb_should_stop(a))
			return vb_canceled(err, a);
		if (!vb_set_has(&managed, e->schema))
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

			vb_table   *rt;
			const char *problem;
			int			k;

			if (vb_should_stop(a))
				return vb_canceled(err, a);
			if (!vb_set_has(&managed, fk->ref_schema))
				continue;
			rt = vb_map_get(&tables, vb_key2(a, fk->ref_schema, fk->ref_table));
			if (rt == NULL)
				return vb_fail(err, a, VB_ERR_INVALID, fk->path,
							   "%s: the foreign key references table \"%s.%s\", which is not in the document",
							   fk->path ? fk->path : "foreignKeys", fk->ref_schema, fk->ref_table);
			for (k = 0; k < fk->ref_columns.count; k++)
				if (vb_column_lookup(&columns, rt, fk->ref_columns.items[k]) == NULL)
				{
					const char *p = vb_printf(a, "%s.referencedColumns[%d]",
											  fk->path ? fk->path : "foreignKeys", k);

					return vb_fail(err, a, VB_ERR_INVALID, p,
								   "%s: table \"%s.%s\" has no column \"%s\"", p,
								   fk->ref_schema, fk->ref_table, (char *) fk->ref_columns.items[k]);
				}
			if ((problem = referenced_key_problem(a, &keys, rt, &fk->ref_columns)) != NULL)
				return vb_fail(err, a, VB_ERR_INVALID, fk->path,
							   "%s: the foreign key references columns (%s) of table \"%s.%s\", but %s",
							   fk->path ? fk->path : "foreignKeys",
							   names_text(a, &fk->ref_columns), fk->ref_schema,
							   fk->ref_table, problem);
		}
	}
	return true;
}

static void
take(vb_differ *d, vb_map *taken, const char *scope, const char *name)
{
	if (name)
		vb_map_put(taken, vb_key2(d->a, scope, name), (void *) 1);
}

/* Names of the schemas' relations: tables, and named keys and indexes. */
static void
take_relation_names(vb_differ *d, vb_map *rel)
{
	int			i;
	int			j;

	vb_map_init(rel, d->a, d->des->tables.count * 4);
	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];

		take(d, rel, t->schema, t->name);
		if (t->primary_key)
			take(d, rel, t->schema, t->primary_key->name);
		for (j = 0; j < t->uniques.count; j++)
			take(d, rel, t->schema, ((vb_key *) t->uniques.items[j])->name);
		for (j = 0; j < t->indexes.count; j++)
			take(d, rel, t->schema, ((vb_index *) t->indexes.items[j])->name);
	}
}

/* The name of an unnamed object of table t, in the scope of its kind. */
static char *
name_in_scope(vb_differ *d, vb_map *rel, vb_map *con, vb_name_kind kind, const vb_table *t,
			  const vb_list *columns)
{
	bool		schema_scope = d->dl->name_scope(kind) == VB_SCOPE_SCHEMA;

	return choose_name(d, schema_scope ? rel : con, kind, schema_scope ? t->schema : "",
					   t->name, columns);
}

static void
name_keys_and_indexes(vb_differ *d, vb_map *rel, vb_map *con, vb_table *t)
{
	int			j;
	int			k;

	if (t->primary_key && t->primary_key->name == NULL)
		t->primary_key->name = name_in_scope(d, rel, con, VB_NAME_PRIMARY_KEY, t, NULL);
	for (j = 0; j < t->uniques.count; j++)
	{
		vb_key	   *key = t->uniques.items[j];

		if (key->name == NULL)
			key->name = name_in_scope(d, rel, con, VB_NAME_UNIQUE, t, &key->columns);
	}
	for (j = 0; j < t->indexes.count; j++)
	{
		vb_index   *ix = t->indexes.items[j];
		vb_list		parts = {0};

		if (ix->name)
			continue;
		/* PostgreSQL names an index after its key and INCLUDE columns */
		for (k = 0; k < ix->columns.count; k++)
			vb_list_push(d->a, &parts, ix->columns.items[k]);
		for (k = 0; k < ix->include.count; k++)
			vb_list_push(d->a, &parts, ix->include.items[k]);
		ix->name = name_in_scope(d, rel, con, VB_NAME_INDEX, t, &parts);
	}
}

/* FKs and checks, numbered past the table's other constraint names. */
static void
name_constraints(vb_differ *d, vb_map *rel, vb_map *con, vb_table *t)
{
	int			j;

	if (t->primary_key)
		take(d, con, "", t->primary_key->name);
	for (j = 0; j < t->uniques.count; j++)
		take(d, con, "", ((vb_key *) t->uniques.items[j])->name);
	for (j = 0; j < t->foreign_keys.count; j++)
		take(d, con, "", ((vb_foreign_key *) t->foreign_keys.items[j])->name);
	for (j = 0; j < t->checks.count; j++)
		take(d, con, "", ((vb_check *) t->checks.items[j])->name);
	for (j = 0; j < t->foreign_keys.count; j++)
	{
		vb_foreign_key *fk = t->foreign_keys.items[j];

		if (fk->name == NULL)
			fk->name = name_in_scope(d, rel, con, VB_NAME_FOREIGN_KEY, t, &fk->columns);
	}
	for (j = 0; j < t->checks.count; j++)
	{
		vb_check   *ck = t->checks.items[j];
		vb_list		one = {0};

		if (ck->name_column)
			vb_list_push(d->a, &one, ck->name_column);
		if (ck->name == NULL)
			ck->name = name_in_scope(d, rel, con, VB_NAME_CHECK, t,
									 ck->name_column ? &one : NULL);
	}
}

/*
 * Give unnamed objects the names the database would choose, unique in the
 * scope the dialect gives their kind (PostgreSQL: keys and indexes among
 * the schema's relations, FKs and checks among the table's constraints).
 */
static void
name_desired_objects(vb_differ *d)
{
	vb_map		rel;
	vb_map		con;
	vb_map		held_constraints;
	vb_list    *held;
	int			i;
	int			j;

	take_relation_names(d, &rel);
	/* names objects viborm leaves alone hold: named around, as PostgreSQL does */
	vb_map_init(&held_constraints, d->a, 8);
	vb_held_names(d, &rel, &held_constraints);
	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];

		vb_map_init(&con, d->a, t->foreign_keys.count + t->checks.count + 4);
		held = vb_map_get(&held_constraints, vb_key2(d->a, t->schema, t->name));
		for (j = 0; held && j < held->count; j++)
			take(d, &con, "", held->items[j]);
		name_keys_and_indexes(d, &rel, &con, t);
		name_constraints(d, &rel, &con, t);
	}
}

/* autoIncrement needs one of the dialect's integer types. */
/*
 * The checks PostgreSQL makes of an identity column's sequence (init_params)
 * before it creates one, so that diff and dry runs refuse what push could
 * not apply: an integer type, MINVALUE and MAXVALUE within its range and in
 * order, START between them. The column's type must be canonical (identity
 * columns are PostgreSQL's alone: vb_check_dialect refuses them elsewhere).
 */
static bool
check_identity(vb_differ *d, const vb_column *c)
{
	vb_arena   *a = d->a;
	const char *p = vb_printf(a, "%s.identity", c->path ? c->path : c->name);
	int			rank = d->dl->integer_rank(c->type);
	long long	tmax = rank == 1 ? 32767 : rank == 2 ? 2147483647LL : 9223372036854775807LL;
	long long	tmin = -tmax - 1;
	vb_seq_options e;

	if (c->identity == VB_IDENTITY_NONE)
		return true;
	if (rank == 0)
		return vb_fail(d->err, a, VB_ERR_INVALID, p,
					   "%s: an identity column needs %s, not %s", p, d->dl->integer_types, c->type);
	e = vb_seq_effective(c->type, &c->seq);
	if (e.min < tmin || e.min > tmax)
		return vb_fail(d->err, a, VB_ERR_INVALID, vb_printf(a, "%s.min", p),
					   "%s.min (%lld) is out of range for %s", p, e.min, c->type);
	if (e.max < tmin || e.max > tmax)
		return vb_fail(d->err, a, VB_ERR_INVALID, vb_printf(a, "%s.max", p),
					   "%s.max (%lld) is out of range for %s", p, e.max, c->type);
	if (e.min >= e.max)
		return vb_fail(d->err, a, VB_ERR_INVALID, p,
					   "%s: min (%lld) must be less than max (%lld)", p, e.min, e.max);
	if (e.start < e.min || e.start > e.max)
		return vb_fail(d->err, a, VB_ERR_INVALID, vb_printf(a, "%s.start", p),
					   "%s.start (%lld) must lie between min (%lld) and max (%lld)",
					   p, e.start, e.min, e.max);
	return true;
}

/* What the database would refuse in the document's columns, refused before
 * anything is planned (their types are canonical by now). */
static bool
check_columns(vb_differ *d)
{
	int			i;
	int			j;

	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];

		STOP_CHECK(d);
		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];

			if (c->auto_increment && d->dl->integer_rank(c->type) == 0)
				return vb_fail(d->err, d->a, VB_ERR_INVALID, c->path,
							   "%s: autoIncrement needs %s, not %s",
							   c->path ? c->path : c->name, d->dl->integer_types, c->type);
			if (!check_identity(d, c))
				return false;
		}
	}
	return true;
}

static void
create_table(vb_differ *d, vb_table *t)
{
	vb_operation *op = vb_new_op(d, VB_OP_CREATE_TABLE, t->schema, t->name, t->name);

	op->change.table = t;
	vb_create_table_objects(d, t);
}

/* A paired table and its columns' counterparts, for the dialect. */
static vb_table_change *
table_change(vb_differ *d, vb_table_pair *p)
{
	vb_table_change *tc = vb_alloc(d->a, sizeof(vb_table_change));
	int			i;

	tc->cur = p->cur;
	tc->des = p->des;
	for (i = 0; i < p->des->columns.count; i++)
	{
		const vb_column *dc = p->des->columns.items[i];

		vb_list_push(d->a, &tc->sources,
					 vb_map_get(&p->recreated_columns, dc->name) ? NULL :
					 vb_map_get(&p->des_col_to_cur, dc->name));
	}
	return tc;
}

static void
init_differ(vb_differ *d, vb_arena *arena, const vb_dialect *dialect, const vb_schema *current,
			const vb_schema *desired, const vb_options *opts, vb_error *err)
{
	int			i;

	memset(d, 0, sizeof(*d));
	d->a = arena;
	d->err = err;
	d->dl = dialect;
	d->cur = current;
	d->des = desired;
	d->opts = opts;
	d->plan = vb_alloc(arena, sizeof(vb_plan));
	d->plan->dialect = dialect;
	vb_map_init(&d->pair_by_cur, arena, current->tables.count);
	vb_map_init(&d->pair_by_des, arena, desired->tables.count);
	vb_map_init(&d->enum_type_map, arena, 4);
	vb_map_init(&d->changed_types, arena, 4);
	vb_map_init(&d->default_dropped, arena, 4);
	vb_map_init(&d->rebuilt_keys, arena, 4);
	vb_column_index_init(&d->columns, arena);
	vb_set_init(&d->managed, arena);
	for (i = 0; i < desired->schemas.count; i++)
		vb_set_add(&d->managed, desired->schemas.items[i]);
	vb_map_init(&d->des_tables, arena, desired->tables.count);
	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];

		vb_map_put(&d->des_tables, vb_key2(arena, t->schema, t->name), t);
	}
	vb_map_init(&d->cur_enums, arena, current->enums.count);
	for (i = 0; i < current->enums.count; i++)
	{
		vb_enum    *e = current->enums.items[i];

		vb_map_put(&d->cur_enums, dialect->qualified(arena, e->schema, e->name), e);
	}
	vb_map_init(&d->des_enums, arena, desired->enums.count);
	for (i = 0; i < desired->enums.count; i++)
	{
		vb_enum    *e = desired->enums.items[i];

		vb_map_put(&d->des_enums, dialect->qualified(arena, e->schema, e->name), e);
	}
}

bool
vb_diff(vb_arena *arena, const vb_dialect *dialect, const vb_schema *current,
		const vb_schema *desired, const vb_options *opts, vb_plan **out, vb_error *err)
{
	vb_differ	d;
	vb_options	no_options;
	vb_set		schemas;
	int			i;

	memset(&no_options, 0, sizeof(no_options));
	init_differ(&d, arena, dialect, current, desired, opts ? opts : &no_options, err);
	if (!vb_check_document(arena, desired, err) || !vb_check_dialect(arena, dialect, desired, err) ||
		!check_columns(&d))
		return false;
	name_desired_objects(&d);
	STOP_CHECK(&d);

	vb_set_init(&schemas, arena);
	for (i = 0; i < current->schemas.count; i++)
		vb_set_add(&schemas, current->schemas.items[i]);
	for (i = 0; dialect->can.schemas && i < desired->schemas.count; i++)
		if (!vb_set_has(&schemas, desired->schemas.items[i]))
			vb_new_op(&d, VB_OP_CREATE_SCHEMA, desired->schemas.items[i], NULL,
					  desired->schemas.items[i]);

	vb_diff_enums(&d);
	STOP_CHECK(&d);
	vb_pair_tables(&d);
	STOP_CHECK(&d);
	if (!vb_diff_check_holders(&d))
		return false;
	for (i = 0; i < d.pairs.count && !vb_should_stop(arena); i++)
		vb_diff_columns(&d, d.pairs.items[i]);
	STOP_CHECK(&d);
	vb_diff_enum_contents(&d);
	for (i = 0; i < d.pairs.count && !vb_should_stop(arena); i++)
		vb_diff_column_changes(&d, d.pairs.items[i]);
	/* keys and indexes of every table before any FK: an FK depends on the
	 * key it references */
	for (i = 0; i < d.pairs.count; i++)
	{
		vb_table_pair *p = d.pairs.items[i];
		vb_list		cur_pk = {0};
		vb_list		des_pk = {0};

		STOP_CHECK(&d);
		if (p->cur->primary_key)
			vb_list_push(arena, &cur_pk, p->cur->primary_key);
		if (p->des->primary_key)
			vb_list_push(arena, &des_pk, p->des->primary_key);
		vb_diff_keys(&d, p, &cur_pk, &des_pk, true);
		vb_diff_keys(&d, p, &p->cur->uniques, &p->des->uniques, false);
		vb_diff_indexes(&d, p);
		vb_diff_checks(&d, p);
		vb_diff_comments(&d, p->cur, p->des);
		vb_diff_storage(&d, p->des, NULL, &p->cur->with, &p->des->with);
		vb_diff_table_options(&d, p);
	}
	for (i = 0; i < d.pairs.count; i++)
	{
		vb_table_pair *p = d.pairs.items[i];

		STOP_CHECK(&d);
		vb_diff_foreign_keys(&d, p);
		vb_emit_renames(&d, p, &p->object_renames);
	}
	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];

		STOP_CHECK(&d);
		if (!vb_map_get(&d.pair_by_des, vb_key2(arena, t->schema, t->name)))
			create_table(&d, t);
	}
	for (i = 0; i < current->unmanaged.count; i++)
		vb_list_push(arena, &d.plan->unmanaged, current->unmanaged.items[i]);
	for (i = 0; i < d.pairs.count; i++)
		vb_list_push(arena, &d.plan->tables, table_change(&d, d.pairs.items[i]));
	STOP_CHECK(&d);
	if (!vb_plan_write(&d))
		return false;
	*out = d.plan;
	return true;
}
