/*
 * sqlite_schema.c — a SQLite catalog (the rows of sqlite_schema and of the
 * table_xinfo, index_list, index_xinfo and foreign_key_list pragmas) into
 * the core's schema model.
 *
 * The pragmas give columns, declared types, NOT NULL, defaults, primary-key
 * positions, generated columns, indexes and foreign keys, but not CHECKs,
 * COLLATE, AUTOINCREMENT, constraint names, index expressions and
 * predicates, generation expressions, DEFERRABLE or ON CONFLICT: those come
 * from the stored CREATE text, read with the parser of sqlite_ddl.c. Every
 * fact both give is compared, and a disagreement fails the whole reading
 * (XX000): reading a schema wrong would plan wrong DDL.
 *
 * A table whose definition the document cannot express (ON CONFLICT
 * clauses, a key column with its own COLLATE, a foreign key whose parent
 * key cannot be found, ...) is listed as unmanaged, with its reason, and
 * left out of the tables, so that nothing would ever rebuild it and lose
 * what the document does not say. See docs/sqlite.md.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite_parse.h"

typedef struct builder
{
	vb_arena   *arena;
	vb_error   *err;
	vb_schema  *s;
	vb_map		relnames;		/* tables, indexes and PK/unique names */
} builder;

/* The work on one table. */
typedef struct tstate
{
	const vb_sqlite_table_row *row;
	vb_sqlite_table_def *def;
	vb_table   *t;
	char	   *reason;			/* set: the table is unmanaged */
	vb_list		names;			/* char *: its columns, in order */
	vb_list		pk;				/* char *: its primary key columns */
	vb_list		unique_defs;	/* vb_sqlite_constraint *, one per vb_key */
} tstate;

static const char *
str_or(const char *s, const char *dflt)
{
	return s ? s : dflt;
}

/* A disagreement between the CREATE text and the pragmas. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool
mismatch(builder *b, const tstate *ts, const char *fmt,...)
{
	va_list		ap;
	char		msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	vb_fail(b->err, b->arena, "XX000", NULL,
			"cannot read SQLite table \"%s\": %s", ts->row->name, msg);
	b->err->detail = vb_printf(b->arena, "Its CREATE statement is: %s", ts->row->sql);
	b->err->hint = vb_strdup(b->arena,
							 "The stored CREATE text and SQLite's pragmas disagree about it; "
							 "please report this with the statement.");
	return false;
}

/* Leave the table to itself: the document cannot express it. The first
 * reason found is the one given. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool
unmanaged(tstate *ts, vb_arena *arena, const char *fmt,...)
{
	va_list		ap;
	char		msg[512];

	if (ts->reason)
		return true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ts->reason = vb_strdup(arena, msg);
	return true;
}

static int
column_index(const tstate *ts, const char *name)
{
	int			i;

	for (i = 0; i < ts->names.count; i++)
		if (vb_sqlite_ieq(ts->names.items[i], name))
			return i;
	return -1;
}

static vb_sqlite_column_def *
column_def(const tstate *ts, int i)
{
	return ts->def->columns.items[i];
}

/* A column's collation: its COLLATE, else BINARY. */
static const char *
column_collation(const tstate *ts, int i)
{
	return str_or(column_def(ts, i)->collation, "BINARY");
}

static bool
is_default_conflict(const char *conflict)
{
	return conflict == NULL || strcmp(conflict, "ABORT") == 0;
}

/* ---- columns ------------------------------------------------------------ */

static vb_sqlite_constraint *
primary_key_def(const tstate *ts)
{
	int			i;

	for (i = 0; i < ts->def->constraints.count; i++)
	{
		vb_sqlite_constraint *c = ts->def->constraints.items[i];

		if (c->kind == VB_SQC_PRIMARY_KEY)
			return c;
	}
	return NULL;
}

/* The primary key is the rowid (SQ-CREATE "ROWID and the INTEGER PRIMARY
 * KEY"): one column declared exactly INTEGER in a rowid table, not
 * written "INTEGER PRIMARY KEY DESC" on the column. */
static bool
is_rowid_alias(const tstate *ts, const vb_sqlite_constraint *pk)
{
	const vb_sqlite_key_column *k;
	int			i;

	if (pk == NULL || ts->def->without_rowid || pk->columns.count != 1)
		return false;
	k = pk->columns.items[0];
	i = column_index(ts, k->name);
	return i >= 0 && vb_sqlite_ieq(column_def(ts, i)->type, "INTEGER") &&
		!(pk->column >= 0 && k->desc);
}

static bool
read_default(builder *b, tstate *ts, const vb_sqlite_column_row *row,
			 const vb_sqlite_column_def *def, vb_column *c)
{
	vb_list		none;
	char	   *from_pragma = NULL;
	vb_error	ignored;

	memset(&none, 0, sizeof(none));
	if (def->default_expr)
		c->default_expr = vb_sqlite_expr_print(b->arena, def->default_expr, &none);
	if ((row->dflt_value != NULL) != def->has_default)
		return mismatch(b, ts, "column \"%s\" %s a default in the text but %s in the pragma",
						def->name, def->has_default ? "has" : "has no",
						row->dflt_value ? "has one" : "none");
	if (row->dflt_value &&
		!vb_sqlite_default_canonical(b->arena, row->dflt_value, &from_pragma, &ignored))
		return mismatch(b, ts, "the default of column \"%s\" (%s) cannot be read: %s",
						def->name, row->dflt_value, ignored.message);
	if (strcmp(str_or(from_pragma, "NULL"), str_or(c->default_expr, "NULL")) != 0)
		return mismatch(b, ts, "column \"%s\" defaults to %s in the text but to %s in the pragma",
						def->name, str_or(c->default_expr, "NULL"), row->dflt_value);
	return true;
}

static bool
read_column(builder *b, tstate *ts, int i, const vb_sqlite_constraint *pk)
{
	const vb_sqlite_column_row *row = ts->row->columns.items[i];
	const vb_sqlite_column_def *def = column_def(ts, i);
	vb_column  *c = vb_alloc(b->arena, sizeof(vb_column));
	char	   *type = vb_sqlite_type_canonical(b->arena, def->type);
	int			pk_position = 0;
	int			k;

	if (strcmp(row->name, def->name) != 0)
		return mismatch(b, ts, "column %d is \"%s\" in the text but \"%s\" in the pragma",
						i + 1, def->name, row->name);
	if (strcmp(type, vb_sqlite_type_canonical(b->arena, row->type)) != 0)
		return mismatch(b, ts, "column \"%s\" has type \"%s\" in the text but \"%s\" in the pragma",
						def->name, type, row->type);
	for (k = 0; pk && k < pk->columns.count && pk_position == 0; k++)
		if (column_index(ts, ((vb_sqlite_key_column *) pk->columns.items[k])->name) == i)
			pk_position = k + 1;
	if (row->pk != pk_position)
		return mismatch(b, ts, "column \"%s\" is at position %d of the primary key in the text but %d in the pragma",
						def->name, pk_position, row->pk);
	/* the key of a WITHOUT ROWID or STRICT table is NOT NULL, the rowid aside */
	if (row->notnull != (def->not_null ||
						 (pk_position > 0 && (ts->def->without_rowid ||
											  (ts->def->strict && !is_rowid_alias(ts, pk))))))
		return mismatch(b, ts, "column \"%s\" is%s NOT NULL in the text but%s in the pragma",
						def->name, def->not_null ? "" : " not", row->notnull ? "" : " not");
	if ((row->hidden == 2 || row->hidden == 3) != (def->generated != NULL) ||
		(def->generated && (row->hidden == 3) != def->generated_stored))
		return mismatch(b, ts, "column \"%s\" is generated differently in the text (%s) and the pragma (hidden %d)",
						def->name, def->generated ? (def->generated_stored ? "STORED" : "VIRTUAL") : "not generated",
						row->hidden);
	if (!is_default_conflict(def->not_null_conflict))
		unmanaged(ts, b->arena, "column \"%s\" is NOT NULL ON CONFLICT %s", def->name,
				  def->not_null_conflict);

	c->name = vb_strdup(b->arena, def->name);
	c->type = type;
	c->nullable = !(row->notnull || (pk_position > 0 && (ts->def->without_rowid ||
														  is_rowid_alias(ts, pk))));
	c->collation = def->collation && strcmp(def->collation, "BINARY") != 0 ? def->collation : NULL;
	c->auto_increment = pk && pk_position > 0 && pk->autoincrement;
	if (def->generated)
	{
		c->generated = vb_sqlite_expr_print(b->arena, def->generated, &ts->names);
		c->generated_virtual = !def->generated_stored;
	}
	if (!read_default(b, ts, row, def, c))
		return false;
	if (c->auto_increment && c->default_expr)
		unmanaged(ts, b->arena, "column \"%s\" is AUTOINCREMENT and has a default", def->name);
	vb_list_push(b->arena, &ts->t->columns, c);
	return true;
}

/* ---- keys ---------------------------------------------------------------- */

/* A PRIMARY KEY or UNIQUE column list, in the columns' own spelling; a
 * column with its own COLLATE makes the table unmanaged. */
static bool
key_columns(builder *b, tstate *ts, const vb_sqlite_constraint *c, vb_list *out)
{
	int			k;

	for (k = 0; k < c->columns.count; k++)
	{
		const vb_sqlite_key_column *kc = c->columns.items[k];
		int			i = column_index(ts, kc->name);

		if (i < 0)
			return mismatch(b, ts, "a key names column \"%s\", which the table does not have",
							kc->name);
		if (kc->collation && strcmp(kc->collation, column_collation(ts, i)) != 0)
			unmanaged(ts, b->arena, "a key gives column \"%s\" a collation of its own", kc->name);
		if (vb_list_contains_str(out, ts->names.items[i]))
			unmanaged(ts, b->arena, "a key lists column \"%s\" twice", kc->name);
		vb_list_push(b->arena, out, ts->names.items[i]);
	}
	if (!is_default_conflict(c->conflict))
		unmanaged(ts, b->arena, "a key is ON CONFLICT %s", c->conflict);
	return true;
}

static bool
read_primary_key(builder *b, tstate *ts, const vb_sqlite_constraint *pk)
{
	vb_key	   *k;
	int			i;

	if (pk == NULL)
		return true;
	k = vb_alloc(b->arena, sizeof(vb_key));
	k->name = pk->name;
	if (!key_columns(b, ts, pk, &k->columns))
		return false;
	if (pk->column >= 0 && ((vb_sqlite_key_column *) pk->columns.items[0])->desc &&
		!ts->def->without_rowid && vb_sqlite_ieq(column_def(ts, pk->column)->type, "INTEGER"))
		unmanaged(ts, b->arena, "column \"%s\" is INTEGER PRIMARY KEY DESC, which is not the rowid",
				  column_def(ts, pk->column)->name);
	ts->t->primary_key = k;
	/* a WITHOUT ROWID table's key index lists a repeated column once (such
	 * a table is unmanaged, but still read) */
	for (i = 0; i < k->columns.count; i++)
		if (!vb_list_contains_str(&ts->pk, k->columns.items[i]))
			vb_list_push(b->arena, &ts->pk, k->columns.items[i]);
	return true;
}

/* Two keys that SQLite backs with one index: same columns, same
 * collations (sqlite3CreateIndex keeps only the first). */
static bool
same_key(const tstate *ts, const vb_sqlite_constraint *a, const vb_sqlite_constraint *c)
{
	int			k;

	if (a->columns.count != c->columns.count)
		return false;
	for (k = 0; k < a->columns.count; k++)
	{
		const vb_sqlite_key_column *x = a->columns.items[k];
		const vb_sqlite_key_column *y = c->columns.items[k];
		int			i = column_index(ts, x->name);
		int			j = column_index(ts, y->name);

		if (i != j || !vb_sqlite_ieq(str_or(x->collation, column_collation(ts, i)),
								 str_or(y->collation, column_collation(ts, j))))
			return false;
	}
	return true;
}

/* Whether an automatic index (pragma_index_xinfo) has these columns. */
static bool
index_row_matches(const vb_sqlite_index_row *ix, const vb_list *cols)
{
	int			k;

	if (ix->columns.count != cols->count)
		return false;
	for (k = 0; k < cols->count; k++)
	{
		const vb_sqlite_index_column_row *c = ix->columns.items[k];

		if (c->name == NULL || strcmp(c->name, cols->items[k]) != 0)
			return false;
	}
	return true;
}

/* The number N of sqlite_autoindex_<table>_N: automatic indexes are made
 * in the order of the text. */
static long
autoindex_number(const char *name)
{
	const char *u = strrchr(name, '_');

	return u ? strtol(u + 1, NULL, 10) : 0;
}

static int
compare_autoindex(const void *x, const void *y)
{
	long		a = autoindex_number((*(vb_sqlite_index_row *const *) x)->name);
	long		b = autoindex_number((*(vb_sqlite_index_row *const *) y)->name);

	return (a > b) - (a < b);
}

/*
 * UNIQUE constraints: one vb_key per automatic index SQLite made for them,
 * in the text's order, named by the first constraint that asked for it. A
 * UNIQUE that repeats the primary key or an earlier UNIQUE gets no index
 * of its own in SQLite, and no key here.
 */
static bool
read_uniques(builder *b, tstate *ts, const vb_sqlite_constraint *pk, bool rowid_alias)
{
	vb_list		made;			/* vb_sqlite_constraint *: keys with an index */
	vb_list		autos;			/* vb_sqlite_index_row *, origin u */
	bool		pk_index = false;
	int			i;
	int			n = 0;

	memset(&made, 0, sizeof(made));
	memset(&autos, 0, sizeof(autos));
	for (i = 0; i < ts->def->constraints.count; i++)
	{
		vb_sqlite_constraint *c = ts->def->constraints.items[i];
		int			j;
		bool		repeated = false;

		if (c->kind != VB_SQC_UNIQUE && c->kind != VB_SQC_PRIMARY_KEY)
			continue;
		if (c->kind == VB_SQC_PRIMARY_KEY && rowid_alias)
			continue;			/* the rowid: no index */
		for (j = 0; j < made.count && !repeated; j++)
			repeated = same_key(ts, made.items[j], c);
		if (!repeated)
			vb_list_push(b->arena, &made, c);
		if (repeated || c->kind == VB_SQC_PRIMARY_KEY)
			continue;
		{
			vb_key	   *k = vb_alloc(b->arena, sizeof(vb_key));

			k->name = c->name;
			if (!key_columns(b, ts, c, &k->columns))
				return false;
			vb_list_push(b->arena, &ts->t->uniques, k);
			vb_list_push(b->arena, &ts->unique_defs, c);
		}
	}
	/* a PRIMARY KEY written after an identical UNIQUE takes its index */
	for (i = 0; pk && !rowid_alias && i < ts->t->uniques.count; i++)
		if (same_key(ts, ts->unique_defs.items[i], pk))
		{
			ts->t->uniques.items[i] = NULL;
			n++;
		}
	if (n > 0)
	{
		int			j = 0;

		for (i = 0; i < ts->t->uniques.count; i++)
			if (ts->t->uniques.items[i])
			{
				ts->unique_defs.items[j] = ts->unique_defs.items[i];
				ts->t->uniques.items[j++] = ts->t->uniques.items[i];
			}
		ts->t->uniques.count = ts->unique_defs.count = j;
	}

	for (i = 0; i < ts->row->indexes.count; i++)
	{
		vb_sqlite_index_row *ix = ts->row->indexes.items[i];

		if (strcmp(ix->origin, "u") == 0)
			vb_list_push(b->arena, &autos, ix);
		else if (strcmp(ix->origin, "pk") != 0)
			continue;
		else if (rowid_alias || pk == NULL || pk_index ||
				 (!index_row_matches(ix, &ts->pk) &&
				  !index_row_matches(ix, &ts->t->primary_key->columns)))
			return mismatch(b, ts, "the pragma shows a primary key index \"%s\" that the text does not explain",
							ix->name);
		else
			pk_index = true;
	}
	if (pk && !rowid_alias && !pk_index)
		return mismatch(b, ts, "the pragma shows no index for the primary key");
	if (autos.count != ts->t->uniques.count)
		return mismatch(b, ts, "the text has %d distinct UNIQUE constraints but the pragma %d",
						ts->t->uniques.count, autos.count);
	if (autos.count > 1)
		qsort(autos.items, (size_t) autos.count, sizeof(void *), compare_autoindex);
	for (i = 0; i < autos.count; i++)
		if (!index_row_matches(autos.items[i], &((vb_key *) ts->t->uniques.items[i])->columns))
			return mismatch(b, ts, "UNIQUE constraint %d has other columns in the text than index \"%s\"",
							i + 1, ((vb_sqlite_index_row *) autos.items[i])->name);
	return true;
}

/* ---- foreign keys ------------------------------------------------------ */

static bool
action_from_pragma(const char *s, vb_fk_action *out)
{
	static const struct
	{
		const char *name;
		vb_fk_action action;
	}			map[] = {
		{"NO ACTION", VB_FK_NO_ACTION}, {"RESTRICT", VB_FK_RESTRICT},
		{"CASCADE", VB_FK_CASCADE}, {"SET NULL", VB_FK_SET_NULL},
		{"SET DEFAULT", VB_FK_SET_DEFAULT}
	};
	size_t		i;

	for (i = 0; s && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(s, map[i].name) == 0)
		{
			*out = map[i].action;
			return true;
		}
	return false;
}

/* Whether a parsed foreign key is the pragma's foreign key `row`. */
static bool
fk_matches(const tstate *ts, const vb_sqlite_constraint *c, const vb_sqlite_fk_row *row)
{
	int			k;

	if (c->columns.count != row->from.count || strcmp(c->ref_table, row->table) != 0 ||
		(c->ref_columns.count != 0 && c->ref_columns.count != row->to.count))
		return false;
	for (k = 0; k < c->columns.count; k++)
	{
		int			i = column_index(ts, c->columns.items[k]);
		const char *to = row->to.items[k];

		if (i < 0 || strcmp(ts->names.items[i], row->from.items[k]) != 0)
			return false;
		if ((c->ref_columns.count == 0) != (to == NULL))
			return false;
		if (to && strcmp(c->ref_columns.items[k], to) != 0)
			return false;
	}
	return true;
}

static bool
read_foreign_key(builder *b, tstate *ts, const vb_sqlite_constraint *c, bool *matched)
{
	vb_foreign_key *fk = vb_alloc(b->arena, sizeof(vb_foreign_key));
	const vb_sqlite_fk_row *row = NULL;
	vb_fk_action del;
	vb_fk_action upd;
	int			i;

	for (i = 0; i < ts->row->foreign_keys.count && !row; i++)
		if (!matched[i] && fk_matches(ts, c, ts->row->foreign_keys.items[i]))
		{
			matched[i] = true;
			row = ts->row->foreign_keys.items[i];
		}
	if (row == NULL)
		return mismatch(b, ts, "the pragma has no foreign key (%s) referencing \"%s\"",
						vb_sqlite_quote_ident(b->arena, c->columns.items[0]), c->ref_table);
	if (!action_from_pragma(row->on_delete, &del) || !action_from_pragma(row->on_update, &upd) ||
		del != c->on_delete || upd != c->on_update)
		return mismatch(b, ts, "a foreign key to \"%s\" has other actions in the text than in the pragma (ON DELETE %s ON UPDATE %s)",
						c->ref_table, str_or(row->on_delete, "?"), str_or(row->on_update, "?"));
	fk->name = c->name;
	for (i = 0; i < c->columns.count; i++)
	{
		char	   *name = ts->names.items[column_index(ts, c->columns.items[i])];

		if (vb_list_contains_str(&fk->columns, name))
			unmanaged(ts, b->arena, "a foreign key lists column \"%s\" twice", name);
		vb_list_push(b->arena, &fk->columns, name);
	}
	fk->ref_schema = vb_strdup(b->arena, "main");
	fk->ref_table = c->ref_table;
	for (i = 0; i < c->ref_columns.count; i++)
		vb_list_push(b->arena, &fk->ref_columns, c->ref_columns.items[i]);
	fk->on_delete = c->on_delete;
	fk->on_update = c->on_update;
	fk->deferrable = c->deferrable;
	fk->initially_deferred = c->initially_deferred;
	vb_list_push(b->arena, &ts->t->foreign_keys, fk);
	return true;
}

static bool
read_foreign_keys(builder *b, tstate *ts)
{
	bool	   *matched = vb_alloc(b->arena, sizeof(bool) * (size_t) (ts->row->foreign_keys.count + 1));
	int			n = 0;
	int			i;

	for (i = 0; i < ts->def->constraints.count; i++)
	{
		vb_sqlite_constraint *c = ts->def->constraints.items[i];

		if (c->kind != VB_SQC_FOREIGN_KEY)
			continue;
		n++;
		if (!read_foreign_key(b, ts, c, matched))
			return false;
	}
	if (n != ts->row->foreign_keys.count)
		return mismatch(b, ts, "the text has %d foreign keys but the pragma %d",
						n, ts->row->foreign_keys.count);
	return true;
}

/* ---- checks -------------------------------------------------------------- */

static void
read_checks(builder *b, tstate *ts)
{
	int			i;

	for (i = 0; i < ts->def->constraints.count; i++)
	{
		vb_sqlite_constraint *c = ts->def->constraints.items[i];
		vb_check   *ck;
		vb_list		used;

		if (c->kind != VB_SQC_CHECK)
			continue;
		ck = vb_alloc(b->arena, sizeof(vb_check));
		memset(&used, 0, sizeof(used));
		ck->name = c->name;
		ck->expression = vb_sqlite_expr_print(b->arena, c->check, &ts->names);
		vb_sqlite_expr_columns(b->arena, c->check, &ts->names, &used);
		if (used.count == 1)
			ck->name_column = used.items[0];
		vb_list_push(b->arena, &ts->t->checks, ck);
	}
}

/* ---- indexes ------------------------------------------------------------- */

static bool
read_index_element(builder *b, tstate *ts, const vb_sqlite_index_row *row,
				   const vb_sqlite_index_column *ic, const vb_sqlite_index_column_row *pc,
				   vb_index *ix)
{
	vb_index_elem *el = vb_alloc(b->arena, sizeof(vb_index_elem));
	int			i = ic->column ? column_index(ts, ic->column) : -1;

	if (pc->cid == -1)
		return unmanaged(ts, b->arena, "index \"%s\" is on the rowid", row->name);
	if ((pc->cid >= 0) != (i >= 0) || (i >= 0 && strcmp(ts->names.items[i], str_or(pc->name, "")) != 0))
		return mismatch(b, ts, "an element of index \"%s\" is %s in the text but %s in the pragma",
						row->name, i >= 0 ? (char *) ts->names.items[i] : "an expression",
						pc->name ? pc->name : "an expression");
	if (pc->desc != ic->desc)
		return mismatch(b, ts, "an element of index \"%s\" is%s DESC in the text but not in the pragma",
						row->name, ic->desc ? "" : " not");
	if ((i >= 0 || ic->collation) &&
		!vb_sqlite_ieq(str_or(ic->collation, i >= 0 ? column_collation(ts, i) : "BINARY"),
				   str_or(pc->coll, "BINARY")))
		return mismatch(b, ts, "an element of index \"%s\" has collation %s in the pragma",
						row->name, str_or(pc->coll, "?"));
	el->desc = ic->desc;
	if (i >= 0)
	{
		el->column = ts->names.items[i];
		if (ic->collation && strcmp(ic->collation, column_collation(ts, i)) != 0)
			el->collation = ic->collation;
		vb_list_push(b->arena, &ix->columns, el->column);
	}
	else
	{
		el->expression = vb_sqlite_expr_print(b->arena, ic->expr, &ts->names);
		el->collation = ic->collation;
		vb_list_push(b->arena, &ix->columns,
					 vb_strdup(b->arena, ic->expr->kind == VB_SQE_FUNCTION ? ic->expr->text : "expr"));
	}
	vb_list_push(b->arena, &ix->elements, el);
	return true;
}

static bool
read_index(builder *b, tstate *ts, const vb_sqlite_index_row *row)
{
	vb_sqlite_index_def *def;
	vb_index   *ix = vb_alloc(b->arena, sizeof(vb_index));
	vb_error	perr;
	int			k;

	if (row->sql == NULL)
		return mismatch(b, ts, "index \"%s\" has no CREATE INDEX text", row->name);
	if (!vb_sqlite_parse_create_index(b->arena, row->sql, &def, &perr))
		return mismatch(b, ts, "the text of index \"%s\" cannot be read: %s", row->name, perr.message);
	if (!vb_sqlite_ieq(def->table, ts->row->name) || def->unique != row->unique ||
		(def->where != NULL) != row->partial || def->columns.count != row->columns.count)
		return mismatch(b, ts, "index \"%s\" differs between its text and the pragma", row->name);
	ix->name = vb_strdup(b->arena, row->name);
	ix->unique = def->unique;
	ix->method = vb_strdup(b->arena, "btree");
	if (def->where)
		ix->where = vb_sqlite_expr_print(b->arena, def->where, &ts->names);
	for (k = 0; k < def->columns.count; k++)
		if (!read_index_element(b, ts, row, def->columns.items[k], row->columns.items[k], ix))
			return false;
	vb_list_push(b->arena, &ts->t->indexes, ix);
	return true;
}

/* ---- a table --------------------------------------------------------------- */

static bool
read_table(builder *b, tstate *ts)
{
	const vb_sqlite_table_row *row = ts->row;
	vb_sqlite_constraint *pk;
	vb_error	perr;
	int			i;

	if (!vb_sqlite_parse_create_table(b->arena, row->sql, &ts->def, &perr))
		return mismatch(b, ts, "its CREATE statement cannot be read: %s", perr.message);
	if (ts->def->as_select || ts->def->columns.count != row->columns.count)
		return mismatch(b, ts, "the text has %d columns but the pragma %d",
						ts->def->columns.count, row->columns.count);
	if (ts->def->strict != row->strict || ts->def->without_rowid != row->without_rowid)
		return mismatch(b, ts, "STRICT or WITHOUT ROWID differ between the text and pragma_table_list");
	for (i = 0; i < ts->def->columns.count; i++)
	{
		vb_list_push(b->arena, &ts->names, column_def(ts, i)->name);
		if (column_def(ts, i)->name[0] == '\0')
			unmanaged(ts, b->arena, "column %d has an empty name", i + 1);
	}
	if (row->name[0] == '\0')
		unmanaged(ts, b->arena, "its name is empty");

	ts->t = vb_alloc(b->arena, sizeof(vb_table));
	ts->t->schema = vb_strdup(b->arena, "main");
	ts->t->name = vb_strdup(b->arena, row->name);
	ts->t->strict = row->strict;
	ts->t->without_rowid = row->without_rowid;
	pk = primary_key_def(ts);
	for (i = 0; i < ts->def->constraints.count; i++)
		if (((vb_sqlite_constraint *) ts->def->constraints.items[i])->kind == VB_SQC_PRIMARY_KEY &&
			ts->def->constraints.items[i] != pk)
			return mismatch(b, ts, "the text has more than one PRIMARY KEY");
	for (i = 0; i < ts->def->columns.count; i++)
		if (!read_column(b, ts, i, pk))
			return false;
	if (!read_primary_key(b, ts, pk) || !read_uniques(b, ts, pk, is_rowid_alias(ts, pk)) ||
		!read_foreign_keys(b, ts))
		return false;
	read_checks(b, ts);
	for (i = 0; i < row->indexes.count; i++)
	{
		vb_sqlite_index_row *ix = row->indexes.items[i];

		if (strcmp(ix->origin, "c") == 0 && !read_index(b, ts, ix))
			return false;
	}
	return true;
}

/* ---- across tables ---------------------------------------------------------- */

/* Table names compare ASCII case-insensitively: the key of `by_name`. */
static char *
folded(vb_arena *arena, const char *name)
{
	return vb_sqlite_upper(arena, name, strlen(name));
}

/*
 * Referenced tables and columns in their own spelling; "REFERENCES p"
 * without columns is p's primary key (SQLite resolves it at each use).
 */
static void
resolve_references(builder *b, const vb_map *by_name, tstate *ts)
{
	int			i;
	int			k;

	for (i = 0; ts->t && i < ts->t->foreign_keys.count; i++)
	{
		vb_foreign_key *fk = ts->t->foreign_keys.items[i];
		tstate	   *parent = vb_map_get(by_name, folded(b->arena, fk->ref_table));

		if (parent)
			fk->ref_table = (char *) parent->row->name;
		if (fk->ref_columns.count == 0)
		{
			if (parent == NULL || parent->pk.count != fk->columns.count)
			{
				unmanaged(ts, b->arena, "a foreign key references table \"%s\" without naming "
						  "columns, and that table has no primary key of as many columns",
						  fk->ref_table);
				return;
			}
			for (k = 0; k < parent->pk.count; k++)
				vb_list_push(b->arena, &fk->ref_columns, parent->pk.items[k]);
		}
		for (k = 0; parent && k < fk->ref_columns.count; k++)
		{
			int			c = column_index(parent, fk->ref_columns.items[k]);

			if (c >= 0)
				fk->ref_columns.items[k] = parent->names.items[c];
		}
	}
}

/* A name not yet taken in `taken`: base, else PostgreSQL's numbering. */
static char *
choose_name(vb_arena *arena, vb_map *taken, const char *scope, const char *table,
			const vb_list *columns, const char *label)
{
	int			n;

	for (n = 0;; n++)
	{
		char	   *l = n == 0 ? vb_strdup(arena, label) : vb_printf(arena, "%s%d", label, n);
		char	   *name = columns ? vb_default_name(arena, table, columns, l) :
			vb_make_object_name(arena, table, NULL, l);

		if (!vb_map_get(taken, vb_key2(arena, scope, name)))
		{
			vb_map_put(taken, vb_key2(arena, scope, name), name);
			return name;
		}
	}
}

static void
take(builder *b, vb_map *map, const char *scope, const char *name)
{
	if (name)
		vb_map_put(map, vb_key2(b->arena, scope, name), (void *) name);
}

/* Unnamed keys, foreign keys and checks get the names of CONTRACT §1. */
static void
name_objects(builder *b, vb_table *t)
{
	vb_map		cons;
	int			i;

	if (t->primary_key && t->primary_key->name == NULL)
	{
		t->primary_key->name = choose_name(b->arena, &b->relnames, "", t->name, NULL, "pkey");
		t->primary_key->implicit_name = true;
	}
	for (i = 0; i < t->uniques.count; i++)
	{
		vb_key	   *k = t->uniques.items[i];

		if (k->name == NULL)
		{
			k->name = choose_name(b->arena, &b->relnames, "", t->name, &k->columns, "key");
			k->implicit_name = true;
		}
	}
	vb_map_init(&cons, b->arena, 16);
	if (t->primary_key)
		take(b, &cons, "", t->primary_key->name);
	for (i = 0; i < t->uniques.count; i++)
		take(b, &cons, "", ((vb_key *) t->uniques.items[i])->name);
	for (i = 0; i < t->foreign_keys.count; i++)
		take(b, &cons, "", ((vb_foreign_key *) t->foreign_keys.items[i])->name);
	for (i = 0; i < t->checks.count; i++)
		take(b, &cons, "", ((vb_check *) t->checks.items[i])->name);
	for (i = 0; i < t->foreign_keys.count; i++)
	{
		vb_foreign_key *fk = t->foreign_keys.items[i];

		if (fk->name == NULL)
		{
			fk->name = choose_name(b->arena, &cons, "", t->name, &fk->columns, "fkey");
			fk->implicit_name = true;
		}
	}
	for (i = 0; i < t->checks.count; i++)
	{
		vb_check   *ck = t->checks.items[i];
		vb_list		one;

		memset(&one, 0, sizeof(one));
		if (ck->name_column)
			vb_list_push(b->arena, &one, ck->name_column);
		if (ck->name == NULL)
		{
			ck->name = choose_name(b->arena, &cons, "", t->name,
								   ck->name_column ? &one : NULL, "check");
			ck->implicit_name = true;
		}
	}
}

static void
note_name(builder *b, tstate *ts, vb_map *seen, const char *name)
{
	if (name[0] == '\0')
		unmanaged(ts, b->arena, "one of its constraints or indexes has an empty name");
	else if (vb_map_get(seen, name))
		unmanaged(ts, b->arena, "two of its constraints or indexes are named \"%s\"", name);
	vb_map_put(seen, name, (void *) name);
}

/* Two objects of one table with one name cannot be written as a document. */
static void
check_duplicate_names(builder *b, tstate *ts)
{
	vb_map		seen;
	vb_table   *t = ts->t;
	int			i;

	vb_map_init(&seen, b->arena, 16);
	if (t->primary_key)
		note_name(b, ts, &seen, t->primary_key->name);
	for (i = 0; i < t->uniques.count; i++)
		note_name(b, ts, &seen, ((vb_key *) t->uniques.items[i])->name);
	for (i = 0; i < t->indexes.count; i++)
		note_name(b, ts, &seen, ((vb_index *) t->indexes.items[i])->name);
	for (i = 0; i < t->foreign_keys.count; i++)
		note_name(b, ts, &seen, ((vb_foreign_key *) t->foreign_keys.items[i])->name);
	for (i = 0; i < t->checks.count; i++)
		note_name(b, ts, &seen, ((vb_check *) t->checks.items[i])->name);
}

/* ---- sorting -------------------------------------------------------------- */

#define NAME_COMPARATOR(fn, type) \
	static int \
	fn(const void *x, const void *y) \
	{ \
		return strcmp((*(type *const *) x)->name, (*(type *const *) y)->name); \
	}

NAME_COMPARATOR(compare_keys, vb_key)
NAME_COMPARATOR(compare_indexes, vb_index)
NAME_COMPARATOR(compare_fks, vb_foreign_key)
NAME_COMPARATOR(compare_checks, vb_check)
NAME_COMPARATOR(compare_table_rows, vb_sqlite_table_row)

static void
sort_list(vb_list *list, int (*cmp) (const void *, const void *))
{
	if (list->count > 1)
		qsort(list->items, (size_t) list->count, sizeof(void *), cmp);
}

static int
compare_unmanaged(const void *x, const void *y)
{
	const vb_unmanaged *a = *(vb_unmanaged *const *) x;
	const vb_unmanaged *b = *(vb_unmanaged *const *) y;
	int			c = strcmp(a->kind, b->kind);

	return c ? c : strcmp(a->object, b->object);
}

static vb_unmanaged *
add_unmanaged(builder *b, const char *kind, const char *name, const char *table,
			  const char *sql, const char *reason)
{
	vb_unmanaged *u = vb_alloc(b->arena, sizeof(vb_unmanaged));

	u->kind = vb_strdup(b->arena, kind);
	u->object = vb_strdup(b->arena, name);
	u->table = vb_strdup(b->arena, table);
	u->definition = vb_strdup(b->arena, sql);
	u->reason = vb_strdup(b->arena, reason);
	vb_list_push(b->arena, &b->s->unmanaged, u);
	return u;
}

bool
vb_sqlite_build_schema(vb_arena *arena, const vb_sqlite_catalog *cat, vb_schema **out,
					   vb_error *err)
{
	builder		b;
	vb_list		rows;
	vb_map		by_name;
	tstate	   *states;
	int			n = cat->tables.count;
	int			i;
	int			k;

	memset(&b, 0, sizeof(b));
	b.arena = arena;
	b.err = err;
	b.s = vb_alloc(arena, sizeof(vb_schema));
	b.s->dialect = vb_strdup(arena, "sqlite");
	vb_map_init(&b.relnames, arena, n * 4 + 16);

	/* tables in name order, whatever order the rows came in */
	memset(&rows, 0, sizeof(rows));
	for (i = 0; i < n; i++)
		vb_list_push(arena, &rows, cat->tables.items[i]);
	sort_list(&rows, compare_table_rows);
	states = vb_alloc(arena, sizeof(tstate) * (size_t) (n + 1));
	vb_map_init(&by_name, arena, n + 1);
	for (i = 0; i < n; i++)
	{
		if (vb_should_stop(arena))
			return vb_canceled(err, arena);
		states[i].row = rows.items[i];
		vb_map_put(&by_name, folded(arena, states[i].row->name), &states[i]);
		if (!read_table(&b, &states[i]))
			return false;
		take(&b, &b.relnames, "", states[i].row->name);
		for (k = 0; k < states[i].row->indexes.count; k++)
			take(&b, &b.relnames, "", ((vb_sqlite_index_row *) states[i].row->indexes.items[k])->name);
	}
	for (i = 0; i < n; i++)
	{
		vb_table   *t = states[i].t;

		if (vb_should_stop(arena))
			return vb_canceled(err, arena);
		resolve_references(&b, &by_name, &states[i]);
		if (t->primary_key)
			take(&b, &b.relnames, "", t->primary_key->name);
		for (k = 0; k < t->uniques.count; k++)
			take(&b, &b.relnames, "", ((vb_key *) t->uniques.items[k])->name);
	}
	for (i = 0; i < n; i++)
	{
		tstate	   *ts = &states[i];

		if (vb_should_stop(arena))
			return vb_canceled(err, arena);
		name_objects(&b, ts->t);
		check_duplicate_names(&b, ts);
		if (ts->reason)
		{
			add_unmanaged(&b, "table", ts->row->name, ts->row->name, ts->row->sql, ts->reason);
			for (k = 0; k < ts->row->indexes.count; k++)
			{
				vb_sqlite_index_row *ix = ts->row->indexes.items[k];

				if (ix->sql)
					add_unmanaged(&b, "index", ix->name, ts->row->name, ix->sql, NULL);
			}
			continue;
		}
		sort_list(&ts->t->uniques, compare_keys);
		sort_list(&ts->t->indexes, compare_indexes);
		sort_list(&ts->t->foreign_keys, compare_fks);
		sort_list(&ts->t->checks, compare_checks);
		vb_list_push(arena, &b.s->tables, ts->t);
	}
	for (i = 0; i < cat->others.count; i++)
	{
		const vb_sqlite_other_row *o = cat->others.items[i];

		add_unmanaged(&b, o->kind, o->name, o->table, o->sql, NULL);
	}
	sort_list(&b.s->unmanaged, compare_unmanaged);
	*out = b.s;
	return true;
}
