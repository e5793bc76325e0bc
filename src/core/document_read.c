/*
 * document_read.c — the snapshot-form schema document and the options
 * object, from JSON text into the core's model.
 *
 * Validation is strict: unknown keys, wrong JSON types, names over 63 bytes,
 * references to missing columns and duplicates are errors (VB001) naming
 * the JSON path of the bad element. Types and expressions are kept as
 * written: the face canonicalises them with the database's own parser.
 * Keys of the contract that this release does not implement yet are
 * rejected by name rather than ignored, so nothing is half-applied.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vb_json.h"

/*
 * An object whose keys check_keys has passed (all allowed, none twice): its
 * members are looked up from where the last lookup stopped (a document
 * written by pull has them in the order they are read), and most absent
 * keys without a scan: `keys` has the key_bit of every key it has.
 */
typedef struct known_object
{
	const cJSON *obj;
	const cJSON *next;			/* where the next lookup starts */
	uint64_t	keys;
	unsigned	used;			/* when member() last turned to it */
} known_object;

/* Enough for a table, its column and the column's identity. */
#define KNOWN_OBJECTS 4

/* Lists of allowed keys: there are 15. */
#define LISTS_KNOWN 16

typedef struct reader
{
	vb_arena   *arena;
	vb_error   *err;
	vb_column_index columns;	/* the tables' columns by name */
	const char *dialect;		/* the document's (or the target's), or NULL */
	uint32_t	lacking;		/* the dialect's lacking_keys, by place */
	struct
	{
		const char *const *allowed; /* a list of check_keys */
		uint64_t	lacking;	/* its keys in rd->lacking, by place */
	}			lists[LISTS_KNOWN];
	int			nlists;
	known_object known[KNOWN_OBJECTS];
	known_object *last;			/* the one looked into last */
	unsigned	clock;			/* for known[].used */
} reader;

/* In every loop over a document's objects: stop when the face asks. */
#define STOP_CHECK(rd) VB_STOP_CHECK((rd)->arena, (rd)->err)

static bool
is_sqlite(const reader *rd)
{
	return rd->dialect && strcmp(rd->dialect, "sqlite") == 0;
}

/*
 * Keys a dialect does not have: an error when the document's dialect is
 * known and the key holds anything but an empty value (false, "", []).
 */
static const struct
{
	const char *key;
	const char *dialect;
	const char *title;
}			lacking_keys[] = {
	{"strict", "pg", "PostgreSQL"}, {"strict", "mysql", "MySQL"},
	{"withoutRowid", "pg", "PostgreSQL"}, {"withoutRowid", "mysql", "MySQL"},
	{"enums", "sqlite", "SQLite"}, {"schemas", "sqlite", "SQLite"},
	{"comment", "sqlite", "SQLite"}, {"identity", "sqlite", "SQLite"},
	{"include", "sqlite", "SQLite"}, {"nullsNotDistinct", "sqlite", "SQLite"},
	{"opclass", "sqlite", "SQLite"}, {"nulls", "sqlite", "SQLite"},
	{"notValid", "sqlite", "SQLite"}
};

/* One bit of 64 for a key, from its first three bytes. */
static inline uint64_t
key_bit(const char *key)
{
	unsigned	h = (unsigned char) key[0];

	if (key[0])
	{
		h ^= (unsigned) (unsigned char) key[1] << 1;
		if (key[1])
			h ^= (unsigned) (unsigned char) key[2] << 2;
	}
	return (uint64_t) 1 << (h & 63);
}

static void
set_dialect(reader *rd, const char *dialect)
{
	size_t		i;

	rd->dialect = dialect;
	rd->lacking = 0;
	rd->nlists = 0;
	for (i = 0; dialect && i < sizeof(lacking_keys) / sizeof(lacking_keys[0]); i++)
		if (strcmp(lacking_keys[i].dialect, dialect) == 0)
			rd->lacking |= (uint32_t) 1 << i;
}

/* strcmp(a, b) == 0, inline: keys are short and mostly differ early */
static inline bool
same_key(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* Remember an object check_keys has passed, in place of the one looked
 * into least recently. */
static void
know_object(reader *rd, const cJSON *obj, uint64_t keys)
{
	known_object *k = &rd->known[0];
	int			i;

	for (i = 1; i < KNOWN_OBJECTS; i++)
		if (rd->known[i].used < k->used)
			k = &rd->known[i];
	k->obj = obj;
	k->next = obj->child;
	k->keys = keys;
	k->used = ++rd->clock;
	rd->last = k;
}

/* The first item from `from` up to `to` (not included) named key. */
static const cJSON *
find_key(const cJSON *from, const cJSON *to, const char *key)
{
	for (; from != to; from = from->next)
		if (same_key(from->string, key))
			return from;
	return NULL;
}

/*
 * The member `key` of obj, as vb_json_member finds it (the first of that
 * name; NULL when none or obj is no object), faster for a known object.
 */
static cJSON *
member(reader *rd, const cJSON *obj, const char *key)
{
	known_object *k = rd->last;
	const cJSON *start;
	const cJSON *item;
	int			i;

	if (k == NULL || k->obj != obj || obj == NULL)
	{
		for (i = 0, k = NULL; i < KNOWN_OBJECTS && k == NULL; i++)
			if (rd->known[i].obj == obj && obj != NULL)
				k = &rd->known[i];
		if (k == NULL)
			return vb_json_member(obj, key);
		k->used = ++rd->clock;
		rd->last = k;
	}
	if ((k->keys & key_bit(key)) == 0)
		return NULL;
	/* its keys are distinct: the one found from anywhere is the first */
	start = k->next ? k->next : obj->child;
	item = find_key(start, NULL, key);
	if (item == NULL)
		item = find_key(obj->child, start, key);
	if (item == NULL)
		return NULL;
	k->next = item->next;
	return (cJSON *) item;
}

static bool
empty_value(const cJSON *v)
{
	return cJSON_IsNull(v) || cJSON_IsFalse(v) ||
		(cJSON_IsArray(v) && cJSON_GetArraySize(v) == 0) ||
		(cJSON_IsString(v) && v->valuestring[0] == '\0');
}

/* The keys of an allowed list (of up to 64) that the dialect lacks, by
 * place in the list. */
static uint64_t
lacking_places(reader *rd, const char *const *allowed)
{
	uint64_t	places = 0;
	size_t		i;
	int			j;

	if (rd->lacking == 0)
		return 0;
	for (j = 0; j < rd->nlists; j++)
		if (rd->lists[j].allowed == allowed)
			return rd->lists[j].lacking;
	for (j = 0; allowed[j] && j < 64; j++)
		for (i = 0; i < sizeof(lacking_keys) / sizeof(lacking_keys[0]); i++)
			if ((rd->lacking & ((uint32_t) 1 << i)) && same_key(lacking_keys[i].key, allowed[j]))
				places |= (uint64_t) 1 << j;
	if (rd->nlists < LISTS_KNOWN)
	{
		rd->lists[rd->nlists].allowed = allowed;
		rd->lists[rd->nlists++].lacking = places;
	}
	return places;
}

static bool
check_dialect_key(reader *rd, const cJSON *value, const char *path)
{
	size_t		i;

	for (i = 0; i < sizeof(lacking_keys) / sizeof(lacking_keys[0]); i++)
		if ((rd->lacking & ((uint32_t) 1 << i)) && same_key(lacking_keys[i].key, value->string) &&
			!empty_value(value))
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, value->string),
						   "key \"%s\" is not available on %s", vb_json_key_path(rd->arena, path, value->string),
						   lacking_keys[i].title);
	return true;
}

/*
 * Reject keys outside `allowed` (NULL-terminated), and keys of `later`
 * (contract keys a later release implements) unless their value is
 * empty: null, false, "" or []. An object that passes is known to member().
 */
static bool
check_keys(reader *rd, cJSON *obj, const char *path,
		   const char *const *allowed, const char *const *later)
{
	cJSON	   *value;
	cJSON	   *prev;
	uint64_t	seen = 0;		/* the allowed keys met, by place in allowed */
	uint64_t	keys = 0;		/* key_bit of each key */
	uint64_t	lacking = obj->child ? lacking_places(rd, allowed) : 0;

	cJSON_ArrayForEach(value, obj)
	{
		const char *key = value->string;
		const char *const *a;
		ptrdiff_t	place;
		bool		ok = false;

		keys |= key_bit(key);
		for (a = allowed; *a && !same_key(*a, key); a++)
			;
		place = a - allowed;
		/* every key before passed: an allowed one was met before only as
		 * itself */
		if (*a && place < 64)
		{
			if (seen & ((uint64_t) 1 << place))
				return vb_fail(rd->err, rd->arena, VB_ERR_INVALID,
							   vb_json_key_path(rd->arena, path, key),
							   "key \"%s\" appears twice", vb_json_key_path(rd->arena, path, key));
			seen |= (uint64_t) 1 << place;
			if ((lacking & ((uint64_t) 1 << place)) && !check_dialect_key(rd, value, path))
				return false;
			continue;
		}

		for (prev = obj->child; prev != value; prev = prev->next)
			if (same_key(prev->string, key))
				return vb_fail(rd->err, rd->arena, VB_ERR_INVALID,
							   vb_json_key_path(rd->arena, path, key),
							   "key \"%s\" appears twice", vb_json_key_path(rd->arena, path, key));
		ok = *a != NULL;
		if (ok && !check_dialect_key(rd, value, path))
			return false;
		if (ok)
			continue;
		for (a = later; a && *a; a++)
		{
			if (strcmp(*a, key) != 0)
				continue;
			if (empty_value(value))
				ok = true;
			else
			{
				vb_fail(rd->err, rd->arena, VB_ERR_INVALID,
						vb_json_key_path(rd->arena, path, key),
						"key \"%s\" is not supported by this version of viborm",
						vb_json_key_path(rd->arena, path, key));
				rd->err->hint = vb_strdup(rd->arena, "Remove the key, or upgrade viborm.");
				return false;
			}
		}
		if (!ok)
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID,
						   vb_json_key_path(rd->arena, path, key),
						   "unknown key \"%s\"", vb_json_key_path(rd->arena, path, key));
	}
	know_object(rd, obj, keys);
	return true;
}

static bool
check_identifier(reader *rd, const char *name, const char *path)
{
	if (name[0] == '\0')
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, path,
					   "%s must not be empty", path);
	if (strlen(name) > VB_MAX_IDENT && !is_sqlite(rd))	/* SQLite has no limit */
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, path,
					   "%s \"%s\" is longer than %d bytes", path, name, VB_MAX_IDENT);
	return true;
}

/* Would check_identifier pass? Callers build the path only when not. */
static bool
ident_ok(reader *rd, const char *name)
{
	return name[0] != '\0' && (strlen(name) <= VB_MAX_IDENT || is_sqlite(rd));
}

/* The path of item i of the member `key` of the object at `path`. */
static char *
member_item_path(reader *rd, const char *path, const char *key, size_t i)
{
	return vb_json_item_path(rd->arena, vb_json_key_path(rd->arena, path, key), i);
}

/* Optional string member; *out stays NULL when absent or null. */
static bool
get_string(reader *rd, cJSON *obj, const char *key, const char *path,
		   bool required, bool identifier, char **out)
{
	cJSON	   *v = member(rd, obj, key);

	*out = NULL;
	if (vb_json_absent(v))
	{
		if (required)
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID,
						   vb_json_key_path(rd->arena, path, key),
						   "%s is required", vb_json_key_path(rd->arena, path, key));
		return true;
	}
	if (!cJSON_IsString(v))
		return vb_json_expect(rd->arena, rd->err, v, VB_JSON_STRING, vb_json_key_path(rd->arena, path, key), "a string");
	*out = vb_strdup(rd->arena, v->valuestring);
	/* the path is built only for an error */
	if (identifier && ((*out)[0] == '\0' || strlen(*out) > VB_MAX_IDENT))
		return check_identifier(rd, *out, vb_json_key_path(rd->arena, path, key));
	return true;
}

static bool
get_bool(reader *rd, cJSON *obj, const char *key, const char *path,
		 bool dflt, bool *out)
{
	cJSON	   *v = member(rd, obj, key);

	*out = dflt;
	if (vb_json_absent(v))
		return true;
	if (!cJSON_IsBool(v))
		return vb_json_expect(rd->arena, rd->err, v, VB_JSON_BOOL, vb_json_key_path(rd->arena, path, key), "a boolean");
	*out = cJSON_IsTrue(v);
	return true;
}

/* A comment: PostgreSQL stores an empty one as none. */
static bool
get_comment(reader *rd, cJSON *obj, const char *path, char **out)
{
	if (!get_string(rd, obj, "comment", path, false, false, out))
		return false;
	if (*out && (*out)[0] == '\0')
		*out = NULL;
	return true;
}

/* Array of identifiers (column lists). */
static bool
get_name_list(reader *rd, cJSON *obj, const char *key, const char *path,
			  bool required, vb_list *out)
{
	cJSON	   *v = member(rd, obj, key);
	char	   *p;
	size_t		i;
	cJSON	   *item;
	vb_set		seen;

	/* the paths are built only for an error */
	if (vb_json_absent(v))
	{
		if (required)
		{
			p = vb_json_key_path(rd->arena, path, key);
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, p, "%s is required", p);
		}
		return true;
	}
	if (!cJSON_IsArray(v))
		return vb_json_expect(rd->arena, rd->err, v, VB_JSON_ARRAY,
							  vb_json_key_path(rd->arena, path, key), "an array of names");
	if (required && v->child == NULL)
	{
		p = vb_json_key_path(rd->arena, path, key);
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, p,
					   "%s must name at least one column", p);
	}
	vb_set_init(&seen, rd->arena);
	for (i = 0, item = (v)->child; item != NULL; i++, item = item->next)
	{
		char	   *ip;
		char	   *name;

		STOP_CHECK(rd);
		if (!cJSON_IsString(item))
			return vb_json_expect(rd->arena, rd->err, item, VB_JSON_STRING,
								  member_item_path(rd, path, key, i), "a string");
		name = vb_strdup(rd->arena, item->valuestring);
		if (!ident_ok(rd, name))
			return check_identifier(rd, name, member_item_path(rd, path, key, i));
		if (!vb_set_add(&seen, name))
		{
			ip = member_item_path(rd, path, key, i);
			/* a "schemas" list holds schemas; every other list, columns */
			if (strcmp(key, "schemas") == 0)
				return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
							   "%s: a schema is listed twice", ip);
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
						   "%s: column \"%s\" is listed twice", ip, name);
		}
		vb_list_push(rd->arena, out, name);
	}
	return true;
}

/* A column of the table being read, by name. */
static vb_column *
table_column(reader *rd, const vb_table *t, const char *name)
{
	return vb_column_lookup(&rd->columns, t, name);
}

/* The column `name` of t, named at item i of the member `key` of the
 * object at `path`. */
static bool
columns_exist_one(reader *rd, const vb_table *t, const char *name, const char *path,
				  const char *key, size_t i)
{
	char	   *ip;

	if (table_column(rd, t, name))
		return true;
	ip = member_item_path(rd, path, key, i);
	return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
				   "%s: table \"%s\" has no column \"%s\"", ip, t->name, name);
}

/* The columns of t that the member `key` of the object at `path` lists. */
static bool
columns_exist(reader *rd, const vb_table *t, const vb_list *cols, const char *path,
			  const char *key)
{
	int			i;

	for (i = 0; i < cols->count; i++)
		if (!columns_exist_one(rd, t, cols->items[i], path, key, (size_t) i))
			return false;
	return true;
}

static bool
parse_fk_action(reader *rd, cJSON *obj, const char *key, const char *path,
				vb_fk_action *out)
{
	static const struct
	{
		const char *name;
		vb_fk_action action;
	}			actions[] = {
		{"noAction", VB_FK_NO_ACTION}, {"restrict", VB_FK_RESTRICT},
		{"cascade", VB_FK_CASCADE}, {"setNull", VB_FK_SET_NULL},
		{"setDefault", VB_FK_SET_DEFAULT}
	};
	char	   *s;
	size_t		i;

	*out = VB_FK_NO_ACTION;
	if (!get_string(rd, obj, key, path, false, false, &s))
		return false;
	if (s == NULL)
		return true;
	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (strcmp(s, actions[i].name) == 0)
		{
			*out = actions[i].action;
			return true;
		}
	return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, key),
				   "%s must be one of cascade, setNull, setDefault, restrict, noAction, not \"%s\"",
				   vb_json_key_path(rd->arena, path, key), s);
}

/* serial, serial4, bigserial, ... as shorthand for integer + autoIncrement */
static const char *
serial_base_type(const char *type)
{
	static const char *const map[][2] = {
		{"serial", "integer"}, {"serial4", "integer"},
		{"bigserial", "bigint"}, {"serial8", "bigint"},
		{"smallserial", "smallint"}, {"serial2", "smallint"}
	};
	size_t		i;

	/* the first byte first: this is asked of every column */
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (tolower((unsigned char) type[0]) == map[i][0][0] && strcasecmp(type, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

static bool
is_null_default(const char *s)
{
	size_t		len;

	while (isspace((unsigned char) *s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char) s[len - 1]))
		len--;
	return len == 4 && strncasecmp(s, "null", 4) == 0;
}

/* An integer member: a JSON integer below 2^53, or a string of digits for
 * anything up to the bigint range. */
static bool
get_int64(reader *rd, cJSON *obj, const char *key, const char *path,
		  unsigned flag, unsigned *given, long long *out)
{
	cJSON	   *v = member(rd, obj, key);
	char	   *p;
	char	   *end;

	if (vb_json_absent(v))
		return true;
	p = vb_json_key_path(rd->arena, path, key);
	if (cJSON_IsNumber(v) && v->valuedouble == floor(v->valuedouble) &&
		fabs(v->valuedouble) < 9007199254740992.0)
		*out = (long long) v->valuedouble;
	else if (cJSON_IsString(v) && v->valuestring[0] != '\0')
	{
		errno = 0;
		*out = strtoll(v->valuestring, &end, 10);
		if (*end != '\0' || errno != 0)
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, p,
						   "%s must be an integer in the bigint range, not \"%s\"",
						   p, v->valuestring);
	}
	else
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, p,
					   "%s must be an integer (a string for values beyond 2^53), not %s",
					   p, vb_json_kind(v));
	*given |= flag;
	return true;
}

static bool
read_seq_options(reader *rd, cJSON *obj, const char *path, vb_seq_options *seq)
{
	if (!get_int64(rd, obj, "start", path, VB_SEQ_START, &seq->given, &seq->start) ||
		!get_int64(rd, obj, "increment", path, VB_SEQ_INCREMENT, &seq->given, &seq->increment) ||
		!get_int64(rd, obj, "min", path, VB_SEQ_MIN, &seq->given, &seq->min) ||
		!get_int64(rd, obj, "max", path, VB_SEQ_MAX, &seq->given, &seq->max) ||
		!get_int64(rd, obj, "cache", path, VB_SEQ_CACHE, &seq->given, &seq->cache) ||
		!get_bool(rd, obj, "cycle", path, false, &seq->cycle))
		return false;
	if ((seq->given & VB_SEQ_INCREMENT) && seq->increment == 0)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "increment"),
					   "%s must not be zero", vb_json_key_path(rd->arena, path, "increment"));
	if ((seq->given & VB_SEQ_CACHE) && seq->cache < 1)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "cache"),
					   "%s must be at least 1", vb_json_key_path(rd->arena, path, "cache"));
	return true;
}

static bool
read_column(reader *rd, cJSON *obj, const char *path, vb_column **out)
{
	static const char *const allowed[] = {
		"name", "type", "nullable", "default", "autoIncrement", "identity",
		"generated", "generatedStorage", "collation", "charset", "onUpdate", "invisible",
		"comment", "renamedFrom", NULL
	};
	char	   *storage;
	vb_column  *c = vb_alloc(rd->arena, sizeof(vb_column));
	cJSON	   *dv;
	cJSON	   *idv;
	const char *base;

	if (!vb_json_expect(rd->arena, rd->err, obj, VB_JSON_OBJECT, path, "an object") ||
		!check_keys(rd, obj, path, allowed, NULL) ||
		!get_string(rd, obj, "name", path, true, true, &c->name) ||
		!get_string(rd, obj, "type", path, true, false, &c->type) ||
		!get_string(rd, obj, "generated", path, false, false, &c->generated) ||
		!get_string(rd, obj, "collation", path, false, false, &c->collation) ||
		!get_string(rd, obj, "charset", path, false, true, &c->charset) ||
		!get_string(rd, obj, "onUpdate", path, false, false, &c->on_update) ||
		!get_bool(rd, obj, "invisible", path, false, &c->invisible) ||
		!get_comment(rd, obj, path, &c->comment) ||
		!get_bool(rd, obj, "nullable", path, true, &c->nullable) ||
		!get_bool(rd, obj, "autoIncrement", path, false, &c->auto_increment) ||
		!get_string(rd, obj, "renamedFrom", path, false, true, &c->renamed_from) ||
		!get_string(rd, obj, "generatedStorage", path, false, false, &storage))
		return false;
	c->path = path;
	if (storage && strcmp(storage, "virtual") != 0 && strcmp(storage, "stored") != 0)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "generatedStorage"),
					   "%s must be \"stored\" or \"virtual\", not \"%s\"",
					   vb_json_key_path(rd->arena, path, "generatedStorage"), storage);
	c->generated_virtual = storage && strcmp(storage, "virtual") == 0;
	if (c->generated_virtual && rd->dialect && strcmp(rd->dialect, "pg") == 0)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "generatedStorage"),
					   "%s: PostgreSQL has no virtual generated columns",
					   vb_json_key_path(rd->arena, path, "generatedStorage"));
	if (storage && c->generated == NULL)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "generatedStorage"),
					   "%s requires generated", vb_json_key_path(rd->arena, path, "generatedStorage"));
	/* a SQLite column may have no declared type */
	if (c->type[0] == '\0' && !is_sqlite(rd))
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "type"),
					   "%s must not be empty", vb_json_key_path(rd->arena, path, "type"));
	if ((base = serial_base_type(c->type)) != NULL)
	{
		c->type = vb_strdup(rd->arena, base);
		c->auto_increment = true;
	}

	dv = member(rd, obj, "default");
	if (!vb_json_absent(dv))
	{
		char	   *p = vb_json_key_path(rd->arena, path, "default");

		if (cJSON_IsString(dv))
			c->default_expr = vb_strdup(rd->arena, dv->valuestring);
		else if (cJSON_IsBool(dv))
			c->default_expr = vb_strdup(rd->arena, cJSON_IsTrue(dv) ? "true" : "false");
		else if (cJSON_IsNumber(dv))
		{
			c->default_expr = vb_json_number_text(rd->arena, dv->valuedouble);
			if (c->default_expr == NULL)
				return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, p,
							   "%s: this number cannot be read exactly; write the default as a string",
							   p);
		}
		else
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, p,
						   "%s must be a string (an SQL expression), not %s", p, vb_json_kind(dv));
		if (is_null_default(c->default_expr))
			c->default_expr = NULL;
		else if (c->default_expr[0] == '\0')
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, p,
						   "%s must not be empty", p);
	}

	idv = member(rd, obj, "identity");
	if (!vb_json_absent(idv))
	{
		static const char *const id_allowed[] = {
			"generation", "start", "increment", "min", "max", "cache", "cycle", NULL
		};
		char	   *ip = vb_json_key_path(rd->arena, path, "identity");
		char	   *gen;

		if (!vb_json_expect(rd->arena, rd->err, idv, VB_JSON_OBJECT, ip, "an object") ||
			!check_keys(rd, idv, ip, id_allowed, NULL) ||
			!get_string(rd, idv, "generation", ip, true, false, &gen) ||
			!read_seq_options(rd, idv, ip, &c->seq))
			return false;
		if (strcmp(gen, "always") == 0)
			c->identity = VB_IDENTITY_ALWAYS;
		else if (strcmp(gen, "byDefault") == 0)
			c->identity = VB_IDENTITY_BY_DEFAULT;
		else
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID,
						   vb_json_key_path(rd->arena, ip, "generation"),
						   "%s must be \"always\" or \"byDefault\", not \"%s\"",
						   vb_json_key_path(rd->arena, ip, "generation"), gen);
	}

	if (c->auto_increment && c->default_expr)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "default"),
					   "%s: a column with autoIncrement has no default (its sequence provides it)",
					   vb_json_key_path(rd->arena, path, "default"));
	if (c->identity != VB_IDENTITY_NONE && (c->default_expr || c->auto_increment))
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "identity"),
					   "%s: an identity column has neither a default nor autoIncrement",
					   vb_json_key_path(rd->arena, path, "identity"));
	if (c->generated && (c->default_expr || c->auto_increment ||
						 c->identity != VB_IDENTITY_NONE))
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "generated"),
					   "%s: a generated column has no default, autoIncrement or identity",
					   vb_json_key_path(rd->arena, path, "generated"));
	if (c->generated && c->generated[0] == '\0')
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "generated"),
					   "%s must not be empty", vb_json_key_path(rd->arena, path, "generated"));
	if (c->collation && !ident_ok(rd, c->collation) &&
		!check_identifier(rd, c->collation, vb_json_key_path(rd->arena, path, "collation")))
		return false;
	if (c->on_update && c->on_update[0] == '\0')
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "onUpdate"),
					   "%s must not be empty", vb_json_key_path(rd->arena, path, "onUpdate"));
	if (c->on_update && c->generated)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "onUpdate"),
					   "%s: a generated column has no onUpdate",
					   vb_json_key_path(rd->arena, path, "onUpdate"));
	/* identity and serial-style columns are NOT NULL, as PostgreSQL makes them */
	if (c->identity != VB_IDENTITY_NONE || c->auto_increment)
		c->nullable = false;
	*out = c;
	return true;
}

/* deferrable / initiallyDeferred of a key or a foreign key */
static bool
get_deferrability(reader *rd, cJSON *obj, const char *path, bool *deferrable,
				  bool *initially_deferred)
{
	if (!get_bool(rd, obj, "deferrable", path, false, deferrable) ||
		!get_bool(rd, obj, "initiallyDeferred", path, false, initially_deferred))
		return false;
	if (*initially_deferred && !*deferrable)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID,
					   vb_json_key_path(rd->arena, path, "initiallyDeferred"),
					   "%s requires deferrable: true", vb_json_key_path(rd->arena, path, "initiallyDeferred"));
	return true;
}

/*
 * "with": storage parameters, {"fillfactor": 70, "toast.autovacuum_enabled":
 * false}. Each value becomes the text PostgreSQL stores for it: a number
 * its digits, a boolean true or false, a string itself; null means the
 * parameter is not set. Names and values are checked by the server.
 */
static bool
get_options(reader *rd, cJSON *obj, const char *path, vb_list *out)
{
	cJSON	   *v = member(rd, obj, "with");
	char	   *p;
	cJSON	   *item;
	vb_map		seen;

	if (vb_json_absent(v))
		return true;
	p = vb_json_key_path(rd->arena, path, "with");
	if (!vb_json_expect(rd->arena, rd->err, v, VB_JSON_OBJECT, p, "an object of storage parameters"))
		return false;
	vb_map_init(&seen, rd->arena, cJSON_GetArraySize(v));
	cJSON_ArrayForEach(item, v)
	{
		char	   *ip = item->string[0] ? vb_json_key_path(rd->arena, p, item->string) : p;
		vb_option  *o;
		const char *dot = strchr(item->string, '.');

		if (vb_map_get(&seen, item->string))
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
						   "key \"%s\" appears twice", ip);
		vb_map_put(&seen, item->string, item);
		if (item->string[0] == '\0' || (dot && (dot == item->string || dot[1] == '\0')) ||
			strlen(dot ? dot + 1 : item->string) > VB_MAX_IDENT ||
			(dot && (size_t) (dot - item->string) > VB_MAX_IDENT))
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
						   "%s: a storage parameter is named \"name\" or \"namespace.name\", each part 1 to %d bytes",
						   ip, VB_MAX_IDENT);
		if (cJSON_IsNull(item))
			continue;
		o = vb_alloc(rd->arena, sizeof(vb_option));
		o->name = vb_strdup(rd->arena, item->string);
		if (cJSON_IsString(item))
			o->value = vb_strdup(rd->arena, item->valuestring);
		else if (cJSON_IsBool(item))
			o->value = vb_strdup(rd->arena, cJSON_IsTrue(item) ? "true" : "false");
		else if (cJSON_IsNumber(item))
		{
			o->value = vb_json_number_text(rd->arena, item->valuedouble);
			if (o->value == NULL)
				return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
							   "%s: this number cannot be read exactly; write it as a string", ip);
		}
		else
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
						   "%s must be a number, a boolean or a string, not %s", ip,
						   vb_json_kind(item));
		vb_list_push(rd->arena, out, o);
	}
	return true;
}

static bool
read_key(reader *rd, cJSON *obj, const char *path, vb_table *t, bool primary,
		 vb_key **out)
{
	static const char *const pk_allowed[] = {
		"name", "columns", "deferrable", "initiallyDeferred", "comment", NULL
	};
	static const char *const uq_allowed[] = {
		"name", "columns", "nullsNotDistinct", "deferrable", "initiallyDeferred", "comment",
		"renamedFrom", NULL
	};
	vb_key	   *k = vb_alloc(rd->arena, sizeof(vb_key));

	if (!vb_json_expect(rd->arena, rd->err, obj, VB_JSON_OBJECT, path, "an object") ||
		!check_keys(rd, obj, path, primary ? pk_allowed : uq_allowed, NULL) ||
		!get_bool(rd, obj, "nullsNotDistinct", path, false, &k->nulls_not_distinct) ||
		!get_string(rd, obj, "name", path, false, true, &k->name) ||
		!get_comment(rd, obj, path, &k->comment) ||
		!get_name_list(rd, obj, "columns", path, true, &k->columns) ||
		!columns_exist(rd, t, &k->columns, path, "columns") ||
		!get_deferrability(rd, obj, path, &k->deferrable, &k->initially_deferred) ||
		!get_comment(rd, obj, path, &k->comment))
		return false;
	if (!primary && !get_string(rd, obj, "renamedFrom", path, false, true, &k->renamed_from))
		return false;
	k->path = path;
	*out = k;
	return true;
}

/* An index element's prefix length (MySQL): a positive integer. */
static bool
get_prefix_length(reader *rd, cJSON *obj, const char *path, int *out)
{
	cJSON	   *v = member(rd, obj, "length");
	char	   *p;

	*out = 0;
	if (vb_json_absent(v))
		return true;
	p = vb_json_key_path(rd->arena, path, "length");
	if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) ||
		v->valuedouble < 1 || v->valuedouble > 65535)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, p,
					   "%s must be an integer from 1 to 65535", p);
	*out = (int) v->valuedouble;
	return true;
}

/* Element i of the columns of the index at `path`: a column name or an
 * object. */
static bool
read_index_elem(reader *rd, cJSON *item, const char *path, size_t i, vb_index_elem **out)
{
	static const char *const el_allowed[] = {
		"column", "expression", "order", "nulls", "opclass", "collation", "length", NULL
	};
	vb_index_elem *el = vb_alloc(rd->arena, sizeof(vb_index_elem));
	char	   *order = NULL;
	char	   *nulls = NULL;
	char	   *ip;

	*out = el;
	if (cJSON_IsString(item))
	{
		el->column = vb_strdup(rd->arena, item->valuestring);
		return ident_ok(rd, el->column) ||
			check_identifier(rd, el->column, member_item_path(rd, path, "columns", i));
	}
	ip = member_item_path(rd, path, "columns", i);
	if (!cJSON_IsObject(item))
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
					   "%s must be a column name or an object, not %s", ip, vb_json_kind(item));
	if (!check_keys(rd, item, ip, el_allowed, NULL) ||
		!get_string(rd, item, "column", ip, false, true, &el->column) ||
		!get_string(rd, item, "expression", ip, false, false, &el->expression) ||
		!get_string(rd, item, "order", ip, false, false, &order) ||
		!get_string(rd, item, "nulls", ip, false, false, &nulls) ||
		!get_string(rd, item, "opclass", ip, false, false, &el->opclass) ||
		!get_string(rd, item, "collation", ip, false, false, &el->collation) ||
		!get_prefix_length(rd, item, ip, &el->length))
		return false;
	if ((el->column == NULL) == (el->expression == NULL))
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
					   "%s must have exactly one of \"column\" and \"expression\"", ip);
	if (el->length > 0 && el->column == NULL)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, ip, "length"),
					   "%s: only a column has a prefix length", vb_json_key_path(rd->arena, ip, "length"));
	if (el->expression && el->expression[0] == '\0')
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, ip, "expression"),
					   "%s must not be empty", vb_json_key_path(rd->arena, ip, "expression"));
	if (order && strcmp(order, "asc") != 0 && strcmp(order, "desc") != 0)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, ip, "order"),
					   "%s must be \"asc\" or \"desc\", not \"%s\"",
					   vb_json_key_path(rd->arena, ip, "order"), order);
	el->desc = order && strcmp(order, "desc") == 0;
	if (nulls && strcmp(nulls, "first") == 0)
		el->nulls = VB_NULLS_FIRST;
	else if (nulls && strcmp(nulls, "last") == 0)
		el->nulls = VB_NULLS_LAST;
	else if (nulls)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, ip, "nulls"),
					   "%s must be \"first\" or \"last\", not \"%s\"",
					   vb_json_key_path(rd->arena, ip, "nulls"), nulls);
	/* the default order of NULLs is no order at all */
	if ((el->nulls == VB_NULLS_LAST && !el->desc) || (el->nulls == VB_NULLS_FIRST && el->desc))
		el->nulls = VB_NULLS_DEFAULT;
	if ((el->opclass && !check_identifier(rd, el->opclass, vb_json_key_path(rd->arena, ip, "opclass"))) ||
		(el->collation && !check_identifier(rd, el->collation, vb_json_key_path(rd->arena, ip, "collation"))))
		return false;
	return true;
}

static bool
read_index(reader *rd, cJSON *obj, const char *path, vb_table *t, vb_index **out)
{
	static const char *const allowed[] = {
		"name", "columns", "unique", "type", "where", "include", "nullsNotDistinct",
		"with", "visible", "comment", "renamedFrom", NULL
	};
	vb_index   *ix = vb_alloc(rd->arena, sizeof(vb_index));
	cJSON	   *cols;
	cJSON	   *item;
	size_t		i;
	char	   *cp;
	vb_set		plain;
	bool		visible;

	if (!vb_json_expect(rd->arena, rd->err, obj, VB_JSON_OBJECT, path, "an object") ||
		!check_keys(rd, obj, path, allowed, NULL) ||
		!get_string(rd, obj, "name", path, false, true, &ix->name) ||
		!get_bool(rd, obj, "unique", path, false, &ix->unique) ||
		!get_bool(rd, obj, "nullsNotDistinct", path, false, &ix->nulls_not_distinct) ||
		!get_string(rd, obj, "type", path, false, false, &ix->method) ||
		!get_string(rd, obj, "where", path, false, false, &ix->where) ||
		!get_name_list(rd, obj, "include", path, false, &ix->include) ||
		!columns_exist(rd, t, &ix->include, path, "include") ||
		!get_options(rd, obj, path, &ix->with) ||
		!get_bool(rd, obj, "visible", path, true, &visible) ||
		!get_comment(rd, obj, path, &ix->comment) ||
		!get_string(rd, obj, "renamedFrom", path, false, true, &ix->renamed_from))
		return false;
	ix->invisible = !visible;
	ix->path = path;
	vb_set_init(&plain, rd->arena);
	if (ix->method == NULL)
		ix->method = vb_strdup(rd->arena, "btree");
	else if (is_sqlite(rd) && strcasecmp(ix->method, "btree") != 0)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "type"),
					   "%s: SQLite has no index type \"%s\"", vb_json_key_path(rd->arena, path, "type"),
					   ix->method);
	else
	{
		char	   *m;

		for (m = ix->method; *m; m++)
			*m = (char) tolower((unsigned char) *m);
		if (!check_identifier(rd, ix->method, vb_json_key_path(rd->arena, path, "type")))
			return false;
	}
	if (ix->where && ix->where[0] == '\0')
		ix->where = NULL;
	if (ix->nulls_not_distinct && !ix->unique)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "nullsNotDistinct"),
					   "%s requires unique: true", vb_json_key_path(rd->arena, path, "nullsNotDistinct"));

	cols = member(rd, obj, "columns");
	if (vb_json_absent(cols) || !cJSON_IsArray(cols) || cols->child == NULL)
	{
		cp = vb_json_key_path(rd->arena, path, "columns");
		if (vb_json_absent(cols))
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, cp, "%s is required", cp);
		if (!vb_json_expect(rd->arena, rd->err, cols, VB_JSON_ARRAY, cp, "an array"))
			return false;
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, cp,
					   "%s must name at least one column", cp);
	}
	for (i = 0, item = (cols)->child; item != NULL; i++, item = item->next)
	{
		vb_index_elem *el = NULL;

		STOP_CHECK(rd);
		if (!read_index_elem(rd, item, path, i, &el))
			return false;
		/* SQLite indexes may list a column twice (with two collations) */
		if (el->column && !vb_set_add(&plain, el->column) && !is_sqlite(rd))
		{
			char	   *ip = member_item_path(rd, path, "columns", i);

			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
						   "%s: column \"%s\" is listed twice", ip, el->column);
		}
		vb_list_push(rd->arena, &ix->elements, el);
		/* the face replaces "expr" by the name PostgreSQL derives */
		vb_list_push(rd->arena, &ix->columns, el->column ? el->column : vb_strdup(rd->arena, "expr"));
		if (el->column && !columns_exist_one(rd, t, el->column, path, "columns", i))
			return false;
	}
	*out = ix;
	return true;
}

static bool
read_check(reader *rd, cJSON *obj, const char *path, vb_table *t, vb_check **out)
{
	static const char *const allowed[] = {
		"name", "expression", "notValid", "noInherit", "enforced", "comment", "renamedFrom", NULL
	};
	bool		enforced;
	vb_check   *ck = vb_alloc(rd->arena, sizeof(vb_check));

	(void) t;
	if (!vb_json_expect(rd->arena, rd->err, obj, VB_JSON_OBJECT, path, "an object") ||
		!check_keys(rd, obj, path, allowed, NULL) ||
		!get_string(rd, obj, "name", path, false, true, &ck->name) ||
		!get_string(rd, obj, "expression", path, true, false, &ck->expression) ||
		!get_bool(rd, obj, "notValid", path, false, &ck->not_valid) ||
		!get_bool(rd, obj, "noInherit", path, false, &ck->no_inherit) ||
		!get_comment(rd, obj, path, &ck->comment) ||
		!get_bool(rd, obj, "enforced", path, true, &enforced) ||
		!get_string(rd, obj, "renamedFrom", path, false, true, &ck->renamed_from))
		return false;
	if (ck->expression[0] == '\0')
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "expression"),
					   "%s must not be empty", vb_json_key_path(rd->arena, path, "expression"));
	ck->not_enforced = !enforced;
	ck->path = path;
	*out = ck;
	return true;
}

static bool
read_foreign_key(reader *rd, cJSON *obj, const char *path, vb_table *t,
				 vb_foreign_key **out)
{
	static const char *const allowed[] = {
		"name", "columns", "referencedTable", "referencedColumns",
		"referencedSchema", "onDelete", "onUpdate", "deferrable",
		"initiallyDeferred", "match", "notValid", "comment", "renamedFrom", NULL
	};
	vb_foreign_key *fk = vb_alloc(rd->arena, sizeof(vb_foreign_key));
	char	   *match = NULL;

	if (!vb_json_expect(rd->arena, rd->err, obj, VB_JSON_OBJECT, path, "an object") ||
		!check_keys(rd, obj, path, allowed, NULL) ||
		!get_bool(rd, obj, "notValid", path, false, &fk->not_valid) ||
		!get_string(rd, obj, "name", path, false, true, &fk->name) ||
		!get_name_list(rd, obj, "columns", path, true, &fk->columns) ||
		!columns_exist(rd, t, &fk->columns, path, "columns") ||
		!get_string(rd, obj, "referencedTable", path, true, true, &fk->ref_table) ||
		!get_string(rd, obj, "referencedSchema", path, false, true, &fk->ref_schema) ||
		!get_name_list(rd, obj, "referencedColumns", path, true, &fk->ref_columns) ||
		!parse_fk_action(rd, obj, "onDelete", path, &fk->on_delete) ||
		!parse_fk_action(rd, obj, "onUpdate", path, &fk->on_update) ||
		!get_deferrability(rd, obj, path, &fk->deferrable, &fk->initially_deferred) ||
		!get_string(rd, obj, "match", path, false, false, &match) ||
		!get_comment(rd, obj, path, &fk->comment) ||
		!get_string(rd, obj, "renamedFrom", path, false, true, &fk->renamed_from))
		return false;
	fk->path = path;
	if (match && strcmp(match, "full") != 0 && strcmp(match, "simple") != 0)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "match"),
					   "%s must be \"simple\" or \"full\", not \"%s\"",
					   vb_json_key_path(rd->arena, path, "match"), match);
	fk->match_full = match && strcmp(match, "full") == 0;
	if (fk->ref_schema == NULL)
		fk->ref_schema = t->schema;
	if (fk->columns.count != fk->ref_columns.count)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID,
					   vb_json_key_path(rd->arena, path, "referencedColumns"),
					   "%s has %d columns but %s has %d",
					   vb_json_key_path(rd->arena, path, "columns"), fk->columns.count,
					   vb_json_key_path(rd->arena, path, "referencedColumns"), fk->ref_columns.count);
	*out = fk;
	return true;
}

/* Read an array member whose items are objects, calling `fn` on each. */
typedef bool (*item_reader) (reader *rd, cJSON *item, const char *path,
							 vb_table *t, void **out);

static bool
read_array(reader *rd, cJSON *obj, const char *key, const char *path,
		   vb_table *t, item_reader fn, vb_list *out)
{
	cJSON	   *v = member(rd, obj, key);
	char	   *p = vb_json_key_path(rd->arena, path, key);
	cJSON	   *item;
	size_t		i;

	if (vb_json_absent(v))
		return true;
	if (!vb_json_expect(rd->arena, rd->err, v, VB_JSON_ARRAY, p, "an array"))
		return false;
	for (i = 0, item = (v)->child; item != NULL; i++, item = item->next)
	{
		void	   *x = NULL;

		STOP_CHECK(rd);
		if (!fn(rd, item, vb_json_item_path(rd->arena, p, i), t, &x))
			return false;
		vb_list_push(rd->arena, out, x);
	}
	return true;
}

static bool
unique_item(reader *rd, cJSON *item, const char *path, vb_table *t, void **out)
{
	return read_key(rd, item, path, t, false, (vb_key **) out);
}

static bool
index_item(reader *rd, cJSON *item, const char *path, vb_table *t, void **out)
{
	return read_index(rd, item, path, t, (vb_index **) out);
}

static bool
check_item(reader *rd, cJSON *item, const char *path, vb_table *t, void **out)
{
	return read_check(rd, item, path, t, (vb_check **) out);
}

static bool
fk_item(reader *rd, cJSON *item, const char *path, vb_table *t, void **out)
{
	return read_foreign_key(rd, item, path, t, (vb_foreign_key **) out);
}

/*
 * Two named objects of one table that would share a name. PostgreSQL (and
 * the other dialects but MySQL) has two namespaces: constraints (primary
 * key, unique constraints, foreign keys, checks) and relations (the
 * indexes, including those of the primary key and the unique constraints),
 * so a foreign key or a check may have the name of a plain index:
 * PostgreSQL allows it, and introspect emits it. On MySQL (`mysql`) keys
 * and indexes, foreign keys, and checks are three namespaces: an FK and the
 * index MySQL makes for it share their name.
 */
static bool
check_unique_names(reader *rd, vb_table *t, bool mysql)
{
	vb_set		constraints;
	vb_set		relations;
	vb_set		fk_names;
	vb_set		check_names;
	vb_set	   *fks = mysql ? &fk_names : &constraints;
	vb_set	   *cks = mysql ? &check_names : &constraints;
	int			i;

	vb_set_init(&constraints, rd->arena);
	vb_set_init(&relations, rd->arena);
	vb_set_init(&fk_names, rd->arena);
	vb_set_init(&check_names, rd->arena);
#define CHECK_NAME(set, nm, pth) \
	do { \
		if ((nm) != NULL && !vb_set_add((set), (nm))) \
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, (pth), \
						   "%s: the name \"%s\" is used twice in table \"%s\"", \
						   (pth), (nm), t->name); \
	} while (0)
	if (t->primary_key)
	{
		if (!mysql)
			CHECK_NAME(&constraints, t->primary_key->name, t->primary_key->path);
		CHECK_NAME(&relations, t->primary_key->name, t->primary_key->path);
	}
	for (i = 0; i < t->uniques.count; i++)
	{
		vb_key	   *k = t->uniques.items[i];

		if (!mysql)
			CHECK_NAME(&constraints, k->name, k->path);
		CHECK_NAME(&relations, k->name, k->path);
	}
	for (i = 0; i < t->indexes.count; i++)
		CHECK_NAME(&relations, ((vb_index *) t->indexes.items[i])->name,
				   ((vb_index *) t->indexes.items[i])->path);
	for (i = 0; i < t->foreign_keys.count; i++)
		CHECK_NAME(fks, ((vb_foreign_key *) t->foreign_keys.items[i])->name,
				   ((vb_foreign_key *) t->foreign_keys.items[i])->path);
	for (i = 0; i < t->checks.count; i++)
		CHECK_NAME(cks, ((vb_check *) t->checks.items[i])->name,
				   ((vb_check *) t->checks.items[i])->path);
#undef CHECK_NAME
	return true;
}

/* The object of a column in a columns array. */
static cJSON *
column_object(cJSON *cols, const vb_column *c)
{
	cJSON	   *item;

	for (item = cols->child; item != NULL; item = item->next)
		if (strcmp(vb_json_member(item, "name")->valuestring, c->name) == 0)
			return item;
	return NULL;
}

static bool
read_table(reader *rd, cJSON *obj, const char *path, bool mysql, vb_table **out)
{
	static const char *const allowed[] = {
		"name", "schema", "columns", "primaryKey", "uniqueConstraints",
		"indexes", "foreignKeys", "checks", "with", "comment", "engine", "charset",
		"collation", "strict", "withoutRowid", "renamedFrom", NULL
	};
	vb_table   *t = vb_alloc(rd->arena, sizeof(vb_table));
	cJSON	   *cols;
	cJSON	   *item;
	cJSON	   *pk;
	size_t		i;
	char	   *cp = vb_json_key_path(rd->arena, path, "columns");
	vb_set		names;

	if (!vb_json_expect(rd->arena, rd->err, obj, VB_JSON_OBJECT, path, "an object") ||
		!check_keys(rd, obj, path, allowed, NULL) ||
		!get_string(rd, obj, "name", path, true, true, &t->name) ||
		!get_string(rd, obj, "schema", path, false, true, &t->schema) ||
		!get_comment(rd, obj, path, &t->comment) ||
		!get_options(rd, obj, path, &t->with) ||
		!get_string(rd, obj, "engine", path, false, true, &t->engine) ||
		!get_string(rd, obj, "charset", path, false, true, &t->charset) ||
		!get_string(rd, obj, "collation", path, false, true, &t->collation) ||
		!get_string(rd, obj, "renamedFrom", path, false, false, &t->renamed_from) ||
		!get_bool(rd, obj, "strict", path, false, &t->strict) ||
		!get_bool(rd, obj, "withoutRowid", path, false, &t->without_rowid))
		return false;
	t->path = path;
	if (t->schema == NULL)
		t->schema = vb_strdup(rd->arena, vb_default_namespace(rd->dialect));
	else if (is_sqlite(rd) && strcmp(t->schema, "main") != 0)
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_key_path(rd->arena, path, "schema"),
					   "%s: a SQLite database has one schema, \"main\", not \"%s\"",
					   vb_json_key_path(rd->arena, path, "schema"), t->schema);

	cols = member(rd, obj, "columns");
	if (vb_json_absent(cols))
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, cp, "%s is required", cp);
	if (!vb_json_expect(rd->arena, rd->err, cols, VB_JSON_ARRAY, cp, "an array"))
		return false;
	vb_set_init(&names, rd->arena);
	for (i = 0, item = (cols)->child; item != NULL; i++, item = item->next)
	{
		vb_column  *c = NULL;

		STOP_CHECK(rd);
		if (!read_column(rd, item, vb_json_item_path(rd->arena, cp, i), &c))
			return false;
		if (!vb_set_add(&names, c->name))
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vb_json_item_path(rd->arena, cp, i),
						   "%s: column \"%s\" appears twice in table \"%s\"",
						   vb_json_item_path(rd->arena, cp, i), c->name, t->name);
		vb_list_push(rd->arena, &t->columns, c);
	}

	pk = member(rd, obj, "primaryKey");
	if (!vb_json_absent(pk))
	{
		if (!read_key(rd, pk, vb_json_key_path(rd->arena, path, "primaryKey"), t, true, &t->primary_key))
			return false;
		for (i = 0; i < (size_t) t->primary_key->columns.count; i++)
		{
			vb_column  *c = table_column(rd, t, t->primary_key->columns.items[i]);

			/* SQLite keeps an explicit "nullable": true on a rowid table's
			 * key: such a column accepts NULL (docs/sqlite.md) */
			if (!is_sqlite(rd) || vb_json_absent(member(rd, column_object(cols, c), "nullable")))
				c->nullable = false;
		}
	}
	if (!read_array(rd, obj, "uniqueConstraints", path, t, unique_item, &t->uniques) ||
		!read_array(rd, obj, "indexes", path, t, index_item, &t->indexes) ||
		!read_array(rd, obj, "foreignKeys", path, t, fk_item, &t->foreign_keys) ||
		!read_array(rd, obj, "checks", path, t, check_item, &t->checks) ||
		!check_unique_names(rd, t, mysql))
		return false;
	*out = t;
	return true;
}

static bool
read_enum(reader *rd, cJSON *obj, const char *path, vb_enum **out)
{
	static const char *const allowed[] = {"name", "schema", "values", "renamedFrom", NULL};
	vb_enum    *e = vb_alloc(rd->arena, sizeof(vb_enum));
	cJSON	   *vals;
	cJSON	   *item;
	size_t		i;
	char	   *vp = vb_json_key_path(rd->arena, path, "values");
	vb_set		seen;

	if (!vb_json_expect(rd->arena, rd->err, obj, VB_JSON_OBJECT, path, "an object") ||
		!check_keys(rd, obj, path, allowed, NULL) ||
		!get_string(rd, obj, "name", path, true, true, &e->name) ||
		!get_string(rd, obj, "schema", path, false, true, &e->schema) ||
		!get_string(rd, obj, "renamedFrom", path, false, true, &e->renamed_from))
		return false;
	e->path = path;
	if (e->schema == NULL)
		e->schema = vb_strdup(rd->arena, "public");
	vals = member(rd, obj, "values");
	if (vb_json_absent(vals))
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, vp, "%s is required", vp);
	if (!vb_json_expect(rd->arena, rd->err, vals, VB_JSON_ARRAY, vp, "an array"))
		return false;
	vb_set_init(&seen, rd->arena);
	for (i = 0, item = (vals)->child; item != NULL; i++, item = item->next)
	{
		char	   *ip;
		vb_enum_value *v = vb_alloc(rd->arena, sizeof(vb_enum_value));

		STOP_CHECK(rd);
		ip = vb_json_item_path(rd->arena, vp, i);
		if (cJSON_IsString(item))
			v->name = vb_strdup(rd->arena, item->valuestring);
		else if (cJSON_IsObject(item))
		{
			static const char *const v_allowed[] = {"name", "renamedFrom", NULL};

			if (!check_keys(rd, item, ip, v_allowed, NULL) ||
				!get_string(rd, item, "name", ip, true, false, &v->name) ||
				!get_string(rd, item, "renamedFrom", ip, false, false, &v->renamed_from))
				return false;
		}
		else
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
						   "%s must be a string or an object, not %s", ip, vb_json_kind(item));
		if (v->name[0] == '\0' || strlen(v->name) > VB_MAX_IDENT)
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
						   "%s: an enum value must have 1 to %d bytes", ip, VB_MAX_IDENT);
		if (!vb_set_add(&seen, v->name))
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ip,
						   "%s: value \"%s\" appears twice in enum \"%s\"",
						   ip, v->name, e->name);
		vb_list_push(rd->arena, &e->values, v);
	}
	*out = e;
	return true;
}

void
vb_json_set_allocator(void *(*alloc_fn) (size_t), void (*free_fn) (void *))
{
	cJSON_Hooks hooks;

	hooks.malloc_fn = alloc_fn;
	hooks.free_fn = free_fn;
	cJSON_InitHooks(&hooks);
}


/* The model form's serializer names PostgreSQL's schema; on SQLite every
 * table is in "main". */
static void
rehome(vb_schema *s, const char *nsp)
{
	int			i;
	int			j;

	for (i = 0; i < s->tables.count; i++)
	{
		vb_table   *t = s->tables.items[i];

		t->schema = (char *) nsp;
		for (j = 0; j < t->foreign_keys.count; j++)
			((vb_foreign_key *) t->foreign_keys.items[j])->ref_schema = (char *) nsp;
	}
}

static bool
read_document(vb_arena *arena, const char *json, const char *target, vb_schema **out,
			  vb_error *err)
{
	static const char *const allowed[] = {
		"version", "dialect", "schemas", "tables", "enums", NULL
	};
	reader		rd = {arena, err, {0}, NULL, 0, {{0}}, 0, {{0}}, NULL, 0};
	cJSON	   *root;
	cJSON	   *v;
	cJSON	   *item;
	size_t		i;
	bool		ok = false;
	vb_schema  *s = vb_alloc(arena, sizeof(vb_schema));
	vb_map		seen;

	vb_column_index_init(&rd.columns, arena);
	root = vb_json_parse(arena, json, "the schema document", "", err);
	if (root == NULL)
		return false;

	if (!cJSON_IsObject(root))
	{
		vb_fail(err, arena, VB_ERR_INVALID, "", "the schema document must be a JSON object, not %s",
				vb_json_kind(root));
		goto done;
	}
	if (member(&rd, root, "models"))
	{
		/* the model form: VibORM's serializer, for the target (PostgreSQL
		 * when none is given) */
		vb_json_discard(root);
		if (!vb_model_read(arena, json, target ? target : "pg", out, err))
			return false;
		if (target)
			(*out)->dialect = vb_strdup(arena, target);
		rehome(*out, vb_default_namespace(target));
		return true;
	}
	if (!get_string(&rd, root, "dialect", "", false, false, &s->dialect))
		goto done;
	if (s->dialect && strcmp(s->dialect, "pg") != 0 && strcmp(s->dialect, "mysql") != 0 &&
		strcmp(s->dialect, "sqlite") != 0)
	{
		vb_fail(err, arena, VB_ERR_INVALID, "dialect",
				"dialect must be \"pg\", \"mysql\" or \"sqlite\", not \"%s\"", s->dialect);
		goto done;
	}
	if (s->dialect && target && strcmp(s->dialect, target) != 0)
	{
		vb_fail(err, arena, VB_ERR_INVALID, "dialect",
				"the document is for dialect \"%s\", the target is \"%s\"", s->dialect, target);
		goto done;
	}
	if (s->dialect == NULL && target)
		s->dialect = vb_strdup(arena, target);
	set_dialect(&rd, s->dialect);
	if (!check_keys(&rd, root, "", allowed, NULL))
		goto done;

	v = member(&rd, root, "version");
	if (!vb_json_absent(v) && !(cJSON_IsNumber(v) && v->valuedouble == 1.0))
	{
		vb_fail(err, arena, VB_ERR_INVALID, "version", "version must be 1");
		goto done;
	}
	s->schemas_given = !vb_json_absent(member(&rd, root, "schemas"));
	if (!get_name_list(&rd, root, "schemas", "", false, &s->schemas))
		goto done;

	v = member(&rd, root, "tables");
	if (vb_json_absent(v))
	{
		vb_fail(err, arena, VB_ERR_INVALID, "tables", "tables is required");
		goto done;
	}
	if (!vb_json_expect(rd.arena, rd.err, v, VB_JSON_ARRAY, "tables", "an array"))
		goto done;
	vb_map_init(&seen, arena, 16);
	for (i = 0, item = (v)->child; item != NULL; i++, item = item->next)
	{
		vb_table   *t = NULL;
		char	   *p;

		if (vb_should_stop(arena))
		{
			vb_canceled(err, arena);
			goto done;
		}
		p = vb_json_item_path(rd.arena, "tables", i);
		if (!read_table(&rd, item, p, s->dialect && strcmp(s->dialect, "mysql") == 0, &t))
			goto done;
		if (vb_map_get(&seen, vb_key2(arena, t->schema, t->name)))
		{
			vb_fail(err, arena, VB_ERR_INVALID, p, "%s: table \"%s.%s\" appears twice",
					p, t->schema, t->name);
			goto done;
		}
		vb_list_push(arena, &s->tables, t);
		vb_map_put(&seen, vb_key2(arena, t->schema, t->name), t);
	}

	v = member(&rd, root, "enums");
	if (!vb_json_absent(v))
	{
		if (!vb_json_expect(rd.arena, rd.err, v, VB_JSON_ARRAY, "enums", "an array"))
			goto done;
		vb_map_init(&seen, arena, 16);
		for (i = 0, item = (v)->child; item != NULL; i++, item = item->next)
		{
			vb_enum    *e = NULL;
			char	   *p;

			if (vb_should_stop(arena))
			{
				vb_canceled(err, arena);
				goto done;
			}
			p = vb_json_item_path(rd.arena, "enums", i);
			if (!read_enum(&rd, item, p, &e))
				goto done;
			if (vb_map_get(&seen, vb_key2(arena, e->schema, e->name)))
			{
				vb_fail(err, arena, VB_ERR_INVALID, p, "%s: enum \"%s.%s\" appears twice",
						p, e->schema, e->name);
				goto done;
			}
			vb_map_put(&seen, vb_key2(arena, e->schema, e->name), e);
			vb_list_push(arena, &s->enums, e);
		}
	}
	*out = s;
	ok = true;
done:
	vb_json_discard(root);
	return ok;
}

bool
vb_document_read(vb_arena *arena, const char *json, vb_schema **out, vb_error *err)
{
	return read_document(arena, json, NULL, out, err);
}

bool
vb_document_read_for(vb_arena *arena, const char *json, const char *dialect,
					 vb_schema **out, vb_error *err)
{
	return read_document(arena, json, dialect, out, err);
}

static bool
read_resolution_value(reader *rd, cJSON *v, const char *path, vb_resolution *out)
{
	const char *s;

	if (!vb_json_expect(rd->arena, rd->err, v, VB_JSON_STRING, path, "\"rename\" or \"addAndDrop\""))
		return false;
	s = v->valuestring;
	if (strcmp(s, "rename") == 0)
		*out = VB_RESOLVE_RENAME;
	else if (strcmp(s, "addAndDrop") == 0)
		*out = VB_RESOLVE_ADD_AND_DROP;
	else
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, path,
					   "%s must be \"rename\" or \"addAndDrop\", not \"%s\"", path, s);
	return true;
}

/* PostgreSQL's limit for lock_timeout: INT_MAX milliseconds. */
#define MAX_LOCK_TIMEOUT_MS 2147483647LL

/*
 * A duration ("500ms", "5s", "1min", "2h", plain digits for milliseconds)
 * in milliseconds, or -1 when the text is not one. Huge numbers saturate
 * (beyond any limit, without overflow), so the caller can say which limit
 * they break.
 */
static long long
duration_ms(const char *s)
{
	static const struct
	{
		const char *unit;
		long long	ms;
	}			units[] = {
		{"", 1}, {"ms", 1}, {"s", 1000}, {"min", 60000}, {"h", 3600000}
	};
	const char *p = s;
	long long	n = 0;
	size_t		i;

	if (!isdigit((unsigned char) *p))
		return -1;
	for (; isdigit((unsigned char) *p); p++)
		n = n < 100000000000LL ? n * 10 + (*p - '0') : 1000000000000LL;
	while (*p == ' ')
		p++;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(p, units[i].unit) == 0)
			return n * units[i].ms;
	return -1;
}

static bool
read_enum_mapping(reader *rd, cJSON *item, const char *p, vb_enum_mapping *m)
{
	static const char *const allowed[] = {"enum", "schema", "table", "column", "map", NULL};
	cJSON	   *map;
	cJSON	   *e;
	char	   *mp = vb_json_key_path(rd->arena, p, "map");
	vb_set		seen;

	if (!vb_json_expect(rd->arena, rd->err, item, VB_JSON_OBJECT, p, "an object") ||
		!check_keys(rd, item, p, allowed, NULL) ||
		!get_string(rd, item, "enum", p, true, true, &m->enum_name) ||
		!get_string(rd, item, "schema", p, false, true, &m->schema) ||
		!get_string(rd, item, "table", p, false, true, &m->table) ||
		!get_string(rd, item, "column", p, false, true, &m->column))
		return false;
	if ((m->table == NULL) != (m->column == NULL))
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, p,
					   "%s: \"table\" and \"column\" go together", p);
	if (m->schema == NULL)
		m->schema = vb_strdup(rd->arena, "public");
	m->path = p;
	map = member(rd, item, "map");
	if (vb_json_absent(map))
		return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, mp, "%s is required", mp);
	if (!vb_json_expect(rd->arena, rd->err, map, VB_JSON_OBJECT, mp, "an object"))
		return false;
	vb_set_init(&seen, rd->arena);
	for (e = map->child; e != NULL; e = e->next)
	{
		char	   *ep;

		STOP_CHECK(rd);
		ep = vb_json_key_path(rd->arena, mp, e->string);
		if (!cJSON_IsNull(e) && !cJSON_IsString(e))
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ep,
						   "%s must be a value of the enum or null, not %s", ep, vb_json_kind(e));
		if (!vb_set_add(&seen, e->string))
			return vb_fail(rd->err, rd->arena, VB_ERR_INVALID, ep,
						   "%s: value \"%s\" appears twice", ep, e->string);
		vb_list_push(rd->arena, &m->from, vb_strdup(rd->arena, e->string));
		vb_list_push(rd->arena, &m->to, cJSON_IsNull(e) ? NULL : vb_strdup(rd->arena, e->valuestring));
	}
	return true;
}

static bool
read_enum_mappings(reader *rd, cJSON *v, vb_options *o)
{
	cJSON	   *item;
	size_t		i;

	if (vb_json_absent(v))
		return true;
	if (!vb_json_expect(rd->arena, rd->err, v, VB_JSON_ARRAY, "options.enumValueMappings", "an array"))
		return false;
	for (i = 0, item = v->child; item != NULL; i++, item = item->next)
	{
		vb_enum_mapping *m = vb_alloc(rd->arena, sizeof(vb_enum_mapping));

		STOP_CHECK(rd);
		if (!read_enum_mapping(rd, item, vb_json_item_path(rd->arena, "options.enumValueMappings", i), m))
			return false;
		vb_list_push(rd->arena, &o->enum_mappings, m);
	}
	return true;
}

bool
vb_options_read(vb_arena *arena, const char *json, vb_options **out, vb_error *err)
{
	static const char *const allowed[] = {
		"force", "dryRun", "resolutions", "lockTimeout", "schemas", "enumValueMappings", NULL
	};
	reader		rd = {arena, err, {0}, NULL, 0, {{0}}, 0, {{0}}, NULL, 0};
	cJSON	   *root;
	cJSON	   *v;
	bool		ok = false;
	vb_options *o = vb_alloc(arena, sizeof(vb_options));
	int			k;

	vb_column_index_init(&rd.columns, arena);
	root = vb_json_parse(arena, json ? json : "{}", "the options", "options", err);
	if (root == NULL)
		return false;
	if (!vb_json_expect(rd.arena, rd.err, root, VB_JSON_OBJECT, "options", "an object") ||
		!check_keys(&rd, root, "options", allowed, NULL) ||
		!read_enum_mappings(&rd, member(&rd, root, "enumValueMappings"), o) ||
		!get_bool(&rd, root, "force", "options", false, &o->force) ||
		!get_bool(&rd, root, "dryRun", "options", false, &o->dry_run) ||
		!get_string(&rd, root, "lockTimeout", "options", false, false, &o->lock_timeout) ||
		!get_name_list(&rd, root, "schemas", "options", false, &o->schemas))
		goto done;
	for (k = 0; k < o->schemas.count; k++)
	{
		const char *why = vb_reserved_schema(o->schemas.items[k]);

		if (why)
		{
			vb_fail(err, arena, VB_ERR_INVALID, vb_printf(arena, "options.schemas[%d]", k),
					"options.schemas[%d]: schema \"%s\" %s and cannot be managed", k,
					(char *) o->schemas.items[k], why);
			goto done;
		}
	}
	if (o->lock_timeout == NULL)
		o->lock_timeout = vb_strdup(arena, "5s");
	else if (duration_ms(o->lock_timeout) < 0)
	{
		vb_fail(err, arena, VB_ERR_INVALID, "options.lockTimeout",
				"options.lockTimeout must be a duration such as \"500ms\", \"5s\" or \"1min\", not \"%s\"",
				o->lock_timeout);
		goto done;
	}
	else if (duration_ms(o->lock_timeout) > MAX_LOCK_TIMEOUT_MS)
	{
		vb_fail(err, arena, VB_ERR_INVALID, "options.lockTimeout",
				"options.lockTimeout must be at most %lldms (about 24 days), not \"%s\"",
				MAX_LOCK_TIMEOUT_MS, o->lock_timeout);
		goto done;
	}

	v = member(&rd, root, "resolutions");
	if (!vb_json_absent(v))
	{
		if (cJSON_IsString(v))
		{
			if (!read_resolution_value(&rd, v, "options.resolutions", &o->resolve_all))
				goto done;
		}
		else if (cJSON_IsArray(v))
		{
			cJSON	   *item;
			size_t		i;

			for (i = 0, item = (v)->child; item != NULL; i++, item = item->next)
			{
				static const char *const r_allowed[] = {
					"kind", "schema", "table", "enum", "from", "to", "resolution", NULL
				};
				char	   *p = vb_json_item_path(rd.arena, "options.resolutions", i);
				vb_resolution_entry *r = vb_alloc(arena, sizeof(vb_resolution_entry));
				cJSON	   *rv;

				if (vb_should_stop(arena))
				{
					vb_canceled(err, arena);
					goto done;
				}
				if (!vb_json_expect(rd.arena, rd.err, item, VB_JSON_OBJECT, p, "an object") ||
					!check_keys(&rd, item, p, r_allowed, NULL) ||
					!get_string(&rd, item, "kind", p, true, false, &r->kind) ||
					!get_string(&rd, item, "schema", p, false, false, &r->schema) ||
					!get_string(&rd, item, "table", p, false, false, &r->table) ||
					!get_string(&rd, item, "enum", p, false, false, &r->enum_name) ||
					!get_string(&rd, item, "from", p, true, false, &r->from) ||
					!get_string(&rd, item, "to", p, true, false, &r->to))
					goto done;
				if (strcmp(r->kind, "table") != 0 && strcmp(r->kind, "column") != 0 &&
					strcmp(r->kind, "enumValue") != 0)
				{
					vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(rd.arena, p, "kind"),
							"%s must be \"table\", \"column\" or \"enumValue\", not \"%s\"",
							vb_json_key_path(rd.arena, p, "kind"), r->kind);
					goto done;
				}
				if (strcmp(r->kind, "column") == 0 && r->table == NULL)
				{
					vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(rd.arena, p, "table"),
							"%s is required for a column", vb_json_key_path(rd.arena, p, "table"));
					goto done;
				}
				if (strcmp(r->kind, "enumValue") == 0 && r->enum_name == NULL)
				{
					vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(rd.arena, p, "enum"),
							"%s is required for an enumValue", vb_json_key_path(rd.arena, p, "enum"));
					goto done;
				}
				if (r->schema == NULL)
					r->schema = vb_strdup(arena, "public");
				rv = member(&rd, item, "resolution");
				if (rv == NULL)
				{
					vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(rd.arena, p, "resolution"),
							"%s is required", vb_json_key_path(rd.arena, p, "resolution"));
					goto done;
				}
				if (!read_resolution_value(&rd, rv, vb_json_key_path(rd.arena, p, "resolution"),
										   &r->resolution))
					goto done;
				vb_list_push(arena, &o->resolutions, r);
			}
		}
		else
		{
			vb_fail(err, arena, VB_ERR_INVALID, "options.resolutions",
					"options.resolutions must be \"rename\", \"addAndDrop\" or an array, not %s",
					vb_json_kind(v));
			goto done;
		}
	}
	*out = o;
	ok = true;
done:
	cJSON_Delete(root);
	return ok;
}

void
vb_managed_schemas(vb_arena *arena, const vb_schema *doc, const vb_options *opts,
				   vb_list *out)
{
	int			i;
	vb_set		seen;

	if (opts && opts->schemas.count > 0)
	{
		for (i = 0; i < opts->schemas.count; i++)
			vb_list_push(arena, out, opts->schemas.items[i]);
		return;
	}
	if (doc->schemas_given)		/* an empty list manages nothing */
	{
		for (i = 0; i < doc->schemas.count; i++)
			vb_list_push(arena, out, doc->schemas.items[i]);
		return;
	}
	vb_set_init(&seen, arena);
	for (i = 0; i < doc->tables.count && !vb_should_stop(arena); i++)
	{
		vb_table   *t = doc->tables.items[i];

		if (vb_set_add(&seen, t->schema))
			vb_list_push(arena, out, t->schema);
	}
	for (i = 0; i < doc->enums.count && !vb_should_stop(arena); i++)
	{
		vb_enum    *e = doc->enums.items[i];

		if (vb_set_add(&seen, e->schema))
			vb_list_push(arena, out, e->schema);
	}
	if (out->count == 0)
		vb_list_push(arena, out, "public");
}
