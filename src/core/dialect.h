/*
 * dialect.h — what a database's language is to the core: a table of facts
 * and functions, one per dialect, filled with designated initialisers
 * (dialect_pg.c is the worked example; docs/design.md "Adding a dialect").
 *
 * The differ decides and the dialect writes. vb_diff pairs objects and
 * builds operations that say what changes, from what, to what (vb_change,
 * in vb.h); it consults the dialect only for facts (names the database
 * would choose, which type changes are safe, what it can do in place).
 * Then vb_plan_write hands every operation to the dialect, which writes
 * its statements, its guard queries and its hazards. Nothing outside a
 * dialect file writes SQL.
 *
 * Every member below states its contract. Functions allocate from the
 * arena they are given and never fail unless they return bool; identifiers
 * and literals always go through the dialect's own quoting.
 */
#ifndef VB_DIALECT_H
#define VB_DIALECT_H

#include "vb.h"

/*
 * The phases of a plan: operations run phase by phase, and within a phase
 * in the order the differ made them. The order respects every dependency
 * between the kinds (FKs dropped before what they reference, tables
 * created before FKs, renames before the changes that use the new names,
 * enums created before columns use them, ...).
 */
typedef enum vb_phase_id
{
	VB_PH_CREATE_SCHEMA = 1,
	VB_PH_ENUM_CHANGE,			/* create enum, rename enum/value, add value */
	VB_PH_DROP_FOREIGN_KEY,
	VB_PH_DROP_KEY_INDEX,		/* drop index, unique, primary key, check */
	VB_PH_DROP_TABLE,
	VB_PH_DROP_COLUMN,
	VB_PH_RENAME_TABLE,
	VB_PH_RENAME_COLUMN,
	VB_PH_RENAME_OTHER,			/* constraints, indexes, sequences */
	VB_PH_SET_STORAGE,			/* storage parameters of kept tables and
								 * indexes: before rewrites and builds that
								 * use them */
	VB_PH_RECREATE_ENUM,
	VB_PH_CREATE_TABLE,
	VB_PH_ADD_COLUMN,
	VB_PH_ALTER_COLUMN,
	VB_PH_ADD_GENERATED,		/* generated columns: their inputs are final */
	VB_PH_ADD_PRIMARY_KEY,
	VB_PH_ADD_UNIQUE,
	VB_PH_ADD_CHECK,
	VB_PH_CREATE_INDEX,
	VB_PH_ADD_FOREIGN_KEY,
	VB_PH_VALIDATE,				/* VALIDATE, ALTER CONSTRAINT */
	VB_PH_COMMENT,
	VB_PH_DROP_ENUM
} vb_phase_id;

/* The core's phase of an operation (what vb_dialect.phase defaults to). */
int			vb_phase(const vb_operation *op);

/* The kinds of names a database chooses for objects the user left unnamed. */
typedef enum vb_name_kind
{
	VB_NAME_PRIMARY_KEY,
	VB_NAME_UNIQUE,
	VB_NAME_INDEX,
	VB_NAME_FOREIGN_KEY,
	VB_NAME_CHECK,
	VB_NAME_SEQUENCE
} vb_name_kind;

/* Where two objects' names may not be equal. */
typedef enum vb_name_scope
{
	VB_SCOPE_SCHEMA,			/* unique among the schema's relations */
	VB_SCOPE_TABLE				/* unique among the table's constraints */
} vb_name_scope;

/* What the database can express at all, and what it can change in place. */
typedef struct vb_capabilities
{
	bool		transactional_ddl;	/* DDL is rolled back with its transaction */
	bool		schemas;		/* namespaces: CREATE SCHEMA, qualified names */
	bool		enum_types;		/* named enum types (document "enums") */
	bool		sequences;		/* owned sequences behind autoIncrement */
	bool		identity;		/* GENERATED ... AS IDENTITY columns */
	bool		generated_stored;	/* GENERATED ALWAYS AS (...) STORED */
	bool		collations;		/* per-column and per-element collations */
	bool		comments;		/* comments on tables and columns */
	bool		partial_indexes;	/* CREATE INDEX ... WHERE */
	bool		expression_indexes; /* index elements that are expressions */
	bool		index_methods;	/* CREATE INDEX ... USING method */
	bool		index_include;	/* INCLUDE columns */
	bool		nulls_not_distinct; /* UNIQUE NULLS NOT DISTINCT */
	bool		deferrable;		/* DEFERRABLE constraints */
	bool		not_valid;		/* constraints added without checking rows */
	bool		alter_column;	/* ALTER COLUMN type, default, nullability */
	bool		add_constraint; /* ALTER TABLE ADD/DROP CONSTRAINT */
	bool		rename_column;	/* ALTER TABLE ... RENAME COLUMN */
	bool		rename_index;	/* renaming an index in place */
	bool		rename_constraint;	/* renaming a constraint in place */
	bool		storage_parameters; /* WITH (...) of tables and indexes */
	bool		opclasses;		/* operator classes, NULLS FIRST/LAST of index
								 * elements */
	bool		match_full;		/* MATCH FULL foreign keys */
	bool		no_inherit;		/* NO INHERIT checks */
	bool		constraint_comments;	/* comments on primary keys, foreign
										 * keys and checks (unique keys and
										 * indexes: `comments`) */
	/* MySQL's own keys */
	bool		table_options;	/* a table's engine, charset, collation */
	bool		charsets;		/* a column's character set */
	bool		on_update;		/* ON UPDATE CURRENT_TIMESTAMP columns */
	bool		invisible_columns;	/* INVISIBLE columns */
	bool		invisible_indexes;	/* INVISIBLE (MySQL) or IGNORED (MariaDB)
									 * indexes */
	bool		prefix_indexes; /* index elements over a column's prefix */
	bool		unenforced_checks;	/* CHECK ... NOT ENFORCED */
} vb_capabilities;

/* The operation being written: vb_sql_add appends to op->sql. */
typedef struct vb_sql
{
	vb_arena   *arena;
	vb_operation *op;
} vb_sql;

typedef void (*vb_write_fn) (vb_sql *out, const vb_change *change);

/* Append one statement to the operation being written. */
void		vb_sql_add(vb_sql *out, char *statement);

struct vb_dialect
{
	/* The document's "dialect" key: "pg", "sqlite" or "mysql". */
	const char *name;

	/* Longest identifier in bytes; a longer name in a document is an error. */
	int			max_identifier;

	vb_capabilities can;

	/* ---- lexical rules ------------------------------------------------ */

	/* An identifier as the database prints it: bare when it may be, else
	 * quoted with the quoting doubled inside. */
	char	   *(*quote_ident) (vb_arena *a, const char *ident);

	/* A string literal that means the text whatever the session settings. */
	char	   *(*quote_literal) (vb_arena *a, const char *text);

	/* The character that opens a quoted identifier in the expressions the
	 * catalog prints (the differ renames columns inside them). */
	char		ident_quote;

	/* schema.name, each quoted; a dialect without schemas returns the
	 * quoted name alone. */
	char	   *(*qualified) (vb_arena *a, const char *schema, const char *name);

	/* ---- names the database chooses ------------------------------------ */

	/* The name the database gives an unnamed object of table `table` over
	 * `columns` (NULL for a primary key, or a check on several columns);
	 * `pass` > 0 asks for the pass-th alternative when the name is taken
	 * (PostgreSQL appends the number to the label: t_a_idx1). */
	char	   *(*default_name) (vb_arena *a, vb_name_kind kind, const char *table,
								 const vb_list *columns, int pass);

	/* The namespace in which names of this kind must be unique. */
	vb_name_scope (*name_scope) (vb_name_kind kind);

	/* ---- types ------------------------------------------------------- */

	/* 1, 2, 3 for the small, standard and big integer types (canonical
	 * type text), 0 for any other type: autoIncrement needs one of them;
	 * integer_types names them for an error message. */
	int			(*integer_rank) (const char *type);
	const char *integer_types;

	/* Can `from` become `to` without losing data (CONTRACT §2's safe
	 * list)? *rewrite says whether the change rewrites the table. */
	bool		(*safe_type_change) (vb_arena *a, const char *from, const char *to,
									 bool *rewrite);

	/* Is this (canonical) type text an array of something, and of what?
	 * Returns the element type; *dims is the number of dimensions. */
	const char *(*element_type) (vb_arena *a, const char *type, int *dims);

	/* The expression that converts `expr` (SQL text; NULL: a NULL) from
	 * type `from` to `to` as a type change does; through_text when an enum
	 * is on either side (there is no direct cast between two enums). */
	char	   *(*cast) (vb_arena *a, const char *expr, const char *from,
						 const char *to, bool through_text);

	/* ---- SQL of every operation ------------------------------------------
	 * Each writes the statements of one operation kind (vb_op_kind) from
	 * its change, in the order they must run; vb_plan_write calls them.
	 * A dialect leaves NULL the kinds it can never be asked for (its
	 * capabilities rule them out). */
	vb_write_fn write[VB_OP__COUNT];

	/* ---- data guards ------------------------------------------------- */

	/* The query of a guard (vb_guard, kind and parameters filled by the
	 * differ): one row, one integer, the number of rows the operation
	 * would break. Runs on the current schema before anything else. NULL:
	 * this database cannot fail that way (the guard is dropped). */
	char	   *(*guard_query) (vb_arena *a, const vb_guard *g);

	/* ---- hazards and order --------------------------------------------- */

	/* The VB_HAZARD_* bits of an operation as this database runs it
	 * (locks, rewrites, scans, index builds, data loss). */
	unsigned	(*hazards) (const vb_operation *op);

	/* The phase of an operation: operations run by phase, then in the
	 * order the differ made them. NULL: the core's order (vb_phase). */
	int			(*phase) (const vb_operation *op);

	/* What each hazard (VB_HAZARD_* bit, in order) means on this
	 * database, with %s for the table, for the result's "detail". NULL:
	 * PostgreSQL's words. */
	const char *const *hazard_details;

	/* ---- lowering ------------------------------------------------------ */

	/* Rewrite the plan before it is written, for a dialect that cannot run
	 * some operations as they are (SQLite rebuilds a table for most
	 * changes). NULL: nothing to lower. */
	bool		(*lower) (vb_arena *a, vb_plan *plan, vb_error *err);
};

/* PostgreSQL's names for unnamed objects (<table>_<cols>_key, t_a_idx1...),
 * which the contract gives them on every dialect (a default_name). */
char	   *vb_pg_style_name(vb_arena *a, vb_name_kind kind, const char *table,
							 const vb_list *columns, int pass);

/* PostgreSQL's name scopes: keys and indexes among the schema's relations,
 * FKs and checks among the table's constraints. */
vb_name_scope vb_pg_style_scope(vb_name_kind kind);

/* The dialects the core knows. */
extern const vb_dialect vb_dialect_pg;
extern const vb_dialect vb_dialect_sqlite;
extern const vb_dialect vb_dialect_mysql;	/* MySQL 8 */
extern const vb_dialect vb_dialect_mariadb;	/* MariaDB 10.11: "mysql" too */

/* The dialect of a document's "dialect" key ("pg"...), or NULL ("mysql":
 * MySQL 8's; a driver that knows its server picks vb_dialect_mariadb). */
const vb_dialect *vb_dialect_by_name(const char *name);

/* The data guard query of a new foreign key (VB_GUARD_FOREIGN_KEY) for a
 * dialect whose keys compare as they are (MySQL, SQLite): dialect.c. */
char	   *vb_foreign_key_guard_sql(vb_arena *a, const vb_dialect *dl, const vb_guard *g,
									 const char *t);

/*
 * The data guard query of a new unique key or index (VB_GUARD_UNIQUE), for
 * every dialect: the rows beyond the first of each group of equal keys in
 * `t` (quoted, qualified), leaving out rows with a NULL in the key unless
 * g->nulls_not_distinct, and only those the predicate selects (a partial
 * index). `sum` is the dialect's sum of the groups' n - 1 as a 64-bit
 * integer; `element` writes one key element (NULL: a column quoted by the
 * dialect, an expression as it is): dialect.c.
 */
char	   *vb_unique_guard_sql(vb_arena *a, const vb_dialect *dl, const vb_guard *g,
								const char *t, const char *sum,
								const char *(*element) (vb_arena *a, const vb_index_elem *el));

/* Refuse what the dialect cannot express (enums on SQLite, identity on
 * MySQL, ...): VB001 naming the key's JSON path. */
bool		vb_check_dialect(vb_arena *arena, const vb_dialect *dialect,
							 const vb_schema *doc, vb_error *err);

#endif							/* VB_DIALECT_H */
