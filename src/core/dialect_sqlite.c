/*
 * dialect_sqlite.c — SQLite 3.40 as a dialect: its quoting and keywords,
 * type affinity, the SQL of what ALTER TABLE can do in place (rename a
 * table or column, add or drop a column, create or drop an index), and the
 * table rebuild for everything else, lowered from the differ's operations.
 *
 * The rebuild follows SQLite's documented procedure (lang_altertable.html,
 * "Making Other Kinds Of Table Schema Changes"): create the new table under
 * a scratch name, copy the rows, drop the old table, rename the new one,
 * create its indexes and triggers again, keep the AUTOINCREMENT counter.
 * foreign_keys must be off (the driver turns it off outside the
 * transaction and runs foreign_key_check before COMMIT): a DROP TABLE
 * would otherwise delete child rows through ON DELETE CASCADE. The rename
 * runs with legacy_alter_table on, so views and other tables' triggers that
 * name the table are neither rewritten nor checked while it is missing;
 * renames of tables and columns run in place before the rebuild, so the
 * rebuilt table and its columns already carry their new names.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dialect.h"
#include "vb_internal.h"
#include "vb_sqlite.h"

/* ---- lexical rules ---------------------------------------------------------- */

/*
 * Quoting is sqlite_lex.c's (vb_sqlite_quote_ident: bare when an identifier
 * that is no keyword, TRUE or FALSE; vb_sqlite_quote_literal), which checks
 * its keyword list against libsqlite3's.
 */

/* One schema ("main"): names are never qualified. */
static char *
sqlite_qualified(vb_arena *a, const char *schema, const char *name)
{
	(void) schema;
	return vb_sqlite_quote_ident(a, name);
}

static char *
quote_list(vb_arena *a, const vb_list *idents)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < idents->count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? ", " : "", vb_sqlite_quote_ident(a, idents->items[i]));
	return buf.data;
}

/* ---- types ---------------------------------------------------------------- */

typedef enum affinity
{
	AFF_INTEGER,
	AFF_TEXT,
	AFF_BLOB,
	AFF_REAL,
	AFF_NUMERIC
} affinity;

static bool
contains(const char *type, const char *part)
{
	size_t		n = strlen(part);
	const char *p;

	for (p = type; *p; p++)
		if (strncasecmp(p, part, n) == 0)
			return true;
	return false;
}

/* The rules of datatype3.html §3.1, in their order. */
static affinity
affinity_of(const char *type)
{
	if (contains(type, "INT"))
		return AFF_INTEGER;
	if (contains(type, "CHAR") || contains(type, "CLOB") || contains(type, "TEXT"))
		return AFF_TEXT;
	if (type[0] == '\0' || contains(type, "BLOB"))
		return AFF_BLOB;
	if (contains(type, "REAL") || contains(type, "FLOA") || contains(type, "DOUB"))
		return AFF_REAL;
	return AFF_NUMERIC;
}

/* AUTOINCREMENT is legal on INTEGER PRIMARY KEY alone. */
static int
sqlite_integer_rank(const char *type)
{
	return strcasecmp(type, "INTEGER") == 0 ? 2 : 0;
}

/*
 * A declared type that keeps the column's affinity stores every value as
 * it was (the table is rebuilt to change the text); other changes convert
 * values and are destructive.
 */
static bool
sqlite_safe_type_change(vb_arena *a, const char *from, const char *to, bool *rewrite)
{
	(void) a;
	*rewrite = true;
	return affinity_of(from) == affinity_of(to);
}

/* No arrays. */
static const char *
sqlite_element_type(vb_arena *a, const char *type, int *dims)
{
	(void) a;
	*dims = 0;
	return type;
}

static char *
sqlite_cast(vb_arena *a, const char *expr, const char *from, const char *to, bool through_text)
{
	(void) from;
	(void) through_text;
	return expr ? vb_printf(a, "CAST(%s AS %s)", expr, to) : vb_strdup(a, "NULL");
}

/* ---- table definitions ------------------------------------------------------- */

static const char *const fk_action_sql[] = {
	"NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"
};

/* A default SQLite takes bare: a literal, a signed number, NULL, TRUE,
 * FALSE or CURRENT_*; anything else goes in parentheses. */
static bool
bare_default(const char *text)
{
	const char *p = text;

	if (*p == '\'' || ((*p == 'x' || *p == 'X') && p[1] == '\''))
		return p[strlen(p) - 1] == '\'';
	if (*p == '-' || *p == '+')
		p++;
	if (isdigit((unsigned char) *p) || (*p == '.' && isdigit((unsigned char) p[1])))
	{
		for (; *p; p++)
			if (!isalnum((unsigned char) *p) && *p != '.' && *p != '+' && *p != '-')
				return false;
		return true;
	}
	return strcasecmp(text, "NULL") == 0 || strcasecmp(text, "TRUE") == 0 ||
		strcasecmp(text, "FALSE") == 0 || strcasecmp(text, "CURRENT_TIME") == 0 ||
		strcasecmp(text, "CURRENT_DATE") == 0 || strcasecmp(text, "CURRENT_TIMESTAMP") == 0;
}

static const char *
default_clause(vb_arena *a, const char *text)
{
	return bare_default(text) ? vb_printf(a, " DEFAULT %s", text) : vb_printf(a, " DEFAULT (%s)", text);
}

/* The column the table's PRIMARY KEY AUTOINCREMENT sits on, if any. */
static const vb_column *
autoincrement_column(const vb_table *t)
{
	const vb_column *c;

	if (t->primary_key == NULL || t->primary_key->columns.count != 1)
		return NULL;
	c = vb_find_column(t, t->primary_key->columns.items[0]);
	return c && c->auto_increment ? c : NULL;
}

static char *
column_definition(vb_arena *a, const vb_table *t, const vb_column *c)
{
	vb_buf		buf;

	vb_buf_init(&buf, a);
	vb_buf_append(&buf, vb_sqlite_quote_ident(a, c->name));
	if (c->type[0])
		vb_buf_appendf(&buf, " %s", c->type);
	if (!c->nullable)
		vb_buf_append(&buf, " NOT NULL");
	if (c == autoincrement_column(t))
		vb_buf_appendf(&buf, " CONSTRAINT %s PRIMARY KEY AUTOINCREMENT",
					   vb_sqlite_quote_ident(a, t->primary_key->name));
	if (c->default_expr)
		vb_buf_append(&buf, default_clause(a, c->default_expr));
	if (c->collation)
		vb_buf_appendf(&buf, " COLLATE %s", vb_sqlite_quote_ident(a, c->collation));
	if (c->generated)
		vb_buf_appendf(&buf, " GENERATED ALWAYS AS (%s) %s", c->generated,
					   c->generated_virtual ? "VIRTUAL" : "STORED");
	return buf.data;
}

static char *
foreign_key_clause(vb_arena *a, const vb_foreign_key *fk)
{
	vb_buf		buf;

	vb_buf_init(&buf, a);
	vb_buf_appendf(&buf, "CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)",
				   vb_sqlite_quote_ident(a, fk->name), quote_list(a, &fk->columns),
				   vb_sqlite_quote_ident(a, fk->ref_table), quote_list(a, &fk->ref_columns));
	if (fk->on_update != VB_FK_NO_ACTION)
		vb_buf_appendf(&buf, " ON UPDATE %s", fk_action_sql[fk->on_update]);
	if (fk->on_delete != VB_FK_NO_ACTION)
		vb_buf_appendf(&buf, " ON DELETE %s", fk_action_sql[fk->on_delete]);
	if (fk->deferrable)
		vb_buf_append(&buf, fk->initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
	return buf.data;
}

/* CREATE TABLE with every constraint inline: SQLite cannot add one later. */
static char *
create_table_text(vb_arena *a, const vb_table *t, const char *name)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	vb_buf_appendf(&buf, "CREATE TABLE %s (", vb_sqlite_quote_ident(a, name));
	for (i = 0; i < t->columns.count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? ", " : "", column_definition(a, t, t->columns.items[i]));
	if (t->primary_key && autoincrement_column(t) == NULL)
		vb_buf_appendf(&buf, ", CONSTRAINT %s PRIMARY KEY (%s)",
					   vb_sqlite_quote_ident(a, t->primary_key->name),
					   quote_list(a, &t->primary_key->columns));
	for (i = 0; i < t->uniques.count; i++)
	{
		const vb_key *k = t->uniques.items[i];

		vb_buf_appendf(&buf, ", CONSTRAINT %s UNIQUE (%s)", vb_sqlite_quote_ident(a, k->name),
					   quote_list(a, &k->columns));
	}
	for (i = 0; i < t->checks.count; i++)
	{
		const vb_check *ck = t->checks.items[i];

		vb_buf_appendf(&buf, ", CONSTRAINT %s CHECK (%s)", vb_sqlite_quote_ident(a, ck->name),
					   ck->expression);
	}
	for (i = 0; i < t->foreign_keys.count; i++)
		vb_buf_appendf(&buf, ", %s", foreign_key_clause(a, t->foreign_keys.items[i]));
	vb_buf_appendc(&buf, ')');
	if (t->strict && t->without_rowid)
		vb_buf_append(&buf, " STRICT, WITHOUT ROWID");
	else if (t->strict)
		vb_buf_append(&buf, " STRICT");
	else if (t->without_rowid)
		vb_buf_append(&buf, " WITHOUT ROWID");
	return buf.data;
}

static char *
create_index_text(vb_arena *a, const char *table, const vb_index *ix)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	vb_buf_appendf(&buf, "CREATE %sINDEX %s ON %s (", ix->unique ? "UNIQUE " : "",
				   vb_sqlite_quote_ident(a, ix->name), vb_sqlite_quote_ident(a, table));
	for (i = 0; i < ix->elements.count; i++)
	{
		const vb_index_elem *el = ix->elements.items[i];

		vb_buf_appendf(&buf, "%s%s", i ? ", " : "",
					   el->column ? vb_sqlite_quote_ident(a, el->column) : el->expression);
		if (el->collation)
			vb_buf_appendf(&buf, " COLLATE %s", vb_sqlite_quote_ident(a, el->collation));
		if (el->desc)
			vb_buf_append(&buf, " DESC");
	}
	vb_buf_appendc(&buf, ')');
	if (ix->where)
		vb_buf_appendf(&buf, " WHERE %s", ix->where);
	return buf.data;
}

/* ---- what ALTER TABLE can do ------------------------------------------------------ */

static void
write_create_table(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, create_table_text(out->arena, c->table, c->table->name));
}

static void
write_drop_table(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "DROP TABLE %s",
							  vb_sqlite_quote_ident(out->arena, c->cur_table->name)));
}

static void
write_rename_table(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "ALTER TABLE %s RENAME TO %s",
							  vb_sqlite_quote_ident(out->arena, c->cur_table->name),
							  vb_sqlite_quote_ident(out->arena, c->table->name)));
}

static void
write_add_column(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "ALTER TABLE %s ADD COLUMN %s",
							  vb_sqlite_quote_ident(out->arena, c->table->name),
							  column_definition(out->arena, c->table, c->column)));
}

static void
write_drop_column(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "ALTER TABLE %s DROP COLUMN %s",
							  vb_sqlite_quote_ident(out->arena, c->cur_table->name),
							  vb_sqlite_quote_ident(out->arena, c->cur_column->name)));
}

static void
write_rename_column(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "ALTER TABLE %s RENAME COLUMN %s TO %s",
							  vb_sqlite_quote_ident(out->arena, c->table->name),
							  vb_sqlite_quote_ident(out->arena, c->from),
							  vb_sqlite_quote_ident(out->arena, c->to)));
}

static void
write_create_index(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, create_index_text(out->arena, c->table->name, c->index));
}

static void
write_drop_index(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "DROP INDEX %s",
							  vb_sqlite_quote_ident(out->arena, c->index->name)));
}

/* ---- the rebuild ---------------------------------------------------------------- */

/* Is the column the table's rowid (INTEGER PRIMARY KEY of a rowid table)? */
static bool
rowid_alias(const vb_table *t, const vb_column *c)
{
	return !t->without_rowid && t->primary_key && t->primary_key->columns.count == 1 &&
		strcmp(t->primary_key->columns.items[0], c->name) == 0 &&
		strcasecmp(c->type, "INTEGER") == 0;
}

/*
 * INSERT INTO new (...) SELECT ... FROM old: every column the table keeps,
 * by its (already renamed) name; NULLs take the column's default where it
 * becomes NOT NULL; new and generated columns are filled by the table. The
 * rowid is copied too, unless a kept column is the new rowid.
 */
static char *
copy_rows(vb_arena *a, const vb_change *c, const char *scratch)
{
	const vb_table *t = c->table;
	vb_buf		into;
	vb_buf		from;
	bool		rowid = !c->cur_table->without_rowid && !t->without_rowid;
	int			i;

	vb_buf_init(&into, a);
	vb_buf_init(&from, a);
	for (i = 0; i < t->columns.count; i++)
	{
		const vb_column *dc = t->columns.items[i];
		const vb_column *cc = c->pair->sources.items[i];
		const char *col = vb_sqlite_quote_ident(a, dc->name);

		if (cc == NULL || dc->generated)
			continue;
		if (rowid_alias(t, dc))
			rowid = false;
		vb_buf_appendf(&into, "%s%s", into.len ? ", " : "", col);
		if (!dc->nullable && cc->nullable && dc->default_expr)
			vb_buf_appendf(&from, "%scoalesce(%s, %s)", from.len ? ", " : "", col,
						   bare_default(dc->default_expr) ? dc->default_expr :
						   vb_printf(a, "(%s)", dc->default_expr));
		else
			vb_buf_appendf(&from, "%s%s", from.len ? ", " : "", col);
	}
	return vb_printf(a, "INSERT INTO %s (%s%s%s) SELECT %s%s%s FROM %s",
					 vb_sqlite_quote_ident(a, scratch), rowid ? "rowid" : "",
					 rowid && into.len ? ", " : "", into.data, rowid ? "rowid" : "",
					 rowid && from.len ? ", " : "", from.data, vb_sqlite_quote_ident(a, t->name));
}

/*
 * The AUTOINCREMENT counter outlives the rows (sqlite_sequence keeps the
 * largest id ever used); DROP TABLE deletes the table's row, so it is set
 * aside under another name first and put back after the rename.
 */
static void
keep_counter(vb_sql *out, const vb_change *c, bool before)
{
	vb_arena   *a = out->arena;
	const char *name = vb_sqlite_quote_literal(a, c->table->name);
	const char *aside = vb_sqlite_quote_literal(a, vb_printf(a, "viborm_seq_%s", c->table->name));

	if (autoincrement_column(c->cur_table) == NULL || autoincrement_column(c->table) == NULL)
		return;
	if (before)
		vb_sql_add(out, vb_printf(a, "UPDATE sqlite_sequence SET name = %s WHERE name = %s",
								  aside, name));
	else
	{
		vb_sql_add(out, vb_printf(a, "DELETE FROM sqlite_sequence WHERE name = %s", name));
		vb_sql_add(out, vb_printf(a, "UPDATE sqlite_sequence SET name = %s WHERE name = %s",
								  name, aside));
	}
}

static void
write_rebuild_table(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;
	const vb_table *t = c->table;
	char	   *scratch = vb_printf(a, "viborm_new_%s", t->name);
	int			i;

	vb_sql_add(out, create_table_text(a, t, scratch));
	vb_sql_add(out, copy_rows(a, c, scratch));
	keep_counter(out, c, true);
	vb_sql_add(out, vb_printf(a, "DROP TABLE %s", vb_sqlite_quote_ident(a, t->name)));
	vb_sql_add(out, vb_strdup(a, "PRAGMA legacy_alter_table = ON"));
	vb_sql_add(out, vb_printf(a, "ALTER TABLE %s RENAME TO %s", vb_sqlite_quote_ident(a, scratch),
							  vb_sqlite_quote_ident(a, t->name)));
	vb_sql_add(out, vb_strdup(a, "PRAGMA legacy_alter_table = OFF"));
	keep_counter(out, c, false);
	for (i = 0; i < t->indexes.count; i++)
		vb_sql_add(out, create_index_text(a, t->name, t->indexes.items[i]));
	for (i = 0; i < c->remake.count; i++)
		vb_sql_add(out, vb_strdup(a, ((vb_unmanaged *) c->remake.items[i])->definition));
}

/* ---- data guards ---------------------------------------------------------------- */

/*
 * The guards' queries. A type change has none: SQLite stores a value it
 * cannot convert as it is (a STRICT table refuses it instead, and the copy
 * of the rebuild fails with nothing applied).
 */
static char *
sqlite_guard_query(vb_arena *a, const vb_guard *g)
{
	const char *t = vb_sqlite_quote_ident(a, g->table);
	const char *col = g->column ? vb_sqlite_quote_ident(a, g->column) : NULL;

	switch (g->kind)
	{
		case VB_GUARD_NOT_NULL:
			return vb_printf(a, "SELECT count(*) FROM %s WHERE %s IS NULL", t, col);
		case VB_GUARD_TABLE_EMPTY:
			return vb_printf(a, "SELECT count(*) FROM %s", t);
		case VB_GUARD_UNIQUE:
			return vb_unique_guard_sql(a, &vb_dialect_sqlite, g, t, "coalesce(sum(n - 1), 0)", NULL);
		case VB_GUARD_CHECK:
			return vb_printf(a, "SELECT count(*) FROM %s WHERE NOT (%s)", t, g->expression);
		case VB_GUARD_FOREIGN_KEY:
			return vb_foreign_key_guard_sql(a, &vb_dialect_sqlite, g, t);
		case VB_GUARD_TYPE_CHANGE:	/* stored as it is when it does not convert */
		case VB_GUARD_ENUM_VALUE:	/* no enum types */
		case VB_GUARD_ENUM_TARGET:
			break;
	}
	return NULL;
}

/* ---- hazards ---------------------------------------------------------------------- */

/*
 * A push holds SQLite's write lock from BEGIN IMMEDIATE to COMMIT, so no
 * operation blocks more than another; what differs is the work: a rebuild
 * rewrites the table and builds its indexes, DROP COLUMN rewrites it too.
 */
static unsigned
sqlite_hazards(const vb_operation *op)
{
	const vb_change *c = &op->change;

	switch (op->kind)
	{
		case VB_OP_REBUILD_TABLE:
			return VB_HAZARD_TABLE_REWRITE | VB_HAZARD_TABLE_SCAN |
				(c->table->indexes.count ? VB_HAZARD_INDEX_BUILD : 0) |
				(op->destructive ? VB_HAZARD_DELETES_DATA : 0);
		case VB_OP_DROP_COLUMN:
			return VB_HAZARD_TABLE_REWRITE | VB_HAZARD_DELETES_DATA;
		case VB_OP_DROP_TABLE:
			return VB_HAZARD_DELETES_DATA;
		case VB_OP_CREATE_INDEX:
			return c->new_table ? 0 : VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD;
		default:
			return 0;
	}
}

/* ---- lowering ----------------------------------------------------------------------- */

/* Can ALTER TABLE ADD COLUMN add it, whatever the rows? (lang_altertable.html) */
static bool
addable(const vb_column *c)
{
	if (c->generated)
		return c->generated_virtual;
	if (c->default_expr == NULL)
		return c->nullable;
	if (strncasecmp(c->default_expr, "CURRENT_", 8) == 0 || !bare_default(c->default_expr))
		return false;
	return c->nullable || strcasecmp(c->default_expr, "NULL") != 0;
}

/* Does the (canonical) expression use the column? */
static bool
expression_uses(vb_arena *a, const char *expr, const char *col)
{
	vb_sqlite_expr *e;
	vb_error	err;
	vb_list		cols = {0};
	vb_list		used = {0};

	if (expr == NULL)
		return false;
	if (!vb_sqlite_expr_parse(a, expr, &e, &err))
		return true;			/* cannot tell: as if it did */
	vb_list_push(a, &cols, (void *) col);
	vb_sqlite_expr_columns(a, e, &cols, &used);
	return used.count > 0;
}

/*
 * Would ALTER TABLE DROP COLUMN refuse the column (lang_altertable.html:
 * part of the primary key or a UNIQUE constraint, indexed, in a partial
 * index's predicate, a CHECK, a table-level foreign key, a generated
 * column's expression)? Indexes the plan drops are gone by then; triggers
 * and views that name it make SQLite refuse the statement (VB008).
 */
static bool
column_in_use(vb_arena *a, const vb_table *t, const char *col)
{
	int			i;
	int			j;

	if (t->primary_key && vb_list_contains_str(&t->primary_key->columns, col))
		return true;
	for (i = 0; i < t->uniques.count; i++)
		if (vb_list_contains_str(&((vb_key *) t->uniques.items[i])->columns, col))
			return true;
	for (i = 0; i < t->foreign_keys.count; i++)
		if (vb_list_contains_str(&((vb_foreign_key *) t->foreign_keys.items[i])->columns, col))
			return true;
	for (i = 0; i < t->checks.count; i++)
		if (expression_uses(a, ((vb_check *) t->checks.items[i])->expression, col))
			return true;
	for (i = 0; i < t->columns.count; i++)
		if (expression_uses(a, ((vb_column *) t->columns.items[i])->generated, col))
			return true;
	for (i = 0; i < t->indexes.count; i++)
	{
		const vb_index *ix = t->indexes.items[i];

		if (expression_uses(a, ix->where, col))
			return true;
		for (j = 0; j < ix->elements.count; j++)
		{
			const vb_index_elem *el = ix->elements.items[j];

			if (el->column ? strcmp(el->column, col) == 0 : expression_uses(a, el->expression, col))
				return true;
		}
	}
	return false;
}

/* Does the operation need the table rebuilt? */
static bool
needs_rebuild(vb_arena *a, const vb_operation *op)
{
	const vb_change *c = &op->change;

	switch (op->kind)
	{
		case VB_OP_ADD_COLUMN:
			return c->recreate || !addable(c->column);
		case VB_OP_DROP_COLUMN:
			return c->recreate || column_in_use(a, c->cur_table, c->cur_column->name);
		case VB_OP_ALTER_COLUMN:
		case VB_OP_RENAME_CONSTRAINT:
		case VB_OP_VALIDATE_CONSTRAINT:
			return true;
		case VB_OP_ADD_PRIMARY_KEY:
		case VB_OP_ADD_UNIQUE:
		case VB_OP_ADD_FOREIGN_KEY:
		case VB_OP_ADD_CHECK:
			return !c->new_table;
		case VB_OP_DROP_PRIMARY_KEY:
		case VB_OP_DROP_UNIQUE:
		case VB_OP_DROP_CHECK:
			return true;
		case VB_OP_DROP_FOREIGN_KEY:
		case VB_OP_ALTER_CONSTRAINT:	/* a foreign key's deferrability */
			return true;
		default:
			return false;
	}
}

/* What a rebuild takes over from the operations on its table. */
static bool
absorbed(const vb_operation *op)
{
	switch (op->kind)
	{
		case VB_OP_ADD_COLUMN:
		case VB_OP_DROP_COLUMN:
		case VB_OP_ALTER_COLUMN:
		case VB_OP_ADD_PRIMARY_KEY:
		case VB_OP_DROP_PRIMARY_KEY:
		case VB_OP_ADD_UNIQUE:
		case VB_OP_DROP_UNIQUE:
		case VB_OP_ADD_FOREIGN_KEY:
		case VB_OP_DROP_FOREIGN_KEY:
		case VB_OP_ADD_CHECK:
		case VB_OP_DROP_CHECK:
		case VB_OP_CREATE_INDEX:
		case VB_OP_DROP_INDEX:
		case VB_OP_RENAME_INDEX:
		case VB_OP_RENAME_CONSTRAINT:
		case VB_OP_VALIDATE_CONSTRAINT:
		case VB_OP_ALTER_CONSTRAINT:
			return true;
		default:
			return false;
	}
}

/* The paired table an operation belongs to, by the document's name. */
static const vb_table_change *
pair_of(const vb_plan *plan, const vb_operation *op)
{
	int			i;

	for (i = 0; op->table && i < plan->tables.count; i++)
	{
		const vb_table_change *tc = plan->tables.items[i];

		if (strcmp(tc->des->name, op->table) == 0)
			return tc;
	}
	return NULL;
}

static void
take_over(vb_arena *a, vb_operation *rebuild, vb_operation *op, vb_buf *reasons)
{
	int			i;

	for (i = 0; i < op->guards.count; i++)
		vb_list_push(a, &rebuild->guards, op->guards.items[i]);
	if (op->destructive)
	{
		rebuild->destructive = true;
		vb_buf_appendf(reasons, "%s%s", reasons->len ? "; " : "", op->destructive_reason);
		rebuild->destructive_reason = reasons->data;
	}
}

/*
 * The triggers of a rebuilt table go with it and are made again from their
 * definitions; a table or column renamed in the same plan would leave them
 * naming what is gone, so that is refused, naming the trigger.
 */
static bool
remake_triggers(vb_arena *a, const vb_plan *plan, vb_operation *rebuild, bool renamed,
				vb_error *err)
{
	const vb_table_change *tc = rebuild->change.pair;
	int			i;

	for (i = 0; i < plan->unmanaged.count; i++)
	{
		vb_unmanaged *u = plan->unmanaged.items[i];

		if (strcmp(u->kind, "trigger") != 0 || u->table == NULL ||
			strcmp(u->table, tc->cur->name) != 0)
			continue;
		if (renamed || u->definition == NULL)
			return vb_fail(err, a, VB_ERR_DEPENDENCY, NULL,
						   "trigger %s on table %s must be made again after the table is rebuilt, "
						   "which viborm cannot do when the plan also renames the table or its columns",
						   u->object, tc->cur->name);
		vb_list_push(a, &rebuild->change.remake, u);
	}
	return true;
}

/* The plan being lowered: the rebuild of each table that has one. */
typedef struct lowering
{
	vb_arena   *a;
	vb_plan    *plan;
	vb_map		rebuilds;		/* des table name -> its rebuildTable */
	vb_map		renamed;		/* des table name -> renamed, or a column of it */
	vb_list		skipped;		/* vb_operation *: nothing to do after all */
	int			seq;			/* past every operation's */
} lowering;

static bool
skipped(const lowering *lw, const vb_operation *op)
{
	int			i;

	for (i = 0; i < lw->skipped.count; i++)
		if (lw->skipped.items[i] == op)
			return true;
	return false;
}

/* The rebuild of the table, made when first asked for. */
static vb_operation *
rebuild_of(lowering *lw, const vb_table_change *tc, const vb_operation *first)
{
	vb_operation *rb = vb_map_get(&lw->rebuilds, tc->des->name);

	if (rb)
		return rb;
	rb = vb_alloc(lw->a, sizeof(vb_operation));
	rb->kind = VB_OP_REBUILD_TABLE;
	rb->schema = tc->des->schema;
	rb->table = tc->des->name;
	rb->object = tc->des->name;
	rb->model = first ? first->model : tc->des->model;
	rb->seq = first ? first->seq : lw->seq++;
	rb->change.table = tc->des;
	rb->change.cur_table = tc->cur;
	rb->change.pair = tc;
	vb_map_put(&lw->rebuilds, tc->des->name, rb);
	return rb;
}

/* The document's name of a current column of the pair; NULL: dropped. */
static const char *
column_after(const vb_table_change *tc, const char *cur)
{
	int			i;

	for (i = 0; i < tc->sources.count; i++)
	{
		const vb_column *src = tc->sources.items[i];

		if (src && strcmp(src->name, cur) == 0)
			return ((vb_column *) tc->des->columns.items[i])->name;
	}
	return NULL;
}

/*
 * The name SQLite's reader gives an implicitly named constraint of the
 * pair's current table once the plan's renames have run: the name of
 * CONTRACT §1 from the new table and column names, with the same number
 * (t_a_check1 -> u_b_check1). NULL when that cannot be told.
 */
static const char *
name_after_renames(vb_arena *a, const vb_table_change *tc, vb_name_kind kind,
				   const char *name, const vb_list *cur_columns)
{
	vb_list		after = {0};
	int			pass;
	int			i;

	for (i = 0; cur_columns && i < cur_columns->count; i++)
	{
		const char *col = column_after(tc, cur_columns->items[i]);

		if (col == NULL)
			return NULL;
		vb_list_push(a, &after, (void *) col);
	}
	for (pass = 0; pass < 100; pass++)
		if (strcmp(vb_pg_style_name(a, kind, tc->cur->name, cur_columns, pass), name) == 0)
			return vb_pg_style_name(a, kind, tc->des->name, cur_columns ? &after : NULL, pass);
	return NULL;
}

/* Does the document's table have a key, foreign key or check of that name? */
static bool
constraint_named(const vb_table *t, const char *name)
{
	int			i;

	if (t->primary_key && strcmp(t->primary_key->name, name) == 0)
		return true;
	for (i = 0; i < t->uniques.count; i++)
		if (strcmp(((vb_key *) t->uniques.items[i])->name, name) == 0)
			return true;
	for (i = 0; i < t->foreign_keys.count; i++)
		if (strcmp(((vb_foreign_key *) t->foreign_keys.items[i])->name, name) == 0)
			return true;
	for (i = 0; i < t->checks.count; i++)
		if (strcmp(((vb_check *) t->checks.items[i])->name, name) == 0)
			return true;
	return false;
}

/* The renameConstraint of the pair's table from `name`, if any. */
static vb_operation *
constraint_rename(const lowering *lw, const vb_table_change *tc, const char *name)
{
	int			i;

	for (i = 0; i < lw->plan->operations.count; i++)
	{
		vb_operation *op = lw->plan->operations.items[i];

		if (op->kind == VB_OP_RENAME_CONSTRAINT && op->table &&
			strcmp(op->table, tc->des->name) == 0 && strcmp(op->change.from, name) == 0)
			return op;
	}
	return NULL;
}

/*
 * One implicitly named constraint of a table whose name or columns the
 * plan renames: SQLite keeps no name for it, so its name follows the
 * renames by itself. A renameConstraint to exactly that name has nothing
 * left to do; a document that keeps the old name (or any other) needs the
 * table rebuilt, which writes the name.
 */
static void
follow_rename(lowering *lw, const vb_table_change *tc, vb_name_kind kind, const char *name,
			  const vb_list *cur_columns)
{
	const char *after = name_after_renames(lw->a, tc, kind, name, cur_columns);
	vb_operation *op;

	if (after && strcmp(after, name) == 0)
		return;
	op = constraint_rename(lw, tc, name);
	if (op && after && strcmp(op->change.to, after) == 0)
		vb_list_push(lw->a, &lw->skipped, op);
	else if (op == NULL && constraint_named(tc->des, name))
		rebuild_of(lw, tc, NULL);
}

static void
follow_renames(lowering *lw, const vb_table_change *tc)
{
	const vb_table *t = tc->cur;
	int			i;

	if (t->primary_key && t->primary_key->implicit_name)
		follow_rename(lw, tc, VB_NAME_PRIMARY_KEY, t->primary_key->name, NULL);
	for (i = 0; i < t->uniques.count; i++)
	{
		const vb_key *k = t->uniques.items[i];

		if (k->implicit_name)
			follow_rename(lw, tc, VB_NAME_UNIQUE, k->name, &k->columns);
	}
	for (i = 0; i < t->foreign_keys.count; i++)
	{
		const vb_foreign_key *fk = t->foreign_keys.items[i];

		if (fk->implicit_name)
			follow_rename(lw, tc, VB_NAME_FOREIGN_KEY, fk->name, &fk->columns);
	}
	for (i = 0; i < t->checks.count; i++)
	{
		const vb_check *ck = t->checks.items[i];
		vb_list		one = {0};

		if (!ck->implicit_name)
			continue;
		if (ck->name_column)
			vb_list_push(lw->a, &one, ck->name_column);
		follow_rename(lw, tc, VB_NAME_CHECK, ck->name, ck->name_column ? &one : NULL);
	}
}

/*
 * SQLite's ALTER TABLE renames tables and columns, adds some columns and
 * drops some: every other change of a table that stays becomes one
 * rebuildTable that takes over the table's operations (and their guards),
 * and so does a change of STRICT or WITHOUT ROWID, which only a new table
 * can have. Keys, checks and foreign keys of a new table go inside its
 * CREATE TABLE; those of a dropped table go with it; an index is renamed
 * by making it again; the implicit names of constraints follow renames
 * (follow_rename).
 */
static bool
sqlite_lower(vb_arena *a, vb_plan *plan, vb_error *err)
{
	lowering	lw;
	vb_list		kept = {0};
	int			i;

	memset(&lw, 0, sizeof(lw));
	lw.a = a;
	lw.plan = plan;
	vb_map_init(&lw.rebuilds, a, plan->tables.count);
	vb_map_init(&lw.renamed, a, plan->tables.count);
	for (i = 0; i < plan->operations.count && !vb_should_stop(a); i++)
	{
		vb_operation *op = plan->operations.items[i];
		const vb_table_change *tc = pair_of(plan, op);

		if (op->seq >= lw.seq)
			lw.seq = op->seq + 1;
		if (tc && (op->kind == VB_OP_RENAME_TABLE || op->kind == VB_OP_RENAME_COLUMN))
			vb_map_put(&lw.renamed, tc->des->name, (void *) tc);
	}
	for (i = 0; i < plan->tables.count; i++)
	{
		const vb_table_change *tc = plan->tables.items[i];

		if (vb_map_get(&lw.renamed, tc->des->name))
			follow_renames(&lw, tc);
	}
	for (i = 0; i < plan->operations.count && !vb_should_stop(a); i++)
	{
		vb_operation *op = plan->operations.items[i];
		const vb_table_change *tc = pair_of(plan, op);

		if (tc && !skipped(&lw, op) && needs_rebuild(a, op))
			rebuild_of(&lw, tc, op);
	}
	for (i = 0; i < plan->tables.count; i++)
	{
		const vb_table_change *tc = plan->tables.items[i];

		if (tc->cur->strict != tc->des->strict || tc->cur->without_rowid != tc->des->without_rowid)
			rebuild_of(&lw, tc, NULL);
	}
	for (i = 0; i < plan->operations.count && !vb_should_stop(a); i++)
	{
		vb_operation *op = plan->operations.items[i];
		const vb_table_change *tc = pair_of(plan, op);
		vb_operation *rb = tc ? vb_map_get(&lw.rebuilds, tc->des->name) : NULL;

		if (skipped(&lw, op))
			continue;
		if (rb && absorbed(op))
		{
			vb_buf		reasons;

			vb_buf_init(&reasons, a);
			if (rb->destructive_reason)
				vb_buf_append(&reasons, rb->destructive_reason);
			take_over(a, rb, op, &reasons);
			continue;
		}
		if ((op->kind == VB_OP_ADD_UNIQUE || op->kind == VB_OP_ADD_CHECK ||
			 op->kind == VB_OP_ADD_FOREIGN_KEY || op->kind == VB_OP_ADD_PRIMARY_KEY) &&
			op->change.new_table)
			continue;			/* inside its CREATE TABLE */
		if (op->kind == VB_OP_DROP_FOREIGN_KEY && tc == NULL)
			continue;			/* goes with its dropped table */
		if (op->kind == VB_OP_RENAME_INDEX)
		{
			/*
			 * No ALTER INDEX RENAME: drop it, and make it under its new name.
			 * Swapped names go through a temporary name (vb_emit_renames):
			 * the first step only drops, the second only makes.
			 */
			const vb_index *old = vb_find_index(tc->cur, op->change.from);
			const vb_index *made = vb_find_index(op->change.table, op->change.to);

			if (made)
			{
				vb_operation *make = vb_alloc(a, sizeof(vb_operation));

				*make = *op;
				make->kind = VB_OP_CREATE_INDEX;
				make->change.index = made;
				vb_list_push(a, &kept, make);
			}
			if (old)
			{
				op->kind = VB_OP_DROP_INDEX;
				op->change.index = old;
				op->change.cur_table = tc->cur;
				vb_list_push(a, &kept, op);
			}
			continue;
		}
		vb_list_push(a, &kept, op);
	}
	for (i = 0; i < plan->tables.count; i++)
	{
		const vb_table_change *tc = plan->tables.items[i];
		vb_operation *rb = vb_map_get(&lw.rebuilds, tc->des->name);

		if (rb == NULL)
			continue;
		if (!remake_triggers(a, plan, rb, vb_map_get(&lw.renamed, tc->des->name) != NULL, err))
			return false;
		vb_list_push(a, &kept, rb);
	}
	if (vb_should_stop(a))
		return vb_canceled(err, a);
	plan->operations = kept;
	return true;
}

/* ---- the table -------------------------------------------------------------------- */

const vb_dialect vb_dialect_sqlite = {
	.name = "sqlite",
	.max_identifier = 63,
	.integer_types = "INTEGER",
	.can = {
		.transactional_ddl = true,
		.generated_stored = true,
		.collations = true,
		.partial_indexes = true,
		.expression_indexes = true,
		.deferrable = true,
		.rename_column = true,
	},
	.quote_ident = vb_sqlite_quote_ident,
	.quote_literal = vb_sqlite_quote_literal,
	.ident_quote = '"',
	.qualified = sqlite_qualified,
	.default_name = vb_pg_style_name,
	.name_scope = vb_pg_style_scope,
	.integer_rank = sqlite_integer_rank,
	.safe_type_change = sqlite_safe_type_change,
	.element_type = sqlite_element_type,
	.cast = sqlite_cast,
	.write = {
		[VB_OP_CREATE_TABLE] = write_create_table,
		[VB_OP_DROP_TABLE] = write_drop_table,
		[VB_OP_RENAME_TABLE] = write_rename_table,
		[VB_OP_ADD_COLUMN] = write_add_column,
		[VB_OP_DROP_COLUMN] = write_drop_column,
		[VB_OP_RENAME_COLUMN] = write_rename_column,
		[VB_OP_CREATE_INDEX] = write_create_index,
		[VB_OP_DROP_INDEX] = write_drop_index,
		[VB_OP_REBUILD_TABLE] = write_rebuild_table,
	},
	.guard_query = sqlite_guard_query,
	.hazards = sqlite_hazards,
	.phase = NULL,
	.lower = sqlite_lower,
};
