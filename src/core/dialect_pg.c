/*
 * dialect_pg.c — PostgreSQL 15 as a dialect: its quoting and keywords, the
 * names it chooses, its type facts, the SQL of every operation, the data
 * guard queries and the hazards (locks, rewrites) of each statement.
 *
 * Identifiers go through pg_quote_ident and literals through
 * pg_quote_literal; types, defaults and expressions arrive canonical (the
 * server's own printed text), or as the document wrote them where the
 * printed form does not read back the same (the *source members): those
 * operations run under the table's schema (op->search_schema).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialect_pg.h"

/* ---- lexical rules -------------------------------------------------------- */

/* Keywords that quote_identifier() quotes: all but the unreserved ones. */
static const char *const quoted_keywords[] = {
#include "dialect_pg_keywords.h"
};

static int
compare_keyword(const void *a, const void *b)
{
	return strcmp((const char *) a, *(const char *const *) b);
}

/*
 * As the server's quote_identifier(): bare only when all [a-z0-9_],
 * starting with [a-z_], and not a keyword outside the unreserved category.
 */
static char *
pg_quote_ident(vb_arena *arena, const char *ident)
{
	bool		safe;
	const char *p;
	vb_buf		buf;

	safe = (ident[0] >= 'a' && ident[0] <= 'z') || ident[0] == '_';
	for (p = ident; *p; p++)
	{
		char		ch = *p;

		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
			safe = false;
	}
	if (safe && bsearch(ident, quoted_keywords,
						sizeof(quoted_keywords) / sizeof(quoted_keywords[0]),
						sizeof(char *), compare_keyword) != NULL)
		safe = false;
	if (safe)
		return vb_strdup(arena, ident);

	vb_buf_init(&buf, arena);
	vb_buf_appendc(&buf, '"');
	for (p = ident; *p; p++)
	{
		if (*p == '"')
			vb_buf_appendc(&buf, '"');
		vb_buf_appendc(&buf, *p);
	}
	vb_buf_appendc(&buf, '"');
	return buf.data;
}

/*
 * As quote_literal(): quotes doubled, and an E'' literal with doubled
 * backslashes when it holds a backslash, so the result means the same
 * whatever standard_conforming_strings says.
 */
static char *
pg_quote_literal(vb_arena *arena, const char *literal)
{
	const char *p;
	vb_buf		buf;

	vb_buf_init(&buf, arena);
	if (strchr(literal, '\\'))
		vb_buf_appendc(&buf, 'E');
	vb_buf_appendc(&buf, '\'');
	for (p = literal; *p; p++)
	{
		if (*p == '\'' || *p == '\\')
			vb_buf_appendc(&buf, *p);
		vb_buf_appendc(&buf, *p);
	}
	vb_buf_appendc(&buf, '\'');
	return buf.data;
}

static char *
pg_qualified(vb_arena *arena, const char *schema, const char *name)
{
	return vb_printf(arena, "%s.%s", pg_quote_ident(arena, schema), pg_quote_ident(arena, name));
}

static char *
quote_list(vb_arena *a, const vb_list *idents)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < idents->count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? ", " : "", pg_quote_ident(a, idents->items[i]));
	return buf.data;
}

/* A collation or operator class name: "name", or "schema.name". */
char *
vb_pg_object_name(vb_arena *a, const char *name)
{
	const char *dot = strchr(name, '.');

	if (dot == NULL)
		return pg_quote_ident(a, name);
	return vb_printf(a, "%s.%s", pg_quote_ident(a, vb_strndup(a, name, (size_t) (dot - name))),
					 pg_quote_ident(a, dot + 1));
}

/* ---- names PostgreSQL chooses --------------------------------------------- */

/* ---- types -------------------------------------------------------------- */

static int
pg_integer_rank(const char *type)
{
	if (strcmp(type, "smallint") == 0)
		return 1;
	if (strcmp(type, "integer") == 0)
		return 2;
	if (strcmp(type, "bigint") == 0)
		return 3;
	return 0;
}

/* Strip trailing "[]" pairs: the element type of an array type text. */
static const char *
pg_element_type(vb_arena *a, const char *type, int *dims)
{
	size_t		len = strlen(type);

	*dims = 0;
	while (len >= 2 && type[len - 2] == '[' && type[len - 1] == ']')
	{
		len -= 2;
		(*dims)++;
	}
	return vb_strndup(a, type, len);
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
 * CONTRACT §2's safe list, and whether the change is binary-compatible
 * (no table rewrite): varchar widening and dropping a typmod limit are.
 */
static bool
pg_safe_type_change(vb_arena *a, const char *from, const char *to, bool *rewrite)
{
	int			fd;
	int			td;
	const char *fe = pg_element_type(a, from, &fd);
	const char *te = pg_element_type(a, to, &td);
	int			f1;
	int			f2;
	int			t1;
	int			t2;
	const char *fb;
	const char *tb;
	int			fr = pg_integer_rank(fe);

	*rewrite = true;
	if (fd != td)
		return false;
	fb = split_typmod(a, fe, &f1, &f2);
	tb = split_typmod(a, te, &t1, &t2);

	if (fr && pg_integer_rank(te))
		return pg_integer_rank(te) >= fr;
	/* numeric(p,s) holds every integer of the type with p - s digits */
	if (fr && strcmp(tb, "numeric") == 0)
		return t1 < 0 || t1 - (t2 < 0 ? 0 : t2) >= (fr == 3 ? 19 : fr == 2 ? 10 : 5);
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

/* A plain cast, or through text (text[] for arrays) when an enum is on
 * either side. */
static char *
pg_cast(vb_arena *a, const char *expr, const char *from, const char *to, bool through_text)
{
	int			dims;
	char	   *via = "text";

	if (expr == NULL)
		expr = "NULL";
	if (!through_text)
		return vb_printf(a, "%s::%s", expr, to);
	(void) pg_element_type(a, from, &dims);
	while (dims-- > 0)
		via = vb_printf(a, "%s[]", via);
	return vb_printf(a, "%s::%s::%s", expr, via, to);
}

/* Every option of an identity sequence of a smallint, integer or bigint
 * column, PostgreSQL's defaults filling those not given. */
vb_seq_options
vb_seq_effective(const char *type, const vb_seq_options *q)
{
	vb_seq_options e = *q;
	long long	tmin = strcmp(type, "smallint") == 0 ? -32768 :
		strcmp(type, "integer") == 0 ? -2147483647LL - 1 : -9223372036854775807LL - 1;
	long long	tmax = strcmp(type, "smallint") == 0 ? 32767 :
		strcmp(type, "integer") == 0 ? 2147483647LL : 9223372036854775807LL;

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

/* ---- DDL text shared with the extension's scratch work ------------------ */

static const char *const fk_action_sql[] = {
	"NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"
};

static const char *
serial_type(const char *type)
{
	static const char *const serials[] = {NULL, "smallserial", "serial", "bigserial"};

	return serials[pg_integer_rank(type)];
}

/*
 * An expression as DDL embeds it, before a closing parenthesis or a
 * keyword. The text may be the document's own (scratch tables are built
 * from it), and a "--" comment at its end would swallow what follows:
 * text that holds "--" anywhere ends with a newline, which ends any
 * comment and changes nothing else.
 */
static const char *
embedded(vb_arena *a, const char *expr)
{
	return strstr(expr, "--") ? vb_printf(a, "%s\n", expr) : expr;
}

/* " (START WITH 5 CACHE 10)" for the options given, or "" */
static char *
sequence_options(vb_arena *a, const vb_seq_options *q, const char *verb)
{
	vb_buf		buf;

	vb_buf_init(&buf, a);
	if (q->given & VB_SEQ_INCREMENT)
		vb_buf_appendf(&buf, " %sINCREMENT BY %lld", verb, q->increment);
	if (q->given & VB_SEQ_MIN)
		vb_buf_appendf(&buf, " %sMINVALUE %lld", verb, q->min);
	if (q->given & VB_SEQ_MAX)
		vb_buf_appendf(&buf, " %sMAXVALUE %lld", verb, q->max);
	if (q->given & VB_SEQ_START)
		vb_buf_appendf(&buf, " %sSTART WITH %lld", verb, q->start);
	if (q->given & VB_SEQ_CACHE)
		vb_buf_appendf(&buf, " %sCACHE %lld", verb, q->cache);
	if (q->cycle)
		vb_buf_appendf(&buf, " %sCYCLE", verb);
	return buf.data;
}

char *
vb_pg_column_definition(vb_arena *a, const vb_column *c)
{
	vb_buf		buf;

	vb_buf_init(&buf, a);
	vb_buf_append(&buf, pg_quote_ident(a, c->name));
	vb_buf_appendc(&buf, ' ');
	vb_buf_append(&buf, c->auto_increment ? serial_type(c->type) : c->type);
	if (c->collation)
		vb_buf_appendf(&buf, " COLLATE %s", vb_pg_object_name(a, c->collation));
	if (c->default_expr)
		vb_buf_appendf(&buf, " DEFAULT %s", c->default_expr);
	if (c->generated)
		vb_buf_appendf(&buf, " GENERATED ALWAYS AS (%s) STORED",
					   embedded(a, c->generated_source ? c->generated_source : c->generated));
	if (!c->nullable)
		vb_buf_append(&buf, " NOT NULL");
	if (c->identity != VB_IDENTITY_NONE)
	{
		char	   *opts = sequence_options(a, &c->seq, "");

		vb_buf_append(&buf, c->identity == VB_IDENTITY_ALWAYS ?
					  " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
		if (opts[0])
			vb_buf_appendf(&buf, " (%s)", opts + 1);
	}
	return buf.data;
}

char *
vb_pg_alter_table(vb_arena *a, const char *schema, const char *table, const char *action)
{
	return vb_printf(a, "ALTER TABLE %s %s", pg_qualified(a, schema, table), action);
}

char *
vb_pg_alter_column(vb_arena *a, const char *schema, const char *table,
				   const char *column, const char *action)
{
	return vb_printf(a, "ALTER TABLE %s ALTER COLUMN %s %s",
					 pg_qualified(a, schema, table), pg_quote_ident(a, column), action);
}

char *
vb_pg_add_check(vb_arena *a, const char *schema, const char *table, const vb_check *ck)
{
	return vb_pg_alter_table(a, schema, table,
							 vb_printf(a, "ADD CONSTRAINT %s CHECK (%s)%s%s",
									   pg_quote_ident(a, ck->name),
									   embedded(a, ck->source ? ck->source : ck->expression),
									   ck->no_inherit ? " NO INHERIT" : "",
									   ck->not_valid ? " NOT VALID" : ""));
}

char *
vb_pg_create_enum(vb_arena *a, const char *schema, const char *name, const vb_list *values)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	vb_buf_appendf(&buf, "CREATE TYPE %s AS ENUM (", pg_qualified(a, schema, name));
	for (i = 0; i < values->count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? ", " : "",
					   pg_quote_literal(a, ((vb_enum_value *) values->items[i])->name));
	vb_buf_appendc(&buf, ')');
	return buf.data;
}

/* " DEFERRABLE [INITIALLY DEFERRED]", or "" for a constraint checked at once */
static const char *
deferrability(bool deferrable, bool initially_deferred)
{
	if (!deferrable)
		return "";
	return initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
}

/* "fillfactor = '70', toast.autovacuum_enabled = 'false'": the values as
 * string literals, which PostgreSQL stores exactly as they are written;
 * a name "toast.x" is two identifiers */
char *
vb_pg_options(vb_arena *a, const vb_list *options)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < options->count; i++)
	{
		const vb_option *o = options->items[i];

		vb_buf_appendf(&buf, "%s%s = %s", i ? ", " : "", vb_pg_object_name(a, o->name),
					   pg_quote_literal(a, o->value));
	}
	return buf.data;
}

/* "fillfactor, toast.autovacuum_enabled", for RESET */
static char *
option_names(vb_arena *a, const vb_list *options)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < options->count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? ", " : "",
					   vb_pg_object_name(a, ((vb_option *) options->items[i])->name));
	return buf.data;
}

char *
vb_pg_create_index(vb_arena *a, const char *schema, const char *table, const vb_index *ix)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	vb_buf_appendf(&buf, "CREATE %sINDEX %s ON %s USING %s (",
				   ix->unique ? "UNIQUE " : "", pg_quote_ident(a, ix->name),
				   pg_qualified(a, schema, table), pg_quote_ident(a, ix->method));
	for (i = 0; i < ix->elements.count; i++)
	{
		const vb_index_elem *el = ix->elements.items[i];

		if (i > 0)
			vb_buf_append(&buf, ", ");
		if (el->column)
			vb_buf_append(&buf, pg_quote_ident(a, el->column));
		else
			vb_buf_appendf(&buf, "(%s)", embedded(a, el->source ? el->source : el->expression));
		if (el->collation)
			vb_buf_appendf(&buf, " COLLATE %s", vb_pg_object_name(a, el->collation));
		if (el->opclass)
			vb_buf_appendf(&buf, " %s", vb_pg_object_name(a, el->opclass));
		if (el->desc)
			vb_buf_append(&buf, " DESC");
		if (el->nulls != VB_NULLS_DEFAULT)
			vb_buf_append(&buf, el->nulls == VB_NULLS_FIRST ? " NULLS FIRST" : " NULLS LAST");
	}
	vb_buf_appendc(&buf, ')');
	if (ix->include.count > 0)
		vb_buf_appendf(&buf, " INCLUDE (%s)", quote_list(a, &ix->include));
	if (ix->nulls_not_distinct)
		vb_buf_append(&buf, " NULLS NOT DISTINCT");
	if (ix->with.count > 0)
		vb_buf_appendf(&buf, " WITH (%s)", vb_pg_options(a, &ix->with));
	if (ix->where_source)
		vb_buf_appendf(&buf, " WHERE (%s)", embedded(a, ix->where_source));
	else if (ix->where)
		vb_buf_appendf(&buf, " WHERE %s", ix->where);
	return buf.data;
}

/* ---- schemas and tables --------------------------------------------------- */

/* IF NOT EXISTS: the plan creates a schema only when it is missing, and a
 * migration file that carries the statement then applies also where the
 * schema was created first (by a DBA, or kept by migrate reset). */
static void
write_create_schema(vb_sql *out, const vb_change *c)
{
	(void) c;
	vb_sql_add(out, vb_printf(out->arena, "CREATE SCHEMA IF NOT EXISTS %s",
							  pg_quote_ident(out->arena, out->op->schema)));
}

/* Document texts (checks, generation and index expressions) resolve as
 * canonicalisation read them: under the table's schema, then public. */
static void
run_in_schema_if(vb_sql *out, bool document_text, const char *schema)
{
	if (document_text)
		out->op->search_schema = schema;
}

static void
write_create_table(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;
	const vb_table *t = c->table;
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	vb_buf_appendf(&buf, "CREATE TABLE %s (", pg_qualified(a, t->schema, t->name));
	for (i = 0; i < t->columns.count; i++)
	{
		const vb_column *col = t->columns.items[i];

		vb_buf_appendf(&buf, "%s%s", i ? ", " : "", vb_pg_column_definition(a, col));
		run_in_schema_if(out, col->generated_source != NULL, t->schema);
	}
	if (t->primary_key)
		vb_buf_appendf(&buf, "%sCONSTRAINT %s PRIMARY KEY (%s)%s",
					   t->columns.count ? ", " : "",
					   pg_quote_ident(a, t->primary_key->name),
					   quote_list(a, &t->primary_key->columns),
					   deferrability(t->primary_key->deferrable,
									 t->primary_key->initially_deferred));
	vb_buf_appendc(&buf, ')');
	if (t->with.count > 0)
		vb_buf_appendf(&buf, " WITH (%s)", vb_pg_options(a, &t->with));
	vb_sql_add(out, buf.data);
}

static void
write_drop_table(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "DROP TABLE %s",
							  pg_qualified(out->arena, c->cur_table->schema, c->cur_table->name)));
}

/* Into another schema first, then the new name. */
static void
write_rename_table(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;
	const vb_table *from = c->cur_table;
	const vb_table *to = c->table;

	if (strcmp(from->schema, to->schema) != 0)
		vb_sql_add(out, vb_printf(a, "ALTER TABLE %s SET SCHEMA %s",
								  pg_qualified(a, from->schema, from->name),
								  pg_quote_ident(a, to->schema)));
	if (strcmp(from->name, to->name) != 0)
		vb_sql_add(out, vb_printf(a, "ALTER TABLE %s RENAME TO %s",
								  pg_qualified(a, to->schema, from->name),
								  pg_quote_ident(a, to->name)));
}

/* ---- columns ------------------------------------------------------------- */

static void
write_add_column(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;

	vb_sql_add(out, vb_pg_alter_table(a, c->table->schema, c->table->name,
									  vb_printf(a, "ADD COLUMN %s",
												vb_pg_column_definition(a, c->column))));
	run_in_schema_if(out, c->column->generated_source != NULL, c->table->schema);
}

/* Drops run before renames: the current names. */
static void
write_drop_column(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;

	vb_sql_add(out, vb_pg_alter_table(a, c->cur_table->schema, c->cur_table->name,
									  vb_printf(a, "DROP COLUMN %s",
												pg_quote_ident(a, c->cur_column->name))));
}

/* Renames of columns, constraints and indexes run after the table's. */
static void
write_rename_in_table(vb_sql *out, const vb_change *c, const char *what)
{
	vb_arena   *a = out->arena;

	vb_sql_add(out, vb_pg_alter_table(a, c->table->schema, c->table->name,
									  vb_printf(a, "RENAME %s %s TO %s", what,
												pg_quote_ident(a, c->from),
												pg_quote_ident(a, c->to))));
}

static void
write_rename_column(vb_sql *out, const vb_change *c)
{
	write_rename_in_table(out, c, "COLUMN");
}

static void
write_rename_constraint(vb_sql *out, const vb_change *c)
{
	write_rename_in_table(out, c, "CONSTRAINT");
}

static void
write_rename_index(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "ALTER INDEX %s RENAME TO %s",
							  pg_qualified(out->arena, c->table->schema, c->from),
							  pg_quote_ident(out->arena, c->to)));
}

static void
write_rename_sequence(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "ALTER SEQUENCE %s RENAME TO %s",
							  pg_qualified(out->arena, c->table->schema, c->from),
							  pg_quote_ident(out->arena, c->to)));
}

/*
 * setval to continue after the rows' values (their maximum, or minimum for
 * a descending sequence) when they lie within the sequence's bounds; on an
 * empty table, or below the new MINVALUE, it stays at its start.
 */
static char *
sequence_restart(vb_arena *a, const char *schema, const char *table, const char *column,
				 const char *sequence_text, bool descending, long long bound)
{
	const char *agg = descending ? "min" : "max";
	const char *col = pg_quote_ident(a, column);

	return vb_printf(a, "SELECT pg_catalog.setval(%s, %s(%s)) FROM %s HAVING %s(%s) %s %lld",
					 sequence_text, agg, col, pg_qualified(a, schema, table), agg, col,
					 descending ? "<=" : ">=", bound);
}

static char *
identity_sequence(vb_arena *a, const char *s, const char *t, const char *col)
{
	return vb_printf(a, "pg_catalog.pg_get_serial_sequence(%s, %s)",
					 pg_quote_literal(a, pg_qualified(a, s, t)), pg_quote_literal(a, col));
}

/* SET clauses for the identity options that differ ("" when none do). */
static char *
sequence_changes(vb_arena *a, const char *cur_type, const vb_seq_options *cur,
				 const char *des_type, const vb_seq_options *des)
{
	vb_seq_options c = vb_seq_effective(cur_type, cur);
	vb_seq_options x = vb_seq_effective(des_type, des);
	vb_seq_options diff = x;
	char	   *opts;

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
		return diff.given ? sequence_options(a, &diff, "SET ") : "";
	diff.cycle = x.cycle;
	opts = sequence_options(a, &diff, "SET ");
	return x.cycle ? opts : vb_printf(a, "%s SET NO CYCLE", opts);
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

/* The statements of one alterColumn, in the order PostgreSQL needs them. */
typedef struct column_writer
{
	vb_sql	   *out;
	const vb_change *c;
	const char *s;				/* the document's schema, table, column */
	const char *t;
	const char *col;
	bool		default_gone;	/* the column has no default any more */
} column_writer;

static void
alter(column_writer *w, const char *action)
{
	vb_sql_add(w->out, vb_pg_alter_column(w->out->arena, w->s, w->t, w->col, action));
}

/* Drop the current default before a change it would block, once. */
static void
drop_current_default(column_writer *w)
{
	if (w->c->cur_default && !w->default_gone)
		alter(w, "DROP DEFAULT");
	w->default_gone = true;
}

static void
write_serial_and_identity_off(column_writer *w)
{
	const vb_change *c = w->c;
	vb_arena   *a = w->out->arena;

	if (c->alter & VB_ALTER_EXPRESSION_DROPPED)
		alter(w, "DROP EXPRESSION");
	/* serial-style -> not: the default goes first, then its sequence */
	if (c->alter & VB_ALTER_SERIAL_OFF)
	{
		alter(w, "DROP DEFAULT");
		vb_sql_add(w->out, vb_printf(a, "DROP SEQUENCE %s",
									 pg_qualified(a, w->s, c->cur_column->sequence_name)));
		w->default_gone = true;
	}
	if (c->alter & VB_ALTER_IDENTITY_OFF)
		alter(w, "DROP IDENTITY");
	else if (c->alter & VB_ALTER_IDENTITY_KIND)
		alter(w, c->column->identity == VB_IDENTITY_ALWAYS ?
			  "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT");
}

static void
write_type_and_collation(column_writer *w)
{
	const vb_change *c = w->c;
	const vb_column *cc = c->cur_column;
	const vb_column *dc = c->column;
	vb_arena   *a = w->out->arena;

	if (c->alter & VB_ALTER_TYPE)
	{
		bool		serial_kept = cc->auto_increment && dc->auto_increment;

		/* a default of the old type could block the conversion */
		if (!serial_kept)
			drop_current_default(w);
		/* a generated column is computed again: no USING */
		alter(w, vb_printf(a, "TYPE %s%s%s%s", dc->type, collate_clause(a, cc, dc),
						   dc->generated ? "" : " USING ",
						   dc->generated ? "" :
						   pg_cast(a, pg_quote_ident(a, w->col), c->cur_type, dc->type,
								   c->through_text)));
		if (serial_kept)
			vb_sql_add(w->out, vb_printf(a, "ALTER SEQUENCE %s AS %s",
										 pg_qualified(a, w->s, cc->sequence_name), dc->type));
	}
	else if (c->alter & VB_ALTER_COLLATION)
		alter(w, vb_printf(a, "TYPE %s%s", dc->type, collate_clause(a, cc, dc)));
}

static void
write_default_and_nullability(column_writer *w)
{
	const vb_change *c = w->c;
	const vb_column *dc = c->column;
	vb_arena   *a = w->out->arena;
	bool		restore = w->default_gone && !(c->alter & VB_ALTER_SERIAL_OFF) &&
		!c->default_dropped && c->cur_default && dc->default_expr &&
		!dc->auto_increment && !dc->generated;

	/* a default dropped for the type change comes back */
	if ((c->alter & VB_ALTER_DEFAULT) || restore)
	{
		if (dc->default_expr)
			alter(w, vb_printf(a, "SET DEFAULT %s", dc->default_expr));
		else if (!w->default_gone)
		{
			alter(w, "DROP DEFAULT");
			w->default_gone = true;
		}
	}
	if (c->alter & VB_ALTER_NOT_NULL)
	{
		/* a declared default fills the NULLs first (else a guard counts them) */
		if (dc->default_expr)
			vb_sql_add(w->out, vb_printf(a, "UPDATE %s SET %s = DEFAULT WHERE %s IS NULL",
										 pg_qualified(a, w->s, w->t), pg_quote_ident(a, w->col),
										 pg_quote_ident(a, w->col)));
		alter(w, "SET NOT NULL");
	}
	else if (c->alter & VB_ALTER_NULLABLE)
		alter(w, "DROP NOT NULL");
}

/* A sequence that continues after the column's current maximum. */
static void
write_serial_on(column_writer *w)
{
	vb_arena   *a = w->out->arena;
	const vb_column *dc = w->c->column;
	vb_list		col = {0};
	char	   *seq;
	char	   *qseq;

	vb_list_push(a, &col, (void *) w->col);
	seq = vb_pg_style_name(a, VB_NAME_SEQUENCE, w->t, &col, 0);
	qseq = pg_qualified(a, w->s, seq);
	drop_current_default(w);
	vb_sql_add(w->out, vb_printf(a, "CREATE SEQUENCE %s AS %s", qseq, dc->type));
	vb_sql_add(w->out, vb_printf(a, "ALTER SEQUENCE %s OWNED BY %s.%s", qseq,
								 pg_qualified(a, w->s, w->t), pg_quote_ident(a, w->col)));
	alter(w, vb_printf(a, "SET DEFAULT nextval(%s::regclass)", pg_quote_literal(a, qseq)));
	vb_sql_add(w->out, sequence_restart(a, w->s, w->t, w->col, pg_quote_literal(a, qseq), false, 1));
}

static void
restart_identity(column_writer *w, const vb_seq_options *x)
{
	vb_arena   *a = w->out->arena;

	vb_sql_add(w->out, sequence_restart(a, w->s, w->t, w->col,
										identity_sequence(a, w->s, w->t, w->col),
										x->increment < 0, x->increment < 0 ? x->max : x->min));
}

/* New bounds may exclude the sequence's position: restart it, then move
 * it after the rows' values again. */
static void
write_sequence_options(column_writer *w)
{
	const vb_change *c = w->c;
	vb_arena   *a = w->out->arena;
	char	   *changes = sequence_changes(a, c->cur_type, &c->cur_column->seq,
										   c->column->type, &c->column->seq);
	vb_seq_options x = vb_seq_effective(c->column->type, &c->column->seq);
	vb_seq_options y = vb_seq_effective(c->cur_type, &c->cur_column->seq);
	bool		bounds = x.min != y.min || x.max != y.max || x.increment != y.increment;

	alter(w, vb_printf(a, "%s%s", changes + 1, bounds ? " RESTART" : ""));
	if (bounds)
		restart_identity(w, &x);
}

static void
write_identity_on(column_writer *w)
{
	const vb_column *dc = w->c->column;
	vb_arena   *a = w->out->arena;
	char	   *opts = sequence_options(a, &dc->seq, "");
	vb_seq_options x = vb_seq_effective(dc->type, &dc->seq);

	if (!w->c->cur_column->auto_increment)
		drop_current_default(w);
	alter(w, vb_printf(a, "%s%s%s%s",
					   dc->identity == VB_IDENTITY_ALWAYS ?
					   "ADD GENERATED ALWAYS AS IDENTITY" : "ADD GENERATED BY DEFAULT AS IDENTITY",
					   opts[0] ? " (" : "", opts[0] ? opts + 1 : "", opts[0] ? ")" : ""));
	restart_identity(w, &x);
}

static void
write_alter_column(vb_sql *out, const vb_change *c)
{
	column_writer w;

	w.out = out;
	w.c = c;
	w.s = c->table->schema;
	w.t = c->table->name;
	w.col = c->column->name;
	w.default_gone = c->default_dropped;
	write_serial_and_identity_off(&w);
	write_type_and_collation(&w);
	write_default_and_nullability(&w);
	if (c->alter & VB_ALTER_SERIAL_ON)
		write_serial_on(&w);
	if (c->alter & VB_ALTER_SEQUENCE_OPTIONS)
		write_sequence_options(&w);
	if (c->alter & VB_ALTER_IDENTITY_ON)
		write_identity_on(&w);
}

/* ---- keys, indexes, foreign keys, checks ------------------------------------ */

static void
write_add_key(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;
	const vb_key *k = c->key;

	vb_sql_add(out, vb_pg_alter_table(a, c->table->schema, c->table->name,
									  vb_printf(a, "ADD CONSTRAINT %s %s (%s)%s",
												pg_quote_ident(a, k->name),
												c->primary ? "PRIMARY KEY" :
												k->nulls_not_distinct ? "UNIQUE NULLS NOT DISTINCT" : "UNIQUE",
												quote_list(a, &k->columns),
												deferrability(k->deferrable, k->initially_deferred))));
}

static void
drop_constraint(vb_sql *out, const vb_change *c, const char *name)
{
	vb_arena   *a = out->arena;

	vb_sql_add(out, vb_pg_alter_table(a, c->cur_table->schema, c->cur_table->name,
									  vb_printf(a, "DROP CONSTRAINT %s", pg_quote_ident(a, name))));
}

static void
write_drop_key(vb_sql *out, const vb_change *c)
{
	drop_constraint(out, c, c->key->name);
}

static void
write_drop_foreign_key(vb_sql *out, const vb_change *c)
{
	drop_constraint(out, c, c->fk->name);
}

static void
write_drop_check(vb_sql *out, const vb_change *c)
{
	drop_constraint(out, c, c->check->name);
}

static void
write_create_index(vb_sql *out, const vb_change *c)
{
	const vb_index *ix = c->index;
	int			i;

	vb_sql_add(out, vb_pg_create_index(out->arena, c->table->schema, c->table->name, ix));
	run_in_schema_if(out, ix->where_source != NULL, c->table->schema);
	for (i = 0; i < ix->elements.count; i++)
		run_in_schema_if(out, ((vb_index_elem *) ix->elements.items[i])->source != NULL,
						 c->table->schema);
}

/* The index still lives in the current schema when it is dropped. */
static void
write_drop_index(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "DROP INDEX %s",
							  pg_qualified(out->arena, c->cur_table->schema, c->index->name)));
}

static void
write_add_foreign_key(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;
	const vb_foreign_key *fk = c->fk;
	vb_buf		buf;

	vb_buf_init(&buf, a);
	vb_buf_appendf(&buf, "ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)",
				   pg_quote_ident(a, fk->name), quote_list(a, &fk->columns),
				   pg_qualified(a, fk->ref_schema, fk->ref_table),
				   quote_list(a, &fk->ref_columns));
	if (fk->match_full)
		vb_buf_append(&buf, " MATCH FULL");
	if (fk->on_update != VB_FK_NO_ACTION)
		vb_buf_appendf(&buf, " ON UPDATE %s", fk_action_sql[fk->on_update]);
	if (fk->on_delete != VB_FK_NO_ACTION)
		vb_buf_appendf(&buf, " ON DELETE %s", fk_action_sql[fk->on_delete]);
	vb_buf_append(&buf, deferrability(fk->deferrable, fk->initially_deferred));
	if (fk->not_valid)
		vb_buf_append(&buf, " NOT VALID");
	vb_sql_add(out, vb_pg_alter_table(a, c->table->schema, c->table->name, buf.data));
}

static void
write_add_check(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_pg_add_check(out->arena, c->table->schema, c->table->name, c->check));
	run_in_schema_if(out, c->check->source != NULL, c->table->schema);
}

static void
write_validate_constraint(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;

	vb_sql_add(out, vb_pg_alter_table(a, c->table->schema, c->table->name,
									  vb_printf(a, "VALIDATE CONSTRAINT %s",
												pg_quote_ident(a, c->fk ? c->fk->name
															   : c->check->name))));
}

/*
 * COMMENT ON a table, column, index or constraint (keys, foreign keys,
 * checks: under the table); a NULL comment removes it.
 */
static void
write_set_comment(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;
	const char *table = pg_qualified(a, c->table->schema, c->table->name);
	const char *target;
	const char *constraint = c->key ? c->key->name : c->fk ? c->fk->name :
		c->check ? c->check->name : NULL;

	if (c->column)
		target = vb_printf(a, "COLUMN %s.%s", table, pg_quote_ident(a, c->column->name));
	else if (c->index)
		target = vb_printf(a, "INDEX %s", pg_qualified(a, c->table->schema, c->index->name));
	else if (constraint)
		target = vb_printf(a, "CONSTRAINT %s ON %s", pg_quote_ident(a, constraint), table);
	else
		target = vb_printf(a, "TABLE %s", table);
	vb_sql_add(out, vb_printf(a, "COMMENT ON %s IS %s", target,
							  c->comment ? pg_quote_literal(a, c->comment) : "NULL"));
}

/* A foreign key's deferrability, in place (PostgreSQL 15 cannot alter a key's). */
static void
write_alter_constraint(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;
	const vb_foreign_key *fk = c->fk;

	vb_sql_add(out, vb_pg_alter_table(a, c->table->schema, c->table->name,
									  vb_printf(a, "ALTER CONSTRAINT %s %s", pg_quote_ident(a, fk->name),
												!fk->deferrable ? "NOT DEFERRABLE" :
												fk->initially_deferred ?
												"DEFERRABLE INITIALLY DEFERRED" :
												"DEFERRABLE INITIALLY IMMEDIATE")));
}

/* Storage parameters of a kept table or index: SET those new or changed,
 * RESET those the document drops. */
static void
write_set_storage(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;
	const char *target = c->index ?
		vb_printf(a, "ALTER INDEX %s", pg_qualified(a, c->table->schema, c->index->name)) :
		vb_printf(a, "ALTER TABLE %s", pg_qualified(a, c->table->schema, c->table->name));

	if (c->set.count > 0)
		vb_sql_add(out, vb_printf(a, "%s SET (%s)", target, vb_pg_options(a, &c->set)));
	if (c->reset.count > 0)
		vb_sql_add(out, vb_printf(a, "%s RESET (%s)", target, option_names(a, &c->reset)));
}

/* ---- enum types ----------------------------------------------------------- */

static void
write_create_enum(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_pg_create_enum(out->arena, c->enum_type->schema, c->enum_type->name,
									  &c->enum_type->values));
}

static void
write_drop_enum(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "DROP TYPE %s",
							  pg_qualified(out->arena, c->enum_type->schema, c->enum_type->name)));
}

static void
write_rename_enum(vb_sql *out, const vb_change *c)
{
	vb_sql_add(out, vb_printf(out->arena, "ALTER TYPE %s RENAME TO %s",
							  pg_qualified(out->arena, c->cur_enum->schema, c->cur_enum->name),
							  pg_quote_ident(out->arena, c->enum_type->name)));
}

static const char *
enum_type_name(vb_arena *a, const vb_enum *e)
{
	return pg_qualified(a, e->schema, e->name);
}

static void
write_rename_enum_value(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;

	vb_sql_add(out, vb_printf(a, "ALTER TYPE %s RENAME VALUE %s TO %s",
							  enum_type_name(a, c->enum_type), pg_quote_literal(a, c->from),
							  pg_quote_literal(a, c->to)));
}

/* ADD VALUE ... BEFORE/AFTER keeps the declared order. */
static void
write_add_enum_value(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;
	const char *where = c->from == NULL ? "" :
		vb_printf(a, " %s %s", c->before ? "BEFORE" : "AFTER", pg_quote_literal(a, c->from));

	vb_sql_add(out, vb_printf(a, "ALTER TYPE %s ADD VALUE %s%s", enum_type_name(a, c->enum_type),
							  pg_quote_literal(a, c->to), where));
}

/* The old type's name during a swap. */
static char *
swap_name(vb_arena *a, const vb_enum *e)
{
	return vb_make_object_name(a, e->name, NULL, "viborm_old");
}

/* A column's text through text, removed values mapped, into the new type. */
static char *
convert_expression(vb_arena *a, const vb_enum_conversion *cv)
{
	char	   *x = vb_printf(a, "%s::text", pg_quote_ident(a, cv->column->name));
	vb_buf		cases;
	int			k;

	for (k = 0; k < cv->dims; k++)
		x = vb_printf(a, "%s[]", x);
	vb_buf_init(&cases, a);
	for (k = 0; k < cv->from.count; k++)
	{
		const char *to = cv->to.items[k];
		const char *lit = to ? pg_quote_literal(a, to) : "NULL";

		if (cv->dims > 0)
			x = vb_printf(a, "pg_catalog.array_replace(%s, %s, %s)", x,
						  pg_quote_literal(a, cv->from.items[k]), lit);
		else
			vb_buf_appendf(&cases, " WHEN %s THEN %s", pg_quote_literal(a, cv->from.items[k]), lit);
	}
	if (cases.len)
		x = vb_printf(a, "(CASE %s%s ELSE %s END)", x, cases.data, x);
	return vb_printf(a, "%s::%s", x, cv->column->type);
}

/*
 * The swap: move the old type aside, create the document's, convert every
 * column that keeps the type through text, then drop the old type (unless
 * a later column change still converts from it: then a second, finishing
 * operation drops it).
 */
static void
write_recreate_enum(vb_sql *out, const vb_change *c)
{
	vb_arena   *a = out->arena;
	const vb_enum *e = c->enum_type;
	char	   *old = pg_qualified(a, e->schema, swap_name(a, e));
	int			i;
	int			j;

	if (c->finish)
	{
		vb_sql_add(out, vb_printf(a, "DROP TYPE %s", old));
		return;
	}
	vb_sql_add(out, vb_printf(a, "ALTER TYPE %s RENAME TO %s", enum_type_name(a, e),
							  pg_quote_ident(a, swap_name(a, e))));
	vb_sql_add(out, vb_pg_create_enum(a, e->schema, e->name, &e->values));
	for (i = 0; i < c->swaps.count; i++)
	{
		const vb_enum_swap *sw = c->swaps.items[i];
		const vb_table *t = sw->table;

		for (j = 0; j < sw->drop_generated.count; j++)
			vb_sql_add(out, vb_pg_alter_table(a, t->schema, t->name,
											  vb_printf(a, "DROP COLUMN %s",
														pg_quote_ident(a, ((vb_column *) sw->drop_generated.items[j])->name))));
		for (j = 0; j < sw->conversions.count; j++)
		{
			const vb_enum_conversion *cv = sw->conversions.items[j];

			if (cv->drop_default)
				vb_sql_add(out, vb_pg_alter_column(a, t->schema, t->name, cv->column->name,
												   "DROP DEFAULT"));
			vb_sql_add(out, vb_pg_alter_column(a, t->schema, t->name, cv->column->name,
											   vb_printf(a, "TYPE %s USING %s", cv->column->type,
														 convert_expression(a, cv))));
		}
		for (j = 0; j < sw->add_generated.count; j++)
		{
			const vb_column *g = sw->add_generated.items[j];

			run_in_schema_if(out, g->generated_source != NULL, t->schema);
			vb_sql_add(out, vb_pg_alter_table(a, t->schema, t->name,
											  vb_printf(a, "ADD COLUMN %s",
														vb_pg_column_definition(a, g))));
		}
	}
	if (!c->keep_old_type)
		vb_sql_add(out, vb_printf(a, "DROP TYPE %s", old));
}

/* ---- data guards ---------------------------------------------------------- */

static bool
numeric_type(const char *type)
{
	return pg_integer_rank(type) > 0 || strcmp(type, "real") == 0 ||
		strcmp(type, "double precision") == 0 || strncmp(type, "numeric", 7) == 0;
}

/* A type change that can fail: values too long for a length limit, out of
 * range for a narrower integer or numeric, or that do not convert at all
 * (the conversion itself is tried: its error is the failure). */
static char *
type_change_query(vb_arena *a, const vb_guard *g, const char *t)
{
	const char *col = pg_quote_ident(a, g->column);
	const char *to = g->to_type;
	int			n = -1;
	int			scale = -1;

	if ((sscanf(to, "character varying(%d)", &n) == 1 || sscanf(to, "character(%d)", &n) == 1) &&
		strchr(to, '[') == NULL)
		return vb_printf(a, "SELECT count(*) FROM %s WHERE char_length(%s::text) > %d", t, col, n);
	if ((strcmp(to, "smallint") == 0 || strcmp(to, "integer") == 0) && numeric_type(g->from_type))
		return vb_printf(a, "SELECT count(*) FROM %s WHERE round(%s::numeric) NOT BETWEEN %s", t, col,
						 to[0] == 's' ? "-32768 AND 32767" : "-2147483648 AND 2147483647");
	if (sscanf(to, "numeric(%d,%d)", &n, &scale) == 2)
		return vb_printf(a, "SELECT count(*) FROM %s WHERE abs(round((%s)::numeric, %d)) >= 1e%d",
						 t, col, scale, n - scale);
	return vb_printf(a, "SELECT count(*) FROM %s WHERE %s IS NOT NULL AND (%s) IS NULL", t, col,
					 pg_cast(a, col, g->from_type, to, g->through_text));
}

/*
 * Rows whose key matches nothing in the referenced table. MATCH SIMPLE: a
 * key with a NULL is never checked. MATCH FULL: a key all NULL is not
 * checked, one partly NULL is a violation whatever the referenced table
 * holds.
 */
static char *
foreign_key_query(vb_arena *a, const vb_guard *g, const char *t)
{
	vb_buf		notnull;
	vb_buf		allnull;
	vb_buf		match;
	const char *missing = "true";	/* a new referenced table holds nothing */
	int			i;

	vb_buf_init(&notnull, a);
	vb_buf_init(&allnull, a);
	vb_buf_init(&match, a);
	for (i = 0; i < g->columns.count; i++)
	{
		const char *col = pg_quote_ident(a, g->columns.items[i]);
		const char *type = g->key_types.count ? g->key_types.items[i] : NULL;

		vb_buf_appendf(&notnull, "%st.%s IS NOT NULL", i ? " AND " : "", col);
		vb_buf_appendf(&allnull, "%st.%s IS NULL", i ? " AND " : "", col);
		if (g->ref_table && type)
			vb_buf_appendf(&match, "%sr.%s::text::%s = t.%s::text::%s", i ? " AND " : "",
						   pg_quote_ident(a, g->ref_columns.items[i]), type, col, type);
		else if (g->ref_table)
			vb_buf_appendf(&match, "%sr.%s = t.%s", i ? " AND " : "",
						   pg_quote_ident(a, g->ref_columns.items[i]), col);
	}
	if (g->ref_table)
		missing = vb_printf(a, "NOT EXISTS (SELECT 1 FROM %s r WHERE %s)",
							pg_qualified(a, g->ref_schema, g->ref_table), match.data);
	if (g->match_full && g->columns.count > 1)
		return vb_printf(a, "SELECT count(*) FROM %s t WHERE NOT (%s) AND (NOT (%s) OR %s)",
						 t, allnull.data, notnull.data, missing);
	if (g->ref_table == NULL)
		return vb_printf(a, "SELECT count(*) FROM %s t WHERE %s", t, notnull.data);
	return vb_printf(a, "SELECT count(*) FROM %s t WHERE %s AND %s", t, notnull.data, missing);
}

static char *
enum_target_query(vb_arena *a, const vb_guard *g, const char *t)
{
	const char *col = pg_quote_ident(a, g->column);
	vb_buf		values;
	int			i;

	vb_buf_init(&values, a);
	for (i = 0; i < g->values.count; i++)
		vb_buf_appendf(&values, "%s%s", i ? ", " : "", pg_quote_literal(a, g->values.items[i]));
	if (values.len == 0)
		vb_buf_append(&values, "NULL");
	if (g->dims > 0)
		return vb_printf(a, "SELECT count(*) FROM %s WHERE EXISTS (SELECT 1 FROM "
						 "pg_catalog.unnest(%s::text[]) v WHERE v NOT IN (%s))", t, col, values.data);
	return vb_printf(a, "SELECT count(*) FROM %s WHERE %s::text NOT IN (%s)", t, col, values.data);
}

static char *
pg_guard_query(vb_arena *a, const vb_guard *g)
{
	const char *t = pg_qualified(a, g->schema, g->table);
	const char *col = g->column ? pg_quote_ident(a, g->column) : NULL;

	switch (g->kind)
	{
		case VB_GUARD_NOT_NULL:
			return vb_printf(a, "SELECT count(*) FROM %s WHERE %s IS NULL", t, col);
		case VB_GUARD_TABLE_EMPTY:
			return vb_printf(a, "SELECT count(*) FROM %s", t);
		case VB_GUARD_UNIQUE:
			return vb_unique_guard_sql(a, &vb_dialect_pg, g, t,
									   "coalesce(sum(n - 1), 0)::bigint", NULL);
		case VB_GUARD_CHECK:	/* the table and its inheritance children, or ONLY */
			return vb_printf(a, "SELECT count(*) FROM %s%s WHERE NOT (%s)",
							 g->only ? "ONLY " : "", t, g->expression);
		case VB_GUARD_FOREIGN_KEY:
			return foreign_key_query(a, g, t);
		case VB_GUARD_TYPE_CHANGE:
			return type_change_query(a, g, t);
		case VB_GUARD_ENUM_VALUE:
			if (g->dims > 0)
				return vb_printf(a, "SELECT count(*) FROM %s WHERE %s = ANY (%s::text[])", t,
								 pg_quote_literal(a, g->value), col);
			return vb_printf(a, "SELECT count(*) FROM %s WHERE %s::text = %s", t, col,
							 pg_quote_literal(a, g->value));
		case VB_GUARD_ENUM_TARGET:
			return enum_target_query(a, g, t);
	}
	return NULL;
}

/* ---- hazards -------------------------------------------------------------- */

/*
 * The locks PostgreSQL 15 takes, per operation kind: ALTER TABLE takes
 * ACCESS EXCLUSIVE; CREATE INDEX takes SHARE; ADD FOREIGN KEY takes SHARE
 * ROW EXCLUSIVE on both tables (reported as shareLock); ALTER INDEX ...
 * RENAME and COMMENT take SHARE UPDATE EXCLUSIVE, which blocks no one.
 */
static const unsigned base_hazards[VB_OP__COUNT] = {
	[VB_OP_RECREATE_ENUM] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_REWRITE,
	[VB_OP_DROP_FOREIGN_KEY] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_DROP_INDEX] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_DROP_UNIQUE] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_DROP_PRIMARY_KEY] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_RENAME_TABLE] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_RENAME_COLUMN] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_RENAME_CONSTRAINT] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_ADD_COLUMN] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_ALTER_COLUMN] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_ADD_PRIMARY_KEY] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD,
	[VB_OP_ADD_UNIQUE] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD,
	[VB_OP_CREATE_INDEX] = VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD,
	[VB_OP_ADD_FOREIGN_KEY] = VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_SCAN,
	[VB_OP_DROP_COLUMN] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_DELETES_DATA,
	[VB_OP_DROP_TABLE] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_DELETES_DATA,
	[VB_OP_ADD_CHECK] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN,
	[VB_OP_DROP_CHECK] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_VALIDATE_CONSTRAINT] = VB_HAZARD_TABLE_SCAN,
	/* ALTER CONSTRAINT (a foreign key's deferrability): no scan */
	[VB_OP_ALTER_CONSTRAINT] = VB_HAZARD_ACCESS_EXCLUSIVE,
};

static unsigned
pg_hazards(const vb_operation *op)
{
	const vb_change *c = &op->change;
	unsigned	h = base_hazards[op->kind];
	const vb_column *col = c->column;

	/* on a table this plan creates, nothing scans or blocks anyone */
	if (c->new_table)
		return 0;
	switch (op->kind)
	{
		case VB_OP_ADD_COLUMN:
			if (col->auto_increment || col->identity != VB_IDENTITY_NONE || col->generated)
				h |= VB_HAZARD_TABLE_REWRITE;
			break;
		case VB_OP_DROP_COLUMN:
			if (c->recreate)
				h &= ~VB_HAZARD_DELETES_DATA;
			break;
		case VB_OP_ALTER_COLUMN:
			if ((c->alter & VB_ALTER_TYPE) && c->rewrite)
				h |= VB_HAZARD_TABLE_REWRITE;
			if ((c->alter & VB_ALTER_COLLATION) && !(c->alter & VB_ALTER_TYPE))
				h |= VB_HAZARD_INDEX_BUILD;	/* no rewrite, its indexes are rebuilt */
			if (c->alter & VB_ALTER_NOT_NULL)
				h |= VB_HAZARD_TABLE_SCAN;
			break;
		case VB_OP_ADD_FOREIGN_KEY:
			if (c->fk->not_valid)
				h &= ~VB_HAZARD_TABLE_SCAN;
			break;
		case VB_OP_ADD_CHECK:
			if (c->check->not_valid)
				h &= ~VB_HAZARD_TABLE_SCAN;
			break;
		case VB_OP_RECREATE_ENUM:
			if (c->finish)
				h = 0;
			break;
		case VB_OP_SET_STORAGE:
			/* SHARE UPDATE EXCLUSIVE for most parameters; ACCESS EXCLUSIVE
			 * for those the server says need it (AlterTableGetRelOptionsLockLevel) */
			if (c->exclusive_lock)
				h |= VB_HAZARD_ACCESS_EXCLUSIVE;
			break;
		default:
			break;
	}
	return h;
}

/* ---- the table ---------------------------------------------------------- */

const vb_dialect vb_dialect_pg = {
	.name = "pg",
	.max_identifier = 63,
	.can = {
		.transactional_ddl = true,
		.schemas = true,
		.enum_types = true,
		.sequences = true,
		.identity = true,
		.generated_stored = true,
		.collations = true,
		.comments = true,
		.partial_indexes = true,
		.expression_indexes = true,
		.index_methods = true,
		.index_include = true,
		.nulls_not_distinct = true,
		.deferrable = true,
		.not_valid = true,
		.alter_column = true,
		.add_constraint = true,
		.rename_column = true,
		.rename_index = true,
		.rename_constraint = true,
		.storage_parameters = true,
		.opclasses = true,
		.match_full = true,
		.no_inherit = true,
		.constraint_comments = true,
	},
	.quote_ident = pg_quote_ident,
	.quote_literal = pg_quote_literal,
	.ident_quote = '"',
	.qualified = pg_qualified,
	.default_name = vb_pg_style_name,
	.name_scope = vb_pg_style_scope,
	.integer_rank = pg_integer_rank,
	.integer_types = "smallint, integer or bigint",
	.safe_type_change = pg_safe_type_change,
	.element_type = pg_element_type,
	.cast = pg_cast,
	.write = {
		[VB_OP_CREATE_SCHEMA] = write_create_schema,
		[VB_OP_CREATE_ENUM] = write_create_enum,
		[VB_OP_RENAME_ENUM] = write_rename_enum,
		[VB_OP_RENAME_ENUM_VALUE] = write_rename_enum_value,
		[VB_OP_ADD_ENUM_VALUE] = write_add_enum_value,
		[VB_OP_RECREATE_ENUM] = write_recreate_enum,
		[VB_OP_DROP_FOREIGN_KEY] = write_drop_foreign_key,
		[VB_OP_DROP_INDEX] = write_drop_index,
		[VB_OP_DROP_UNIQUE] = write_drop_key,
		[VB_OP_DROP_PRIMARY_KEY] = write_drop_key,
		[VB_OP_RENAME_TABLE] = write_rename_table,
		[VB_OP_RENAME_COLUMN] = write_rename_column,
		[VB_OP_RENAME_CONSTRAINT] = write_rename_constraint,
		[VB_OP_RENAME_INDEX] = write_rename_index,
		[VB_OP_RENAME_SEQUENCE] = write_rename_sequence,
		[VB_OP_CREATE_TABLE] = write_create_table,
		[VB_OP_ADD_COLUMN] = write_add_column,
		[VB_OP_ALTER_COLUMN] = write_alter_column,
		[VB_OP_ADD_PRIMARY_KEY] = write_add_key,
		[VB_OP_ADD_UNIQUE] = write_add_key,
		[VB_OP_CREATE_INDEX] = write_create_index,
		[VB_OP_ADD_FOREIGN_KEY] = write_add_foreign_key,
		[VB_OP_DROP_COLUMN] = write_drop_column,
		[VB_OP_DROP_TABLE] = write_drop_table,
		[VB_OP_DROP_ENUM] = write_drop_enum,
		[VB_OP_ADD_CHECK] = write_add_check,
		[VB_OP_DROP_CHECK] = write_drop_check,
		[VB_OP_VALIDATE_CONSTRAINT] = write_validate_constraint,
		[VB_OP_SET_COMMENT] = write_set_comment,
		[VB_OP_ALTER_CONSTRAINT] = write_alter_constraint,
		[VB_OP_SET_STORAGE] = write_set_storage,
	},
	.guard_query = pg_guard_query,
	.hazards = pg_hazards,
	.phase = NULL,
	.lower = NULL,
};
