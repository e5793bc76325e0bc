/*
 * vb_mysql.h — MySQL 8 and MariaDB 10.11 in the portable core: a tokenizer
 * for their SQL, the canonical forms of types, defaults and expressions,
 * and the schema model built from catalog rows.
 *
 * Nothing here talks to a server. The CLI's src/cli/mysql_introspect.c
 * fetches the information_schema rows with the client library and hands
 * them to vb_mysql_build_schema; everything between rows and model is pure
 * C, so that rows written from MySQL 8's documentation (a server that
 * cannot run here) are tested like MariaDB's own.
 *
 * The canonical forms make the two servers' reports of one schema, and a
 * document written by hand in any spelling the server accepts, compare
 * equal as text: docs/mysql.md lists every rule.
 */
#ifndef VB_MYSQL_H
#define VB_MYSQL_H

#include "vb.h"

/* ------------------------------------------------------------------------
 * Tokenizer
 * ------------------------------------------------------------------------ */
typedef enum vb_mysql_token_kind
{
	VB_MYTOK_END = 0,
	VB_MYTOK_WORD,				/* a bare identifier or keyword, as written */
	VB_MYTOK_IDENT,				/* a quoted identifier (`a``b`), decoded */
	VB_MYTOK_STRING,			/* a string literal, decoded (may hold NUL) */
	VB_MYTOK_NUMBER,			/* 12, 1.5, .5, 1e-3, as written */
	VB_MYTOK_HEX,				/* X'4A' or 0x4a: the digits, lower case */
	VB_MYTOK_BIT,				/* B'101' or 0b101: the digits */
	VB_MYTOK_OPERATOR,			/* + - * / % = <=> <> != < <= > >= << >> & |
								 * ^ ~ ! && || -> ->> := */
	VB_MYTOK_PUNCT,				/* ( ) , . ; */
	VB_MYTOK_VARIABLE			/* @name, @@name, ? */
} vb_mysql_token_kind;

typedef struct vb_mysql_token
{
	vb_mysql_token_kind kind;
	char	   *text;			/* see the kinds; NUL-terminated */
	size_t		len;			/* bytes of text (a string may hold NUL) */
	char	   *introducer;		/* strings: "_utf8mb4", "N" ...; or NULL */
	int			offset;			/* byte offset of the token in the source */
} vb_mysql_token;

/* Lexical settings: the sql_mode flags that change how text is read. */
#define VB_MYSQL_ANSI_QUOTES			(1u << 0)	/* "x" is an identifier */
#define VB_MYSQL_NO_BACKSLASH_ESCAPES	(1u << 1)	/* '\' is a plain character */

/*
 * Split SQL text into tokens (vb_mysql_token *, the last one VB_MYTOK_END).
 * Comments are skipped (-- , #, C style); the text of a version comment
 * (a C-style comment opened with ! or M!) is read as SQL, as the server
 * runs it.
 * Adjacent string literals are one string, as the server reads them.
 * Fails (VB001) on an unterminated string, identifier or comment, and on a
 * character that begins no token; the message names the byte offset.
 */
bool		vb_mysql_tokenize(vb_arena *arena, const char *sql, unsigned flags,
							  vb_list *tokens, vb_error *err);

/* A copy of `s` in lower case (ASCII letters). */
char	   *vb_mysql_lower(vb_arena *arena, const char *s);

/* `ident` quoted with backticks (doubled inside). */
char	   *vb_mysql_quote_ident(vb_arena *arena, const char *ident);

/* A string literal in canonical form: 'text' with \\, \', \0, \n, \r, \Z
 * escaped (or '' for a quote when `double_quote`), `len` bytes of `s`. */
char	   *vb_mysql_quote_string(vb_arena *arena, const char *s, size_t len,
								  bool double_quote);

/* ------------------------------------------------------------------------
 * Canonical forms
 * ------------------------------------------------------------------------ */

/*
 * One expression (a CHECK clause, a generation expression, an index
 * expression, an expression default) in canonical form: parsed with
 * MySQL's operator precedence and printed with the fewest parentheses,
 * keywords and function names in lower case, identifiers in backticks
 * (with the spelling of `columns` when one matches: names of columns are
 * case-insensitive), strings as vb_mysql_quote_string prints them, charset
 * introducers other than _binary dropped. `columns` (char *) may be NULL.
 * Text that is not one expression is an error (VB001) naming `what`.
 */
bool		vb_mysql_canonical_expr(vb_arena *arena, const char *text, unsigned flags,
									const vb_list *columns, const char *what,
									char **out, vb_error *err);

/* What a canonical type says beyond its text. */
typedef struct vb_mysql_type
{
	char	   *text;			/* canonical: "int unsigned", "varchar(20)" */
	char	   *base;			/* the type's name: "int", "varchar" */
	char	   *charset;		/* CHARACTER SET given in the type text, or
								 * implied by it (NATIONAL: utf8mb3) */
	char	   *collation;		/* COLLATE given in the type text */
	bool		binary_collation;	/* CHAR(n) BINARY: the charset's _bin */
	int			fsp;			/* fractional seconds of temporal types */
	int			precision;		/* decimal(p,s), float(p,s): p; else -1 */
	int			scale;			/* decimal(p,s), float(p,s): s; else -1 */
	int			length;			/* char/varchar/binary/varbinary/bit: n */
	vb_list		members;		/* enum/set: char *, decoded */
} vb_mysql_type;

/* Type categories (vb_mysql_type_category). */
typedef enum vb_mysql_category
{
	VB_MYCAT_INTEGER,
	VB_MYCAT_DECIMAL,
	VB_MYCAT_FLOAT,
	VB_MYCAT_BIT,
	VB_MYCAT_STRING,			/* char, varchar, text types */
	VB_MYCAT_BINARY,			/* binary, varbinary, blob types */
	VB_MYCAT_ENUM,
	VB_MYCAT_SET,
	VB_MYCAT_DATE,
	VB_MYCAT_TIME,
	VB_MYCAT_DATETIME,			/* datetime, timestamp */
	VB_MYCAT_YEAR,
	VB_MYCAT_JSON,
	VB_MYCAT_OTHER				/* spatial and server-specific types */
} vb_mysql_category;

/*
 * A column type in any spelling the servers accept ("INT(11)", "integer",
 * "BOOL", "numeric(5)", "double precision", "varchar(10) character set
 * latin1", "ENUM('a', 'b')") in canonical form: lower case, integer display
 * widths dropped except tinyint(1) and ZEROFILL (MySQL 8.0.19's form),
 * synonyms resolved (bool -> tinyint(1), integer -> int, real -> double,
 * numeric -> decimal(10,0), year(4) -> year, ...). `charset_maxlen` is the
 * bytes per character of the column's charset (for TEXT(n)), 0 if unknown.
 */
bool		vb_mysql_canonical_type(vb_arena *arena, const char *type, int charset_maxlen,
									vb_mysql_type *out, vb_error *err);

vb_mysql_category vb_mysql_type_category(const vb_mysql_type *type);

/*
 * A default as a DEFAULT clause would write it ("'abc'", "5", "NULL",
 * "CURRENT_TIMESTAMP", "(uuid())", "now()") in canonical form for a column
 * of canonical type `type`: literals typed (strings 'x' with '' for quotes,
 * numbers in the column's scale, bits b'101', binary 0x616263, temporal
 * values padded to the column's precision), CURRENT_TIMESTAMP and its
 * synonyms as CURRENT_TIMESTAMP or CURRENT_TIMESTAMP(fsp) of the column,
 * a parenthesised literal as the literal, any other expression as
 * (canonical expression). *out is NULL for NULL (no default).
 */
bool		vb_mysql_canonical_default(vb_arena *arena, const char *text,
									   const vb_mysql_type *type, unsigned flags,
									   const vb_list *columns, char **out, vb_error *err);

/* ON UPDATE of a column: CURRENT_TIMESTAMP or CURRENT_TIMESTAMP(fsp), from
 * any synonym; an error for anything else or a type other than DATETIME
 * and TIMESTAMP. */
bool		vb_mysql_canonical_on_update(vb_arena *arena, const char *text,
										 const vb_mysql_type *type, char **out,
										 vb_error *err);

/* ------------------------------------------------------------------------
 * The server, and the catalog rows introspection reads
 * ------------------------------------------------------------------------ */
typedef enum vb_mysql_flavor
{
	VB_MYSQL_FLAVOR_MYSQL,
	VB_MYSQL_FLAVOR_MARIADB
} vb_mysql_flavor;

typedef struct vb_mysql_charset
{
	char	   *name;			/* utf8mb4 */
	char	   *default_collation;	/* utf8mb4_0900_ai_ci */
	int			maxlen;			/* bytes per character */
} vb_mysql_charset;

typedef struct vb_mysql_server
{
	vb_mysql_flavor flavor;
	int			version;		/* 80036, 101119: major*10000+minor*100+patch */
	char	   *version_text;	/* SELECT VERSION() */
	char	   *database;		/* the connection's database */
	char	   *charset;		/* its default character set */
	char	   *collation;		/* its default collation */
	char	   *engine;			/* @@default_storage_engine */
	vb_list		charsets;		/* vb_mysql_charset *: information_schema.CHARACTER_SETS */
	vb_list		collations;		/* char *: every collation's name; empty when
								 * not read (vb_mysql_read_server_names) */
	vb_list		engines;		/* char *: the storage engines that can be
								 * used; empty when not read */
} vb_mysql_server;

/* Flavour and version from SELECT VERSION() ("8.0.36", "8.0.36-log",
 * "10.11.19-MariaDB-0+deb12u1", "5.5.5-10.11.19-MariaDB..."); false when
 * the text holds no version. */
bool		vb_mysql_parse_version(const char *text, vb_mysql_flavor *flavor, int *version);

/* A charset of server->charsets, or NULL (utf8 is utf8mb3). */
const vb_mysql_charset *vb_mysql_find_charset(const vb_mysql_server *server, const char *name);

/* A collation's charset: the name before its first '_' (utf8_* is
 * utf8mb3, binary is binary). */
const char *vb_mysql_collation_charset(vb_arena *arena, const char *collation);

/* A collation's name as the servers report it now: utf8_* is utf8mb3_*. */
char	   *vb_mysql_collation_name(vb_arena *arena, const char *collation);

/*
 * A column's charset and collation as the document writes them: each only
 * where it differs from what the column gets without it (as SHOW CREATE
 * TABLE prints them) — the table's charset, and the table's collation for
 * that charset or else the charset's default collation. *charset and
 * *collation are set (NULL: left out).
 */
void		vb_mysql_column_charset(vb_arena *arena, const vb_mysql_server *server,
									const char *table_charset, const char *table_collation,
									const char *charset, const char *collation,
									char **out_charset, char **out_collation);

/* information_schema.TABLES (BASE TABLE and VIEW rows). */
typedef struct vb_mysql_table_row
{
	char	   *name;
	char	   *type;			/* TABLE_TYPE: "BASE TABLE", "VIEW", ... */
	char	   *engine;
	char	   *collation;		/* TABLE_COLLATION */
	char	   *comment;		/* TABLE_COMMENT */
} vb_mysql_table_row;

/* information_schema.COLUMNS; NULL members are SQL NULL. */
typedef struct vb_mysql_column_row
{
	char	   *table;
	char	   *name;
	int			position;		/* ORDINAL_POSITION */
	char	   *column_type;	/* COLUMN_TYPE */
	char	   *data_type;		/* DATA_TYPE */
	bool		nullable;		/* IS_NULLABLE = 'YES' */
	char	   *column_default; /* COLUMN_DEFAULT, NULL for SQL NULL */
	char	   *extra;			/* EXTRA */
	char	   *charset;		/* CHARACTER_SET_NAME */
	char	   *collation;		/* COLLATION_NAME */
	char	   *comment;		/* COLUMN_COMMENT */
	char	   *generation_expression;	/* GENERATION_EXPRESSION */
} vb_mysql_column_row;

/* information_schema.STATISTICS: one row per index part. */
typedef struct vb_mysql_index_row
{
	char	   *table;
	char	   *name;			/* INDEX_NAME; PRIMARY for the primary key */
	bool		non_unique;
	int			seq;			/* SEQ_IN_INDEX, from 1 */
	char	   *column;			/* COLUMN_NAME, NULL for an expression */
	char	   *expression;		/* EXPRESSION (MySQL 8), or NULL */
	char	   *collation;		/* COLLATION: "A", "D" or NULL */
	int			sub_part;		/* SUB_PART, 0 for NULL */
	char	   *index_type;		/* BTREE, HASH, FULLTEXT, SPATIAL, RTREE */
	char	   *comment;		/* INDEX_COMMENT */
	bool		visible;		/* MySQL IS_VISIBLE = 'YES'; MariaDB IGNORED = 'NO' */
} vb_mysql_index_row;

/* KEY_COLUMN_USAGE joined with REFERENTIAL_CONSTRAINTS: one row per FK
 * column. */
typedef struct vb_mysql_fk_row
{
	char	   *table;
	char	   *name;
	int			position;		/* ORDINAL_POSITION, from 1 */
	char	   *column;
	char	   *ref_schema;
	char	   *ref_table;
	char	   *ref_column;
	char	   *update_rule;	/* RESTRICT, CASCADE, SET NULL, NO ACTION, SET DEFAULT */
	char	   *delete_rule;
} vb_mysql_fk_row;

/* CHECK_CONSTRAINTS (MariaDB: with TABLE_NAME and LEVEL; MySQL 8: joined
 * with TABLE_CONSTRAINTS for the table and ENFORCED). */
typedef struct vb_mysql_check_row
{
	char	   *table;
	char	   *name;
	char	   *clause;			/* CHECK_CLAUSE */
	char	   *level;			/* MariaDB: "Column" or "Table"; MySQL: NULL */
	bool		enforced;		/* MySQL 8 ENFORCED = 'YES'; MariaDB: true */
} vb_mysql_check_row;

typedef struct vb_mysql_view_row
{
	char	   *name;
	char	   *definition;		/* VIEW_DEFINITION */
	char	   *check_option;	/* NONE, CASCADED, LOCAL */
	char	   *definer;
	char	   *security;		/* DEFINER, INVOKER */
	char	   *algorithm;		/* UNDEFINED, MERGE, TEMPTABLE */
} vb_mysql_view_row;

typedef struct vb_mysql_trigger_row
{
	char	   *name;
	char	   *table;			/* EVENT_OBJECT_TABLE */
	char	   *timing;			/* BEFORE, AFTER */
	char	   *event;			/* INSERT, UPDATE, DELETE */
	char	   *statement;		/* ACTION_STATEMENT */
	char	   *definer;
} vb_mysql_trigger_row;

/* Everything introspection reads, for one database. */
typedef struct vb_mysql_catalog
{
	vb_mysql_server server;
	vb_list		tables;			/* vb_mysql_table_row * */
	vb_list		columns;		/* vb_mysql_column_row *, by table, position */
	vb_list		indexes;		/* vb_mysql_index_row *, by table, index, seq */
	vb_list		foreign_keys;	/* vb_mysql_fk_row *, by table, name, position */
	vb_list		checks;			/* vb_mysql_check_row * */
	vb_list		views;			/* vb_mysql_view_row * */
	vb_list		triggers;		/* vb_mysql_trigger_row * */
} vb_mysql_catalog;

/*
 * The schema model of a catalog (dialect "mysql"): each server's spelling
 * decoded and brought to the canonical forms above, so that MariaDB 10.11
 * and MySQL 8 rows of one schema give the same model. viborm's own tables
 * (_viborm_history, _viborm_snapshot) are left out; views and triggers are
 * listed as unmanaged, with their definitions. Fails (VB001 naming the
 * table and column) on a row it cannot read, such as an unknown EXTRA.
 */
bool		vb_mysql_build_schema(vb_arena *arena, const vb_mysql_catalog *catalog,
								  vb_schema **out, vb_error *err);

/* A unique index that the document writes as a unique constraint: plain
 * columns (no prefix, no DESC), BTREE, visible. */
bool		vb_mysql_is_unique_constraint(const vb_index *ix);

/* The index MySQL creates by itself for a foreign key of `t`: named after
 * it, over exactly its columns, non-unique, BTREE, visible, no comment.
 * Introspection leaves it out (pushing the foreign key makes it again). */
bool		vb_mysql_is_fk_index(const vb_table *t, const vb_index *ix);

/* Tables, and each table's unique constraints, indexes, foreign keys and
 * checks, in byte order of their names (unnamed ones first). */
void		vb_mysql_sort_schema(vb_schema *s);

/*
 * Bring a document's MySQL tables to the same canonical forms, as the
 * server would store them: types, defaults, ON UPDATE, expressions,
 * charsets and collations resolved against the table and the database
 * (server), the primary key named PRIMARY, unique indexes of plain columns
 * as unique constraints, the index MySQL makes for a foreign key left out
 * as introspection leaves it out. Errors name the JSON path.
 */
bool		vb_mysql_canonicalize(vb_arena *arena, const vb_mysql_server *server,
								  vb_schema *doc, vb_error *err);

/*
 * Refuse, before anything runs, what the server would refuse half way
 * through a push (MySQL commits each statement): a canonical document's
 * autoIncrement column that leads no key, or one too many; a TEXT, BLOB
 * or JSON column in a key without a prefix length; a prefix on what has
 * none, or longer than the column; foreign keys between columns of
 * different types or charsets, on tables whose engine has none, SET NULL
 * on a NOT NULL column, SET DEFAULT; a non-unique HASH index (InnoDB
 * makes it BTREE); a string default longer than its column; a table with
 * no visible column; a charset, collation or engine the server lacks
 * (when server lists them). VB001 naming the JSON path.
 */
bool		vb_mysql_check_document(vb_arena *arena, const vb_mysql_server *server,
									const vb_schema *doc, vb_error *err);

#endif							/* VB_MYSQL_H */
