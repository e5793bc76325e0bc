/*
 * dialect_mysql.c — MySQL 8 and MariaDB 10.11 as dialects: quoting, the
 * names they use, type facts, the SQL of every operation, the data guard
 * queries and the hazards (metadata locks, table copies and rebuilds).
 *
 * Two tables share everything but a few spellings: vb_dialect_mysql
 * (MySQL 8: DROP CHECK, INVISIBLE indexes, functional key parts, NOT
 * ENFORCED checks) and vb_dialect_mariadb (MariaDB 10.11: DROP CONSTRAINT,
 * IGNORED indexes, and column-level checks, which a MODIFY of their
 * column silently drops unless it states them again). The driver picks one
 * by the server's version; a document's "dialect" is "mysql" for both.
 *
 * MySQL commits every DDL statement by itself, so a plan is a list of
 * statements each of which leaves a consistent schema, and as few as
 * possible: the lower hook groups the operations of one table into one
 * ALTER TABLE (one rebuild, one atomic unit), in six phases —
 *
 *   1. drop foreign keys (one ALTER TABLE per table)
 *   2. drop tables
 *   3. rename tables
 *   4. everything else on the tables that stay: one ALTER TABLE each
 *      (renames, drops, MODIFY/CHANGE with full definitions, additions,
 *      keys, indexes, checks, comments, table options), after an UPDATE
 *      that backfills a column becoming NOT NULL with its default
 *   5. create tables, with their keys, indexes, checks and the foreign
 *      keys to tables that exist by then
 *   6. add the other foreign keys (one ALTER TABLE per table)
 *
 * — and rewrites what MySQL cannot do as the differ says it: a foreign
 * key or check "renamed" is dropped and added, a unique constraint is an
 * index (RENAME INDEX), a foreign key whose column changes charset is
 * dropped and added around it, an index a kept foreign key needs is never
 * dropped without the one MySQL would make for it, and the index MySQL
 * made for a dropped foreign key goes with it. The first operation of a
 * group writes the statement; the others list none (vb_change.group).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dialect.h"
#include "vb_internal.h"
#include "vb_mysql.h"

/* The phases above. */
enum
{
	MP_DROP_FOREIGN_KEY = 1,
	MP_DROP_TABLE,
	MP_RENAME_TABLE,
	MP_ALTER,
	MP_CREATE_TABLE,
	MP_ADD_FOREIGN_KEY
};

/* ---- lexical rules -------------------------------------------------------- */

/* Always in backticks, as SHOW CREATE TABLE and the canonical expressions
 * print every name: no keyword list to keep up with either server. */
static char *
my_quote_ident(vb_arena *a, const char *ident)
{
	return vb_mysql_quote_ident(a, ident);
}

/* Quotes doubled, backslashes escaped: the session's sql_mode is pinned
 * without NO_BACKSLASH_ESCAPES (mysql_introspect.c). */
static char *
my_quote_literal(vb_arena *a, const char *text)
{
	return vb_mysql_quote_string(a, text, strlen(text), true);
}

/* One database: the model's namespace ("public") is the connection's
 * database; another names a database (a foreign key's referencedSchema). */
static char *
my_qualified(vb_arena *a, const char *schema, const char *name)
{
	if (schema == NULL || strcmp(schema, "public") == 0)
		return my_quote_ident(a, name);
	return vb_printf(a, "%s.%s", my_quote_ident(a, schema), my_quote_ident(a, name));
}

static char *
quote_list(vb_arena *a, const vb_list *idents)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	vb_buf_append(&buf, "");
	for (i = 0; i < idents->count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? ", " : "", my_quote_ident(a, idents->items[i]));
	return buf.data;
}

/* ---- names ------------------------------------------------------------------ */

/* The contract's names (<table>_<cols>_key ...); the primary key is always
 * PRIMARY. */
static char *
my_default_name(vb_arena *a, vb_name_kind kind, const char *table, const vb_list *columns,
				int pass)
{
	if (kind == VB_NAME_PRIMARY_KEY)
		return vb_strdup(a, "PRIMARY");
	return vb_pg_style_name(a, kind, table, columns, pass);
}

/* Foreign key names are unique in the database, index names in the table;
 * MySQL 8's check names in the database, MariaDB's in the table. */
static vb_name_scope
mysql_scope(vb_name_kind kind)
{
	return kind == VB_NAME_FOREIGN_KEY || kind == VB_NAME_CHECK ? VB_SCOPE_SCHEMA : VB_SCOPE_TABLE;
}

static vb_name_scope
mariadb_scope(vb_name_kind kind)
{
	return kind == VB_NAME_FOREIGN_KEY ? VB_SCOPE_SCHEMA : VB_SCOPE_TABLE;
}

/* ---- types ------------------------------------------------------------------ */

/* A canonical type's parts; a type that does not parse is "other". */
static vb_mysql_category
type_of(vb_arena *a, const char *text, vb_mysql_type *t)
{
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_mysql_canonical_type(a, text, 0, t, &err))
	{
		memset(t, 0, sizeof(*t));
		t->text = (char *) text;
		t->base = (char *) text;
		return VB_MYCAT_OTHER;
	}
	return vb_mysql_type_category(t);
}

static bool
is_unsigned(const vb_mysql_type *t)
{
	return strstr(t->text, " unsigned") != NULL;
}

/* 1..5 for tinyint .. bigint, 0 for any other type. */
static int
integer_size(const char *base)
{
	static const char *const names[] = {"tinyint", "smallint", "mediumint", "int", "bigint"};
	int			i;

	for (i = 0; i < 5; i++)
		if (strcmp(base, names[i]) == 0)
			return i + 1;
	return 0;
}

/* autoIncrement takes any integer type (canonical text: its name first). */
static int
my_integer_rank(const char *type)
{
	char		base[16];
	size_t		n = 0;
	int			size;

	while (n < sizeof(base) - 1 && type[n] >= 'a' && type[n] <= 'z')
	{
		base[n] = type[n];
		n++;
	}
	base[n] = '\0';
	size = integer_size(base);
	return size == 0 ? 0 : size <= 2 ? 1 : size <= 4 ? 2 : 3;
}

/* The range of an integer type, as long doubles hold it exactly enough. */
static void
integer_range(const vb_mysql_type *t, long double *min, long double *max)
{
	int			bits = 8 * (integer_size(t->base) == 4 ? 4 : integer_size(t->base) == 5 ? 8 :
							integer_size(t->base));

	if (is_unsigned(t))
	{
		*min = 0;
		*max = (long double) ((bits == 64) ? 18446744073709551615.0L : (long double) ((1ULL << bits) - 1));
	}
	else
	{
		*min = -(long double) (1ULL << (bits - 1));
		*max = (long double) ((1ULL << (bits - 1)) - 1);
	}
}

/* Largest byte length of the text and blob types. */
static long
lob_bytes(const char *base)
{
	if (strcmp(base, "tinytext") == 0 || strcmp(base, "tinyblob") == 0)
		return 255;
	if (strcmp(base, "text") == 0 || strcmp(base, "blob") == 0)
		return 65535;
	if (strcmp(base, "mediumtext") == 0 || strcmp(base, "mediumblob") == 0)
		return 16777215;
	if (strcmp(base, "longtext") == 0 || strcmp(base, "longblob") == 0)
		return 4294967295L;
	return 0;
}

/* Do `to`'s members start with all of `from`'s, in order? */
static bool
members_appended(const vb_mysql_type *from, const vb_mysql_type *to)
{
	int			i;

	if (to->members.count < from->members.count)
		return false;
	for (i = 0; i < from->members.count; i++)
		if (strcmp(from->members.items[i], to->members.items[i]) != 0)
			return false;
	return true;
}

/*
 * Changes that keep every value: wider integers (signedness kept, or
 * unsigned into a wider signed type), integers into a decimal with room,
 * decimal(p,s) into decimal(q>=p,s), float into double, longer strings and
 * binary strings, CHAR into VARCHAR, into a larger TEXT or BLOB, members
 * appended to an ENUM or SET, a larger fractional-seconds precision, DATE
 * into DATETIME, a wider BIT. *rewrite: whether the table is copied
 * (ALGORITHM=COPY); ENUM and SET members appended at the end and VARCHAR
 * widened within one length-byte class are done in place.
 */
static bool
my_safe_type_change(vb_arena *a, const char *from, const char *to, bool *rewrite)
{
	vb_mysql_type f;
	vb_mysql_type t;
	vb_mysql_category fc = type_of(a, from, &f);
	vb_mysql_category tc = type_of(a, to, &t);

	*rewrite = true;
	if (fc == VB_MYCAT_INTEGER && tc == VB_MYCAT_INTEGER)
	{
		long double fmin, fmax, tmin, tmax;

		integer_range(&f, &fmin, &fmax);
		integer_range(&t, &tmin, &tmax);
		return tmin <= fmin && tmax >= fmax && strstr(f.text, "zerofill") == NULL &&
			strstr(t.text, "zerofill") == NULL;
	}
	if (fc == VB_MYCAT_INTEGER && tc == VB_MYCAT_DECIMAL)
	{
		static const int digits[] = {0, 3, 5, 8, 10, 20};

		return t.precision - t.scale >= digits[integer_size(f.base)];
	}
	if (fc == VB_MYCAT_DECIMAL && tc == VB_MYCAT_DECIMAL)
		return t.scale == f.scale && t.precision >= f.precision && is_unsigned(&f) == is_unsigned(&t);
	if (fc == VB_MYCAT_FLOAT && tc == VB_MYCAT_FLOAT)
		return strcmp(f.text, "float") == 0 && strcmp(t.text, "double") == 0;
	if ((fc == VB_MYCAT_STRING && tc == VB_MYCAT_STRING) ||
		(fc == VB_MYCAT_BINARY && tc == VB_MYCAT_BINARY))
	{
		bool		fvar = f.length > 0;	/* char/varchar/binary/varbinary */

		if (fvar && t.length > 0)
		{
			bool		fixed_to = strcmp(t.base, "char") == 0 || strcmp(t.base, "binary") == 0;

			if (fixed_to && strcmp(f.base, t.base) != 0)
				return false;	/* VARCHAR into CHAR pads, VARBINARY into BINARY pads */
			if (t.length < f.length)
				return false;
			/* in place: VARCHAR widened within one length-byte class (utf8mb4) */
			*rewrite = !(strcmp(f.base, t.base) == 0 && !fixed_to &&
						 ((f.length <= 63 && t.length <= 63) || f.length >= 256));
			return true;
		}
		if (fvar)				/* into TEXT or BLOB: 4 bytes a character at most */
			return lob_bytes(t.base) >= (long) f.length * (fc == VB_MYCAT_STRING ? 4 : 1);
		return lob_bytes(t.base) >= lob_bytes(f.base) && lob_bytes(t.base) > 0;
	}
	if ((fc == VB_MYCAT_ENUM && tc == VB_MYCAT_ENUM) || (fc == VB_MYCAT_SET && tc == VB_MYCAT_SET))
	{
		*rewrite = false;
		return members_appended(&f, &t);
	}
	if ((fc == VB_MYCAT_DATETIME || fc == VB_MYCAT_TIME) && tc == fc)
		return strcmp(f.base, t.base) == 0 && t.fsp >= f.fsp;
	if (fc == VB_MYCAT_DATE && tc == VB_MYCAT_DATETIME)
		return strcmp(t.base, "datetime") == 0;
	if (fc == VB_MYCAT_BIT && tc == VB_MYCAT_BIT)
		return t.length >= f.length;
	return false;
}

static const char *
my_element_type(vb_arena *a, const char *type, int *dims)
{
	(void) a;
	*dims = 0;
	return type;
}

/* CAST's target for a column type (guards read values as converted). */
static const char *
cast_target(vb_arena *a, const char *type, bool mariadb)
{
	vb_mysql_type t;

	switch (type_of(a, type, &t))
	{
		case VB_MYCAT_INTEGER:
		case VB_MYCAT_YEAR:
		case VB_MYCAT_BIT:
			return is_unsigned(&t) || t.base[0] == 'b' ? "UNSIGNED" : "SIGNED";
		case VB_MYCAT_DECIMAL:
			return vb_printf(a, "DECIMAL(%d,%d)", t.precision, t.scale);
		case VB_MYCAT_FLOAT:
			return "DOUBLE";
		case VB_MYCAT_STRING:
		case VB_MYCAT_ENUM:
		case VB_MYCAT_SET:
			return "CHAR";
		case VB_MYCAT_BINARY:
			return "BINARY";
		case VB_MYCAT_DATE:
			return "DATE";
		case VB_MYCAT_TIME:
			return t.fsp ? vb_printf(a, "TIME(%d)", t.fsp) : "TIME";
		case VB_MYCAT_DATETIME:
			return t.fsp ? vb_printf(a, "DATETIME(%d)", t.fsp) : "DATETIME";
		case VB_MYCAT_JSON:
			return mariadb ? NULL : "JSON";
		default:
			return NULL;
	}
}

static char *
cast_as(vb_arena *a, const char *expr, const char *to, bool mariadb)
{
	const char *target = cast_target(a, to, mariadb);

	if (expr == NULL)
		return vb_strdup(a, "NULL");
	return target ? vb_printf(a, "CAST(%s AS %s)", expr, target) : vb_strdup(a, expr);
}

static char *
mysql_cast(vb_arena *a, const char *expr, const char *from, const char *to, bool through_text)
{
	(void) from;
	(void) through_text;
	return cast_as(a, expr, to, false);
}

static char *
mariadb_cast(vb_arena *a, const char *expr, const char *from, const char *to, bool through_text)
{
	(void) from;
	(void) through_text;
	return cast_as(a, expr, to, true);
}

/* ---- definitions ------------------------------------------------------------ */

/* What a statement is written for: MySQL 8 or MariaDB. */
typedef struct flavor
{
	bool		mariadb;
} flavor;

static const char *const fk_action_sql[] = {
	"NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"
};

static bool
is_lob(const vb_mysql_type *t, vb_mysql_category cat)
{
	return lob_bytes(t->base) > 0 || cat == VB_MYCAT_JSON || cat == VB_MYCAT_OTHER;
}

static bool
is_character(vb_mysql_category cat)
{
	return cat == VB_MYCAT_STRING || cat == VB_MYCAT_ENUM || cat == VB_MYCAT_SET;
}

static int
hex_value(char c)
{
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/*
 * The default of a binary column as the DDL writes it: the canonical form
 * is a hexadecimal literal (0x62696e), but a server keeps the spelling it
 * was given (COLUMN_DEFAULT reads 'bin' after DEFAULT 'bin', 0x62696e after
 * DEFAULT 0x62696e). Bytes that are all printable ASCII (no quote, no
 * backslash) are written as a string, the spelling of nearly every schema
 * written by hand or by an ORM, so that the catalogs compare equal; BINARY(n)'s
 * trailing zero bytes are its padding and are left to the server.
 * docs/mysql.md ("Defaults of binary columns").
 */
static const char *
binary_default_text(vb_arena *a, const char *d, const vb_mysql_type *t)
{
	size_t		n;
	size_t		i;
	vb_buf		b;

	if (strncmp(d, "0x", 2) != 0)
		return d;
	d += 2;
	n = strlen(d);
	if (n % 2 != 0)
		return d - 2;
	if (strcmp(t->base, "binary") == 0)
		while (n >= 2 && d[n - 2] == '0' && d[n - 1] == '0')
			n -= 2;
	if (n == 0)
		return d - 2;
	vb_buf_init(&b, a);
	vb_buf_append(&b, "'");
	for (i = 0; i < n; i += 2)
	{
		int			ch = hex_value(d[i]) * 16 + hex_value(d[i + 1]);

		if (ch < 0x20 || ch > 0x7e || ch == '\'' || ch == '\\')
			return d - 2;
		vb_buf_appendf(&b, "%c", ch);
	}
	vb_buf_append(&b, "'");
	return b.data;
}

/*
 * " DEFAULT x": literals bare, but in parentheses on TEXT, BLOB, JSON and
 * spatial columns, where MySQL 8 takes only expressions (MariaDB reads
 * both alike); an expression default is already "(...)" in canonical form,
 * CURRENT_TIMESTAMP(n) stays bare.
 */
static const char *
default_clause(vb_arena *a, const vb_column *c, const vb_mysql_type *t, vb_mysql_category cat)
{
	const char *d = c->default_expr;

	if (d == NULL)
		return "";
	if (cat == VB_MYCAT_BINARY)
		d = binary_default_text(a, d, t);
	if (d[0] != '(' && is_lob(t, cat) && strncasecmp(d, "CURRENT_TIMESTAMP", 17) != 0)
		return vb_printf(a, " DEFAULT (%s)", d);
	return vb_printf(a, " DEFAULT %s", d);
}

/*
 * A column's whole definition, as MODIFY and CHANGE need it (they replace
 * the column: whatever is left out is gone): type, charset and collation
 * (always stated where the type has them, `charset`/`collation` being the
 * values the column ends up with), generation, NULL or NOT NULL, default,
 * ON UPDATE, AUTO_INCREMENT, INVISIBLE, COMMENT, and on MariaDB a
 * column-level check the column keeps (`check`, or NULL).
 */
static char *
column_definition(vb_arena *a, const vb_column *c, const char *charset, const char *collation,
				  const vb_check *check)
{
	vb_mysql_type t;
	vb_mysql_category cat = type_of(a, c->type, &t);
	vb_buf		b;

	vb_buf_init(&b, a);
	vb_buf_appendf(&b, "%s %s", my_quote_ident(a, c->name), c->type);
	if (is_character(cat) && charset)
		vb_buf_appendf(&b, " CHARACTER SET %s", charset);
	if (is_character(cat) && collation)
		vb_buf_appendf(&b, " COLLATE %s", collation);
	if (c->generated)
		vb_buf_appendf(&b, " GENERATED ALWAYS AS (%s) %s",
					   c->generated_source ? c->generated_source : c->generated,
					   c->generated_virtual ? "VIRTUAL" : "STORED");
	/* MariaDB takes neither NULL nor NOT NULL after a generation (its
	 * generated columns are always nullable); MySQL 8 takes NOT NULL. */
	if (!c->generated)
		vb_buf_append(&b, c->nullable ? " NULL" : " NOT NULL");
	else if (!c->nullable)
		vb_buf_append(&b, " NOT NULL");
	if (!c->generated)
		vb_buf_append(&b, default_clause(a, c, &t, cat));
	if (c->on_update)
		vb_buf_appendf(&b, " ON UPDATE %s", c->on_update);
	if (c->auto_increment)
		vb_buf_append(&b, " AUTO_INCREMENT");
	if (c->invisible)
		vb_buf_append(&b, " INVISIBLE");
	if (c->comment)
		vb_buf_appendf(&b, " COMMENT %s", my_quote_literal(a, c->comment));
	if (check)
		vb_buf_appendf(&b, " CHECK (%s)", check->source ? check->source : check->expression);
	return b.data;
}

/* The charset and collation a column of table `t` ends up with: its own,
 * else its table's (a charset without a collation: the server picks that
 * charset's default). */
static void
column_charset(const vb_table *t, const vb_column *c, const char **charset, const char **collation)
{
	*charset = c->charset ? c->charset : t->charset;
	*collation = c->collation ? c->collation : c->charset ? NULL : t->collation;
}

/* The definition with the charset and collation stated (ALTER TABLE). */
static char *
full_column(vb_arena *a, const vb_table *t, const vb_column *c, const vb_check *check)
{
	const char *cs;
	const char *co;

	column_charset(t, c, &cs, &co);
	return column_definition(a, c, cs, co, check);
}

/* An index element: `col`(n) or (expression), and DESC. */
static char *
element_text(vb_arena *a, const vb_index_elem *el)
{
	char	   *s = el->column ? my_quote_ident(a, el->column) :
		vb_printf(a, "(%s)", el->source ? el->source : el->expression);

	if (el->column && el->length > 0)
		s = vb_printf(a, "%s(%d)", s, el->length);
	if (el->desc)
		s = vb_printf(a, "%s DESC", s);
	return s;
}

/*
 * "[UNIQUE|FULLTEXT|SPATIAL] INDEX `name` (elements) [USING HASH]
 * [COMMENT '...'] [INVISIBLE|IGNORED]": the index part of CREATE TABLE and
 * ALTER TABLE ... ADD.
 */
static char *
index_text(vb_arena *a, const flavor *fl, const vb_index *ix)
{
	vb_buf		b;
	const char *method = ix->method ? ix->method : "btree";
	int			i;

	vb_buf_init(&b, a);
	if (strcmp(method, "fulltext") == 0)
		vb_buf_append(&b, "FULLTEXT ");
	else if (strcmp(method, "spatial") == 0)
		vb_buf_append(&b, "SPATIAL ");
	else if (ix->unique)
		vb_buf_append(&b, "UNIQUE ");
	vb_buf_appendf(&b, "INDEX %s (", my_quote_ident(a, ix->name));
	for (i = 0; i < ix->elements.count; i++)
		vb_buf_appendf(&b, "%s%s", i ? ", " : "", element_text(a, ix->elements.items[i]));
	vb_buf_appendc(&b, ')');
	if (strcmp(method, "hash") == 0)
		vb_buf_append(&b, " USING HASH");
	if (ix->comment)
		vb_buf_appendf(&b, " COMMENT %s", my_quote_literal(a, ix->comment));
	if (ix->invisible)
		vb_buf_append(&b, fl->mariadb ? " IGNORED" : " INVISIBLE");
	return b.data;
}

/* A unique constraint: a unique BTREE index of plain columns. */
static char *
unique_text(vb_arena *a, const vb_key *k)
{
	return vb_printf(a, "UNIQUE INDEX %s (%s)%s%s", my_quote_ident(a, k->name),
					 quote_list(a, &k->columns), k->comment ? " COMMENT " : "",
					 k->comment ? my_quote_literal(a, k->comment) : "");
}

static char *
check_text(vb_arena *a, const vb_check *ck)
{
	return vb_printf(a, "CONSTRAINT %s CHECK (%s)%s", my_quote_ident(a, ck->name),
					 ck->source ? ck->source : ck->expression,
					 ck->not_enforced ? " NOT ENFORCED" : "");
}

static char *
foreign_key_text(vb_arena *a, const vb_foreign_key *fk)
{
	vb_buf		b;

	vb_buf_init(&b, a);
	vb_buf_appendf(&b, "CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)",
				   my_quote_ident(a, fk->name), quote_list(a, &fk->columns),
				   my_qualified(a, fk->ref_schema, fk->ref_table), quote_list(a, &fk->ref_columns));
	if (fk->on_delete != VB_FK_NO_ACTION)
		vb_buf_appendf(&b, " ON DELETE %s", fk_action_sql[fk->on_delete]);
	if (fk->on_update != VB_FK_NO_ACTION)
		vb_buf_appendf(&b, " ON UPDATE %s", fk_action_sql[fk->on_update]);
	return b.data;
}

/* " ENGINE = x DEFAULT CHARSET = y COLLATE = z COMMENT = '...'" of a new table. */
static char *
table_options(vb_arena *a, const vb_table *t)
{
	vb_buf		b;

	vb_buf_init(&b, a);
	vb_buf_append(&b, "");
	if (t->engine)
		vb_buf_appendf(&b, " ENGINE = %s", t->engine);
	if (t->charset)
		vb_buf_appendf(&b, " DEFAULT CHARSET = %s", t->charset);
	if (t->collation)
		vb_buf_appendf(&b, " COLLATE = %s", t->collation);
	if (t->comment)
		vb_buf_appendf(&b, " COMMENT = %s", my_quote_literal(a, t->comment));
	return b.data;
}

/* ---- statements of one group ------------------------------------------------- */

/*
 * The parts of one statement being written: statements that must run
 * before it (a backfill), and its clauses. Column clauses are gathered per
 * column first (a rename, a change, a comment and a dropped column-level
 * check of one column make one CHANGE or MODIFY).
 */
typedef struct column_action
{
	const char *from;			/* the current name */
	const vb_column *column;	/* the document's column */
	bool		renamed;
	bool		modified;
} column_action;

typedef struct writer
{
	vb_arena   *a;
	const flavor *fl;
	vb_operation *lead;
	const vb_table *table;		/* the document's table (NULL: a dropped one) */
	const vb_table *cur;		/* the current table (NULL: a new one) */
	const vb_table_change *pair;	/* the paired columns, or NULL */
	vb_list		before;			/* char *: statements before the ALTER */
	vb_list		clauses;		/* char * */
	vb_list		columns;		/* column_action * */
	vb_list		ops;			/* vb_operation *: the lead, then its group */
} writer;

static void
clause(writer *w, char *text)
{
	vb_list_push(w->a, &w->clauses, text);
}

/* The operation of `kind` in the group on object `name`, or NULL. */
static const vb_operation *
group_op(const writer *w, vb_op_kind kind, const char *name)
{
	int			i;

	for (i = 0; i < w->ops.count; i++)
	{
		const vb_operation *op = w->ops.items[i];

		if (op->kind == kind && op->object && strcmp(op->object, name) == 0)
			return op;
	}
	return NULL;
}

/* The current column of a document's column (NULL: added by the plan). */
static const vb_column *
source_of(const writer *w, const vb_column *dc)
{
	int			i;

	for (i = 0; w->pair && i < w->pair->des->columns.count; i++)
		if (w->pair->des->columns.items[i] == dc)
			return w->pair->sources.items[i];
	return NULL;
}

/* The document's column of a current one (NULL: dropped). */
static const vb_column *
target_of(const writer *w, const char *cur_name)
{
	int			i;

	for (i = 0; w->pair && i < w->pair->des->columns.count; i++)
	{
		const vb_column *cc = w->pair->sources.items[i];

		if (cc && strcmp(cc->name, cur_name) == 0)
			return w->pair->des->columns.items[i];
	}
	return NULL;
}

static column_action *
column_of(writer *w, const vb_column *dc, const char *from)
{
	column_action *ca;
	int			i;

	for (i = 0; i < w->columns.count; i++)
	{
		ca = w->columns.items[i];
		if (ca->column == dc)
			return ca;
	}
	ca = vb_alloc(w->a, sizeof(column_action));
	ca->column = dc;
	ca->from = from;
	vb_list_push(w->a, &w->columns, ca);
	return ca;
}

/* The current column a check is on: the one its expression names (a
 * column-level check names exactly one). */
static const vb_column *
check_column(writer *w, const vb_check *ck)
{
	int			i;

	for (i = 0; w->cur && i < w->cur->columns.count; i++)
	{
		const vb_column *c = w->cur->columns.items[i];

		if (strstr(ck->expression, my_quote_ident(w->a, c->name)))
			return c;
	}
	return NULL;
}

/*
 * MariaDB: the column-level check of a current column that stays (not
 * dropped by the plan), as the document writes it, to be stated again in
 * the column's MODIFY or CHANGE (which would drop it otherwise).
 */
static const vb_check *
kept_column_check(writer *w, const char *cur_name)
{
	int			i;
	int			j;

	for (i = 0; w->fl->mariadb && w->cur && i < w->cur->checks.count; i++)
	{
		const vb_check *ck = w->cur->checks.items[i];
		const vb_column *c;

		if (!ck->column_level || (c = check_column(w, ck)) == NULL || strcmp(c->name, cur_name) != 0)
			continue;
		if (group_op(w, VB_OP_DROP_CHECK, ck->name))
			return NULL;
		for (j = 0; j < w->table->checks.count; j++)
			if (strcmp(((vb_check *) w->table->checks.items[j])->name, ck->name) == 0)
				return w->table->checks.items[j];
	}
	return NULL;
}

/* "RENAME COLUMN a TO b", "CHANGE COLUMN a <definition>" or "MODIFY COLUMN <definition>". */
static void
write_column_actions(writer *w)
{
	int			i;

	for (i = 0; i < w->columns.count; i++)
	{
		column_action *ca = w->columns.items[i];
		const vb_check *keep = ca->modified ? kept_column_check(w, ca->from) : NULL;

		if (ca->renamed && !ca->modified)
			clause(w, vb_printf(w->a, "RENAME COLUMN %s TO %s", my_quote_ident(w->a, ca->from),
								my_quote_ident(w->a, ca->column->name)));
		else if (ca->renamed)
			clause(w, vb_printf(w->a, "CHANGE COLUMN %s %s", my_quote_ident(w->a, ca->from),
								full_column(w->a, w->table, ca->column, keep)));
		else
			clause(w, vb_printf(w->a, "MODIFY COLUMN %s",
								full_column(w->a, w->table, ca->column, keep)));
	}
}

/* A column becoming NOT NULL takes its default where it is NULL, before
 * the MODIFY (which would fail on a NULL in strict mode). */
static void
backfill(writer *w, const vb_change *c)
{
	const char *d = c->column->default_expr;

	vb_list_push(w->a, &w->before,
				 vb_printf(w->a, "UPDATE %s SET %s = %s WHERE %s IS NULL",
						   my_quote_ident(w->a, c->table->name),
						   my_quote_ident(w->a, c->cur_column->name), d,
						   my_quote_ident(w->a, c->cur_column->name)));
}

/* The key or index of the document's table named `name`, as ADD text. */
static char *
add_index_or_key(writer *w, const char *name)
{
	const vb_table *t = w->table;
	int			i;

	for (i = 0; i < t->uniques.count; i++)
		if (strcmp(((vb_key *) t->uniques.items[i])->name, name) == 0)
			return vb_printf(w->a, "ADD %s", unique_text(w->a, t->uniques.items[i]));
	for (i = 0; i < t->indexes.count; i++)
		if (strcmp(((vb_index *) t->indexes.items[i])->name, name) == 0)
			return vb_printf(w->a, "ADD %s", index_text(w->a, w->fl, t->indexes.items[i]));
	return NULL;
}

/* A comment of a kept index or unique key: the index is made again. */
static void
index_comment(writer *w, const vb_change *c)
{
	const char *name = c->index ? c->index->name : c->key->name;
	const vb_operation *rename = group_op(w, VB_OP_RENAME_INDEX, name);

	if (group_op(w, VB_OP_CREATE_INDEX, name) || group_op(w, VB_OP_ADD_UNIQUE, name))
		return;					/* made with its comment */
	clause(w, vb_printf(w->a, "DROP INDEX %s",
						my_quote_ident(w->a, rename ? rename->change.from : name)));
	clause(w, add_index_or_key(w, name));
}

/* The clauses of one operation on a table that stays. */
static void
alter_clauses(writer *w, const vb_operation *op)
{
	vb_arena   *a = w->a;
	const vb_change *c = &op->change;

	switch (op->kind)
	{
		case VB_OP_RENAME_COLUMN:
			column_of(w, vb_find_column(w->table, c->to), c->from)->renamed = true;
			break;
		case VB_OP_ALTER_COLUMN:
			column_of(w, c->column, c->cur_column->name)->modified = true;
			if ((c->alter & VB_ALTER_NOT_NULL) && c->column->default_expr)
				backfill(w, c);
			break;
		case VB_OP_DROP_COLUMN:
			clause(w, vb_printf(a, "DROP COLUMN %s", my_quote_ident(a, c->cur_column->name)));
			break;
		case VB_OP_ADD_COLUMN:
			clause(w, vb_printf(a, "ADD COLUMN %s", full_column(a, w->table, c->column, NULL)));
			break;
		case VB_OP_RENAME_INDEX:
			if (group_op(w, VB_OP_SET_COMMENT, c->to) == NULL)
				clause(w, vb_printf(a, "RENAME INDEX %s TO %s", my_quote_ident(a, c->from),
									my_quote_ident(a, c->to)));
			break;
		case VB_OP_DROP_INDEX:
		case VB_OP_DROP_UNIQUE:
			clause(w, vb_printf(a, "DROP INDEX %s",
								my_quote_ident(a, c->index ? c->index->name : c->key->name)));
			break;
		case VB_OP_DROP_PRIMARY_KEY:
			clause(w, vb_strdup(a, "DROP PRIMARY KEY"));
			break;
		case VB_OP_DROP_CHECK:
			if (c->check->column_level && w->fl->mariadb)
			{
				/* only a MODIFY of its column drops it */
				const vb_column *cc = check_column(w, c->check);
				const vb_column *dc = cc ? target_of(w, cc->name) : NULL;

				if (dc)
					column_of(w, dc, cc->name)->modified = true;
			}
			else
				clause(w, vb_printf(a, "%s %s", w->fl->mariadb ? "DROP CONSTRAINT" : "DROP CHECK",
									my_quote_ident(a, c->check->name)));
			break;
		case VB_OP_ADD_PRIMARY_KEY:
			clause(w, vb_printf(a, "ADD PRIMARY KEY (%s)", quote_list(a, &c->key->columns)));
			break;
		case VB_OP_ADD_UNIQUE:
			clause(w, vb_printf(a, "ADD %s", unique_text(a, c->key)));
			break;
		case VB_OP_CREATE_INDEX:
			clause(w, vb_printf(a, "ADD %s", index_text(a, w->fl, c->index)));
			break;
		case VB_OP_ADD_CHECK:
			clause(w, vb_printf(a, "ADD %s", check_text(a, c->check)));
			break;
		case VB_OP_ALTER_INDEX:
			if (!group_op(w, VB_OP_SET_COMMENT, c->index->name))
				clause(w, vb_printf(a, "ALTER INDEX %s %s", my_quote_ident(a, c->index->name),
									w->fl->mariadb ? (c->index->invisible ? "IGNORED" : "NOT IGNORED") :
									(c->index->invisible ? "INVISIBLE" : "VISIBLE")));
			break;
		case VB_OP_SET_COMMENT:
			if (c->column && group_op(w, VB_OP_ADD_COLUMN, c->column->name))
				break;			/* added with its comment */
			if (c->column)
				column_of(w, c->column, source_of(w, c->column) ?
						  source_of(w, c->column)->name : c->column->name)->modified = true;
			else if (c->index || c->key)
				index_comment(w, c);
			else
				clause(w, vb_printf(a, "COMMENT = %s", my_quote_literal(a, c->comment ? c->comment : "")));
			break;
		case VB_OP_SET_TABLE_OPTIONS:
			if (!vb_strs_equal(c->cur_table->engine, c->table->engine) && c->table->engine)
				clause(w, vb_printf(a, "ENGINE = %s", c->table->engine));
			if ((!vb_strs_equal(c->cur_table->charset, c->table->charset) ||
				 !vb_strs_equal(c->cur_table->collation, c->table->collation)) && c->table->charset)
				clause(w, vb_printf(a, "DEFAULT CHARSET = %s%s%s", c->table->charset,
									c->table->collation ? " COLLATE = " : "",
									c->table->collation ? c->table->collation : ""));
			break;
		case VB_OP_ADD_FOREIGN_KEY:
			clause(w, vb_printf(a, "ADD %s", foreign_key_text(a, c->fk)));
			break;
		case VB_OP_DROP_FOREIGN_KEY:
			clause(w, vb_printf(a, "DROP FOREIGN KEY %s", my_quote_ident(a, c->fk->name)));
			/* the index MySQL made for it stays behind otherwise (c->index:
			 * set by the lower hook when it can go) */
			if (c->index)
				clause(w, vb_printf(a, "DROP INDEX %s", my_quote_ident(a, c->index->name)));
			break;
		default:
			break;
	}
}

/* CREATE TABLE with its keys, indexes, checks, the foreign keys grouped
 * with it, and its options. */
static char *
create_table_text(writer *w)
{
	vb_arena   *a = w->a;
	const vb_table *t = w->table;
	vb_buf		b;
	int			i;

	vb_buf_init(&b, a);
	vb_buf_appendf(&b, "CREATE TABLE %s (", my_quote_ident(a, t->name));
	for (i = 0; i < t->columns.count; i++)
	{
		const vb_column *c = t->columns.items[i];

		/* a column's charset and collation where they differ from the table's */
		vb_buf_appendf(&b, "%s%s", i ? ", " : "",
					   column_definition(a, c, c->charset, c->collation, NULL));
	}
	if (t->primary_key)
		vb_buf_appendf(&b, ", PRIMARY KEY (%s)", quote_list(a, &t->primary_key->columns));
	for (i = 0; i < w->ops.count; i++)
	{
		const vb_operation *op = w->ops.items[i];

		if (op->kind == VB_OP_ADD_UNIQUE)
			vb_buf_appendf(&b, ", %s", unique_text(a, op->change.key));
		else if (op->kind == VB_OP_CREATE_INDEX)
			vb_buf_appendf(&b, ", %s", index_text(a, w->fl, op->change.index));
		else if (op->kind == VB_OP_ADD_CHECK)
			vb_buf_appendf(&b, ", %s", check_text(a, op->change.check));
		else if (op->kind == VB_OP_ADD_FOREIGN_KEY)
			vb_buf_appendf(&b, ", %s", foreign_key_text(a, op->change.fk));
	}
	vb_buf_appendf(&b, ")%s", table_options(a, t));
	return b.data;
}

/* The statements of the lead operation's group, in out->op->sql. */
static void
write_group(vb_sql *out, const vb_change *c, const flavor *fl)
{
	writer		w;
	vb_buf		alter;
	int			i;

	if (c->grouped)
		return;					/* in another operation's statement */
	memset(&w, 0, sizeof(w));
	w.a = out->arena;
	w.fl = fl;
	w.lead = out->op;
	w.pair = c->pair;
	w.table = c->pair ? c->pair->des : c->table;
	w.cur = c->pair ? c->pair->cur : c->cur_table;
	vb_list_push(w.a, &w.ops, out->op);
	for (i = 0; i < c->group.count; i++)
		vb_list_push(w.a, &w.ops, c->group.items[i]);
	switch (out->op->kind)
	{
		case VB_OP_CREATE_TABLE:
			vb_sql_add(out, create_table_text(&w));
			return;
		case VB_OP_DROP_TABLE:
			vb_sql_add(out, vb_printf(w.a, "DROP TABLE %s", my_quote_ident(w.a, c->cur_table->name)));
			return;
		case VB_OP_RENAME_TABLE:
			vb_sql_add(out, vb_printf(w.a, "RENAME TABLE %s TO %s",
									  my_quote_ident(w.a, c->cur_table->name),
									  my_quote_ident(w.a, c->table->name)));
			return;
		default:
			break;
	}
	for (i = 0; i < w.ops.count; i++)
		alter_clauses(&w, w.ops.items[i]);
	write_column_actions(&w);
	for (i = 0; i < w.before.count; i++)
		vb_sql_add(out, w.before.items[i]);
	if (w.clauses.count == 0)
		return;
	vb_buf_init(&alter, w.a);
	/* drops of foreign keys come before renames: the current table's name */
	vb_buf_appendf(&alter, "ALTER TABLE %s ",
				   my_quote_ident(w.a, out->op->kind == VB_OP_DROP_FOREIGN_KEY ?
								  w.cur->name : w.table->name));
	for (i = 0; i < w.clauses.count; i++)
		vb_buf_appendf(&alter, "%s%s", i ? ", " : "", (char *) w.clauses.items[i]);
	vb_sql_add(out, alter.data);
}

static const flavor mysql_flavor = {false};
static const flavor mariadb_flavor = {true};

static void
mysql_write(vb_sql *out, const vb_change *c)
{
	write_group(out, c, &mysql_flavor);
}

static void
mariadb_write(vb_sql *out, const vb_change *c)
{
	write_group(out, c, &mariadb_flavor);
}

/* ---- data guards ------------------------------------------------------------- */

/* A key element of a unique guard: a prefix of its column (LEFT: the
 * characters the key compares), an expression in parentheses. */
static const char *
unique_element(vb_arena *a, const vb_index_elem *el)
{
	const char *e = el->column ? my_quote_ident(a, el->column) : vb_printf(a, "(%s)", el->expression);

	if (el->column && el->length > 0)
		e = vb_printf(a, "LEFT(%s, %d)", e, el->length);
	return e;
}

/* A regular expression that matches exactly the text of `s`. */
static char *
regexp_literal(vb_arena *a, const char *s)
{
	vb_buf		b;
	const char *p;

	vb_buf_init(&b, a);
	vb_buf_append(&b, "");
	for (p = s; *p; p++)
	{
		if (strchr("\\^$.|?*+()[]{}", *p))
			vb_buf_appendc(&b, '\\');
		vb_buf_appendc(&b, *p);
	}
	return b.data;
}

/*
 * Values a type change cannot keep, as MySQL's strict mode refuses them:
 * too long for the new length, out of the new integer or decimal range,
 * not a number, not a date, not a member of the new ENUM or SET, not JSON.
 * Types the guard cannot judge have none (the server's own error then
 * names the value).
 */
static char *
type_change_query(vb_arena *a, const vb_guard *g, const char *t)
{
	const char *col = my_quote_ident(a, g->column);
	vb_mysql_type from;
	vb_mysql_type to;
	vb_mysql_category fc = type_of(a, g->from_type, &from);
	vb_mysql_category tc = type_of(a, g->to_type, &to);
	const char *numeric = "'^[[:space:]]*[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?[[:space:]]*$'";
	const char *bad_number = (fc == VB_MYCAT_STRING || fc == VB_MYCAT_ENUM || fc == VB_MYCAT_SET) ?
		vb_printf(a, "%s NOT REGEXP %s OR ", col, numeric) : "";
	int			i;

	switch (tc)
	{
		case VB_MYCAT_STRING:
		case VB_MYCAT_BINARY:
			if (to.length > 0)
				return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE %s(%s) > %d", t,
								 tc == VB_MYCAT_STRING ? "CHAR_LENGTH" : "LENGTH", col, to.length);
			return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE LENGTH(%s) > %ld", t, col,
							 lob_bytes(to.base));
		case VB_MYCAT_INTEGER:
			{
				long double min, max;

				integer_range(&to, &min, &max);
				return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE %s IS NOT NULL AND (%sROUND(%s) NOT BETWEEN %.0Lf AND %.0Lf)",
								 t, col, bad_number, col, min, max);
			}
		case VB_MYCAT_DECIMAL:
			return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE %s IS NOT NULL AND (%sABS(ROUND(%s, %d)) >= POW(10, %d)%s)",
							 t, col, bad_number, col, to.scale, to.precision - to.scale,
							 is_unsigned(&to) ? vb_printf(a, " OR %s < 0", col) : "");
		case VB_MYCAT_FLOAT:
			if (*bad_number == '\0')
				return NULL;
			return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE %s NOT REGEXP %s", t, col, numeric);
		case VB_MYCAT_DATE:
		case VB_MYCAT_DATETIME:
		case VB_MYCAT_TIME:
			return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE %s IS NOT NULL AND CAST(%s AS %s) IS NULL",
							 t, col, col, tc == VB_MYCAT_TIME ? "TIME" : tc == VB_MYCAT_DATE ? "DATE" : "DATETIME");
		case VB_MYCAT_ENUM:
		case VB_MYCAT_SET:
			{
				vb_buf		alt;

				vb_buf_init(&alt, a);
				for (i = 0; i < to.members.count; i++)
					vb_buf_appendf(&alt, "%s%s", i ? "|" : "", regexp_literal(a, to.members.items[i]));
				if (tc == VB_MYCAT_ENUM)
					return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE %s IS NOT NULL AND %s NOT REGEXP %s",
									 t, col, col,
									 my_quote_literal(a, vb_printf(a, "^(%s)$", alt.data)));
				return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE %s IS NOT NULL AND %s <> '' AND %s NOT REGEXP %s",
								 t, col, col, col,
								 my_quote_literal(a, vb_printf(a, "^(%s)(,(%s))*$", alt.data, alt.data)));
			}
		case VB_MYCAT_JSON:
			return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE %s IS NOT NULL AND JSON_VALID(%s) = 0",
							 t, col, col);
		default:
			return NULL;
	}
}

static char *
my_guard_query(vb_arena *a, const vb_guard *g)
{
	const char *t = my_qualified(a, g->schema, g->table);
	const char *col = g->column ? my_quote_ident(a, g->column) : NULL;

	switch (g->kind)
	{
		case VB_GUARD_NOT_NULL:
			return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE %s IS NULL", t, col);
		case VB_GUARD_TABLE_EMPTY:
			return vb_printf(a, "SELECT COUNT(*) FROM %s", t);
		case VB_GUARD_UNIQUE:
			return vb_unique_guard_sql(a, &vb_dialect_mysql, g, t,
									   "CAST(COALESCE(SUM(n - 1), 0) AS SIGNED)", unique_element);
		case VB_GUARD_CHECK:	/* a CHECK fails on FALSE, not on NULL */
			return vb_printf(a, "SELECT COUNT(*) FROM %s WHERE (%s) = 0", t, g->expression);
		case VB_GUARD_FOREIGN_KEY:
			return vb_foreign_key_guard_sql(a, &vb_dialect_mysql, g, t);
		case VB_GUARD_TYPE_CHANGE:
			return type_change_query(a, g, t);
		case VB_GUARD_ENUM_VALUE:	/* no enum types: enums are column types */
		case VB_GUARD_ENUM_TARGET:
			break;
	}
	return NULL;
}

/* ---- hazards ---------------------------------------------------------------- */

/*
 * MySQL 8 and MariaDB 10.11 (InnoDB), as checked with ALGORITHM= on
 * MariaDB: every ALTER TABLE of an existing table takes an exclusive
 * metadata lock (accessExclusiveLock: it waits for the open transactions
 * on the table, and every later query on it waits behind it); those done
 * by copying the table (ALGORITHM=COPY: a type or charset change, NOT
 * NULL, a stored generated column, a check, a foreign key, a primary key,
 * another engine) block writes while they run (shareLock) and rewrite it;
 * new indexes are built in place, reads and writes going on.
 */
static const unsigned base_hazards[VB_OP__COUNT] = {
	[VB_OP_DROP_FOREIGN_KEY] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_DROP_INDEX] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_DROP_UNIQUE] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_DROP_PRIMARY_KEY] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_REWRITE,
	[VB_OP_DROP_CHECK] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_RENAME_TABLE] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_RENAME_COLUMN] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_RENAME_INDEX] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_ADD_COLUMN] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_ALTER_COLUMN] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_ADD_PRIMARY_KEY] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_SHARE_LOCK |
	VB_HAZARD_TABLE_REWRITE | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD,
	[VB_OP_ADD_UNIQUE] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD,
	[VB_OP_CREATE_INDEX] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD,
	[VB_OP_ADD_FOREIGN_KEY] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_SHARE_LOCK |
	VB_HAZARD_TABLE_REWRITE | VB_HAZARD_TABLE_SCAN,
	[VB_OP_ADD_CHECK] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_SHARE_LOCK |
	VB_HAZARD_TABLE_REWRITE | VB_HAZARD_TABLE_SCAN,
	[VB_OP_DROP_COLUMN] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_DELETES_DATA,
	[VB_OP_DROP_TABLE] = VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_DELETES_DATA,
	[VB_OP_SET_COMMENT] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_SET_TABLE_OPTIONS] = VB_HAZARD_ACCESS_EXCLUSIVE,
	[VB_OP_ALTER_INDEX] = VB_HAZARD_ACCESS_EXCLUSIVE,
};

static const unsigned copy_hazards = VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_REWRITE | VB_HAZARD_TABLE_SCAN;

static unsigned
my_hazards(const vb_operation *op)
{
	const vb_change *c = &op->change;
	unsigned	h = base_hazards[op->kind];

	if (c->new_table || op->kind == VB_OP_CREATE_TABLE)
		return 0;
	switch (op->kind)
	{
		case VB_OP_ADD_COLUMN:
			if ((c->column->generated && !c->column->generated_virtual) || c->column->auto_increment)
				h |= copy_hazards;
			break;
		case VB_OP_DROP_COLUMN:
			if (c->recreate)
				h &= ~VB_HAZARD_DELETES_DATA;
			break;
		case VB_OP_ALTER_COLUMN:
			if ((c->alter & VB_ALTER_TYPE) && c->rewrite)
				h |= copy_hazards;
			if (c->alter & (VB_ALTER_COLLATION | VB_ALTER_NOT_NULL | VB_ALTER_SERIAL_ON))
				h |= copy_hazards;
			if (c->alter & VB_ALTER_NULLABLE)
				h |= VB_HAZARD_TABLE_REWRITE;
			break;
		case VB_OP_SET_COMMENT:
			if (c->index || c->key)	/* the index is made again */
				h |= VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD;
			break;
		case VB_OP_SET_TABLE_OPTIONS:
			if (!vb_strs_equal(c->cur_table->engine, c->table->engine))
				h |= copy_hazards | VB_HAZARD_INDEX_BUILD;
			break;
		default:
			break;
	}
	return h;
}

static const char *const my_hazard_details[] = {
	"takes an exclusive metadata lock on %s: it waits for every open transaction on the table "
	"(at most lock_wait_timeout), and every later query on the table waits behind it",
	"copies %s (ALGORITHM=COPY): writes to it wait until the statement ends",
	"rebuilds %s and its indexes",
	"reads every row of %s",
	"builds an index on %s",
	"deletes data of %s"
};

/* ---- phases and groups --------------------------------------------------------- */

/* The phase the lower hook gave the operation (it knows which foreign keys
 * of new tables go inside their CREATE TABLE), else by kind. */
static int
my_phase(const vb_operation *op)
{
	const vb_change *c = &op->change;

	if (op->phase)
		return op->phase;
	switch (op->kind)
	{
		case VB_OP_DROP_FOREIGN_KEY:
			return MP_DROP_FOREIGN_KEY;
		case VB_OP_DROP_TABLE:
			return MP_DROP_TABLE;
		case VB_OP_RENAME_TABLE:
			return MP_RENAME_TABLE;
		case VB_OP_CREATE_TABLE:
			return MP_CREATE_TABLE;
		case VB_OP_ADD_FOREIGN_KEY:
			return MP_ADD_FOREIGN_KEY;
		default:
			return c->new_table ? MP_CREATE_TABLE : MP_ALTER;
	}
}

/* The paired table of an operation (by the document's or, for drops, the
 * current table), or NULL: a table the plan creates or drops. */
static const vb_table_change *
pair_of(const vb_plan *plan, const vb_operation *op)
{
	const vb_change *c = &op->change;
	int			i;

	for (i = 0; i < plan->tables.count; i++)
	{
		const vb_table_change *tc = plan->tables.items[i];

		if (c->table ? c->table == tc->des : c->cur_table == tc->cur)
			return tc;
	}
	return NULL;
}

typedef struct lowering
{
	vb_arena   *a;
	vb_plan    *plan;
	vb_list		ops;			/* the plan's operations as lowered */
	int			seq;			/* for new operations */
} lowering;

static vb_operation *
new_op(lowering *l, const vb_operation *like, vb_op_kind kind, const char *object)
{
	vb_operation *op = vb_alloc(l->a, sizeof(vb_operation));

	op->kind = kind;
	op->schema = like->schema;
	op->table = like->table;
	op->object = object;
	op->model = like->model;
	op->seq = like->seq;
	op->change.table = like->change.table;
	op->change.cur_table = like->change.cur_table;
	vb_list_push(l->a, &l->ops, op);
	return op;
}

static bool
temporary_name(const char *name)
{
	return strncmp(name, "viborm_rename_", 14) == 0;
}

/*
 * Renames through a temporary name (the differ's way around a swap: a to
 * tmp, b to a, tmp to b) become one rename each: one ALTER TABLE renames
 * them all at once. The first half's operation goes; the second takes its
 * current name.
 */
static void
collapse_rename_chains(lowering *l)
{
	vb_list		kept = {0};
	int			i;
	int			j;

	for (i = 0; i < l->ops.count; i++)
	{
		vb_operation *op = l->ops.items[i];

		if ((op->kind == VB_OP_RENAME_COLUMN || op->kind == VB_OP_RENAME_INDEX ||
			 op->kind == VB_OP_RENAME_CONSTRAINT) && temporary_name(op->change.to))
		{
			for (j = i + 1; j < l->ops.count; j++)
			{
				vb_operation *second = l->ops.items[j];

				if (second->kind == op->kind && second->change.from &&
					strcmp(second->change.from, op->change.to) == 0 &&
					vb_strs_equal(second->table, op->table))
				{
					second->change.from = op->change.from;
					break;
				}
			}
			continue;
		}
		vb_list_push(l->a, &kept, op);
	}
	l->ops = kept;
}

/*
 * What MySQL cannot rename: a unique constraint is an index (RENAME
 * INDEX); a foreign key or a check is dropped and added under its new
 * name (the rows already satisfy it: no guard).
 */
static void
lower_constraint_renames(lowering *l)
{
	int			n = l->ops.count;
	int			i;

	for (i = 0; i < n; i++)
	{
		vb_operation *op = l->ops.items[i];
		const vb_table_change *tc;
		const vb_table *t = op->change.table;

		if (op->kind != VB_OP_RENAME_CONSTRAINT)
			continue;
		tc = pair_of(l->plan, op);
		if (vb_find_unique(t, op->change.to))
			op->kind = VB_OP_RENAME_INDEX;
		else if (vb_find_foreign_key(t, op->change.to) && tc)
		{
			vb_operation *drop = new_op(l, op, VB_OP_DROP_FOREIGN_KEY, op->change.from);

			drop->change.table = NULL;
			drop->change.cur_table = tc->cur;
			drop->change.fk = vb_find_foreign_key(tc->cur, op->change.from);
			op->kind = VB_OP_ADD_FOREIGN_KEY;
			op->change.fk = vb_find_foreign_key(t, op->change.to);
		}
		else if (vb_find_check(t, op->change.to) && tc)
		{
			vb_operation *drop = new_op(l, op, VB_OP_DROP_CHECK, op->change.from);

			drop->change.table = NULL;
			drop->change.cur_table = tc->cur;
			drop->change.check = vb_find_check(tc->cur, op->change.from);
			op->kind = VB_OP_ADD_CHECK;
			op->change.check = vb_find_check(t, op->change.to);
		}
	}
}

/* Is there an operation of `kind` on table `t` (by name) for object `name`? */
static bool
has_op(const lowering *l, vb_op_kind kind, const char *table, const char *name)
{
	int			i;

	for (i = 0; i < l->ops.count; i++)
	{
		const vb_operation *op = l->ops.items[i];

		if (op->kind == kind && vb_strs_equal(op->table, table) && vb_strs_equal(op->object, name))
			return true;
	}
	return false;
}

/* Do the first columns of `cols` equal `want`, in order? */
static bool
leading(const vb_list *cols, const vb_list *want)
{
	int			i;

	if (cols->count < want->count)
		return false;
	for (i = 0; i < want->count; i++)
		if (strcmp(cols->items[i], want->items[i]) != 0)
			return false;
	return true;
}

/* Does a key or plain index of `t` start with `cols` (an index an FK can use)? */
static bool
indexed(const vb_table *t, const vb_list *cols)
{
	int			i;
	int			j;

	if (t->primary_key && leading(&t->primary_key->columns, cols))
		return true;
	for (i = 0; i < t->uniques.count; i++)
		if (leading(&((vb_key *) t->uniques.items[i])->columns, cols))
			return true;
	for (i = 0; i < t->indexes.count; i++)
	{
		const vb_index *ix = t->indexes.items[i];
		bool		plain = strcmp(ix->method, "btree") == 0 || strcmp(ix->method, "hash") == 0;

		for (j = 0; plain && j < ix->elements.count && j < cols->count; j++)
		{
			const vb_index_elem *el = ix->elements.items[j];

			plain = el->column && el->length == 0;
		}
		if (plain && leading(&ix->columns, cols))
			return true;
	}
	return false;
}

/* A new operation of the lower hook: add or drop the index `ix` of a
 * foreign key of the paired table `tc`. */
static void
fk_index_op(lowering *l, vb_op_kind kind, const vb_table_change *tc, vb_index *ix)
{
	vb_operation *op = vb_alloc(l->a, sizeof(vb_operation));

	op->kind = kind;
	op->schema = tc->des->schema;
	op->table = tc->des->name;
	op->object = ix->name;
	op->model = tc->des->model;
	op->seq = l->seq++;
	if (kind == VB_OP_CREATE_INDEX)
		op->change.table = tc->des;
	else
		op->change.cur_table = tc->cur;
	op->change.index = ix;
	vb_list_push(l->a, &l->ops, op);
}

/*
 * A kept foreign key that has the index named after it (left out of the
 * model), when the plan adds a key or index it can use instead: that index
 * is dropped in the same ALTER TABLE. MariaDB drops the one it made by
 * itself then, but not one a statement made (as the plan above does, or a
 * migration): without this the catalog would keep an index that neither
 * side's model shows, and a down file would not give back the table.
 */
static void
lower_foreign_key_own_index_drops(lowering *l, const vb_table_change *tc)
{
	int			j;

	for (j = 0; j < tc->cur->foreign_keys.count; j++)
	{
		const vb_foreign_key *cur = tc->cur->foreign_keys.items[j];
		const vb_foreign_key *fk = vb_find_foreign_key(tc->des, cur->name);
		vb_index   *ix;

		if (!cur->own_index || fk == NULL || !vb_str_lists_equal(&fk->columns, &cur->columns) ||
			has_op(l, VB_OP_DROP_FOREIGN_KEY, tc->des->name, cur->name) ||
			indexed(tc->cur, &cur->columns) || !indexed(tc->des, &cur->columns) ||
			vb_find_index(tc->des, cur->name) != NULL ||
			has_op(l, VB_OP_CREATE_INDEX, tc->des->name, cur->name))
			continue;
		ix = vb_alloc(l->a, sizeof(vb_index));
		ix->name = cur->name;
		ix->method = "btree";
		ix->columns = cur->columns;
		fk_index_op(l, VB_OP_DROP_INDEX, tc, ix);
	}
}

/*
 * Foreign keys and their indexes. A dropped foreign key takes the index
 * MySQL made for it along (unless another kept key still leans on it). A
 * kept foreign key whose index the plan drops, with none of the
 * document's to take over, keeps the one MySQL would make for it: an
 * index named after it, over its columns, added in the same ALTER TABLE
 * (MySQL refuses to drop the last index a foreign key can use).
 */
static void
lower_foreign_key_indexes(lowering *l)
{
	int			n = l->ops.count;
	int			i;
	int			j;

	for (i = 0; i < n; i++)
	{
		vb_operation *op = l->ops.items[i];
		const vb_foreign_key *fk = op->change.fk;
		const vb_table_change *tc = op->kind == VB_OP_DROP_FOREIGN_KEY ? pair_of(l->plan, op) : NULL;
		bool		shared = false;

		if (op->kind != VB_OP_DROP_FOREIGN_KEY || !fk->own_index || tc == NULL)
			continue;
		for (j = 0; j < tc->cur->foreign_keys.count; j++)
		{
			const vb_foreign_key *other = tc->cur->foreign_keys.items[j];

			if (other != fk && leading(&other->columns, &fk->columns) &&
				!has_op(l, VB_OP_DROP_FOREIGN_KEY, op->table, other->name))
				shared = true;
		}
		if (!shared)
		{
			vb_index   *ix = vb_alloc(l->a, sizeof(vb_index));

			ix->name = fk->name;
			op->change.index = ix;
		}
	}
	for (i = 0; i < l->plan->tables.count; i++)
	{
		const vb_table_change *tc = l->plan->tables.items[i];

		for (j = 0; j < tc->des->foreign_keys.count; j++)
		{
			const vb_foreign_key *fk = tc->des->foreign_keys.items[j];
			const vb_foreign_key *cur = vb_find_foreign_key(tc->cur, fk->name);
			vb_index   *ix;
			int			k;

			/* kept (not added by the plan), without its own index, and
			 * nothing in the document to lean on */
			if (cur == NULL || cur->own_index || indexed(tc->des, &fk->columns) ||
				has_op(l, VB_OP_ADD_FOREIGN_KEY, tc->des->name, fk->name))
				continue;
			ix = vb_alloc(l->a, sizeof(vb_index));
			ix->name = fk->name;
			ix->method = "btree";
			ix->columns = fk->columns;
			for (k = 0; k < fk->columns.count; k++)
			{
				vb_index_elem *el = vb_alloc(l->a, sizeof(vb_index_elem));

				el->column = fk->columns.items[k];
				vb_list_push(l->a, &ix->elements, el);
			}
			fk_index_op(l, VB_OP_CREATE_INDEX, tc, ix);
		}
		lower_foreign_key_own_index_drops(l, tc);
	}
}

/* Does a column of the current table change charset or collation? */
static bool
collation_changes(const lowering *l, const vb_table *cur, const char *column)
{
	int			i;

	for (i = 0; i < l->ops.count; i++)
	{
		const vb_operation *op = l->ops.items[i];

		if (op->kind == VB_OP_ALTER_COLUMN && (op->change.alter & VB_ALTER_COLLATION) &&
			op->change.cur_column && strcmp(op->change.cur_column->name, column) == 0 &&
			pair_of(l->plan, op) && pair_of(l->plan, op)->cur == cur)
			return true;
	}
	return false;
}

/*
 * MySQL refuses to change the charset or collation of a column a foreign
 * key holds (either side): such a kept key is dropped before and added
 * after (the differ does the same for type changes).
 */
static void
lower_foreign_keys_of_collations(lowering *l)
{
	int			i;
	int			j;
	int			k;

	for (i = 0; i < l->plan->tables.count; i++)
	{
		const vb_table_change *tc = l->plan->tables.items[i];

		for (j = 0; j < tc->des->foreign_keys.count; j++)
		{
			const vb_foreign_key *fk = tc->des->foreign_keys.items[j];
			const vb_foreign_key *cur = vb_find_foreign_key(tc->cur, fk->name);
			const vb_table_change *rt = NULL;
			bool		touched = false;
			vb_operation *drop;
			vb_operation *add;

			if (cur == NULL || has_op(l, VB_OP_ADD_FOREIGN_KEY, tc->des->name, fk->name))
				continue;
			for (k = 0; k < l->plan->tables.count; k++)
				if (strcmp(((vb_table_change *) l->plan->tables.items[k])->cur->name, cur->ref_table) == 0)
					rt = l->plan->tables.items[k];
			for (k = 0; k < cur->columns.count; k++)
				touched |= collation_changes(l, tc->cur, cur->columns.items[k]) ||
					(rt && collation_changes(l, rt->cur, cur->ref_columns.items[k]));
			if (!touched)
				continue;
			drop = vb_alloc(l->a, sizeof(vb_operation));
			drop->kind = VB_OP_DROP_FOREIGN_KEY;
			drop->schema = tc->des->schema;
			drop->table = tc->des->name;
			drop->object = cur->name;
			drop->seq = l->seq++;
			drop->change.cur_table = tc->cur;
			drop->change.fk = cur;
			add = vb_alloc(l->a, sizeof(vb_operation));
			*add = *drop;
			add->kind = VB_OP_ADD_FOREIGN_KEY;
			add->object = fk->name;
			add->change.cur_table = NULL;
			add->change.table = tc->des;
			add->change.fk = fk;
			vb_list_push(l->a, &l->ops, drop);
			vb_list_push(l->a, &l->ops, add);
		}
	}
}

/* Inside CREATE TABLE: what a new table's statement carries. A foreign
 * key goes in when its table exists by then (not one the plan creates,
 * unless it is this one). */
static bool
inline_in_create(const lowering *l, const vb_operation *op)
{
	int			i;

	if (!op->change.new_table)
		return false;
	if (op->kind != VB_OP_ADD_FOREIGN_KEY)
		return op->kind == VB_OP_ADD_UNIQUE || op->kind == VB_OP_CREATE_INDEX ||
			op->kind == VB_OP_ADD_CHECK || op->kind == VB_OP_SET_COMMENT;
	if (strcmp(op->change.fk->ref_table, op->change.table->name) == 0)
		return true;
	for (i = 0; i < l->ops.count; i++)
	{
		const vb_operation *other = l->ops.items[i];

		if (other->kind == VB_OP_CREATE_TABLE &&
			strcmp(other->change.table->name, op->change.fk->ref_table) == 0)
			return false;
	}
	return true;
}

/* Operations on a table the plan creates (comments come without the
 * differ saying so). */
static void
mark_new_tables(lowering *l)
{
	vb_map		created;
	int			i;

	vb_map_init(&created, l->a, 8);
	for (i = 0; i < l->ops.count; i++)
	{
		const vb_operation *op = l->ops.items[i];

		if (op->kind == VB_OP_CREATE_TABLE)
			vb_map_put(&created, vb_printf(l->a, "%p", (const void *) op->change.table), (void *) 1);
	}
	for (i = 0; i < l->ops.count; i++)
	{
		vb_operation *op = l->ops.items[i];

		if (op->change.table && op->kind != VB_OP_CREATE_TABLE &&
			vb_map_get(&created, vb_printf(l->a, "%p", (const void *) op->change.table)))
			op->change.new_table = true;
	}
}

typedef struct sort_item
{
	vb_operation *op;
	const void *table;			/* its group's table: the pair, or the table */
	int			first;			/* seq of its group's first operation */
	bool		alone;			/* a statement of its own */
} sort_item;

static int
compare_items(const void *x, const void *y)
{
	const sort_item *a = x;
	const sort_item *b = y;

	if (a->op->phase != b->op->phase)
		return a->op->phase < b->op->phase ? -1 : 1;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	/* a CREATE TABLE leads its table's group */
	if ((a->op->kind == VB_OP_CREATE_TABLE) != (b->op->kind == VB_OP_CREATE_TABLE))
		return a->op->kind == VB_OP_CREATE_TABLE ? -1 : 1;
	return a->op->seq < b->op->seq ? -1 : (a->op->seq > b->op->seq);
}

/*
 * Phases and groups: in each phase, the operations of one table (a new
 * table's objects with its CREATE TABLE) become one statement, written by
 * the first; drops and renames of tables stand alone. The operations are
 * renumbered so that each group stays together when the plan is sorted.
 */
static void
group_operations(lowering *l)
{
	int			n = l->ops.count;
	sort_item  *items = vb_alloc(l->a, sizeof(sort_item) * (size_t) (n + 1));
	vb_map		firsts;
	int			i;

	vb_map_init(&firsts, l->a, n + 1);
	for (i = 0; i < n; i++)
	{
		vb_operation *op = l->ops.items[i];
		const vb_table_change *tc = pair_of(l->plan, op);

		op->phase = 0;
		op->phase = op->kind == VB_OP_ADD_FOREIGN_KEY && inline_in_create(l, op) ?
			MP_CREATE_TABLE : my_phase(op);
		items[i].op = op;
		items[i].table = tc ? (const void *) tc :
			op->change.table ? (const void *) op->change.table : (const void *) op->change.cur_table;
		items[i].alone = op->kind == VB_OP_DROP_TABLE || op->kind == VB_OP_RENAME_TABLE;
	}
	for (i = 0; i < n; i++)
	{
		const char *key = items[i].alone ? vb_printf(l->a, "op %d", i) :
			vb_printf(l->a, "%d %p", items[i].op->phase, items[i].table);
		vb_operation *first = vb_map_get(&firsts, key);

		if (first == NULL || items[i].op->seq < first->seq)
			vb_map_put(&firsts, key, items[i].op);
	}
	for (i = 0; i < n; i++)
		items[i].first = ((vb_operation *) vb_map_get(&firsts, items[i].alone ?
													   vb_printf(l->a, "op %d", i) :
													   vb_printf(l->a, "%d %p", items[i].op->phase,
																 items[i].table)))->seq;
	if (n > 1)
		qsort(items, (size_t) n, sizeof(sort_item), compare_items);
	l->ops.count = 0;
	for (i = 0; i < n; i++)
	{
		vb_operation *op = items[i].op;
		bool		same = i > 0 && !items[i].alone && !items[i - 1].alone &&
			items[i - 1].op->phase == op->phase && items[i - 1].table == items[i].table;
		vb_operation *lead = NULL;
		int			k;

		for (k = l->ops.count - 1; same && k >= 0 && lead == NULL; k--)
			if (!((vb_operation *) l->ops.items[k])->change.grouped)
				lead = l->ops.items[k];
		op->change.grouped = same;
		if (same)
			vb_list_push(l->a, &lead->change.group, op);
		else
			op->change.pair = pair_of(l->plan, op);
		op->seq = i;
		vb_list_push(l->a, &l->ops, op);
	}
}

static bool
my_lower(vb_arena *a, vb_plan *plan, vb_error *err)
{
	lowering	l;
	int			i;

	(void) err;
	memset(&l, 0, sizeof(l));
	l.a = a;
	l.plan = plan;
	l.ops = plan->operations;
	for (i = 0; i < l.ops.count; i++)
		if (((vb_operation *) l.ops.items[i])->seq >= l.seq)
			l.seq = ((vb_operation *) l.ops.items[i])->seq + 1;
	mark_new_tables(&l);
	collapse_rename_chains(&l);
	lower_constraint_renames(&l);
	lower_foreign_keys_of_collations(&l);
	lower_foreign_key_indexes(&l);
	group_operations(&l);
	plan->operations = l.ops;
	return true;
}

/* ---- the tables ------------------------------------------------------------------- */

#define MY_WRITES(fn) { \
	[VB_OP_DROP_FOREIGN_KEY] = fn, [VB_OP_DROP_INDEX] = fn, [VB_OP_DROP_UNIQUE] = fn, \
	[VB_OP_DROP_PRIMARY_KEY] = fn, [VB_OP_RENAME_TABLE] = fn, [VB_OP_RENAME_COLUMN] = fn, \
	[VB_OP_RENAME_INDEX] = fn, [VB_OP_CREATE_TABLE] = fn, [VB_OP_ADD_COLUMN] = fn, \
	[VB_OP_ALTER_COLUMN] = fn, [VB_OP_ADD_PRIMARY_KEY] = fn, [VB_OP_ADD_UNIQUE] = fn, \
	[VB_OP_CREATE_INDEX] = fn, [VB_OP_ADD_FOREIGN_KEY] = fn, [VB_OP_DROP_COLUMN] = fn, \
	[VB_OP_DROP_TABLE] = fn, [VB_OP_ADD_CHECK] = fn, [VB_OP_DROP_CHECK] = fn, \
	[VB_OP_SET_COMMENT] = fn, [VB_OP_SET_TABLE_OPTIONS] = fn, [VB_OP_ALTER_INDEX] = fn, \
}

#define MY_CAPABILITIES(mysql8) { \
	.generated_stored = true, \
	.collations = true, \
	.comments = true, \
	.expression_indexes = (mysql8), \
	.index_methods = true, \
	.alter_column = true, \
	.add_constraint = true, \
	.rename_column = true, \
	.rename_index = true, \
	.table_options = true, \
	.charsets = true, \
	.on_update = true, \
	.invisible_columns = true, \
	.invisible_indexes = true, \
	.prefix_indexes = true, \
	.unenforced_checks = (mysql8), \
}

const vb_dialect vb_dialect_mysql = {
	.name = "mysql",
	.max_identifier = 64,
	.can = MY_CAPABILITIES(true),
	.quote_ident = my_quote_ident,
	.quote_literal = my_quote_literal,
	.ident_quote = '`',
	.qualified = my_qualified,
	.default_name = my_default_name,
	.name_scope = mysql_scope,
	.integer_rank = my_integer_rank,
	.integer_types = "an integer type (tinyint, smallint, mediumint, int or bigint)",
	.safe_type_change = my_safe_type_change,
	.element_type = my_element_type,
	.cast = mysql_cast,
	.write = MY_WRITES(mysql_write),
	.guard_query = my_guard_query,
	.hazards = my_hazards,
	.phase = my_phase,
	.hazard_details = my_hazard_details,
	.lower = my_lower,
};

const vb_dialect vb_dialect_mariadb = {
	.name = "mysql",
	.max_identifier = 64,
	.can = MY_CAPABILITIES(false),
	.quote_ident = my_quote_ident,
	.quote_literal = my_quote_literal,
	.ident_quote = '`',
	.qualified = my_qualified,
	.default_name = my_default_name,
	.name_scope = mariadb_scope,
	.integer_rank = my_integer_rank,
	.integer_types = "an integer type (tinyint, smallint, mediumint, int or bigint)",
	.safe_type_change = my_safe_type_change,
	.element_type = my_element_type,
	.cast = mariadb_cast,
	.write = MY_WRITES(mariadb_write),
	.guard_query = my_guard_query,
	.hazards = my_hazards,
	.phase = my_phase,
	.hazard_details = my_hazard_details,
	.lower = my_lower,
};
