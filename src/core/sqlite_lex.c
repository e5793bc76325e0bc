/*
 * sqlite_lex.c — SQLite's tokenizer, keywords and quoting, for the schema
 * text that sqlite_schema keeps and the expressions of a document.
 *
 * The token rules follow SQLite 3.40's tokenize.c: identifiers may contain
 * '$' and any byte from 0x80 up; "id", `id` and [id] are quoted
 * identifiers; 'str' a string with '' for a quote; X'hex' a blob of an even
 * number of hex digits; numbers in decimal, with a fraction and an
 * exponent, or 0x hex; ?N, :name, @name and $name parameters; -- and
 * C-style comments (an unterminated one runs to the end, as in SQLite). A
 * number run into identifier characters ("12ab") is an error, as SQLite's
 * TK_ILLEGAL is.
 */
#include <stdlib.h>
#include <string.h>

#include "sqlite_parse.h"

/* lang_keywords.html of 3.40 (147 words), sorted for bsearch. */
static const char *const keywords[] = {
	"ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE",
	"AND", "AS", "ASC", "ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN",
	"BETWEEN", "BY", "CASCADE", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN",
	"COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT",
	"CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE",
	"DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DETACH",
	"DISTINCT", "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT",
	"EXCLUDE", "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST",
	"FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL", "GENERATED", "GLOB",
	"GROUP", "GROUPS", "HAVING", "IF", "IGNORE", "IMMEDIATE", "IN", "INDEX",
	"INDEXED", "INITIALLY", "INNER", "INSERT", "INSTEAD", "INTERSECT",
	"INTO", "IS", "ISNULL", "JOIN", "KEY", "LAST", "LEFT", "LIKE", "LIMIT",
	"MATCH", "MATERIALIZED", "NATURAL", "NO", "NOT", "NOTHING", "NOTNULL",
	"NULL", "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OTHERS", "OUTER",
	"OVER", "PARTITION", "PLAN", "PRAGMA", "PRECEDING", "PRIMARY", "QUERY",
	"RAISE", "RANGE", "RECURSIVE", "REFERENCES", "REGEXP", "REINDEX",
	"RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT",
	"ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SELECT", "SET", "TABLE", "TEMP",
	"TEMPORARY", "THEN", "TIES", "TO", "TRANSACTION", "TRIGGER", "UNBOUNDED",
	"UNION", "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES", "VIEW",
	"VIRTUAL", "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT"
};

#define N_KEYWORDS ((int) (sizeof(keywords) / sizeof(keywords[0])))

/*
 * The keywords that can never name a column or table: those parse.y does
 * not let fall back to an identifier (the others, KEY, ACTION, REPLACE,
 * LIKE, ..., can be names). Sorted.
 */
static const char *const reserved[] = {
	"ADD", "ALL", "ALTER", "AND", "AS", "AUTOINCREMENT", "BETWEEN", "CASE",
	"CHECK", "COLLATE", "COMMIT", "CONSTRAINT", "CREATE", "DEFAULT",
	"DEFERRABLE", "DELETE", "DISTINCT", "DROP", "ELSE", "ESCAPE", "EXCEPT",
	"EXISTS", "FOREIGN", "FROM", "GROUP", "HAVING", "IN", "INDEX", "INSERT",
	"INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LIMIT", "NOT", "NOTHING",
	"NOTNULL", "NULL", "ON", "OR", "ORDER", "PRIMARY", "REFERENCES",
	"RETURNING", "SELECT", "SET", "TABLE", "THEN", "TO", "TRANSACTION",
	"UNION", "UNIQUE", "UPDATE", "USING", "VALUES", "WHEN", "WHERE"
};

/* ASCII-only case folding, as SQLite's sqlite3StrICmp does. */
static int
fold(int c)
{
	return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
}

typedef struct word
{
	const char *s;
	size_t		len;
} word;

static int
compare_word(const void *key, const void *elem)
{
	const word *w = key;
	const char *k = *(const char *const *) elem;
	size_t		i;

	for (i = 0; i < w->len && k[i]; i++)
		if (fold((unsigned char) w->s[i]) != (unsigned char) k[i])
			return fold((unsigned char) w->s[i]) - (unsigned char) k[i];
	if (i < w->len)
		return 1;
	return k[i] ? -1 : 0;
}

bool
vb_sqlite_is_keyword(const char *s, size_t len)
{
	word		w;

	w.s = s;
	w.len = len;
	return bsearch(&w, keywords, (size_t) N_KEYWORDS, sizeof(char *), compare_word) != NULL;
}

/*
 * Every identifier of a catalog is asked about: the reserved words of its
 * first letter only (reserved is in order), their length first. The
 * places of each letter are found once (the same every time: no harm if
 * two threads do it at once).
 */
bool
vb_sqlite_is_reserved(const char *s, size_t len)
{
	static int	first[27];		/* reserved[first[l]] starts with letter l */
	static bool ready;
	const int	n = (int) (sizeof(reserved) / sizeof(reserved[0]));
	int			c = fold((unsigned char) s[0]);
	int			i;

	if (!ready)
	{
		int			l;

		for (l = 0, i = 0; l <= 26; l++)
		{
			while (i < n && reserved[i][0] - 'A' < l)
				i++;
			first[l] = i;
		}
		ready = true;
	}
	if (len == 0 || c < 'A' || c > 'Z')
		return false;
	for (i = first[c - 'A']; i < first[c - 'A' + 1]; i++)
	{
		word		w;

		if (strlen(reserved[i]) != len)
			continue;
		w.s = s;
		w.len = len;
		if (compare_word(&w, &reserved[i]) == 0)
			return true;
	}
	return false;
}

int
vb_sqlite_keyword_count(void)
{
	return N_KEYWORDS;
}

const char *
vb_sqlite_keyword_name(int i)
{
	return (i >= 0 && i < N_KEYWORDS) ? keywords[i] : NULL;
}

/* ---- character classes ------------------------------------------------ */

static bool
is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_xdigit(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* SQLite's IdChar(): letters, digits, '_', '$' and every byte >= 0x80. */
static bool
is_id_char(unsigned char c)
{
	return is_alpha(c) || is_digit(c) || c == '_' || c == '$' || c >= 0x80;
}

static bool
is_id_start(unsigned char c)
{
	return is_alpha(c) || c == '_' || c >= 0x80;
}

/* ---- positions and errors ---------------------------------------------- */

char *
vb_sqlite_position(vb_arena *arena, const char *text, size_t offset)
{
	size_t		line = 1;
	size_t		col = 1;
	size_t		i;

	for (i = 0; i < offset && text[i]; i++)
	{
		if (text[i] == '\n')
		{
			line++;
			col = 1;
		}
		else if ((((unsigned char) text[i]) & 0xC0) != 0x80)
			col++;				/* count characters, not UTF-8 bytes */
	}
	return vb_printf(arena, "line %zu, column %zu", line, col);
}

static bool
lex_error(vb_arena *arena, vb_error *err, const char *text, size_t offset,
		  const char *what)
{
	return vb_fail(err, arena, VB_ERR_INVALID, NULL, "%s at %s",
				   what, vb_sqlite_position(arena, text, offset));
}

/* ---- the scanner -------------------------------------------------------- */

/* Length of a quoted token starting at s (with its closing quote), or 0
 * when it is not closed. close is the closing character; doubling it
 * escapes it, except in [brackets]. */
static size_t
quoted_length(const char *s, char close, bool doubling)
{
	size_t		i;

	for (i = 1; s[i]; i++)
	{
		if (s[i] != close)
			continue;
		if (doubling && s[i + 1] == close)
		{
			i++;
			continue;
		}
		return i + 1;
	}
	return 0;
}

/* Length of a number starting at s; *kind is INTEGER or FLOAT. */
static size_t
number_length(const char *s, vb_sqlite_token_kind *kind)
{
	size_t		i = 0;

	*kind = VB_SQT_INTEGER;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && is_xdigit((unsigned char) s[2]))
	{
		for (i = 3; is_xdigit((unsigned char) s[i]); i++)
			;
		return i;
	}
	while (is_digit((unsigned char) s[i]))
		i++;
	if (s[i] == '.')
	{
		i++;
		while (is_digit((unsigned char) s[i]))
			i++;
		*kind = VB_SQT_FLOAT;
	}
	if ((s[i] == 'e' || s[i] == 'E') &&
		(is_digit((unsigned char) s[i + 1]) ||
		 ((s[i + 1] == '+' || s[i + 1] == '-') && is_digit((unsigned char) s[i + 2]))))
	{
		i += 2;
		while (is_digit((unsigned char) s[i]))
			i++;
		*kind = VB_SQT_FLOAT;
	}
	return i;
}

/* Operators, longest first where one is a prefix of another. */
static const char *const operators[] = {
	"->>", "->", "||", "<=", "<>", "<<", ">=", ">>", "==", "!=",
	"-", "(", ")", ";", "+", "*", "/", "%", "=", "<", ">", ",", "&", "~",
	"|", ".", NULL
};

static size_t
operator_length(const char *s)
{
	int			i;

	for (i = 0; operators[i]; i++)
		if (strncmp(s, operators[i], strlen(operators[i])) == 0)
			return strlen(operators[i]);
	return 0;
}

/*
 * One token at s (spaces and comments already skipped). Returns its length
 * and kind, or 0 with *problem set.
 */
static size_t
scan_token(const char *s, vb_sqlite_token_kind *kind, const char **problem)
{
	unsigned char c = (unsigned char) s[0];
	size_t		n;

	*problem = NULL;
	if ((c == 'x' || c == 'X') && s[1] == '\'')
	{
		*kind = VB_SQT_BLOB;
		n = quoted_length(s + 1, '\'', false);
		if (n == 0)
			*problem = "unterminated blob literal";
		else
		{
			size_t		i;

			for (i = 2; i < n; i++)
				if (!is_xdigit((unsigned char) s[i]))
					break;
			if (i != n || (n - 2) % 2 != 0)
				*problem = "malformed blob literal (an even number of hex digits is needed)";
		}
		return *problem ? 0 : n + 1;
	}
	if (is_id_start(c))
	{
		for (n = 1; is_id_char((unsigned char) s[n]); n++)
			;
		*kind = VB_SQT_WORD;
		return n;
	}
	if (is_digit(c) || (c == '.' && is_digit((unsigned char) s[1])))
	{
		n = number_length(s, kind);
		if (is_id_char((unsigned char) s[n]))
		{
			*problem = "malformed number";
			return 0;
		}
		return n;
	}
	switch (c)
	{
		case '\'':
			*kind = VB_SQT_STRING;
			n = quoted_length(s, '\'', true);
			if (n == 0)
				*problem = "unterminated string literal";
			return n;
		case '"':
		case '`':
			*kind = VB_SQT_QUOTED;
			n = quoted_length(s, (char) c, true);
			if (n == 0)
				*problem = "unterminated quoted identifier";
			return n;
		case '[':
			*kind = VB_SQT_QUOTED;
			n = quoted_length(s, ']', false);
			if (n == 0)
				*problem = "unterminated [identifier]";
			return n;
		case '?':
			*kind = VB_SQT_VARIABLE;
			for (n = 1; is_digit((unsigned char) s[n]); n++)
				;
			return n;
		case ':':
		case '@':
		case '$':
			*kind = VB_SQT_VARIABLE;
			for (n = 1; is_id_char((unsigned char) s[n]); n++)
				;
			if (n == 1)
				*problem = "a parameter needs a name";
			return n == 1 ? 0 : n;
		default:
			break;
	}
	*kind = VB_SQT_PUNCT;
	n = operator_length(s);
	if (n == 0)
		*problem = "unexpected character";
	return n;
}

/* Skip spaces and comments; returns the offset of the next token. */
static size_t
skip_space(const char *sql, size_t i)
{
	for (;;)
	{
		if (is_space((unsigned char) sql[i]))
			i++;
		else if (sql[i] == '-' && sql[i + 1] == '-')
		{
			while (sql[i] && sql[i] != '\n')
				i++;
		}
		else if (sql[i] == '/' && sql[i + 1] == '*')
		{
			const char *end = strstr(sql + i + 2, "*/");

			i = end ? (size_t) (end - sql) + 2 : strlen(sql);
		}
		else
			return i;
	}
}

/*
 * Tokens are made by the hundred thousand when a catalog is read (every
 * CREATE text, every expression again): they come from the arena in
 * batches, and the list has room from the start for about one token per
 * four bytes of text, so that it is not copied as it grows.
 */
#define TOKEN_BATCH 32

bool
vb_sqlite_tokenize(vb_arena *arena, const char *sql, vb_list *out, vb_error *err)
{
	size_t		i = 0;
	vb_sqlite_token *batch = NULL;
	int			left = 0;

	if (out->capacity == 0)
	{
		size_t		expect = strlen(sql) / 4 + 8;

		out->capacity = expect > 4096 ? 4096 : (int) expect;
		out->items = vb_alloc(arena, sizeof(void *) * (size_t) out->capacity);
	}
	for (;;)
	{
		vb_sqlite_token *t;
		const char *problem;

		if (left == 0)
		{
			batch = vb_alloc(arena, sizeof(vb_sqlite_token) * TOKEN_BATCH);
			left = TOKEN_BATCH;
		}
		t = batch++;
		left--;
		i = skip_space(sql, i);
		t->start = sql + i;
		t->offset = i;
		if (sql[i] == '\0')
		{
			t->kind = VB_SQT_END;
			vb_list_push(arena, out, t);
			return true;
		}
		t->len = scan_token(sql + i, &t->kind, &problem);
		if (t->len == 0)
			return lex_error(arena, err, sql, i, problem);
		vb_list_push(arena, out, t);
		i += t->len;
	}
}

char *
vb_sqlite_token_value(vb_arena *arena, const vb_sqlite_token *t)
{
	char		close;
	vb_buf		buf;
	size_t		i;

	if (t->kind != VB_SQT_QUOTED && t->kind != VB_SQT_STRING)
		return vb_strndup(arena, t->start, t->len);
	close = t->start[0] == '[' ? ']' : t->start[0];
	vb_buf_init(&buf, arena);
	for (i = 1; i + 1 < t->len; i++)
	{
		vb_buf_appendc(&buf, t->start[i]);
		if (t->start[i] == close && close != ']')
			i++;				/* a doubled quote stands for one */
	}
	return buf.data;
}

bool
vb_sqlite_token_is(const vb_sqlite_token *t, const char *w)
{
	size_t		i;

	if (t->kind != VB_SQT_WORD || strlen(w) != t->len)
		return false;
	for (i = 0; i < t->len; i++)
		if (fold((unsigned char) t->start[i]) != fold((unsigned char) w[i]))
			return false;
	return true;
}

/* ---- quoting ----------------------------------------------------------- */

bool
vb_sqlite_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (fold((unsigned char) *a) != fold((unsigned char) *b))
			return false;
	return *a == *b;
}

char *
vb_sqlite_upper(vb_arena *arena, const char *s, size_t n)
{
	char	   *out = vb_strndup(arena, s, n);
	char	   *c;

	for (c = out; *c; c++)
		*c = (char) fold((unsigned char) *c);
	return out;
}

char *
vb_sqlite_lower(vb_arena *arena, const char *s)
{
	char	   *out = vb_strdup(arena, s);
	char	   *c;

	for (c = out; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char) (*c - 'A' + 'a');
	return out;
}

/* TRUE and FALSE are not keywords, but bare they are booleans. */
static bool
is_true_false(const char *s)
{
	return vb_sqlite_ieq(s, "TRUE") || vb_sqlite_ieq(s, "FALSE");
}

static char *
quote_with(vb_arena *arena, const char *s, char q)
{
	vb_buf		buf;
	const char *p;

	vb_buf_init(&buf, arena);
	vb_buf_appendc(&buf, q);
	for (p = s; *p; p++)
	{
		if (*p == q)
			vb_buf_appendc(&buf, q);
		vb_buf_appendc(&buf, *p);
	}
	vb_buf_appendc(&buf, q);
	return buf.data;
}

char *
vb_sqlite_quote_ident(vb_arena *arena, const char *ident)
{
	bool		safe = (unsigned char) ident[0] < 0x80 && is_id_start((unsigned char) ident[0]);
	const char *p;

	for (p = ident; *p && safe; p++)
		safe = is_alpha((unsigned char) *p) || is_digit((unsigned char) *p) || *p == '_';
	if (safe && !vb_sqlite_is_keyword(ident, strlen(ident)) && !is_true_false(ident))
		return vb_strdup(arena, ident);
	return quote_with(arena, ident, '"');
}

char *
vb_sqlite_double_quoted(vb_arena *arena, const char *name)
{
	return quote_with(arena, name, '"');
}

char *
vb_sqlite_quote_literal(vb_arena *arena, const char *value)
{
	return quote_with(arena, value, '\'');
}
