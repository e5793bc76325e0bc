/*
 * cmd_pull.c — viborm pull: the live schema as a snapshot-form document,
 * which push reads back unchanged (pushing it is a no-op).
 */
#include <errno.h>
#include <string.h>

#include "cli.h"
#include "output.h"
#include "session.h"

static const cli_command_spec pull_spec = {
	.name = "pull",
	.usage = "[--url URL] [--schemas A,B] [--out FILE]",
	.description =
	"Print the live schema of the database as a snapshot-form document, the\n"
	"form push reads back unchanged. On PostgreSQL, the schemas given by\n"
	"--schemas (default: public), read by viborm.introspect().",
	.options = CLI_OPT(OPT_URL) | CLI_OPT(OPT_SCHEMAS) | CLI_OPT(OPT_OUT) | CLI_OPT(OPT_VERBOSE),
};

/* The document, indented for reading and editing, to --out or stdout. */
static int
write_document(cli_session *s, const char *text)
{
	cJSON	   *doc = cJSON_Parse(text);
	char	   *pretty = doc ? cli_json_pretty(s->arena, doc) : NULL;
	FILE	   *f = stdout;
	int			rc = CLI_EXIT_OK;

	if (pretty == NULL)
	{
		cli_error("%s returned a schema that is not JSON", s->driver->name);
		rc = CLI_EXIT_REFUSED;
	}
	else if (s->opts.out && (f = fopen(s->opts.out, "w")) == NULL)
	{
		cli_error("cannot write %s: %s", s->opts.out, strerror(errno));
		rc = CLI_EXIT_USAGE;
	}
	else
	{
		fprintf(f, "%s\n", pretty);
		if (f != stdout && fclose(f) != 0)
		{
			cli_error("cannot write %s: %s", s->opts.out, strerror(errno));
			rc = CLI_EXIT_USAGE;
		}
		else if (f != stdout)
			fprintf(stderr, "Wrote the schema (%d table%s) to %s.\n",
					cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "tables")),
					cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "tables")) == 1 ? "" : "s",
					s->opts.out);
	}
	cJSON_Delete(doc);
	return rc;
}

int
cmd_pull(int argc, const char **argv)
{
	cli_session s;
	vb_error	err;
	char	   *text;
	int			rc = cli_session_open(&s, &pull_spec, argc, argv, false);

	if (rc < 0)
	{
		if (s.driver->introspect(s.driver, s.conn, s.arena, &s.request.schemas, &text, &err))
			rc = write_document(&s, text);
		else
			rc = cli_report(&err);
	}
	cli_session_close(&s);
	return rc;
}
