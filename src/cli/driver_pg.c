/*
 * driver_pg.c — the PostgreSQL driver: a thin libpq client of the viborm
 * extension. The server introspects, plans, checks, applies and records
 * (viborm.introspect, viborm.diff, viborm.push, viborm.history); this file
 * only sends the document and reads the results back.
 *
 * Every statement is sent asynchronously and waited for in a poll loop, so
 * that Ctrl-C can cancel it (PQcancel: the push is one transaction, and a
 * cancelled one leaves nothing behind) and a progress line can turn on a
 * terminal. Server errors keep their SQLSTATE (VBnnn for viborm's own),
 * message, detail and hint.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <libpq-fe.h>

#include "cli.h"
#include "driver.h"
#include "dynlib.h"
#include "history.h"

struct cli_conn
{
	PGconn	   *pg;
	const cli_url *url;
	vb_arena   *arena;
};

/* Wait up to 100 ms for the socket; false on a hard poll error. */
static bool
wait_socket(PGconn *pg, bool for_write)
{
	struct pollfd p;

	p.fd = PQsocket(pg);
	p.events = for_write ? POLLOUT : POLLIN;
	p.revents = 0;
	return poll(&p, 1, 100) >= 0 || errno == EINTR;
}

/* libpq's message without its trailing newline */
static char *
pq_message(vb_arena *arena, PGconn *pg)
{
	char	   *m = vb_strdup(arena, PQerrorMessage(pg));
	size_t		n = strlen(m);

	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	return m;
}

/* Ctrl-C came before the statement was sent, or while connecting. */
static bool
interrupted_error(vb_arena *arena, vb_error *err, const char *what)
{
	return vb_fail(err, arena, CLI_ERR_INTERRUPTED, NULL, "stopped while %s", what);
}

static bool
pg_connect(vb_arena *arena, const cli_url *url, bool create, cli_conn **out, vb_error *err)
{
	static const char *const keys[] = {"dbname", "fallback_application_name",
	"client_encoding", NULL};
	const char *values[] = {url->text, "viborm", "UTF8", NULL};
	PostgresPollingStatusType status = PGRES_POLLING_WRITING;
	cli_conn   *c;
	PGconn	   *pg;

	(void) create;				/* a server database is never created */
	if (!cli_dynlib_load(CLI_LIBPQ, arena, err))
		return false;
	pg = PQconnectStartParams(keys, values, 1);
	if (pg == NULL)
		return vb_fail(err, arena, CLI_ERR_CONNECTION, NULL, "out of memory connecting to %s",
					   url->masked);
	cli_progress_start("connecting");
	while (PQstatus(pg) != CONNECTION_BAD && status != PGRES_POLLING_OK &&
		   status != PGRES_POLLING_FAILED)
	{
		if (cli_interrupted())
		{
			cli_progress_end();
			PQfinish(pg);
			return interrupted_error(arena, err, "connecting");
		}
		if (status == PGRES_POLLING_READING || status == PGRES_POLLING_WRITING)
			wait_socket(pg, status == PGRES_POLLING_WRITING);
		status = PQconnectPoll(pg);
		cli_progress_tick();
	}
	cli_progress_end();
	if (PQstatus(pg) != CONNECTION_OK)
	{
		vb_fail(err, arena, CLI_ERR_CONNECTION, NULL, "could not connect to %s", url->masked);
		err->detail = pq_message(arena, pg);
		PQfinish(pg);
		return false;
	}
	c = vb_alloc(arena, sizeof(cli_conn));
	c->pg = pg;
	c->url = url;
	c->arena = arena;
	*out = c;
	return true;
}

static void
pg_disconnect(cli_conn *c)
{
	if (c)
		PQfinish(c->pg);
}

/* A server error result as a vb_error: SQLSTATE, message, detail, hint. */
static bool
result_error(cli_conn *c, const PGresult *res, vb_error *err)
{
	const char *code = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *message = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	const char *hint = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;

	if (message == NULL)
	{
		/* the connection broke: libpq's own message */
		vb_fail(err, c->arena, CLI_ERR_CONNECTION, NULL, "lost the connection to %s",
				c->url->masked);
		err->detail = pq_message(c->arena, c->pg);
		return false;
	}
	vb_fail(err, c->arena, "", NULL, "%s", message);
	if (code && strlen(code) == 5)
		memcpy(err->code, code, 6);
	err->detail = vb_strdup(c->arena, detail);
	err->hint = vb_strdup(c->arena, hint);
	return false;
}

/*
 * Send one statement and wait for it, cancelling it on Ctrl-C. Returns
 * the result (PQclear it) or NULL with err filled. A statement that
 * completed although a cancel was sent is a success: it did happen.
 */
static PGresult *
run(cli_conn *c, const char *label, const char *sql, int nparams, const char *const *params,
	vb_error *err)
{
	PGresult   *res = NULL;
	PGresult   *next;
	bool		cancel_sent = false;

	if (cli_interrupted())
	{
		interrupted_error(c->arena, err, label);
		return NULL;
	}
	if (!PQsendQueryParams(c->pg, sql, nparams, NULL, params, NULL, NULL, 0))
	{
		result_error(c, NULL, err);
		return NULL;
	}
	cli_progress_start(label);
	while (PQisBusy(c->pg))
	{
		if (cli_interrupted() && !cancel_sent)
		{
			PGcancel   *cancel = PQgetCancel(c->pg);
			char		buf[256];

			if (cancel)
			{
				PQcancel(cancel, buf, sizeof(buf));
				PQfreeCancel(cancel);
			}
			cancel_sent = true;
		}
		if (!wait_socket(c->pg, false) || !PQconsumeInput(c->pg))
			break;
		cli_progress_tick();
	}
	cli_progress_end();
	/* keep the first result; an error result wins */
	while ((next = PQgetResult(c->pg)) != NULL)
	{
		if (res == NULL || (PQresultStatus(next) == PGRES_FATAL_ERROR &&
							PQresultStatus(res) != PGRES_FATAL_ERROR))
		{
			PQclear(res);
			res = next;
		}
		else
			PQclear(next);
	}
	if (res && (PQresultStatus(res) == PGRES_TUPLES_OK || PQresultStatus(res) == PGRES_COMMAND_OK))
		return res;
	result_error(c, res, err);
	PQclear(res);
	return NULL;
}

/*
 * A call into the extension failed because something of schema viborm is
 * missing: say whether the extension is not created in this database or
 * the server does not have it at all. Other errors are kept as they are.
 */
static void
explain_missing_extension(cli_conn *c, vb_error *err)
{
	PGresult   *res;
	vb_error	ignored;
	const char *db;

	if (strcmp(err->code, "3F000") != 0 && strcmp(err->code, "42883") != 0 &&
		strcmp(err->code, "42P01") != 0)
		return;
	res = run(c, "checking the extension",
			  "SELECT pg_catalog.current_database(),"
			  " EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'viborm'),"
			  " EXISTS (SELECT FROM pg_catalog.pg_available_extensions WHERE name = 'viborm')",
			  0, NULL, &ignored);
	if (res == NULL)
		return;
	db = vb_strdup(c->arena, PQgetvalue(res, 0, 0));
	if (strcmp(PQgetvalue(res, 0, 1), "f") == 0)
	{
		bool		available = strcmp(PQgetvalue(res, 0, 2), "t") == 0;

		vb_fail(err, c->arena, "", NULL, available
				? "the viborm extension is not installed in database \"%s\""
				: "the PostgreSQL server of database \"%s\" does not have the viborm extension",
				db);
		err->detail = vb_printf(c->arena, "viborm plans and applies changes on PostgreSQL through its extension; %s.",
								available ? "the server has the package, but this database has not created it"
								: "no viborm package is installed on that server");
		err->hint = available
			? vb_strdup(c->arena, "Run CREATE EXTENSION viborm; in that database (as a role that may create extensions).")
			: vb_strdup(c->arena, "Install viborm on the database server (make install with that server's pg_config), then run CREATE EXTENSION viborm; in the database.");
	}
	PQclear(res);
}

/* One text value from a call into the extension, or NULL. */
static char *
call_extension(cli_conn *c, const char *label, const char *sql, int nparams,
			   const char *const *params, vb_error *err)
{
	PGresult   *res = run(c, label, sql, nparams, params, err);
	char	   *text;

	if (res == NULL)
	{
		explain_missing_extension(c, err);
		return NULL;
	}
	text = vb_strdup(c->arena, PQgetvalue(res, 0, 0));
	PQclear(res);
	return text;
}

/* A text[] literal: {"a","b"} with " and \ escaped. */
static char *
text_array(vb_arena *arena, const vb_list *items)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, arena);
	vb_buf_appendc(&buf, '{');
	for (i = 0; i < items->count; i++)
	{
		const char *p;

		vb_buf_append(&buf, i ? ",\"" : "\"");
		for (p = items->items[i]; *p; p++)
		{
			if (*p == '"' || *p == '\\')
				vb_buf_appendc(&buf, '\\');
			vb_buf_appendc(&buf, *p);
		}
		vb_buf_appendc(&buf, '"');
	}
	vb_buf_appendc(&buf, '}');
	return buf.data;
}

static bool
pg_introspect(const cli_driver *self, cli_conn *c, vb_arena *arena, const vb_list *schemas,
			  char **document, vb_error *err)
{
	const char *params[1];

	(void) self;
	(void) arena;
	if (schemas->count == 0)
		*document = call_extension(c, "reading the schema",
								   "SELECT viborm.introspect()::text", 0, NULL, err);
	else
	{
		params[0] = text_array(c->arena, schemas);
		*document = call_extension(c, "reading the schema",
								   "SELECT viborm.introspect($1::text[])::text", 1, params, err);
	}
	return *document != NULL;
}

static bool
pg_plan(const cli_driver *self, cli_conn *c, vb_arena *arena, const char *document,
		const char *options, cli_plan_mode mode, char **result, vb_error *err)
{
	static const char *const sql[] = {
		[CLI_PLAN_DIFF] = "SELECT viborm.diff($1::jsonb, $2::jsonb)::text",
		[CLI_PLAN_SETTLE] = "SELECT viborm.diff($1::jsonb, $2::jsonb)::text",
		[CLI_PLAN_DRY_RUN] = "SELECT viborm.push($1::jsonb, $2::jsonb || '{\"dryRun\": true}')::text",
		[CLI_PLAN_APPLY] = "SELECT viborm.push($1::jsonb, $2::jsonb)::text",
	};
	static const char *const label[] = {
		[CLI_PLAN_DIFF] = "planning",
		[CLI_PLAN_SETTLE] = "planning",
		[CLI_PLAN_DRY_RUN] = "checking the plan",
		[CLI_PLAN_APPLY] = "applying",
	};
	const char *params[2] = {document, options};

	(void) self;
	(void) arena;
	*result = call_extension(c, label[mode], sql[mode], 2, params, err);
	return *result != NULL;
}

static bool
pg_read_history(cli_conn *c, vb_arena *arena, long limit, vb_list *entries, vb_error *err)
{
	char		limit_text[32];
	const char *params[1] = {limit_text};
	PGresult   *res;
	int			i;

	snprintf(limit_text, sizeof(limit_text), "%ld", limit);
	res = run(c, "reading the history",
			  "SELECT id, extract(epoch FROM applied_at)::float8, applied_by,"
			  " operations::text, pg_catalog.to_jsonb(sql)::text, checksum, duration_ms"
			  " FROM viborm.history ORDER BY id DESC LIMIT $1::bigint",
			  1, params, err);
	if (res == NULL)
	{
		explain_missing_extension(c, err);
		return false;
	}
	for (i = 0; i < PQntuples(res); i++)
	{
		cli_history_entry *e = vb_alloc(arena, sizeof(cli_history_entry));

		e->id = strtoll(PQgetvalue(res, i, 0), NULL, 10);
		e->applied_at = strtod(PQgetvalue(res, i, 1), NULL);
		e->applied_by = vb_strdup(arena, PQgetvalue(res, i, 2));
		e->kind = "push";
		e->operations = vb_strdup(arena, PQgetvalue(res, i, 3));
		cli_json_string_list(arena, PQgetvalue(res, i, 4), &e->sql);
		e->checksum = vb_strdup(arena, PQgetvalue(res, i, 5));
		e->duration_ms = strtod(PQgetvalue(res, i, 6), NULL);
		vb_list_push(arena, entries, e);
	}
	PQclear(res);
	return true;
}

/* viborm.migrate_apply, migrate_status or migrate_down, in one call (one
 * transaction: the extension applies every file or none). */
static bool
pg_migrate(const cli_driver *self, cli_conn *c, vb_arena *arena, const char *request,
		   const char *migrations, const char *options, char **result, vb_error *err)
{
	const char *params[2];

	(void) self;
	(void) arena;
	if (strcmp(request, "down") == 0)
	{
		params[0] = options;
		*result = call_extension(c, "reverting", "SELECT viborm.migrate_down($1::jsonb)::text",
								 1, params, err);
	}
	else
	{
		params[0] = migrations;
		params[1] = options;
		*result = call_extension(c, strcmp(request, "apply") == 0 ? "applying" : "reading",
								 strcmp(request, "apply") == 0
								 ? "SELECT viborm.migrate_apply($1::jsonb, $2::jsonb)::text"
								 : "SELECT viborm.migrate_status($1::jsonb, $2::jsonb)::text",
								 2, params, err);
	}
	if (*result == NULL && strcmp(err->code, "42883") == 0)
		err->hint = vb_strdup(c->arena, "Versioned migrations need the viborm extension 0.2.0 or later: run ALTER EXTENSION viborm UPDATE; in that database.");
	return *result != NULL;
}

static bool
pg_rehearse_begin(cli_conn *c, const vb_list *emptied, vb_error *err)
{
	PGresult   *res = run(c, "starting the rehearsal", "BEGIN", 0, NULL, err);
	int			i;

	PQclear(res);
	for (i = 0; res && i < emptied->count; i++)
	{
		const char *name = emptied->items[i];
		char	   *quoted = PQescapeIdentifier(c->pg, name, strlen(name));

		res = quoted ? run(c, "starting the rehearsal",
						   vb_printf(c->arena, "DROP SCHEMA IF EXISTS %s CASCADE", quoted),
						   0, NULL, err) : NULL;
		if (quoted == NULL)
			result_error(c, NULL, err);
		PQfreemem(quoted);
		PQclear(res);
	}
	return res != NULL;
}

static void
pg_rehearse_end(cli_conn *c)
{
	PQclear(PQexec(c->pg, "ROLLBACK"));
}

const cli_driver cli_driver_postgres = {
	.name = "PostgreSQL",
	.dialect_name = "pg",
	.dialect = NULL,			/* the extension plans */
	.connect = pg_connect,
	.disconnect = pg_disconnect,
	.introspect = pg_introspect,
	.plan = pg_plan,
	.read_history = pg_read_history,
	.migrate = pg_migrate,
	.rehearse_begin = pg_rehearse_begin,
	.rehearse_end = pg_rehearse_end,
	/* the server plans, checks, locks, applies and records: no local members */
};
