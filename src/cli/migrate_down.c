/*
 * migrate_down.c — what `migrate generate` plans its down file with: the
 * directory's snapshot as the document and the renames of the up plan
 * reversed, so that a rename comes back as a rename (its rows kept) rather
 * than as a drop and an add.
 *
 * On PostgreSQL the down plan manages the schemas of both sides (the
 * snapshot's and the document's), so that what the up file made in a new
 * schema is dropped again.
 *
 * The up plan renames for two reasons, and both are reversed:
 *   - a pair settled in the options ("resolutions", from --rename,
 *     --resolve or an answer): the entry with from and to swapped; the
 *     table of a column entry, and the enum of an enum value entry, are the
 *     document's, so in the down plan they are named as the snapshot names
 *     them;
 *   - "renamedFrom" in the document (a table, column, key, index, foreign
 *     key, check, enum or enum value): the snapshot's object of that name
 *     gets "renamedFrom" naming the document's.
 *
 * And what the down file cannot undo by itself: the enum values it removes
 * (a mapping has no way back), which the down file warns about.
 */
#include <stddef.h>
#include <string.h>

#include "migrate_down.h"
#include "request.h"
#include "vb_json.h"

/* The snapshot's array member `key` of `obj` (NULL when it has none). */
static cJSON *
array_member(cJSON *obj, const char *key)
{
	cJSON	   *a = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsArray(a) ? a : NULL;
}

/* The element of `array` whose "name" is `name` (a string element when
 * `strings`: enum values), or NULL. */
static cJSON *
named(cJSON *array, const char *name, bool strings)
{
	cJSON	   *item;

	cJSON_ArrayForEach(item, array)
	{
		const char *n = strings && cJSON_IsString(item) ? item->valuestring :
			cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "name"));

		if (n && strcmp(n, name) == 0)
			return item;
	}
	return NULL;
}

/* A snapshot table or enum: its schema is the dialect's default when the
 * snapshot does not say. */
static cJSON *
find_in_schema(cJSON *array, const char *schema, const char *name, const char *dialect)
{
	cJSON	   *item;

	cJSON_ArrayForEach(item, array)
	{
		const char *n = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "name"));
		const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "schema"));

		if (s == NULL)
			s = vb_default_namespace(dialect);
		if (n && strcmp(n, name) == 0 && strcmp(s, schema) == 0)
			return item;
	}
	return NULL;
}

/* Set (or replace) an object's "renamedFrom". */
static void
set_renamed_from(cJSON *obj, const char *name)
{
	cJSON_DeleteItemFromObjectCaseSensitive(obj, "renamedFrom");
	cJSON_AddStringToObject(obj, "renamedFrom", name);
}

/* Set "renamedFrom" on the snapshot's element `old` of `array`, when the
 * snapshot has no element called `now` (the up plan then renamed it). */
static cJSON *
mark(cJSON *array, const char *old, const char *now, const char *renamed_from)
{
	cJSON	   *item = named(array, old, false);

	if (item == NULL || named(array, now, false) != NULL || !cJSON_IsObject(item))
		return NULL;
	set_renamed_from(item, renamed_from);
	return item;
}

/* The objects of a table that may carry "renamedFrom". */
static void
mark_objects(cJSON *snap_table, const char *key, const vb_list *objects, size_t name_offset,
			 size_t renamed_offset)
{
	cJSON	   *array = array_member(snap_table, key);
	int			i;

	for (i = 0; array && i < objects->count; i++)
	{
		const char *name = *(char **) ((char *) objects->items[i] + name_offset);
		const char *from = *(char **) ((char *) objects->items[i] + renamed_offset);

		if (name && from)
			mark(array, from, name, name);
	}
}

#define MARK_OBJECTS(snap_table, key, list, type) \
	mark_objects(snap_table, key, list, offsetof(type, name), offsetof(type, renamed_from))

/* The snapshot's name (schema, name) of a desired table or enum renamed
 * with "renamedFrom" ("name" or, tables only, "schema.name"). */
static void
old_name(vb_arena *arena, const char *schema, const char *renamed_from, bool qualified,
		 const char **old_schema, const char **old)
{
	const char *dot = qualified ? strchr(renamed_from, '.') : NULL;

	*old_schema = dot ? vb_strndup(arena, renamed_from, (size_t) (dot - renamed_from)) : schema;
	*old = dot ? dot + 1 : renamed_from;
}

static void
mark_table(vb_arena *arena, cJSON *tables, const vb_table *t, const char *dialect)
{
	const char *schema = t->schema ? t->schema : vb_default_namespace(dialect);
	cJSON	   *st = find_in_schema(tables, schema, t->name, dialect);
	cJSON	   *columns;
	int			i;

	if (t->renamed_from && st == NULL)
	{
		const char *os;
		const char *on;

		old_name(arena, schema, t->renamed_from, true, &os, &on);
		st = find_in_schema(tables, os, on, dialect);
		if (st)
		{
			set_renamed_from(st, strcmp(os, schema) == 0 ? t->name :
							 vb_printf(arena, "%s.%s", schema, t->name));
		}
	}
	if (st == NULL)
		return;
	columns = array_member(st, "columns");
	for (i = 0; columns && i < t->columns.count; i++)
	{
		const vb_column *c = t->columns.items[i];

		if (c->renamed_from)
			mark(columns, c->renamed_from, c->name, c->name);
	}
	MARK_OBJECTS(st, "uniqueConstraints", &t->uniques, vb_key);
	MARK_OBJECTS(st, "indexes", &t->indexes, vb_index);
	MARK_OBJECTS(st, "foreignKeys", &t->foreign_keys, vb_foreign_key);
	MARK_OBJECTS(st, "checks", &t->checks, vb_check);
	if (t->primary_key && t->primary_key->name && t->primary_key->renamed_from)
	{
		cJSON	   *pk = cJSON_GetObjectItemCaseSensitive(st, "primaryKey");
		const char *n = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(pk, "name"));

		if (n && strcmp(n, t->primary_key->renamed_from) == 0)
		{
			set_renamed_from(pk, t->primary_key->name);
		}
	}
}

static void
mark_enum(vb_arena *arena, cJSON *enums, const vb_enum *e, const char *dialect)
{
	const char *schema = e->schema ? e->schema : vb_default_namespace(dialect);
	cJSON	   *se = find_in_schema(enums, schema, e->name, dialect);
	cJSON	   *values;
	int			i;

	if (e->renamed_from && se == NULL)
	{
		const char *os;
		const char *on;

		old_name(arena, schema, e->renamed_from, false, &os, &on);
		if ((se = find_in_schema(enums, os, on, dialect)) != NULL)
		{
			set_renamed_from(se, e->name);
		}
	}
	if (se == NULL || (values = array_member(se, "values")) == NULL)
		return;
	for (i = 0; i < e->values.count; i++)
	{
		const vb_enum_value *v = e->values.items[i];
		cJSON	   *old;

		if (v->renamed_from == NULL || named(values, v->name, true) != NULL ||
			(old = named(values, v->renamed_from, true)) == NULL)
			continue;
		if (cJSON_IsString(old))
		{
			cJSON	   *obj = cJSON_CreateObject();

			cJSON_AddStringToObject(obj, "name", v->renamed_from);
			cJSON_AddStringToObject(obj, "renamedFrom", v->name);
			cJSON_ReplaceItemViaPointer(values, old, obj);
		}
		else
		{
			set_renamed_from(old, v->name);
		}
	}
}

char *
cli_down_document(vb_arena *arena, const char *snapshot, const vb_schema *desired,
				  const char *dialect)
{
	cJSON	   *doc = cJSON_Parse(snapshot);
	cJSON	   *tables = array_member(doc, "tables");
	cJSON	   *enums = array_member(doc, "enums");
	int			i;

	if (doc == NULL || desired == NULL)
	{
		cJSON_Delete(doc);
		return vb_strdup(arena, snapshot);
	}
	for (i = 0; tables && i < desired->tables.count; i++)
		mark_table(arena, tables, desired->tables.items[i], dialect);
	for (i = 0; enums && i < desired->enums.count; i++)
		mark_enum(arena, enums, desired->enums.items[i], dialect);
	return vb_json_print(arena, doc);
}

/* The snapshot's name of the document's table `schema.table`: through the
 * settled table renames, else the document's renamedFrom. */
static const char *
snapshot_table(const cJSON *entries, const vb_schema *desired, const char *schema,
			   const char *table)
{
	const cJSON *e;
	int			i;

	cJSON_ArrayForEach(e, entries)
		if (strcmp(cli_json_str(e, "kind"), "table") == 0 &&
			strcmp(cli_json_str(e, "resolution"), "rename") == 0 &&
			strcmp(cli_json_str(e, "schema"), schema) == 0 &&
			strcmp(cli_json_str(e, "to"), table) == 0)
		return cli_json_str(e, "from");
	for (i = 0; desired && i < desired->tables.count; i++)
	{
		const vb_table *t = desired->tables.items[i];

		if (t->renamed_from && strchr(t->renamed_from, '.') == NULL &&
			t->schema && strcmp(t->schema, schema) == 0 && strcmp(t->name, table) == 0)
			return t->renamed_from;
	}
	return table;
}

/* The snapshot's name of the document's enum `schema.name`. */
static const char *
snapshot_enum(const vb_schema *desired, const char *schema, const char *name)
{
	int			i;

	for (i = 0; desired && i < desired->enums.count; i++)
	{
		const vb_enum *en = desired->enums.items[i];

		if (en->renamed_from && en->schema && strcmp(en->schema, schema) == 0 &&
			strcmp(en->name, name) == 0)
			return en->renamed_from;
	}
	return name;
}

char *
cli_down_options(vb_arena *arena, const cJSON *entries, const vb_schema *desired,
				 const vb_list *schemas)
{
	cJSON	   *o = cJSON_CreateObject();
	cJSON	   *out;
	const cJSON *e;
	int			i;

	cJSON_AddBoolToObject(o, "force", true);
	if (schemas && schemas->count > 0)
	{
		cJSON	   *list = cJSON_AddArrayToObject(o, "schemas");

		for (i = 0; i < schemas->count; i++)
			cJSON_AddItemToArray(list, cJSON_CreateString(schemas->items[i]));
	}
	out = cJSON_AddArrayToObject(o, "resolutions");
	cJSON_ArrayForEach(e, entries)
	{
		cJSON	   *r = cJSON_Duplicate(e, true);
		cJSON	   *from = cJSON_DetachItemFromObjectCaseSensitive(r, "from");
		cJSON	   *to = cJSON_DetachItemFromObjectCaseSensitive(r, "to");
		const char *kind = cli_json_str(r, "kind");
		const char *schema = cli_json_str(r, "schema");

		cJSON_AddItemToObject(r, "from", to);
		cJSON_AddItemToObject(r, "to", from);
		if (strcmp(kind, "column") == 0 && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(r, "table")))
		{
			const char *table = snapshot_table(entries, desired, schema, cli_json_str(r, "table"));

			cJSON_ReplaceItemInObjectCaseSensitive(r, "table", cJSON_CreateString(table));
		}
		else if (strcmp(kind, "enumValue") == 0 &&
				 cJSON_IsString(cJSON_GetObjectItemCaseSensitive(r, "enum")))
		{
			const char *en = snapshot_enum(desired, schema, cli_json_str(r, "enum"));

			cJSON_ReplaceItemInObjectCaseSensitive(r, "enum", cJSON_CreateString(en));
		}
		cJSON_AddItemToArray(out, r);
	}
	if (cJSON_GetArraySize(out) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(o, "resolutions");
	return vb_json_print(arena, o);
}

/* Does an entry settle document enum value `value` of schema.en as a
 * rename (the down file renames it back)? */
static bool
value_renamed(const cJSON *entries, const char *schema, const char *en, const char *value)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, entries)
		if (strcmp(cli_json_str(e, "kind"), "enumValue") == 0 &&
			strcmp(cli_json_str(e, "resolution"), "rename") == 0 &&
			strcmp(cli_json_str(e, "schema"), schema) == 0 &&
			strcmp(cli_json_str(e, "enum"), en) == 0 && strcmp(cli_json_str(e, "to"), value) == 0)
		return true;
	return false;
}

void
cli_down_enum_warnings(const char *snapshot, const vb_schema *desired, const cJSON *entries,
					   const char *dialect, vb_buf *out)
{
	cJSON	   *doc = cJSON_Parse(snapshot);
	cJSON	   *enums = array_member(doc, "enums");
	int			i;
	int			j;

	for (i = 0; enums && desired && i < desired->enums.count; i++)
	{
		const vb_enum *e = desired->enums.items[i];
		const char *schema = e->schema ? e->schema : vb_default_namespace(dialect);
		cJSON	   *se = find_in_schema(enums, schema, e->name, dialect);
		cJSON	   *values;

		if (se == NULL && e->renamed_from)
			se = find_in_schema(enums, schema, e->renamed_from, dialect);
		if (se == NULL || (values = array_member(se, "values")) == NULL)
			continue;
		for (j = 0; j < e->values.count; j++)
		{
			const vb_enum_value *v = e->values.items[j];

			if (named(values, v->name, true) ||
				(v->renamed_from && named(values, v->renamed_from, true)) ||
				value_renamed(entries, schema, e->name, v->name))
				continue;
			vb_buf_appendf(out, "-- WARNING: enum %s.%s loses value %s; rows holding it make the down fail (it has no mapping back)\n",
						   schema, e->name, v->name);
		}
	}
	cJSON_Delete(doc);
}
