/*
 * session.c — from the command line to an open target (session.h).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pipeline.h"
#include "session.h"

/* --url, else VIBORM_DATABASE_URL; classified and paired with a driver. */
static bool
find_target(cli_session *s, vb_error *err)
{
	const char *text = s->opts.url;

	if (text == NULL)
		text = getenv("VIBORM_DATABASE_URL");
	if (text == NULL || text[0] == '\0')
	{
		vb_fail(err, s->arena, CLI_ERR_USAGE, NULL, "no database given");
		err->hint = vb_strdup(s->arena, "Pass --url URL or set VIBORM_DATABASE_URL (see 'viborm --help').");
		return false;
	}
	if (!cli_url_parse(s->arena, text, &s->url, err))
		return false;
	s->driver = cli_driver_for(s->url.kind, s->arena, err);
	return s->driver != NULL;
}

int
cli_session_open(cli_session *s, const cli_command_spec *spec, int argc, const char **argv,
				 bool create)
{
	vb_error	err;
	int			rc;

	memset(s, 0, sizeof(*s));
	s->arena = cli_arena_new();
	s->command = spec->name;
	rc = cli_parse_options(spec, s->arena, argc, argv, &s->opts, stdout, stderr);
	if (rc >= 0)
		return rc;
	if (!cli_request_init(&s->request, s->arena, &s->opts, &err) || !find_target(s, &err))
		return cli_report(&err);
	if (s->opts.schema_file &&
		!cli_document_read(s->arena, s->opts.schema_file, s->driver->dialect_name,
						   &s->document, &s->desired, &err))
		return cli_report(&err);
	if (s->desired && s->driver->expect)
	{
		int			objects = s->desired->tables.count;
		int			i;

		/* an index, a unique key or a primary key has a page of its own */
		for (i = 0; i < s->desired->tables.count; i++)
		{
			const vb_table *t = s->desired->tables.items[i];

			objects += t->indexes.count + t->uniques.count + (t->primary_key ? 1 : 0);
		}
		s->driver->expect(&s->url, objects);
	}
	if (!s->driver->connect(s->arena, &s->url, create, &s->conn, &err))
		return cli_report(&err);
	/* planning on SQLite and MySQL starts from this read, not a second one
	 * (the PostgreSQL driver sends the text to the extension instead) */
	if (s->desired && s->driver->dialect_name)
		cli_pipeline_offer_document(s->document, s->driver->dialect_name, s->desired);
	return -1;
}

void
cli_session_close(cli_session *s)
{
	if (s->driver && s->conn)
		s->driver->disconnect(s->conn);
	cli_request_free(&s->request);
	vb_arena_free(s->arena);
	memset(s, 0, sizeof(*s));
}
