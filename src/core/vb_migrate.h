/*
 * vb_migrate.h — versioned migrations, the part every face shares
 * (CONTRACT §5): the migrations as data, the statements of a file, which
 * files are applied, pending, edited, missing or failed, what `apply` may
 * run and what it must refuse, and the result objects.
 *
 * Pure functions, like the rest of the core: the extension
 * (viborm.migrate_*) and the command (SQLite and MySQL targets, and the
 * directory) hand in the files and the target's records and run what
 * these functions choose. Checksums are computed by the faces (SHA-256 of
 * the file's bytes, from PostgreSQL's cryptohash or OpenSSL), never here.
 */
#ifndef VB_MIGRATE_H
#define VB_MIGRATE_H

#include "vb.h"

/* The line that separates two statements in a migration file (VibORM's
 * and drizzle-kit's layout). */
#define VB_STATEMENT_BREAKPOINT "--> statement-breakpoint"

/* A migration a squashed file replaces: its version and the checksum it
 * had, and the migrations it replaced in turn (a squash of a squash). */
typedef struct vb_migration_replaced
{
	char	   *version;
	char	   *checksum;
	vb_list		replaces;		/* vb_migration_replaced * */
} vb_migration_replaced;

/* One migration file, as the faces hand it in. */
typedef struct vb_migration
{
	char	   *version;		/* "0001": files apply in the byte order of
								 * their versions */
	char	   *name;			/* "add-users" */
	char	   *sql;			/* the up file */
	char	   *down;			/* the down file, or NULL */
	char	   *checksum;		/* SHA-256 of sql, hex (set by the face) */
	char	   *snapshot;		/* JSON text: the schema after it, or NULL */
	vb_list		replaces;		/* vb_migration_replaced *: the migrations a
								 * squash joined (empty for other files) */
} vb_migration;

/* One migration the target recorded. */
typedef struct vb_migration_record
{
	char	   *version;
	char	   *name;
	char	   *checksum;
	char	   *applied_at;		/* ISO 8601 */
	char	   *applied_by;
	double		duration_ms;
	char	   *state;			/* "applied", "baseline", or (MySQL) "running"
								 * / "failed at step k" */
	int			applied_steps;	/* statements that ran (MySQL's journal) */
	char	   *error;			/* why it failed, or NULL */
	char	   *down;			/* the recorded down SQL, or NULL */
	char	   *snapshot;		/* JSON text, or NULL */
} vb_migration_record;

typedef enum vb_migration_state
{
	VB_MIGRATION_APPLIED,		/* recorded, file unchanged */
	VB_MIGRATION_PENDING,		/* a file not recorded */
	VB_MIGRATION_EDITED,		/* recorded with another checksum */
	VB_MIGRATION_MISSING,		/* recorded, no file */
	VB_MIGRATION_FAILED			/* recorded as failed (MySQL) */
} vb_migration_state;

/* One line of `status`: a file, a record, or both, by version. */
typedef struct vb_migration_status
{
	const char *version;
	const char *name;
	vb_migration_state state;
	bool		out_of_order;	/* pending, sorts before the last applied */
	const vb_migration *file;	/* NULL when missing */
	const vb_migration_record *record;	/* NULL when pending; a squashed
										 * file applied as the migrations it
										 * replaces: the newest of their
										 * records */
	bool		squashed;		/* applied as the migrations it replaces */
	const char *partly;			/* a squash of which the target applied only
								 * some migrations: which ones ("0001, 0002")
								 * and state EDITED */
} vb_migration_status;

/* The options of apply, status and down (CONTRACT §5; JSON object). */
typedef struct vb_migrate_options
{
	const char *to;				/* apply: up to and including; down: back to
								 * (it stays applied) */
	int			steps;			/* down: how many (default 1) */
	bool		allow_out_of_order;
	bool		dry_run;
	bool		baseline;		/* record without running (migrate baseline) */
	bool		per_file;		/* one transaction per file (CLI targets) */
	bool		resume;			/* MySQL: continue a failed file */
	bool		force;			/* down: run steps marked WARNING; reset: needed */
	bool		reset;			/* apply: drop the managed objects, forget
								 * every record, apply every file */
	vb_list		schemas;		/* reset: the schemas to empty (char *);
								 * default: those of the snapshots */
	const char *lock_timeout;	/* "5s" */
} vb_migrate_options;

const char *vb_migration_state_name(vb_migration_state state);

/* The migrations of CONTRACT §5 from JSON text: an array of objects with
 * "version" and "sql", and "name", "down", "checksum", "snapshot" when
 * known; versions unique. Errors are VB001 with the JSON path. */
bool		vb_migrations_read(vb_arena *arena, const char *json, vb_list *files,
							   vb_error *err);

/* The options object; absent members take their defaults. */
bool		vb_migrate_options_read(vb_arena *arena, const char *json,
									vb_migrate_options *out, vb_error *err);

/* The statements of a file: the text between breakpoint lines, trimmed,
 * those with nothing but whitespace and comments left out. */
void		vb_migration_statements(vb_arena *arena, const char *sql, vb_list *out);

/* Is the text a SHA-256 as checksums are written: 64 lower-case hex
 * digits? */
bool		vb_is_sha256_hex(const char *s);

/* Does the text carry a "-- WARNING:" line (a down step that loses data
 * or cannot be inverted)? */
bool		vb_migration_has_warning(const char *sql);

/* Sort files by version (in place). */
void		vb_migrations_sort(vb_list *files);

/*
 * Files and records by version, in version order (vb_migration_status *).
 * A squashed file (one with `replaces`) whose replaced migrations the
 * target recorded, each with the checksum the squash names, is applied
 * (`squashed`, its record the newest of theirs) and their records make no
 * lines of their own; when the target recorded only some of them, it is
 * EDITED with `partly` naming those, and apply refuses it.
 */
void		vb_migrations_reconcile(vb_arena *arena, const vb_list *files,
									const vb_list *records, vb_list *statuses);

/*
 * What `apply` runs (vb_migration_status *, in order), or a refusal:
 * VB009 an applied file edited or missing, a squash partly applied, VB010 a pending file sorting
 * before the last applied one (unless allow_out_of_order), VB004 a failed
 * file (unless resume, which puts it first), VB001 an unknown `to`.
 */
bool		vb_migrations_pending(vb_arena *arena, const vb_list *statuses,
								  const vb_migrate_options *opts, vb_list *pending,
								  vb_error *err);

/* What `down` reverts (vb_migration_record *, newest first), or a refusal
 * (VB001: nothing applied, an unknown `to`, a record without down SQL;
 * VB003: a down step marked WARNING without force). */
bool		vb_migrations_to_revert(vb_arena *arena, const vb_list *records,
									const vb_migrate_options *opts, vb_list *revert,
									vb_error *err);

/* The snapshot of the newest applied migration: its file's when given,
 * else the recorded one; NULL when there is none. Drift is measured
 * against it. */
const char *vb_migrations_last_snapshot(const vb_list *statuses);

/*
 * Reset (apply with "reset"): the schemas emptied and what was dropped
 * there, for the result's "reset" member: {"schemas": [...], "dropped":
 * [{"kind", "object"}], "forgotten": [versions whose records went]}.
 */
typedef struct vb_migrate_reset
{
	vb_list		schemas;		/* char * */
	vb_list		dropped_kinds;	/* char *: "table", "view", ... */
	vb_list		dropped;		/* char *: the object, as the target names it */
	vb_list		forgotten;		/* char *: versions */
} vb_migrate_reset;

/* Refuse a reset without force (VB003), naming what it would drop, or with
 * a `to` that no file has (VB001). */
bool		vb_migrate_reset_check(vb_arena *arena, const vb_migrate_options *opts,
								   const vb_list *files, const vb_migrate_reset *reset,
								   vb_error *err);

/* The schemas a reset empties: options.schemas, else those the newest
 * snapshots manage (the directory's and the target's); VB001 when no
 * snapshot tells, or one cannot be read. */
bool		vb_migrate_reset_schemas(vb_arena *arena, const vb_migrate_options *opts,
									 const vb_list *statuses, vb_list *out, vb_error *err);

/* Options only apply takes (reset, baseline) given to status or down:
 * VB001. */
bool		vb_migrate_options_for(vb_arena *arena, const vb_migrate_options *opts,
								   const char *request, vb_error *err);

/* One file `apply` ran, for the result. */
typedef struct vb_migration_run
{
	const char *version;
	const char *name;
	const char *checksum;
	int			statements;
	double		duration_ms;
} vb_migration_run;

/*
 * The result objects (JSON text):
 *   apply:  {"applied": [{version, name, checksum, statements, durationMs}],
 *            "pending": [versions still pending in `after`, the statuses
 *            once applied], "dryRun": b, "drift": DIFF|null}
 *   status: {"migrations": [{version, name, state, outOfOrder, checksum,
 *            appliedAt, appliedBy, durationMs, error}], "pending": n,
 *            "drift": DIFF|null}
 *   down:   {"reverted": [{version, name, statements}], "dryRun": b}
 * DIFF is the result object of a diff from the live schema to the last
 * applied snapshot, given only when it has operations.
 */
char	   *vb_migrate_apply_result(vb_arena *arena, const vb_list *runs,
									const vb_list *after, bool dry_run,
									const char *drift, const vb_migrate_reset *reset);
char	   *vb_migrate_status_result(vb_arena *arena, const vb_list *statuses,
									 const char *drift);
char	   *vb_migrate_down_result(vb_arena *arena, const vb_list *reverted,
								   bool dry_run);

/* The drift part of a result: the diff's result object when it has
 * operations or unresolved pairs, else NULL. */
const char *vb_migrate_drift(vb_arena *arena, const char *diff_result);

#endif							/* VB_MIGRATE_H */
