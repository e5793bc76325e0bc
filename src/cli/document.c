/*
 * document.c — the schema document, read locally before anything is sent,
 * so that an unreadable or invalid file is a clear usage error (exit 2)
 * naming the file and the JSON path, and the target never sees it.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"
#include "session.h"

/* Either form of document from JSON text, for `dialect`. */
bool
cli_document_parse(vb_arena *arena, const char *text, const char *dialect, vb_schema **schema,
				   vb_error *err)
{
	bool		ok;

	/* the reader takes the model form too ({"models": ...}) */
	cli_json_document_begin();
	ok = vb_document_read_for(arena, text, dialect, schema, err);
	cli_json_document_end();
	return ok;
}

bool
cli_document_read(vb_arena *arena, const char *path, const char *dialect, const char **text,
				  vb_schema **schema, vb_error *err)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char	   *contents = cli_read_file(arena, path, err);
	bool		ok;

	if (contents == NULL)
		return false;
	ok = cli_document_parse(arena, contents, dialect, schema, err);
	if (!ok)
	{
		err->message = vb_printf(arena, "%s: %s", name, err->message);
		memcpy(err->code, CLI_ERR_USAGE, sizeof(CLI_ERR_USAGE));
		return false;
	}
	if ((*schema)->dialect && strcmp((*schema)->dialect, dialect) != 0)
	{
		vb_fail(err, arena, CLI_ERR_USAGE, "dialect",
				"%s: the document is for dialect \"%s\", but the target speaks \"%s\"",
				name, (*schema)->dialect, dialect);
		err->hint = vb_strdup(arena, "A snapshot-form document belongs to one dialect; pull the schema from a database of that kind, or use the model form, which fits every target.");
		return false;
	}
	*text = contents;
	return true;
}
