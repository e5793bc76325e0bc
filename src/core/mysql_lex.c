/*
 * mysql_lex.c — a tokenizer for MySQL's and MariaDB's SQL: what the
 * canonical forms of types, defaults and expressions (mysql_text.c,
 * mysql_expr.c) read, instead of matching text with patterns.
 *
 * It follows the servers' lexical rules: backtick identifiers with ``
 * doubled, strings in '...' or "..." (an identifier under ANSI_QUOTES)
 * with the quote doubled or, unless NO_BACKSLASH_ESCAPES, escaped by a
 * backslash, charset introducers (_utf8mb4'x', N'x'), hexadecimal and bit
 * literals in both spellings, comments of all three kinds, and version
 * comments whose text the server runs.
 */
#include <ctype.h>
#include <string.h>

#include "vb_internal.h"
#include "vb_mysql.h"

typedef struct lexer
{
	vb_arena   *arena;
	const char *src;
	size_t		pos;
	unsigned	flags;
	vb_list    *out;
	vb_error   *err;
	int			version_depth;	/* inside a version comment: its end is
								 * skipped */
} lexer;

static bool
lex_fail(lexer *lx, size_t at, const char *what)
{
	return vb_fail(lx->err, lx->arena, VB_ERR_INVALID, NULL,
				   "%s at byte %zu of \"%s\"", what, at, lx->src);
}

static bool
is_ident_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

static vb_mysql_token *
push_token(lexer *lx, vb_mysql_token_kind kind, size_t start, char *text, size_t len)
{
	vb_mysql_token *t = vb_alloc(lx->arena, sizeof(vb_mysql_token));

	t->kind = kind;
	t->text = text;
	t->len = len;
	t->offset = (int) start;
	vb_list_push(lx->arena, lx->out, t);
	return t;
}

/*
 * Skip whitespace and comments. A version comment opener (slash, star,
 * "!" or "M!", optional digits) is skipped and its closer remembered, so
 * that its text is read as SQL.
 */
static bool
skip_space(lexer *lx)
{
	const char *s = lx->src;

	for (;;)
	{
		unsigned char c = (unsigned char) s[lx->pos];

		if (isspace(c))
			lx->pos++;
		else if (c == '#' ||
				 (c == '-' && s[lx->pos + 1] == '-' &&
				  (s[lx->pos + 2] == '\0' || isspace((unsigned char) s[lx->pos + 2]) ||
				   iscntrl((unsigned char) s[lx->pos + 2]))))
		{
			while (s[lx->pos] && s[lx->pos] != '\n')
				lx->pos++;
		}
		else if (c == '/' && s[lx->pos + 1] == '*')
		{
			size_t		start = lx->pos;
			size_t		p = lx->pos + 2;

			if (s[p] == '!' || (s[p] == 'M' && s[p + 1] == '!'))
			{
				p += s[p] == '!' ? 1 : 2;
				while (isdigit((unsigned char) s[p]))
					p++;
				lx->pos = p;
				lx->version_depth++;
				continue;
			}
			p = lx->pos + 2;
			while (s[p] && !(s[p] == '*' && s[p + 1] == '/'))
				p++;
			if (!s[p])
				return lex_fail(lx, start, "unterminated comment");
			lx->pos = p + 2;
		}
		else if (c == '*' && s[lx->pos + 1] == '/' && lx->version_depth > 0)
		{
			lx->version_depth--;
			lx->pos += 2;
		}
		else
			return true;
	}
}

/* A quoted identifier or string from lx->pos (the opening quote). */
static bool
lex_quoted(lexer *lx, char quote, bool string, char **text, size_t *len)
{
	const char *s = lx->src;
	size_t		start = lx->pos;
	size_t		p = lx->pos + 1;
	vb_buf		b;

	vb_buf_init(&b, lx->arena);
	for (;;)
	{
		char		c = s[p];

		if (c == '\0')
			return lex_fail(lx, start, string ? "unterminated string" : "unterminated quoted identifier");
		if (c == quote)
		{
			if (s[p + 1] == quote)
			{
				vb_buf_appendc(&b, quote);
				p += 2;
				continue;
			}
			p++;
			break;
		}
		if (c == '\\' && string && !(lx->flags & VB_MYSQL_NO_BACKSLASH_ESCAPES) && s[p + 1])
		{
			char		e = s[p + 1];

			switch (e)
			{
				case '0':
					vb_buf_appendn(&b, "\0", 1);
					break;
				case 'b':
					vb_buf_appendc(&b, '\b');
					break;
				case 'n':
					vb_buf_appendc(&b, '\n');
					break;
				case 'r':
					vb_buf_appendc(&b, '\r');
					break;
				case 't':
					vb_buf_appendc(&b, '\t');
					break;
				case 'Z':
					vb_buf_appendc(&b, '\x1a');
					break;
				case '%':
				case '_':
					/* kept with their backslash, for LIKE patterns */
					vb_buf_appendc(&b, '\\');
					vb_buf_appendc(&b, e);
					break;
				default:
					vb_buf_appendc(&b, e);
					break;
			}
			p += 2;
			continue;
		}
		vb_buf_appendc(&b, c);
		p++;
	}
	lx->pos = p;
	*text = b.data;
	*len = b.len;
	return true;
}

/* A string literal (with its introducer, if any) at lx->pos; merges the
 * adjacent literals that follow it. */
static bool
lex_string(lexer *lx, size_t start, char *introducer)
{
	char	   *text;
	size_t		len;
	vb_mysql_token *t;

	if (!lex_quoted(lx, lx->src[lx->pos], true, &text, &len))
		return false;
	t = push_token(lx, VB_MYTOK_STRING, start, text, len);
	t->introducer = introducer;
	for (;;)
	{
		size_t		save = lx->pos;
		char		q;

		if (!skip_space(lx))
			return false;
		q = lx->src[lx->pos];
		if (q == '\'' || (q == '"' && !(lx->flags & VB_MYSQL_ANSI_QUOTES)))
		{
			vb_buf		b;

			if (!lex_quoted(lx, q, true, &text, &len))
				return false;
			vb_buf_init(&b, lx->arena);
			vb_buf_appendn(&b, t->text, t->len);
			vb_buf_appendn(&b, text, len);
			t->text = b.data;
			t->len = b.len;
			continue;
		}
		lx->pos = save;
		return true;
	}
}

char *
vb_mysql_lower(vb_arena *arena, const char *s)
{
	char	   *r = vb_strdup(arena, s);
	char	   *p;

	for (p = r; *p; p++)
		*p = (char) tolower((unsigned char) *p);
	return r;
}

static char *
lower_digits(vb_arena *arena, const char *s, size_t n)
{
	return vb_mysql_lower(arena, vb_strndup(arena, s, n));
}

/* X'..' / B'..' literal at lx->pos (the letter). */
static bool
lex_quoted_number(lexer *lx, bool hex)
{
	const char *s = lx->src;
	size_t		start = lx->pos;
	size_t		p = lx->pos + 2;
	size_t		d;

	while (s[p] && s[p] != '\'')
	{
		if (hex ? !isxdigit((unsigned char) s[p]) : (s[p] != '0' && s[p] != '1'))
			return lex_fail(lx, p, hex ? "invalid hexadecimal literal" : "invalid bit literal");
		p++;
	}
	if (!s[p])
		return lex_fail(lx, start, "unterminated literal");
	d = start + 2;
	if (hex && (p - d) % 2 != 0)
		return lex_fail(lx, start, "a hexadecimal literal X'...' needs an even number of digits");
	push_token(lx, hex ? VB_MYTOK_HEX : VB_MYTOK_BIT, start, lower_digits(lx->arena, s + d, p - d), p - d);
	lx->pos = p + 1;
	return true;
}

/* A number, 0x.. / 0b.. literal, or a word that starts with digits. */
static bool
lex_number(lexer *lx)
{
	const char *s = lx->src;
	size_t		start = lx->pos;
	size_t		p = start;

	if (s[p] == '0' && (s[p + 1] == 'x' || s[p + 1] == 'b') &&
		(s[p + 1] == 'x' ? isxdigit((unsigned char) s[p + 2]) : (s[p + 2] == '0' || s[p + 2] == '1')))
	{
		bool		hex = s[p + 1] == 'x';
		size_t		d = p + 2;

		p = d;
		while (hex ? isxdigit((unsigned char) s[p]) : (s[p] == '0' || s[p] == '1'))
			p++;
		if (!is_ident_char((unsigned char) s[p]))
		{
			push_token(lx, hex ? VB_MYTOK_HEX : VB_MYTOK_BIT, start,
					   lower_digits(lx->arena, s + d, p - d), p - d);
			lx->pos = p;
			return true;
		}
		p = start;				/* 0xg1: an identifier */
	}
	while (isdigit((unsigned char) s[p]))
		p++;
	if (is_ident_char((unsigned char) s[p]) && s[p] != 'e' && s[p] != 'E')
	{
		/* 1abc is an identifier */
		while (is_ident_char((unsigned char) s[p]))
			p++;
		push_token(lx, VB_MYTOK_WORD, start, vb_strndup(lx->arena, s + start, p - start), p - start);
		lx->pos = p;
		return true;
	}
	if (s[p] == '.')
	{
		p++;
		while (isdigit((unsigned char) s[p]))
			p++;
	}
	if ((s[p] == 'e' || s[p] == 'E') &&
		(isdigit((unsigned char) s[p + 1]) ||
		 ((s[p + 1] == '+' || s[p + 1] == '-') && isdigit((unsigned char) s[p + 2]))))
	{
		p += 2;
		while (isdigit((unsigned char) s[p]))
			p++;
	}
	else if (s[p] == 'e' || s[p] == 'E')
	{
		/* 1e: an identifier */
		while (is_ident_char((unsigned char) s[p]))
			p++;
		push_token(lx, VB_MYTOK_WORD, start, vb_strndup(lx->arena, s + start, p - start), p - start);
		lx->pos = p;
		return true;
	}
	push_token(lx, VB_MYTOK_NUMBER, start, vb_strndup(lx->arena, s + start, p - start), p - start);
	lx->pos = p;
	return true;
}

static bool
lex_operator(lexer *lx)
{
	static const char *const ops[] = {
		"<=>", "->>", "<=", ">=", "<>", "!=", "<<", ">>", "&&", "||", "->", ":=",
		"+", "-", "*", "/", "%", "=", "<", ">", "&", "|", "^", "~", "!", NULL
	};
	const char *s = lx->src + lx->pos;
	int			i;

	for (i = 0; ops[i]; i++)
	{
		size_t		n = strlen(ops[i]);

		if (strncmp(s, ops[i], n) == 0)
		{
			push_token(lx, VB_MYTOK_OPERATOR, lx->pos, vb_strdup(lx->arena, ops[i]), n);
			lx->pos += n;
			return true;
		}
	}
	return lex_fail(lx, lx->pos, vb_printf(lx->arena, "unexpected character '%c'", *s));
}

/* Does the last token name something (then ".5" is "." and "5")? */
static bool
after_name(lexer *lx)
{
	vb_mysql_token *t;

	if (lx->out->count == 0)
		return false;
	t = lx->out->items[lx->out->count - 1];
	return t->kind == VB_MYTOK_IDENT || t->kind == VB_MYTOK_WORD;
}

static bool
lex_one(lexer *lx)
{
	const char *s = lx->src;
	size_t		start = lx->pos;
	unsigned char c = (unsigned char) s[start];

	if ((c == 'x' || c == 'X') && s[start + 1] == '\'')
		return lex_quoted_number(lx, true);
	if ((c == 'b' || c == 'B') && s[start + 1] == '\'')
		return lex_quoted_number(lx, false);
	if ((c == 'n' || c == 'N') && s[start + 1] == '\'')
	{
		lx->pos++;
		return lex_string(lx, start, vb_strdup(lx->arena, "N"));
	}
	if (c == '\'' || (c == '"' && !(lx->flags & VB_MYSQL_ANSI_QUOTES)))
		return lex_string(lx, start, NULL);
	if (c == '`' || c == '"')
	{
		char	   *text;
		size_t		len;

		if (!lex_quoted(lx, (char) c, false, &text, &len))
			return false;
		push_token(lx, VB_MYTOK_IDENT, start, text, len);
		return true;
	}
	if (isdigit(c) || (c == '.' && isdigit((unsigned char) s[start + 1]) && !after_name(lx)))
		return lex_number(lx);
	if (is_ident_char(c))
	{
		size_t		p = start;
		char	   *word;
		size_t		save;

		while (is_ident_char((unsigned char) s[p]))
			p++;
		word = vb_strndup(lx->arena, s + start, p - start);
		/* an introducer: _charset immediately or after space before a string */
		if (word[0] == '_' && p - start > 1)
		{
			save = p;
			lx->pos = p;
			if (!skip_space(lx))
				return false;
			if (s[lx->pos] == '\'' || (s[lx->pos] == '"' && !(lx->flags & VB_MYSQL_ANSI_QUOTES)))
				return lex_string(lx, start, word);
			lx->pos = save;
		}
		push_token(lx, VB_MYTOK_WORD, start, word, p - start);
		lx->pos = p;
		return true;
	}
	if (c == '@' || c == '?')
	{
		size_t		p = start + 1;

		if (c == '@' && s[p] == '@')
			p++;
		while (c == '@' && (is_ident_char((unsigned char) s[p]) || s[p] == '.'))
			p++;
		push_token(lx, VB_MYTOK_VARIABLE, start, vb_strndup(lx->arena, s + start, p - start), p - start);
		lx->pos = p;
		return true;
	}
	if (strchr("(),.;", c))
	{
		push_token(lx, VB_MYTOK_PUNCT, start, vb_strndup(lx->arena, s + start, 1), 1);
		lx->pos++;
		return true;
	}
	return lex_operator(lx);
}

bool
vb_mysql_tokenize(vb_arena *arena, const char *sql, unsigned flags, vb_list *tokens,
				  vb_error *err)
{
	lexer		lx;

	memset(&lx, 0, sizeof(lx));
	lx.arena = arena;
	lx.src = sql ? sql : "";
	lx.flags = flags;
	lx.out = tokens;
	lx.err = err;
	for (;;)
	{
		if (!skip_space(&lx))
			return false;
		if (lx.src[lx.pos] == '\0')
			break;
		if (!lex_one(&lx))
			return false;
	}
	if (lx.version_depth > 0)
		return lex_fail(&lx, lx.pos, "unterminated version comment");
	push_token(&lx, VB_MYTOK_END, lx.pos, vb_strdup(arena, ""), 0);
	return true;
}

char *
vb_mysql_quote_ident(vb_arena *arena, const char *ident)
{
	vb_buf		b;
	const char *p;

	vb_buf_init(&b, arena);
	vb_buf_appendc(&b, '`');
	for (p = ident; *p; p++)
	{
		if (*p == '`')
			vb_buf_appendc(&b, '`');
		vb_buf_appendc(&b, *p);
	}
	vb_buf_appendc(&b, '`');
	return b.data;
}

char *
vb_mysql_quote_string(vb_arena *arena, const char *s, size_t len, bool double_quote)
{
	vb_buf		b;
	size_t		i;

	vb_buf_init(&b, arena);
	vb_buf_appendc(&b, '\'');
	for (i = 0; i < len; i++)
	{
		char		c = s[i];

		switch (c)
		{
			case '\'':
				vb_buf_append(&b, double_quote ? "''" : "\\'");
				break;
			case '\\':
				vb_buf_append(&b, "\\\\");
				break;
			case '\0':
				vb_buf_append(&b, "\\0");
				break;
			case '\n':
				vb_buf_append(&b, "\\n");
				break;
			case '\r':
				vb_buf_append(&b, "\\r");
				break;
			case '\x1a':
				vb_buf_append(&b, "\\Z");
				break;
			default:
				vb_buf_appendc(&b, c);
				break;
		}
	}
	vb_buf_appendc(&b, '\'');
	return b.data;
}
