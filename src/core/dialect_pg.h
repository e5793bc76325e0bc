/*
 * dialect_pg.h — the PostgreSQL dialect's DDL pieces that the extension's
 * scratch work (src/pg/canonical.c) writes with, so that what it rehearses
 * is exactly what a push runs.
 */
#ifndef VB_DIALECT_PG_H
#define VB_DIALECT_PG_H

#include "dialect.h"
#include "vb_internal.h"

/* A collation or operator class name, "name" or "schema.name", quoted. */
char	   *vb_pg_object_name(vb_arena *a, const char *name);

/* A column as CREATE TABLE and ADD COLUMN write it. */
char	   *vb_pg_column_definition(vb_arena *a, const vb_column *c);

/* ALTER TABLE schema.table <action>, and ... ALTER COLUMN column <action>. */
char	   *vb_pg_alter_table(vb_arena *a, const char *schema, const char *table,
							  const char *action);
char	   *vb_pg_alter_column(vb_arena *a, const char *schema, const char *table,
							   const char *column, const char *action);

/* ALTER TABLE ... ADD CONSTRAINT name CHECK (...) [NOT VALID]. */
char	   *vb_pg_add_check(vb_arena *a, const char *schema, const char *table,
							const vb_check *ck);

/* CREATE INDEX as a push writes it (the document's own expression texts). */
char	   *vb_pg_create_index(vb_arena *a, const char *schema, const char *table,
							   const vb_index *ix);

/* Storage parameters as WITH (...) lists them: "fillfactor = '70', ...". */
char	   *vb_pg_options(vb_arena *a, const vb_list *options);

/* CREATE TYPE schema.name AS ENUM (values). */
char	   *vb_pg_create_enum(vb_arena *a, const char *schema, const char *name,
							  const vb_list *values);

#endif							/* VB_DIALECT_PG_H */
