/*
 * mysql_introspect.h — reading a MySQL 8 or MariaDB 10.11 database into the
 * core's schema model, over the libmysqlclient API (Debian's
 * libmariadb-dev-compat).
 *
 * Two layers: this file's functions run the queries and collect their rows
 * (vb_mysql_catalog, src/core/vb_mysql.h); vb_mysql_build_schema, pure C in
 * the core, turns rows into the model.
 */
#ifndef VB_MYSQL_INTROSPECT_H
#define VB_MYSQL_INTROSPECT_H

#include <mysql.h>

#include "vb.h"
#include "vb_mysql.h"

/*
 * Pin the session settings that change what the server prints or how text
 * reads: sql_mode (no ANSI_QUOTES, NO_BACKSLASH_ESCAPES or PIPES_AS_CONCAT),
 * time_zone '+00:00', character set utf8mb4, sql_quote_show_create.
 */
bool		vb_mysql_pin_session(MYSQL *conn, vb_arena *arena, vb_error *err);

/* The server (flavour and version from SELECT VERSION()), the connection's
 * database with its default charset and collation, and the charsets. Fails
 * when no database is selected. */
bool		vb_mysql_read_server(MYSQL *conn, vb_arena *arena, vb_mysql_server *out,
								 vb_error *err);

/* The names of the server's collations and usable storage engines
 * (vb_mysql_check_document checks a document's against them). */
bool		vb_mysql_read_server_names(MYSQL *conn, vb_arena *arena, vb_mysql_server *server,
									   vb_error *err);

/* Every row introspection needs, for the connection's database: a few
 * set-based information_schema queries, never one per table. Pins the
 * session first. */
bool		vb_mysql_read_catalog(MYSQL *conn, vb_arena *arena, vb_mysql_catalog *out,
								  vb_error *err);

/* The schema of the connection's current database (dialect "mysql"):
 * vb_mysql_read_catalog, then vb_mysql_build_schema. */
bool		vb_mysql_introspect(MYSQL *conn, vb_arena *arena, vb_schema **out, vb_error *err);

#endif							/* VB_MYSQL_INTROSPECT_H */
