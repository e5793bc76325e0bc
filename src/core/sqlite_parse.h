/*
 * sqlite_parse.h — the token cursor shared by the SQLite expression parser
 * (sqlite_expr.c) and the CREATE TABLE/INDEX parser (sqlite_ddl.c).
 * Internal to the core.
 */
#ifndef VB_SQLITE_PARSE_H
#define VB_SQLITE_PARSE_H

#include "vb_internal.h"
#include "vb_sqlite.h"

/* SQLite's limit on the depth of an expression tree (SQLITE_MAX_EXPR_DEPTH). */
#define VB_SQLITE_MAX_DEPTH 1000

typedef struct vb_sqp
{
	vb_arena   *arena;
	vb_error   *err;
	const char *text;
	vb_sqlite_token **tok;		/* ends with a VB_SQT_END token */
	int			pos;
	int			depth;			/* nesting of the expression being parsed */
} vb_sqp;

bool		vb_sqp_init(vb_sqp *p, vb_arena *arena, const char *text, vb_error *err);

/* The token `ahead` places after the current one (never past the end). */
const vb_sqlite_token *vb_sqp_peek(const vb_sqp *p, int ahead);
const vb_sqlite_token *vb_sqp_next(vb_sqp *p);

bool		vb_sqp_is_word(const vb_sqp *p, int ahead, const char *word);
bool		vb_sqp_is_punct(const vb_sqp *p, int ahead, const char *punct);
bool		vb_sqp_accept_word(vb_sqp *p, const char *word);
bool		vb_sqp_accept_punct(vb_sqp *p, const char *punct);
bool		vb_sqp_expect_word(vb_sqp *p, const char *word);
bool		vb_sqp_expect_punct(vb_sqp *p, const char *punct);

/* A syntax error at the current token: near "tok" at line L, column C:
 * expected <expected>. Returns false. */
bool		vb_sqp_fail(vb_sqp *p, const char *expected);

/* Whether a bare word can name a column or table (not one of SQLite's
 * reserved keywords). */
bool		vb_sqp_word_is_name(const vb_sqlite_token *t);

/* A name (SQLite's nm: a non-reserved word, a quoted identifier or a
 * string), dequoted. */
bool		vb_sqp_name(vb_sqp *p, const char *what, char **out);

/* parse.y's term: one literal token (number, string, blob, NULL,
 * CURRENT_TIME/DATE/TIMESTAMP). */
bool		vb_sqp_term(vb_sqp *p, vb_sqlite_expr **out);

/* parse.y's typetoken: names, then "(n)" or "(n, m)". *last is the index
 * of its last token, or -1 when it is empty. */
bool		vb_sqp_typetoken(vb_sqp *p, int *last);

/* One expression, as parse.y's expr. */
bool		vb_sqp_expr(vb_sqp *p, vb_sqlite_expr **out);

/* The tokens from the current one up to (not including) the ')' that
 * closes the group the cursor is in, printed in canonical token form; the
 * cursor stops on that ')'. */
bool		vb_sqp_token_group(vb_sqp *p, char **out);

/* The text of the source between two tokens (from's start to to's end). */
char	   *vb_sqp_span(const vb_sqp *p, int from, int to);

/* SQLite's sqlite3Dequote(): the text inside leading quotes, up to the
 * matching closing one, or the text itself. */
char	   *vb_sqlite_dequote(vb_arena *arena, const char *s);

/* ASCII-only case folding, as SQLite's sqlite3StrICmp: equality, and
 * copies in upper case (the first n bytes) and lower case. */
bool		vb_sqlite_ieq(const char *a, const char *b);
char	   *vb_sqlite_upper(vb_arena *arena, const char *s, size_t n);
char	   *vb_sqlite_lower(vb_arena *arena, const char *s);

/* A name in double quotes, whatever it is ("x" -> "\"x\""). */
char	   *vb_sqlite_double_quoted(vb_arena *arena, const char *name);

/* A canonical literal node. */
vb_sqlite_expr *vb_sqe_literal(vb_sqp *p, const char *text, size_t offset);

#endif							/* VB_SQLITE_PARSE_H */
