/*
 * migrate.h — versioned migrations in the viborm command: the directory
 * (migrations_dir.c) and, on the targets the command plans for (SQLite,
 * MySQL/MariaDB), the same three requests the extension answers on
 * PostgreSQL (migrate_local.c).
 */
#ifndef CLI_MIGRATE_H
#define CLI_MIGRATE_H

#include <cjson/cJSON.h>

#include "driver.h"
#include "vb_migrate.h"

/* The table that records applied migrations on SQLite and MySQL. */
#define CLI_MIGRATIONS_TABLE "_viborm_migrations"

/* driver->migrate for SQLite and MySQL: "apply", "status" or "down", as
 * viborm.migrate_* do it in the extension, recorded in _viborm_migrations.
 * SQLite: every file in one BEGIN IMMEDIATE transaction. MySQL: each
 * statement journalled as it commits; a failure leaves the file "failed at
 * step k" until apply with resume, or resolve. */
bool		cli_migrate_local(const cli_driver *self, cli_conn *conn, vb_arena *arena,
							  const char *request, const char *migrations, const char *options,
							  char **result, vb_error *err);

/* migrate resolve --rolled-back VERSION (SQLite, MySQL): forget a failed
 * migration that the user repaired by hand. */
bool		cli_migrate_resolve(const cli_driver *self, cli_conn *conn, vb_arena *arena,
								const char *version, vb_error *err);

/* ---- the directory (migrations_dir.c) ------------------------------------ */

typedef struct cli_migration_dir
{
	const char *path;			/* ./migrations */
	const char *dialect;		/* the journal's ("postgresql", "sqlite",
								 * "mysql"), or NULL without one */
	vb_list		files;			/* vb_migration *, by version, checksummed;
								 * the newest carries meta/_snapshot.json */
	vb_list		file_names;		/* char *: each file's name, as files */
	const char *snapshot;		/* meta/_snapshot.json, or NULL */
	cJSON	   *journal;		/* meta/_journal.json, or NULL (owned) */
	vb_list		warnings;		/* char *: files changed since the journal
								 * recorded them */
} cli_migration_dir;

/* Read a directory; a missing one reads as empty when `may_be_missing`. */
bool		cli_migrations_dir_read(vb_arena *arena, const char *path, bool may_be_missing,
									cli_migration_dir *dir, vb_error *err);
void		cli_migrations_dir_free(cli_migration_dir *dir);

/* The files as the JSON array of CONTRACT §5 (what the extension takes). */
char	   *cli_migrations_json(vb_arena *arena, const cli_migration_dir *dir);

/* The journal's name of a driver's dialect ("pg" -> "postgresql"). */
const char *cli_journal_dialect(const char *dialect_name);

/* Write one generated migration: the up file NNNN_name.sql, its down file
 * in meta/_down/, the journal entry and meta/_snapshot.json. *file_name
 * is the up file's name. */
bool		cli_migrations_dir_add(vb_arena *arena, cli_migration_dir *dir,
								   const char *dialect_name, const char *name,
								   const vb_list *up, const char *down, const char *snapshot,
								   char **file_name, vb_error *err);

/* Join the migrations from..to (two or more) into one, version `from`:
 * their statements in order, their down files in reverse order (none when
 * one of them has none), one journal entry; the old files are removed. */
bool		cli_migrations_dir_squash(vb_arena *arena, cli_migration_dir *dir,
									  const char *from, const char *to, const char *name,
									  char **file_name, vb_error *err);

#endif							/* CLI_MIGRATE_H */
