/*
 * diff_internal.h — the differ's state and helpers, shared by diff*.c and
 * plan.c only.
 */
#ifndef VB_DIFF_INTERNAL_H
#define VB_DIFF_INTERNAL_H

#include "ddl_pg.h"

enum
{
	PH_CREATE_SCHEMA = 1,
	PH_ENUM_CHANGE,				/* create enum, rename enum/value, add value */
	PH_DROP_FOREIGN_KEY,
	PH_DROP_KEY_INDEX,			/* drop index, unique, primary key */
	PH_DROP_TABLE,
	PH_DROP_COLUMN,
	PH_RENAME_TABLE,
	PH_RENAME_COLUMN,
	PH_RENAME_OTHER,			/* constraints, indexes, sequences */
	PH_SET_STORAGE,				/* storage parameters of kept tables and
								 * indexes: before rewrites and builds that
								 * use them */
	PH_RECREATE_ENUM,
	PH_CREATE_TABLE,
	PH_ADD_COLUMN,
	PH_ALTER_COLUMN,
	PH_ADD_GENERATED,			/* generated columns: their inputs are final */
	PH_ADD_PRIMARY_KEY,
	PH_ADD_UNIQUE,
	PH_ADD_CHECK,
	PH_CREATE_INDEX,
	PH_ADD_FOREIGN_KEY,
	PH_VALIDATE,				/* VALIDATE, ALTER CONSTRAINT */
	PH_COMMENT,
	PH_DROP_ENUM
};

typedef struct vb_table_pair
{
	vb_table   *cur;
	vb_table   *des;
	vb_map		cur_col_to_des; /* current column name -> desired vb_column */
	vb_map		des_col_to_cur; /* desired column name -> current vb_column */
	vb_map		type_changed;	/* desired column name -> non-NULL */
	vb_map		recreated_columns;	/* desired column name -> non-NULL: dropped
									 * and added again (generated expression) */
	bool		generated_dropped;	/* an enum swap dropped its generated
									 * columns (re-added in the same step) */
	vb_list		column_renames; /* vb_pending_rename *, emitted together */
	vb_list		object_renames; /* constraints and indexes, likewise */
} vb_table_pair;

typedef struct vb_differ
{
	vb_arena   *a;
	vb_error   *err;
	const vb_schema *cur;
	const vb_schema *des;
	const vb_options *opts;
	vb_plan    *plan;
	int			seq;
	vb_map		cur_tables;		/* key2(schema, name) -> vb_table */
	vb_map		des_tables;		/* key2(schema, name) -> desired vb_table */
	vb_map		pair_by_cur;	/* key2(cur schema, cur name) -> vb_table_pair */
	vb_map		pair_by_des;	/* key2(des schema, des name) -> vb_table_pair */
	vb_list		pairs;			/* vb_table_pair * */
	vb_map		enum_type_map;	/* current enum type text -> desired text */
	vb_map		default_dropped;	/* key3(des schema, table, column) */
	vb_map		rebuilt_keys;
	vb_list		recreated_types;	/* char *: old type text of re-created enums */	/* key3(cur schema, table, cols) of dropped keys */
} vb_differ;

/* A rename, held back until all renames of its namespace are known. */
typedef struct vb_pending_rename
{
	vb_op_kind	kind;			/* RENAME_COLUMN, RENAME_CONSTRAINT, RENAME_INDEX */
	const char *from;
	const char *to;
} vb_pending_rename;

typedef bool (*vb_candidate_fn) (vb_differ *d, void *ctx, int ci, int di);

typedef struct vb_rename_scope
{
	const char *kind;			/* table, column, enumValue */
	const char *schema;
	const char *table;			/* desired table name or enum name */
} vb_rename_scope;

/* plan.c */
vb_operation *vb_new_op(vb_differ *d, vb_op_kind kind, const char *schema,
						const char *table, const char *object);
void		vb_add_sql(vb_differ *d, vb_operation *op, char *sql);
void		vb_make_destructive(vb_operation *op, const char *reason);
int			vb_compare_ops(const void *x, const void *y);

/* diff_match.c */
bool		vb_is_managed(const vb_differ *d, const char *schema);
const char *vb_element_type(vb_arena *a, const char *type, int *dims);
const char *vb_mapped_type(vb_differ *d, const char *type);
const char *vb_mapped_default(vb_differ *d, const char *expr);
bool		vb_strs_equal(const char *a, const char *b);
vb_list    *vb_mapped_columns(vb_differ *d, vb_table_pair *p, const vb_list *cols);
const char *vb_mapped_predicate(vb_differ *d, vb_table_pair *p, const char *pred);
const char *vb_unmapped_predicate(vb_differ *d, vb_table_pair *p, const char *pred);
char	   *vb_sorted_columns_key(vb_arena *a, const vb_list *cols);
bool		vb_resolve_renames(vb_differ *d, const vb_rename_scope *sc, int ncur,
							   char **cur_names, int ndes, char **des_names,
							   vb_candidate_fn is_candidate, void *ctx,
							   int *cur_match, int *des_match);

/* diff_holders.c */
bool		vb_diff_check_holders(vb_differ *d);
void		vb_held_names(vb_differ *d, vb_map *relnames, vb_map *constraints);

/* diff_enums.c */
bool		vb_mentions_recreated_type(vb_differ *d, const char *expr);
bool		vb_diff_enums(vb_differ *d);
bool		vb_diff_enum_contents(vb_differ *d);

/* diff_tables.c */
bool		vb_integer_type(const char *type);
bool		vb_pair_tables(vb_differ *d);
bool		vb_diff_columns(vb_differ *d, vb_table_pair *p);
bool		vb_diff_column_changes(vb_differ *d, vb_table_pair *p);
void		vb_diff_comments(vb_differ *d, const vb_table *cur, const vb_table *des);

/* diff_objects.c */
void		vb_hold_rename(vb_differ *d, vb_list *renames, vb_op_kind kind,
						   const char *from, const char *to);
void		vb_emit_renames(vb_differ *d, vb_table_pair *p, const vb_list *renames);
void		vb_diff_keys(vb_differ *d, vb_table_pair *p, vb_list *curs, vb_list *dess,
						 bool primary);
void		vb_diff_indexes(vb_differ *d, vb_table_pair *p);
void		vb_diff_foreign_keys(vb_differ *d, vb_table_pair *p);
void		vb_diff_checks(vb_differ *d, vb_table_pair *p);
vb_operation *vb_add_check(vb_differ *d, const vb_table *t, vb_check *ck);
vb_operation *vb_add_key(vb_differ *d, const vb_table *t, vb_key *k, bool primary);
vb_operation *vb_create_index(vb_differ *d, const vb_table *t, vb_index *ix);
vb_operation *vb_add_foreign_key(vb_differ *d, const vb_table *t, vb_foreign_key *fk);
void		vb_comment_new_objects(vb_differ *d, const vb_table *t);
void		vb_diff_storage(vb_differ *d, const char *schema, const char *table,
							const char *index, const vb_list *cur, const vb_list *des);

/* guards.c */
void		vb_guard_not_null(vb_differ *d, vb_operation *op, vb_table_pair *p,
							  const vb_column *cc, const char *des_name);
void		vb_guard_table_empty(vb_differ *d, vb_operation *op, vb_table_pair *p,
								 const char *col);
vb_list    *vb_guard_key_exprs(vb_differ *d, vb_table_pair *p, const vb_list *cols);
void		vb_guard_unique(vb_differ *d, vb_operation *op, vb_table_pair *p,
							const char *name, const vb_list *exprs, bool nulls_not_distinct,
							const char *where);
void		vb_guard_check(vb_differ *d, vb_operation *op, vb_table_pair *p,
						   const vb_check *ck);
void		vb_guard_foreign_key(vb_differ *d, vb_operation *op, vb_table_pair *p,
								 const vb_foreign_key *fk);
void		vb_guard_type_change(vb_differ *d, vb_operation *op, vb_table_pair *p,
								 const vb_column *cc, const char *to, const char *using_expr);
void		vb_guard_enum_target(vb_differ *d, vb_operation *op, vb_table_pair *p,
								 const vb_column *cc, bool array, const vb_enum *e);
void		vb_guard_enum_value(vb_differ *d, vb_operation *op, vb_table_pair *p,
								const vb_column *cc, bool array, const char *enum_name,
								const char *value);

#endif							/* VB_DIFF_INTERNAL_H */
