/*
 * vb_pg.h — declarations shared by the extension's files (src/pg/).
 */
#ifndef VB_PG_H
#define VB_PG_H

#include "postgres.h"

#include "utils/array.h"
#include "utils/jsonb.h"

#include "dialect.h"

/* common.c: what the other files share (it uses none of them) */
extern vb_arena *vb_pg_arena(MemoryContext context);
extern void vb_pg_use_palloc_for_json(void);
extern int	vb_pg_sqlstate(const char *code);
extern void vb_pg_raise(const vb_error *err) pg_attribute_noreturn();
extern List *vb_pg_text_array_to_list(ArrayType *array);
extern char *vb_pg_jsonb_text(Jsonb *jb);
extern ErrorData *vb_pg_rolled_back_subtransaction(void (*fn) (void *arg), void *arg);

/* settings pinned for every call */
#define VB_PG_SEARCH_PATH "pg_catalog, pg_temp"
extern int	vb_pg_pin_settings(void);
extern void vb_pg_set(const char *name, const char *value);

/* introspect.c */
extern vb_schema *vb_pg_introspect(vb_arena *arena, const vb_list *schemas);
extern char *vb_pg_opclass_name(vb_arena *arena, Oid opclass);
extern char *vb_pg_collation_name(vb_arena *arena, Oid collid);
extern Oid	vb_pg_default_opclass(Oid type, Oid am);
extern void vb_pg_read_tables(vb_arena *arena, const Oid *relids, vb_table **tables, int n);
extern void vb_pg_mark_option_locks(const vb_list *options);

/* canonical.c */
extern void vb_pg_canonicalize(vb_arena *arena, vb_schema *desired,
							   const vb_schema *current);

/* execute.c */
extern int	vb_push_wait_timeout;
extern void vb_pg_check_isolation(const char *function);
extern void vb_pg_take_push_lock(void);
extern void vb_pg_execute_plan(const vb_plan *plan);
extern void vb_pg_run_step(const char *what, bool migration, int number, int total,
						   const char *sql);
extern Oid	vb_pg_extension_owner(void);
extern void vb_pg_check_guards(const vb_plan *plan);
extern char *vb_pg_held_enum_values(const vb_plan *plan);
extern int64 vb_pg_record_history(const char *result_json,
								  const vb_plan *plan, const char *snapshot_json,
								  TimestampTz started);

#endif							/* VB_PG_H */
