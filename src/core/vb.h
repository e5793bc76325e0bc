/*
 * vb.h — the portable core of viborm: schema model, arena, errors and the
 * pipeline entry points (document reading/writing, diff, plan, DDL).
 *
 * Nothing here includes a PostgreSQL header. Every exported symbol starts
 * with vb_ so it cannot clash with the backend's own names. The core never
 * exits, aborts or longjmps: functions that can fail return false and fill a
 * vb_error, which the face (the extension or the CLI) turns into its own
 * error report.
 */
#ifndef VB_H
#define VB_H

#include <stdbool.h>
#include <stddef.h>

/* PostgreSQL's identifier limit (NAMEDATALEN - 1). */
#define VB_MAX_IDENT 63

/* ------------------------------------------------------------------------
 * Arena: every allocation of the core goes through one, handed in by the
 * caller. Memory is zeroed and released all at once by its owner.
 * ------------------------------------------------------------------------ */
typedef struct vb_arena
{
	void	   *(*alloc) (void *ctx, size_t size);	/* returns zeroed memory */
	void		(*release) (void *ctx);	/* frees everything; may be NULL */
	void	   *ctx;

	/*
	 * Asked in every loop over the objects of a document, a schema or a
	 * plan: true means stop, and the call fails with VB_ERR_CANCELED. May be
	 * NULL (never stop). A face may also leave by unwinding the stack from
	 * here (the extension's CHECK_FOR_INTERRUPTS does), when every
	 * allocation of the core and of the JSON library is its own to release,
	 * as a memory context is.
	 */
	bool		(*stop) (void *stop_ctx);
	void	   *stop_ctx;
	bool		stopped;		/* stop said yes: every later ask says yes */
	void	   *memo;			/* vb_arena_memo's map; NULL until used */
} vb_arena;

/*
 * Results a pure function of the core may reuse for the life of the arena
 * (a vb_map *, made on first use): keyed by the function's name and its
 * arguments; the values are the arena's, never changed once stored.
 */
struct vb_map *vb_arena_memo(vb_arena *arena);

/* Ask the face whether to stop (see vb_arena.stop); once true, always. */
bool		vb_should_stop(vb_arena *arena);

void	   *vb_alloc(vb_arena *arena, size_t size);
char	   *vb_strdup(vb_arena *arena, const char *s);
char	   *vb_strndup(vb_arena *arena, const char *s, size_t n);
char	   *vb_printf(vb_arena *arena, const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 2, 3)))
#endif
		   ;

/*
 * A malloc-backed arena for the CLI and the unit tests. It never returns
 * NULL, as palloc never does: when memory runs out it calls its
 * out-of-memory function, which must not return (by default: a message on
 * stderr, then abort()); a face sets its own with
 * vb_heap_arena_on_out_of_memory (NULL: the default again).
 */
vb_arena   *vb_heap_arena_new(void);
void		vb_heap_arena_on_out_of_memory(vb_arena *arena, void (*fn) (size_t size));
void		vb_arena_free(vb_arena *arena);

/* ------------------------------------------------------------------------
 * Growable pointer list and string builder (arena-allocated).
 * ------------------------------------------------------------------------ */
typedef struct vb_list
{
	void	  **items;
	int			count;
	int			capacity;
} vb_list;

void		vb_list_push(vb_arena *arena, vb_list *list, void *item);
#define vb_list_get(list, i) ((list)->items[(i)])

typedef struct vb_buf
{
	vb_arena   *arena;
	char	   *data;
	size_t		len;
	size_t		cap;
} vb_buf;

void		vb_buf_init(vb_buf *buf, vb_arena *arena);
void		vb_buf_append(vb_buf *buf, const char *s);
void		vb_buf_appendn(vb_buf *buf, const char *s, size_t n);
void		vb_buf_appendf(vb_buf *buf, const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 2, 3)))
#endif
		   ;
void		vb_buf_appendc(vb_buf *buf, char c);

/* ------------------------------------------------------------------------
 * Errors: SQLSTATE-like code, message, detail, hint, JSON path.
 * ------------------------------------------------------------------------ */
#define VB_ERR_INVALID		"VB001"
#define VB_ERR_AMBIGUOUS	"VB002"
#define VB_ERR_DESTRUCTIVE	"VB003"
#define VB_ERR_STEP_FAILED	"VB004"
#define VB_ERR_CONVERGENCE	"VB005"
#define VB_ERR_GUARD		"VB006"
#define VB_ERR_ISOLATION	"VB007"
#define VB_ERR_DEPENDENCY	"VB008"
#define VB_ERR_MIGRATION_CHANGED "VB009"	/* an applied migration edited or missing */
#define VB_ERR_OUT_OF_ORDER	"VB010"	/* a pending migration before an applied one */
#define VB_ERR_CANCELED		"57014"	/* the face asked to stop */

typedef struct vb_error
{
	char		code[6];
	char	   *message;		/* lower-case, PostgreSQL style */
	char	   *detail;			/* full sentence(s), may be NULL */
	char	   *hint;			/* may be NULL */
	char	   *path;			/* JSON path of the bad element, may be NULL */
} vb_error;

bool		vb_fail(vb_error *err, vb_arena *arena, const char *code,
					const char *path, const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 5, 6)))
#endif
		   ;

/* The error of a call the face stopped (VB_ERR_CANCELED); returns false. */
bool		vb_canceled(vb_error *err, vb_arena *arena);

/* In a loop over objects of a function that returns bool: stop (fail with
 * VB_ERR_CANCELED) when the face asks. */
#define VB_STOP_CHECK(arena, err) \
	do { \
		if (vb_should_stop(arena)) \
			return vb_canceled((err), (arena)); \
	} while (0)

/* ------------------------------------------------------------------------
 * The schema model. Current (introspected) and desired (from a document)
 * schemas use the same structs.
 * ------------------------------------------------------------------------ */
typedef enum vb_fk_action
{
	VB_FK_NO_ACTION = 0,
	VB_FK_RESTRICT,
	VB_FK_CASCADE,
	VB_FK_SET_NULL,
	VB_FK_SET_DEFAULT
} vb_fk_action;

typedef enum vb_identity
{
	VB_IDENTITY_NONE = 0,
	VB_IDENTITY_ALWAYS,
	VB_IDENTITY_BY_DEFAULT
} vb_identity;

/* Sequence options of an identity column; a flag says which were given
 * (introspect gives those that differ from PostgreSQL's defaults). */
#define VB_SEQ_START		(1u << 0)
#define VB_SEQ_INCREMENT	(1u << 1)
#define VB_SEQ_MIN			(1u << 2)
#define VB_SEQ_MAX			(1u << 3)
#define VB_SEQ_CACHE		(1u << 4)

typedef struct vb_seq_options
{
	unsigned	given;			/* VB_SEQ_* bits */
	long long	start;
	long long	increment;
	long long	min;
	long long	max;
	long long	cache;
	bool		cycle;
} vb_seq_options;

/* Every option of an identity sequence of `type` (smallint, integer,
 * bigint), PostgreSQL's defaults filling those not given. */
vb_seq_options vb_seq_effective(const char *type, const vb_seq_options *q);

typedef struct vb_column
{
	char	   *name;
	char	   *type;			/* canonical once the face has canonicalised it */
	bool		nullable;
	char	   *default_expr;	/* NULL: no default */
	bool		auto_increment; /* serial-style: owned sequence + nextval */
	vb_identity identity;
	vb_seq_options seq;			/* identity columns only */
	char	   *generated;		/* expression of a GENERATED ... STORED column */
	char	   *generated_source;	/* as the document wrote it (see vb_check) */
	bool		generated_virtual;	/* MySQL, SQLite: VIRTUAL rather than STORED */
	char	   *collation;		/* NULL: the type's default collation */
	char	   *charset;		/* MySQL: character set; NULL: the table's */
	char	   *on_update;		/* MySQL: ON UPDATE CURRENT_TIMESTAMP[(n)] */
	bool		invisible;		/* MySQL: INVISIBLE (not in SELECT *) */
	char	   *comment;
	char	   *sequence_name;	/* current side: owned sequence of a serial */
	char	   *renamed_from;
	const char *path;			/* JSON path in the document, for errors */
} vb_column;

typedef struct vb_key			/* primary key or unique constraint */
{
	char	   *name;			/* NULL: unnamed in the document */
	vb_list		columns;		/* char * */
	bool		nulls_not_distinct; /* unique constraints only */
	bool		deferrable;
	bool		initially_deferred;
	char	   *comment;		/* COMMENT ON CONSTRAINT (MySQL: the unique
								 * index's COMMENT) */
	bool		implicit_name;	/* current side, SQLite: the database keeps
								 * no name; the reader gave it the name of
								 * an unnamed one, from its table and
								 * columns, so renaming them renames it */
	char	   *renamed_from;
	const char *path;
} vb_key;

/*
 * A storage parameter (WITH (name = value)) of a table or an index, as
 * PostgreSQL stores it in reloptions: "name=value" split at the first '='.
 * A table's TOAST parameters are named "toast.name". The value is text:
 * the document's numbers and booleans are read as the digits and
 * true/false that PostgreSQL would store for them.
 */
typedef struct vb_option
{
	char	   *name;
	char	   *value;
	bool		exclusive_lock; /* changing it with ALTER ... SET/RESET takes
								 * ACCESS EXCLUSIVE (the face fills it in from
								 * the server's own table of parameters) */
} vb_option;

typedef enum vb_nulls_order
{
	VB_NULLS_DEFAULT = 0,		/* LAST for ASC, FIRST for DESC */
	VB_NULLS_FIRST,
	VB_NULLS_LAST
} vb_nulls_order;

typedef struct vb_index_elem
{
	char	   *column;			/* a column, or */
	char	   *expression;		/* an expression (canonical once canonicalised) */
	char	   *source;			/* as the document wrote it (see vb_check) */
	bool		desc;
	vb_nulls_order nulls;		/* canonical: DEFAULT unless it differs */
	char	   *opclass;		/* NULL: the type's default operator class */
	char	   *collation;		/* NULL: the element's own collation */
	int			length;			/* MySQL: prefix length (characters, bytes
								 * for binary types); 0: the whole column */
} vb_index_elem;

typedef struct vb_index
{
	char	   *name;			/* NULL: unnamed in the document */
	vb_list		elements;		/* vb_index_elem *, key elements in order */
	vb_list		columns;		/* char *, one per element: the column, or for
								 * an expression the name PostgreSQL uses for it
								 * in a default index name ("expr", "lower") */
	vb_list		include;		/* char *: INCLUDE columns */
	bool		unique;
	bool		nulls_not_distinct;
	char	   *method;			/* btree, hash, gin, gist, brin, spgist ... */
	char	   *where;			/* canonical predicate or NULL */
	char	   *where_source;	/* as the document wrote it (see vb_check) */
	vb_list		with;			/* vb_option *: storage parameters */
	bool		invisible;		/* MySQL INVISIBLE, MariaDB IGNORED: kept up
								 * to date but never used by the optimizer */
	char	   *comment;		/* COMMENT ON INDEX (MySQL: the index's COMMENT) */
	char	   *renamed_from;
	const char *path;
} vb_index;

typedef struct vb_foreign_key
{
	char	   *name;			/* NULL: unnamed in the document */
	vb_list		columns;		/* char * */
	char	   *ref_schema;
	char	   *ref_table;
	vb_list		ref_columns;	/* char * */
	vb_fk_action on_delete;
	vb_fk_action on_update;
	bool		deferrable;
	bool		initially_deferred;
	bool		match_full;		/* MATCH FULL; false: MATCH SIMPLE */
	bool		not_valid;
	char	   *comment;		/* COMMENT ON CONSTRAINT */
	bool		own_index;		/* MySQL, current side: the index the server
								 * made for it, named after it (left out of
								 * the model), exists */
	bool		implicit_name;	/* as in vb_key */
	char	   *renamed_from;
	const char *path;
} vb_foreign_key;

typedef struct vb_check
{
	char	   *name;			/* NULL: unnamed in the document */
	char	   *expression;		/* canonical once canonicalised */
	char	   *source;			/* the text the canonical form was read from:
								 * DDL uses it (under the table's schema, then
								 * public, as canonicalisation read it), since
								 * PostgreSQL's printed form does not always read
								 * back as the same expression; NULL: use
								 * expression */
	char	   *name_column;	/* the only column the expression uses, if
								 * one (the face finds it): unnamed checks are
								 * named <table>_<column>_check, else
								 * <table>_check, as PostgreSQL names them */
	bool		not_valid;
	bool		no_inherit;		/* NO INHERIT: this table only, not its
								 * inheritance children */
	char	   *comment;		/* COMMENT ON CONSTRAINT */
	bool		not_enforced;	/* MySQL 8: NOT ENFORCED */
	bool		column_level;	/* MariaDB: declared with its column and named
								 * after it (current side only; dropping it
								 * takes a MODIFY of the column) */
	bool		implicit_name;	/* as in vb_key */
	char	   *renamed_from;
	const char *path;
} vb_check;

typedef struct vb_table
{
	char	   *schema;
	char	   *name;
	vb_list		columns;		/* vb_column * */
	vb_key	   *primary_key;	/* may be NULL */
	vb_list		uniques;		/* vb_key * */
	vb_list		indexes;		/* vb_index * */
	vb_list		foreign_keys;	/* vb_foreign_key * */
	vb_list		checks;			/* vb_check * */
	vb_list		with;			/* vb_option *: storage parameters */
	char	   *comment;
	char	   *engine;			/* MySQL: storage engine (InnoDB, ...) */
	char	   *charset;		/* MySQL: default character set of the table */
	char	   *collation;		/* MySQL: default collation of the table */
	bool		strict;			/* SQLite: a STRICT table */
	bool		without_rowid;	/* SQLite: a WITHOUT ROWID table */
	char	   *renamed_from;	/* "name" or "schema.name" */
	char	   *model;			/* model key for model-form documents */
	const char *path;
} vb_table;

typedef struct vb_enum_value
{
	char	   *name;
	char	   *renamed_from;
} vb_enum_value;

typedef struct vb_enum
{
	char	   *schema;
	char	   *name;
	vb_list		values;			/* vb_enum_value * */
	char	   *renamed_from;
	const char *path;
} vb_enum;

typedef struct vb_unmanaged
{
	char	   *kind;			/* view, trigger, policy, check, ... */
	char	   *object;			/* qualified name */
	char	   *table;			/* the table a trigger (or SQLite index)
								 * belongs to, or NULL */
	char	   *definition;		/* its CREATE statement where the face reads
								 * one (MySQL and SQLite views and triggers:
								 * a dialect may make it again), or NULL */
	char	   *reason;			/* why it is not managed, when that is not
								 * its kind (a table that uses something the
								 * document cannot express), or NULL */
} vb_unmanaged;

/*
 * A name in a managed schema held by an object viborm leaves alone (a view,
 * a free-standing sequence, a domain, an object of an extension, an
 * exclusion constraint, the index behind one, ...). The face lists them
 * (current side only); the differ refuses a document that needs one of
 * these names (VB008), before anything runs.
 */
typedef struct vb_name_holder
{
	char		space;			/* 'r': relation names of the schema (tables,
								 * indexes, sequences, views, ...); 't': type
								 * names of the schema; 'c': constraint names
								 * of one table */
	char	   *schema;
	char	   *table;			/* the managed table it belongs to (a
								 * constraint, its index, an owned sequence),
								 * or NULL */
	char	   *name;
	char	   *what;			/* "view public.v", "exclusion constraint
								 * t_ex on public.t" */
} vb_name_holder;

typedef struct vb_schema
{
	char	   *dialect;		/* "pg", "mysql", "sqlite" or NULL. A dialect
								 * without schemas keeps every table in one
								 * (vb_default_namespace: "main" on SQLite,
								 * "public" on MySQL, where a foreign key to
								 * another database names it in ref_schema) */
	bool		schemas_given;	/* the document has a "schemas" key */
	vb_list		schemas;		/* char *: namespaces this document manages */
	vb_list		tables;			/* vb_table * */
	vb_list		enums;			/* vb_enum * */
	vb_list		unmanaged;		/* vb_unmanaged * (current side only) */
	vb_list		name_holders;	/* vb_name_holder * (current side only) */
} vb_schema;

/* ------------------------------------------------------------------------
 * Options of diff and push.
 * ------------------------------------------------------------------------ */
typedef enum vb_resolution
{
	VB_RESOLVE_NONE = 0,
	VB_RESOLVE_RENAME,
	VB_RESOLVE_ADD_AND_DROP
} vb_resolution;

typedef struct vb_resolution_entry
{
	char	   *kind;			/* table, column, enumValue */
	char	   *schema;
	char	   *table;			/* table (document name) or NULL */
	char	   *enum_name;		/* for enumValue */
	char	   *from;
	char	   *to;
	vb_resolution resolution;
} vb_resolution_entry;

/* options.enumValueMappings[i]: old value -> new value (NULL: SQL NULL) */
typedef struct vb_enum_mapping
{
	char	   *schema;			/* the enum's schema (default public) */
	char	   *enum_name;
	char	   *table;			/* with column: that column only, else NULL */
	char	   *column;
	vb_list		from;			/* char * */
	vb_list		to;				/* char *, NULL for SQL NULL */
	const char *path;
} vb_enum_mapping;

typedef struct vb_options
{
	bool		force;
	bool		dry_run;
	vb_resolution resolve_all;	/* "rename"/"addAndDrop" for every pair */
	vb_list		resolutions;	/* vb_resolution_entry * */
	char	   *lock_timeout;	/* e.g. "5s" */
	vb_list		schemas;		/* char *; empty: not given */
	vb_list		enum_mappings;	/* vb_enum_mapping * */
} vb_options;

/* A database's language: facts and the SQL of each operation (dialect.h). */
typedef struct vb_dialect vb_dialect;

/* ------------------------------------------------------------------------
 * Plans.
 * ------------------------------------------------------------------------ */
typedef enum vb_op_kind
{
	VB_OP_CREATE_SCHEMA,
	VB_OP_CREATE_ENUM,
	VB_OP_RENAME_ENUM,
	VB_OP_RENAME_ENUM_VALUE,
	VB_OP_ADD_ENUM_VALUE,
	VB_OP_RECREATE_ENUM,
	VB_OP_DROP_FOREIGN_KEY,
	VB_OP_DROP_INDEX,
	VB_OP_DROP_UNIQUE,
	VB_OP_DROP_PRIMARY_KEY,
	VB_OP_RENAME_TABLE,
	VB_OP_RENAME_COLUMN,
	VB_OP_RENAME_CONSTRAINT,
	VB_OP_RENAME_INDEX,
	VB_OP_RENAME_SEQUENCE,
	VB_OP_CREATE_TABLE,
	VB_OP_ADD_COLUMN,
	VB_OP_ALTER_COLUMN,
	VB_OP_ADD_PRIMARY_KEY,
	VB_OP_ADD_UNIQUE,
	VB_OP_CREATE_INDEX,
	VB_OP_ADD_FOREIGN_KEY,
	VB_OP_DROP_COLUMN,
	VB_OP_DROP_TABLE,
	VB_OP_DROP_ENUM,
	VB_OP_ADD_CHECK,
	VB_OP_DROP_CHECK,
	VB_OP_VALIDATE_CONSTRAINT,
	VB_OP_SET_COMMENT,
	VB_OP_ALTER_CONSTRAINT,
	VB_OP_SET_STORAGE,
	VB_OP_REBUILD_TABLE,		/* SQLite: a table made again in its new shape */
	VB_OP_SET_TABLE_OPTIONS,	/* MySQL: engine, default charset, collation */
	VB_OP_ALTER_INDEX,			/* MySQL: an index made (in)visible in place */
	VB_OP__COUNT
} vb_op_kind;

/* Hazard kinds, as bits. */
#define VB_HAZARD_ACCESS_EXCLUSIVE	(1u << 0)
#define VB_HAZARD_SHARE_LOCK		(1u << 1)
#define VB_HAZARD_TABLE_REWRITE		(1u << 2)
#define VB_HAZARD_TABLE_SCAN		(1u << 3)
#define VB_HAZARD_INDEX_BUILD		(1u << 4)
#define VB_HAZARD_DELETES_DATA		(1u << 5)

/*
 * A data guard of an operation: a question about the rows of a current
 * table, answered by a query the dialect writes (one bigint: the number of
 * rows the operation would break). The face runs every guard before any
 * statement of the plan and fails with VB006 when a count is not zero.
 * Names are the current ones: guards run before the plan's renames.
 */
typedef enum vb_guard_kind
{
	VB_GUARD_NOT_NULL,			/* rows where `column` is NULL */
	VB_GUARD_TABLE_EMPTY,		/* any row at all */
	VB_GUARD_UNIQUE,			/* rows beyond the first of equal `elements` */
	VB_GUARD_CHECK,				/* rows where `expression` is false */
	VB_GUARD_FOREIGN_KEY,		/* rows whose `columns` match nothing in the
								 * referenced table (ref_table NULL: it has no
								 * rows yet, so every non-NULL key) */
	VB_GUARD_TYPE_CHANGE,		/* values of `column` that `to_type` cannot hold */
	VB_GUARD_ENUM_VALUE,		/* rows of `column` holding `value` */
	VB_GUARD_ENUM_TARGET		/* rows of `column` holding a value not in `values` */
} vb_guard_kind;

typedef struct vb_guard
{
	vb_guard_kind kind;
	const char *schema;			/* the current table */
	const char *table;
	const char *column;			/* NOT_NULL, TYPE_CHANGE, ENUM_* */
	vb_list		elements;		/* UNIQUE: vb_index_elem * (column or expression) */
	bool		nulls_not_distinct; /* UNIQUE */
	const char *expression;		/* CHECK; UNIQUE: the index predicate or NULL */
	vb_list		columns;		/* FOREIGN_KEY: char * */
	const char *ref_schema;		/* FOREIGN_KEY */
	const char *ref_table;
	vb_list		ref_columns;	/* FOREIGN_KEY: char * */
	vb_list		key_types;		/* FOREIGN_KEY: char *, the type both sides are
								 * compared as when a key column changes type
								 * (empty: as they are) */
	const char *from_type;		/* TYPE_CHANGE */
	const char *to_type;		/* TYPE_CHANGE */
	bool		through_text;	/* TYPE_CHANGE: an enum on either side */
	bool		only;			/* CHECK: the table alone, not its
								 * inheritance children (NO INHERIT) */
	bool		match_full;		/* FOREIGN_KEY: MATCH FULL */
	const char *value;			/* ENUM_VALUE */
	vb_list		values;			/* ENUM_TARGET: char * */
	int			dims;			/* ENUM_*: the column is an array */
	char	   *sql;			/* the query, written by the dialect */
	char	   *problem;		/* "NULL in column \"email\", which becomes NOT NULL" */
	char	   *object;			/* the table: schema.table */
	char	   *hint;
} vb_guard;

/* Aspects of a column that an alterColumn changes (vb_change.alter). */
#define VB_ALTER_EXPRESSION_DROPPED	(1u << 0)	/* generated -> plain, values kept */
#define VB_ALTER_SERIAL_OFF			(1u << 1)	/* serial-style -> not */
#define VB_ALTER_IDENTITY_OFF		(1u << 2)
#define VB_ALTER_IDENTITY_KIND		(1u << 3)	/* always <-> by default */
#define VB_ALTER_TYPE				(1u << 4)	/* type (and collation with it) */
#define VB_ALTER_COLLATION			(1u << 5)	/* collation, same type */
#define VB_ALTER_DEFAULT			(1u << 6)
#define VB_ALTER_NOT_NULL			(1u << 7)	/* becomes NOT NULL: NULLs take the
												 * declared default first, if any */
#define VB_ALTER_NULLABLE			(1u << 8)
#define VB_ALTER_SERIAL_ON			(1u << 9)	/* becomes serial-style */
#define VB_ALTER_SEQUENCE_OPTIONS	(1u << 10)	/* identity sequence options */
#define VB_ALTER_IDENTITY_ON		(1u << 11)
#define VB_ALTER_ON_UPDATE			(1u << 12)	/* MySQL: ON UPDATE CURRENT_TIMESTAMP */
#define VB_ALTER_INVISIBLE			(1u << 13)	/* MySQL: INVISIBLE or visible again */

/*
 * One column moved to a re-created enum type: through text, removed values
 * mapped (to NULL when `to` holds NULL).
 */
typedef struct vb_enum_conversion
{
	const vb_column *cur_column;
	const vb_column *column;	/* the document's column */
	int			dims;			/* array dimensions */
	bool		drop_default;	/* its default names the type: dropped first */
	vb_list		from;			/* char *: removed values with a mapping */
	vb_list		to;				/* char * or NULL */
} vb_enum_conversion;

/*
 * What an enum swap does to one table (vb_change.swaps): generated columns
 * dropped before its columns are converted (the database refuses to
 * convert a column a generation expression reads) and added again after;
 * with several swaps on the table, the first drops and the last re-adds.
 */
typedef struct vb_enum_swap
{
	const vb_table *table;		/* the document's table */
	vb_list		drop_generated; /* vb_column *, the document's */
	vb_list		conversions;	/* vb_enum_conversion * */
	vb_list		add_generated;	/* vb_column *, the document's */
} vb_enum_swap;

/*
 * A table that stays, as the differ paired it (vb_plan.tables): for each
 * column of the document's table, the current column it keeps (NULL: a
 * column the plan adds).
 */
typedef struct vb_table_change
{
	const vb_table *cur;
	const vb_table *des;
	vb_list		sources;		/* const vb_column *, one per des column */
} vb_table_change;

/*
 * What an operation changes, from what, to what. The differ fills the
 * members its kind needs; the dialect writes the statements from them
 * (dialect.h). "The document's" objects are the desired ones, "current"
 * ones are as the database has them (drops run before renames, so they
 * use current names; everything else uses the document's names).
 */
typedef struct vb_change
{
	const vb_table *table;		/* the document's table (NULL for drops) */
	const vb_table *cur_table;	/* the current table (drops, renames) */
	const vb_column *column;	/* the document's column */
	const vb_column *cur_column;
	const vb_key *key;			/* primary key or unique constraint */
	const vb_index *index;
	const vb_foreign_key *fk;
	const vb_check *check;
	const vb_enum *enum_type;	/* the document's enum (current for drops) */
	const vb_enum *cur_enum;
	const char *from;			/* renames: the old name; addEnumValue: the
								 * neighbour it goes next to, or NULL */
	const char *to;				/* renames: the new name; addEnumValue and
								 * renameEnumValue: the value */
	const char *comment;		/* setComment: the text, NULL removes it; on
								 * `column`, `index`, `key`, `fk`, `check`, or
								 * else the table */
	vb_list		set;			/* setStorageParameters: vb_option * to set */
	vb_list		reset;			/* ... and to reset */
	bool		exclusive_lock; /* setStorageParameters: one of them needs
								 * ACCESS EXCLUSIVE */
	bool		before;			/* addEnumValue: BEFORE `from`, not AFTER */
	bool		primary;		/* keys: the primary key */
	bool		new_table;		/* the object's table is created by the plan */
	bool		recreate;		/* drop/addColumn of a generated column that
								 * comes back with a new expression */
	bool		finish;			/* recreateEnum: only the old type's drop */
	unsigned	alter;			/* alterColumn: VB_ALTER_* */
	bool		rewrite;		/* alterColumn: the type change rewrites */
	bool		through_text;	/* alterColumn: an enum on either side of the
								 * type change: converted through text */
	const char *cur_type;		/* alterColumn: current type and default, */
	const char *cur_default;	/* read through this plan's enum renames */
	bool		default_dropped;	/* alterColumn: an enum swap dropped it */
	vb_list		swaps;			/* recreateEnum: vb_enum_swap *, table by table */
	const vb_table_change *pair;	/* rebuildTable: the table and its columns */
	vb_list		remake;			/* rebuildTable: vb_unmanaged * (views on the
								 * table, its triggers) dropped by the rebuild
								 * and made again after it */
	bool		keep_old_type;	/* recreateEnum: a column change still
								 * converts from the old type, so a finishing
								 * operation drops it later */

	/*
	 * A dialect that runs several operations as one statement (MySQL: one
	 * ALTER TABLE per table) groups them in its lower hook: the first
	 * operation of a group lists the others in `group` and writes the
	 * statement for all of them; each of the others has `grouped` set and
	 * writes nothing (its part is in the first one's statement).
	 */
	vb_list		group;			/* vb_operation * */
	bool		grouped;
} vb_change;

typedef struct vb_operation
{
	vb_op_kind	kind;
	vb_change	change;			/* what it does, for the dialect to write */
	const char *schema;
	const char *table;			/* NULL for schema- or enum-level operations */
	const char *object;			/* the object's name */
	const char *model;
	vb_list		sql;			/* char *: statements, in order */
	bool		destructive;
	const char *destructive_reason;
	unsigned	hazards;
	int			phase;			/* execution phase (see plan.c) */
	int			seq;			/* creation order, for stable sorting */
	vb_list		guards;			/* vb_guard *, checked before the plan runs */
	const char *search_schema;	/* run under search_path <schema>, public:
								 * document texts resolve as they were read */
} vb_operation;

typedef struct vb_ambiguity
{
	const char *kind;			/* table, column, enumValue */
	const char *schema;
	const char *table;			/* or enum name for enumValue */
	const char *from;
	const char *to;
} vb_ambiguity;

typedef struct vb_plan
{
	vb_list		operations;		/* vb_operation *, in execution order */
	vb_list		ambiguous;		/* vb_ambiguity * (unresolved) */
	vb_list		unmanaged;		/* vb_unmanaged * */
	vb_list		tables;			/* vb_table_change *: the paired tables */
	const vb_dialect *dialect;	/* the dialect that wrote it */
} vb_plan;

const char *vb_op_kind_name(vb_op_kind kind);
int			vb_plan_destructive_count(const vb_plan *plan);

/* ------------------------------------------------------------------------
 * Document reading and writing (JSON, through cJSON).
 * ------------------------------------------------------------------------ */

/* Route the JSON library's allocations (the backend uses palloc, so an
 * error thrown mid-parse cannot leak). Call once, before any other use. */
void		vb_json_set_allocator(void *(*alloc_fn) (size_t), void (*free_fn) (void *));

/* While on, the readers of schema documents leave their parsed JSON to the
 * allocator instead of freeing it value by value: for an allocator that
 * gives all of it back at once when it is off again (the command's, around
 * reading a document). Off by default. */
void		vb_json_set_bulk_free(bool on);

/* Check that every key and string of a JSON text is valid UTF-8 (a face
 * whose storage cannot convert other bytes calls it first): VB001 naming
 * the first one that is not, at base + its JSON path ("" for a document,
 * "options" for the options); `what` names the text ("the options"). */
bool		vb_json_check_utf8(vb_arena *arena, const char *text, const char *what,
							   const char *base, vb_error *err);

/* Parse a snapshot-form document. Types and expressions are kept as
 * written; the face canonicalises them before diffing. */
bool		vb_document_read(vb_arena *arena, const char *json, vb_schema **out,
							 vb_error *err);
bool		vb_options_read(vb_arena *arena, const char *json, vb_options **out,
							vb_error *err);

/*
 * Read a document (either form) for a target dialect ("pg", "mysql",
 * "sqlite"): a snapshot document that names another dialect is an error,
 * one that names none is read as the target's. On SQLite: tables are in
 * schema "main", names have no length limit, a column may have no type, a
 * primary-key column keeps an explicit "nullable": true, and the keys
 * SQLite lacks (enums, identity, comments, ...) are errors naming their
 * path (docs/sqlite.md).
 */
bool		vb_document_read_for(vb_arena *arena, const char *json, const char *dialect,
								 vb_schema **out, vb_error *err);

/* The namespace of an unqualified table: "main" on SQLite, else "public". */
const char *vb_default_namespace(const char *dialect);

/*
 * Model-form documents ({"models": {...}}): VibORM's serializer, for one
 * dialect ("pg", "mysql" or "sqlite"). Builds the tables and enums VibORM's
 * own push creates (names, types, keys, indexes, FKs, junction tables);
 * each table's `model` holds the model key it came from (junction tables:
 * NULL). Errors are VB001 and name the JSON path
 * (models.post.fields[3].type). Implemented in model.c.
 */
bool		vb_model_read(vb_arena *arena, const char *json, const char *dialect,
						  vb_schema **out, vb_error *err);

/* The schemas a document manages: options.schemas, else the document's
 * schemas, else those its tables and enums name, else public. */
void		vb_managed_schemas(vb_arena *arena, const vb_schema *doc,
							   const vb_options *opts, vb_list *out);

/* Fill the defaults the document left out: PK columns NOT NULL, table and
 * enum schemas. Called by the reader. */

/* Serialise a schema as snapshot-form JSON (what introspect returns).
 * NULL when the face asked to stop (see vb_arena.stop). */
char	   *vb_document_write(vb_arena *arena, const vb_schema *schema);

/* Serialise a plan as the result object of diff/push (NULL: stopped). */
char	   *vb_result_write(vb_arena *arena, const vb_plan *plan, bool applied,
							long long history_id);

/* ------------------------------------------------------------------------
 * Diff and plan.
 * ------------------------------------------------------------------------ */

/* Validate a document against the schemas it manages (desired->schemas
 * must hold them): tables and enums inside, FKs to tables it declares. */
bool		vb_check_document(vb_arena *arena, const vb_schema *desired,
							  vb_error *err);

/*
 * Refuse a document that needs a name held by an object viborm leaves alone
 * (current->name_holders): VB008, every conflict listed. vb_diff checks
 * every name after naming unnamed objects and pairing tables; the face
 * calls this first, before canonicalising, so that a held enum or table
 * name is reported as such rather than as the server's error of a scratch
 * object. Checks only what needs neither: named objects, and holders that
 * belong to no table.
 */
bool		vb_check_name_holders(vb_arena *arena, const vb_schema *current,
								  const vb_schema *desired, vb_error *err);

/* Compare the current and the desired schema (both canonical) and build
 * the ordered plan. Never fails on ambiguity or destruction: those are
 * listed in the plan; vb_plan_check decides whether a push may run it. */
bool		vb_diff(vb_arena *arena, const vb_dialect *dialect,
					const vb_schema *current, const vb_schema *desired,
					const vb_options *opts, vb_plan **out, vb_error *err);

/* Refuse a plan with unresolved ambiguity (VB002) or destructive operations
 * without force (VB003). */
bool		vb_plan_check(vb_arena *arena, const vb_plan *plan,
						  const vb_options *opts, vb_error *err);

/* ------------------------------------------------------------------------
 * Names.
 * ------------------------------------------------------------------------ */

/* Why viborm never manages this schema ("is a system schema", "belongs to
 * the extension"), or NULL: pg_*, information_schema and viborm. */
const char *vb_reserved_schema(const char *name);

/* PostgreSQL's makeObjectName: name1_name2_label within 63 bytes, the
 * longer name truncated first, never inside a UTF-8 character (VibORM's
 * serializer names objects this way for every dialect). */
char	   *vb_make_object_name(vb_arena *arena, const char *name1,
								const char *name2, const char *label);

/* A string-keyed hash map (open addressing), arena-allocated. */
typedef struct vb_map_entry
{
	const char *key;
	void	   *value;
} vb_map_entry;

typedef struct vb_map
{
	vb_arena   *arena;
	vb_map_entry *entries;		/* NULL until the first put */
	int			capacity;
	int			count;
	int			initial;		/* capacity of the first table */
} vb_map;

void		vb_map_init(vb_map *map, vb_arena *arena, int expected);
void		vb_map_put(vb_map *map, const char *key, void *value);
void	   *vb_map_get(const vb_map *map, const char *key);

/*
 * A set of strings for duplicate checks: a list scanned while it is short,
 * a hash map once it grows, so that checking n names is linear in n
 * whatever n is, and small sets cost no table. Keys are not copied.
 */
#define VB_SET_FEW 16
typedef struct vb_set
{
	vb_arena   *arena;
	int			count;
	const char *few[VB_SET_FEW];
	vb_map		map;			/* every member, once count > VB_SET_FEW */
} vb_set;

void		vb_set_init(vb_set *set, vb_arena *arena);
bool		vb_set_has(const vb_set *set, const char *key);

/* Add a key; false when it was there already. */
bool		vb_set_add(vb_set *set, const char *key);

/* Does the text cast to one of the types that are the map's keys
 * ("::public.mood")? Linear in the text, whatever the map's size. */
bool		vb_casts_to_any(const char *text, const vb_map *types);

/* "a\x1fb" style compound keys for maps. */
char	   *vb_key2(vb_arena *arena, const char *a, const char *b);
char	   *vb_key3(vb_arena *arena, const char *a, const char *b, const char *c);

/*
 * Columns of tables by name, for many lookups: a scan for a table of few
 * columns, else a map per table, built on its first lookup (and again if
 * its column count changed since).
 */
typedef struct vb_column_index
{
	vb_arena   *arena;
	vb_map		tables;			/* "%p" of a table -> vb_map of its columns */
} vb_column_index;

void		vb_column_index_init(vb_column_index *index, vb_arena *arena);
vb_column  *vb_column_lookup(vb_column_index *index, const vb_table *table, const char *name);

/* Lookup helpers. */
vb_table   *vb_find_table(const vb_schema *schema, const char *nsp, const char *name);
vb_enum    *vb_find_enum(const vb_schema *schema, const char *nsp, const char *name);
vb_column  *vb_find_column(const vb_table *table, const char *name);
/* A table's unique key, index, foreign key or check by name (NULL: none). */
vb_key	   *vb_find_unique(const vb_table *table, const char *name);
vb_index   *vb_find_index(const vb_table *table, const char *name);
vb_foreign_key *vb_find_foreign_key(const vb_table *table, const char *name);
vb_check   *vb_find_check(const vb_table *table, const char *name);
bool		vb_list_contains_str(const vb_list *list, const char *s);
bool		vb_str_lists_equal(const vb_list *a, const vb_list *b);

#endif							/* VB_H */
