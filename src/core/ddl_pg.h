/*
 * ddl_pg.h — PostgreSQL DDL text builders used by the planner.
 */
#ifndef VB_DDL_PG_H
#define VB_DDL_PG_H

#include "vb_internal.h"

char	   *vb_pg_object_name(vb_arena *a, const char *name);
char	   *vb_pg_sequence_options(vb_arena *a, const vb_seq_options *q, const char *verb);
char	   *vb_pg_add_check(vb_arena *a, const char *schema, const char *table,
							const vb_check *ck);
char	   *vb_pg_comment(vb_arena *a, const char *schema, const char *table,
						  const char *column, const char *comment);
char	   *vb_pg_comment_on_index(vb_arena *a, const char *schema, const char *index,
								   const char *comment);
char	   *vb_pg_comment_on_constraint(vb_arena *a, const char *schema, const char *table,
										const char *constraint, const char *comment);
const char *vb_pg_deferrability(bool deferrable, bool initially_deferred);
char	   *vb_pg_options(vb_arena *a, const vb_list *options);
char	   *vb_pg_option_names(vb_arena *a, const vb_list *options);
char	   *vb_pg_column_definition(vb_arena *a, const vb_column *c);
char	   *vb_pg_create_table(vb_arena *a, const vb_table *t);
char	   *vb_pg_alter_table(vb_arena *a, const char *schema, const char *table,
							  const char *action);
char	   *vb_pg_alter_column(vb_arena *a, const char *schema, const char *table,
							   const char *column, const char *action);
char	   *vb_pg_add_key(vb_arena *a, const char *schema, const char *table,
						  const vb_key *k, bool primary);
char	   *vb_pg_drop_constraint(vb_arena *a, const char *schema, const char *table,
								  const char *name);
char	   *vb_pg_create_index(vb_arena *a, const char *schema, const char *table,
							   const vb_index *ix);
char	   *vb_pg_add_foreign_key(vb_arena *a, const char *schema, const char *table,
								  const vb_foreign_key *fk);
char	   *vb_pg_create_enum(vb_arena *a, const char *schema, const char *name,
							  const vb_list *values);
char	   *vb_pg_nextval_default(vb_arena *a, const char *schema, const char *sequence);
char	   *vb_pg_sequence_restart(vb_arena *a, const char *schema, const char *table,
								   const char *column, const char *sequence_text,
								   bool descending, long long bound);

#endif							/* VB_DDL_PG_H */
