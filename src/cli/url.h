/*
 * url.h — which database a URL names, and how to show it without its
 * password.
 *
 *	sqlite:PATH, or a path ending in .db, .sqlite or .sqlite3  → SQLite
 *	mysql://user:pass@host:port/db?socket=PATH, mariadb://…   → MySQL/MariaDB
 *	postgres://…, postgresql://…, libpq "key=value …" strings  → PostgreSQL
 *
 * PostgreSQL URLs are handed to libpq as they are (it parses both forms);
 * MySQL URLs are split into their parts here for the client library.
 * Messages never show a password: they use cli_url.masked.
 */
#ifndef CLI_URL_H
#define CLI_URL_H

#include <stdbool.h>

#include "vb.h"

typedef enum cli_target_kind
{
	CLI_TARGET_POSTGRES,
	CLI_TARGET_SQLITE,
	CLI_TARGET_MYSQL
} cli_target_kind;

typedef struct cli_url
{
	cli_target_kind kind;
	const char *text;			/* as given (PostgreSQL: for libpq) */
	const char *masked;			/* the password replaced by "***" */
	const char *path;			/* SQLite: the database file */
	/* MySQL/MariaDB: percent-decoded parts; NULL/0 when absent */
	const char *user;
	const char *password;
	const char *host;
	int			port;
	const char *database;
	const char *socket;			/* ?socket=PATH: a Unix socket */
	bool		mariadb;		/* written mariadb:// */
} cli_url;

/* Classify and split `text`; a usage error (naming the masked URL) when
 * it names no database viborm knows. */
bool		cli_url_parse(vb_arena *arena, const char *text, cli_url *out, vb_error *err);

/* `text` with any password replaced by "***": the user-info password of a
 * URL, a password=… query parameter, and a libpq password=… keyword. */
const char *cli_url_mask(vb_arena *arena, const char *text);

/* "PostgreSQL", "SQLite", "MySQL/MariaDB" */
const char *cli_target_name(cli_target_kind kind);

#endif							/* CLI_URL_H */
