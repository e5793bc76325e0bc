/*
 * diff_internal.h — the differ's state and helpers, shared by diff*.c,
 * guards.c and plan.c only.
 */
#ifndef VB_DIFF_INTERNAL_H
#define VB_DIFF_INTERNAL_H

#include "dialect.h"
#include "vb_internal.h"

typedef struct vb_table_pair
{
	vb_table   *cur;
	vb_table   *des;
	vb_map		cur_col_to_des; /* current column name -> desired vb_column */
	vb_map		des_col_to_cur; /* desired column name -> current vb_column */
	vb_map		type_changed;	/* desired column name -> non-NULL */
	vb_map		recreated_columns;	/* desired column name -> non-NULL: dropped
									 * and added again (generated columns) */
	vb_enum_swap *last_swap;	/* the last enum swap converting a column */
	vb_list		swap_generated; /* vb_column *: generated columns it re-adds */
	vb_list		column_renames; /* vb_pending_rename *, emitted together */
	vb_list		object_renames; /* constraints and indexes, likewise */
} vb_table_pair;

typedef struct vb_differ
{
	vb_arena   *a;
	vb_error   *err;
	const vb_dialect *dl;
	const vb_schema *cur;
	const vb_schema *des;
	const vb_options *opts;
	vb_plan    *plan;
	int			seq;
	vb_map		des_tables;		/* key2(schema, name) -> desired vb_table */
	vb_map		pair_by_cur;	/* key2(cur schema, cur name) -> vb_table_pair */
	vb_map		pair_by_des;	/* key2(des schema, des name) -> vb_table_pair */
	vb_list		pairs;			/* vb_table_pair * */
	vb_map		cur_enums;		/* qualified type text -> current vb_enum */
	vb_map		des_enums;		/* qualified type text -> desired vb_enum */
	vb_map		enum_type_map;	/* current enum type text -> desired text */
	vb_map		changed_types;	/* type text (current or desired) -> non-NULL:
								 * an enum created, renamed or whose values
								 * change in this plan */
	vb_map		default_dropped;	/* key3(des schema, table, column) */
	vb_map		rebuilt_keys;	/* key3(cur schema, table, cols) of dropped keys */
	vb_list		recreated_types;	/* char *: type text of re-created enums */
	int		   *enum_pairs;		/* per desired enum: the current one, or -1 */
	vb_map		entries;		/* key3(kind, schema, table or enum or "") ->
								 * vb_list * of options.resolutions entries */
	bool		entries_built;
	vb_column_index columns;	/* columns of both sides by name */
	vb_set		managed;		/* the schemas this push manages */
} vb_differ;

/* A rename, held back until all renames of its namespace are known. */
typedef struct vb_pending_rename
{
	vb_op_kind	kind;			/* RENAME_COLUMN, RENAME_CONSTRAINT, RENAME_INDEX */
	const char *from;
	const char *to;
} vb_pending_rename;

typedef bool (*vb_candidate_fn) (vb_differ *d, void *ctx, int ci, int di);

/* A text that rename candidates share: only objects of the same bucket are
 * compared (NULL function: all of one scope). */
typedef const char *(*vb_bucket_fn) (vb_differ *d, void *ctx, bool current, int index);

/* The text that replaces a column reference (vb_rewrite_columns). */
typedef const char *(*vb_column_text_fn) (vb_differ *d, void *ctx, const char *name);

/* What a vb_column_text_fn returns when the value cannot be known before
 * the plan runs (compare by address). */
extern const char vb_unknowable[];
#define VB_UNKNOWABLE vb_unknowable

/*
 * One kind of object to pair, current against desired (diff_match.c):
 *   1. the same name (objects: and the same definition);
 *   2. renamedFrom naming a current one;
 *   3. tables, columns and enum values: the options' resolutions, else
 *      every candidate pair is listed as ambiguous ("rename" settles pairs
 *      with a single candidate); keys, indexes, FKs and checks: the same
 *      definition under another name (a rename);
 *   4. objects: the same name with another definition (drop and add).
 * Without `kind` and `same`, names and renamedFrom alone pair (enum types).
 * Names are compared within a scope (a table's schema; NULL: one scope).
 */
typedef struct vb_pairing
{
	const char *kind;			/* "table", "column", "enumValue"; NULL: objects */
	const char *table;			/* column: the document's table; enumValue: the enum */
	const char *schema;			/* column, enumValue: the schema */
	int			ncur;
	int			ndes;
	char	  **cur_names;
	char	  **des_names;
	char	  **cur_scopes;		/* tables: their schemas; NULL: one scope */
	char	  **des_scopes;
	char	  **renamed_names;	/* per desired item: renamedFrom, or NULL */
	char	  **renamed_scopes; /* tables: the schema renamedFrom names */
	vb_candidate_fn candidate;	/* kind: could current ci be desired di? */
	vb_candidate_fn same;		/* objects: the same definition */
	vb_bucket_fn bucket;		/* kind: candidates share this text, or NULL */
	void	   *ctx;
	int		   *cur_match;		/* out: desired index or -1 */
	int		   *des_match;		/* out: current index or -1 */
	bool	   *des_equal;		/* out, objects: the pair's definitions are equal */
} vb_pairing;

/* In every loop over objects: stop when the face asks (see vb_arena.stop).
 * STOP_CHECK in functions that return bool, STOP_RETURN in void ones. */
#define STOP_CHECK(d) VB_STOP_CHECK((d)->a, (d)->err)
#define STOP_RETURN(d) \
	do { \
		if (vb_should_stop((d)->a)) \
			return; \
	} while (0)

/* plan.c */
vb_operation *vb_new_op(vb_differ *d, vb_op_kind kind, const char *schema,
						const char *table, const char *object);
void		vb_make_destructive(vb_operation *op, const char *reason);
bool		vb_plan_write(vb_differ *d);

/* diff_match.c */
bool		vb_is_managed(const vb_differ *d, const char *schema);
const char *vb_element_type(vb_differ *d, const char *type, int *dims);
const char *vb_mapped_type(vb_differ *d, const char *type);
const char *vb_mapped_default(vb_differ *d, const char *expr);
vb_list    *vb_mapped_columns(vb_differ *d, vb_table_pair *p, const vb_list *cols);
const char *vb_mapped_predicate(vb_differ *d, vb_table_pair *p, const char *pred);
const char *vb_rewrite_columns(vb_differ *d, const char *expr, vb_column_text_fn column,
							   void *ctx);
char	   *vb_sorted_columns_key(vb_arena *a, const vb_list *cols);
bool		vb_mentions_type(vb_differ *d, const char *expr, const char *type);
void		vb_pairing_alloc(vb_differ *d, vb_pairing *pr, int ncur, int ndes);
void		vb_pair(vb_differ *d, vb_pairing *pr);

/* diff_holders.c */
bool		vb_diff_check_holders(vb_differ *d);
void		vb_held_names(vb_differ *d, vb_map *relnames, vb_map *constraints);

/* diff_enums.c */
bool		vb_mentions_recreated_type(vb_differ *d, const char *expr);
void		vb_diff_enums(vb_differ *d);
void		vb_diff_enum_contents(vb_differ *d);

/* diff_tables.c */
void		vb_pair_tables(vb_differ *d);
void		vb_diff_columns(vb_differ *d, vb_table_pair *p);
void		vb_diff_column_changes(vb_differ *d, vb_table_pair *p);
void		vb_diff_comments(vb_differ *d, const vb_table *cur, const vb_table *des);
void		vb_recreate_generated(vb_differ *d, vb_table_pair *p, vb_column *cc, vb_column *dc);
void		vb_diff_table_options(vb_differ *d, vb_table_pair *p);

/* diff_objects.c */
void		vb_hold_rename(vb_differ *d, vb_list *renames, vb_op_kind kind,
						   const char *from, const char *to);
void		vb_emit_renames(vb_differ *d, vb_table_pair *p, const vb_list *renames);
void		vb_diff_keys(vb_differ *d, vb_table_pair *p, vb_list *curs, vb_list *dess,
						 bool primary);
void		vb_diff_indexes(vb_differ *d, vb_table_pair *p);
void		vb_diff_foreign_keys(vb_differ *d, vb_table_pair *p);
void		vb_diff_checks(vb_differ *d, vb_table_pair *p);
void		vb_create_table_objects(vb_differ *d, vb_table *t);
void		vb_diff_storage(vb_differ *d, const vb_table *t, const vb_index *index,
							const vb_list *cur, const vb_list *des);

/* guards.c */
bool		vb_through_text(vb_differ *d, const vb_column *cc, const vb_column *dc);
void		vb_guard_not_null(vb_differ *d, vb_operation *op, vb_table_pair *p,
							  const vb_column *cc, const char *des_name);
void		vb_guard_table_empty(vb_differ *d, vb_operation *op, vb_table_pair *p,
								 const char *col);
void		vb_guard_unique(vb_differ *d, vb_operation *op, vb_table_pair *p,
							const char *name, const vb_list *elements, bool nulls_not_distinct,
							const char *where);
void		vb_guard_check(vb_differ *d, vb_operation *op, vb_table_pair *p,
						   const vb_check *ck);
void		vb_guard_foreign_key(vb_differ *d, vb_operation *op, vb_table_pair *p,
								 const vb_foreign_key *fk);
void		vb_guard_type_change(vb_differ *d, vb_operation *op, vb_table_pair *p,
								 const vb_column *cc, const vb_column *dc);
void		vb_guard_enum_target(vb_differ *d, vb_operation *op, vb_table_pair *p,
								 const vb_column *cc, int dims, const vb_enum *e);
void		vb_guard_enum_value(vb_differ *d, vb_operation *op, vb_table_pair *p,
								const vb_column *cc, int dims, const vb_enum *e,
								const char *value);

#endif							/* VB_DIFF_INTERNAL_H */
