/*
 * vb_sqlite.h — SQLite's SQL as the core reads it: a tokenizer, an
 * expression parser with one canonical printed form, the canonical form of
 * declared types, parsers of the CREATE TABLE and CREATE INDEX text that
 * sqlite_schema keeps, and the mapping of a SQLite catalog into the core's
 * schema model.
 *
 * Portable C11 like the rest of the core: no sqlite3.h here. The CLI's
 * SQLite driver (src/cli/sqlite_introspect.c) reads the catalog with
 * libsqlite3 and hands the rows to vb_sqlite_build_schema().
 *
 * Canonical forms (docs/sqlite.md): two texts that SQLite reads as the
 * same expression print the same, and two that it reads differently never
 * do. Keywords are upper-case, identifiers are double-quoted only when
 * they must be, spaces are single, redundant parentheses are gone, string
 * literals stay exactly as written and numbers as written (1.0 is not 1).
 */
#ifndef VB_SQLITE_H
#define VB_SQLITE_H

#include "vb.h"

/* ------------------------------------------------------------------------
 * Tokens (tokenize.c of SQLite 3.40, as far as schema text needs it)
 * ------------------------------------------------------------------------ */
typedef enum vb_sqlite_token_kind
{
	VB_SQT_END = 0,				/* end of input */
	VB_SQT_WORD,				/* a bare identifier or keyword */
	VB_SQT_QUOTED,				/* "id", `id` or [id] */
	VB_SQT_STRING,				/* 'text' */
	VB_SQT_BLOB,				/* X'00ff' */
	VB_SQT_INTEGER,				/* 42, 0x2A */
	VB_SQT_FLOAT,				/* 1.5, .5, 1e3 */
	VB_SQT_VARIABLE,			/* ?, ?1, :a, @a, $a */
	VB_SQT_PUNCT				/* an operator or punctuation: ( ) , . || ->> ... */
} vb_sqlite_token_kind;

typedef struct vb_sqlite_token
{
	vb_sqlite_token_kind kind;
	const char *start;			/* into the tokenized text */
	size_t		len;
	size_t		offset;			/* byte offset of start */
} vb_sqlite_token;

/* Split `sql` into tokens (comments and spaces dropped), ending with one
 * VB_SQT_END token. An unterminated quote or comment-free garbage is VB001
 * naming the line and column. */
bool		vb_sqlite_tokenize(vb_arena *arena, const char *sql, vb_list *out,
							   vb_error *err);

/* The value of a token: a quoted identifier or string without its quotes
 * and with doubled quotes undone; any other token's text. */
char	   *vb_sqlite_token_value(vb_arena *arena, const vb_sqlite_token *t);

/* Whether a token is the bare word `word` (ASCII case-insensitive). */
bool		vb_sqlite_token_is(const vb_sqlite_token *t, const char *word);

/* SQLite's 147 keywords (lang_keywords.html), case-insensitive. */
bool		vb_sqlite_is_keyword(const char *word, size_t len);
int			vb_sqlite_keyword_count(void);

/* The keywords that can never be a bare name (SELECT, NULL, ...), unlike
 * KEY, ACTION or REPLACE, which can. */
bool		vb_sqlite_is_reserved(const char *word, size_t len);
const char *vb_sqlite_keyword_name(int i);

/* An identifier as the canonical printer writes it: bare when it is
 * [A-Za-z_][A-Za-z0-9_]* and neither a keyword nor TRUE/FALSE, else in
 * double quotes with " doubled. */
char	   *vb_sqlite_quote_ident(vb_arena *arena, const char *ident);

/* A string literal: in single quotes with ' doubled. */
char	   *vb_sqlite_quote_literal(vb_arena *arena, const char *value);

/* "line L, column C" of a byte offset of `text`. */
char	   *vb_sqlite_position(vb_arena *arena, const char *text, size_t offset);

/* ------------------------------------------------------------------------
 * Expressions (lang_expr.html, parse.y)
 * ------------------------------------------------------------------------ */
typedef enum vb_sqlite_expr_kind
{
	VB_SQE_LITERAL,				/* text: number, string, blob, NULL, TRUE,
								 * FALSE, CURRENT_TIME/DATE/TIMESTAMP */
	VB_SQE_VARIABLE,			/* text */
	VB_SQE_COLUMN,				/* parts: [schema.][table.]column */
	VB_SQE_UNARY,				/* text: - + ~ NOT; a */
	VB_SQE_BINARY,				/* text: the operator; a, b */
	VB_SQE_COLLATE,				/* a COLLATE text */
	VB_SQE_ISNULL,				/* a IS NULL (ISNULL) */
	VB_SQE_NOTNULL,				/* a IS NOT NULL (NOTNULL, NOT NULL) */
	VB_SQE_LIKE,				/* a text b [ESCAPE c]; text: LIKE GLOB
								 * REGEXP MATCH */
	VB_SQE_BETWEEN,				/* a BETWEEN b AND c */
	VB_SQE_IN,					/* a IN (list) */
	VB_SQE_IN_SELECT,			/* a IN (text: a SELECT, printed) */
	VB_SQE_IN_TABLE,			/* a IN parts [(list)] */
	VB_SQE_CASE,				/* CASE [a] list: when, then, ... [ELSE c] END */
	VB_SQE_CAST,				/* CAST(a AS text) */
	VB_SQE_FUNCTION,			/* text(list) [FILTER (WHERE b)] [OVER over] */
	VB_SQE_VECTOR,				/* (list) */
	VB_SQE_SUBQUERY,			/* (text: a SELECT, printed) */
	VB_SQE_EXISTS,				/* EXISTS (text: a SELECT, printed) */
	VB_SQE_RAISE				/* RAISE(text[, a]) */
} vb_sqlite_expr_kind;

typedef struct vb_sqlite_expr vb_sqlite_expr;

struct vb_sqlite_expr
{
	vb_sqlite_expr_kind kind;
	char	   *text;			/* see the kinds above */
	vb_list		parts;			/* char *: names of a column or IN table */
	bool		quoted;			/* a one-part column written in quotes */
	bool		negated;		/* NOT LIKE, NOT BETWEEN, NOT IN */
	bool		distinct;		/* f(DISTINCT ...) */
	bool		star;			/* f(*) */
	vb_sqlite_expr *a;
	vb_sqlite_expr *b;
	vb_sqlite_expr *c;
	vb_list		list;			/* vb_sqlite_expr * */
	char	   *over;			/* window of a function, printed */
	size_t		offset;			/* where it starts in the parsed text */
	int			height;			/* of the tree below, 1 for a leaf */
};

/* Parse `text` as exactly one expression. Errors are VB001 naming the line,
 * column and token ("near \"FROM\" at line 1, column 9: ..."). */
bool		vb_sqlite_expr_parse(vb_arena *arena, const char *text,
								 vb_sqlite_expr **out, vb_error *err);

/*
 * The canonical text of an expression. `columns` (char *), when not NULL,
 * are the columns in scope (a table's columns; an empty list for a
 * DEFAULT): a one-part name that matches one of them, ASCII
 * case-insensitively, is printed in that column's spelling; a one-part name
 * in double quotes that matches none is a string literal, as SQLite reads it
 * (its double-quoted string misfeature); bare TRUE and FALSE are booleans
 * unless a column has that name. Without `columns`, a one-part name
 * written in double quotes stays in double quotes (it may be either).
 */
char	   *vb_sqlite_expr_print(vb_arena *arena, const vb_sqlite_expr *e,
								 const vb_list *columns);

/* The tree as it was read, every operation in parentheses: "a + b * c" is
 * "a + (b * c)". For tests and error details. */
char	   *vb_sqlite_expr_print_explicit(vb_arena *arena, const vb_sqlite_expr *e);

/* Parse and print: the canonical form of an expression text. */
bool		vb_sqlite_expr_canonical(vb_arena *arena, const char *text,
									 const vb_list *columns, char **out,
									 vb_error *err);

/* The columns of `columns` an expression uses, each once, in the order of
 * first use and in the columns' own spelling. */
void		vb_sqlite_expr_columns(vb_arena *arena, const vb_sqlite_expr *e,
								   const vb_list *columns, vb_list *out);

/* The canonical form of a declared type as SQLite keeps it (the text after
 * the column name, dequoted like SQLite does): ASCII upper-case, single
 * spaces, no space around parentheses and commas, no '+' on a size:
 * "varchar ( 20 )" -> "VARCHAR(20)", "" for no type. */
char	   *vb_sqlite_type_canonical(vb_arena *arena, const char *declared);

/* The canonical form of a collation name: ASCII upper-case. */
char	   *vb_sqlite_collation_canonical(vb_arena *arena, const char *name);

/* The canonical form of a column default given as an expression text
 * (a document's "default"): *out is NULL when it is NULL (no default). */
bool		vb_sqlite_default_canonical(vb_arena *arena, const char *text,
										char **out, vb_error *err);

/* ------------------------------------------------------------------------
 * CREATE TABLE and CREATE INDEX (lang_createtable.html, lang_createindex.html)
 * ------------------------------------------------------------------------ */
typedef enum vb_sqlite_constraint_kind
{
	VB_SQC_PRIMARY_KEY,
	VB_SQC_UNIQUE,
	VB_SQC_CHECK,
	VB_SQC_FOREIGN_KEY
} vb_sqlite_constraint_kind;

/* A column of a PRIMARY KEY or UNIQUE list. */
typedef struct vb_sqlite_key_column
{
	char	   *name;
	char	   *collation;		/* explicit COLLATE, canonical; or NULL */
	bool		desc;
} vb_sqlite_key_column;

/* A constraint, written on a column or on the table. */
typedef struct vb_sqlite_constraint
{
	vb_sqlite_constraint_kind kind;
	char	   *name;			/* CONSTRAINT name, or NULL */
	int			column;			/* index of the column it was written on, or
								 * -1 for a table constraint */
	vb_list		columns;		/* vb_sqlite_key_column * (PK, UNIQUE) or
								 * char * (FOREIGN KEY's own columns) */
	char	   *conflict;		/* ON CONFLICT ROLLBACK/ABORT/FAIL/IGNORE/
								 * REPLACE, or NULL */
	bool		autoincrement;	/* PRIMARY KEY ... AUTOINCREMENT */
	vb_sqlite_expr *check;		/* CHECK */
	char	   *ref_table;		/* FOREIGN KEY: REFERENCES table */
	vb_list		ref_columns;	/* char *; empty when not written */
	vb_fk_action on_delete;
	vb_fk_action on_update;
	char	   *match;			/* MATCH name, or NULL (SQLite ignores it) */
	bool		deferrable;		/* DEFERRABLE (not NOT DEFERRABLE) */
	bool		initially_deferred; /* DEFERRABLE INITIALLY DEFERRED */
	size_t		offset;
} vb_sqlite_constraint;

typedef struct vb_sqlite_column_def
{
	char	   *name;
	char	   *type;			/* declared type as SQLite keeps it; "" */
	bool		not_null;
	char	   *not_null_conflict;	/* ON CONFLICT of NOT NULL, or NULL */
	bool		has_default;
	vb_sqlite_expr *default_expr;	/* NULL for DEFAULT NULL */
	char	   *collation;		/* COLLATE, canonical, or NULL */
	vb_sqlite_expr *generated;	/* [GENERATED ALWAYS] AS (expr) */
	bool		generated_stored;	/* STORED (default VIRTUAL) */
	bool		pk_desc;		/* PRIMARY KEY DESC written on the column */
	size_t		offset;
} vb_sqlite_column_def;

typedef struct vb_sqlite_table_def
{
	char	   *schema;			/* schema prefix, or NULL */
	char	   *name;
	bool		temporary;
	bool		as_select;		/* CREATE TABLE ... AS SELECT (no columns) */
	vb_list		columns;		/* vb_sqlite_column_def * */
	vb_list		constraints;	/* vb_sqlite_constraint *, in text order */
	bool		without_rowid;
	bool		strict;
} vb_sqlite_table_def;

typedef struct vb_sqlite_index_column
{
	vb_sqlite_expr *expr;		/* the element without its COLLATE */
	char	   *column;			/* when the element is a bare column name */
	char	   *collation;		/* explicit COLLATE, canonical, or NULL */
	bool		desc;
} vb_sqlite_index_column;

typedef struct vb_sqlite_index_def
{
	char	   *schema;
	char	   *name;
	char	   *table;
	bool		unique;
	vb_list		columns;		/* vb_sqlite_index_column * */
	vb_sqlite_expr *where;		/* partial index predicate, or NULL */
} vb_sqlite_index_def;

/* Parse CREATE TABLE / CREATE INDEX text (IF NOT EXISTS, TEMP and a
 * schema prefix accepted). Errors are VB001 naming line, column and token. */
bool		vb_sqlite_parse_create_table(vb_arena *arena, const char *sql,
										 vb_sqlite_table_def **out, vb_error *err);
bool		vb_sqlite_parse_create_index(vb_arena *arena, const char *sql,
										 vb_sqlite_index_def **out, vb_error *err);

/* ------------------------------------------------------------------------
 * A SQLite catalog, as the pragmas return it, into the schema model
 * ------------------------------------------------------------------------ */

/* A row of pragma_table_xinfo. */
typedef struct vb_sqlite_column_row
{
	char	   *name;
	char	   *type;
	bool		notnull;
	char	   *dflt_value;		/* NULL: no default */
	int			pk;				/* 1-based position in the PK, 0 */
	int			hidden;			/* 0, 1 hidden, 2 VIRTUAL, 3 STORED */
} vb_sqlite_column_row;

/* A key row (key = 1) of pragma_index_xinfo. */
typedef struct vb_sqlite_index_column_row
{
	int			cid;			/* -1 rowid, -2 expression */
	char	   *name;			/* NULL for an expression */
	bool		desc;
	char	   *coll;
} vb_sqlite_index_column_row;

/* A row of pragma_index_list, with its columns and its CREATE text. */
typedef struct vb_sqlite_index_row
{
	char	   *name;
	bool		unique;
	char	   *origin;			/* "c", "u" or "pk" */
	bool		partial;
	char	   *sql;			/* sqlite_schema.sql; NULL for autoindexes */
	vb_list		columns;		/* vb_sqlite_index_column_row * */
} vb_sqlite_index_row;

/* One foreign key of pragma_foreign_key_list (its rows of one id). */
typedef struct vb_sqlite_fk_row
{
	int			id;
	char	   *table;
	vb_list		from;			/* char * */
	vb_list		to;				/* char *, NULL entries when not written */
	char	   *on_update;		/* "NO ACTION", "CASCADE", ... */
	char	   *on_delete;
	char	   *match;
} vb_sqlite_fk_row;

typedef struct vb_sqlite_table_row
{
	char	   *name;
	char	   *sql;			/* sqlite_schema.sql */
	bool		without_rowid;	/* pragma_table_list.wr */
	bool		strict;			/* pragma_table_list.strict */
	vb_list		columns;		/* vb_sqlite_column_row *, by cid */
	vb_list		indexes;		/* vb_sqlite_index_row * */
	vb_list		foreign_keys;	/* vb_sqlite_fk_row *, by id */
} vb_sqlite_table_row;

/* A view, trigger, virtual table or shadow table. */
typedef struct vb_sqlite_other_row
{
	char	   *kind;			/* "view", "trigger", "virtualTable",
								 * "shadowTable" */
	char	   *name;
	char	   *table;			/* sqlite_schema.tbl_name */
	char	   *sql;
} vb_sqlite_other_row;

typedef struct vb_sqlite_catalog
{
	vb_list		tables;			/* vb_sqlite_table_row *, ordinary tables */
	vb_list		others;			/* vb_sqlite_other_row * */
} vb_sqlite_catalog;

/*
 * Build the schema of a SQLite database from its catalog rows: each table's
 * CREATE text is parsed for what the pragmas do not show and cross-checked
 * against them; a disagreement is an error (XX000) naming the table, since
 * the schema would otherwise be read wrong. Tables whose definition the
 * document cannot express (docs/sqlite.md) are listed as unmanaged, with
 * views, triggers and virtual tables.
 */
bool		vb_sqlite_build_schema(vb_arena *arena, const vb_sqlite_catalog *cat,
								   vb_schema **out, vb_error *err);

/*
 * Canonicalise a document read for SQLite, in place: types, collations,
 * defaults, generation expressions, checks, index elements and predicates
 * take the canonical forms introspection gives, and each unnamed check
 * learns the one column it uses (name_column). Errors are VB001 with the
 * JSON path of the element.
 */
bool		vb_sqlite_canonicalize(vb_arena *arena, vb_schema *schema, vb_error *err);

#endif							/* VB_SQLITE_H */
