/*
 * session.h — what diff and push work with: the flags, the target (URL,
 * driver, connection), the schema document read locally, and the options
 * being built (request.h). pull and history use the target part alone.
 */
#ifndef CLI_SESSION_H
#define CLI_SESSION_H

#include <cjson/cJSON.h>

#include "driver.h"
#include "options.h"
#include "request.h"
#include "url.h"

typedef struct cli_session
{
	vb_arena   *arena;
	const char *command;		/* "push", "migrate generate": for messages */
	cli_options opts;
	cli_url		url;
	const cli_driver *driver;
	cli_conn   *conn;
	const char *document;		/* the text of --schema, sent to the target */
	vb_schema  *desired;		/* the same, read locally (validated; its
								 * enums give the choices of a mapping, on
								 * PostgreSQL; on SQLite and MySQL the first
								 * plan takes it: cli_pipeline_offer_document) */
	cli_request request;
} cli_session;

/*
 * Parse the flags of `spec`, find the target's driver, read the document
 * when the command takes --schema, and connect (creating a missing SQLite
 * file only when `create`). Returns -1 when the command goes on, else the
 * exit code (the message is printed). Always pair with cli_session_close.
 */
int			cli_session_open(cli_session *s, const cli_command_spec *spec, int argc,
							 const char **argv, bool create);
void		cli_session_close(cli_session *s);

/* The document at `path` ("-": stdin) read with the core's reader, in
 * either form, for `dialect`: *text its contents, *schema the model. An
 * unreadable or invalid document, or a snapshot for another dialect, is a
 * usage error naming the path (and the JSON path). */
bool		cli_document_parse(vb_arena *arena, const char *text, const char *dialect,
							   vb_schema **schema, vb_error *err);
bool		cli_document_read(vb_arena *arena, const char *path, const char *dialect,
							  const char **text, vb_schema **schema, vb_error *err);

/* ---- questions.c ---- */

/*
 * Plan the document with the flags until they settle nothing more; on
 * push (`ask`) every open question — a rename pair, a removed enum value
 * rows still hold, a destructive step — is then asked on a terminal, or,
 * without one, ends the command with exit 4 naming the flags that settle
 * it (with `confirm`, the final confirmation counts as one: --yes).
 * *result is the last diff result (cJSON_Delete it). Returns -1 when the
 * command goes on, else the exit code.
 */
int			cli_settle(cli_session *s, bool ask, bool confirm, cJSON **result);

/* One diff (or dry run, or push) with the options built so far. */
bool		cli_plan(cli_session *s, cli_plan_mode mode, cJSON **result, char **text,
					 vb_error *err);

#endif							/* CLI_SESSION_H */
