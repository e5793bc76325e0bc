/*
 * mysql_text.c — canonical forms of MySQL/MariaDB column types, defaults
 * and ON UPDATE clauses, read with the tokenizer of mysql_lex.c.
 *
 * Both servers, and the users who write documents, spell one column many
 * ways: MariaDB reports int(11) where MySQL 8 reports int, a default
 * 'abc' (quoted) where MySQL 8 reports abc, current_timestamp() where
 * MySQL 8 reports CURRENT_TIMESTAMP, 1.50 for DEFAULT 1.5 on a DECIMAL(5,2).
 * Each function here maps every spelling to one text, so that the differ
 * compares text. docs/mysql.md lists the rules.
 */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vb_internal.h"
#include "vb_mysql.h"

/* ---- server facts ------------------------------------------------------- */

bool
vb_mysql_parse_version(const char *text, vb_mysql_flavor *flavor, int *version)
{
	const char *p = text;
	int			major;
	int			minor;
	int			patch;
	char	   *end;

	if (text == NULL)
		return false;
	*flavor = strstr(text, "MariaDB") || strstr(text, "mariadb") ?
		VB_MYSQL_FLAVOR_MARIADB : VB_MYSQL_FLAVOR_MYSQL;
	/* the replication prefix MariaDB's handshake may carry: 5.5.5-10.11.19 */
	if (strncmp(p, "5.5.5-", 6) == 0 && *flavor == VB_MYSQL_FLAVOR_MARIADB)
		p += 6;
	if (!isdigit((unsigned char) *p))
		return false;
	major = (int) strtol(p, &end, 10);
	if (*end != '.')
		return false;
	minor = (int) strtol(end + 1, &end, 10);
	patch = 0;
	if (*end == '.')
		patch = (int) strtol(end + 1, &end, 10);
	*version = major * 10000 + minor * 100 + patch;
	return true;
}

const vb_mysql_charset *
vb_mysql_find_charset(const vb_mysql_server *server, const char *name)
{
	int			i;

	if (server == NULL || name == NULL)
		return NULL;
	for (i = 0; i < server->charsets.count; i++)
	{
		const vb_mysql_charset *cs = server->charsets.items[i];

		if (strcasecmp(cs->name, name) == 0)
			return cs;
	}
	/* utf8 is utf8mb3 on both servers */
	if (strcasecmp(name, "utf8") == 0)
		return vb_mysql_find_charset(server, "utf8mb3");
	return NULL;
}

/* A collation's charset: the part before the first '_' ("binary" is its
 * own), utf8 read as utf8mb3. */
const char *
vb_mysql_collation_charset(vb_arena *arena, const char *collation)
{
	const char *u;
	char	   *cs;

	if (collation == NULL)
		return NULL;
	if (strcasecmp(collation, "binary") == 0)
		return "binary";
	u = strchr(collation, '_');
	cs = u ? vb_strndup(arena, collation, (size_t) (u - collation)) : vb_strdup(arena, collation);
	if (strcasecmp(cs, "utf8") == 0)
		return "utf8mb3";
	return cs;
}

char *
vb_mysql_collation_name(vb_arena *arena, const char *collation)
{
	char	   *c = vb_mysql_lower(arena, collation);

	if (strncmp(c, "utf8_", 5) == 0)
		return vb_printf(arena, "utf8mb3_%s", c + 5);
	return c;
}

void
vb_mysql_column_charset(vb_arena *arena, const vb_mysql_server *server,
						const char *table_charset, const char *table_collation,
						const char *charset, const char *collation,
						char **out_charset, char **out_collation)
{
	const char *implied;

	*out_charset = NULL;
	*out_collation = NULL;
	if (charset == NULL && collation == NULL)
		return;
	if (collation)
		collation = vb_mysql_collation_name(arena, collation);
	if (charset == NULL)
		charset = vb_mysql_collation_charset(arena, collation);
	if (strcasecmp(charset, "utf8") == 0)
		charset = "utf8mb3";
	if (table_charset == NULL || strcmp(charset, table_charset) != 0)
	{
		const vb_mysql_charset *cs = vb_mysql_find_charset(server, charset);

		*out_charset = vb_strdup(arena, charset);
		implied = cs ? cs->default_collation : NULL;
	}
	else
		implied = table_collation;
	if (collation && (implied == NULL || strcmp(implied, collation) != 0))
		*out_collation = vb_strdup(arena, collation);
}

/* ---- types ---------------------------------------------------------------- */

typedef struct type_def
{
	const char *name;			/* as written (a synonym) */
	const char *base;			/* canonical name */
	vb_mysql_category cat;
} type_def;

static const type_def types[] = {
	{"tinyint", "tinyint", VB_MYCAT_INTEGER}, {"int1", "tinyint", VB_MYCAT_INTEGER},
	{"smallint", "smallint", VB_MYCAT_INTEGER}, {"int2", "smallint", VB_MYCAT_INTEGER},
	{"mediumint", "mediumint", VB_MYCAT_INTEGER}, {"int3", "mediumint", VB_MYCAT_INTEGER},
	{"middleint", "mediumint", VB_MYCAT_INTEGER},
	{"int", "int", VB_MYCAT_INTEGER}, {"integer", "int", VB_MYCAT_INTEGER},
	{"int4", "int", VB_MYCAT_INTEGER},
	{"bigint", "bigint", VB_MYCAT_INTEGER}, {"int8", "bigint", VB_MYCAT_INTEGER},
	{"bool", "tinyint", VB_MYCAT_INTEGER}, {"boolean", "tinyint", VB_MYCAT_INTEGER},
	{"decimal", "decimal", VB_MYCAT_DECIMAL}, {"dec", "decimal", VB_MYCAT_DECIMAL},
	{"numeric", "decimal", VB_MYCAT_DECIMAL}, {"fixed", "decimal", VB_MYCAT_DECIMAL},
	{"float", "float", VB_MYCAT_FLOAT}, {"float4", "float", VB_MYCAT_FLOAT},
	{"double", "double", VB_MYCAT_FLOAT}, {"float8", "double", VB_MYCAT_FLOAT},
	{"real", "double", VB_MYCAT_FLOAT},
	{"bit", "bit", VB_MYCAT_BIT},
	{"char", "char", VB_MYCAT_STRING}, {"character", "char", VB_MYCAT_STRING},
	{"nchar", "char", VB_MYCAT_STRING},
	{"varchar", "varchar", VB_MYCAT_STRING}, {"nvarchar", "varchar", VB_MYCAT_STRING},
	{"varchar2", "varchar", VB_MYCAT_STRING},
	{"tinytext", "tinytext", VB_MYCAT_STRING}, {"text", "text", VB_MYCAT_STRING},
	{"mediumtext", "mediumtext", VB_MYCAT_STRING}, {"longtext", "longtext", VB_MYCAT_STRING},
	{"binary", "binary", VB_MYCAT_BINARY}, {"varbinary", "varbinary", VB_MYCAT_BINARY},
	{"tinyblob", "tinyblob", VB_MYCAT_BINARY}, {"blob", "blob", VB_MYCAT_BINARY},
	{"mediumblob", "mediumblob", VB_MYCAT_BINARY}, {"longblob", "longblob", VB_MYCAT_BINARY},
	{"enum", "enum", VB_MYCAT_ENUM}, {"set", "set", VB_MYCAT_SET},
	{"date", "date", VB_MYCAT_DATE}, {"time", "time", VB_MYCAT_TIME},
	{"datetime", "datetime", VB_MYCAT_DATETIME}, {"timestamp", "timestamp", VB_MYCAT_DATETIME},
	{"year", "year", VB_MYCAT_YEAR},
	{"json", "json", VB_MYCAT_JSON},
	{"geometry", "geometry", VB_MYCAT_OTHER}, {"point", "point", VB_MYCAT_OTHER},
	{"linestring", "linestring", VB_MYCAT_OTHER}, {"polygon", "polygon", VB_MYCAT_OTHER},
	{"multipoint", "multipoint", VB_MYCAT_OTHER},
	{"multilinestring", "multilinestring", VB_MYCAT_OTHER},
	{"multipolygon", "multipolygon", VB_MYCAT_OTHER},
	{"geometrycollection", "geometrycollection", VB_MYCAT_OTHER},
	{"geomcollection", "geometrycollection", VB_MYCAT_OTHER},
	{NULL, NULL, VB_MYCAT_OTHER}
};

/* The display width ZEROFILL shows by default (unsigned). */
static int
default_width(const char *base)
{
	static const struct
	{
		const char *base;
		int			width;
	}			widths[] = {
		{"tinyint", 3}, {"smallint", 5}, {"mediumint", 8}, {"int", 10}, {"bigint", 20}
	};
	size_t		i;

	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++)
		if (strcmp(widths[i].base, base) == 0)
			return widths[i].width;
	return 0;
}

vb_mysql_category
vb_mysql_type_category(const vb_mysql_type *type)
{
	const type_def *d;

	for (d = types; d->name; d++)
		if (strcmp(d->base, type->base) == 0)
			return d->cat;
	return VB_MYCAT_OTHER;
}

typedef struct type_reader
{
	vb_arena   *arena;
	vb_list		tokens;
	int			pos;
	const char *text;
	vb_error   *err;
} type_reader;

static vb_mysql_token *
tok(type_reader *r)
{
	return r->tokens.items[r->pos < r->tokens.count ? r->pos : r->tokens.count - 1];
}

static bool
tok_word(type_reader *r, const char *w)
{
	vb_mysql_token *t = tok(r);

	return t->kind == VB_MYTOK_WORD && strcasecmp(t->text, w) == 0;
}

static bool
take_word(type_reader *r, const char *w)
{
	if (!tok_word(r, w))
		return false;
	r->pos++;
	return true;
}

static bool
type_fail(type_reader *r, const char *why)
{
	return vb_fail(r->err, r->arena, VB_ERR_INVALID, NULL, "type \"%s\": %s", r->text, why);
}


/* The type's name, read over the multi-word spellings. *national is set
 * for NATIONAL/NCHAR/NVARCHAR (utf8mb3). */
static const char *
read_type_name(type_reader *r, bool *national)
{
	vb_mysql_token *t = tok(r);
	char	   *w;

	if (t->kind != VB_MYTOK_WORD)
		return NULL;
	r->pos++;
	w = vb_mysql_lower(r->arena, t->text);
	if (strcmp(w, "national") == 0)
	{
		*national = true;
		t = tok(r);
		if (t->kind != VB_MYTOK_WORD)
			return NULL;
		r->pos++;
		w = vb_mysql_lower(r->arena, t->text);
	}
	if (strcmp(w, "nchar") == 0 || strcmp(w, "nvarchar") == 0)
		*national = true;
	if (strcmp(w, "double") == 0)
		take_word(r, "precision");
	else if ((strcmp(w, "char") == 0 || strcmp(w, "character") == 0 || strcmp(w, "nchar") == 0) &&
			 take_word(r, "varying"))
		w = "varchar";
	else if (strcmp(w, "nchar") == 0 && take_word(r, "varchar"))
		w = "varchar";
	else if (strcmp(w, "long") == 0)
	{
		if (take_word(r, "varbinary"))
			w = "mediumblob";
		else
		{
			take_word(r, "varchar");
			w = "mediumtext";
		}
	}
	return w;
}

/* (n), (n,m) or, for enum/set, ('a','b'): numbers in args, strings in
 * members. */
static bool
read_type_args(type_reader *r, bool strings, int *args, int *nargs, vb_list *members)
{
	*nargs = 0;
	if (!(tok(r)->kind == VB_MYTOK_PUNCT && tok(r)->text[0] == '('))
		return true;
	r->pos++;
	for (;;)
	{
		vb_mysql_token *t = tok(r);

		if (strings && t->kind == VB_MYTOK_STRING)
			vb_list_push(r->arena, members, vb_strndup(r->arena, t->text, t->len));
		else if (!strings && t->kind == VB_MYTOK_NUMBER && strspn(t->text, "0123456789") == t->len &&
				 *nargs < 2 && t->len < 9)
			args[(*nargs)++] = atoi(t->text);
		else
			return type_fail(r, strings ? "the members must be strings" :
							 "the arguments must be one or two whole numbers");
		r->pos++;
		t = tok(r);
		if (t->kind == VB_MYTOK_PUNCT && t->text[0] == ',')
		{
			r->pos++;
			continue;
		}
		if (t->kind == VB_MYTOK_PUNCT && t->text[0] == ')')
		{
			r->pos++;
			return true;
		}
		return type_fail(r, "expected , or )");
	}
}

/* An identifier or string after CHARACTER SET / COLLATE. */
static char *
read_name(type_reader *r)
{
	vb_mysql_token *t = tok(r);

	if (t->kind != VB_MYTOK_WORD && t->kind != VB_MYTOK_IDENT && t->kind != VB_MYTOK_STRING)
		return NULL;
	r->pos++;
	return vb_mysql_lower(r->arena, t->text);
}

/* UNSIGNED, SIGNED, ZEROFILL, BINARY, ASCII, UNICODE, CHARACTER SET x,
 * CHARSET x, COLLATE x, in any order. */
static bool
read_type_attributes(type_reader *r, vb_mysql_type *out, bool *unsig, bool *zerofill)
{
	while (tok(r)->kind != VB_MYTOK_END)
	{
		if (take_word(r, "unsigned"))
			*unsig = true;
		else if (take_word(r, "signed"))
			;
		else if (take_word(r, "zerofill"))
			*zerofill = *unsig = true;
		else if (take_word(r, "binary") || take_word(r, "byte"))
			out->binary_collation = true;
		else if (take_word(r, "ascii"))
			out->charset = "latin1";
		else if (take_word(r, "unicode"))
			out->charset = "ucs2";
		else if (take_word(r, "charset") ||
				 (take_word(r, "character") && take_word(r, "set")) ||
				 (take_word(r, "char") && take_word(r, "set")))
		{
			out->charset = read_name(r);
			if (out->charset == NULL)
				return type_fail(r, "CHARACTER SET needs a name");
			if (strcmp(out->charset, "utf8") == 0)
				out->charset = "utf8mb3";
		}
		else if (take_word(r, "collate"))
		{
			out->collation = read_name(r);
			if (out->collation == NULL)
				return type_fail(r, "COLLATE needs a name");
		}
		else
			return type_fail(r, vb_printf(r->arena, "unexpected \"%s\"", tok(r)->text));
	}
	return true;
}

/* TEXT(n) and BLOB(n): the smallest type that holds n characters/bytes. */
static const char *
sized_lob(const char *base, int n, int maxlen)
{
	bool		text = strcmp(base, "text") == 0;
	long		bytes = (long) n * (text && maxlen > 0 ? maxlen : 1);

	if (bytes <= 255)
		return text ? "tinytext" : "tinyblob";
	if (bytes <= 65535)
		return text ? "text" : "blob";
	if (bytes <= 16777215)
		return text ? "mediumtext" : "mediumblob";
	return text ? "longtext" : "longblob";
}

static void
append_members(vb_buf *b, const vb_list *members)
{
	int			i;

	vb_buf_appendc(b, '(');
	for (i = 0; i < members->count; i++)
	{
		const char *m = members->items[i];

		if (i > 0)
			vb_buf_appendc(b, ',');
		vb_buf_append(b, vb_mysql_quote_string(b->arena, m, strlen(m), true));
	}
	vb_buf_appendc(b, ')');
}

/* The canonical text from the parts read. */
static bool
type_text(type_reader *r, const type_def *d, const char *written, int *args, int nargs,
		  bool unsig, bool zerofill, int maxlen, vb_mysql_type *out)
{
	vb_buf		b;
	const char *base = d ? d->base : written;
	vb_mysql_category cat = d ? d->cat : VB_MYCAT_OTHER;
	bool		boolean = strcmp(written, "bool") == 0 || strcmp(written, "boolean") == 0;

	vb_buf_init(&b, r->arena);
	out->precision = out->scale = -1;
	if ((strcmp(base, "text") == 0 || strcmp(base, "blob") == 0) && nargs == 1)
	{
		base = sized_lob(base, args[0], maxlen);
		nargs = 0;
	}
	if (strcmp(written, "float") == 0 && nargs == 1)
	{
		if (args[0] > 53)
			return type_fail(r, "FLOAT(p) takes a precision up to 53");
		base = args[0] <= 24 ? "float" : "double";
		nargs = 0;
	}
	out->base = vb_strdup(r->arena, base);
	vb_buf_append(&b, base);
	switch (cat)
	{
		case VB_MYCAT_INTEGER:
			if (boolean || (nargs == 1 && args[0] == 1 && strcmp(base, "tinyint") == 0))
				vb_buf_append(&b, "(1)");
			else if (zerofill)
				vb_buf_appendf(&b, "(%d)", nargs ? args[0] : default_width(base));
			break;
		case VB_MYCAT_DECIMAL:
			out->precision = nargs >= 1 ? args[0] : 10;
			out->scale = nargs == 2 ? args[1] : 0;
			vb_buf_appendf(&b, "(%d,%d)", out->precision, out->scale);
			break;
		case VB_MYCAT_FLOAT:
			if (nargs == 2)
			{
				out->precision = args[0];
				out->scale = args[1];
				vb_buf_appendf(&b, "(%d,%d)", args[0], args[1]);
			}
			break;
		case VB_MYCAT_BIT:
		case VB_MYCAT_BINARY:
		case VB_MYCAT_STRING:
			if (strcmp(base, "bit") == 0 || strcmp(base, "char") == 0 || strcmp(base, "binary") == 0)
				out->length = nargs ? args[0] : 1;
			else if (strcmp(base, "varchar") == 0 || strcmp(base, "varbinary") == 0)
			{
				if (nargs != 1)
					return type_fail(r, "VARCHAR and VARBINARY need a length");
				out->length = args[0];
			}
			if (out->length > 0)
				vb_buf_appendf(&b, "(%d)", out->length);
			break;
		case VB_MYCAT_ENUM:
		case VB_MYCAT_SET:
			if (out->members.count == 0)
				return type_fail(r, "ENUM and SET need their members");
			append_members(&b, &out->members);
			break;
		case VB_MYCAT_TIME:
		case VB_MYCAT_DATETIME:
			out->fsp = nargs ? args[0] : 0;
			if (out->fsp > 6)
				return type_fail(r, "the fractional seconds precision is at most 6");
			if (out->fsp > 0)
				vb_buf_appendf(&b, "(%d)", out->fsp);
			break;
		case VB_MYCAT_OTHER:
			if (nargs == 1)
				vb_buf_appendf(&b, "(%d)", args[0]);
			else if (nargs == 2)
				vb_buf_appendf(&b, "(%d,%d)", args[0], args[1]);
			break;
		default:
			break;				/* date, year, json: no arguments kept */
	}
	if (unsig)
	{
		if (cat != VB_MYCAT_INTEGER && cat != VB_MYCAT_DECIMAL && cat != VB_MYCAT_FLOAT)
			return type_fail(r, "only numeric types can be UNSIGNED or ZEROFILL");
		vb_buf_append(&b, " unsigned");
	}
	if (zerofill)
		vb_buf_append(&b, " zerofill");
	out->text = b.data;
	return true;
}

bool
vb_mysql_canonical_type(vb_arena *arena, const char *type, int charset_maxlen,
						vb_mysql_type *out, vb_error *err)
{
	type_reader r;
	bool		national = false;
	bool		unsig = false;
	bool		zerofill = false;
	const char *name;
	const type_def *d;
	int			args[2];
	int			nargs;
	const char *memo_key;
	vb_mysql_type *known;

	memset(out, 0, sizeof(*out));
	memo_key = vb_printf(arena, "vb_mysql_canonical_type\x1f%d\x1f%s", charset_maxlen, type);
	if ((known = vb_map_get(vb_arena_memo(arena), memo_key)) != NULL)
	{
		*out = *known;
		return true;
	}
	memset(&r, 0, sizeof(r));
	r.arena = arena;
	r.text = type;
	r.err = err;
	if (!vb_mysql_tokenize(arena, type, 0, &r.tokens, err))
		return false;
	name = read_type_name(&r, &national);
	if (name == NULL)
		return type_fail(&r, "no type name");
	for (d = types; d->name; d++)
		if (strcmp(d->name, name) == 0)
			break;
	if (d->name == NULL)
		d = NULL;
	if (!read_type_args(&r, d && (d->cat == VB_MYCAT_ENUM || d->cat == VB_MYCAT_SET),
						args, &nargs, &out->members))
		return false;
	if (!read_type_attributes(&r, out, &unsig, &zerofill))
		return false;
	if (national && out->charset == NULL)
		out->charset = "utf8mb3";
	if (d && (d->cat == VB_MYCAT_ENUM || d->cat == VB_MYCAT_SET))
	{
		int			i;

		/* the servers drop trailing spaces of members */
		for (i = 0; i < out->members.count; i++)
		{
			char	   *m = out->members.items[i];
			size_t		n = strlen(m);

			while (n > 0 && m[n - 1] == ' ')
				m[--n] = '\0';
		}
	}
	if (!type_text(&r, d, name, args, nargs, unsig, zerofill, charset_maxlen, out))
		return false;
	/* a schema repeats a few types thousands of times: parse each once */
	known = vb_alloc(arena, sizeof(vb_mysql_type));
	*known = *out;
	vb_map_put(vb_arena_memo(arena), memo_key, known);
	return true;
}

/* ---- literals of defaults ------------------------------------------------ */

/* Digits of a decimal number (sign, integer digits, fraction digits) with
 * an exponent folded in; false if s is no number. */
typedef struct decimal
{
	bool		negative;
	char		digits[160];	/* integer digits then fraction digits */
	int			point;			/* digits before the point */
} decimal;

static bool
parse_decimal(const char *s, decimal *d)
{
	const char *p = s;
	int			n = 0;
	long		exp = 0;
	bool		any = false;

	memset(d, 0, sizeof(*d));
	while (isspace((unsigned char) *p))
		p++;
	if (*p == '-' || *p == '+')
		d->negative = *p++ == '-';
	for (; isdigit((unsigned char) *p); p++, any = true)
		if (n < 120)
			d->digits[n++] = *p;
	d->point = n;
	if (*p == '.')
		for (p++; isdigit((unsigned char) *p); p++, any = true)
			if (n < 120)
				d->digits[n++] = *p;
	if (!any)
		return false;
	if (*p == 'e' || *p == 'E')
	{
		char	   *end;

		errno = 0;
		exp = strtol(p + 1, &end, 10);
		if (end == p + 1 || errno != 0 || exp > 60 || exp < -60)
			return false;
		p = end;
	}
	while (isspace((unsigned char) *p))
		p++;
	if (*p != '\0')
		return false;
	d->point += (int) exp;
	return true;
}

/* The decimal with `scale` fraction digits, rounded half away from zero. */
static char *
format_decimal(vb_arena *arena, const decimal *d, int scale)
{
	char		buf[400] = {0};
	int			len = (int) strlen(d->digits);
	int			lead = d->point > 0 ? d->point : 0;
	int			total = lead + scale;
	int			i;
	int			start;
	vb_buf		b;

	/* digit i of the number (0 = first integer digit of `lead`) */
	for (i = 0; i < total + 1 && i < (int) sizeof(buf) - 1; i++)
	{
		int			src = i - lead + d->point;

		buf[i] = (src >= 0 && src < len) ? d->digits[src] : '0';
	}
	/* round on the digit after the last kept one */
	if (total < (int) sizeof(buf) - 1 && buf[total] >= '5')
	{
		for (i = total - 1; i >= 0; i--)
		{
			if (buf[i] == '9')
				buf[i] = '0';
			else
			{
				buf[i]++;
				break;
			}
		}
		if (i < 0)
		{
			memmove(buf + 1, buf, (size_t) total);
			buf[0] = '1';
			lead++;
			total++;
		}
	}
	buf[total] = '\0';
	vb_buf_init(&b, arena);
	start = 0;
	while (start < lead - 1 && buf[start] == '0')
		start++;
	if (d->negative && strspn(buf, "0") != (size_t) total)
		vb_buf_appendc(&b, '-');
	if (lead == 0)
		vb_buf_appendc(&b, '0');
	else
		vb_buf_appendn(&b, buf + start, (size_t) (lead - start));
	if (scale > 0)
	{
		vb_buf_appendc(&b, '.');
		vb_buf_appendn(&b, buf + lead, (size_t) scale);
	}
	return b.data;
}

/*
 * The shortest text that reads back as the same float (single) or double:
 * plain digits for exponents from -5 to 16 ("1000", "0.1"), else the
 * exponent form without "+" or leading zeros ("1e20", "1.5e-7").
 */
static char *
format_float(vb_arena *arena, double x, bool single)
{
	int			prec;
	char	   *s = NULL;
	char	   *e;
	int			exp;
	char		mant[40];
	size_t		m = 0;
	const char *p;

	for (prec = 1; prec <= 17; prec++)
	{
		s = vb_printf(arena, "%.*e", prec - 1, x);
		if (single ? (float) strtod(s, NULL) == (float) x : strtod(s, NULL) == x)
			break;
	}
	e = strchr(s, 'e');
	exp = atoi(e + 1);
	if (exp >= -5 && exp < 17)
	{
		int			decimals = prec - 1 - exp;

		return vb_printf(arena, "%.*f", decimals > 0 ? decimals : 0, x);
	}
	for (p = s; p < e && m + 1 < sizeof(mant); p++)
		mant[m++] = *p;
	mant[m] = '\0';
	return vb_printf(arena, "%se%d", mant, exp);
}

static char *
hex_of(vb_arena *arena, const char *bytes, size_t len, size_t pad)
{
	vb_buf		b;
	size_t		i;

	if (len == 0 && pad == 0)
		return vb_strdup(arena, "''");
	vb_buf_init(&b, arena);
	vb_buf_append(&b, "0x");
	for (i = 0; i < len || i < pad; i++)
		vb_buf_appendf(&b, "%02x", i < len ? (unsigned char) bytes[i] : 0);
	return b.data;
}

static int
hex_digit(char c)
{
	return isdigit((unsigned char) c) ? c - '0' : tolower((unsigned char) c) - 'a' + 10;
}

/* Bytes of a hexadecimal digit string. */
static char *
bytes_of_hex(vb_arena *arena, const char *hex, size_t *len)
{
	size_t		n = strlen(hex);
	char	   *out = vb_alloc(arena, n / 2 + 2);
	size_t		i;
	size_t		o = 0;

	if (n % 2 == 1)
	{
		out[o++] = (char) hex_digit(hex[0]);
		hex++;
		n--;
	}
	for (i = 0; i < n; i += 2)
		out[o++] = (char) (hex_digit(hex[i]) * 16 + hex_digit(hex[i + 1]));
	*len = o;
	return out;
}

/* b'...' from binary digits (leading zeros dropped). */
static char *
bit_literal(vb_arena *arena, const char *digits)
{
	while (*digits == '0' && digits[1])
		digits++;
	return vb_printf(arena, "b'%s'", *digits ? digits : "0");
}

static char *
bits_of_integer(vb_arena *arena, unsigned long long v)
{
	char		buf[72];
	int			i = 71;

	buf[i] = '\0';
	do
	{
		buf[--i] = (char) ('0' + (v & 1));
		v >>= 1;
	} while (v);
	return vb_printf(arena, "b'%s'", buf + i);
}

/* Digit groups of a temporal string: "2020-1-2 3:4:5.6" -> 2020 1 2 3 4 5,
 * and the digits after a '.' that follows the last group ("6"). */
static int
temporal_parts(const char *s, long *parts, int max, char *frac, size_t fracsize)
{
	int			n = 0;
	const char *p = s;
	char	   *end;
	size_t		k = 0;

	while (*p && n < max)
	{
		if (!isdigit((unsigned char) *p))
		{
			p++;
			continue;
		}
		parts[n++] = strtol(p, &end, 10);
		p = end;
		if (*p == '.')
			break;
	}
	if (*p == '.')
		for (p++; isdigit((unsigned char) *p) && k + 1 < fracsize; p++)
			frac[k++] = *p;
	frac[k] = '\0';
	return n;
}

static char *
fraction(vb_arena *arena, const char *frac, int fsp)
{
	char		buf[8];
	int			i;

	if (fsp <= 0)
		return vb_strdup(arena, "");
	for (i = 0; i < fsp; i++)
		buf[i] = frac[0] && (size_t) i < strlen(frac) ? frac[i] : '0';
	buf[fsp] = '\0';
	return vb_printf(arena, ".%s", buf);
}

/* A temporal literal of the column's type, or NULL if `s` is not one. */
static char *
temporal_literal(vb_arena *arena, const char *s, const vb_mysql_type *type,
				 vb_mysql_category cat)
{
	long		v[6] = {0, 0, 0, 0, 0, 0};
	char		frac[16];
	int			n;

	switch (cat)
	{
		case VB_MYCAT_DATE:
			n = temporal_parts(s, v, 3, frac, sizeof(frac));
			if (n != 3)
				return NULL;
			return vb_printf(arena, "'%04ld-%02ld-%02ld'", v[0], v[1], v[2]);
		case VB_MYCAT_DATETIME:
			n = temporal_parts(s, v, 6, frac, sizeof(frac));
			if (n != 3 && n != 5 && n != 6)
				return NULL;
			return vb_printf(arena, "'%04ld-%02ld-%02ld %02ld:%02ld:%02ld%s'", v[0], v[1], v[2],
							 v[3], v[4], v[5], fraction(arena, frac, type->fsp));
		case VB_MYCAT_TIME:
			{
				bool		neg = *s == '-';

				n = temporal_parts(neg ? s + 1 : s, v, 3, frac, sizeof(frac));
				if (n < 2)
					return NULL;
				return vb_printf(arena, "'%s%02ld:%02ld:%02ld%s'", neg ? "-" : "", v[0], v[1], v[2],
								 fraction(arena, frac, type->fsp));
			}
		default:
			return NULL;
	}
}

/* A SET value: members in the type's order, each once. */
static char *
set_literal(vb_arena *arena, const char *value, const vb_mysql_type *type)
{
	vb_buf		b;
	int			i;
	bool		first = true;

	vb_buf_init(&b, arena);
	for (i = 0; i < type->members.count; i++)
	{
		const char *m = type->members.items[i];
		const char *p = value;
		size_t		ml = strlen(m);

		while (*p)
		{
			const char *c = strchr(p, ',');
			size_t		l = c ? (size_t) (c - p) : strlen(p);

			if (l == ml && strncasecmp(p, m, l) == 0)
			{
				if (!first)
					vb_buf_appendc(&b, ',');
				vb_buf_append(&b, m);
				first = false;
				break;
			}
			p += l;
			if (*p == ',')
				p++;
		}
	}
	return vb_mysql_quote_string(arena, b.data, b.len, true);
}

static char *
enum_literal(vb_arena *arena, const char *value, size_t len, const vb_mysql_type *type)
{
	int			i;

	for (i = 0; i < type->members.count; i++)
		if (strcmp(type->members.items[i], value) == 0)
			return vb_mysql_quote_string(arena, value, len, true);
	for (i = 0; i < type->members.count; i++)
		if (strcasecmp(type->members.items[i], value) == 0)
			return vb_mysql_quote_string(arena, type->members.items[i],
										 strlen(type->members.items[i]), true);
	return vb_mysql_quote_string(arena, value, len, true);
}

/* One literal token (with its sign) as a default of the column's type;
 * NULL when the combination has no literal form (kept as an expression). */
static char *
typed_literal(vb_arena *arena, const vb_mysql_token *t, bool negative,
			  const vb_mysql_type *type)
{
	vb_mysql_category cat = vb_mysql_type_category(type);
	const char *num = NULL;
	decimal		d;

	if (t->kind == VB_MYTOK_NUMBER)
		num = negative ? vb_printf(arena, "-%s", t->text) : t->text;
	else if (t->kind == VB_MYTOK_WORD && strcasecmp(t->text, "true") == 0)
		num = "1";
	else if (t->kind == VB_MYTOK_WORD && strcasecmp(t->text, "false") == 0)
		num = "0";
	else if (t->kind == VB_MYTOK_STRING && !negative &&
			 (cat == VB_MYCAT_INTEGER || cat == VB_MYCAT_DECIMAL || cat == VB_MYCAT_FLOAT ||
			  cat == VB_MYCAT_YEAR) && parse_decimal(t->text, &d))
		num = t->text;
	else if (negative)
		return NULL;

	switch (cat)
	{
		case VB_MYCAT_INTEGER:
		case VB_MYCAT_DECIMAL:
		case VB_MYCAT_YEAR:
			if (num == NULL && t->kind == VB_MYTOK_BIT)
				return vb_printf(arena, "%llu", strtoull(t->text, NULL, 2));
			if (num == NULL || !parse_decimal(num, &d))
				return NULL;
			return format_decimal(arena, &d, cat == VB_MYCAT_DECIMAL ? type->scale : 0);
		case VB_MYCAT_FLOAT:
			if (num == NULL || !parse_decimal(num, &d))
				return NULL;
			if (type->scale >= 0)
				return format_decimal(arena, &d, type->scale);
			return format_float(arena, strtod(num, NULL), strcmp(type->base, "float") == 0);
		case VB_MYCAT_BIT:
			if (t->kind == VB_MYTOK_BIT)
				return bit_literal(arena, t->text);
			if (t->kind == VB_MYTOK_HEX)
			{
				unsigned long long v = strtoull(t->text, NULL, 16);

				return bits_of_integer(arena, v);
			}
			if (num && parse_decimal(num, &d) && !d.negative)
				return bits_of_integer(arena, strtoull(format_decimal(arena, &d, 0), NULL, 10));
			return NULL;
		case VB_MYCAT_BINARY:
			{
				size_t		pad = strcmp(type->base, "binary") == 0 ? (size_t) type->length : 0;

				if (t->kind == VB_MYTOK_STRING)
					return hex_of(arena, t->text, t->len, pad);
				if (t->kind == VB_MYTOK_HEX)
				{
					size_t		len;
					char	   *bytes = bytes_of_hex(arena, t->text, &len);

					return hex_of(arena, bytes, len, pad);
				}
				if (num)
					return hex_of(arena, num, strlen(num), pad);
				return NULL;
			}
		case VB_MYCAT_ENUM:
			if (t->kind == VB_MYTOK_STRING)
				return enum_literal(arena, t->text, t->len, type);
			if (t->kind == VB_MYTOK_NUMBER && !negative)
			{
				long		i = strtol(t->text, NULL, 10);

				if (i >= 1 && i <= type->members.count)
					return enum_literal(arena, type->members.items[i - 1],
										strlen(type->members.items[i - 1]), type);
			}
			return NULL;
		case VB_MYCAT_SET:
			if (t->kind == VB_MYTOK_STRING)
				return set_literal(arena, t->text, type);
			return NULL;
		case VB_MYCAT_DATE:
		case VB_MYCAT_DATETIME:
		case VB_MYCAT_TIME:
			if (t->kind == VB_MYTOK_STRING)
				return temporal_literal(arena, t->text, type, cat);
			return NULL;
		case VB_MYCAT_STRING:
		case VB_MYCAT_JSON:
		case VB_MYCAT_OTHER:
			if (t->kind == VB_MYTOK_STRING)
				return vb_mysql_quote_string(arena, t->text, t->len, true);
			if (num)
				return vb_mysql_quote_string(arena, num, strlen(num), true);
			return NULL;
	}
	return NULL;
}

/* ---- defaults ------------------------------------------------------------- */

static bool
is_tok(const vb_mysql_token *t, vb_mysql_token_kind kind, const char *text)
{
	return t->kind == kind && (text == NULL || strcasecmp(t->text, text) == 0);
}

/* Tokens [from, to) with every pair of parentheses around all of them
 * removed. */
static void
strip_parens(const vb_list *toks, int *from, int *to)
{
	while (*to - *from >= 2 &&
		   is_tok(toks->items[*from], VB_MYTOK_PUNCT, "(") &&
		   is_tok(toks->items[*to - 1], VB_MYTOK_PUNCT, ")"))
	{
		int			depth = 0;
		int			i;
		bool		encloses = true;

		for (i = *from; i < *to; i++)
		{
			const vb_mysql_token *t = toks->items[i];

			if (is_tok(t, VB_MYTOK_PUNCT, "("))
				depth++;
			else if (is_tok(t, VB_MYTOK_PUNCT, ")"))
				depth--;
			if (depth == 0 && i < *to - 1)
			{
				encloses = false;
				break;
			}
		}
		if (!encloses)
			return;
		(*from)++;
		(*to)--;
	}
}

/*
 * CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(n), NOW(), NOW(n), LOCALTIME[(n)],
 * LOCALTIMESTAMP[(n)] in tokens [from, to)?
 */
static bool
is_current_timestamp(const vb_list *toks, int from, int to)
{
	const vb_mysql_token *t = toks->items[from];
	int			n = to - from;

	if (t->kind != VB_MYTOK_WORD ||
		!(strcasecmp(t->text, "current_timestamp") == 0 || strcasecmp(t->text, "now") == 0 ||
		  strcasecmp(t->text, "localtime") == 0 || strcasecmp(t->text, "localtimestamp") == 0))
		return false;
	if (n == 1)
		return strcasecmp(t->text, "now") != 0;
	if (n == 3)
		return is_tok(toks->items[from + 1], VB_MYTOK_PUNCT, "(") &&
			is_tok(toks->items[from + 2], VB_MYTOK_PUNCT, ")");
	if (n == 4)
		return is_tok(toks->items[from + 1], VB_MYTOK_PUNCT, "(") &&
			is_tok(toks->items[from + 2], VB_MYTOK_NUMBER, NULL) &&
			is_tok(toks->items[from + 3], VB_MYTOK_PUNCT, ")");
	return false;
}

static char *
current_timestamp_text(vb_arena *arena, const vb_mysql_type *type)
{
	if (type->fsp > 0)
		return vb_printf(arena, "CURRENT_TIMESTAMP(%d)", type->fsp);
	return vb_strdup(arena, "CURRENT_TIMESTAMP");
}

bool
vb_mysql_canonical_default(vb_arena *arena, const char *text, const vb_mysql_type *type,
						   unsigned flags, const vb_list *columns, char **out,
						   vb_error *err)
{
	vb_list		toks;
	int			from = 0;
	int			to;
	vb_mysql_category cat = vb_mysql_type_category(type);
	char	   *lit = NULL;
	char	   *expr;

	memset(&toks, 0, sizeof(toks));
	*out = NULL;
	if (!vb_mysql_tokenize(arena, text, flags, &toks, err))
		return false;
	to = toks.count - 1;		/* without END */
	strip_parens(&toks, &from, &to);
	if (to - from == 0)
		return vb_fail(err, arena, VB_ERR_INVALID, NULL, "the default \"%s\" is empty", text);
	if (to - from == 1 && is_tok(toks.items[from], VB_MYTOK_WORD, "null"))
		return true;
	if ((cat == VB_MYCAT_DATETIME) && is_current_timestamp(&toks, from, to))
	{
		*out = current_timestamp_text(arena, type);
		return true;
	}
	if (to - from == 1)
		lit = typed_literal(arena, toks.items[from], false, type);
	else if (to - from == 2 && (is_tok(toks.items[from], VB_MYTOK_OPERATOR, "-") ||
								is_tok(toks.items[from], VB_MYTOK_OPERATOR, "+")))
		lit = typed_literal(arena, toks.items[from + 1],
							is_tok(toks.items[from], VB_MYTOK_OPERATOR, "-"), type);
	else if (to - from == 2 && toks.count > from + 1 &&
			 ((vb_mysql_token *) toks.items[from + 1])->kind == VB_MYTOK_STRING &&
			 (is_tok(toks.items[from], VB_MYTOK_WORD, "date") ||
			  is_tok(toks.items[from], VB_MYTOK_WORD, "time") ||
			  is_tok(toks.items[from], VB_MYTOK_WORD, "timestamp")))
		lit = typed_literal(arena, toks.items[from + 1], false, type);
	if (lit)
	{
		*out = lit;
		return true;
	}
	if (!vb_mysql_canonical_expr(arena, text, flags, columns, NULL, &expr, err))
		return false;
	*out = vb_printf(arena, "(%s)", expr);
	return true;
}

bool
vb_mysql_canonical_on_update(vb_arena *arena, const char *text, const vb_mysql_type *type,
							 char **out, vb_error *err)
{
	vb_list		toks;
	int			from = 0;
	int			to;

	memset(&toks, 0, sizeof(toks));
	if (vb_mysql_type_category(type) != VB_MYCAT_DATETIME)
		return vb_fail(err, arena, VB_ERR_INVALID, NULL,
					   "ON UPDATE is for DATETIME and TIMESTAMP columns, not %s", type->text);
	if (!vb_mysql_tokenize(arena, text, 0, &toks, err))
		return false;
	to = toks.count - 1;
	strip_parens(&toks, &from, &to);
	if (to - from < 1 || !is_current_timestamp(&toks, from, to))
		return vb_fail(err, arena, VB_ERR_INVALID, NULL,
					   "ON UPDATE takes CURRENT_TIMESTAMP (or a synonym), not \"%s\"", text);
	*out = current_timestamp_text(arena, type);
	return true;
}
