/*
 * names.c — PostgreSQL's way of making names for unnamed objects
 * (makeObjectName() and ChooseIndexNameAddition()), which the PostgreSQL
 * dialect and VibORM's serializer both follow.
 */
#include <stdlib.h>
#include <string.h>

#include "dialect.h"
#include "vb_internal.h"

const char *
vb_default_namespace(const char *dialect)
{
	return dialect && strcmp(dialect, "sqlite") == 0 ? "main" : "public";
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

static const char *const name_labels[] = {
	[VB_NAME_PRIMARY_KEY] = "pkey",
	[VB_NAME_UNIQUE] = "key",
	[VB_NAME_INDEX] = "idx",
	[VB_NAME_FOREIGN_KEY] = "fkey",
	[VB_NAME_CHECK] = "check",
	[VB_NAME_SEQUENCE] = "seq",
};

/*
 * ChooseRelationName/ChooseConstraintName: <table>_<columns>_<label>, the
 * pass number appended to the label while the name is taken. The contract
 * gives unnamed objects these names on every dialect.
 */
char *
vb_pg_style_name(vb_arena *a, vb_name_kind kind, const char *table, const vb_list *columns,
				 int pass)
{
	const char *label = pass ? vb_printf(a, "%s%d", name_labels[kind], pass) : name_labels[kind];

	if (columns == NULL || kind == VB_NAME_PRIMARY_KEY)
		return vb_make_object_name(a, table, NULL, label);
	return vb_default_name(a, table, columns, label);
}

vb_name_scope
vb_pg_style_scope(vb_name_kind kind)
{
	return kind == VB_NAME_FOREIGN_KEY || kind == VB_NAME_CHECK ? VB_SCOPE_TABLE : VB_SCOPE_SCHEMA;
}

/*
 * A schema viborm never manages: PostgreSQL's own (information_schema and
 * every name with the reserved prefix pg_, which CREATE SCHEMA refuses:
 * pg_catalog, pg_toast, pg_temp_N, ...) and the extension's (viborm).
 * Returns the reason as a message fragment, or NULL for a user schema.
 */
const char *
vb_reserved_schema(const char *name)
{
	if (strcmp(name, "viborm") == 0)
		return "belongs to the extension";
	if (strncmp(name, "pg_", 3) == 0 || strcmp(name, "information_schema") == 0)
		return "is a system schema";
	return NULL;
}

static bool
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '_' || c == '$' || (unsigned char) c >= 0x80;
}

/*
 * The end of the type name at p, as PostgreSQL prints one after "::": an
 * identifier, bare or double-quoted, qualified by another or not.
 */
const char *
vb_type_name_end(const char *p)
{
	int			part;

	for (part = 0; part < 2; part++)
	{
		if (*p == '"')
		{
			p++;
			while (*p && !(*p == '"' && p[1] != '"'))
				p += *p == '"' ? 2 : 1;
			if (*p)
				p++;
		}
		else
			while (is_name_char(*p))
				p++;
		if (part > 0 || *p != '.')
			break;
		p++;
	}
	return p;
}

/*
 * Does the text cast anything to one of the types (the map's keys: type
 * texts as format_type prints them, e.g. public.mood)? One pass over the
 * text, one lookup per cast, however many types there are.
 */
bool
vb_casts_to_any(const char *text, const vb_map *types)
{
	const char *p = text;
	char		name[2 * VB_MAX_IDENT + 8];

	if (text == NULL || types->count == 0)
		return false;
	while ((p = strstr(p, "::")) != NULL)
	{
		const char *end;

		p += 2;
		end = vb_type_name_end(p);
		if ((size_t) (end - p) < sizeof(name))
		{
			memcpy(name, p, (size_t) (end - p));
			name[end - p] = '\0';
			if (vb_map_get(types, name))
				return true;
		}
		p = end > p ? end : p;
	}
	return false;
}
