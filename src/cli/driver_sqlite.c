/*
 * driver_sqlite.c — the SQLite driver: a database file through libsqlite3,
 * planned by the command itself (pipeline.c) in the SQLite dialect.
 *
 * A push is one transaction, BEGIN IMMEDIATE with a busy timeout, so it
 * takes SQLite's write lock before it reads the schema and holds it to
 * COMMIT: pushes serialise, and any failure rolls everything back, history
 * included. PRAGMA foreign_keys is switched off before BEGIN (inside a
 * transaction the pragma is silently ignored, and a table rebuild's DROP
 * TABLE would then delete child rows through ON DELETE CASCADE), read back
 * to be sure, and restored after COMMIT or ROLLBACK; before COMMIT,
 * PRAGMA foreign_key_check must find no violation that was not there
 * before the push's first write, and every view must still compile. The
 * violations "before" are read at that first write, not at BEGIN: a push
 * that writes nothing (the no-op push) never runs the check, and one that
 * writes reads the same state, the write lock being held since BEGIN.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "cli.h"
#include "dialect.h"
#include "driver.h"
#include "history.h"
#include "migrate.h"
#include "pipeline.h"
#include "sqlite_introspect.h"
#include "vb_sqlite.h"

struct cli_conn
{
	sqlite3    *db;
	const cli_url *url;
	vb_arena   *arena;
	bool		fk_was_on;		/* restore PRAGMA foreign_keys = ON */
	bool		in_transaction;
	bool		wrote;			/* the transaction has written: violations read */
	vb_map		violations;		/* foreign_key_check rows before the push */
};

/* The database's message as a vb_error; an interrupt is CLI_ERR_INTERRUPTED. */
static bool
sqlite_error(cli_conn *c, vb_error *err, const char *what)
{
	int			rc = sqlite3_extended_errcode(c->db);
	const char *code = (rc & 0xff) == SQLITE_INTERRUPT ? CLI_ERR_INTERRUPTED :
		(rc & 0xff) == SQLITE_BUSY ? "55P03" : VB_ERR_SQLITE;

	vb_fail(err, c->arena, code, NULL, "%s: %s", what, sqlite3_errmsg(c->db));
	return false;
}

/* Ctrl-C stops the statement in hand (SQLITE_INTERRUPT). */
static int
progress(void *arg)
{
	(void) arg;
	return cli_interrupted() != 0;
}

/*
 * SQLite's page cache, for a push that creates many tables. Each new table
 * and index dirties a page of its own (and the history row some more):
 * with SQLite's default cache of 2 MB the transaction spills dirty pages
 * to the file before it commits, and each page of a larger cache is a
 * malloc whose memory the kernel faults in 4 kB at a time. So, told before
 * the first connection how many tables and indexes the document has
 * (expect), the process gives SQLite a buffer for its pages
 * (SQLITE_CONFIG_PAGECACHE) from the arena's huge pages and each
 * connection a cache_size to match: 1000 pages plus one and a half per
 * table or index that the file has no page for yet (its size in 4 kB
 * pages counts as that many objects there already), at most 65,536 pages
 * (270 MB). SQLite writes a link into every slot of the buffer when it is
 * given, so the buffer is sized to what the push may create, not reserved
 * large: a push onto a file that has its tables already gets 1000 pages.
 * An initial push of 1000 tables took 465 ms of CPU instead of 550. Pages
 * of another size than 4 kB, and pages beyond the buffer, come from malloc
 * as before.
 */
#define PAGE_CACHE_PAGE 4096
#define PAGE_CACHE_MAX 65536

static int	page_cache_pages;	/* the buffer's slots; 0: SQLite's default */

static void
sqlite_expect(const cli_url *url, int objects)
{
	static vb_arena *memory;	/* SQLite's for the process: never freed */
	struct stat st;
	long		there = stat(url->path, &st) == 0 ? (long) (st.st_size / PAGE_CACHE_PAGE) : 0;
	long		new_objects = objects > there ? objects - there : 0;
	long		pages = 1000 + new_objects + new_objects / 2;
	int			header = 0;
	size_t		slot;

	if (memory != NULL)
		return;
	if (pages > PAGE_CACHE_MAX)
		pages = PAGE_CACHE_MAX;
	if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK)
		return;
	slot = ((size_t) PAGE_CACHE_PAGE + (size_t) header + 7) / 8 * 8;
	memory = cli_arena_new();
	/* refused once SQLite is initialised (an earlier connection): then its
	 * default stays */
	if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, vb_alloc(memory, slot * (size_t) pages),
					   (int) slot, (int) pages) == SQLITE_OK)
		page_cache_pages = (int) pages;
}

static bool
sqlite_connect(vb_arena *arena, const cli_url *url, bool create, cli_conn **out, vb_error *err)
{
	cli_conn   *c = vb_alloc(arena, sizeof(cli_conn));
	struct stat st;
	/* one thread uses the connection: no mutex on each call */
	int			flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
		(create ? SQLITE_OPEN_CREATE : 0);

	if (!create && stat(url->path, &st) != 0)
		return vb_fail(err, arena, CLI_ERR_CONNECTION, NULL, "no SQLite database at %s", url->path);
	c->arena = arena;
	c->url = url;
	/* no memory statistics (each allocation took a global mutex for them);
	 * only possible before the library's first use, refused after it */
	(void) sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (sqlite3_open_v2(url->path, &c->db, flags, NULL) != SQLITE_OK)
	{
		vb_fail(err, arena, CLI_ERR_CONNECTION, NULL, "could not open %s: %s", url->path,
				c->db ? sqlite3_errmsg(c->db) : "out of memory");
		sqlite3_close(c->db);
		return false;
	}
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_progress_handler(c->db, 1000, progress, NULL);
	if (page_cache_pages > 0)
	{
		char		sql[64];

		snprintf(sql, sizeof(sql), "PRAGMA cache_size = %d", page_cache_pages);
		(void) sqlite3_exec(c->db, sql, NULL, NULL, NULL);
	}
	*out = c;
	return true;
}

static bool
exec(cli_conn *c, const char *sql, vb_error *err)
{
	if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return sqlite_error(c, err, "SQLite");
	return true;
}

static void
restore_foreign_keys(cli_conn *c)
{
	if (c->fk_was_on)
		sqlite3_exec(c->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	c->fk_was_on = false;
}

static void
sqlite_rollback(cli_conn *c)
{
	if (c->in_transaction)
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	c->in_transaction = false;
	c->wrote = false;
	restore_foreign_keys(c);
}

static void
sqlite_disconnect(cli_conn *c)
{
	if (c == NULL)
		return;
	sqlite_rollback(c);
	sqlite3_close(c->db);
}

/* One integer from one row. */
static bool
query_int(cli_conn *c, const char *sql, long long *value, vb_error *err)
{
	sqlite3_stmt *st;
	int			rc;

	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return sqlite_error(c, err, "SQLite");
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
	{
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ?
			vb_fail(err, c->arena, VB_ERR_SQLITE, NULL, "the query returned no row: %s", sql) :
			sqlite_error(c, err, "SQLite");
	}
	*value = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return true;
}

static bool
sqlite_read_schema(cli_conn *c, vb_arena *arena, const vb_list *schemas, vb_schema **current,
				   vb_error *err)
{
	(void) schemas;				/* one namespace */
	return vb_sqlite_introspect(c->db, arena, current, err);
}

static bool
sqlite_canonicalize(cli_conn *c, vb_arena *arena, vb_schema *desired, const vb_schema *current,
					vb_error *err)
{
	(void) c;
	(void) current;
	return vb_sqlite_canonicalize(arena, desired, err);
}

/* "5s", "500ms", "2min" as milliseconds; the contract's default is 5s. */
static int
timeout_ms(const char *text)
{
	char	   *end;
	double		n = text ? strtod(text, &end) : 5;

	if (text == NULL)
		return 5000;
	if (strcmp(end, "ms") == 0)
		return (int) n;
	if (strcmp(end, "min") == 0)
		return (int) (n * 60000);
	if (strcmp(end, "h") == 0)
		return (int) (n * 3600000);
	return (int) (n * 1000);
}

/*
 * Foreign keys off, outside any transaction (the pragma is a no-op inside
 * one), and checked: a rebuild must never delete child rows. The busy
 * timeout bounds the wait for another writer.
 */
static bool
sqlite_lock(cli_conn *c, const char *timeout, vb_error *err)
{
	long long	on;

	sqlite3_busy_timeout(c->db, timeout_ms(timeout));
	if (!query_int(c, "PRAGMA foreign_keys", &on, err))
		return false;
	if (!on)
		return true;
	c->fk_was_on = true;
	if (!exec(c, "PRAGMA foreign_keys = OFF", err) || !query_int(c, "PRAGMA foreign_keys", &on, err))
		return false;
	if (on)
		return vb_fail(err, c->arena, VB_ERR_SQLITE, NULL,
					   "PRAGMA foreign_keys = OFF did not take effect on %s", c->url->path);
	return true;
}

/* The rows of PRAGMA foreign_key_check, as "table\x1frowid\x1fparent\x1ffkid". */
static bool
fk_violations(cli_conn *c, vb_list *out, vb_error *err)
{
	sqlite3_stmt *st;
	int			rc;

	if (sqlite3_prepare_v2(c->db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return sqlite_error(c, err, "SQLite");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		vb_list_push(c->arena, out,
					 vb_printf(c->arena, "%s\x1f%lld\x1f%s\x1f%d",
							   (const char *) sqlite3_column_text(st, 0),
							   (long long) sqlite3_column_int64(st, 1),
							   (const char *) sqlite3_column_text(st, 2), sqlite3_column_int(st, 3)));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || sqlite_error(c, err, "SQLite");
}

/* BEGIN IMMEDIATE: the write lock now, for the whole push. */
static bool
sqlite_begin(cli_conn *c, vb_error *err)
{
	if (!exec(c, "BEGIN IMMEDIATE", err))
	{
		if (strcmp(err->code, "55P03") == 0)
			err->hint = vb_strdup(c->arena, "Another connection is writing to the database; retry, or raise --lock-timeout.");
		return false;
	}
	c->in_transaction = true;
	c->wrote = false;
	vb_map_init(&c->violations, c->arena, 8);
	return true;
}

/*
 * Before the transaction's first write: the foreign key violations that
 * are there already (a push is not to blame for them).
 */
static bool
before_write(cli_conn *c, vb_error *err)
{
	vb_list		before = {0};
	int			i;

	if (!c->in_transaction || c->wrote)
		return true;
	if (!fk_violations(c, &before, err))
		return false;
	for (i = 0; i < before.count; i++)
		vb_map_put(&c->violations, before.items[i], (void *) 1);
	c->wrote = true;
	return true;
}

/* Every view must still compile against the tables as the push left them. */
static bool
check_views(cli_conn *c, vb_error *err)
{
	sqlite3_stmt *st;
	vb_list		views = {0};
	int			i;

	if (sqlite3_prepare_v2(c->db, "SELECT name FROM sqlite_schema WHERE type = 'view'", -1,
						   &st, NULL) != SQLITE_OK)
		return sqlite_error(c, err, "SQLite");
	while (sqlite3_step(st) == SQLITE_ROW)
		vb_list_push(c->arena, &views, vb_strdup(c->arena, (const char *) sqlite3_column_text(st, 0)));
	sqlite3_finalize(st);
	for (i = 0; i < views.count; i++)
	{
		const char *sql = vb_printf(c->arena, "SELECT * FROM %s LIMIT 0",
									vb_dialect_sqlite.quote_ident(c->arena, views.items[i]));

		if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		{
			vb_fail(err, c->arena, VB_ERR_DEPENDENCY, NULL,
					"view %s no longer works after the push: %s", (char *) views.items[i],
					sqlite3_errmsg(c->db));
			err->hint = vb_strdup(c->arena, "Nothing was applied. Change or drop the view first: viborm leaves views alone.");
			return false;
		}
		sqlite3_finalize(st);
	}
	return true;
}

/* Before COMMIT: no new foreign key violation, every view compiles. */
static bool
sqlite_commit(cli_conn *c, vb_error *err)
{
	vb_list		after = {0};
	int			i;

	/* nothing written, nothing to check: no violation can be new */
	if (c->wrote && (!fk_violations(c, &after, err) || !check_views(c, err)))
		return false;
	for (i = 0; i < after.count; i++)
		if (!vb_map_get(&c->violations, after.items[i]))
		{
			char	   *row = after.items[i];

			*strchr(row, '\x1f') = '\0';
			vb_fail(err, c->arena, VB_ERR_GUARD, NULL,
					"the push would leave rows of table %s that violate a foreign key", row);
			err->hint = vb_strdup(c->arena, "Nothing was applied. Fix those rows first (PRAGMA foreign_key_check lists them).");
			return false;
		}
	if (!exec(c, "COMMIT", err))
		return false;
	c->in_transaction = false;
	restore_foreign_keys(c);
	return true;
}

/*
 * One statement of the plan. SQLite checks the whole schema after an
 * ALTER TABLE; a view or trigger it finds broken is the dependency error
 * of CONTRACT §2 (VB008).
 */
static bool
sqlite_execute(cli_conn *c, const char *sql, vb_error *err)
{
	const char *m;

	if (!before_write(c, err))
		return false;
	if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return true;
	sqlite_error(c, err, "SQLite");
	m = sqlite3_errmsg(c->db);
	if (strncmp(m, "error in view ", 14) == 0 || strncmp(m, "error in trigger ", 17) == 0)
	{
		memcpy(err->code, VB_ERR_DEPENDENCY, sizeof(err->code));
		err->message = vb_printf(c->arena, "a view or trigger outside the document blocks a step: %s", m);
		err->hint = vb_strdup(c->arena, "Nothing was applied. viborm leaves views and triggers alone: change or drop it first.");
	}
	return false;
}

static bool
sqlite_count_rows(cli_conn *c, const char *sql, long long *count, vb_error *err)
{
	return query_int(c, sql, count, err);
}

static const char *const history_tables =
"CREATE TABLE IF NOT EXISTS _viborm_history ("
" id INTEGER PRIMARY KEY, applied_at REAL NOT NULL, applied_by TEXT NOT NULL,"
" kind TEXT NOT NULL, operations TEXT NOT NULL, sql TEXT NOT NULL,"
" checksum TEXT NOT NULL, duration_ms REAL NOT NULL, state TEXT NOT NULL);"
"CREATE TABLE IF NOT EXISTS _viborm_snapshot ("
" history_id INTEGER PRIMARY KEY REFERENCES _viborm_history (id), document TEXT NOT NULL)";

/* Bind text or NULL; the text (the arena's) outlives the statement. */
static void
bind_text(sqlite3_stmt *st, int i, const char *text)
{
	sqlite3_bind_text(st, i, text, -1, SQLITE_STATIC);
}

/*
 * The history row and the snapshot, in the push's transaction: the
 * operations of the result, the statements as a JSON array, their
 * checksum (SHA-256 of the statements joined by ";\n", as the extension
 * computes it), who, when, how long.
 */
static bool
sqlite_record_history(cli_conn *c, const cli_history_record *r, long long *id, vb_error *err)
{
	vb_arena   *a = c->arena;
	char	   *joined = cli_plan_statements_joined(a, r->plan);
	char	   *statements = cli_plan_statements_json(a, r->plan);
	const char *operations = r->operations_json;
	sqlite3_stmt *st;

	if (!before_write(c, err) || !exec(c, history_tables, err))
		return false;
	if (sqlite3_prepare_v2(c->db, "INSERT INTO _viborm_history (applied_at, applied_by, kind,"
						   " operations, sql, checksum, duration_ms, state)"
						   " VALUES (?, ?, 'push', ?, ?, ?, ?, 'applied')", -1, &st, NULL) != SQLITE_OK)
		return sqlite_error(c, err, "recording history");
	sqlite3_bind_double(st, 1, r->started);
	bind_text(st, 2, r->applied_by);
	bind_text(st, 3, operations);
	bind_text(st, 4, statements);
	bind_text(st, 5, cli_sha256_hex(a, joined, strlen(joined)));
	sqlite3_bind_double(st, 6, (cli_now() - r->started) * 1000.0);
	if (sqlite3_step(st) != SQLITE_DONE)
	{
		sqlite3_finalize(st);
		return sqlite_error(c, err, "recording history");
	}
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(c->db);
	if (sqlite3_prepare_v2(c->db, "INSERT INTO _viborm_snapshot (history_id, document) VALUES (?, ?)",
						   -1, &st, NULL) != SQLITE_OK)
		return sqlite_error(c, err, "recording history");
	sqlite3_bind_int64(st, 1, *id);
	bind_text(st, 2, r->snapshot_json);
	if (sqlite3_step(st) != SQLITE_DONE)
	{
		sqlite3_finalize(st);
		return sqlite_error(c, err, "recording history");
	}
	sqlite3_finalize(st);
	return true;
}

static bool
sqlite_read_history(cli_conn *c, vb_arena *arena, long limit, vb_list *entries, vb_error *err)
{
	sqlite3_stmt *st;
	long long	exists;

	if (!query_int(c, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
				   " AND name = '_viborm_history'", &exists, err))
		return false;
	if (!exists)
		return true;
	if (sqlite3_prepare_v2(c->db, "SELECT id, applied_at, applied_by, kind, operations, sql,"
						   " checksum, duration_ms FROM _viborm_history ORDER BY id DESC LIMIT ?",
						   -1, &st, NULL) != SQLITE_OK)
		return sqlite_error(c, err, "reading the history");
	sqlite3_bind_int64(st, 1, limit);
	while (sqlite3_step(st) == SQLITE_ROW)
	{
		cli_history_entry *e = vb_alloc(arena, sizeof(cli_history_entry));

		e->id = sqlite3_column_int64(st, 0);
		e->applied_at = sqlite3_column_double(st, 1);
		e->applied_by = vb_strdup(arena, (const char *) sqlite3_column_text(st, 2));
		e->kind = vb_strdup(arena, (const char *) sqlite3_column_text(st, 3));
		e->operations = vb_strdup(arena, (const char *) sqlite3_column_text(st, 4));
		cli_json_string_list(arena, (const char *) sqlite3_column_text(st, 5), &e->sql);
		e->checksum = vb_strdup(arena, (const char *) sqlite3_column_text(st, 6));
		e->duration_ms = sqlite3_column_double(st, 7);
		vb_list_push(arena, entries, e);
	}
	sqlite3_finalize(st);
	return true;
}

static bool
sqlite_query(cli_conn *c, vb_arena *arena, const char *sql, int columns, vb_list *rows,
			 vb_error *err)
{
	sqlite3_stmt *st;
	int			rc;

	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return sqlite_error(c, err, "SQLite");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
	{
		char	  **row = vb_alloc(arena, sizeof(char *) * (size_t) columns);
		int			i;

		for (i = 0; i < columns; i++)
			row[i] = sqlite3_column_type(st, i) == SQLITE_NULL ? NULL :
				vb_strdup(arena, (const char *) sqlite3_column_text(st, i));
		vb_list_push(arena, rows, row);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || sqlite_error(c, err, "SQLite");
}

const cli_driver cli_driver_sqlite = {
	.name = "SQLite",
	.dialect_name = "sqlite",
	.dialect = &vb_dialect_sqlite,
	.expect = sqlite_expect,
	.connect = sqlite_connect,
	.disconnect = sqlite_disconnect,
	.introspect = cli_pipeline_introspect,
	.plan = cli_pipeline_plan,
	.read_history = sqlite_read_history,
	.read_schema = sqlite_read_schema,
	.canonicalize = sqlite_canonicalize,
	.lock = sqlite_lock,
	.begin = sqlite_begin,
	.commit = sqlite_commit,
	.rollback = sqlite_rollback,
	.execute = sqlite_execute,
	.count_rows = sqlite_count_rows,
	.record_history = sqlite_record_history,
	.migrate = cli_migrate_local,
	.query = sqlite_query,
};
