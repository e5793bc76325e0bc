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
} vb_arena;

void	   *vb_alloc(vb_arena *arena, size_t size);
char	   *vb_strdup(vb_arena *arena, const char *s);
char	   *vb_strndup(vb_arena *arena, const char *s, size_t n);
char	   *vb_printf(vb_arena *arena, const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 2, 3)))
#endif
		   ;

/* A malloc-backed arena for the CLI and the unit tests. */
vb_arena   *vb_heap_arena_new(void);
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
	bool		generated_virtual;	/* SQLite: VIRTUAL rather than STORED */
	char	   *collation;		/* NULL: the type's default collation */
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
	char	   *renamed_from;
	const char *path;
} vb_key;

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
	bool		not_valid;
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
	char	   *comment;
	char	   *renamed_from;	/* "name" or "schema.name" */
	char	   *model;			/* model key for model-form documents */
	bool		strict;			/* SQLite: STRICT */
	bool		without_rowid;	/* SQLite: WITHOUT ROWID */
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
	char	   *table;			/* SQLite: the table it belongs to (a
								 * trigger's or index's table), or NULL */
	char	   *definition;		/* SQLite: its CREATE statement, as stored */
	char	   *reason;			/* why it is not managed, when that is not
								 * its kind (a table that uses something the
								 * document cannot express), or NULL */
} vb_unmanaged;

typedef struct vb_schema
{
	char	   *dialect;		/* "pg", "mysql", "sqlite" or NULL; on SQLite
								 * every table is in schema "main" */
	bool		schemas_given;	/* the document has a "schemas" key */
	vb_list		schemas;		/* char *: namespaces this document manages */
	vb_list		tables;			/* vb_table * */
	vb_list		enums;			/* vb_enum * */
	vb_list		unmanaged;		/* vb_unmanaged * (current side only) */
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
 * A data guard of an operation: a query on the current schema returning
 * one bigint, the number of rows the operation would break. The face runs
 * every guard before any statement of the plan and fails with VB006 when a
 * count is not zero.
 */
typedef struct vb_guard
{
	char	   *sql;
	char	   *problem;		/* "NULL in column \"email\", which becomes NOT NULL" */
	char	   *object;			/* the table: schema.table */
	char	   *hint;
	bool		cast_fails;		/* a data error of the query is the failure
								 * (a type change); otherwise the query could
								 * not be evaluated before the plan runs (a
								 * value this plan adds) and is skipped */
} vb_guard;

typedef struct vb_operation
{
	vb_op_kind	kind;
	const char *schema;
	const char *table;			/* NULL for schema- or enum-level operations */
	const char *object;			/* the object's name */
	const char *model;
	vb_list		sql;			/* char *: statements, in order */
	bool		destructive;
	const char *destructive_reason;
	unsigned	hazards;
	int			phase;			/* execution phase (see diff.c) */
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
} vb_plan;

const char *vb_op_kind_name(vb_op_kind kind);
int			vb_plan_destructive_count(const vb_plan *plan);

/* ------------------------------------------------------------------------
 * Document reading and writing (JSON, through cJSON).
 * ------------------------------------------------------------------------ */

/* Route the JSON library's allocations (the backend uses palloc, so an
 * error thrown mid-parse cannot leak). Call once, before any other use. */
void		vb_json_set_allocator(void *(*alloc_fn) (size_t), void (*free_fn) (void *));

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

/* Serialise a schema as snapshot-form JSON (what introspect returns). */
char	   *vb_document_write(vb_arena *arena, const vb_schema *schema);

/* Serialise a plan as the result object of diff/push. */
char	   *vb_result_write(vb_arena *arena, const vb_plan *plan, bool applied,
							long long history_id);

/* ------------------------------------------------------------------------
 * Diff and plan.
 * ------------------------------------------------------------------------ */

/* Validate a document against the schemas it manages (desired->schemas
 * must hold them): tables and enums inside, FKs to tables it declares. */
bool		vb_check_document(vb_arena *arena, const vb_schema *desired,
							  vb_error *err);

/* Compare the current and the desired schema (both canonical) and build
 * the ordered plan. Never fails on ambiguity or destruction: those are
 * listed in the plan; vb_plan_check decides whether a push may run it. */
bool		vb_diff(vb_arena *arena, const vb_schema *current,
					const vb_schema *desired, const vb_options *opts,
					vb_plan **out, vb_error *err);

/* Refuse a plan with unresolved ambiguity (VB002) or destructive operations
 * without force (VB003). */
bool		vb_plan_check(vb_arena *arena, const vb_plan *plan,
						  const vb_options *opts, vb_error *err);

/* ------------------------------------------------------------------------
 * Names and quoting (PostgreSQL dialect).
 * ------------------------------------------------------------------------ */
char	   *vb_quote_ident(vb_arena *arena, const char *ident);
char	   *vb_quote_literal(vb_arena *arena, const char *literal);
char	   *vb_qualified(vb_arena *arena, const char *schema, const char *name);

/* PostgreSQL's makeObjectName: name1_name2_label within 63 bytes. */
char	   *vb_make_object_name(vb_arena *arena, const char *name1,
								const char *name2, const char *label);

/* PostgreSQL's default names for unnamed objects. */
char	   *vb_default_pkey_name(vb_arena *arena, const char *table);
char	   *vb_default_unique_name(vb_arena *arena, const char *table,
								   const vb_list *columns);
char	   *vb_default_index_name(vb_arena *arena, const char *table,
								  const vb_list *columns);
char	   *vb_default_fkey_name(vb_arena *arena, const char *table,
								 const vb_list *columns);
char	   *vb_default_sequence_name(vb_arena *arena, const char *table,
									 const char *column);

/* A string-keyed hash map (open addressing), arena-allocated. */
typedef struct vb_map_entry
{
	const char *key;
	void	   *value;
} vb_map_entry;

typedef struct vb_map
{
	vb_arena   *arena;
	vb_map_entry *entries;
	int			capacity;
	int			count;
} vb_map;

void		vb_map_init(vb_map *map, vb_arena *arena, int expected);
void		vb_map_put(vb_map *map, const char *key, void *value);
void	   *vb_map_get(const vb_map *map, const char *key);

/* "a\x1fb" style compound keys for maps. */
char	   *vb_key2(vb_arena *arena, const char *a, const char *b);
char	   *vb_key3(vb_arena *arena, const char *a, const char *b, const char *c);

/* Lookup helpers. */
vb_table   *vb_find_table(const vb_schema *schema, const char *nsp, const char *name);
vb_enum    *vb_find_enum(const vb_schema *schema, const char *nsp, const char *name);
vb_column  *vb_find_column(const vb_table *table, const char *name);
bool		vb_list_contains_str(const vb_list *list, const char *s);
bool		vb_str_lists_equal(const vb_list *a, const vb_list *b);

#endif							/* VB_H */
