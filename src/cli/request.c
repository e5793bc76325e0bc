/*
 * request.c — flags and answers into the options object (request.h).
 *
 * Names in flags are dotted (schema.table.column); a part holding a dot,
 * colon, equals sign or quote is written in double quotes, with "" for a
 * quote inside ("my.table".id=...).
 */
#include <ctype.h>
#include <string.h>

#include "cli.h"
#include "request.h"

/* One --rename flag, split. */
typedef struct cli_rename
{
	const char *text;			/* as given */
	bool		enum_value;		/* ENUM:OLD=NEW */
	vb_list		from;			/* name parts: [schema.]table[.column] or
								 * [schema.]enum */
	vb_list		to;				/* the same for the new side; for an enum
								 * value possibly empty */
	const char *from_value;		/* enum values */
	const char *to_value;
	bool		used;
} cli_rename;

const char *
cli_json_str(const cJSON *object, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(object, key);

	return cJSON_IsString(v) ? v->valuestring : "";
}

/* ---- names with quotes -------------------------------------------------- */

/* The first `c` outside double quotes in s[0..n), or NULL. */
static const char *
find_unquoted(const char *s, size_t n, char c)
{
	bool		quoted = false;
	size_t		i;

	for (i = 0; i < n; i++)
	{
		if (s[i] == '"')
			quoted = !quoted;
		else if (s[i] == c && !quoted)
			return s + i;
	}
	return NULL;
}

/* One part: "a""b" -> a"b; unquoted as it is. NULL when malformed. */
static char *
unquote(vb_arena *arena, const char *s, size_t n)
{
	vb_buf		buf;
	size_t		i;

	if (n == 0 || s[0] != '"')
		return memchr(s, '"', n) ? NULL : vb_strndup(arena, s, n);
	if (n < 2 || s[n - 1] != '"')
		return NULL;
	vb_buf_init(&buf, arena);
	vb_buf_append(&buf, "");
	for (i = 1; i < n - 1; i++)
	{
		if (s[i] == '"')
		{
			if (i + 1 >= n - 1 || s[i + 1] != '"')
				return NULL;
			i++;
		}
		vb_buf_appendc(&buf, s[i]);
	}
	return buf.data;
}

/* Split s[0..n) on dots outside quotes; false when a part is empty or
 * malformed. */
static bool
split_name(vb_arena *arena, const char *s, size_t n, vb_list *parts)
{
	const char *end = s + n;

	for (;;)
	{
		const char *dot = find_unquoted(s, (size_t) (end - s), '.');
		size_t		len = dot ? (size_t) (dot - s) : (size_t) (end - s);
		char	   *part = unquote(arena, s, len);

		if (part == NULL || part[0] == '\0')
			return false;
		vb_list_push(arena, parts, part);
		if (dot == NULL)
			return true;
		s = dot + 1;
	}
}

/* A name part as a flag writes it: quoted when it must be. */
static const char *
flag_part(vb_arena *arena, const char *name)
{
	vb_buf		buf;
	const char *p;

	if (name[0] && strcspn(name, ".:=\"") == strlen(name))
		return name;
	vb_buf_init(&buf, arena);
	vb_buf_appendc(&buf, '"');
	for (p = name; *p; p++)
	{
		if (*p == '"')
			vb_buf_appendc(&buf, '"');
		vb_buf_appendc(&buf, *p);
	}
	vb_buf_appendc(&buf, '"');
	return buf.data;
}

/* schema.name, or name alone in public */
static const char *
flag_qualified(vb_arena *arena, const char *schema, const char *name)
{
	if (schema[0] == '\0' || strcmp(schema, "public") == 0)
		return flag_part(arena, name);
	return vb_printf(arena, "%s.%s", flag_part(arena, schema), flag_part(arena, name));
}

/* "--flag value", the value in single quotes when a shell needs them. */
static const char *
shell_flag(vb_arena *arena, const char *flag, const char *value)
{
	vb_buf		buf;
	const char *p;

	for (p = value; *p; p++)
		if (!isalnum((unsigned char) *p) && !strchr("_.:=,/-+@%", *p))
			break;
	if (*p == '\0')
		return vb_printf(arena, "%s %s", flag, value);
	vb_buf_init(&buf, arena);
	vb_buf_appendf(&buf, "%s '", flag);
	for (p = value; *p; p++)
	{
		if (*p == '\'')
			vb_buf_append(&buf, "'\\''");
		else
			vb_buf_appendc(&buf, *p);
	}
	vb_buf_appendc(&buf, '\'');
	return buf.data;
}

const char *
cli_rename_flag_for(vb_arena *arena, const cJSON *pair)
{
	const char *kind = cli_json_str(pair, "kind");
	const char *schema = cli_json_str(pair, "schema");
	const char *from = cli_json_str(pair, "from");
	const char *to = cli_json_str(pair, "to");
	const char *value;

	if (strcmp(kind, "column") == 0)
	{
		const char *t = flag_qualified(arena, schema, cli_json_str(pair, "table"));

		value = vb_printf(arena, "%s.%s=%s.%s", t, flag_part(arena, from), t,
						  flag_part(arena, to));
	}
	else if (strcmp(kind, "enumValue") == 0)
		value = vb_printf(arena, "%s:%s=%s",
						  flag_qualified(arena, schema, cli_json_str(pair, "enum")),
						  flag_part(arena, from), flag_part(arena, to));
	else
		value = vb_printf(arena, "%s=%s", flag_qualified(arena, schema, from),
						  flag_qualified(arena, schema, to));
	return shell_flag(arena, "--rename", value);
}

const char *
cli_pair_text(vb_arena *arena, const cJSON *pair)
{
	const char *kind = cli_json_str(pair, "kind");
	const char *schema = cli_json_str(pair, "schema");

	if (strcmp(kind, "column") == 0)
		return vb_printf(arena, "column %s.%s: %s -> %s", schema, cli_json_str(pair, "table"),
						 cli_json_str(pair, "from"), cli_json_str(pair, "to"));
	if (strcmp(kind, "enumValue") == 0)
		return vb_printf(arena, "enum value %s.%s: %s -> %s", schema, cli_json_str(pair, "enum"),
						 cli_json_str(pair, "from"), cli_json_str(pair, "to"));
	return vb_printf(arena, "table %s: %s -> %s", schema, cli_json_str(pair, "from"),
					 cli_json_str(pair, "to"));
}

const char *
cli_map_flag_for(vb_arena *arena, const char *schema, const char *enum_name, const char *value)
{
	return shell_flag(arena, "--map-enum",
					  vb_printf(arena, "%s.%s=", flag_qualified(arena, schema, enum_name),
								flag_part(arena, value)));
}

/* ---- parsing the flags -------------------------------------------------- */

static bool
bad_flag(vb_arena *arena, vb_error *err, const char *flag, const char *text, const char *expected)
{
	vb_fail(err, arena, CLI_ERR_USAGE, NULL, "%s '%s': expected %s", flag, text, expected);
	err->hint = vb_strdup(arena, "Write a name that holds '.', ':', '=' or '\"' in double quotes, doubling a '\"' inside.");
	return false;
}

/* [schema.]enum:value into parts and value */
static bool
split_enum_value(vb_arena *arena, const char *s, size_t n, vb_list *parts, const char **value)
{
	const char *colon = find_unquoted(s, n, ':');

	if (colon == NULL)
		return false;
	*value = unquote(arena, colon + 1, (size_t) (s + n - colon - 1));
	return *value && split_name(arena, s, (size_t) (colon - s), parts) && parts->count <= 2;
}

static bool
parse_rename(vb_arena *arena, const char *text, cli_rename **out, vb_error *err)
{
	static const char *const expected =
		"TABLE=TABLE, TABLE.COLUMN=TABLE.COLUMN or ENUM:VALUE=VALUE (schema-qualified where needed)";
	cli_rename *r = vb_alloc(arena, sizeof(cli_rename));
	const char *eq = find_unquoted(text, strlen(text), '=');
	const char *rhs;
	size_t		lhs_len;

	r->text = text;
	if (eq == NULL)
		return bad_flag(arena, err, "--rename", text, expected);
	lhs_len = (size_t) (eq - text);
	rhs = eq + 1;
	r->enum_value = find_unquoted(text, lhs_len, ':') != NULL;
	if (r->enum_value)
	{
		if (!split_enum_value(arena, text, lhs_len, &r->from, &r->from_value))
			return bad_flag(arena, err, "--rename", text, expected);
		if (find_unquoted(rhs, strlen(rhs), ':'))
		{
			if (!split_enum_value(arena, rhs, strlen(rhs), &r->to, &r->to_value))
				return bad_flag(arena, err, "--rename", text, expected);
		}
		else if ((r->to_value = unquote(arena, rhs, strlen(rhs))) == NULL)
			return bad_flag(arena, err, "--rename", text, expected);
	}
	else if (!split_name(arena, text, lhs_len, &r->from) || r->from.count > 3 ||
			 !split_name(arena, rhs, strlen(rhs), &r->to) || r->to.count > 3)
		return bad_flag(arena, err, "--rename", text, expected);
	*out = r;
	return true;
}

static bool
parse_map_enum(cli_request *req, const char *text, vb_error *err)
{
	static const char *const expected = "ENUM.OLD=NEW or SCHEMA.ENUM.OLD=NEW (nothing after '=' for NULL)";
	const char *eq = find_unquoted(text, strlen(text), '=');
	vb_list		lhs;
	const char *to;

	memset(&lhs, 0, sizeof(lhs));
	if (eq == NULL || !split_name(req->arena, text, (size_t) (eq - text), &lhs) ||
		lhs.count < 2 || lhs.count > 3)
		return bad_flag(req->arena, err, "--map-enum", text, expected);
	to = eq[1] ? unquote(req->arena, eq + 1, strlen(eq + 1)) : NULL;
	if (eq[1] && to == NULL)
		return bad_flag(req->arena, err, "--map-enum", text, expected);
	cli_request_map(req, lhs.count == 3 ? lhs.items[0] : "public",
					lhs.items[lhs.count - 2], lhs.items[lhs.count - 1], to);
	return true;
}

bool
cli_split_schemas(vb_arena *arena, const char *csv, vb_list *out, vb_error *err)
{
	const char *p = csv;

	for (;;)
	{
		size_t		len = strcspn(p, ",");
		const char *start = p;
		size_t		n = len;

		while (n > 0 && isspace((unsigned char) *start))
			start++, n--;
		while (n > 0 && isspace((unsigned char) start[n - 1]))
			n--;
		if (n == 0)
			return vb_fail(err, arena, CLI_ERR_USAGE, NULL,
						   "--schemas '%s': expected names separated by commas", csv);
		vb_list_push(arena, out, vb_strndup(arena, start, n));
		if (p[len] == '\0')
			return true;
		p += len + 1;
	}
}

bool
cli_request_init(cli_request *req, vb_arena *arena, const cli_options *opts, vb_error *err)
{
	int			i;

	memset(req, 0, sizeof(*req));
	req->arena = arena;
	req->entries = cJSON_CreateArray();
	req->mappings = cJSON_CreateArray();
	req->resolve = opts->resolve;
	req->force = opts->force;
	req->lock_timeout = opts->lock_timeout;
	for (i = 0; i < opts->renames.count; i++)
	{
		cli_rename *r;

		if (!parse_rename(arena, opts->renames.items[i], &r, err))
			return false;
		vb_list_push(arena, &req->renames, r);
	}
	for (i = 0; i < opts->map_enums.count; i++)
		if (!parse_map_enum(req, opts->map_enums.items[i], err))
			return false;
	if (opts->schemas && !cli_split_schemas(arena, opts->schemas, &req->schemas, err))
		return false;
	return true;
}

void
cli_request_free(cli_request *req)
{
	cJSON_Delete(req->entries);
	cJSON_Delete(req->mappings);
	req->entries = req->mappings = NULL;
}

char *
cli_request_options(const cli_request *req)
{
	cJSON	   *o = cJSON_CreateObject();
	char	   *text;
	char	   *copy;
	int			i;

	if (req->force)
		cJSON_AddTrueToObject(o, "force");
	if (cJSON_GetArraySize(req->entries) > 0)
		cJSON_AddItemToObject(o, "resolutions", cJSON_Duplicate(req->entries, true));
	if (cJSON_GetArraySize(req->mappings) > 0)
		cJSON_AddItemToObject(o, "enumValueMappings", cJSON_Duplicate(req->mappings, true));
	if (req->lock_timeout)
		cJSON_AddStringToObject(o, "lockTimeout", req->lock_timeout);
	if (req->schemas.count > 0)
	{
		cJSON	   *a = cJSON_AddArrayToObject(o, "schemas");

		for (i = 0; i < req->schemas.count; i++)
			cJSON_AddItemToArray(a, cJSON_CreateString(req->schemas.items[i]));
	}
	text = cJSON_PrintUnformatted(o);
	copy = vb_strdup(req->arena, text);
	cJSON_free(text);
	cJSON_Delete(o);
	return copy;
}

/* ---- matching flags to pairs ------------------------------------------- */

static bool
str_is(const void *item, const char *s)
{
	return strcmp((const char *) item, s) == 0;
}

/* The first n parts are [name] or [schema, name]. */
static bool
qualified_is(const vb_list *parts, int n, const char *schema, const char *name)
{
	if (n == 1)
		return str_is(parts->items[0], name);
	return n == 2 && str_is(parts->items[0], schema) && str_is(parts->items[1], name);
}

static bool
rename_matches(const cli_rename *r, const cJSON *pair)
{
	const char *kind = cli_json_str(pair, "kind");
	const char *schema = cli_json_str(pair, "schema");
	const char *from = cli_json_str(pair, "from");
	const char *to = cli_json_str(pair, "to");
	const vb_list *f = &r->from;
	const vb_list *t = &r->to;

	if (strcmp(kind, "enumValue") == 0)
	{
		const char *e = cli_json_str(pair, "enum");

		return r->enum_value && qualified_is(f, f->count, schema, e) &&
			strcmp(r->from_value, from) == 0 && strcmp(r->to_value, to) == 0 &&
			(t->count == 0 || qualified_is(t, t->count, schema, e));
	}
	if (r->enum_value)
		return false;
	if (strcmp(kind, "table") == 0)
		return qualified_is(f, f->count, schema, from) && qualified_is(t, t->count, schema, to);
	if (strcmp(kind, "column") == 0)
	{
		const char *table = cli_json_str(pair, "table");

		return f->count >= 2 && qualified_is(f, f->count - 1, schema, table) &&
			str_is(f->items[f->count - 1], from) &&
			(t->count == 1 || qualified_is(t, t->count - 1, schema, table)) &&
			str_is(t->items[t->count - 1], to);
	}
	return false;
}

static bool
same_pair(const cJSON *a, const cJSON *b)
{
	static const char *const keys[] = {"kind", "schema", "table", "enum", "from", "to"};
	size_t		i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(cli_json_str(a, keys[i]), cli_json_str(b, keys[i])) != 0)
			return false;
	return true;
}

bool
cli_request_settles(const cli_request *req, const cJSON *pair)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, req->entries)
		if (same_pair(e, pair))
		return true;
	return false;
}

void
cli_request_settle(cli_request *req, const cJSON *pair, bool rename)
{
	cJSON	   *entry = cJSON_Duplicate(pair, true);

	cJSON_AddStringToObject(entry, "resolution", rename ? "rename" : "addAndDrop");
	cJSON_AddItemToArray(req->entries, entry);
}

int
cli_request_match_renames(cli_request *req, const cJSON *ambiguous, vb_error *err)
{
	int			added = 0;
	int			i;

	for (i = 0; i < req->renames.count; i++)
	{
		cli_rename *r = req->renames.items[i];
		const cJSON *pair;
		const cJSON *match = NULL;

		if (r->used)
			continue;
		cJSON_ArrayForEach(pair, ambiguous)
		{
			if (!rename_matches(r, pair))
				continue;
			if (match)
			{
				vb_fail(err, req->arena, CLI_ERR_USAGE, NULL,
						"--rename %s names more than one rename candidate: %s, and %s",
						r->text, cli_pair_text(req->arena, match),
						cli_pair_text(req->arena, pair));
				err->hint = vb_strdup(req->arena, "Qualify the names: schema.table=schema.table for a table, schema.table.column=schema.table.column for a column.");
				return -1;
			}
			match = pair;
		}
		if (match)
		{
			cli_request_settle(req, match, true);
			r->used = true;
			added++;
		}
	}
	return added;
}

/* How many pairs of `ambiguous` share this pair's `side` ("from"/"to"). */
static int
side_count(const cJSON *ambiguous, const cJSON *pair, const char *side)
{
	const cJSON *other;
	int			n = 0;

	cJSON_ArrayForEach(other, ambiguous)
		if (strcmp(cli_json_str(other, "kind"), cli_json_str(pair, "kind")) == 0 &&
			strcmp(cli_json_str(other, "schema"), cli_json_str(pair, "schema")) == 0 &&
			strcmp(cli_json_str(other, "table"), cli_json_str(pair, "table")) == 0 &&
			strcmp(cli_json_str(other, "enum"), cli_json_str(pair, "enum")) == 0 &&
			strcmp(cli_json_str(other, side), cli_json_str(pair, side)) == 0)
		n++;
	return n;
}

int
cli_request_apply_resolve(cli_request *req, const cJSON *ambiguous)
{
	const cJSON *pair;
	bool		rename;
	int			added = 0;

	if (req->resolve == NULL)
		return 0;
	rename = strcmp(req->resolve, "rename") == 0;
	cJSON_ArrayForEach(pair, ambiguous)
	{
		if (rename && (side_count(ambiguous, pair, "from") > 1 ||
					   side_count(ambiguous, pair, "to") > 1))
			continue;			/* several candidates: only a --rename decides */
		cli_request_settle(req, pair, rename);
		added++;
	}
	return added;
}

void
cli_request_map(cli_request *req, const char *schema, const char *enum_name, const char *value,
				const char *to)
{
	cJSON	   *entry;
	cJSON	   *map;

	cJSON_ArrayForEach(entry, req->mappings)
		if (strcmp(cli_json_str(entry, "enum"), enum_name) == 0 &&
			strcmp(cli_json_str(entry, "schema"), schema) == 0)
		break;
	if (entry == NULL)
	{
		entry = cJSON_CreateObject();
		cJSON_AddStringToObject(entry, "enum", enum_name);
		cJSON_AddStringToObject(entry, "schema", schema);
		cJSON_AddObjectToObject(entry, "map");
		cJSON_AddItemToArray(req->mappings, entry);
	}
	map = cJSON_GetObjectItemCaseSensitive(entry, "map");
	cJSON_DeleteItemFromObjectCaseSensitive(map, value);
	cJSON_AddItemToObject(map, value, to ? cJSON_CreateString(to) : cJSON_CreateNull());
}

bool
cli_request_check_renames_used(const cli_request *req, vb_error *err)
{
	int			i;

	for (i = 0; i < req->renames.count; i++)
	{
		cli_rename *r = req->renames.items[i];

		if (r->used)
			continue;
		vb_fail(err, req->arena, CLI_ERR_USAGE, NULL,
				"--rename %s names no rename candidate of this plan", r->text);
		err->detail = vb_strdup(req->arena, "A pair is a candidate when an object is gone and another of its kind is new: two columns of one table with the same type, two tables of one schema whose columns mostly match, a removed and an added value of one enum. 'viborm diff' lists them with the flag that settles each.");
		err->hint = vb_strdup(req->arena, "Check the names (the table as the document names it), or add \"renamedFrom\" to the document for a rename that is not a candidate.");
		return false;
	}
	return true;
}
