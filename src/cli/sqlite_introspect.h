/*
 * sqlite_introspect.h - read a SQLite database's schema into the core's
 * model (libsqlite3 on one side, src/core/vb_sqlite.h on the other).
 */
#ifndef VB_SQLITE_INTROSPECT_H
#define VB_SQLITE_INTROSPECT_H

#include <sqlite3.h>

#include "vb.h"

/* SQLSTATE-like code of an error SQLite itself returned. */
#define VB_ERR_SQLITE "58000"

/*
 * Read the schema of the "main" database of `db`: one snapshot, in a
 * savepoint (a read transaction of its own, or part of the caller's), with
 * four set-based queries over sqlite_schema and the table_xinfo,
 * index_list, index_xinfo and foreign_key_list pragmas, and the stored
 * CREATE text parsed for the rest (vb_sqlite_build_schema). Internal
 * objects (sqlite_%) and viborm's own _viborm_history and _viborm_snapshot
 * are skipped. Views, triggers, virtual tables and their shadow tables, and
 * tables the document cannot express, come back in (*out)->unmanaged with
 * their CREATE text.
 *
 * Fails with VB_ERR_SQLITE when SQLite refuses a query, and with XX000
 * when the CREATE text and the pragmas disagree.
 */
bool vb_sqlite_introspect(sqlite3 *db, vb_arena *arena, vb_schema **out,
			  vb_error *err);

/*
 * The AUTOINCREMENT counter of a table (its row in sqlite_sequence): *found
 * is false when the table has none yet (no row inserted, or no
 * AUTOINCREMENT table ever made, so no sqlite_sequence).
 */
bool vb_sqlite_read_sequence(sqlite3 *db, vb_arena *arena, const char *table,
			     bool *found, long long *seq, vb_error *err);

#endif /* VB_SQLITE_INTROSPECT_H */
