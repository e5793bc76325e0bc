/*
 * diff_holders.c — names the document needs that an object viborm leaves
 * alone already holds (VB008).
 *
 * viborm never alters or drops what it does not manage: a view, a
 * free-standing sequence, a domain, an object of an extension, an exclusion
 * constraint or a key with INCLUDE columns (and the index behind it). When
 * the document needs one of their names — a table or an index named like a
 * view, an enum named like a domain, a check named like an exclusion
 * constraint of its table — the statement that creates or renames the
 * document's object would fail half-way through the push ("relation ...
 * already exists"). The plan is refused before anything runs instead,
 * naming every conflict.
 *
 * PostgreSQL has three namespaces here: relation names of a schema
 * (tables, indexes, sequences, views, ...), type names of a schema (every
 * table also has a row type), and constraint names of a table.
 */
#include <string.h>

#include "diff_internal.h"

typedef struct holder_check
{
	vb_arena   *a;
	vb_map		holders;		/* key3(space, schema[.table], name) ->
								 * vb_name_holder */
	vb_buf		detail;
	int			count;
	const vb_name_holder *first;
	const char *first_need;
	const char *first_path;
} holder_check;

static char *
holder_key(vb_arena *a, char space, const char *schema, const char *table, const char *name)
{
	return vb_key3(a, space == 'c' ? "c" : space == 't' ? "t" : "r",
				   table ? vb_key2(a, schema, table) : schema, name);
}

/*
 * The document's tables by the current table they will be, before the
 * differ has paired them: by name, else by renamedFrom (as vb_pair_tables
 * pairs them first). A table dropped, or paired by a resolution, is not
 * there.
 */
static void
early_pairs(vb_arena *a, const vb_schema *desired, vb_map *out)
{
	int			i;

	vb_map_init(out, a, desired->tables.count * 2 + 1);
	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];

		vb_map_put(out, vb_key2(a, t->schema, t->name), t);
	}
	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];
		const char *dot;
		char	   *key;

		if (t->renamed_from == NULL)
			continue;
		dot = strchr(t->renamed_from, '.');
		key = dot ? vb_key2(a, vb_strndup(a, t->renamed_from, (size_t) (dot - t->renamed_from)), dot + 1)
			: vb_key2(a, t->schema, t->renamed_from);
		if (vb_map_get(out, key) == NULL)
			vb_map_put(out, key, t);
	}
}

/*
 * Where a holder's name lives once the plan has run. One that belongs to
 * no table stays where it is. One that belongs to a table follows it (an
 * index moves with its table's SET SCHEMA, a constraint takes the table's
 * new name) and goes with a table the plan drops. After pairing (d set)
 * the differ's pairs say; before, `early` (early_pairs). False: the holder
 * does not count.
 */
static bool
place_holder(vb_arena *a, vb_differ *d, vb_map *early, const vb_name_holder *h,
			 const char **schema, const char **table)
{
	const vb_table *t;

	*schema = h->schema;
	*table = NULL;
	if (h->table == NULL)
		return h->space != 'c';
	if (d)
	{
		vb_table_pair *p = vb_map_get(&d->pair_by_cur, vb_key2(a, h->schema, h->table));

		t = p ? p->des : NULL;
	}
	else
		t = vb_map_get(early, vb_key2(a, h->schema, h->table));
	if (t == NULL)
		return false;			/* dropped with its table, or unknown yet */
	*schema = t->schema;
	if (h->space == 'c')
		*table = t->name;
	return true;
}

/*
 * PostgreSQL chooses names for unnamed objects around the names already
 * taken, held ones included ("t_a_key1" when "t_a_key" is the name of a
 * key viborm leaves alone): put the held relation names into relnames
 * (key2(schema, name)), and the held constraint names into constraints
 * (key2(schema, table) -> vb_list of names), as the tables will be named.
 */
void
vb_held_names(vb_differ *d, vb_map *relnames, vb_map *constraints)
{
	vb_map		early;
	int			i;

	if (d->cur->name_holders.count == 0)
		return;
	early_pairs(d->a, d->des, &early);
	for (i = 0; i < d->cur->name_holders.count && !vb_should_stop(d->a); i++)
	{
		const vb_name_holder *h = d->cur->name_holders.items[i];
		const char *schema;
		const char *table;
		vb_list    *names;

		if (!place_holder(d->a, NULL, &early, h, &schema, &table))
			continue;
		if (h->space == 'r')
			vb_map_put(relnames, vb_key2(d->a, schema, h->name), (void *) h);
		if (h->space != 'c')
			continue;
		names = vb_map_get(constraints, vb_key2(d->a, schema, table));
		if (names == NULL)
		{
			names = vb_alloc(d->a, sizeof(vb_list));
			vb_map_put(constraints, vb_key2(d->a, schema, table), names);
		}
		vb_list_push(d->a, names, h->name);
	}
}

/* One name the document needs: `what` and `path` describe the object. */
static void
need(holder_check *hc, char space, const char *schema, const char *table, const char *name,
	 const char *what, const char *path)
{
	const vb_name_holder *h;
	const char *in;

	if (name == NULL)
		return;					/* unnamed yet: named around held names */
	h = vb_map_get(&hc->holders, holder_key(hc->a, space, schema, table, name));
	if (h == NULL)
		return;
	in = space == 'c' ? vb_printf(hc->a, "constraint name \"%s\" on %s.%s", name, schema, table) :
		vb_printf(hc->a, "%s name \"%s\" in schema %s", space == 't' ? "type" : "relation",
				  name, schema);
	vb_buf_appendf(&hc->detail, "%s%s (%s) needs the %s, held by %s.", hc->count ? "\n" : "",
				   path ? path : what, what, in, h->what);
	if (hc->count++ == 0)
	{
		hc->first = h;
		hc->first_need = in;
		hc->first_path = path;
	}
}

static void
need_relation(holder_check *hc, const vb_table *t, const char *name, const char *what,
			  const char *path)
{
	need(hc, 'r', t->schema, NULL, name, what, path);
}

static void
need_constraint(holder_check *hc, const vb_table *t, const char *name, const char *kind,
				const char *path)
{
	if (name == NULL)
		return;
	need(hc, 'c', t->schema, t->name, name,
		 vb_printf(hc->a, "%s %s of %s.%s", kind, name, t->schema, t->name), path);
}

/* Every name one table of the document needs. */
static void
table_needs(holder_check *hc, const vb_table *t)
{
	vb_arena   *a = hc->a;
	const char *tname = vb_printf(a, "table %s.%s", t->schema, t->name);
	int			before = hc->count;
	int			i;

	need_relation(hc, t, t->name, tname, t->path);
	if (hc->count == before)	/* a view holds both names: say it once */
		need(hc, 't', t->schema, NULL, t->name, vb_printf(a, "the row type of %s", tname), t->path);
	if (t->primary_key)
	{
		need_constraint(hc, t, t->primary_key->name, "primary key", t->primary_key->path);
		need_relation(hc, t, t->primary_key->name,
					  vb_printf(a, "the index of primary key %s", t->primary_key->name),
					  t->primary_key->path);
	}
	for (i = 0; i < t->uniques.count; i++)
	{
		vb_key	   *k = t->uniques.items[i];

		need_constraint(hc, t, k->name, "unique constraint", k->path);
		need_relation(hc, t, k->name, vb_printf(a, "the index of unique constraint %s", k->name),
					  k->path);
	}
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];

		need_relation(hc, t, ix->name, vb_printf(a, "index %s.%s", t->schema, ix->name), ix->path);
	}
	for (i = 0; i < t->foreign_keys.count; i++)
		need_constraint(hc, t, ((vb_foreign_key *) t->foreign_keys.items[i])->name, "foreign key",
						((vb_foreign_key *) t->foreign_keys.items[i])->path);
	for (i = 0; i < t->checks.count; i++)
		need_constraint(hc, t, ((vb_check *) t->checks.items[i])->name, "check",
						((vb_check *) t->checks.items[i])->path);
	/* the sequences of serial-style and identity columns, named as
	 * PostgreSQL names them (the differ renames them to that name) */
	for (i = 0; i < t->columns.count; i++)
	{
		vb_column  *c = t->columns.items[i];
		vb_list		col = {0};
		char	   *seq;

		if (!c->auto_increment && c->identity == VB_IDENTITY_NONE)
			continue;
		vb_list_push(a, &col, c->name);
		seq = vb_dialect_pg.default_name(a, VB_NAME_SEQUENCE, t->name, &col, 0);
		need_relation(hc, t, seq, vb_printf(a, "the sequence %s.%s of column %s", t->schema, seq,
											c->name), c->path);
	}
}

static bool
check_holders(vb_arena *a, vb_differ *d, const vb_schema *current, const vb_schema *desired,
			  vb_error *err)
{
	holder_check hc;
	vb_map		early;
	int			i;

	if (current->name_holders.count == 0)
		return true;
	memset(&hc, 0, sizeof(hc));
	hc.a = a;
	if (d == NULL)
		early_pairs(a, desired, &early);
	vb_buf_init(&hc.detail, a);
	vb_map_init(&hc.holders, a, current->name_holders.count);
	for (i = 0; i < current->name_holders.count; i++)
	{
		vb_name_holder *h = current->name_holders.items[i];
		const char *schema;
		const char *table;

		if (place_holder(a, d, &early, h, &schema, &table))
			vb_map_put(&hc.holders, holder_key(a, h->space, schema, table, h->name), h);
	}
	for (i = 0; i < desired->tables.count; i++)
		table_needs(&hc, desired->tables.items[i]);
	for (i = 0; i < desired->enums.count; i++)
	{
		vb_enum    *e = desired->enums.items[i];

		need(&hc, 't', e->schema, NULL, e->name, vb_printf(a, "enum %s.%s", e->schema, e->name),
			 e->path);
	}
	if (hc.count == 0)
		return true;
	vb_fail(err, a, VB_ERR_DEPENDENCY, hc.first_path,
			"%s needs the %s, held by %s, which viborm leaves alone%s",
			hc.first_path ? hc.first_path : "the document", hc.first_need, hc.first->what,
			hc.count > 1 ? vb_printf(a, " (and %d more)", hc.count - 1) : "");
	err->detail = hc.detail.data;
	err->hint = vb_strdup(a, "Rename or drop that object, or give the document's object another name. Nothing was applied.");
	return false;
}

bool
vb_check_name_holders(vb_arena *arena, const vb_schema *current, const vb_schema *desired,
					  vb_error *err)
{
	return check_holders(arena, NULL, current, desired, err);
}

/* After naming and pairing: every name, holders placed where the plan
 * leaves them. */
bool
vb_diff_check_holders(vb_differ *d)
{
	return check_holders(d->a, d, d->cur, d->des, d->err);
}
