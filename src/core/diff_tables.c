/*
 * diff_tables.c — tables and columns: pairing (names, renamedFrom, resolutions, rename
 * candidates), renames, drops, additions and column changes.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

/* ---- tables: pairing ---------------------------------------------------------- */

typedef struct table_ctx
{
	const vb_schema *cur;
	const vb_schema *des;
	vb_set	  **columns;		/* column names of current table i, once asked */
} table_ctx;

static bool
table_candidate(vb_differ *d, void *ctx, int ci, int di)
{
	table_ctx  *tc = ctx;
	vb_table   *c = tc->cur->tables.items[ci];
	vb_table   *t = tc->des->tables.items[di];
	int			common = 0;
	int			i;
	int			most;

	if (tc->columns[ci] == NULL)
	{
		tc->columns[ci] = vb_alloc(d->a, sizeof(vb_set));
		vb_set_init(tc->columns[ci], d->a);
		for (i = 0; i < c->columns.count; i++)
			vb_set_add(tc->columns[ci], ((vb_column *) c->columns.items[i])->name);
	}
	for (i = 0; i < t->columns.count; i++)
		if (vb_set_has(tc->columns[ci], ((vb_column *) t->columns.items[i])->name))
			common++;
	most = c->columns.count > t->columns.count ? c->columns.count : t->columns.count;
	/* VibORM's heuristic: column names overlap by 70 % or more */
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

static void
split_qualified(vb_arena *a, const char *name, const char *dflt_schema,
				const char **schema, const char **rel)
{
	const char *dot = strchr(name, '.');

	if (dot)
	{
		*schema = vb_strndup(a, name, (size_t) (dot - name));
		*rel = dot + 1;
	}
	else
	{
		*schema = dflt_schema;
		*rel = name;
	}
}

/* The unpaired tables of one schema, current and desired. */
typedef struct schema_tables
{
	const char *schema;
	vb_list		cur;			/* indices, as pointers */
	vb_list		des;
} schema_tables;

static int *
indices(vb_arena *a, const vb_list *list)
{
	int		   *out = vb_alloc(a, sizeof(int) * (size_t) (list->count + 1));
	int			i;

	for (i = 0; i < list->count; i++)
		out[i] = (int) (size_t) list->items[i];
	return out;
}

/*
 * Resolve the rename questions of the tables that did not pair by name or
 * renamedFrom, schema by schema, in the order the document names schemas.
 */
static bool
table_renames(vb_differ *d, int *cur_match, int *des_match, char **cur_names, char **des_names)
{
	vb_arena   *a = d->a;
	vb_map		by_schema;
	vb_list		order;
	table_ctx	tc = {d->cur, d->des, NULL};
	int			i;

	tc.columns = vb_alloc(a, sizeof(vb_set *) * (size_t) (d->cur->tables.count + 1));
	vb_map_init(&by_schema, a, 8);
	memset(&order, 0, sizeof(order));
	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];
		schema_tables *st = vb_map_get(&by_schema, t->schema);

		if (st == NULL)
		{
			st = vb_alloc(a, sizeof(schema_tables));
			st->schema = t->schema;
			vb_map_put(&by_schema, t->schema, st);
			vb_list_push(a, &order, st);
		}
		if (des_match[i] < 0)
			vb_list_push(a, &st->des, (void *) (size_t) i);
	}
	for (i = 0; i < d->cur->tables.count; i++)
	{
		vb_table   *c = d->cur->tables.items[i];
		schema_tables *st = vb_map_get(&by_schema, c->schema);

		if (st && cur_match[i] < 0)
			vb_list_push(a, &st->cur, (void *) (size_t) i);
	}
	for (i = 0; i < order.count; i++)
	{
		schema_tables *st = order.items[i];
		vb_rename_set rs;

		if (vb_should_stop(a))
			return vb_canceled(d->err, a);
		if (st->cur.count == 0 || st->des.count == 0)
			continue;
		vb_rename_set_init(&rs, "table", st->schema, NULL, st->cur.count, cur_names, cur_match,
						   st->des.count, des_names, des_match, table_candidate, &tc);
		rs.cur_idx = indices(a, &st->cur);
		rs.des_idx = indices(a, &st->des);
		if (!vb_resolve_renames(d, &rs))
			return false;
	}
	return true;
}

bool
vb_pair_tables(vb_differ *d)
{
	vb_arena   *a = d->a;
	int			nc = d->cur->tables.count;
	int			nd = d->des->tables.count;
	int		   *cur_match = vb_alloc(a, sizeof(int) * (size_t) (nc + 1));
	int		   *des_match = vb_alloc(a, sizeof(int) * (size_t) (nd + 1));
	char	  **cur_names = vb_alloc(a, sizeof(char *) * (size_t) (nc + 1));
	char	  **des_names = vb_alloc(a, sizeof(char *) * (size_t) (nd + 1));
	vb_map		cur_index;
	int			i;
	int			j;

	vb_map_init(&cur_index, a, nc);
	for (i = 0; i < nc; i++)
	{
		vb_table   *c = d->cur->tables.items[i];

		STOP_CHECK(d);
		cur_match[i] = -1;
		cur_names[i] = c->name;
		vb_map_put(&cur_index, vb_key2(a, c->schema, c->name), (void *) (size_t) (i + 1));
	}
	for (j = 0; j < nd; j++)
	{
		vb_table   *t = d->des->tables.items[j];
		size_t		idx = (size_t) vb_map_get(&cur_index, vb_key2(a, t->schema, t->name));

		STOP_CHECK(d);
		des_match[j] = -1;
		des_names[j] = t->name;
		if (idx)
		{
			des_match[j] = (int) idx - 1;
			cur_match[idx - 1] = j;
		}
	}
	for (j = 0; j < nd; j++)
	{
		vb_table   *t = d->des->tables.items[j];
		const char *rs;
		const char *rn;
		size_t		idx;

		if (des_match[j] >= 0 || t->renamed_from == NULL)
			continue;
		split_qualified(a, t->renamed_from, t->schema, &rs, &rn);
		idx = (size_t) vb_map_get(&cur_index, vb_key2(a, rs, rn));
		if (idx && cur_match[idx - 1] < 0)
		{
			des_match[j] = (int) idx - 1;
			cur_match[idx - 1] = j;
		}
	}

	/* rename candidates, schema by schema (a rename never moves schemas
	 * unless renamedFrom says so), among the tables still unpaired */
	if (!table_renames(d, cur_match, des_match, cur_names, des_names))
		return false;

	for (j = 0; j < nd; j++)
	{
		STOP_CHECK(d);
		if (des_match[j] >= 0)
			new_pair(d, d->cur->tables.items[des_match[j]], d->des->tables.items[j]);
	}
	for (i = 0; i < nc; i++)
		if (cur_match[i] < 0)
		{
			vb_table   *c = d->cur->tables.items[i];
			vb_operation *op;

			STOP_CHECK(d);
			op = vb_new_op(d, VB_OP_DROP_TABLE, c->schema, c->name, c->name);

			/* its FKs go first, so tables that reference each other can
			 * be dropped in any order */
			for (j = 0; j < c->foreign_keys.count; j++)
			{
				vb_foreign_key *fk = c->foreign_keys.items[j];
				vb_operation *dfk;

				if (strcmp(fk->ref_schema, c->schema) == 0 && strcmp(fk->ref_table, c->name) == 0)
					continue;
				dfk = vb_new_op(d, VB_OP_DROP_FOREIGN_KEY, c->schema, c->name, fk->name);
				vb_add_sql(d, dfk, vb_pg_drop_constraint(a, c->schema, c->name, fk->name));
			}
			vb_add_sql(d, op, vb_printf(a, "DROP TABLE %s", vb_qualified(a, c->schema, c->name)));
			vb_make_destructive(op, vb_printf(a, "drops table %s.%s and all its rows",
										   c->schema, c->name));
		}
	return true;
}

/* ---- columns ------------------------------------------------------------------ */

typedef struct column_ctx
{
	vb_differ	   *d;
	vb_table   *cur;
	vb_table   *des;
} column_ctx;

static bool
column_candidate(vb_differ *d, void *ctx, int ci, int di)
{
	column_ctx *cx = ctx;
	vb_column  *cc = cx->cur->columns.items[ci];
	vb_column  *dc = cx->des->columns.items[di];

	return strcmp(vb_mapped_type(d, cc->type), dc->type) == 0;
}

/* Candidates have the same type: only those are compared. */
static const char *
column_bucket(vb_differ *d, void *ctx, bool current, int index)
{
	column_ctx *cx = ctx;

	return current ? vb_mapped_type(d, ((vb_column *) cx->cur->columns.items[index])->type)
		: ((vb_column *) cx->des->columns.items[index])->type;
}

bool
vb_integer_type(const char *type)
{
	return strcmp(type, "smallint") == 0 || strcmp(type, "integer") == 0 ||
		strcmp(type, "bigint") == 0;
}

static int
integer_rank(const char *type)
{
	if (strcmp(type, "smallint") == 0)
		return 1;
	if (strcmp(type, "integer") == 0)
		return 2;
	if (strcmp(type, "bigint") == 0)
		return 3;
	return 0;
}

/* "name(a,b) rest" -> name + rest, and the typmod numbers. */
static const char *
split_typmod(vb_arena *a, const char *type, int *m1, int *m2)
{
	const char *open = strchr(type, '(');
	const char *close;

	*m1 = *m2 = -1;
	if (open == NULL)
		return type;
	close = strchr(open, ')');
	if (close == NULL)
		return type;
	if (sscanf(open, "(%d,%d)", m1, m2) < 1)
		return type;
	return vb_printf(a, "%.*s%s", (int) (open - type), type, close + 1);
}

/*
 * A type change that cannot lose data (CONTRACT §2's safe list), and
 * whether it is binary-compatible (no table rewrite).
 */
static bool
safe_type_change(vb_arena *a, const char *from, const char *to, bool *rewrite)
{
	int			fd;
	int			td;
	const char *fe = vb_element_type(a, from, &fd);
	const char *te = vb_element_type(a, to, &td);
	int			f1;
	int			f2;
	int			t1;
	int			t2;
	const char *fb;
	const char *tb;

	*rewrite = true;
	if (fd != td)
		return false;
	fb = split_typmod(a, fe, &f1, &f2);
	tb = split_typmod(a, te, &t1, &t2);

	if (integer_rank(fe) && integer_rank(te))
		return integer_rank(te) >= integer_rank(fe);
	if (integer_rank(fe) && strcmp(tb, "numeric") == 0)
		return t1 < 0 || t1 - (t2 < 0 ? 0 : t2) >= (integer_rank(fe) == 3 ? 19 : integer_rank(fe) == 2 ? 10 : 5);
	if (strcmp(fe, "real") == 0 && strcmp(te, "double precision") == 0)
		return true;
	if (strcmp(fb, "character varying") == 0 &&
		(strcmp(te, "text") == 0 || (strcmp(tb, "character varying") == 0 && (t1 < 0 || t1 >= f1))))
	{
		*rewrite = false;
		return true;
	}
	if (strcmp(fb, "character") == 0 &&
		(strcmp(te, "text") == 0 || (strcmp(tb, "character varying") == 0 && (t1 < 0 || t1 >= f1))))
		return true;
	if (strcmp(fb, "numeric") == 0 && strcmp(tb, "numeric") == 0)
	{
		if (t1 < 0 || (t1 >= f1 && (t2 < 0 ? 0 : t2) == (f2 < 0 ? 0 : f2)))
		{
			*rewrite = false;
			return true;
		}
		return false;
	}
	/* any type -> the same type without a typmod limit */
	if (f1 >= 0 && t1 < 0 && strcmp(fb, tb) == 0 && strcmp(te, tb) == 0)
	{
		*rewrite = false;
		return true;
	}
	return false;
}

/* The document's enum whose qualified name is this type text, if any. */
static vb_enum *
document_enum(vb_differ *d, const char *type)
{
	return vb_map_get(&d->des_enum_types, type);
}

/* Is the type (or its element type) an enum of the current schema, or of
 * the document? */
static bool
is_enum_type(vb_differ *d, bool current, const char *type)
{
	int			dims;
	const char *elem = vb_element_type(d->a, type, &dims);

	return vb_map_get(current ? &d->cur_enum_types : &d->des_enum_types, elem) != NULL;
}

/*
 * The USING expression of a type change: a plain cast, or through text
 * when an enum is on either side (there is no cast between two enums).
 */
static char *
cast_expression(vb_differ *d, const char *col, const char *from, const char *to)
{
	vb_arena   *a = d->a;
	int			dims;
	char	   *via = "text";

	if (!is_enum_type(d, true, from) && !is_enum_type(d, false, to))
		return vb_printf(a, "%s::%s", vb_quote_ident(a, col), to);
	(void) vb_element_type(a, from, &dims);
	while (dims-- > 0)
		via = vb_printf(a, "%s[]", via);
	return vb_printf(a, "%s::%s::%s", vb_quote_ident(a, col), via, to);
}

/* The range of an integer type (bigint's for any other). */
static void
integer_bounds(const char *type, long long *tmin, long long *tmax)
{
	*tmin = strcmp(type, "smallint") == 0 ? -32768 :
		strcmp(type, "integer") == 0 ? -2147483647LL - 1 : -9223372036854775807LL - 1;
	*tmax = strcmp(type, "smallint") == 0 ? 32767 :
		strcmp(type, "integer") == 0 ? 2147483647LL : 9223372036854775807LL;
}

/* Identity sequence options with PostgreSQL's defaults filled in. */
vb_seq_options
vb_seq_effective(const char *type, const vb_seq_options *q)
{
	vb_seq_options e = *q;
	long long	tmin;
	long long	tmax;

	integer_bounds(type, &tmin, &tmax);

	if (!(q->given & VB_SEQ_INCREMENT))
		e.increment = 1;
	if (!(q->given & VB_SEQ_MIN))
		e.min = e.increment > 0 ? 1 : tmin;
	if (!(q->given & VB_SEQ_MAX))
		e.max = e.increment > 0 ? tmax : -1;
	if (!(q->given & VB_SEQ_START))
		e.start = e.increment > 0 ? e.min : e.max;
	if (!(q->given & VB_SEQ_CACHE))
		e.cache = 1;
	e.given = VB_SEQ_START | VB_SEQ_INCREMENT | VB_SEQ_MIN | VB_SEQ_MAX | VB_SEQ_CACHE;
	return e;
}

/*
 * The checks PostgreSQL makes of an identity column's sequence (init_params)
 * before it creates one, so that diff and dry runs refuse what push could
 * not apply: an integer type, MINVALUE and MAXVALUE within its range and in
 * order, START between them. The column's type must be canonical.
 */
bool
vb_check_identity(vb_arena *a, const vb_column *c, vb_error *err)
{
	const char *p = vb_printf(a, "%s.identity", c->path ? c->path : c->name);
	vb_seq_options e;
	long long	tmin;
	long long	tmax;

	if (c->identity == VB_IDENTITY_NONE)
		return true;
	if (!vb_integer_type(c->type))
		return vb_fail(err, a, VB_ERR_INVALID, p,
					   "%s: an identity column needs smallint, integer or bigint, not %s", p, c->type);
	integer_bounds(c->type, &tmin, &tmax);
	e = vb_seq_effective(c->type, &c->seq);
	if (e.min < tmin || e.min > tmax)
		return vb_fail(err, a, VB_ERR_INVALID, vb_printf(a, "%s.min", p),
					   "%s.min (%lld) is out of range for %s", p, e.min, c->type);
	if (e.max < tmin || e.max > tmax)
		return vb_fail(err, a, VB_ERR_INVALID, vb_printf(a, "%s.max", p),
					   "%s.max (%lld) is out of range for %s", p, e.max, c->type);
	if (e.min >= e.max)
		return vb_fail(err, a, VB_ERR_INVALID, p,
					   "%s: min (%lld) must be less than max (%lld)", p, e.min, e.max);
	if (e.start < e.min || e.start > e.max)
		return vb_fail(err, a, VB_ERR_INVALID, vb_printf(a, "%s.start", p),
					   "%s.start (%lld) must lie between min (%lld) and max (%lld)",
					   p, e.start, e.min, e.max);
	return true;
}

/* SET clauses for the options that differ ("" when none do). */
static char *
seq_changes(vb_arena *a, const char *cur_type, const vb_seq_options *cur,
			const char *des_type, const vb_seq_options *des)
{
	vb_seq_options c = vb_seq_effective(cur_type, cur);
	vb_seq_options x = vb_seq_effective(des_type, des);
	vb_seq_options diff;

	memset(&diff, 0, sizeof(diff));
	diff = x;
	diff.given = 0;
	if (c.increment != x.increment)
		diff.given |= VB_SEQ_INCREMENT;
	if (c.min != x.min)
		diff.given |= VB_SEQ_MIN;
	if (c.max != x.max)
		diff.given |= VB_SEQ_MAX;
	if (c.start != x.start)
		diff.given |= VB_SEQ_START;
	if (c.cache != x.cache)
		diff.given |= VB_SEQ_CACHE;
	if (c.cycle == x.cycle)
		return diff.given ? vb_pg_sequence_options(a, &diff, "SET ") : "";
	diff.cycle = x.cycle;
	{
		char	   *opts = vb_pg_sequence_options(a, &diff, "SET ");

		return x.cycle ? opts : vb_printf(a, "%s SET NO CYCLE", opts);
	}
}

/* Comments of a table and its columns (cur NULL: a new table). */
void
vb_diff_comments(vb_differ *d, const vb_table *cur, const vb_table *des)
{
	vb_arena   *a = d->a;
	vb_table_pair *p = cur ? vb_map_get(&d->pair_by_des, vb_key2(a, des->schema, des->name)) : NULL;
	int			i;

	if (!vb_strs_equal(cur ? cur->comment : NULL, des->comment))
		vb_add_sql(d, vb_new_op(d, VB_OP_SET_COMMENT, des->schema, des->name, des->name),
				   vb_pg_comment(a, des->schema, des->name, NULL, des->comment));
	for (i = 0; i < des->columns.count; i++)
	{
		vb_column  *dc = des->columns.items[i];
		vb_column  *cc = p ? vb_map_get(&p->des_col_to_cur, dc->name) : NULL;
		const char *have = cc && !vb_map_get(&p->recreated_columns, dc->name) ? cc->comment : NULL;

		STOP_RETURN(d);
		if (!vb_strs_equal(have, dc->comment))
			vb_add_sql(d, vb_new_op(d, VB_OP_SET_COMMENT, des->schema, des->name, dc->name),
					   vb_pg_comment(a, des->schema, des->name, dc->name, dc->comment));
	}
}

/*
 * A generated column whose expression changes, or a plain column that
 * becomes generated, is dropped and added again: PostgreSQL 15 cannot
 * change a generation expression in place. Its indexes and constraints
 * go with it and are created again (recreated_columns).
 */
/*
 * Drop a generated column before the table's column changes and add it
 * again after them (phase PH_ADD_GENERATED), so that changes to the
 * columns it reads never meet it. Its indexes and constraints go with it
 * and come back (recreated_columns).
 */
static void
drop_and_add_generated(vb_differ *d, vb_table_pair *p, vb_column *cc, vb_column *dc)
{
	vb_arena   *a = d->a;
	vb_operation *drop = vb_new_op(d, VB_OP_DROP_COLUMN, p->des->schema, p->des->name, dc->name);
	vb_operation *add = vb_new_op(d, VB_OP_ADD_COLUMN, p->des->schema, p->des->name, dc->name);

	/* the drop runs before renames: current names */
	vb_add_sql(d, drop, vb_pg_alter_table(a, p->cur->schema, p->cur->name,
										  vb_printf(a, "DROP COLUMN %s", vb_quote_ident(a, cc->name))));
	drop->hazards = VB_HAZARD_ACCESS_EXCLUSIVE;
	if (cc->generated == NULL)
		vb_make_destructive(drop, vb_printf(a, "replaces the values of %s.%s.%s by generated ones",
											p->des->schema, p->des->name, dc->name));
	vb_add_sql(d, add, vb_pg_alter_table(a, p->des->schema, p->des->name,
										 vb_printf(a, "ADD COLUMN %s", vb_pg_column_definition(a, dc))));
	add->hazards |= VB_HAZARD_TABLE_REWRITE;
	add->phase = PH_ADD_GENERATED;
	if (dc->generated_source)
		add->search_schema = p->des->schema;
	vb_map_put(&p->recreated_columns, dc->name, (void *) 1);
}

static bool
recreate_generated(vb_differ *d, vb_table_pair *p, vb_column *cc, vb_column *dc)
{
	if (dc->generated == NULL || vb_strs_equal(vb_mapped_predicate(d, p, cc->generated), dc->generated))
		return false;
	drop_and_add_generated(d, p, cc, dc);
	return true;
}

/*
 * PostgreSQL refuses to change the type or collation of a column that a
 * generation expression reads: such generated columns are dropped before
 * and added after (conservatively: every one whose expression contains
 * the column's name).
 */
static void
recreate_readers_of_changed_columns(vb_differ *d, vb_table_pair *p)
{
	vb_list		generated;
	int			i;
	int			j;

	/* the generated columns of the table: usually none or a few */
	memset(&generated, 0, sizeof(generated));
	for (j = 0; j < p->cur->columns.count; j++)
		if (((vb_column *) p->cur->columns.items[j])->generated)
			vb_list_push(d->a, &generated, p->cur->columns.items[j]);
	for (i = 0; i < p->des->columns.count && generated.count > 0; i++)
	{
		vb_column  *dc = p->des->columns.items[i];
		vb_column  *cc = vb_map_get(&p->des_col_to_cur, dc->name);

		STOP_RETURN(d);
		if (cc == NULL || (strcmp(vb_mapped_type(d, cc->type), dc->type) == 0 &&
						   vb_strs_equal(cc->collation, dc->collation)))
			continue;
		for (j = 0; j < generated.count; j++)
		{
			vb_column  *gc = generated.items[j];
			vb_column  *gd = vb_map_get(&p->cur_col_to_des, gc->name);

			if (gc->generated && gd && gd->generated && gc != cc &&
				!vb_map_get(&p->recreated_columns, gd->name) &&
				strstr(gc->generated, cc->name))
				drop_and_add_generated(d, p, gc, gd);
		}
	}
}

static char *
identity_sequence(vb_arena *a, const char *s, const char *t, const char *col)
{
	return vb_printf(a, "pg_catalog.pg_get_serial_sequence(%s, %s)",
					 vb_quote_literal(a, vb_qualified(a, s, t)), vb_quote_literal(a, col));
}

/* " COLLATE x" when the collation changes ("default" to go back to the type's) */
static const char *
collate_clause(vb_arena *a, const vb_column *cc, const vb_column *dc)
{
	if (vb_strs_equal(cc->collation, dc->collation))
		return "";
	return vb_printf(a, " COLLATE %s", dc->collation ? vb_pg_object_name(a, dc->collation)
					 : "pg_catalog.\"default\"");
}

static vb_operation *
alter_op(vb_differ *d, vb_operation **op, vb_table_pair *p, vb_column *dc)
{
	if (*op == NULL)
		*op = vb_new_op(d, VB_OP_ALTER_COLUMN, p->des->schema, p->des->name, dc->name);
	return *op;
}

static bool
diff_column(vb_differ *d, vb_table_pair *p, vb_column *cc, vb_column *dc)
{
	vb_arena   *a = d->a;
	const char *s = p->des->schema;
	const char *t = p->des->name;
	const char *col = dc->name;
	const char *cur_type = vb_mapped_type(d, cc->type);
	const char *cur_default = vb_mapped_default(d, cc->default_expr);
	bool		type_changed = strcmp(cur_type, dc->type) != 0;
	bool		default_gone = vb_map_get(&d->default_dropped, vb_key3(a, s, t, col)) != NULL;
	char	   *seq_name = vb_default_sequence_name(a, t, col);
	char	   *seq_text = vb_quote_literal(a, vb_qualified(a, s, seq_name));
	vb_operation *op = NULL;

	if (dc->auto_increment && !vb_integer_type(dc->type))
		return vb_fail(d->err, a, VB_ERR_INVALID, dc->path,
					   "%s: autoIncrement needs smallint, integer or bigint, not %s",
					   dc->path ? dc->path : col, dc->type);
	if (vb_map_get(&p->recreated_columns, col) || recreate_generated(d, p, cc, dc))
		return true;			/* added again whole */
	if (cc->generated && dc->generated == NULL)	/* keeps the values */
		vb_add_sql(d, alter_op(d, &op, p, dc), vb_pg_alter_column(a, s, t, col, "DROP EXPRESSION"));

	/* serial-style -> not: the default goes first, then its sequence */
	if (cc->auto_increment && !dc->auto_increment)
	{
		alter_op(d, &op, p, dc);
		vb_add_sql(d, op, vb_pg_alter_column(a, s, t, col, "DROP DEFAULT"));
		vb_add_sql(d, op, vb_printf(a, "DROP SEQUENCE %s", vb_qualified(a, s, cc->sequence_name)));
		default_gone = true;
	}
	if (cc->identity != VB_IDENTITY_NONE && dc->identity == VB_IDENTITY_NONE)
		vb_add_sql(d, alter_op(d, &op, p, dc), vb_pg_alter_column(a, s, t, col, "DROP IDENTITY"));
	else if (cc->identity != VB_IDENTITY_NONE && cc->identity != dc->identity)
		vb_add_sql(d, alter_op(d, &op, p, dc),
				vb_pg_alter_column(a, s, t, col, dc->identity == VB_IDENTITY_ALWAYS ?
								   "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT"));

	if (type_changed)
	{
		bool		rewrite;
		bool		safe = safe_type_change(a, cur_type, dc->type, &rewrite);

		alter_op(d, &op, p, dc);
		vb_map_put(&p->type_changed, col, (void *) 1);
		if (cur_default && !default_gone && !(cc->auto_increment && dc->auto_increment))
		{
			vb_add_sql(d, op, vb_pg_alter_column(a, s, t, col, "DROP DEFAULT"));
			default_gone = true;
		}
		/* a generated column is computed again: no USING */
		vb_add_sql(d, op, vb_pg_alter_column(a, s, t, col,
										  vb_printf(a, "TYPE %s%s%s%s", dc->type,
													collate_clause(a, cc, dc),
													dc->generated ? "" : " USING ",
													dc->generated ? "" :
													cast_expression(d, col, cur_type, dc->type))));
		if (!safe)
		{
			int			dims;
			vb_enum    *e = document_enum(d, vb_element_type(a, dc->type, &dims));

			/* into an enum of the document: its values may not exist yet */
			if (e)
				vb_guard_enum_target(d, op, p, cc, dims > 0, e);
			else
				vb_guard_type_change(d, op, p, cc, dc->type,
									 cast_expression(d, cc->name, cur_type, dc->type));
		}
		if (cc->auto_increment && dc->auto_increment)
			vb_add_sql(d, op, vb_printf(a, "ALTER SEQUENCE %s AS %s",
									 vb_qualified(a, s, cc->sequence_name), dc->type));
		if (rewrite)
			op->hazards |= VB_HAZARD_TABLE_REWRITE;
		if (!safe)
			vb_make_destructive(op, vb_printf(a, "changes the type of %s.%s.%s from %s to %s, which can fail or lose data",
										   s, t, col, cur_type, dc->type));
	}
	else if (!vb_strs_equal(cc->collation, dc->collation))
	{
		/* same type, other collation: no rewrite, its indexes are rebuilt */
		vb_add_sql(d, alter_op(d, &op, p, dc),
				   vb_pg_alter_column(a, s, t, col, vb_printf(a, "TYPE %s%s", dc->type,
															  collate_clause(a, cc, dc))));
		op->hazards |= VB_HAZARD_INDEX_BUILD;
	}
	if (!dc->auto_increment && !dc->generated)
	{
		const char *have = default_gone || cc->auto_increment ? NULL : cur_default;

		if (!vb_strs_equal(have, dc->default_expr))
		{
			alter_op(d, &op, p, dc);
			if (dc->default_expr)
				vb_add_sql(d, op, vb_pg_alter_column(a, s, t, col,
												  vb_printf(a, "SET DEFAULT %s", dc->default_expr)));
			else if (have)
			{
				vb_add_sql(d, op, vb_pg_alter_column(a, s, t, col, "DROP DEFAULT"));
				default_gone = true;
			}
		}
	}
	if (cc->nullable != dc->nullable && !dc->nullable)
	{
		/* a declared default fills the NULLs first; without one, a guard
		 * counts them */
		alter_op(d, &op, p, dc);
		if (dc->default_expr)
		{
			vb_add_sql(d, op, vb_printf(a, "UPDATE %s SET %s = DEFAULT WHERE %s IS NULL",
										vb_qualified(a, s, t), vb_quote_ident(a, col),
										vb_quote_ident(a, col)));
			op->hazards |= VB_HAZARD_TABLE_SCAN;
		}
		else
			vb_guard_not_null(d, op, p, cc, col);
		vb_add_sql(d, op, vb_pg_alter_column(a, s, t, col, "SET NOT NULL"));
		op->hazards |= VB_HAZARD_TABLE_SCAN;
	}
	else if (cc->nullable != dc->nullable)
		vb_add_sql(d, alter_op(d, &op, p, dc), vb_pg_alter_column(a, s, t, col, "DROP NOT NULL"));
	/* not serial-style -> serial-style: a sequence that continues after the
	 * column's current maximum */
	if (!cc->auto_increment && dc->auto_increment)
	{
		const char *qseq = vb_qualified(a, s, seq_name);

		alter_op(d, &op, p, dc);
		if (cur_default && !default_gone)
			vb_add_sql(d, op, vb_pg_alter_column(a, s, t, col, "DROP DEFAULT"));
		vb_add_sql(d, op, vb_printf(a, "CREATE SEQUENCE %s AS %s", qseq, dc->type));
		vb_add_sql(d, op, vb_printf(a, "ALTER SEQUENCE %s OWNED BY %s.%s", qseq,
								 vb_qualified(a, s, t), vb_quote_ident(a, col)));
		vb_add_sql(d, op, vb_pg_alter_column(a, s, t, col,
										  vb_printf(a, "SET DEFAULT %s",
													vb_pg_nextval_default(a, s, seq_name))));
		vb_add_sql(d, op, vb_pg_sequence_restart(a, s, t, col, seq_text, false, 1));
	}
	else if (((cc->auto_increment && dc->auto_increment) ||
			  (cc->identity != VB_IDENTITY_NONE && dc->identity != VB_IDENTITY_NONE)) &&
			 cc->sequence_name && strcmp(cc->sequence_name, seq_name) != 0)
	{
		vb_operation *ren = vb_new_op(d, VB_OP_RENAME_SEQUENCE, s, t, seq_name);

		vb_add_sql(d, ren, vb_printf(a, "ALTER SEQUENCE %s RENAME TO %s",
								  vb_qualified(a, s, cc->sequence_name),
								  vb_quote_ident(a, seq_name)));
	}
	if (cc->identity != VB_IDENTITY_NONE && dc->identity != VB_IDENTITY_NONE)
	{
		char	   *changes = seq_changes(a, cur_type, &cc->seq, dc->type, &dc->seq);

		if (changes[0])
		{
			vb_seq_options x = vb_seq_effective(dc->type, &dc->seq);
			vb_seq_options c = vb_seq_effective(cur_type, &cc->seq);
			bool		bounds = x.min != c.min || x.max != c.max || x.increment != c.increment;

			/* new bounds may exclude the sequence's position: restart it,
			 * then move it after the rows' values again */
			vb_add_sql(d, alter_op(d, &op, p, dc),
					   vb_pg_alter_column(a, s, t, col, vb_printf(a, "%s%s", changes + 1,
																  bounds ? " RESTART" : "")));
			if (bounds)
				vb_add_sql(d, op, vb_pg_sequence_restart(a, s, t, col, identity_sequence(a, s, t, col),
														 x.increment < 0,
														 x.increment < 0 ? x.max : x.min));
		}
	}
	if (cc->identity == VB_IDENTITY_NONE && dc->identity != VB_IDENTITY_NONE)
	{
		alter_op(d, &op, p, dc);
		if (cur_default && !default_gone && !cc->auto_increment)
			vb_add_sql(d, op, vb_pg_alter_column(a, s, t, col, "DROP DEFAULT"));
		{
			char	   *opts = vb_pg_sequence_options(a, &dc->seq, "");

			vb_add_sql(d, op, vb_pg_alter_column(a, s, t, col,
												 vb_printf(a, "%s%s%s%s",
														   dc->identity == VB_IDENTITY_ALWAYS ?
														   "ADD GENERATED ALWAYS AS IDENTITY" :
														   "ADD GENERATED BY DEFAULT AS IDENTITY",
														   opts[0] ? " (" : "", opts[0] ? opts + 1 : "",
														   opts[0] ? ")" : "")));
		}
		{
			vb_seq_options x = vb_seq_effective(dc->type, &dc->seq);

			vb_add_sql(d, op, vb_pg_sequence_restart(a, s, t, col, identity_sequence(a, s, t, col),
													 x.increment < 0,
													 x.increment < 0 ? x.max : x.min));
		}
	}
	return true;
}

static void
drop_column(vb_differ *d, vb_table_pair *p, const char *name)
{
	vb_arena   *a = d->a;
	vb_operation *op = vb_new_op(d, VB_OP_DROP_COLUMN, p->des->schema, p->des->name, name);

	/* runs before renames: the table still has its current name */
	vb_add_sql(d, op, vb_pg_alter_table(a, p->cur->schema, p->cur->name,
										vb_printf(a, "DROP COLUMN %s", vb_quote_ident(a, name))));
	vb_make_destructive(op, vb_printf(a, "drops column %s.%s.%s and its data",
									  p->des->schema, p->des->name, name));
}

bool
vb_diff_columns(vb_differ *d, vb_table_pair *p)
{
	vb_arena   *a = d->a;
	vb_table   *c = p->cur;
	vb_table   *t = p->des;
	int			nc = c->columns.count;
	int			nd = t->columns.count;
	int		   *cur_match = vb_alloc(a, sizeof(int) * (size_t) (nc + 1));
	int		   *des_match = vb_alloc(a, sizeof(int) * (size_t) (nd + 1));
	char	  **cur_names = vb_alloc(a, sizeof(char *) * (size_t) (nc + 1));
	char	  **des_names = vb_alloc(a, sizeof(char *) * (size_t) (nd + 1));
	vb_map		cur_index;
	vb_rename_set rs;
	column_ctx	cx = {d, c, t};
	int			i;
	int			j;

	vb_map_init(&cur_index, a, nc);
	for (i = 0; i < nc; i++)
	{
		STOP_CHECK(d);
		cur_match[i] = -1;
		cur_names[i] = ((vb_column *) c->columns.items[i])->name;
		vb_map_put(&cur_index, cur_names[i], (void *) (size_t) (i + 1));
	}
	for (j = 0; j < nd; j++)
	{
		size_t		idx;

		STOP_CHECK(d);
		des_names[j] = ((vb_column *) t->columns.items[j])->name;
		idx = (size_t) vb_map_get(&cur_index, des_names[j]);
		des_match[j] = idx ? (int) idx - 1 : -1;
		if (idx)
			cur_match[idx - 1] = j;
	}
	for (j = 0; j < nd; j++)
	{
		vb_column  *dc = t->columns.items[j];
		size_t		idx;

		if (des_match[j] >= 0 || dc->renamed_from == NULL)
			continue;
		idx = (size_t) vb_map_get(&cur_index, dc->renamed_from);
		if (idx && cur_match[idx - 1] < 0)
		{
			des_match[j] = (int) idx - 1;
			cur_match[idx - 1] = j;
		}
	}
	vb_rename_set_init(&rs, "column", t->schema, t->name, nc, cur_names, cur_match,
					   nd, des_names, des_match, column_candidate, &cx);
	rs.bucket = column_bucket;
	if (!vb_resolve_renames(d, &rs))
		return false;

	for (i = 0; i < nc; i++)
		if (cur_match[i] >= 0)
		{
			vb_map_put(&p->cur_col_to_des, cur_names[i], t->columns.items[cur_match[i]]);
			vb_map_put(&p->des_col_to_cur, des_names[cur_match[i]], c->columns.items[i]);
		}

	/* table rename: same statement list as the table's other changes */
	if (strcmp(c->schema, t->schema) != 0 || strcmp(c->name, t->name) != 0)
	{
		vb_operation *op = vb_new_op(d, VB_OP_RENAME_TABLE, t->schema, t->name, t->name);

		if (strcmp(c->schema, t->schema) != 0)
			vb_add_sql(d, op, vb_printf(a, "ALTER TABLE %s SET SCHEMA %s",
									 vb_qualified(a, c->schema, c->name),
									 vb_quote_ident(a, t->schema)));
		if (strcmp(c->name, t->name) != 0)
			vb_add_sql(d, op, vb_printf(a, "ALTER TABLE %s RENAME TO %s",
									 vb_qualified(a, t->schema, c->name),
									 vb_quote_ident(a, t->name)));
	}
	/* generated columns are dropped first: they depend on the others */
	for (i = 0; i < nc; i++)
		if (cur_match[i] < 0 && ((vb_column *) c->columns.items[i])->generated)
			drop_column(d, p, cur_names[i]);
	for (i = 0; i < nc; i++)
	{
		STOP_CHECK(d);
		if (cur_match[i] < 0 && ((vb_column *) c->columns.items[i])->generated)
			continue;
		if (cur_match[i] >= 0)
		{
			if (strcmp(cur_names[i], des_names[cur_match[i]]) != 0)
				vb_hold_rename(d, &p->column_renames, VB_OP_RENAME_COLUMN, cur_names[i],
							   des_names[cur_match[i]]);
			continue;
		}
		drop_column(d, p, cur_names[i]);
	}
	for (j = 0; j < nd; j++)
	{
		vb_column  *dc = t->columns.items[j];

		STOP_CHECK(d);
		if (des_match[j] >= 0)
			continue;			/* changed by vb_diff_column_changes */
		if (dc->auto_increment && !vb_integer_type(dc->type))
			return vb_fail(d->err, a, VB_ERR_INVALID, dc->path,
						   "%s: autoIncrement needs smallint, integer or bigint, not %s",
						   dc->path ? dc->path : dc->name, dc->type);
		{
			vb_operation *op = vb_new_op(d, VB_OP_ADD_COLUMN, t->schema, t->name, dc->name);

			vb_add_sql(d, op, vb_pg_alter_table(a, t->schema, t->name,
											 vb_printf(a, "ADD COLUMN %s",
													   vb_pg_column_definition(a, dc))));
			if (dc->auto_increment || dc->identity != VB_IDENTITY_NONE || dc->generated)
				op->hazards |= VB_HAZARD_TABLE_REWRITE;
			if (dc->generated_source)
				op->search_schema = t->schema;
			if (dc->generated)
				op->phase = PH_ADD_GENERATED;
			if (!dc->nullable && !dc->default_expr && !dc->auto_increment &&
				dc->identity == VB_IDENTITY_NONE && !dc->generated)
				vb_guard_table_empty(d, op, p, dc->name);
		}
	}
	vb_emit_renames(d, p, &p->column_renames);
	return true;
}

/*
 * Changes to the columns that stay (type, nullability, default, identity,
 * serial). Runs after enum value changes, which may have dropped defaults
 * that use a re-created type.
 */
bool
vb_diff_column_changes(vb_differ *d, vb_table_pair *p)
{
	int			j;

	recreate_readers_of_changed_columns(d, p);
	for (j = 0; j < p->des->columns.count; j++)
	{
		vb_column  *dc = p->des->columns.items[j];
		vb_column  *cc = vb_map_get(&p->des_col_to_cur, dc->name);

		STOP_CHECK(d);
		if (cc && !diff_column(d, p, cc, dc))
			return false;
	}
	return true;
}
