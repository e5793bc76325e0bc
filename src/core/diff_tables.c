/*
 * diff_tables.c — tables and columns: pairing (names, renamedFrom,
 * resolutions, rename candidates), renames, drops, additions, comments and
 * the changes of the columns that stay.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

/* ---- tables -------------------------------------------------------------------- */

typedef struct table_ctx
{
	const vb_schema *cur;
	const vb_schema *des;
} table_ctx;

/* VibORM's heuristic: the column names overlap by 70 % or more. */
static bool
table_candidate(vb_differ *d, void *ctx, int ci, int di)
{
	table_ctx  *tc = ctx;
	vb_table   *c = tc->cur->tables.items[ci];
	vb_table   *t = tc->des->tables.items[di];
	int			common = 0;
	int			i;
	int			most;

	for (i = 0; i < t->columns.count; i++)
		if (vb_column_lookup(&d->columns, c, ((vb_column *) t->columns.items[i])->name))
			common++;
	most = c->columns.count > t->columns.count ? c->columns.count : t->columns.count;
	return most > 0 && common * 10 >= most * 7;
}

static vb_table_pair *
new_pair(vb_differ *d, vb_table *c, vb_table *t)
{
	vb_table_pair *p = vb_alloc(d->a, sizeof(vb_table_pair));

	p->cur = c;
	p->des = t;
	vb_map_init(&p->cur_col_to_des, d->a, c->columns.count);
	vb_map_init(&p->des_col_to_cur, d->a, c->columns.count);
	vb_map_init(&p->type_changed, d->a, 4);
	vb_map_init(&p->recreated_columns, d->a, 4);
	vb_map_put(&d->pair_by_cur, vb_key2(d->a, c->schema, c->name), p);
	vb_map_put(&d->pair_by_des, vb_key2(d->a, t->schema, t->name), p);
	vb_list_push(d->a, &d->pairs, p);
	return p;
}

/* A table that goes: its FKs first, so tables that reference each other
 * can be dropped in any order. */
static void
drop_table(vb_differ *d, vb_table *c)
{
	vb_operation *op;
	int			j;

	for (j = 0; j < c->foreign_keys.count; j++)
	{
		vb_foreign_key *fk = c->foreign_keys.items[j];

		if (strcmp(fk->ref_schema, c->schema) == 0 && strcmp(fk->ref_table, c->name) == 0)
			continue;
		op = vb_new_op(d, VB_OP_DROP_FOREIGN_KEY, c->schema, c->name, fk->name);
		op->change.cur_table = c;
		op->change.fk = fk;
	}
	op = vb_new_op(d, VB_OP_DROP_TABLE, c->schema, c->name, c->name);
	op->change.cur_table = c;
	vb_make_destructive(op, vb_printf(d->a, "drops table %s.%s and all its rows", c->schema, c->name));
}

void
vb_pair_tables(vb_differ *d)
{
	vb_pairing pr;
	table_ctx	tc = {d->cur, d->des};
	int			i;
	int			j;

	vb_pairing_alloc(d, &pr, d->cur->tables.count, d->des->tables.count);
	pr.kind = "table";
	pr.candidate = table_candidate;
	pr.ctx = &tc;
	pr.cur_scopes = vb_alloc(d->a, sizeof(char *) * (size_t) (pr.ncur + 1));
	pr.des_scopes = vb_alloc(d->a, sizeof(char *) * (size_t) (pr.ndes + 1));
	pr.renamed_scopes = vb_alloc(d->a, sizeof(char *) * (size_t) (pr.ndes + 1));
	for (i = 0; i < pr.ncur && !vb_should_stop(d->a); i++)
	{
		vb_table   *c = d->cur->tables.items[i];

		pr.cur_names[i] = c->name;
		pr.cur_scopes[i] = c->schema;
	}
	for (j = 0; j < pr.ndes && !vb_should_stop(d->a); j++)
	{
		vb_table   *t = d->des->tables.items[j];
		const char *dot = t->renamed_from ? strchr(t->renamed_from, '.') : NULL;

		pr.des_names[j] = t->name;
		pr.des_scopes[j] = t->schema;
		/* renamedFrom "name", or "schema.name" for a table in another schema */
		pr.renamed_names[j] = dot ? (char *) dot + 1 : t->renamed_from;
		pr.renamed_scopes[j] = dot ? vb_strndup(d->a, t->renamed_from,
												(size_t) (dot - t->renamed_from)) : NULL;
	}
	vb_pair(d, &pr);
	for (j = 0; j < pr.ndes && !vb_should_stop(d->a); j++)
		if (pr.des_match[j] >= 0)
			new_pair(d, d->cur->tables.items[pr.des_match[j]], d->des->tables.items[j]);
	for (i = 0; i < pr.ncur && !vb_should_stop(d->a); i++)
		if (pr.cur_match[i] < 0)
			drop_table(d, d->cur->tables.items[i]);
}

/* ---- columns: pairing, renames, drops and additions ---------------------------------- */

static bool
column_candidate(vb_differ *d, void *ctx, int ci, int di)
{
	vb_table_pair *p = ctx;
	vb_column  *cc = p->cur->columns.items[ci];
	vb_column  *dc = p->des->columns.items[di];

	return strcmp(vb_mapped_type(d, cc->type), dc->type) == 0;
}

/* Columns are rename candidates only of columns of their type. */
static const char *
column_bucket(vb_differ *d, void *ctx, bool current, int index)
{
	vb_table_pair *p = ctx;

	if (current)
		return vb_mapped_type(d, ((vb_column *) p->cur->columns.items[index])->type);
	return ((vb_column *) p->des->columns.items[index])->type;
}

/*
 * Drop a generated column before the table's column changes and add it
 * again after them (phase ADD_GENERATED), so that changes to the columns it
 * reads never meet it; the way to change a generation expression, or to
 * make a plain column generated. Its indexes and constraints go with it and
 * come back (recreated_columns).
 */
void
vb_recreate_generated(vb_differ *d, vb_table_pair *p, vb_column *cc, vb_column *dc)
{
	vb_operation *drop = vb_new_op(d, VB_OP_DROP_COLUMN, p->des->schema, p->des->name, dc->name);
	vb_operation *add = vb_new_op(d, VB_OP_ADD_COLUMN, p->des->schema, p->des->name, dc->name);

	drop->change.cur_table = p->cur;
	drop->change.cur_column = cc;
	drop->change.recreate = true;
	if (cc->generated == NULL)
		vb_make_destructive(drop, vb_printf(d->a, "replaces the values of %s.%s.%s by generated ones",
											p->des->schema, p->des->name, dc->name));
	add->change.table = p->des;
	add->change.column = dc;
	add->change.recreate = true;
	vb_map_put(&p->recreated_columns, dc->name, (void *) 1);
}

static void
drop_column(vb_differ *d, vb_table_pair *p, vb_column *cc)
{
	vb_operation *op = vb_new_op(d, VB_OP_DROP_COLUMN, p->des->schema, p->des->name, cc->name);

	op->change.cur_table = p->cur;
	op->change.cur_column = cc;
	vb_make_destructive(op, vb_printf(d->a, "drops column %s.%s.%s and its data",
									  p->des->schema, p->des->name, cc->name));
}

static void
add_column(vb_differ *d, vb_table_pair *p, vb_column *dc)
{
	vb_operation *op = vb_new_op(d, VB_OP_ADD_COLUMN, p->des->schema, p->des->name, dc->name);

	op->change.table = p->des;
	op->change.column = dc;
	if (!dc->nullable && !dc->default_expr && !dc->auto_increment &&
		dc->identity == VB_IDENTITY_NONE && !dc->generated)
		vb_guard_table_empty(d, op, p, dc->name);
}

static void
rename_table(vb_differ *d, vb_table_pair *p)
{
	vb_operation *op = vb_new_op(d, VB_OP_RENAME_TABLE, p->des->schema, p->des->name, p->des->name);

	op->change.table = p->des;
	op->change.cur_table = p->cur;
}

void
vb_diff_columns(vb_differ *d, vb_table_pair *p)
{
	vb_table   *c = p->cur;
	vb_table   *t = p->des;
	vb_pairing	pr;
	int			i;
	int			j;

	vb_pairing_alloc(d, &pr, c->columns.count, t->columns.count);
	pr.kind = "column";
	pr.schema = t->schema;
	pr.table = t->name;
	pr.candidate = column_candidate;
	pr.bucket = column_bucket;
	pr.ctx = p;
	for (i = 0; i < pr.ncur; i++)
		pr.cur_names[i] = ((vb_column *) c->columns.items[i])->name;
	for (j = 0; j < pr.ndes; j++)
	{
		pr.des_names[j] = ((vb_column *) t->columns.items[j])->name;
		pr.renamed_names[j] = ((vb_column *) t->columns.items[j])->renamed_from;
	}
	vb_pair(d, &pr);
	for (i = 0; i < pr.ncur; i++)
		if (pr.cur_match[i] >= 0)
		{
			vb_map_put(&p->cur_col_to_des, pr.cur_names[i], t->columns.items[pr.cur_match[i]]);
			vb_map_put(&p->des_col_to_cur, pr.des_names[pr.cur_match[i]], c->columns.items[i]);
		}

	if (strcmp(c->schema, t->schema) != 0 || strcmp(c->name, t->name) != 0)
		rename_table(d, p);
	/* generated columns are dropped first: they depend on the others */
	for (i = 0; i < pr.ncur; i++)
		if (pr.cur_match[i] < 0 && ((vb_column *) c->columns.items[i])->generated)
			drop_column(d, p, c->columns.items[i]);
	for (i = 0; i < pr.ncur; i++)
	{
		if (pr.cur_match[i] < 0 && !((vb_column *) c->columns.items[i])->generated)
			drop_column(d, p, c->columns.items[i]);
		else if (pr.cur_match[i] >= 0 && strcmp(pr.cur_names[i], pr.des_names[pr.cur_match[i]]) != 0)
			vb_hold_rename(d, &p->column_renames, VB_OP_RENAME_COLUMN, pr.cur_names[i],
						   pr.des_names[pr.cur_match[i]]);
	}
	for (j = 0; j < pr.ndes; j++)
		if (pr.des_match[j] < 0)
			add_column(d, p, t->columns.items[j]);
	vb_emit_renames(d, p, &p->column_renames);
}

/* ---- comments ---------------------------------------------------------------------- */

static void
set_comment(vb_differ *d, const vb_table *t, const vb_column *col, const char *comment)
{
	vb_operation *op = vb_new_op(d, VB_OP_SET_COMMENT, t->schema, t->name,
								 col ? col->name : t->name);

	op->change.table = t;
	op->change.column = col;
	op->change.comment = comment;
}

/* Comments of a table and its columns (cur NULL: a new table). */
void
vb_diff_comments(vb_differ *d, const vb_table *cur, const vb_table *des)
{
	vb_table_pair *p = cur ? vb_map_get(&d->pair_by_des, vb_key2(d->a, des->schema, des->name)) : NULL;
	int			i;

	if (!vb_strs_equal(cur ? cur->comment : NULL, des->comment))
		set_comment(d, des, NULL, des->comment);
	for (i = 0; i < des->columns.count; i++)
	{
		vb_column  *dc = des->columns.items[i];
		vb_column  *cc = p ? vb_map_get(&p->des_col_to_cur, dc->name) : NULL;
		const char *have = cc && !vb_map_get(&p->recreated_columns, dc->name) ? cc->comment : NULL;

		if (!vb_strs_equal(have, dc->comment))
			set_comment(d, des, dc, dc->comment);
	}
}

/* ---- changes of the columns that stay ---------------------------------------------- */

/*
 * A type or collation change of a column that a generation expression
 * reads is refused by the database: such generated columns are re-created
 * (conservatively: every one whose expression contains the column's name).
 */
static void
recreate_readers_of_changed_columns(vb_differ *d, vb_table_pair *p)
{
	int			i;
	int			j;

	for (i = 0; i < p->des->columns.count; i++)
	{
		vb_column  *dc = p->des->columns.items[i];
		vb_column  *cc = vb_map_get(&p->des_col_to_cur, dc->name);

		if (cc == NULL || (strcmp(vb_mapped_type(d, cc->type), dc->type) == 0 &&
						   vb_strs_equal(cc->collation, dc->collation)))
			continue;
		for (j = 0; j < p->cur->columns.count; j++)
		{
			vb_column  *gc = p->cur->columns.items[j];
			vb_column  *gd = vb_map_get(&p->cur_col_to_des, gc->name);

			if (gc->generated && gd && gd->generated && gc != cc &&
				!vb_map_get(&p->recreated_columns, gd->name) &&
				strstr(gc->generated, cc->name))
				vb_recreate_generated(d, p, gc, gd);
		}
	}
}

static bool
same_sequence_options(const vb_column *cc, const char *cur_type, const vb_column *dc)
{
	vb_seq_options c = vb_seq_effective(cur_type, &cc->seq);
	vb_seq_options x = vb_seq_effective(dc->type, &dc->seq);

	return c.increment == x.increment && c.min == x.min && c.max == x.max &&
		c.start == x.start && c.cache == x.cache && c.cycle == x.cycle;
}

/* Serial-style and identity transitions, and the sequence's options. */
static unsigned
sequence_changes(const vb_column *cc, const char *cur_type, const vb_column *dc)
{
	unsigned	alter = 0;
	bool		ci = cc->identity != VB_IDENTITY_NONE;
	bool		di = dc->identity != VB_IDENTITY_NONE;

	if (cc->generated && !dc->generated)	/* keeps the values */
		alter |= VB_ALTER_EXPRESSION_DROPPED;
	if (cc->auto_increment && !dc->auto_increment)
		alter |= VB_ALTER_SERIAL_OFF;
	if (!cc->auto_increment && dc->auto_increment)
		alter |= VB_ALTER_SERIAL_ON;
	if (ci && !di)
		alter |= VB_ALTER_IDENTITY_OFF;
	else if (ci && cc->identity != dc->identity)
		alter |= VB_ALTER_IDENTITY_KIND;
	if (!ci && di)
		alter |= VB_ALTER_IDENTITY_ON;
	if (ci && di && !same_sequence_options(cc, cur_type, dc))
		alter |= VB_ALTER_SEQUENCE_OPTIONS;
	return alter;
}

/* The default the column keeps, and whether the document's differs. */
static unsigned
default_and_null_changes(const vb_change *c)
{
	const vb_column *cc = c->cur_column;
	const vb_column *dc = c->column;
	const char *have = c->default_dropped || cc->auto_increment ? NULL : c->cur_default;
	unsigned	alter = 0;

	if (!dc->auto_increment && !dc->generated && !vb_strs_equal(have, dc->default_expr))
		alter |= VB_ALTER_DEFAULT;
	if (cc->nullable && !dc->nullable)
		alter |= VB_ALTER_NOT_NULL;
	else if (!cc->nullable && dc->nullable)
		alter |= VB_ALTER_NULLABLE;
	return alter;
}

/* A type change: safe (CONTRACT §2) or destructive and guarded. */
static void
type_change(vb_differ *d, vb_table_pair *p, vb_operation *op)
{
	vb_change  *c = &op->change;
	const vb_column *dc = c->column;
	int			dims;
	vb_enum    *e;

	c->through_text = vb_through_text(d, c->cur_column, dc);
	vb_map_put(&p->type_changed, dc->name, (void *) 1);
	if (d->dl->safe_type_change(d->a, c->cur_type, dc->type, &c->rewrite))
		return;
	/* into an enum of the document: its values may not exist yet */
	e = vb_map_get(&d->des_enums, vb_element_type(d, dc->type, &dims));
	if (e)
		vb_guard_enum_target(d, op, p, c->cur_column, dims, e);
	else
		vb_guard_type_change(d, op, p, c->cur_column, dc);
	vb_make_destructive(op, vb_printf(d->a, "changes the type of %s.%s.%s from %s to %s, which can fail or lose data",
									  p->des->schema, p->des->name, dc->name, c->cur_type, dc->type));
}

/*
 * MySQL writes a column's charset and collation only where they differ
 * from its table's (mysql_canonical.c), so while the table's own stay the
 * same they compare as they are; when the table's change, a column that
 * names none follows its table, and the values it ends up with are
 * compared (a charset without a collation: that charset's default). On
 * PostgreSQL and SQLite there are no charsets: the collations compare.
 */
static const char *
effective_collation(const vb_table *t, const vb_column *c)
{
	if (c->collation)
		return c->collation;
	if (c->charset)
		return c->charset;		/* the charset's default collation */
	return t->collation;
}

static bool
same_charset_and_collation(const vb_table_pair *p, const vb_column *cc, const vb_column *dc)
{
	if (vb_strs_equal(p->cur->charset, p->des->charset) &&
		vb_strs_equal(p->cur->collation, p->des->collation))
		return vb_strs_equal(cc->charset, dc->charset) && vb_strs_equal(cc->collation, dc->collation);
	return vb_strs_equal(cc->charset ? cc->charset : p->cur->charset,
						 dc->charset ? dc->charset : p->des->charset) &&
		vb_strs_equal(effective_collation(p->cur, cc), effective_collation(p->des, dc));
}

/* A serial or identity column keeps its sequence, named as its column is. */
static void
rename_sequence(vb_differ *d, vb_table_pair *p, const vb_column *cc, const vb_column *dc)
{
	vb_list		col = {0};
	char	   *name;
	vb_operation *op;

	if (cc->sequence_name == NULL ||
		!((cc->auto_increment && dc->auto_increment) ||
		  (cc->identity != VB_IDENTITY_NONE && dc->identity != VB_IDENTITY_NONE)))
		return;
	vb_list_push(d->a, &col, dc->name);
	name = d->dl->default_name(d->a, VB_NAME_SEQUENCE, p->des->name, &col, 0);
	if (strcmp(cc->sequence_name, name) == 0)
		return;
	op = vb_new_op(d, VB_OP_RENAME_SEQUENCE, p->des->schema, p->des->name, name);
	op->change.table = p->des;
	op->change.from = cc->sequence_name;
	op->change.to = name;
}

/*
 * Changes to a column that stays: the aspects that differ (vb_change.alter),
 * with their guards and destructiveness; the dialect writes the statements.
 */
static void
diff_column(vb_differ *d, vb_table_pair *p, vb_column *cc, vb_column *dc)
{
	vb_change	c;
	vb_operation *op;

	if (vb_map_get(&p->recreated_columns, dc->name))
		return;					/* added again whole */
	/* a new expression, or VIRTUAL <-> STORED: no database changes that in place */
	if (dc->generated && (!vb_strs_equal(vb_mapped_predicate(d, p, cc->generated), dc->generated) ||
						  cc->generated_virtual != dc->generated_virtual))
	{
		vb_recreate_generated(d, p, cc, dc);
		return;
	}
	memset(&c, 0, sizeof(c));
	c.table = p->des;
	c.column = dc;
	c.cur_column = cc;
	c.cur_type = vb_mapped_type(d, cc->type);
	c.cur_default = vb_mapped_default(d, cc->default_expr);
	c.default_dropped = vb_map_get(&d->default_dropped,
								   vb_key3(d->a, p->des->schema, p->des->name, dc->name)) != NULL;
	c.alter = sequence_changes(cc, c.cur_type, dc) | default_and_null_changes(&c);
	if (strcmp(c.cur_type, dc->type) != 0)
		c.alter |= VB_ALTER_TYPE;
	else if (!same_charset_and_collation(p, cc, dc))
		c.alter |= VB_ALTER_COLLATION;
	if (!vb_strs_equal(cc->on_update, dc->on_update))
		c.alter |= VB_ALTER_ON_UPDATE;
	if (cc->invisible != dc->invisible)
		c.alter |= VB_ALTER_INVISIBLE;
	rename_sequence(d, p, cc, dc);
	if (c.alter == 0)
		return;
	op = vb_new_op(d, VB_OP_ALTER_COLUMN, p->des->schema, p->des->name, dc->name);
	op->change = c;
	if (c.alter & VB_ALTER_TYPE)
		type_change(d, p, op);
	/* a declared default fills the NULLs first; without one, a guard counts them */
	if ((c.alter & VB_ALTER_NOT_NULL) && !dc->default_expr)
		vb_guard_not_null(d, op, p, cc, dc->name);
}

/*
 * Changes to the columns that stay. Runs after enum value changes, which
 * may have dropped defaults that use a re-created type.
 */
void
vb_diff_column_changes(vb_differ *d, vb_table_pair *p)
{
	int			j;

	recreate_readers_of_changed_columns(d, p);
	for (j = 0; j < p->des->columns.count; j++)
	{
		vb_column  *dc = p->des->columns.items[j];
		vb_column  *cc = vb_map_get(&p->des_col_to_cur, dc->name);

		if (cc)
			diff_column(d, p, cc, dc);
	}
}

/*
 * MySQL's table options (engine, default charset and collation): changed
 * in place, the columns that follow the table's charset changed by their
 * own alterColumn (diff_column). Nothing to compare elsewhere: both sides
 * have none.
 */
void
vb_diff_table_options(vb_differ *d, vb_table_pair *p)
{
	vb_operation *op;

	if (vb_strs_equal(p->cur->engine, p->des->engine) &&
		vb_strs_equal(p->cur->charset, p->des->charset) &&
		vb_strs_equal(p->cur->collation, p->des->collation))
		return;
	op = vb_new_op(d, VB_OP_SET_TABLE_OPTIONS, p->des->schema, p->des->name, p->des->name);
	op->change.table = p->des;
	op->change.cur_table = p->cur;
}
