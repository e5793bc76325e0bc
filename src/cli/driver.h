/*
 * driver.h — the driver table: everything the viborm command needs from one
 * kind of database, as a struct of function pointers (like SQLite's VFS or
 * PostgreSQL's IndexAmRoutine). One file per driver fills one constant
 * table with designated initialisers: driver_pg.c today, driver_sqlite.c
 * and driver_mysql.c next.
 *
 * A dialect and a driver are different things. The dialect (src/core,
 * pure) knows a database's language: types, names, the SQL of each
 * operation, guards, hazards. The driver (here) does the I/O: connect, read
 * the catalog, lock, run statements in a transaction, count rows, keep
 * history. The commands see only this table and the result object of
 * CONTRACT §2, whatever the target.
 *
 * Two kinds of target share it:
 *
 *  - A server that plans. PostgreSQL with the extension plans, checks,
 *    applies and records inside the server (viborm.introspect/diff/push,
 *    viborm.history): its driver implements introspect, plan and
 *    read_history over libpq, and leaves the local members NULL. The CLI
 *    does no planning of its own there.
 *
 *  - A target the CLI plans for (SQLite, MySQL/MariaDB). Its driver
 *    implements the local members, and sets introspect and plan to the
 *    core pipeline (src/cli/pipeline.c), which runs, with the
 *    driver's dialect:
 *
 *      read_schema -> introspect; document -> canonicalize -> vb_diff ->
 *      vb_plan_check -> guards (count_rows) -> lock, begin -> execute each
 *      statement -> read_schema again, empty diff or rollback (verify) ->
 *      record_history -> commit
 *
 *    so that every target returns the same result object. A target whose
 *    DDL commits by itself (MySQL) instead has the server check every
 *    statement (prepare) before the first runs, and journals the push
 *    statement by statement (journal): a failure leaves the steps before it
 *    applied, and says which.
 *
 * Conventions: every member that can fail returns false and fills a
 * vb_error (code: the server's SQLSTATE or VBnnn when it has one; messages
 * never show a password). Drivers watch cli_interrupted() while they wait
 * and then stop the statement in hand (PQcancel, sqlite3_interrupt, KILL
 * QUERY) and fail with CLI_ERR_INTERRUPTED; Ctrl-C never leaves a change
 * half applied where the target has transactions. Memory comes from the
 * arena handed in.
 */
#ifndef CLI_DRIVER_H
#define CLI_DRIVER_H

#include <stdbool.h>

#include "url.h"
#include "vb.h"

struct vb_dialect;				/* the core's dialect table: src/core/dialect.h */

typedef struct cli_conn cli_conn;	/* one open connection; each driver defines it */
typedef struct cli_driver cli_driver;

/* What plan() is asked for. */
typedef enum cli_plan_mode
{
	CLI_PLAN_DIFF,				/* plan only (diff): lists ambiguity and
								 * destruction, never refuses them */
	CLI_PLAN_SETTLE,			/* the same, for a push that follows on this
								 * connection: where the push is journalled
								 * (MySQL) it takes the push's lock now, and
								 * the catalog it reads serves the push unless
								 * a question is asked in between
								 * (cli_pipeline_forget) */
	CLI_PLAN_DRY_RUN,			/* push's checks and data guards, nothing
								 * applied, no history */
	CLI_PLAN_APPLY				/* push: check, apply, verify, record */
} cli_plan_mode;

/* One applied push (or, later, migration) as the target recorded it. */
typedef struct cli_history_entry
{
	long long	id;
	double		applied_at;		/* seconds since the epoch */
	const char *applied_by;		/* database role or OS user */
	const char *kind;			/* "push" */
	const char *operations;		/* JSON array text: the operations */
	vb_list		sql;			/* char *: the statements, in order */
	const char *checksum;		/* SHA-256 of the statements, hex */
	double		duration_ms;
	const char *state;			/* MySQL: "applied" or "failed at step k";
								 * NULL where pushes are atomic */
	const char *error;			/* MySQL: why it failed, or NULL */
} cli_history_entry;

/* What record_history writes (local targets). */
typedef struct cli_history_record
{
	const vb_plan *plan;		/* what was applied */
	const char *operations_json;	/* the "operations" of its result object */
	const char *snapshot_json;	/* the schema read back after applying */
	double		started;		/* seconds since the epoch */
	const char *applied_by;		/* the OS user */
	const char *kind;			/* the history's kind: NULL is "push" (a
								 * migration will say "migration") */
} cli_history_record;

/*
 * The journal of a push on a target whose DDL commits by itself (MySQL):
 * what journal() writes, each call committed at once (autocommit):
 *
 *   - before the first statement, with id 0: the history tables when
 *     missing, and the row (state "running", 0 statements applied, the
 *     record's operations, statements and checksum); id is set;
 *   - after each statement the server applied: `applied` (k), the first k
 *     statements of the plan as applied_sql, state still "running";
 *   - at the end: state "applied", or "failed at step k" with `error`
 *     (`applied` then says how many ran before it), and when the record
 *     has snapshot_json, the snapshot row.
 *
 * A row left "running" (the connection or the process died) is marked
 * "failed at step applied+1" by the next lock() on that database, so the
 * journal is never left claiming a push in progress. A caller replaying
 * statements (versioned migrations) reads `applied` back to know where a
 * failed file stopped: statements 1..applied ran, the rest did not, except
 * that the statement after them is unknown when the error was a lost
 * connection (the server may have committed it).
 */
typedef struct cli_journal
{
	cli_history_record *record; /* the push; snapshot_json once verified */
	long long	id;				/* the history row, once written */
	int			applied;		/* statements applied so far */
	int			total;			/* statements of the plan */
	const char *state;			/* "running", "applied", "failed at step k" */
	const char *error;			/* the failure, or NULL */
} cli_journal;

struct cli_driver
{
	const char *name;			/* for messages: "PostgreSQL" */
	const char *dialect_name;	/* "pg", "sqlite", "mysql": what a snapshot
								 * document's "dialect" must say; the model
								 * form is serialised for it */
	const struct vb_dialect *dialect;	/* the core's dialect, for targets the
										 * CLI plans for; NULL when the server
										 * plans */

	/* --- every driver ---------------------------------------------------- */

	/* Optional, before connect: the document has this many tables and
	 * indexes (SQLite sizes its page cache for a push of them). */
	void		(*expect) (const cli_url *url, int objects);

	/* Open a connection to url (create a missing SQLite file only when
	 * `create`: push does, pull and diff do not). */
	bool		(*connect) (vb_arena *arena, const cli_url *url, bool create,
							cli_conn **conn, vb_error *err);

	/* Close the connection, rolling back anything still open; NULL-safe. */
	void		(*disconnect) (cli_conn *conn);

	/* The live schema of `schemas` (empty: the target's default) as
	 * snapshot-form JSON text: what `viborm pull` prints. */
	bool		(*introspect) (const cli_driver *self, cli_conn *conn, vb_arena *arena,
							   const vb_list *schemas, char **document, vb_error *err);

	/* Plan `document` (JSON text, either form) under `options` (the options
	 * object of CONTRACT §2, JSON text, without dryRun: `mode` says it) and
	 * per mode check or apply it; *result is the result object as JSON text.
	 * Refusals (VB002, VB003, VB006, ...) are errors, as the server raises
	 * them. */
	bool		(*plan) (const cli_driver *self, cli_conn *conn, vb_arena *arena,
						 const char *document, const char *options, cli_plan_mode mode,
						 char **result, vb_error *err);

	/* The `limit` newest history entries (cli_history_entry *), newest
	 * first; none when nothing was ever recorded. */
	bool		(*read_history) (cli_conn *conn, vb_arena *arena, long limit,
								 vb_list *entries, vb_error *err);

	/*
	 * Versioned migrations (CONTRACT §5): `request` is "apply", "status" or
	 * "down"; `migrations` the files as the JSON array of §5 (NULL for
	 * down), `options` the options object; *result the result object. On
	 * PostgreSQL the extension's viborm.migrate_*; on the targets the CLI
	 * plans for, cli_migrate_local (migrate_local.c) on the members below.
	 */
	bool		(*migrate) (const cli_driver *self, cli_conn *conn, vb_arena *arena,
							const char *request, const char *migrations, const char *options,
							char **result, vb_error *err);

	/* Open and roll back a transaction around a rehearsal that must leave
	 * nothing behind (migrate generate on a --dev-url); NULL where the
	 * rehearsal happens elsewhere (SQLite: an in-memory database). After
	 * BEGIN, rehearse_begin drops the schemas named in `emptied` (with
	 * everything in them), so the rehearsal starts from nothing, whatever
	 * the dev database held. */
	bool		(*rehearse_begin) (cli_conn *conn, const vb_list *emptied, vb_error *err);
	void		(*rehearse_end) (cli_conn *conn);

	/* --- targets the CLI plans for; NULL when the server plans ------------- */

	/* The rows of a query of viborm's own (its tables), each a char *[]
	 * of `columns` texts (NULL for SQL NULL). */
	bool		(*query) (cli_conn *conn, vb_arena *arena, const char *sql, int columns,
						  vb_list *rows, vb_error *err);

	/* Read the live catalog of `schemas` into the core's model, canonical. */
	bool		(*read_schema) (cli_conn *conn, vb_arena *arena, const vb_list *schemas,
								vb_schema **current, vb_error *err);

	/* Bring the desired schema's types and expressions to the canonical form
	 * read_schema produces (through the database where it can parse them),
	 * so that an unchanged schema diffs empty. */
	bool		(*canonicalize) (cli_conn *conn, vb_arena *arena, vb_schema *desired,
								 const vb_schema *current, vb_error *err);

	/* Serialise pushes on this database (BEGIN IMMEDIATE with a busy
	 * timeout, GET_LOCK), waiting at most `timeout` ("5s"). */
	bool		(*lock) (cli_conn *conn, const char *timeout, vb_error *err);

	/* Transactions around a push; rollback never fails the caller. On a
	 * target whose DDL commits implicitly (MySQL) begin/commit bracket the
	 * history rows only. */
	bool		(*begin) (cli_conn *conn, vb_error *err);
	bool		(*commit) (cli_conn *conn, vb_error *err);
	void		(*rollback) (cli_conn *conn);

	/* Run one statement of the plan. */
	bool		(*execute) (cli_conn *conn, const char *sql, vb_error *err);

	/* Run a guard query (one row, one integer) and return its count. */
	bool		(*count_rows) (cli_conn *conn, const char *sql, long long *count,
							   vb_error *err);

	/* Write the history row and the snapshot of an applied push
	 * (_viborm_history, _viborm_snapshot) in the push's transaction. */
	bool		(*record_history) (cli_conn *conn, const cli_history_record *record,
								   long long *id, vb_error *err);

	/* --- targets whose DDL commits by itself (MySQL); NULL elsewhere ------ */

	/* The dialect of this connection's server (MySQL 8 or MariaDB), when
	 * it is not `dialect`. */
	const struct vb_dialect *(*dialect_of) (cli_conn *conn);

	/* Have the server check one statement of the plan without running it:
	 * the whole plan is checked before its first statement. */
	bool		(*prepare) (cli_conn *conn, const char *sql, vb_error *err);

	/* Journal the push statement by statement (cli_journal, above), so
	 * that the target always says how far it got; record_history is not
	 * used. The pipeline calls it around execute(); so may any other
	 * caller holding lock(). */
	bool		(*journal) (cli_conn *conn, cli_journal *journal, vb_error *err);
};

/* The drivers: SQLite's is built in, the others are the modules
 * viborm-postgresql.so and viborm-mysql.so (driver_load.c). */
extern const cli_driver cli_driver_postgres;
extern const cli_driver cli_driver_sqlite;
extern const cli_driver cli_driver_mysql;

/* The driver of a kind of target, its module loaded on first use; NULL
 * with err filled (58P01) when the module is missing or fails to load. */
const cli_driver *cli_driver_for(cli_target_kind kind, vb_arena *arena, vb_error *err);

#endif							/* CLI_DRIVER_H */
