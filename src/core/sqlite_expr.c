/*
 * sqlite_expr.c — SQLite expressions: a recursive-descent parser that
 * follows parse.y's grammar and operator precedence, and a printer that
 * gives every expression one canonical text (see vb_sqlite.h and
 * docs/sqlite.md). Also the canonical forms of declared types, collation
 * names and column defaults.
 *
 * The tree is built as SQLite builds it, so that texts SQLite reads as the
 * same tree print the same: parentheses are dropped; "x NOT LIKE y" is
 * NOT(x LIKE y), as it is in SQLite, and so is "NOT x LIKE y"; IS [NOT]
 * DISTINCT FROM is IS [NOT]; IS NULL, ISNULL and NOT NULL are one node;
 * == is =, != is <>; a unary + on a literal is the literal; "- +x" is "-x"
 * (parse.y merges them). The printer puts parentheses only where the
 * precedence needs them, and writes a chain of AND (or OR) flat, since
 * they are associative.
 */
#include <string.h>

#include "sqlite_parse.h"

/* Precedence levels, lowest first (parse.y's %left/%right lines). */
enum
{
	P_NONE = 0,
	P_OR,
	P_AND,
	P_NOT,
	P_EQ,						/* = <> IS LIKE BETWEEN IN ISNULL NOTNULL */
	P_CMP,						/* < > <= >= */
	P_ESCAPE,
	P_BIT,						/* & | << >> */
	P_ADD,						/* + - */
	P_MUL,						/* * / % */
	P_CONCAT,					/* || -> ->> */
	P_COLLATE,
	P_UNARY,					/* - + ~ */
	P_PRIMARY
};

/* ---- the token cursor -------------------------------------------------- */

bool
vb_sqp_init(vb_sqp *p, vb_arena *arena, const char *text, vb_error *err)
{
	vb_list		toks;

	memset(p, 0, sizeof(*p));
	memset(&toks, 0, sizeof(toks));
	p->arena = arena;
	p->err = err;
	p->text = text;
	if (!vb_sqlite_tokenize(arena, text, &toks, err))
		return false;
	p->tok = (vb_sqlite_token **) toks.items;
	return true;
}

const vb_sqlite_token *
vb_sqp_peek(const vb_sqp *p, int ahead)
{
	int			i;

	for (i = p->pos; ahead > 0 && p->tok[i]->kind != VB_SQT_END; ahead--)
		i++;
	return p->tok[i];
}

const vb_sqlite_token *
vb_sqp_next(vb_sqp *p)
{
	const vb_sqlite_token *t = p->tok[p->pos];

	if (t->kind != VB_SQT_END)
		p->pos++;
	return t;
}

bool
vb_sqp_is_word(const vb_sqp *p, int ahead, const char *word)
{
	return vb_sqlite_token_is(vb_sqp_peek(p, ahead), word);
}

bool
vb_sqp_is_punct(const vb_sqp *p, int ahead, const char *punct)
{
	const vb_sqlite_token *t = vb_sqp_peek(p, ahead);

	return t->kind == VB_SQT_PUNCT && t->len == strlen(punct) &&
		strncmp(t->start, punct, t->len) == 0;
}

bool
vb_sqp_accept_word(vb_sqp *p, const char *word)
{
	if (!vb_sqp_is_word(p, 0, word))
		return false;
	vb_sqp_next(p);
	return true;
}

bool
vb_sqp_accept_punct(vb_sqp *p, const char *punct)
{
	if (!vb_sqp_is_punct(p, 0, punct))
		return false;
	vb_sqp_next(p);
	return true;
}

bool
vb_sqp_fail(vb_sqp *p, const char *expected)
{
	const vb_sqlite_token *t = vb_sqp_peek(p, 0);
	char	   *where = vb_sqlite_position(p->arena, p->text, t->offset);

	if (t->kind == VB_SQT_END)
		return vb_fail(p->err, p->arena, VB_ERR_INVALID, NULL,
					   "syntax error at the end of the text (%s): expected %s", where, expected);
	return vb_fail(p->err, p->arena, VB_ERR_INVALID, NULL,
				   "syntax error near \"%.*s\" at %s: expected %s",
				   (int) (t->len > 40 ? 40 : t->len), t->start, where, expected);
}

bool
vb_sqp_expect_word(vb_sqp *p, const char *word)
{
	return vb_sqp_accept_word(p, word) || vb_sqp_fail(p, word);
}

bool
vb_sqp_expect_punct(vb_sqp *p, const char *punct)
{
	if (vb_sqp_accept_punct(p, punct))
		return true;
	return vb_sqp_fail(p, vb_printf(p->arena, "\"%s\"", punct));
}

bool
vb_sqp_word_is_name(const vb_sqlite_token *t)
{
	return t->kind == VB_SQT_WORD && !vb_sqlite_is_reserved(t->start, t->len);
}

bool
vb_sqp_name(vb_sqp *p, const char *what, char **out)
{
	const vb_sqlite_token *t = vb_sqp_peek(p, 0);

	if (!vb_sqp_word_is_name(t) && t->kind != VB_SQT_QUOTED && t->kind != VB_SQT_STRING)
		return vb_sqp_fail(p, what);
	*out = vb_sqlite_token_value(p->arena, vb_sqp_next(p));
	return true;
}

char *
vb_sqp_span(const vb_sqp *p, int from, int to)
{
	const vb_sqlite_token *a = p->tok[from];
	const vb_sqlite_token *b = p->tok[to];

	return vb_strndup(p->arena, a->start, (size_t) (b->start + b->len - a->start));
}

/* ---- canonical spellings of single tokens ------------------------------ */

/* Numbers as written, letters in one case: 0x hex lower-case, e for the
 * exponent. 1.0, 1e3 and 1000 stay three different texts. */
static char *
number_text(vb_arena *arena, const vb_sqlite_token *t)
{
	char	   *s = vb_strndup(arena, t->start, t->len);
	char	   *c;
	bool		hex = t->len > 1 && (s[1] == 'x' || s[1] == 'X');

	if (hex)
		return vb_sqlite_lower(arena, s);
	for (c = s; *c; c++)
		if (*c == 'E')
			*c = 'e';
	return s;
}

/* X'0aff' -> X'0AFF' */
static char *
blob_text(vb_arena *arena, const vb_sqlite_token *t)
{
	return vb_sqlite_upper(arena, t->start, t->len);
}

static bool
is_simple_name(const char *s)
{
	const char *c;

	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return false;
	for (c = s; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			  (*c >= '0' && *c <= '9') || *c == '_'))
			return false;
	return true;
}

/* One token of a group kept as tokens (a sub-select, a window). */
static char *
group_token_text(vb_arena *arena, const vb_sqlite_token *t)
{
	char	   *v;

	switch (t->kind)
	{
		case VB_SQT_WORD:
			if (vb_sqlite_is_keyword(t->start, t->len) ||
				vb_sqlite_token_is(t, "TRUE") || vb_sqlite_token_is(t, "FALSE"))
				return vb_sqlite_upper(arena, t->start, t->len);
			return vb_strndup(arena, t->start, t->len);
		case VB_SQT_QUOTED:
			v = vb_sqlite_token_value(arena, t);
			/* "x" may be a string (SQLite's double-quoted string
			 * misfeature): it keeps its double quotes */
			if (t->start[0] == '"')
				return vb_sqlite_double_quoted(arena, v);
			return vb_sqlite_quote_ident(arena, v);
		case VB_SQT_INTEGER:
		case VB_SQT_FLOAT:
			return number_text(arena, t);
		case VB_SQT_BLOB:
			return blob_text(arena, t);
		case VB_SQT_PUNCT:
			if (t->len == 2 && strncmp(t->start, "==", 2) == 0)
				return vb_strdup(arena, "=");
			if (t->len == 2 && strncmp(t->start, "!=", 2) == 0)
				return vb_strdup(arena, "<>");
			return vb_strndup(arena, t->start, t->len);
		default:
			return vb_strndup(arena, t->start, t->len);
	}
}

/* Whether the printed group puts a space between tokens a and b. */
static bool
group_space(const vb_sqlite_token *a, const vb_sqlite_token *b)
{
	bool		a_open = a->kind == VB_SQT_PUNCT && a->start[0] == '(';
	bool		a_dot = a->kind == VB_SQT_PUNCT && a->start[0] == '.' && a->len == 1;
	bool		b_punct = b->kind == VB_SQT_PUNCT && b->len == 1;

	if (a_open || a_dot)
		return false;
	if (b_punct && (b->start[0] == ')' || b->start[0] == ',' || b->start[0] == '.'))
		return false;
	/* a call: a name (not a keyword) right before '(' */
	if (b_punct && b->start[0] == '(' &&
		((a->kind == VB_SQT_WORD && !vb_sqlite_is_keyword(a->start, a->len)) ||
		 a->kind == VB_SQT_QUOTED))
		return false;
	return true;
}

bool
vb_sqp_token_group(vb_sqp *p, char **out)
{
	vb_buf		buf;
	int			depth = 0;
	const vb_sqlite_token *prev = NULL;

	vb_buf_init(&buf, p->arena);
	for (;;)
	{
		const vb_sqlite_token *t = vb_sqp_peek(p, 0);

		if (t->kind == VB_SQT_END)
			return vb_sqp_fail(p, "\")\"");
		if (t->kind == VB_SQT_PUNCT && t->start[0] == ')' && depth == 0)
			break;
		if (t->kind == VB_SQT_PUNCT && t->start[0] == '(')
			depth++;
		else if (t->kind == VB_SQT_PUNCT && t->start[0] == ')')
			depth--;
		if (prev && group_space(prev, t))
			vb_buf_appendc(&buf, ' ');
		vb_buf_append(&buf, group_token_text(p->arena, t));
		prev = vb_sqp_next(p);
	}
	if (prev == NULL)
		return vb_sqp_fail(p, "a statement");
	*out = buf.data;
	return true;
}

/* ---- nodes -------------------------------------------------------------- */

static vb_sqlite_expr *
new_node(vb_sqp *p, vb_sqlite_expr_kind kind, size_t offset)
{
	vb_sqlite_expr *e = vb_alloc(p->arena, sizeof(vb_sqlite_expr));

	e->kind = kind;
	e->offset = offset;
	e->height = 1;
	return e;
}

vb_sqlite_expr *
vb_sqe_literal(vb_sqp *p, const char *text, size_t offset)
{
	vb_sqlite_expr *e = new_node(p, VB_SQE_LITERAL, offset);

	e->text = vb_strdup(p->arena, text);
	return e;
}

static int
height_of(const vb_sqlite_expr *e)
{
	return e ? e->height : 0;
}

/* Set the height from the children; a tree deeper than SQLite allows is
 * an error, as it is in SQLite (and keeps every walk's recursion bounded). */
static bool
finish_node(vb_sqp *p, vb_sqlite_expr *e)
{
	int			h = height_of(e->a);
	int			i;

	if (height_of(e->b) > h)
		h = height_of(e->b);
	if (height_of(e->c) > h)
		h = height_of(e->c);
	for (i = 0; i < e->list.count; i++)
		if (height_of(e->list.items[i]) > h)
			h = height_of(e->list.items[i]);
	e->height = h + 1;
	if (e->height > VB_SQLITE_MAX_DEPTH)
		return vb_fail(p->err, p->arena, VB_ERR_INVALID, NULL,
					   "expression tree is too large (maximum depth %d) at %s",
					   VB_SQLITE_MAX_DEPTH, vb_sqlite_position(p->arena, p->text, e->offset));
	return true;
}

/* ---- the parser --------------------------------------------------------- */

static bool parse_expr(vb_sqp *p, int min_prec, vb_sqlite_expr **out);

static bool
parse_list(vb_sqp *p, vb_list *list)
{
	do
	{
		vb_sqlite_expr *e;

		if (!parse_expr(p, P_NONE, &e))
			return false;
		vb_list_push(p->arena, list, e);
	} while (vb_sqp_accept_punct(p, ","));
	return true;
}

/* "( list )" or "()" */
static bool
parse_paren_list(vb_sqp *p, vb_list *list)
{
	if (!vb_sqp_expect_punct(p, "("))
		return false;
	if (vb_sqp_accept_punct(p, ")"))
		return true;
	return parse_list(p, list) && vb_sqp_expect_punct(p, ")");
}

static bool
starts_select(const vb_sqp *p, int ahead)
{
	return vb_sqp_is_word(p, ahead, "SELECT") || vb_sqp_is_word(p, ahead, "WITH") ||
		vb_sqp_is_word(p, ahead, "VALUES");
}

/* "( select )": the sub-select kept as canonical tokens. */
static bool
parse_select_group(vb_sqp *p, char **out)
{
	if (!vb_sqp_expect_punct(p, "("))
		return false;
	if (!starts_select(p, 0))
		return vb_sqp_fail(p, "SELECT");
	return vb_sqp_token_group(p, out) && vb_sqp_expect_punct(p, ")");
}

static bool
parse_signed_number(vb_sqp *p)
{
	const vb_sqlite_token *t;

	if (!vb_sqp_accept_punct(p, "+"))
		vb_sqp_accept_punct(p, "-");
	t = vb_sqp_peek(p, 0);
	if (t->kind != VB_SQT_INTEGER && t->kind != VB_SQT_FLOAT)
		return vb_sqp_fail(p, "a number");
	vb_sqp_next(p);
	return true;
}

bool
vb_sqp_typetoken(vb_sqp *p, int *last)
{
	*last = -1;
	while (vb_sqp_word_is_name(vb_sqp_peek(p, 0)) ||
		   vb_sqp_peek(p, 0)->kind == VB_SQT_QUOTED ||
		   vb_sqp_peek(p, 0)->kind == VB_SQT_STRING)
	{
		*last = p->pos;
		vb_sqp_next(p);
	}
	if (*last < 0 || !vb_sqp_is_punct(p, 0, "("))
		return true;
	vb_sqp_next(p);
	if (!parse_signed_number(p))
		return false;
	if (vb_sqp_accept_punct(p, ",") && !parse_signed_number(p))
		return false;
	*last = p->pos;
	return vb_sqp_expect_punct(p, ")");
}

/* A declared type: the text of its tokens, dequoted as SQLite does. */
static bool
parse_type(vb_sqp *p, char **declared)
{
	int			first = p->pos;
	int			last;

	if (!vb_sqp_typetoken(p, &last))
		return false;
	*declared = last < 0 ? vb_strdup(p->arena, "") :
		vb_sqlite_dequote(p->arena, vb_sqp_span(p, first, last));
	return true;
}

static bool
parse_case(vb_sqp *p, size_t offset, vb_sqlite_expr **out)
{
	vb_sqlite_expr *e = new_node(p, VB_SQE_CASE, offset);

	if (!vb_sqp_is_word(p, 0, "WHEN") && !parse_expr(p, P_NONE, &e->a))
		return false;
	if (!vb_sqp_is_word(p, 0, "WHEN"))
		return vb_sqp_fail(p, "WHEN");
	while (vb_sqp_accept_word(p, "WHEN"))
	{
		vb_sqlite_expr *w;
		vb_sqlite_expr *t;

		if (!parse_expr(p, P_NONE, &w) || !vb_sqp_expect_word(p, "THEN") ||
			!parse_expr(p, P_NONE, &t))
			return false;
		vb_list_push(p->arena, &e->list, w);
		vb_list_push(p->arena, &e->list, t);
	}
	if (vb_sqp_accept_word(p, "ELSE") && !parse_expr(p, P_NONE, &e->c))
		return false;
	*out = e;
	return vb_sqp_expect_word(p, "END") && finish_node(p, e);
}

static bool
parse_cast(vb_sqp *p, size_t offset, vb_sqlite_expr **out)
{
	vb_sqlite_expr *e = new_node(p, VB_SQE_CAST, offset);
	char	   *declared;

	if (!vb_sqp_expect_punct(p, "(") || !parse_expr(p, P_NONE, &e->a) ||
		!vb_sqp_expect_word(p, "AS") || !parse_type(p, &declared) ||
		!vb_sqp_expect_punct(p, ")"))
		return false;
	e->text = vb_sqlite_type_canonical(p->arena, declared);
	*out = e;
	return finish_node(p, e);
}

static bool
parse_raise(vb_sqp *p, size_t offset, vb_sqlite_expr **out)
{
	vb_sqlite_expr *e = new_node(p, VB_SQE_RAISE, offset);
	static const char *const kinds[] = {"IGNORE", "ROLLBACK", "ABORT", "FAIL", NULL};
	int			i;

	if (!vb_sqp_expect_punct(p, "("))
		return false;
	for (i = 0; kinds[i] && !e->text; i++)
		if (vb_sqp_accept_word(p, kinds[i]))
			e->text = vb_strdup(p->arena, kinds[i]);
	if (e->text == NULL)
		return vb_sqp_fail(p, "IGNORE, ROLLBACK, ABORT or FAIL");
	if (i > 1 && (!vb_sqp_expect_punct(p, ",") || !parse_expr(p, P_NONE, &e->a)))
		return false;
	*out = e;
	return vb_sqp_expect_punct(p, ")") && finish_node(p, e);
}

/* f(args) [FILTER (WHERE expr)] [OVER window] */
static bool
parse_function(vb_sqp *p, const char *name, size_t offset, vb_sqlite_expr **out)
{
	vb_sqlite_expr *e = new_node(p, VB_SQE_FUNCTION, offset);

	e->text = vb_sqlite_lower(p->arena, name);
	if (!vb_sqp_expect_punct(p, "("))
		return false;
	if (vb_sqp_is_punct(p, 0, "*") && vb_sqp_is_punct(p, 1, ")"))
	{
		vb_sqp_next(p);
		e->star = true;
	}
	else if (!vb_sqp_is_punct(p, 0, ")"))
	{
		if (vb_sqp_accept_word(p, "DISTINCT"))
			e->distinct = true;
		else
			vb_sqp_accept_word(p, "ALL");	/* the default */
		if (!parse_list(p, &e->list))
			return false;
	}
	if (!vb_sqp_expect_punct(p, ")"))
		return false;
	if (vb_sqp_is_word(p, 0, "FILTER") && vb_sqp_is_punct(p, 1, "("))
	{
		vb_sqp_next(p);
		vb_sqp_next(p);
		if (!vb_sqp_expect_word(p, "WHERE") || !parse_expr(p, P_NONE, &e->b) ||
			!vb_sqp_expect_punct(p, ")"))
			return false;
	}
	if (vb_sqp_is_word(p, 0, "OVER") &&
		(vb_sqp_is_punct(p, 1, "(") || vb_sqp_word_is_name(vb_sqp_peek(p, 1)) ||
		 vb_sqp_peek(p, 1)->kind == VB_SQT_QUOTED))
	{
		char	   *window;

		vb_sqp_next(p);
		if (vb_sqp_accept_punct(p, "("))
		{
			if (vb_sqp_is_punct(p, 0, ")"))
				window = vb_strdup(p->arena, "");
			else if (!vb_sqp_token_group(p, &window))
				return false;
			if (!vb_sqp_expect_punct(p, ")"))
				return false;
			e->over = vb_printf(p->arena, "(%s)", window);
		}
		else
			e->over = vb_sqlite_quote_ident(p->arena,
											vb_sqlite_token_value(p->arena, vb_sqp_next(p)));
	}
	*out = e;
	return finish_node(p, e);
}

/* name [. name [. name]]: a column */
static bool
parse_column(vb_sqp *p, vb_sqlite_expr **out)
{
	const vb_sqlite_token *t = vb_sqp_next(p);
	vb_sqlite_expr *e = new_node(p, VB_SQE_COLUMN, t->offset);

	e->quoted = t->kind == VB_SQT_QUOTED && t->start[0] == '"';
	vb_list_push(p->arena, &e->parts, vb_sqlite_token_value(p->arena, t));
	while (e->parts.count < 3 && vb_sqp_accept_punct(p, "."))
	{
		char	   *part;

		if (!vb_sqp_name(p, "a name", &part))
			return false;
		vb_list_push(p->arena, &e->parts, part);
		e->quoted = false;
	}
	*out = e;
	return true;
}

static bool
parse_unary(vb_sqp *p, const vb_sqlite_token *op, vb_sqlite_expr **out)
{
	vb_sqlite_expr *operand;
	vb_sqlite_expr *e;

	if (!parse_expr(p, P_UNARY, &operand))
		return false;
	/* +literal is the literal; "- +x" is "-x", as parse.y merges them */
	if (op->start[0] == '+' && operand->kind == VB_SQE_LITERAL)
	{
		*out = operand;
		return true;
	}
	if (operand->kind == VB_SQE_UNARY && strcmp(operand->text, "+") == 0 && op->start[0] != '~')
	{
		operand->text = vb_strndup(p->arena, op->start, 1);
		operand->offset = op->offset;
		*out = operand;
		return true;
	}
	e = new_node(p, VB_SQE_UNARY, op->offset);
	e->text = vb_strndup(p->arena, op->start, 1);
	e->a = operand;
	*out = e;
	return finish_node(p, e);
}

/* NOT x: NOT LIKE, NOT BETWEEN and NOT IN are this same tree in SQLite. */
static bool
parse_not(vb_sqp *p, size_t offset, vb_sqlite_expr **out)
{
	vb_sqlite_expr *operand;
	vb_sqlite_expr *e;

	if (!parse_expr(p, P_NOT, &operand))
		return false;
	if (!operand->negated &&
		(operand->kind == VB_SQE_LIKE || operand->kind == VB_SQE_BETWEEN ||
		 operand->kind == VB_SQE_IN || operand->kind == VB_SQE_IN_SELECT ||
		 operand->kind == VB_SQE_IN_TABLE))
	{
		operand->negated = true;
		*out = operand;
		return true;
	}
	e = new_node(p, VB_SQE_UNARY, offset);
	e->text = vb_strdup(p->arena, "NOT");
	e->a = operand;
	*out = e;
	return finish_node(p, e);
}

/* "(" expr ")", "(" expr, ... ")" or "(" select ")" */
static bool
parse_parenthesised(vb_sqp *p, size_t offset, vb_sqlite_expr **out)
{
	vb_sqlite_expr *e;

	if (starts_select(p, 1))
	{
		e = new_node(p, VB_SQE_SUBQUERY, offset);
		*out = e;
		return parse_select_group(p, &e->text);
	}
	vb_sqp_next(p);
	if (!parse_expr(p, P_NONE, out))
		return false;
	if (vb_sqp_accept_punct(p, ")"))
		return true;			/* redundant parentheses are not kept */
	if (!vb_sqp_is_punct(p, 0, ","))
		return vb_sqp_fail(p, "\")\"");
	e = new_node(p, VB_SQE_VECTOR, offset);
	vb_list_push(p->arena, &e->list, *out);
	if (!vb_sqp_expect_punct(p, ",") || !parse_list(p, &e->list) ||
		!vb_sqp_expect_punct(p, ")"))
		return false;
	*out = e;
	return finish_node(p, e);
}

static bool
parse_word_primary(vb_sqp *p, const vb_sqlite_token *t, vb_sqlite_expr **out)
{
	if (vb_sqlite_token_is(t, "NULL") || vb_sqlite_token_is(t, "CURRENT_TIME") ||
		vb_sqlite_token_is(t, "CURRENT_DATE") || vb_sqlite_token_is(t, "CURRENT_TIMESTAMP"))
		return vb_sqp_term(p, out);
	if (vb_sqlite_token_is(t, "NOT"))
	{
		vb_sqp_next(p);
		return parse_not(p, t->offset, out);
	}
	if (vb_sqlite_token_is(t, "CASE"))
	{
		vb_sqp_next(p);
		return parse_case(p, t->offset, out);
	}
	if (vb_sqlite_token_is(t, "CAST"))
	{
		vb_sqp_next(p);
		return parse_cast(p, t->offset, out);
	}
	if (vb_sqlite_token_is(t, "RAISE"))
	{
		vb_sqp_next(p);
		return parse_raise(p, t->offset, out);
	}
	if (vb_sqlite_token_is(t, "EXISTS"))
	{
		vb_sqlite_expr *e = new_node(p, VB_SQE_EXISTS, t->offset);

		vb_sqp_next(p);
		*out = e;
		return parse_select_group(p, &e->text);
	}
	if (!vb_sqp_word_is_name(t))
		return vb_sqp_fail(p, "an expression");
	if (vb_sqp_is_punct(p, 1, "("))
	{
		vb_sqp_next(p);
		return parse_function(p, vb_strndup(p->arena, t->start, t->len), t->offset, out);
	}
	return parse_column(p, out);
}

bool
vb_sqp_term(vb_sqp *p, vb_sqlite_expr **out)
{
	static const char *const words[] = {
		"NULL", "CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP", NULL
	};
	const vb_sqlite_token *t = vb_sqp_peek(p, 0);
	int			i;

	switch (t->kind)
	{
		case VB_SQT_INTEGER:
		case VB_SQT_FLOAT:
			*out = vb_sqe_literal(p, number_text(p->arena, t), t->offset);
			break;
		case VB_SQT_BLOB:
			*out = vb_sqe_literal(p, blob_text(p->arena, t), t->offset);
			break;
		case VB_SQT_STRING:
			*out = vb_sqe_literal(p, vb_strndup(p->arena, t->start, t->len), t->offset);
			break;
		default:
			for (i = 0; words[i]; i++)
				if (vb_sqlite_token_is(t, words[i]))
					break;
			if (words[i] == NULL)
				return vb_sqp_fail(p, "a literal value");
			*out = vb_sqe_literal(p, words[i], t->offset);
			break;
	}
	vb_sqp_next(p);
	return true;
}

static bool
parse_primary(vb_sqp *p, vb_sqlite_expr **out)
{
	const vb_sqlite_token *t = vb_sqp_peek(p, 0);

	switch (t->kind)
	{
		case VB_SQT_INTEGER:
		case VB_SQT_FLOAT:
		case VB_SQT_BLOB:
			return vb_sqp_term(p, out);
		case VB_SQT_STRING:
			if (vb_sqp_is_punct(p, 1, "."))
				return parse_column(p, out);	/* 'table'.column */
			return vb_sqp_term(p, out);
		case VB_SQT_VARIABLE:
			vb_sqp_next(p);
			*out = new_node(p, VB_SQE_VARIABLE, t->offset);
			(*out)->text = vb_strndup(p->arena, t->start, t->len);
			return true;
		case VB_SQT_QUOTED:
			if (vb_sqp_is_punct(p, 1, "("))
			{
				vb_sqp_next(p);
				return parse_function(p, vb_sqlite_token_value(p->arena, t), t->offset, out);
			}
			return parse_column(p, out);
		case VB_SQT_WORD:
			return parse_word_primary(p, t, out);
		case VB_SQT_PUNCT:
			if (t->start[0] == '(')
				return parse_parenthesised(p, t->offset, out);
			if (t->len == 1 && (t->start[0] == '-' || t->start[0] == '+' || t->start[0] == '~'))
			{
				vb_sqp_next(p);
				return parse_unary(p, t, out);
			}
			break;
		case VB_SQT_END:
			break;
	}
	return vb_sqp_fail(p, "an expression");
}

/* ---- infix operators ----------------------------------------------------- */

typedef enum infix_kind
{
	IX_NONE,
	IX_BINARY,
	IX_COLLATE,
	IX_IS,
	IX_ISNULL,
	IX_NOTNULL,
	IX_LIKE,
	IX_BETWEEN,
	IX_IN
} infix_kind;

typedef struct infix
{
	infix_kind	kind;
	int			prec;
	const char *op;				/* canonical spelling of a binary operator */
	int			ntokens;		/* tokens the operator takes (NOT LIKE: 2) */
	bool		negated;
	int			like;			/* index in like_ops */
} infix;

static const struct
{
	const char *token;
	const char *canonical;
	int			prec;
}			binary_ops[] = {
	{"||", "||", P_CONCAT}, {"->", "->", P_CONCAT}, {"->>", "->>", P_CONCAT},
	{"*", "*", P_MUL}, {"/", "/", P_MUL}, {"%", "%", P_MUL},
	{"+", "+", P_ADD}, {"-", "-", P_ADD},
	{"&", "&", P_BIT}, {"|", "|", P_BIT}, {"<<", "<<", P_BIT}, {">>", ">>", P_BIT},
	{"<", "<", P_CMP}, {">", ">", P_CMP}, {"<=", "<=", P_CMP}, {">=", ">=", P_CMP},
	{"=", "=", P_EQ}, {"==", "=", P_EQ}, {"<>", "<>", P_EQ}, {"!=", "<>", P_EQ},
	{NULL, NULL, 0}
};

static const char *const like_ops[] = {"LIKE", "GLOB", "REGEXP", "MATCH", NULL};

static int
like_op(const vb_sqp *p, int ahead)
{
	int			i;

	for (i = 0; like_ops[i]; i++)
		if (vb_sqp_is_word(p, ahead, like_ops[i]))
			return i;
	return -1;
}

/* The operator at the cursor, if any, without consuming it. */
static infix
peek_infix(const vb_sqp *p)
{
	const vb_sqlite_token *t = vb_sqp_peek(p, 0);
	infix		x = {IX_NONE, 0, NULL, 1, false, -1};
	int			i;

	if (t->kind == VB_SQT_PUNCT)
	{
		for (i = 0; binary_ops[i].token; i++)
			if (t->len == strlen(binary_ops[i].token) &&
				strncmp(t->start, binary_ops[i].token, t->len) == 0)
			{
				x.kind = IX_BINARY;
				x.prec = binary_ops[i].prec;
				x.op = binary_ops[i].canonical;
			}
		return x;
	}
	if (t->kind != VB_SQT_WORD)
		return x;
	x.prec = P_EQ;
	if (vb_sqlite_token_is(t, "AND") || vb_sqlite_token_is(t, "OR"))
	{
		x.kind = IX_BINARY;
		x.prec = vb_sqlite_token_is(t, "AND") ? P_AND : P_OR;
		x.op = x.prec == P_AND ? "AND" : "OR";
	}
	else if (vb_sqlite_token_is(t, "COLLATE"))
	{
		x.kind = IX_COLLATE;
		x.prec = P_COLLATE;
	}
	else if (vb_sqlite_token_is(t, "IS"))
		x.kind = IX_IS;
	else if (vb_sqlite_token_is(t, "ISNULL"))
		x.kind = IX_ISNULL;
	else if (vb_sqlite_token_is(t, "NOTNULL"))
		x.kind = IX_NOTNULL;
	else if ((x.like = like_op(p, 0)) >= 0)
		x.kind = IX_LIKE;
	else if (vb_sqlite_token_is(t, "BETWEEN"))
		x.kind = IX_BETWEEN;
	else if (vb_sqlite_token_is(t, "IN"))
		x.kind = IX_IN;
	else if (vb_sqlite_token_is(t, "NOT"))
	{
		x.ntokens = 2;
		x.negated = true;
		if (vb_sqp_is_word(p, 1, "NULL"))
			x.kind = IX_NOTNULL;
		else if ((x.like = like_op(p, 1)) >= 0)
			x.kind = IX_LIKE;
		else if (vb_sqp_is_word(p, 1, "BETWEEN"))
			x.kind = IX_BETWEEN;
		else if (vb_sqp_is_word(p, 1, "IN"))
			x.kind = IX_IN;
	}
	return x;
}

/* x IS [NOT] [DISTINCT FROM] y; "IS NULL" is the ISNULL node. */
static bool
build_is(vb_sqp *p, vb_sqlite_expr *left, vb_sqlite_expr **out)
{
	bool		not = vb_sqp_accept_word(p, "NOT");
	vb_sqlite_expr *right;
	vb_sqlite_expr *e;

	if (vb_sqp_accept_word(p, "DISTINCT"))
	{
		if (!vb_sqp_expect_word(p, "FROM"))
			return false;
		not = !not;				/* IS DISTINCT FROM is IS NOT */
	}
	if (!parse_expr(p, P_EQ + 1, &right))
		return false;
	if (right->kind == VB_SQE_LITERAL && strcmp(right->text, "NULL") == 0)
	{
		e = new_node(p, not ? VB_SQE_NOTNULL : VB_SQE_ISNULL, left->offset);
		e->a = left;
	}
	else
	{
		e = new_node(p, VB_SQE_BINARY, left->offset);
		e->text = vb_strdup(p->arena, not ? "IS NOT" : "IS");
		e->a = left;
		e->b = right;
	}
	*out = e;
	return finish_node(p, e);
}

static bool
build_in(vb_sqp *p, vb_sqlite_expr *e)
{
	if (vb_sqp_is_punct(p, 0, "(") && starts_select(p, 1))
	{
		e->kind = VB_SQE_IN_SELECT;
		return parse_select_group(p, &e->text);
	}
	if (vb_sqp_is_punct(p, 0, "("))
	{
		e->kind = VB_SQE_IN;
		if (!parse_paren_list(p, &e->list))
			return false;
		/* x IN ((SELECT ...)) is x IN (SELECT ...), as in parse.y */
		if (e->list.count == 1 &&
			((vb_sqlite_expr *) e->list.items[0])->kind == VB_SQE_SUBQUERY)
		{
			e->kind = VB_SQE_IN_SELECT;
			e->text = ((vb_sqlite_expr *) e->list.items[0])->text;
			e->list.count = 0;
		}
		return true;
	}
	e->kind = VB_SQE_IN_TABLE;
	do
	{
		char	   *part;

		if (!vb_sqp_name(p, "a table name or \"(\"", &part))
			return false;
		vb_list_push(p->arena, &e->parts, part);
	} while (e->parts.count < 2 && vb_sqp_accept_punct(p, "."));
	if (vb_sqp_is_punct(p, 0, "("))
	{
		e->star = true;			/* a table-valued function: list its arguments */
		return parse_paren_list(p, &e->list);
	}
	return true;
}

static bool
build_infix(vb_sqp *p, const infix *x, vb_sqlite_expr *left, vb_sqlite_expr **out)
{
	vb_sqlite_expr *e = new_node(p, VB_SQE_BINARY, left->offset);

	e->a = left;
	e->negated = x->negated;
	*out = e;
	switch (x->kind)
	{
		case IX_BINARY:
			e->text = vb_strdup(p->arena, x->op);
			if (!parse_expr(p, x->prec + 1, &e->b))
				return false;
			break;
		case IX_COLLATE:
			{
				const vb_sqlite_token *t = vb_sqp_peek(p, 0);

				if (t->kind != VB_SQT_WORD && t->kind != VB_SQT_QUOTED && t->kind != VB_SQT_STRING)
					return vb_sqp_fail(p, "a collation name");
				e->kind = VB_SQE_COLLATE;
				e->text = vb_sqlite_collation_canonical(p->arena,
														vb_sqlite_token_value(p->arena, vb_sqp_next(p)));
				break;
			}
		case IX_IS:
			return build_is(p, left, out);
		case IX_ISNULL:
		case IX_NOTNULL:
			e->kind = x->kind == IX_ISNULL ? VB_SQE_ISNULL : VB_SQE_NOTNULL;
			e->negated = false;
			break;
		case IX_LIKE:
			e->kind = VB_SQE_LIKE;
			e->text = vb_strdup(p->arena, like_ops[x->like]);
			if (!parse_expr(p, P_EQ + 1, &e->b))
				return false;
			if (vb_sqp_accept_word(p, "ESCAPE") && !parse_expr(p, P_EQ + 1, &e->c))
				return false;
			break;
		case IX_BETWEEN:
			e->kind = VB_SQE_BETWEEN;
			if (!parse_expr(p, P_NOT, &e->b) || !vb_sqp_expect_word(p, "AND") ||
				!parse_expr(p, P_EQ + 1, &e->c))
				return false;
			break;
		case IX_IN:
			if (!build_in(p, e))
				return false;
			break;
		case IX_NONE:
			break;
	}
	return finish_node(p, e);
}

static bool
parse_expr(vb_sqp *p, int min_prec, vb_sqlite_expr **out)
{
	vb_sqlite_expr *left;
	bool		ok = false;
	int			i;

	if (++p->depth > VB_SQLITE_MAX_DEPTH)
		return vb_fail(p->err, p->arena, VB_ERR_INVALID, NULL,
					   "expression nested too deeply (more than %d levels) at %s",
					   VB_SQLITE_MAX_DEPTH,
					   vb_sqlite_position(p->arena, p->text, vb_sqp_peek(p, 0)->offset));
	if (!parse_primary(p, &left))
		goto done;
	for (;;)
	{
		infix		x = peek_infix(p);

		if (x.kind == IX_NONE || x.prec < min_prec)
			break;
		for (i = 0; i < x.ntokens; i++)
			vb_sqp_next(p);		/* the operator: "=", "NOT LIKE", ... */
		if (!build_infix(p, &x, left, &left))
			goto done;
	}
	*out = left;
	ok = true;
done:
	p->depth--;
	return ok;
}

bool
vb_sqp_expr(vb_sqp *p, vb_sqlite_expr **out)
{
	return parse_expr(p, P_NONE, out);
}

bool
vb_sqlite_expr_parse(vb_arena *arena, const char *text, vb_sqlite_expr **out, vb_error *err)
{
	vb_sqp		p;

	if (!vb_sqp_init(&p, arena, text, err))
		return false;
	if (vb_sqp_peek(&p, 0)->kind == VB_SQT_END)
		return vb_fail(err, arena, VB_ERR_INVALID, NULL, "the expression is empty");
	if (!vb_sqp_expr(&p, out))
		return false;
	if (vb_sqp_peek(&p, 0)->kind != VB_SQT_END)
		return vb_sqp_fail(&p, "the end of the expression");
	return true;
}

/* ---- the printer --------------------------------------------------------- */

typedef struct printer
{
	vb_arena   *arena;
	const vb_list *columns;		/* in scope, or NULL */
	bool		explicit;		/* every operation in parentheses */
	vb_buf		buf;
} printer;

static int
binary_prec(const char *op)
{
	int			i;

	if (strcmp(op, "AND") == 0)
		return P_AND;
	if (strcmp(op, "OR") == 0)
		return P_OR;
	if (strcmp(op, "IS") == 0 || strcmp(op, "IS NOT") == 0)
		return P_EQ;
	for (i = 0; binary_ops[i].token; i++)
		if (strcmp(op, binary_ops[i].canonical) == 0)
			return binary_ops[i].prec;
	return P_PRIMARY;
}

static int
precedence(const vb_sqlite_expr *e)
{
	switch (e->kind)
	{
		case VB_SQE_UNARY:
			return strcmp(e->text, "NOT") == 0 ? P_NOT : P_UNARY;
		case VB_SQE_BINARY:
			return binary_prec(e->text);
		case VB_SQE_COLLATE:
			return P_COLLATE;
		case VB_SQE_ISNULL:
		case VB_SQE_NOTNULL:
		case VB_SQE_LIKE:
		case VB_SQE_BETWEEN:
		case VB_SQE_IN:
		case VB_SQE_IN_SELECT:
		case VB_SQE_IN_TABLE:
			return P_EQ;
		default:
			return P_PRIMARY;
	}
}

/* The column of `columns` a name matches, ASCII case-insensitively. */
static const char *
find_column(const vb_list *columns, const char *name)
{
	int			i;

	for (i = 0; columns && i < columns->count; i++)
		if (vb_sqlite_ieq(columns->items[i], name))
			return columns->items[i];
	return NULL;
}

static bool
is_rowid_alias(const char *name)
{
	return vb_sqlite_ieq(name, "rowid") || vb_sqlite_ieq(name, "oid") || vb_sqlite_ieq(name, "_rowid_");
}

/* How a one-part name reads in scope: a column, a boolean, a string (a
 * double-quoted name that is no column) or an unknown name. */
typedef enum name_meaning
{
	NM_COLUMN,
	NM_TRUE,
	NM_FALSE,
	NM_STRING,
	NM_OTHER
} name_meaning;

static name_meaning
one_part_meaning(const vb_sqlite_expr *e, const vb_list *columns, const char **column)
{
	const char *name = e->parts.items[0];

	*column = find_column(columns, name);
	if (*column)
		return NM_COLUMN;
	if (!e->quoted && vb_sqlite_ieq(name, "TRUE"))
		return NM_TRUE;
	if (!e->quoted && vb_sqlite_ieq(name, "FALSE"))
		return NM_FALSE;
	if (e->quoted && columns && !is_rowid_alias(name))
		return NM_STRING;
	return NM_OTHER;
}

static void print_expr(printer *pr, const vb_sqlite_expr *e, int required);

static void
put(printer *pr, const char *s)
{
	vb_buf_append(&pr->buf, s);
}

static void
print_list(printer *pr, const vb_list *list)
{
	int			i;

	for (i = 0; i < list->count; i++)
	{
		if (i > 0)
			put(pr, ", ");
		print_expr(pr, list->items[i], P_NONE);
	}
}

static void
print_parts(printer *pr, const vb_list *parts)
{
	int			i;

	for (i = 0; i < parts->count; i++)
	{
		if (i > 0)
			put(pr, ".");
		put(pr, vb_sqlite_quote_ident(pr->arena, parts->items[i]));
	}
}

static void
print_column(printer *pr, const vb_sqlite_expr *e)
{
	const char *column;
	const char *name = e->parts.items[0];

	if (e->parts.count > 1)
	{
		print_parts(pr, &e->parts);
		return;
	}
	switch (one_part_meaning(e, pr->columns, &column))
	{
		case NM_COLUMN:
			put(pr, vb_sqlite_quote_ident(pr->arena, column));
			break;
		case NM_TRUE:
			put(pr, "TRUE");
			break;
		case NM_FALSE:
			put(pr, "FALSE");
			break;
		case NM_STRING:
			put(pr, vb_sqlite_quote_literal(pr->arena, name));
			break;
		case NM_OTHER:
			/* out of scope, "x" may be a column or a string: kept quoted */
			if (e->quoted && pr->columns == NULL && !is_rowid_alias(name))
				put(pr, vb_sqlite_double_quoted(pr->arena, name));
			else
				put(pr, vb_sqlite_quote_ident(pr->arena,
											  is_rowid_alias(name) ? vb_sqlite_lower(pr->arena, name) : name));
			break;
	}
}

/* A function name: bare when SQLite reads it bare as a call. */
static char *
function_name(vb_arena *arena, const char *name)
{
	static const char *const special[] = {
		"cast", "raise", "exists", "case", "not", "null", "current_date",
		"current_time", "current_timestamp", NULL
	};
	int			i;

	if (!is_simple_name(name) || vb_sqlite_is_reserved(name, strlen(name)))
		return vb_sqlite_double_quoted(arena, name);
	for (i = 0; special[i]; i++)
		if (strcmp(name, special[i]) == 0)
			return vb_sqlite_double_quoted(arena, name);
	return vb_strdup(arena, name);
}

static void
print_unary(printer *pr, const vb_sqlite_expr *e)
{
	size_t		at;

	if (strcmp(e->text, "NOT") == 0)
	{
		put(pr, "NOT ");
		print_expr(pr, e->a, P_NOT);
		return;
	}
	put(pr, e->text);
	at = pr->buf.len;
	print_expr(pr, e->a, P_UNARY);
	/* "- -1", never "--1", which would be a comment */
	if (e->text[0] == '-' && pr->buf.data[at] == '-')
	{
		char	   *rest = vb_strdup(pr->arena, pr->buf.data + at);

		pr->buf.len = at;
		put(pr, " ");
		put(pr, rest);
	}
}

static void
print_binary(printer *pr, const vb_sqlite_expr *e)
{
	int			prec = binary_prec(e->text);
	bool		flat = prec == P_AND || prec == P_OR;

	print_expr(pr, e->a, prec);
	put(pr, " ");
	put(pr, e->text);
	put(pr, " ");
	/* AND and OR are associative: a chain is written without parentheses */
	print_expr(pr, e->b, flat && e->b->kind == VB_SQE_BINARY &&
			   strcmp(e->b->text, e->text) == 0 ? prec : prec + 1);
}

static void
print_in(printer *pr, const vb_sqlite_expr *e)
{
	print_expr(pr, e->a, P_EQ);
	put(pr, e->negated ? " NOT IN " : " IN ");
	if (e->kind == VB_SQE_IN_SELECT)
	{
		put(pr, "(");
		put(pr, e->text);
		put(pr, ")");
		return;
	}
	if (e->kind == VB_SQE_IN_TABLE)
	{
		print_parts(pr, &e->parts);
		if (!e->star)
			return;
	}
	put(pr, "(");
	print_list(pr, &e->list);
	put(pr, ")");
}

static void
print_function(printer *pr, const vb_sqlite_expr *e)
{
	put(pr, function_name(pr->arena, e->text));
	put(pr, "(");
	if (e->star)
		put(pr, "*");
	if (e->distinct)
		put(pr, "DISTINCT ");
	print_list(pr, &e->list);
	put(pr, ")");
	if (e->b)
	{
		put(pr, " FILTER (WHERE ");
		print_expr(pr, e->b, P_NONE);
		put(pr, ")");
	}
	if (e->over)
	{
		put(pr, " OVER ");
		put(pr, e->over);
	}
}

static void
print_case(printer *pr, const vb_sqlite_expr *e)
{
	int			i;

	put(pr, "CASE");
	if (e->a)
	{
		put(pr, " ");
		print_expr(pr, e->a, P_NONE);
	}
	for (i = 0; i + 1 < e->list.count; i += 2)
	{
		put(pr, " WHEN ");
		print_expr(pr, e->list.items[i], P_NONE);
		put(pr, " THEN ");
		print_expr(pr, e->list.items[i + 1], P_NONE);
	}
	if (e->c)
	{
		put(pr, " ELSE ");
		print_expr(pr, e->c, P_NONE);
	}
	put(pr, " END");
}

static void
print_node(printer *pr, const vb_sqlite_expr *e)
{
	switch (e->kind)
	{
		case VB_SQE_LITERAL:
		case VB_SQE_VARIABLE:
			put(pr, e->text);
			break;
		case VB_SQE_COLUMN:
			print_column(pr, e);
			break;
		case VB_SQE_UNARY:
			print_unary(pr, e);
			break;
		case VB_SQE_BINARY:
			print_binary(pr, e);
			break;
		case VB_SQE_COLLATE:
			print_expr(pr, e->a, P_COLLATE);
			put(pr, " COLLATE ");
			put(pr, vb_sqlite_quote_ident(pr->arena, e->text));
			break;
		case VB_SQE_ISNULL:
		case VB_SQE_NOTNULL:
			print_expr(pr, e->a, P_EQ);
			put(pr, e->kind == VB_SQE_ISNULL ? " IS NULL" : " IS NOT NULL");
			break;
		case VB_SQE_LIKE:
			print_expr(pr, e->a, P_EQ);
			put(pr, e->negated ? " NOT " : " ");
			put(pr, e->text);
			put(pr, " ");
			print_expr(pr, e->b, P_EQ + 1);
			if (e->c)
			{
				put(pr, " ESCAPE ");
				print_expr(pr, e->c, P_EQ + 1);
			}
			break;
		case VB_SQE_BETWEEN:
			print_expr(pr, e->a, P_EQ);
			put(pr, e->negated ? " NOT BETWEEN " : " BETWEEN ");
			print_expr(pr, e->b, P_EQ + 1);
			put(pr, " AND ");
			print_expr(pr, e->c, P_EQ + 1);
			break;
		case VB_SQE_IN:
		case VB_SQE_IN_SELECT:
		case VB_SQE_IN_TABLE:
			print_in(pr, e);
			break;
		case VB_SQE_CASE:
			print_case(pr, e);
			break;
		case VB_SQE_CAST:
			put(pr, "CAST(");
			print_expr(pr, e->a, P_NONE);
			put(pr, e->text[0] ? " AS " : " AS");
			put(pr, e->text);
			put(pr, ")");
			break;
		case VB_SQE_FUNCTION:
			print_function(pr, e);
			break;
		case VB_SQE_VECTOR:
			put(pr, "(");
			print_list(pr, &e->list);
			put(pr, ")");
			break;
		case VB_SQE_SUBQUERY:
			put(pr, "(");
			put(pr, e->text);
			put(pr, ")");
			break;
		case VB_SQE_EXISTS:
			put(pr, "EXISTS (");
			put(pr, e->text);
			put(pr, ")");
			break;
		case VB_SQE_RAISE:
			put(pr, "RAISE(");
			put(pr, e->text);
			if (e->a)
			{
				put(pr, ", ");
				print_expr(pr, e->a, P_NONE);
			}
			put(pr, ")");
			break;
	}
}

static void
print_expr(printer *pr, const vb_sqlite_expr *e, int required)
{
	bool		parens = pr->explicit ? (required > P_NONE && precedence(e) < P_PRIMARY) :
		precedence(e) < required;

	if (parens)
		put(pr, "(");
	print_node(pr, e);
	if (parens)
		put(pr, ")");
}

char *
vb_sqlite_expr_print(vb_arena *arena, const vb_sqlite_expr *e, const vb_list *columns)
{
	printer		pr;

	pr.arena = arena;
	pr.columns = columns;
	pr.explicit = false;
	vb_buf_init(&pr.buf, arena);
	print_expr(&pr, e, P_NONE);
	return pr.buf.data;
}

char *
vb_sqlite_expr_print_explicit(vb_arena *arena, const vb_sqlite_expr *e)
{
	printer		pr;

	pr.arena = arena;
	pr.columns = NULL;
	pr.explicit = true;
	vb_buf_init(&pr.buf, arena);
	print_expr(&pr, e, P_NONE);
	return pr.buf.data;
}

bool
vb_sqlite_expr_canonical(vb_arena *arena, const char *text, const vb_list *columns,
						 char **out, vb_error *err)
{
	vb_sqlite_expr *e;

	if (!vb_sqlite_expr_parse(arena, text, &e, err))
		return false;
	*out = vb_sqlite_expr_print(arena, e, columns);
	return true;
}

/* ---- columns an expression uses ---------------------------------------- */

static void
collect_columns(vb_arena *arena, const vb_sqlite_expr *e, const vb_list *columns, vb_list *out)
{
	const char *column = NULL;
	int			i;

	if (e == NULL)
		return;
	if (e->kind == VB_SQE_COLUMN)
	{
		if (e->parts.count == 1)
			one_part_meaning(e, columns, &column);
		else
			column = find_column(columns, e->parts.items[e->parts.count - 1]);
		if (column && !vb_list_contains_str(out, column))
			vb_list_push(arena, out, (char *) column);
		return;
	}
	collect_columns(arena, e->a, columns, out);
	collect_columns(arena, e->b, columns, out);
	collect_columns(arena, e->c, columns, out);
	for (i = 0; i < e->list.count; i++)
		collect_columns(arena, e->list.items[i], columns, out);
}

void
vb_sqlite_expr_columns(vb_arena *arena, const vb_sqlite_expr *e, const vb_list *columns,
					   vb_list *out)
{
	collect_columns(arena, e, columns, out);
}

/* ---- types, collations, defaults --------------------------------------- */

char *
vb_sqlite_dequote(vb_arena *arena, const char *s)
{
	vb_sqlite_token t;
	char		close;
	size_t		i;

	if (s[0] != '"' && s[0] != '\'' && s[0] != '`' && s[0] != '[')
		return vb_strdup(arena, s);
	close = s[0] == '[' ? ']' : s[0];
	for (i = 1; s[i]; i++)
	{
		if (s[i] != close)
			continue;
		if (close != ']' && s[i + 1] == close)
		{
			i++;
			continue;
		}
		break;
	}
	/* sqlite3Dequote stops at the closing quote, or at the end */
	t.kind = VB_SQT_QUOTED;
	t.start = s;
	t.len = i + 1;
	t.offset = 0;
	return vb_sqlite_token_value(arena, &t);
}

char *
vb_sqlite_type_canonical(vb_arena *arena, const char *declared)
{
	const char *s = vb_sqlite_dequote(arena, declared);
	vb_buf		buf;
	bool		space = false;

	vb_buf_init(&buf, arena);
	for (; *s; s++)
	{
		char		c = *s;

		if (c == ' ' || (c >= '\t' && c <= '\r'))
		{
			space = buf.len > 0;
			continue;
		}
		if (c == '(' || c == ')' || c == ',')
			space = false;
		else if (space && buf.len > 0 &&
				 (buf.data[buf.len - 1] == '(' || buf.data[buf.len - 1] == ','))
			space = false;
		if (c == '+' && buf.len > 0 &&
			(buf.data[buf.len - 1] == '(' || buf.data[buf.len - 1] == ','))
			continue;			/* (+10) is (10) */
		if (space)
			vb_buf_appendc(&buf, ' ');
		space = false;
		vb_buf_appendc(&buf, c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
	}
	return buf.data;
}

char *
vb_sqlite_collation_canonical(vb_arena *arena, const char *name)
{
	return vb_sqlite_upper(arena, name, strlen(name));
}

bool
vb_sqlite_default_canonical(vb_arena *arena, const char *text, char **out, vb_error *err)
{
	vb_sqp		p;
	const vb_sqlite_token *t;
	vb_sqlite_expr *e;
	vb_list		none;

	if (!vb_sqp_init(&p, arena, text, err))
		return false;
	t = vb_sqp_peek(&p, 0);
	/* DEFAULT name: a string (or a boolean), as SQLite reads "DEFAULT id" */
	if (vb_sqp_peek(&p, 1)->kind == VB_SQT_END &&
		(t->kind == VB_SQT_QUOTED || vb_sqp_word_is_name(t)) &&
		!vb_sqlite_token_is(t, "CURRENT_TIME") && !vb_sqlite_token_is(t, "CURRENT_DATE") &&
		!vb_sqlite_token_is(t, "CURRENT_TIMESTAMP"))
	{
		char	   *v = vb_sqlite_token_value(arena, t);

		if (t->kind == VB_SQT_WORD && (vb_sqlite_ieq(v, "TRUE") || vb_sqlite_ieq(v, "FALSE")))
			*out = vb_sqlite_upper(arena, v, strlen(v));
		else
			*out = vb_sqlite_quote_literal(arena, v);
		return true;
	}
	if (!vb_sqlite_expr_parse(arena, text, &e, err))
		return false;
	memset(&none, 0, sizeof(none));
	*out = vb_sqlite_expr_print(arena, e, &none);
	if (strcmp(*out, "NULL") == 0)
		*out = NULL;
	return true;
}
