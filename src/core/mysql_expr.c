/*
 * mysql_expr.c — the canonical form of a MySQL/MariaDB expression (CHECK
 * clauses, generation expressions, index expressions, expression
 * defaults).
 *
 * The servers print one expression differently: MariaDB 10.11 writes
 * `a` > 0 and `b` <> 'x\'y', MySQL 8 ((`a` > 0) and (`b` <> _utf8mb4'x\'y'))
 * with a parenthesis around every operation and a charset introducer on
 * every string, and a user writes A>0 AND b!='x''y'. The text is parsed
 * with MySQL's operator precedence (its grammar: IN, BETWEEN and LIKE bind
 * tighter than comparisons, their operands are bit expressions) into a
 * small tree, and printed back with the fewest parentheses that keep its
 * meaning, one spelling per operator, lower-case keywords and function
 * names, backticks around every identifier and one form for strings. Text
 * whose syntax the parser does not know (it covers what CHECK, generated
 * columns and defaults use) is printed token by token in the same style.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "vb_internal.h"
#include "vb_mysql.h"

/* Precedence of what a node prints as; higher binds tighter. */
enum
{
	P_OR = 1,
	P_XOR,
	P_AND,
	P_NOT,
	P_CMP,						/* = <=> <> < <= > >= IS */
	P_PRED,						/* IN BETWEEN LIKE REGEXP MEMBER OF */
	P_BITOR,
	P_BITAND,
	P_SHIFT,
	P_ADD,
	P_MUL,
	P_BITXOR,
	P_UNARY,					/* - ~ */
	P_COLLATE,					/* COLLATE, BINARY */
	P_JSON,						/* -> ->> */
	P_PRIMARY = 30
};

typedef enum node_kind
{
	N_LITERAL,					/* text */
	N_IDENT,					/* parts: char *, the qualified name */
	N_FUNC,						/* text: name; args: node *, each with
								 * comma_before */
	N_RAW,						/* text printed as is (keywords, types, *) */
	N_UNARY,					/* op, a */
	N_BINARY,					/* op, a, b */
	N_IS,						/* a IS [NOT] text */
	N_IN,						/* a [NOT] IN (args) */
	N_BETWEEN,					/* a [NOT] BETWEEN b AND c */
	N_LIKE,						/* a [NOT] op b [ESCAPE c] */
	N_CASE,						/* a: operand or NULL; args: when, then, ...;
								 * c: else or NULL */
	N_INTERVAL,					/* INTERVAL a text */
	N_COLLATE,					/* a COLLATE text */
	N_ROW						/* (args) */
} node_kind;

typedef struct node
{
	node_kind	kind;
	int			prec;
	const char *op;
	char	   *text;
	vb_list		parts;
	vb_list		args;
	struct node *a;
	struct node *b;
	struct node *c;
	bool		negated;
	bool		comma_before;	/* as an argument: separated by a comma */
} node;

typedef struct parser
{
	vb_arena   *arena;
	vb_list		tokens;
	int			pos;
	const vb_list *columns;
	bool		failed;			/* a syntax this parser does not know */
} parser;

static node *parse_expr(parser *p, int min_prec);

/* ---- tokens ------------------------------------------------------------ */

static vb_mysql_token *
peek_at(parser *p, int ahead)
{
	int			i = p->pos + ahead;

	if (i >= p->tokens.count)
		i = p->tokens.count - 1;
	return p->tokens.items[i];
}

static vb_mysql_token *
peek(parser *p)
{
	return peek_at(p, 0);
}

static vb_mysql_token *
next(parser *p)
{
	vb_mysql_token *t = peek(p);

	if (t->kind != VB_MYTOK_END)
		p->pos++;
	return t;
}

/* Is token t the bare word w (case-insensitive)? */
static bool
is_word(const vb_mysql_token *t, const char *w)
{
	return t->kind == VB_MYTOK_WORD && strcasecmp(t->text, w) == 0;
}

static bool
is_punct(const vb_mysql_token *t, char c)
{
	return t->kind == VB_MYTOK_PUNCT && t->text[0] == c;
}

static bool
is_op(const vb_mysql_token *t, const char *op)
{
	return t->kind == VB_MYTOK_OPERATOR && strcmp(t->text, op) == 0;
}

static bool
accept_word(parser *p, const char *w)
{
	if (!is_word(peek(p), w))
		return false;
	next(p);
	return true;
}

static node *
fail(parser *p)
{
	p->failed = true;
	return NULL;
}


static bool
word_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(w, *list) == 0)
			return true;
	return false;
}

/* Words that end an operand or separate a function's arguments. */
static const char *const arg_keywords[] = {
	"from", "for", "in", "as", "using", "leading", "trailing", "both",
	"distinct", "separator", NULL
};

static const char *const units[] = {
	"microsecond", "second", "minute", "hour", "day", "week", "month", "quarter",
	"year", "second_microsecond", "minute_microsecond", "minute_second",
	"hour_microsecond", "hour_second", "hour_minute", "day_microsecond",
	"day_second", "day_minute", "day_hour", "year_month", NULL
};

/* Keywords that are never a column when written bare. */
static const char *const reserved[] = {
	"and", "or", "xor", "not", "is", "in", "like", "between", "regexp", "rlike",
	"case", "when", "then", "else", "end", "div", "mod", "collate", "binary",
	"interval", "escape", "sounds", "null", "true", "false", "unknown", "from",
	"for", "as", "using", "leading", "trailing", "both", "distinct", "exists",
	"select", "member", NULL
};

/* Functions that may be written without parentheses. */
static const char *const niladic[] = {
	"current_timestamp", "current_date", "current_time", "localtime",
	"localtimestamp", "current_user", "utc_date", "utc_time", "utc_timestamp",
	"current_role", NULL
};

static node *
new_node(parser *p, node_kind kind, int prec)
{
	node	   *n = vb_alloc(p->arena, sizeof(node));

	n->kind = kind;
	n->prec = prec;
	return n;
}

static node *
raw(parser *p, const char *text)
{
	node	   *n = new_node(p, N_RAW, P_PRIMARY);

	n->text = vb_strdup(p->arena, text);
	return n;
}

/* The declared spelling of a column named like `name`, or NULL. */
static const char *
column_spelling(const parser *p, const char *name)
{
	int			i;

	if (p->columns == NULL)
		return NULL;
	for (i = 0; i < p->columns->count; i++)
		if (strcasecmp(p->columns->items[i], name) == 0)
			return p->columns->items[i];
	return NULL;
}

/* ---- literals ------------------------------------------------------------ */

/* A bit literal as the servers print it: hexadecimal, whole bytes. */
static char *
bits_as_hex(vb_arena *arena, const char *bits)
{
	size_t		n = strlen(bits);
	size_t		bytes = n ? (n + 7) / 8 : 1;
	vb_buf		b;
	size_t		i;

	vb_buf_init(&b, arena);
	vb_buf_append(&b, "0x");
	for (i = 0; i < bytes; i++)
	{
		unsigned	v = 0;
		size_t		k;

		for (k = 0; k < 8; k++)
		{
			/* bit k of byte i, counted from the right end */
			size_t		pos = (bytes - 1 - i) * 8 + (7 - k);

			v = (v << 1) | (pos < n && bits[n - 1 - pos] == '1');
		}
		vb_buf_appendf(&b, "%02x", v);
	}
	return b.data;
}

static char *
literal_text(vb_arena *arena, const vb_mysql_token *t)
{
	switch (t->kind)
	{
		case VB_MYTOK_STRING:
			{
				char	   *q = vb_mysql_quote_string(arena, t->text, t->len, false);

				if (t->introducer && strcasecmp(t->introducer, "_binary") == 0)
					return vb_printf(arena, "_binary%s", q);
				return q;
			}
		case VB_MYTOK_NUMBER:
			return vb_mysql_lower(arena, t->text);
		case VB_MYTOK_HEX:
			return vb_printf(arena, "0x%s%s", t->len % 2 ? "0" : "", t->text);
		case VB_MYTOK_BIT:
			return bits_as_hex(arena, t->text);
		default:
			return vb_strdup(arena, t->text);
	}
}

/* ---- primaries ---------------------------------------------------------- */

/* A type after CAST(... AS or CONVERT(..., : words and (n[,m]) until the
 * closing parenthesis of the call. */
static node *
type_phrase(parser *p)
{
	vb_buf		b;
	int			depth = 0;

	vb_buf_init(&b, p->arena);
	for (;;)
	{
		vb_mysql_token *t = peek(p);

		if (t->kind == VB_MYTOK_END)
			return fail(p);
		if (depth == 0 && (is_punct(t, ')') || is_punct(t, ',')))
			break;
		next(p);
		if (is_punct(t, '('))
			depth++;
		else if (is_punct(t, ')'))
			depth--;
		if (b.len > 0 && t->kind != VB_MYTOK_PUNCT && b.data[b.len - 1] != '(')
			vb_buf_appendc(&b, ' ');
		if (t->kind == VB_MYTOK_WORD)
			vb_buf_append(&b, vb_mysql_lower(p->arena, t->text));
		else if (t->kind == VB_MYTOK_IDENT)
			vb_buf_append(&b, vb_mysql_quote_ident(p->arena, t->text));
		else if (t->kind == VB_MYTOK_STRING)
			vb_buf_append(&b, literal_text(p->arena, t));
		else
			vb_buf_append(&b, t->text);
	}
	if (b.len == 0)
		return fail(p);
	return raw(p, b.data);
}

/* A function's arguments after its "(": expressions separated by commas
 * or by keywords (TRIM(LEADING 'x' FROM a), CAST(a AS char(3))). */
static bool
parse_args(parser *p, const char *fname, node *fn)
{
	bool		comma = false;

	if (is_punct(peek(p), ')'))
	{
		next(p);
		return true;
	}
	for (;;)
	{
		vb_mysql_token *t = peek(p);
		node	   *item;

		if (t->kind == VB_MYTOK_WORD && word_in(t->text, arg_keywords) &&
			!column_spelling(p, t->text))
		{
			bool		type_follows = is_word(t, "as") || is_word(t, "using");

			next(p);
			item = raw(p, vb_mysql_lower(p->arena, t->text));
			item->comma_before = false;
			vb_list_push(p->arena, &fn->args, item);
			if (type_follows)
			{
				item = type_phrase(p);
				if (item == NULL)
					return false;
				vb_list_push(p->arena, &fn->args, item);
			}
			comma = false;
			if (is_punct(peek(p), ')'))
			{
				next(p);
				return true;
			}
			continue;
		}
		else if (is_op(t, "*"))
		{
			next(p);
			item = raw(p, "*");
			item->comma_before = comma;
			vb_list_push(p->arena, &fn->args, item);
		}
		else
		{
			if (strcmp(fname, "convert") == 0 && comma)
				item = type_phrase(p);
			else
				item = parse_expr(p, 1);
			if (item == NULL)
				return false;
			item->comma_before = comma;
			vb_list_push(p->arena, &fn->args, item);
		}
		comma = false;
		t = peek(p);
		if (is_punct(t, ','))
		{
			next(p);
			comma = true;
			continue;
		}
		if (is_punct(t, ')'))
		{
			next(p);
			return true;
		}
		if (t->kind == VB_MYTOK_WORD && word_in(t->text, arg_keywords))
			continue;
		fail(p);
		return false;
	}
}

static node *
parse_case(parser *p)
{
	node	   *n = new_node(p, N_CASE, P_PRIMARY);

	if (!is_word(peek(p), "when"))
	{
		n->a = parse_expr(p, 1);
		if (n->a == NULL)
			return NULL;
	}
	while (accept_word(p, "when"))
	{
		node	   *w = parse_expr(p, 1);
		node	   *t;

		if (w == NULL || !accept_word(p, "then"))
			return fail(p);
		t = parse_expr(p, 1);
		if (t == NULL)
			return NULL;
		vb_list_push(p->arena, &n->args, w);
		vb_list_push(p->arena, &n->args, t);
	}
	if (n->args.count == 0)
		return fail(p);
	if (accept_word(p, "else"))
	{
		n->c = parse_expr(p, 1);
		if (n->c == NULL)
			return NULL;
	}
	if (!accept_word(p, "end"))
		return fail(p);
	return n;
}

static node *
parse_interval(parser *p)
{
	node	   *n = new_node(p, N_INTERVAL, P_PRIMARY);
	vb_mysql_token *u;

	n->a = parse_expr(p, 1);
	if (n->a == NULL)
		return NULL;
	u = next(p);
	if (u->kind != VB_MYTOK_WORD || !word_in(u->text, units))
		return fail(p);
	n->text = vb_mysql_lower(p->arena, u->text);
	return n;
}

/* NOT of a value that is no condition (a column, a function, a number) is
 * "= 0", and NOT of IN, BETWEEN, LIKE, REGEXP or IS the negated predicate,
 * as MariaDB stores them. */
static node *
not_of(parser *p, node *n)
{
	node	   *eq;
	node	   *zero;

	if (n == NULL)
		return n;
	if (n->a->kind == N_IN || n->a->kind == N_BETWEEN || n->a->kind == N_LIKE || n->a->kind == N_IS)
	{
		n->a->negated = !n->a->negated;
		return n->a;
	}
	if (n->a->kind == N_BINARY && n->a->prec == P_CMP && strcmp(n->a->op, "<=>") != 0)
	{
		static const char *const inverse[][2] = {
			{"=", "<>"}, {"<>", "="}, {"<", ">="}, {">=", "<"}, {">", "<="}, {"<=", ">"}
		};
		size_t		i;

		for (i = 0; i < sizeof(inverse) / sizeof(inverse[0]); i++)
			if (strcmp(n->a->op, inverse[i][0]) == 0)
			{
				n->a->op = inverse[i][1];
				return n->a;
			}
	}
	if (!(n->a->kind == N_IDENT || n->a->kind == N_FUNC || n->a->kind == N_LITERAL))
		return n;
	zero = new_node(p, N_LITERAL, P_PRIMARY);
	zero->text = "0";
	eq = new_node(p, N_BINARY, P_CMP);
	eq->op = "=";
	eq->a = n->a;
	eq->b = zero;
	return eq;
}

static node *
parse_unary(parser *p, const char *op, int operand_prec, int prec)
{
	node	   *n = new_node(p, N_UNARY, prec);

	n->op = op;
	n->a = parse_expr(p, operand_prec);
	return n->a ? n : NULL;
}

/* A parenthesised expression or a row constructor. */
static node *
parse_paren(parser *p)
{
	node	   *first;
	node	   *row;

	if (is_word(peek(p), "select") || is_word(peek(p), "with"))
		return fail(p);
	first = parse_expr(p, 1);
	if (first == NULL)
		return NULL;
	if (is_punct(peek(p), ')'))
	{
		next(p);
		return first;
	}
	if (!is_punct(peek(p), ','))
		return fail(p);
	row = new_node(p, N_ROW, P_PRIMARY);
	vb_list_push(p->arena, &row->args, first);
	while (is_punct(peek(p), ','))
	{
		node	   *e;

		next(p);
		e = parse_expr(p, 1);
		if (e == NULL)
			return NULL;
		e->comma_before = true;
		vb_list_push(p->arena, &row->args, e);
	}
	if (!is_punct(next(p), ')'))
		return fail(p);
	return row;
}

/*
 * One spelling per function, where the servers print a synonym their own
 * way (MariaDB stores length() as octet_length(), mid() as substr(),
 * POSITION(a IN b) as locate(a,b), SUBSTRING(a FROM 2 FOR 3) as
 * substr(a,2,3); MySQL 8 prints ucase() as upper()). A CAST to CHAR
 * drops the utf8mb3/utf8mb4 charset MariaDB adds from the connection.
 */
static node *
normal_function(parser *p, node *n)
{
	static const char *const synonyms[][2] = {
		{"octet_length", "length"}, {"mid", "substr"}, {"substring", "substr"},
		{"character_length", "char_length"}, {"power", "pow"}, {"ceil", "ceiling"},
		{"ucase", "upper"}, {"lcase", "lower"}, {"position", "locate"},
		{"current_timestamp", "current_timestamp"}, {"now", "current_timestamp"},
		{"localtime", "current_timestamp"}, {"localtimestamp", "current_timestamp"},
		{"curdate", "current_date"}, {"curtime", "current_time"}
	};
	size_t		i;
	int			j;

	for (i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]); i++)
		if (strcmp(n->text, synonyms[i][0]) == 0)
			n->text = (char *) synonyms[i][1];
	/* FROM, FOR and IN between the arguments of substr and locate: commas */
	if (strcmp(n->text, "substr") == 0 || strcmp(n->text, "locate") == 0)
	{
		vb_list		args;

		memset(&args, 0, sizeof(args));
		for (j = 0; j < n->args.count; j++)
		{
			node	   *a = n->args.items[j];

			if (a->kind == N_RAW && (strcmp(a->text, "from") == 0 || strcmp(a->text, "for") == 0 ||
									 strcmp(a->text, "in") == 0))
				continue;
			a->comma_before = args.count > 0;
			vb_list_push(p->arena, &args, a);
		}
		n->args = args;
	}
	if (strcmp(n->text, "cast") == 0 && n->args.count == 3)
	{
		node	   *t = n->args.items[2];
		size_t		len = strlen(t->text);
		size_t		cut = strlen(" charset utf8mb4");

		if (t->kind == N_RAW && len > cut && strncmp(t->text, "char", 4) == 0 &&
			(strcmp(t->text + len - cut, " charset utf8mb4") == 0 ||
			 strcmp(t->text + len - cut, " charset utf8mb3") == 0))
			t->text = vb_strndup(p->arena, t->text, len - cut);
	}
	return n;
}

/* A name: a column (qualified or not), a function call, a niladic
 * function, or a keyword that starts an expression. */
static node *
parse_name(parser *p, vb_mysql_token *t)
{
	node	   *n;

	if (t->kind == VB_MYTOK_WORD && is_punct(peek(p), '(') && !column_spelling(p, t->text))
	{
		char	   *fname = vb_mysql_lower(p->arena, t->text);

		next(p);
		n = new_node(p, N_FUNC, P_PRIMARY);
		n->text = fname;
		if (!parse_args(p, fname, n))
			return NULL;
		return normal_function(p, n);
	}
	if (t->kind == VB_MYTOK_IDENT && is_punct(peek(p), '('))
	{
		/* a quoted function name: a stored function */
		next(p);
		n = new_node(p, N_FUNC, P_PRIMARY);
		n->text = vb_mysql_quote_ident(p->arena, t->text);
		if (!parse_args(p, "", n))
			return NULL;
		return n;
	}
	if (t->kind == VB_MYTOK_WORD && word_in(t->text, niladic) && !column_spelling(p, t->text))
	{
		n = new_node(p, N_FUNC, P_PRIMARY);
		n->text = vb_mysql_lower(p->arena, t->text);
		return normal_function(p, n);
	}
	if (t->kind == VB_MYTOK_WORD && word_in(t->text, reserved))
		return fail(p);
	n = new_node(p, N_IDENT, P_PRIMARY);
	{
		const char *spelled = t->kind == VB_MYTOK_WORD ? column_spelling(p, t->text) : NULL;

		vb_list_push(p->arena, &n->parts, vb_strdup(p->arena, spelled ? spelled : t->text));
	}
	while (is_punct(peek(p), '.') &&
		   (peek_at(p, 1)->kind == VB_MYTOK_WORD || peek_at(p, 1)->kind == VB_MYTOK_IDENT))
	{
		next(p);
		vb_list_push(p->arena, &n->parts, vb_strdup(p->arena, next(p)->text));
	}
	return n;
}

static node *
parse_primary(parser *p)
{
	vb_mysql_token *t = next(p);
	node	   *n;

	switch (t->kind)
	{
		case VB_MYTOK_STRING:
		case VB_MYTOK_NUMBER:
		case VB_MYTOK_HEX:
		case VB_MYTOK_BIT:
			n = new_node(p, N_LITERAL, P_PRIMARY);
			n->text = literal_text(p->arena, t);
			return n;
		case VB_MYTOK_VARIABLE:
			return raw(p, t->text);
		case VB_MYTOK_PUNCT:
			if (is_punct(t, '('))
				return parse_paren(p);
			return fail(p);
		case VB_MYTOK_OPERATOR:
			if (is_op(t, "-"))
				return parse_unary(p, "-", P_UNARY, P_UNARY);
			if (is_op(t, "~"))
				return parse_unary(p, "~", P_UNARY, P_UNARY);
			if (is_op(t, "+"))
				return parse_expr(p, P_UNARY);
			if (is_op(t, "!"))
				return not_of(p, parse_unary(p, "not", P_UNARY, P_NOT));
			return fail(p);
		case VB_MYTOK_IDENT:
			return parse_name(p, t);
		case VB_MYTOK_WORD:
			if (is_word(t, "null") || is_word(t, "true") || is_word(t, "false"))
			{
				/* TRUE and FALSE are 1 and 0, as the servers store them */
				n = new_node(p, N_LITERAL, P_PRIMARY);
				n->text = is_word(t, "null") ? "null" : is_word(t, "true") ? "1" : "0";
				return n;
			}
			if (is_word(t, "not"))
				return not_of(p, parse_unary(p, "not", P_NOT, P_NOT));
			if (is_word(t, "binary") && !is_punct(peek(p), '('))
				return parse_unary(p, "binary", P_COLLATE, P_COLLATE);
			if (is_word(t, "case"))
				return parse_case(p);
			if (is_word(t, "interval"))
				return parse_interval(p);
			if ((is_word(t, "date") || is_word(t, "time") || is_word(t, "timestamp")) &&
				peek(p)->kind == VB_MYTOK_STRING && !column_spelling(p, t->text))
			{
				n = new_node(p, N_LITERAL, P_PRIMARY);
				n->text = vb_printf(p->arena, "%s %s", vb_mysql_lower(p->arena, t->text),
									literal_text(p->arena, next(p)));
				return n;
			}
			if (word_in(t->text, units) && !column_spelling(p, t->text) &&
				(is_word(peek(p), "from") || is_punct(peek(p), ',')))
				return raw(p, vb_mysql_lower(p->arena, t->text));	/* EXTRACT(YEAR FROM d) */
			return parse_name(p, t);
		default:
			return fail(p);
	}
}

/* ---- operators ------------------------------------------------------------ */

typedef struct binop
{
	const char *token;			/* operator or word, as written */
	const char *print;			/* canonical spelling */
	int			prec;
} binop;

static const binop binops[] = {
	{"or", "or", P_OR}, {"||", "or", P_OR}, {"xor", "xor", P_XOR},
	{"and", "and", P_AND}, {"&&", "and", P_AND},
	{"=", "=", P_CMP}, {"<=>", "<=>", P_CMP}, {"<>", "<>", P_CMP}, {"!=", "<>", P_CMP},
	{"<", "<", P_CMP}, {"<=", "<=", P_CMP}, {">", ">", P_CMP}, {">=", ">=", P_CMP},
	{"|", "|", P_BITOR}, {"&", "&", P_BITAND}, {"<<", "<<", P_SHIFT}, {">>", ">>", P_SHIFT},
	{"+", "+", P_ADD}, {"-", "-", P_ADD},
	{"*", "*", P_MUL}, {"/", "/", P_MUL}, {"div", "div", P_MUL}, {"%", "%", P_MUL},
	{"mod", "%", P_MUL}, {"^", "^", P_BITXOR},
	{"->", "->", P_JSON}, {"->>", "->>", P_JSON},
	{NULL, NULL, 0}
};

static const binop *
find_binop(const vb_mysql_token *t)
{
	const binop *b;

	if (t->kind != VB_MYTOK_OPERATOR && t->kind != VB_MYTOK_WORD)
		return NULL;
	for (b = binops; b->token; b++)
	{
		if (t->kind == VB_MYTOK_OPERATOR && strcmp(t->text, b->token) == 0)
			return b;
		if (t->kind == VB_MYTOK_WORD && isalpha((unsigned char) b->token[0]) &&
			strcasecmp(t->text, b->token) == 0)
			return b;
	}
	return NULL;
}

/* IN (...) after its left operand and optional NOT. */
static node *
parse_in(parser *p, node *left, bool negated)
{
	node	   *n = new_node(p, N_IN, P_PRED);

	n->a = left;
	n->negated = negated;
	if (!is_punct(next(p), '('))
		return fail(p);
	if (is_word(peek(p), "select") || is_word(peek(p), "with"))
		return fail(p);
	for (;;)
	{
		node	   *e = parse_expr(p, 1);

		if (e == NULL)
			return NULL;
		e->comma_before = n->args.count > 0;
		vb_list_push(p->arena, &n->args, e);
		if (is_punct(peek(p), ','))
		{
			next(p);
			continue;
		}
		if (!is_punct(next(p), ')'))
			return fail(p);
		if (n->args.count == 1)
		{
			/* a IN (x) is a = x, as MariaDB stores it */
			node	   *eq = new_node(p, N_BINARY, P_CMP);

			eq->op = negated ? "<>" : "=";
			eq->a = left;
			eq->b = n->args.items[0];
			return eq;
		}
		return n;
	}
}

/*
 * A predicate after its left operand: [NOT] IN / BETWEEN / LIKE / REGEXP,
 * SOUNDS LIKE, MEMBER OF. Returns NULL with p->failed unset when the next
 * tokens are none of these.
 */
static node *
parse_predicate(parser *p, node *left)
{
	int			save = p->pos;
	bool		negated = accept_word(p, "not");
	vb_mysql_token *t = peek(p);
	node	   *n;

	if (is_word(t, "in") && is_punct(peek_at(p, 1), '('))
	{
		next(p);
		return parse_in(p, left, negated);
	}
	if (is_word(t, "between"))
	{
		next(p);
		n = new_node(p, N_BETWEEN, P_PRED);
		n->a = left;
		n->negated = negated;
		n->b = parse_expr(p, P_BITOR);
		if (n->b == NULL || !accept_word(p, "and"))
			return fail(p);
		n->c = parse_expr(p, P_PRED);
		return n->c ? n : NULL;
	}
	if (is_word(t, "like") || is_word(t, "regexp") || is_word(t, "rlike") ||
		(!negated && is_word(t, "sounds") && is_word(peek_at(p, 1), "like")))
	{
		n = new_node(p, N_LIKE, P_PRED);
		n->op = is_word(t, "like") ? "like" : is_word(t, "sounds") ? "sounds like" : "regexp";
		if (is_word(t, "sounds"))
			next(p);
		next(p);
		n->a = left;
		n->negated = negated;
		n->b = parse_expr(p, P_BITOR);
		if (n->b == NULL)
			return NULL;
		if (accept_word(p, "escape"))
		{
			n->c = parse_expr(p, P_BITOR);
			if (n->c == NULL)
				return NULL;
		}
		return n;
	}
	if (!negated && is_word(t, "member") && is_word(peek_at(p, 1), "of"))
	{
		next(p);
		next(p);
		n = new_node(p, N_BINARY, P_PRED);
		n->op = "member of";
		n->a = left;
		n->b = parse_expr(p, P_PRIMARY);
		return n->b ? n : NULL;
	}
	p->pos = save;
	return NULL;
}

static node *
parse_expr(parser *p, int min_prec)
{
	node	   *left = parse_primary(p);

	while (left != NULL && !p->failed)
	{
		vb_mysql_token *t = peek(p);
		const binop *b;
		node	   *n;

		if (P_PRED >= min_prec && (is_word(t, "not") || is_word(t, "in") || is_word(t, "between") ||
								   is_word(t, "like") || is_word(t, "regexp") || is_word(t, "rlike") ||
								   is_word(t, "sounds") || is_word(t, "member")))
		{
			n = parse_predicate(p, left);
			if (n == NULL)
			{
				if (p->failed)
					return NULL;
				break;
			}
			left = n;
			continue;
		}
		if (is_word(t, "is") && P_CMP >= min_prec)
		{
			vb_mysql_token *v;

			next(p);
			n = new_node(p, N_IS, P_CMP);
			n->a = left;
			n->negated = accept_word(p, "not");
			v = next(p);
			if (!(is_word(v, "null") || is_word(v, "true") || is_word(v, "false") ||
				  is_word(v, "unknown")))
				return fail(p);
			n->text = vb_mysql_lower(p->arena, v->text);
			left = n;
			continue;
		}
		if (is_word(t, "collate") && P_COLLATE >= min_prec)
		{
			vb_mysql_token *c;

			next(p);
			c = next(p);
			if (c->kind != VB_MYTOK_WORD && c->kind != VB_MYTOK_IDENT && c->kind != VB_MYTOK_STRING)
				return fail(p);
			n = new_node(p, N_COLLATE, P_COLLATE);
			n->a = left;
			n->text = vb_mysql_lower(p->arena, c->text);
			left = n;
			continue;
		}
		b = find_binop(t);
		if (b == NULL || b->prec < min_prec)
			break;
		next(p);
		n = new_node(p, N_BINARY, b->prec);
		n->op = b->print;
		n->a = left;
		n->b = parse_expr(p, b->prec == P_CMP ? P_PRED : b->prec + 1);
		if (n->b == NULL)
			return NULL;
		left = n;
	}
	return p->failed ? NULL : left;
}

/* ---- printing ------------------------------------------------------------ */

static void print_node(vb_buf *b, const node *n, int min_prec);

static void
print_list(vb_buf *b, const vb_list *items)
{
	int			i;

	for (i = 0; i < items->count; i++)
	{
		const node *it = items->items[i];

		if (i > 0)
			vb_buf_append(b, it->comma_before ? "," : " ");
		print_node(b, it, 1);
	}
}

/* The right operand of AND/OR/XOR may be the same operator unparenthesised:
 * a and (b and c) means a and b and c. */
static int
right_prec(const node *n)
{
	if (n->b->kind == N_BINARY && n->b->op == n->op &&
		(n->prec == P_AND || n->prec == P_OR || n->prec == P_XOR))
		return n->prec;
	return n->prec + 1;
}

static void
print_inner(vb_buf *b, const node *n)
{
	int			i;

	switch (n->kind)
	{
		case N_LITERAL:
		case N_RAW:
			vb_buf_append(b, n->text);
			break;
		case N_IDENT:
			for (i = 0; i < n->parts.count; i++)
			{
				if (i > 0)
					vb_buf_appendc(b, '.');
				vb_buf_append(b, vb_mysql_quote_ident(b->arena, n->parts.items[i]));
			}
			break;
		case N_FUNC:
			vb_buf_append(b, n->text);
			vb_buf_appendc(b, '(');
			print_list(b, &n->args);
			vb_buf_appendc(b, ')');
			break;
		case N_ROW:
			vb_buf_appendc(b, '(');
			print_list(b, &n->args);
			vb_buf_appendc(b, ')');
			break;
		case N_UNARY:
			vb_buf_append(b, n->op);
			if (isalpha((unsigned char) n->op[0]))
				vb_buf_appendc(b, ' ');
			/* "- -1" would read as a comment: parenthesise nested signs */
			print_node(b, n->a, n->a->kind == N_UNARY ? P_PRIMARY : n->prec);
			break;
		case N_BINARY:
			print_node(b, n->a, n->prec);
			vb_buf_appendf(b, " %s ", n->op);
			print_node(b, n->b, right_prec(n));
			break;
		case N_IS:
			print_node(b, n->a, P_CMP);
			vb_buf_appendf(b, " is %s%s", n->negated ? "not " : "", n->text);
			break;
		case N_IN:
			print_node(b, n->a, P_BITOR);
			vb_buf_appendf(b, " %sin (", n->negated ? "not " : "");
			print_list(b, &n->args);
			vb_buf_appendc(b, ')');
			break;
		case N_BETWEEN:
			print_node(b, n->a, P_BITOR);
			vb_buf_appendf(b, " %sbetween ", n->negated ? "not " : "");
			print_node(b, n->b, P_BITOR);
			vb_buf_append(b, " and ");
			print_node(b, n->c, P_PRED);
			break;
		case N_LIKE:
			print_node(b, n->a, P_BITOR);
			vb_buf_appendf(b, " %s%s ", n->negated ? "not " : "", n->op);
			print_node(b, n->b, P_BITOR);
			if (n->c)
			{
				vb_buf_append(b, " escape ");
				print_node(b, n->c, P_BITOR);
			}
			break;
		case N_CASE:
			vb_buf_append(b, "case");
			if (n->a)
			{
				vb_buf_appendc(b, ' ');
				print_node(b, n->a, 1);
			}
			for (i = 0; i + 1 < n->args.count; i += 2)
			{
				vb_buf_append(b, " when ");
				print_node(b, n->args.items[i], 1);
				vb_buf_append(b, " then ");
				print_node(b, n->args.items[i + 1], 1);
			}
			if (n->c)
			{
				vb_buf_append(b, " else ");
				print_node(b, n->c, 1);
			}
			vb_buf_append(b, " end");
			break;
		case N_INTERVAL:
			vb_buf_append(b, "interval ");
			print_node(b, n->a, 1);
			vb_buf_appendf(b, " %s", n->text);
			break;
		case N_COLLATE:
			print_node(b, n->a, P_COLLATE);
			vb_buf_appendf(b, " collate %s", n->text);
			break;
	}
}

static void
print_node(vb_buf *b, const node *n, int min_prec)
{
	bool		paren = n->prec < min_prec;

	if (paren)
		vb_buf_appendc(b, '(');
	print_inner(b, n);
	if (paren)
		vb_buf_appendc(b, ')');
}

/* ---- the token-by-token form, for what the parser does not know --------- */

static char *
token_form(parser *p)
{
	vb_arena   *arena = p->arena;
	const vb_list *tokens = &p->tokens;
	vb_buf		b;
	int			i;
	const vb_mysql_token *prev = NULL;

	vb_buf_init(&b, arena);
	for (i = 0; i < tokens->count; i++)
	{
		const vb_mysql_token *t = tokens->items[i];

		if (t->kind == VB_MYTOK_END)
			break;
		if (prev != NULL && !is_punct(t, ')') && !is_punct(t, ',') && !is_punct(t, '.') &&
			!is_punct(prev, '(') && !is_punct(prev, '.') &&
			!(is_punct(t, '(') && (prev->kind == VB_MYTOK_WORD || prev->kind == VB_MYTOK_IDENT)))
			vb_buf_appendc(&b, ' ');
		if (t->kind == VB_MYTOK_WORD && column_spelling(p, t->text))
			vb_buf_append(&b, vb_mysql_quote_ident(arena, column_spelling(p, t->text)));
		else if (t->kind == VB_MYTOK_WORD)
			vb_buf_append(&b, vb_mysql_lower(arena, t->text));
		else if (t->kind == VB_MYTOK_IDENT)
			vb_buf_append(&b, vb_mysql_quote_ident(arena, t->text));
		else
			vb_buf_append(&b, literal_text(arena, t));
		prev = t;
	}
	return b.data;
}

/* No statement separator, parentheses balanced: whatever else the text
 * is, it cannot end the statement it is written into. */
static bool
one_expression(const vb_list *tokens)
{
	int			depth = 0;
	int			i;

	for (i = 0; i < tokens->count; i++)
	{
		const vb_mysql_token *t = tokens->items[i];

		if (is_punct(t, ';'))
			return false;
		if (is_punct(t, '('))
			depth++;
		else if (is_punct(t, ')') && --depth < 0)
			return false;
	}
	return depth == 0;
}

bool
vb_mysql_canonical_expr(vb_arena *arena, const char *text, unsigned flags,
						const vb_list *columns, const char *what, char **out,
						vb_error *err)
{
	parser		p;
	node	   *n;
	vb_buf		b;

	memset(&p, 0, sizeof(p));
	p.arena = arena;
	p.columns = columns;
	if (!vb_mysql_tokenize(arena, text, flags, &p.tokens, err))
	{
		err->path = what ? vb_strdup(arena, what) : NULL;
		if (what)
			err->message = vb_printf(arena, "%s: %s", what, err->message);
		return false;
	}
	if (p.tokens.count == 1)
		return vb_fail(err, arena, VB_ERR_INVALID, what, "%s must not be empty",
					   what ? what : "the expression");
	if (!one_expression(&p.tokens))
		return vb_fail(err, arena, VB_ERR_INVALID, what,
					   "%s must be one SQL expression, not \"%s\"", what ? what : "the text", text);
	n = parse_expr(&p, 1);
	if (n == NULL || peek(&p)->kind != VB_MYTOK_END)
	{
		*out = token_form(&p);
		return true;
	}
	vb_buf_init(&b, arena);
	print_node(&b, n, 1);
	*out = b.data;
	return true;
}
