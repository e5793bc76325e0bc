/*
 * driver_mysql.c — the MySQL/MariaDB driver: a database through the
 * libmysqlclient API (Debian's libmariadb), planned by the command itself
 * (pipeline.c) in the dialect of the server it finds: vb_dialect_mysql
 * for MySQL 8, vb_dialect_mariadb for MariaDB.
 *
 * MySQL commits every DDL statement by itself, so a push cannot be one
 * transaction and this driver never pretends otherwise:
 *
 *  - GET_LOCK (its result checked; a wait shows on a terminal and stops on
 *    Ctrl-C) serialises pushes on the database, on this connection, which
 *    never reconnects (a new session would not hold the lock);
 *  - lock_wait_timeout and innodb_lock_wait_timeout are --lock-timeout, so
 *    a statement that waits for a long transaction's metadata lock gives
 *    up instead of queueing every later query on the table behind it;
 *  - the pipeline has the server parse every statement (PREPARE) and runs
 *    every data guard before the first statement;
 *  - _viborm_history gets its row before the first statement, and after
 *    each statement the list of statements applied so far (state
 *    "running", then "applied" or "failed at step k" with the error); a
 *    row still "running" when the next push takes the lock belongs to a
 *    push that died, and is marked failed at its next step then;
 *  - each statement is sent without blocking, so that Ctrl-C kills it
 *    (KILL QUERY from a second connection: the statement rolls back, as
 *    MySQL 8 and MariaDB 10.6+ make one DDL statement atomic).
 *
 * Session settings are pinned as the reading side pins them
 * (mysql_introspect.c), and explicit_defaults_for_timestamp is on: a
 * TIMESTAMP column gets no default it was not given.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "cli.h"
#include "dialect.h"
#include "driver.h"
#include "history.h"
#include "migrate.h"
#include "mysql_introspect.h"
#include "pipeline.h"
#include "vb_mysql.h"

struct cli_conn
{
	MYSQL	   *db;
	const cli_url *url;
	vb_arena   *arena;
	vb_mysql_server server;
	const char *lock_name;		/* GET_LOCK's name, once held */
};

/* ---- errors ---------------------------------------------------------------- */

static bool
connection_lost(unsigned int code)
{
	return code == CR_SERVER_LOST || code == CR_SERVER_GONE_ERROR;
}

/*
 * The server's error as a vb_error: its SQLSTATE and message, the MySQL
 * error number in the detail. A statement killed after Ctrl-C is
 * CLI_ERR_INTERRUPTED; a connection that broke is CLI_ERR_CONNECTION.
 */
static bool
server_error(cli_conn *c, vb_error *err, const char *what)
{
	unsigned int code = mysql_errno(c->db);

	if ((code == ER_QUERY_INTERRUPTED || connection_lost(code)) && cli_interrupted())
		return vb_fail(err, c->arena, CLI_ERR_INTERRUPTED, NULL, "stopped while %s", what);
	if (connection_lost(code))
	{
		vb_fail(err, c->arena, CLI_ERR_CONNECTION, NULL, "lost the connection to %s while %s",
				c->url->masked, what);
		err->detail = vb_printf(c->arena, "%s (MySQL error %u).", mysql_error(c->db), code);
		return false;
	}
	vb_fail(err, c->arena, "", NULL, "%s", mysql_error(c->db));
	memcpy(err->code, mysql_sqlstate(c->db), 5);
	err->code[5] = '\0';
	err->detail = vb_printf(c->arena, "MySQL error %u while %s.", code, what);
	return false;
}

/* ---- connecting ----------------------------------------------------------------- */

/*
 * A new connection to the URL's server: user, password and database from
 * the URL; what it leaves out from MYSQL_PWD and the [client] group of the
 * usual option files (the client library's own rules); never reconnecting.
 */
static MYSQL *
open_connection(const cli_url *url, bool nonblocking)
{
	MYSQL	   *db = mysql_init(NULL);
	unsigned int timeout = 10;
	my_bool		off = 0;

	if (db == NULL)
		return NULL;
	mysql_options(db, MYSQL_READ_DEFAULT_GROUP, "client");
	mysql_options(db, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(db, MYSQL_OPT_RECONNECT, &off);
	mysql_options(db, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (nonblocking)
		mysql_options(db, MYSQL_OPT_NONBLOCK, 0);
	/* on failure the caller reads mysql_error and closes */
	(void) mysql_real_connect(db, url->host, url->user, url->password, url->database,
							  (unsigned int) url->port, url->socket, 0);
	return db;
}

static bool
my_connect(vb_arena *arena, const cli_url *url, bool create, cli_conn **out, vb_error *err)
{
	cli_conn   *c = vb_alloc(arena, sizeof(cli_conn));

	(void) create;				/* a server database is never created */
	c->arena = arena;
	c->url = url;
	if (url->database == NULL)
	{
		vb_fail(err, arena, CLI_ERR_USAGE, NULL, "the MySQL URL %s names no database", url->masked);
		err->hint = vb_strdup(arena, "Give it as the URL's path: mysql://user@host:3306/DATABASE.");
		return false;
	}
	if (strcasecmp(url->database, "mysql") == 0 || strcasecmp(url->database, "sys") == 0 ||
		strcasecmp(url->database, "information_schema") == 0 ||
		strcasecmp(url->database, "performance_schema") == 0)
	{
		vb_fail(err, arena, CLI_ERR_USAGE, NULL,
				"the MySQL URL %s names %s, one of the server's own databases: viborm never reads or changes it",
				url->masked, url->database);
		err->hint = vb_strdup(arena, "Name your application's database in the URL's path.");
		return false;
	}
	cli_progress_start("connecting");
	c->db = open_connection(url, true);
	cli_progress_end();
	if (c->db == NULL)
		return vb_fail(err, arena, CLI_ERR_CONNECTION, NULL, "out of memory connecting to %s",
					   url->masked);
	if (mysql_errno(c->db) != 0)
	{
		vb_fail(err, arena, CLI_ERR_CONNECTION, NULL, "could not connect to %s", url->masked);
		err->detail = vb_printf(arena, "%s (MySQL error %u).", mysql_error(c->db), mysql_errno(c->db));
		mysql_close(c->db);
		return false;
	}
	if (!vb_mysql_pin_session(c->db, arena, err) || !vb_mysql_read_server(c->db, arena, &c->server, err) ||
		!vb_mysql_read_server_names(c->db, arena, &c->server, err))
	{
		mysql_close(c->db);
		return false;
	}
	*out = c;
	return true;
}

static void
my_disconnect(cli_conn *c)
{
	if (c == NULL)
		return;
	if (c->lock_name)
	{
		char	   *q = vb_printf(c->arena, "DO RELEASE_LOCK(%s)",
								  vb_mysql_quote_string(c->arena, c->lock_name,
														strlen(c->lock_name), true));

		mysql_real_query(c->db, q, (unsigned long) strlen(q));
	}
	mysql_close(c->db);
}

static const vb_dialect *
my_dialect_of(cli_conn *c)
{
	return c->server.flavor == VB_MYSQL_FLAVOR_MARIADB ? &vb_dialect_mariadb : &vb_dialect_mysql;
}

/* ---- statements, without blocking --------------------------------------------- */

/* KILL QUERY from a second connection: the statement in hand stops. */
static void
kill_query(cli_conn *c)
{
	MYSQL	   *other = open_connection(c->url, false);

	if (other && mysql_errno(other) == 0)
	{
		char	   *q = vb_printf(c->arena, "KILL QUERY %lu", mysql_thread_id(c->db));

		mysql_real_query(other, q, (unsigned long) strlen(q));
	}
	if (other)
		mysql_close(other);
}

/*
 * Wait for what the client library asked (socket readable or writable, or
 * its own timeout), 100 ms at a time: between two waits the progress line
 * moves, and Ctrl-C kills the statement (once).
 */
static int
wait_for(cli_conn *c, int status, bool *killed)
{
	struct pollfd p;
	int			budget = (status & MYSQL_WAIT_TIMEOUT) ?
		(int) (mysql_get_timeout_value(c->db) * 1000) : INT_MAX;

	for (;;)
	{
		int			slice = budget < 100 ? budget : 100;
		int			n;

		p.fd = mysql_get_socket(c->db);
		p.events = ((status & MYSQL_WAIT_READ) ? POLLIN : 0) |
			((status & MYSQL_WAIT_WRITE) ? POLLOUT : 0) |
			((status & MYSQL_WAIT_EXCEPT) ? POLLPRI : 0);
		p.revents = 0;
		n = poll(&p, 1, slice);
		if (n > 0)
			return ((p.revents & (POLLIN | POLLHUP | POLLERR)) ? MYSQL_WAIT_READ : 0) |
				((p.revents & POLLOUT) ? MYSQL_WAIT_WRITE : 0) |
				((p.revents & POLLPRI) ? MYSQL_WAIT_EXCEPT : 0);
		if (n < 0 && errno != EINTR)
			return status & (MYSQL_WAIT_READ | MYSQL_WAIT_WRITE);	/* let the library fail */
		if (budget != INT_MAX && (budget -= slice) <= 0)
			return MYSQL_WAIT_TIMEOUT;
		cli_progress_tick();
		if (cli_interrupted() && !*killed)
		{
			*killed = true;
			kill_query(c);
		}
	}
}

/* Run one statement; *res its result set, when it has one and res is given. */
static bool
run(cli_conn *c, const char *sql, MYSQL_RES **res, const char *what, vb_error *err)
{
	bool		killed = false;
	int			rc = 0;
	int			status;

	if (res)
		*res = NULL;
	if (cli_interrupted())
		return vb_fail(err, c->arena, CLI_ERR_INTERRUPTED, NULL, "stopped before %s", what);
	status = mysql_real_query_start(&rc, c->db, sql, (unsigned long) strlen(sql));
	while (status)
		status = mysql_real_query_cont(&rc, c->db, wait_for(c, status, &killed));
	if (rc != 0)
		return server_error(c, err, what);
	if (res)
	{
		*res = mysql_store_result(c->db);
		if (*res == NULL && mysql_field_count(c->db) > 0)
			return server_error(c, err, what);
	}
	else if (mysql_field_count(c->db) > 0)
		mysql_free_result(mysql_store_result(c->db));
	return true;
}

/* One value of one row: *value is NULL for SQL NULL. */
static bool
query_value(cli_conn *c, const char *sql, const char *what, char **value, vb_error *err)
{
	MYSQL_RES  *res;
	MYSQL_ROW	row;

	*value = NULL;
	if (!run(c, sql, &res, what, err))
		return false;
	row = res ? mysql_fetch_row(res) : NULL;
	if (row == NULL)
	{
		if (res)
			mysql_free_result(res);
		return vb_fail(err, c->arena, VB_ERR_INVALID, NULL, "%s returned no row", what);
	}
	*value = row[0] ? vb_strdup(c->arena, row[0]) : NULL;
	mysql_free_result(res);
	return true;
}

/* ---- reading --------------------------------------------------------------------- */

static bool
my_read_schema(cli_conn *c, vb_arena *arena, const vb_list *schemas, vb_schema **current,
			   vb_error *err)
{
	(void) schemas;				/* one database */
	cli_progress_start("reading the catalog");
	if (!vb_mysql_introspect(c->db, arena, current, err))
	{
		cli_progress_end();
		return false;
	}
	cli_progress_end();
	(*current)->dialect = "mysql";
	return true;
}

static bool
my_canonicalize(cli_conn *c, vb_arena *arena, vb_schema *desired, const vb_schema *current,
				vb_error *err)
{
	(void) current;
	return vb_mysql_canonicalize(arena, &c->server, desired, err) &&
		vb_mysql_check_document(arena, &c->server, desired, err);
}

/* ---- the lock ------------------------------------------------------------------ */

/* "5s", "500ms", "2min" as whole seconds (at least 1): lock_wait_timeout's unit. */
static long
timeout_seconds(const char *text)
{
	char	   *end;
	double		n = text ? strtod(text, &end) : 5;
	double		s;

	if (text == NULL)
		return 5;
	if (strcmp(end, "ms") == 0)
		s = n / 1000;
	else if (strcmp(end, "min") == 0)
		s = n * 60;
	else if (strcmp(end, "h") == 0)
		s = n * 3600;
	else
		s = n;
	return s < 1 ? 1 : (long) (s + 0.999);
}

/* The lock's name: per database (names are server-wide), at most 64
 * characters (MySQL's limit). */
static const char *
lock_name(cli_conn *c)
{
	const char *name = vb_printf(c->arena, "viborm:%s", c->server.database);

	if (strlen(name) <= 64)
		return name;
	return vb_printf(c->arena, "viborm:%.57s",
					 cli_sha256_hex(c->arena, c->server.database, strlen(c->server.database)));
}

static const char *const mark_stale =
"UPDATE _viborm_history SET state = CONCAT('failed at step ', applied_steps + 1), "
"error = 'the push stopped before it finished (its connection was lost or its process ended): "
"the steps it lists as applied were applied, the others were not' WHERE state = 'running'";

/*
 * GET_LOCK, a second at a time until it is ours (1), so that the wait
 * shows and Ctrl-C ends it; 0 is another push holding it, NULL an error.
 * Then the timeouts for the statements, and any journal row a dead push
 * left "running" is marked failed.
 */
static bool
my_lock(cli_conn *c, const char *timeout, vb_error *err)
{
	const char *name = lock_name(c);
	const char *q = vb_printf(c->arena, "SELECT GET_LOCK(%s, 1)",
							  vb_mysql_quote_string(c->arena, name, strlen(name), true));
	char	   *got;
	char	   *exists;
	long		seconds = timeout_seconds(timeout);

	cli_progress_start("waiting for another push to finish");
	for (;;)
	{
		if (!query_value(c, q, "waiting for the lock (GET_LOCK)", &got, err))
		{
			cli_progress_end();
			return false;
		}
		if (got == NULL)
		{
			cli_progress_end();
			return vb_fail(err, c->arena, "", NULL, "GET_LOCK(%s) failed", name);
		}
		if (strcmp(got, "1") == 0)
			break;
		cli_progress_tick();
		if (cli_interrupted())
		{
			cli_progress_end();
			return vb_fail(err, c->arena, CLI_ERR_INTERRUPTED, NULL,
						   "stopped while waiting for another push to finish");
		}
	}
	cli_progress_end();
	c->lock_name = name;
	if (!run(c, vb_printf(c->arena, "SET SESSION lock_wait_timeout = %ld, "
						  "innodb_lock_wait_timeout = %ld, explicit_defaults_for_timestamp = 1, "
						  "foreign_key_checks = 1, autocommit = 1", seconds, seconds),
			 NULL, "setting the timeouts", err) ||
		!query_value(c, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
					 "AND TABLE_NAME = '_viborm_history'", "reading the history", &exists, err))
		return false;
	if (exists && strcmp(exists, "0") != 0 && !run(c, mark_stale, NULL, "reading the history", err))
		return false;
	return true;
}

/* DDL commits by itself: the history rows are written in autocommit. */
static bool
my_begin(cli_conn *c, vb_error *err)
{
	(void) c;
	(void) err;
	return true;
}

static bool
my_commit(cli_conn *c, vb_error *err)
{
	(void) c;
	(void) err;
	return true;
}

static void
my_rollback(cli_conn *c)
{
	(void) c;
}

/* ---- statements ---------------------------------------------------------------- */

static bool
my_execute(cli_conn *c, const char *sql, vb_error *err)
{
	return run(c, sql, NULL, "running the statement", err);
}

/* The server parses the statement (PREPARE) without running it: a syntax
 * error shows before the plan's first statement. Only DDL: a DML statement
 * would be checked against tables an earlier step has not made yet. */
static bool
my_prepare(cli_conn *c, const char *sql, vb_error *err)
{
	MYSQL_STMT *st;
	bool		ok;

	if (strncmp(sql, "UPDATE ", 7) == 0)
		return true;
	st = mysql_stmt_init(c->db);
	if (st == NULL)
		return vb_fail(err, c->arena, "", NULL, "out of memory");
	ok = mysql_stmt_prepare(st, sql, (unsigned long) strlen(sql)) == 0;
	if (!ok)
	{
		vb_fail(err, c->arena, "", NULL, "%s", mysql_stmt_error(st));
		memcpy(err->code, mysql_stmt_sqlstate(st), 5);
		err->code[5] = '\0';
		err->detail = vb_printf(c->arena, "MySQL error %u.", mysql_stmt_errno(st));
	}
	mysql_stmt_close(st);
	return ok;
}

static bool
my_count_rows(cli_conn *c, const char *sql, long long *count, vb_error *err)
{
	char	   *v;

	if (!query_value(c, sql, "running a data guard", &v, err))
		return false;
	*count = v ? strtoll(v, NULL, 10) : 0;
	return true;
}

/* ---- history ------------------------------------------------------------------- */

static const char *const history_table =
"CREATE TABLE IF NOT EXISTS _viborm_history ("
"id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, applied_at DOUBLE NOT NULL, "
"applied_by VARCHAR(255) NOT NULL, kind VARCHAR(32) NOT NULL, operations LONGTEXT NOT NULL, "
"`sql` LONGTEXT NOT NULL, checksum CHAR(64) NOT NULL, duration_ms DOUBLE NOT NULL, "
"state VARCHAR(64) NOT NULL, applied_steps INT NOT NULL, applied_sql LONGTEXT NOT NULL, "
"error TEXT NULL) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin";

static const char *const snapshot_table =
"CREATE TABLE IF NOT EXISTS _viborm_snapshot ("
"history_id BIGINT NOT NULL PRIMARY KEY, document LONGTEXT NOT NULL, "
"CONSTRAINT _viborm_snapshot_history_id_fkey FOREIGN KEY (history_id) "
"REFERENCES _viborm_history (id)) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin";

static char *
literal(cli_conn *c, const char *text)
{
	return text ? vb_mysql_quote_string(c->arena, text, strlen(text), true) : "NULL";
}

/*
 * The journal: the row (and the history tables) before the first
 * statement, the statements applied after each one, the final state and
 * the snapshot at the end. Each write commits at once (autocommit).
 */
static bool
my_journal(cli_conn *c, cli_journal *j, vb_error *err)
{
	const cli_history_record *r = j->record;
	vb_arena   *a = c->arena;
	char	   *v;

	if (j->id == 0)
	{
		char	   *joined = cli_plan_statements_joined(a, r->plan);

		if (!run(c, history_table, NULL, "creating the history table", err) ||
			!run(c, snapshot_table, NULL, "creating the history table", err) ||
			!run(c, vb_printf(a, "INSERT INTO _viborm_history (applied_at, applied_by, kind, "
							  "operations, `sql`, checksum, duration_ms, state, applied_steps, "
							  "applied_sql) VALUES (%.6f, %s, %s, %s, %s, '%s', 0, 'running', 0, '[]')",
							  r->started, literal(c, r->applied_by), literal(c, r->kind ? r->kind : "push"),
							  literal(c, r->operations_json),
							  literal(c, cli_plan_statements_json(a, r->plan)),
							  cli_sha256_hex(a, joined, strlen(joined))),
				 NULL, "writing the history", err) ||
			!query_value(c, "SELECT LAST_INSERT_ID()", "writing the history", &v, err))
			return false;
		j->id = strtoll(v, NULL, 10);
		return true;
	}
	if (!run(c, vb_printf(a, "UPDATE _viborm_history SET state = %s, applied_steps = %d, "
						  "applied_sql = %s, error = %s, duration_ms = %.3f WHERE id = %lld",
						  literal(c, j->state), j->applied, literal(c, cli_plan_statements_json_upto(a, r->plan, j->applied)),
						  literal(c, j->error), (cli_now() - r->started) * 1000.0, j->id),
			 NULL, "writing the history", err))
		return false;
	if (r->snapshot_json &&
		!run(c, vb_printf(a, "INSERT INTO _viborm_snapshot (history_id, document) VALUES (%lld, %s)",
						  j->id, literal(c, r->snapshot_json)),
			 NULL, "writing the history", err))
		return false;
	return true;
}

static bool
my_read_history(cli_conn *c, vb_arena *arena, long limit, vb_list *entries, vb_error *err)
{
	char	   *exists;
	MYSQL_RES  *res;
	MYSQL_ROW	row;

	if (!query_value(c, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
					 "AND TABLE_NAME = '_viborm_history'", "reading the history", &exists, err))
		return false;
	if (exists == NULL || strcmp(exists, "0") == 0)
		return true;
	if (!run(c, vb_printf(arena, "SELECT id, applied_at, applied_by, kind, operations, `sql`, checksum, "
						  "duration_ms, state, error FROM _viborm_history ORDER BY id DESC LIMIT %ld",
						  limit), &res, "reading the history", err))
		return false;
	while ((row = mysql_fetch_row(res)) != NULL)
	{
		cli_history_entry *e = vb_alloc(arena, sizeof(cli_history_entry));

		e->id = strtoll(row[0], NULL, 10);
		e->applied_at = strtod(row[1], NULL);
		e->applied_by = vb_strdup(arena, row[2]);
		e->kind = vb_strdup(arena, row[3]);
		e->operations = vb_strdup(arena, row[4]);
		cli_json_string_list(arena, row[5], &e->sql);
		e->checksum = vb_strdup(arena, row[6]);
		e->duration_ms = strtod(row[7], NULL);
		e->state = vb_strdup(arena, row[8]);
		e->error = row[9] ? vb_strdup(arena, row[9]) : NULL;
		vb_list_push(arena, entries, e);
	}
	mysql_free_result(res);
	return true;
}

static bool
my_query(cli_conn *c, vb_arena *arena, const char *sql, int columns, vb_list *rows,
		 vb_error *err)
{
	MYSQL_RES  *res;
	MYSQL_ROW	row;

	if (!run(c, sql, &res, "reading viborm's tables", err))
		return false;
	while ((row = mysql_fetch_row(res)) != NULL)
	{
		char	  **out = vb_alloc(arena, sizeof(char *) * (size_t) columns);
		int			i;

		for (i = 0; i < columns; i++)
			out[i] = row[i] ? vb_strdup(arena, row[i]) : NULL;
		vb_list_push(arena, rows, out);
	}
	mysql_free_result(res);
	return true;
}

const cli_driver cli_driver_mysql = {
	.name = "MySQL",
	.dialect_name = "mysql",
	.dialect = &vb_dialect_mysql,
	.connect = my_connect,
	.disconnect = my_disconnect,
	.introspect = cli_pipeline_introspect,
	.plan = cli_pipeline_plan,
	.read_history = my_read_history,
	.read_schema = my_read_schema,
	.canonicalize = my_canonicalize,
	.lock = my_lock,
	.begin = my_begin,
	.commit = my_commit,
	.rollback = my_rollback,
	.execute = my_execute,
	.count_rows = my_count_rows,
	.dialect_of = my_dialect_of,
	.prepare = my_prepare,
	.journal = my_journal,
	.migrate = cli_migrate_local,
	.query = my_query,
};
