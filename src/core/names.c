/*
 * names.c — quoting and PostgreSQL's rules for the names it chooses itself.
 *
 * vb_quote_ident follows the server's quote_identifier(): an identifier is
 * left bare only when it is all [a-z0-9_], starts with [a-z_] and is not a
 * keyword outside the unreserved category. The default names for unnamed
 * objects follow makeObjectName() and ChooseIndexNameAddition(), so a name
 * viborm predicts is the name PostgreSQL would have chosen.
 */
#include <stdlib.h>
#include <string.h>

#include "vb_internal.h"

static int
compare_keyword(const void *a, const void *b)
{
	return strcmp((const char *) a, *(const char *const *) b);
}

static bool
is_quoted_keyword(const char *ident)
{
	return bsearch(ident, vb_pg_quoted_keywords,
				   (size_t) vb_pg_quoted_keyword_count, sizeof(char *),
				   compare_keyword) != NULL;
}

char *
vb_quote_ident(vb_arena *arena, const char *ident)
{
	bool		safe;
	const char *p;
	vb_buf		buf;

	safe = (ident[0] >= 'a' && ident[0] <= 'z') || ident[0] == '_';
	for (p = ident; *p; p++)
	{
		char		ch = *p;

		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
			safe = false;
	}
	if (safe && is_quoted_keyword(ident))
		safe = false;
	if (safe)
		return vb_strdup(arena, ident);

	vb_buf_init(&buf, arena);
	vb_buf_appendc(&buf, '"');
	for (p = ident; *p; p++)
	{
		if (*p == '"')
			vb_buf_appendc(&buf, '"');
		vb_buf_appendc(&buf, *p);
	}
	vb_buf_appendc(&buf, '"');
	return buf.data;
}

/*
 * Quote a string literal the way quote_literal() does: quotes doubled, and
 * an E'' literal with doubled backslashes when it holds a backslash, so the
 * result means the same whatever standard_conforming_strings says.
 */
char *
vb_quote_literal(vb_arena *arena, const char *literal)
{
	const char *p;
	vb_buf		buf;

	vb_buf_init(&buf, arena);
	if (strchr(literal, '\\'))
		vb_buf_appendc(&buf, 'E');
	vb_buf_appendc(&buf, '\'');
	for (p = literal; *p; p++)
	{
		if (*p == '\'' || *p == '\\')
			vb_buf_appendc(&buf, *p);
		vb_buf_appendc(&buf, *p);
	}
	vb_buf_appendc(&buf, '\'');
	return buf.data;
}

const char *
vb_default_namespace(const char *dialect)
{
	return dialect && strcmp(dialect, "sqlite") == 0 ? "main" : "public";
}

char *
vb_qualified(vb_arena *arena, const char *schema, const char *name)
{
	return vb_printf(arena, "%s.%s", vb_quote_ident(arena, schema),
					 vb_quote_ident(arena, name));
}

char *
vb_quote_ident_list(vb_arena *arena, const vb_list *idents)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, arena);
	for (i = 0; i < idents->count; i++)
	{
		if (i > 0)
			vb_buf_append(&buf, ", ");
		vb_buf_append(&buf, vb_quote_ident(arena, idents->items[i]));
	}
	return buf.data;
}

size_t
vb_utf8_clip(const char *s, size_t len, size_t max_bytes)
{
	size_t		n = len < max_bytes ? len : max_bytes;

	/* never end inside a multibyte character: back off continuation bytes */
	while (n > 0 && n < len && (((unsigned char) s[n]) & 0xC0) == 0x80)
		n--;
	return n;
}

char *
vb_make_object_name(vb_arena *arena, const char *name1, const char *name2,
					const char *label)
{
	size_t		name1chars = strlen(name1);
	size_t		name2chars = name2 ? strlen(name2) : 0;
	size_t		overhead = 0;
	size_t		avail;
	vb_buf		buf;

	if (name2)
		overhead++;
	if (label)
		overhead += strlen(label) + 1;
	avail = VB_MAX_IDENT - overhead;

	/* truncate the longer name first, as PostgreSQL does */
	while (name1chars + name2chars > avail)
	{
		if (name1chars > name2chars)
			name1chars--;
		else
			name2chars--;
	}
	name1chars = vb_utf8_clip(name1, strlen(name1), name1chars);
	if (name2)
		name2chars = vb_utf8_clip(name2, strlen(name2), name2chars);

	vb_buf_init(&buf, arena);
	vb_buf_appendn(&buf, name1, name1chars);
	if (name2)
	{
		vb_buf_appendc(&buf, '_');
		vb_buf_appendn(&buf, name2, name2chars);
	}
	if (label)
	{
		vb_buf_appendc(&buf, '_');
		vb_buf_append(&buf, label);
	}
	return buf.data;
}

/* ChooseIndexNameAddition(): column names joined by '_', capped. */
static char *
name_addition(vb_arena *arena, const vb_list *columns)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, arena);
	for (i = 0; i < columns->count; i++)
	{
		const char *name = columns->items[i];

		if (buf.len > 0)
			vb_buf_appendc(&buf, '_');
		vb_buf_appendn(&buf, name, strlen(name) > VB_MAX_IDENT ? VB_MAX_IDENT : strlen(name));
		if (buf.len > VB_MAX_IDENT)
			break;
	}
	return buf.data;
}

/* <table>_<columns>_<label>, as ChooseIndexName/ChooseConstraintName do */
char *
vb_default_name(vb_arena *arena, const char *table, const vb_list *columns,
				const char *label)
{
	return vb_make_object_name(arena, table, name_addition(arena, columns), label);
}

char *
vb_default_pkey_name(vb_arena *arena, const char *table)
{
	return vb_make_object_name(arena, table, NULL, "pkey");
}

char *
vb_default_unique_name(vb_arena *arena, const char *table, const vb_list *columns)
{
	return vb_default_name(arena, table, columns, "key");
}

char *
vb_default_index_name(vb_arena *arena, const char *table, const vb_list *columns)
{
	return vb_default_name(arena, table, columns, "idx");
}

char *
vb_default_fkey_name(vb_arena *arena, const char *table, const vb_list *columns)
{
	return vb_default_name(arena, table, columns, "fkey");
}

char *
vb_default_sequence_name(vb_arena *arena, const char *table, const char *column)
{
	return vb_make_object_name(arena, table, column, "seq");
}
