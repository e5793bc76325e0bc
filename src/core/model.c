/*
 * model.c — the model form of the schema document ({"models": {...}}):
 * VibORM's serializer, from models to the tables, keys, indexes, foreign
 * keys, junction tables and enums that VibORM's own push creates, for one
 * dialect (docs/models.md states every rule).
 *
 * Three passes. Reading checks the JSON's shape (unknown keys, wrong types,
 * keys that do not fit a field's or a relation's kind, names over 63 bytes)
 * and records the models; resolving looks up what one model names in
 * another (relation targets, field keys); building makes the vb_schema.
 * VibORM's known defects are fixed, not copied: enum arrays stay arrays,
 * conflicting enum definitions and colliding names are errors, a null
 * default is no default, a many-to-one and a one-to-one over the same
 * columns make one foreign key.
 *
 * Names VibORM generates are cut to 63 bytes as PostgreSQL cuts an
 * identifier (VibORM sends the long name and the server truncates it);
 * names the user gives are never cut: over 63 bytes is an error. Every
 * error is VB001 and names the JSON path (models.post.fields[3].type).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dialect.h"
#include "vb_json.h"

#define FAIL(s, path, ...) vb_fail((s)->err, (s)->arena, VB_ERR_INVALID, (path), __VA_ARGS__)

typedef enum dialect_t
{
	D_PG,
	D_MYSQL,
	D_SQLITE
} dialect_t;

static const char *const dialect_names[] = {"pg", "mysql", "sqlite", NULL};
static const char *const dialect_titles[] = {"PostgreSQL", "MySQL", "SQLite"};

/* VibORM's type map: one row per field kind. */
typedef struct kind_info
{
	const char *kind;
	const char *type[3];		/* per dialect; enum: built apart */
	const char *pg_without_tz;	/* withTimezone false on PostgreSQL */
	bool		arrays;			/* may be an array */
} kind_info;

static const kind_info kinds[] = {
	{"string", {"text", "TEXT", "TEXT"}, NULL, true},
	{"int", {"integer", "INT", "INTEGER"}, NULL, true},
	{"bigint", {"bigint", "BIGINT", "INTEGER"}, NULL, true},
	{"float", {"double precision", "DOUBLE", "REAL"}, NULL, true},
	{"decimal", {"numeric", "DECIMAL(65,30)", "TEXT"}, NULL, true},
	{"boolean", {"boolean", "TINYINT(1)", "INTEGER"}, NULL, true},
	{"datetime", {"timestamptz", "DATETIME(3)", "TEXT"}, "timestamp", true},
	{"date", {"date", "DATE", "TEXT"}, NULL, true},
	{"time", {"timetz", "TIME(3)", "TEXT"}, "time", true},
	{"json", {"jsonb", "JSON", "JSON"}, NULL, false},
	{"blob", {"bytea", "BLOB", "BLOB"}, NULL, false},
	{"enum", {NULL, NULL, "TEXT"}, NULL, true},
	{"vector", {"vector", "JSON", "JSON"}, NULL, false},
	{"point", {"point", "POINT", "JSON"}, NULL, false},
	{NULL, {NULL, NULL, NULL}, NULL, false}
};

/* A key that only some kinds take, or a value that only some kinds allow. */
typedef struct kind_rule
{
	const char *key;
	const char *kinds;			/* space-separated */
} kind_rule;

static const kind_rule field_key_rules[] = {
	{"withTimezone", "datetime time"},
	{"dimension", "vector"},
	{"enumName", "enum"},
	{"enumValues", "enum"},
	{"nativeType", "string int bigint float decimal boolean datetime date time json blob vector point"},
	{NULL, NULL}
};

static const kind_rule relation_key_rules[] = {
	{"fields", "manyToOne oneToOne"},
	{"references", "manyToOne oneToOne"},
	{"optional", "manyToOne oneToOne"},
	{"onDelete", "manyToOne oneToOne manyToMany"},
	{"onUpdate", "manyToOne oneToOne manyToMany"},
	{"through", "manyToMany"},
	{"A", "manyToMany"},
	{"B", "manyToMany"},
	{NULL, NULL}
};

static const kind_rule auto_generate_rules[] = {
	{"uuid", "string"}, {"ulid", "string"}, {"nanoid", "string"}, {"cuid", "string"},
	{"increment", "int bigint"},
	{"now", "datetime date time"}, {"updatedAt", "datetime date time"},
	{NULL, NULL}
};

static const char *const relation_kinds[] = {
	"manyToOne", "oneToOne", "oneToMany", "manyToMany", NULL
};

static const char *const action_names[] = {"cascade", "setNull", "restrict", "noAction", NULL};
static const vb_fk_action action_values[] = {
	VB_FK_CASCADE, VB_FK_SET_NULL, VB_FK_RESTRICT, VB_FK_NO_ACTION
};

static const char *const index_types[] = {
	"btree", "hash", "gin", "gist", "fulltext", "spatial", NULL
};
static const char *const index_types_of[] = {	/* per dialect, as VibORM's drivers */
	"btree hash gin gist", "btree fulltext spatial", "btree"
};

/* Integer types PostgreSQL can make serial (VibORM's SERIAL_TYPE_MAP). */
static const char *const pg_serial_types[] = {
	"integer", "int4", "int", "bigint", "int8", "smallint", "int2", NULL
};

/* ---- what the document says ------------------------------------------------ */

typedef struct mfield
{
	char	   *key;
	char	   *path;
	const kind_info *info;
	char	   *column;			/* columnName, else the key */
	bool		nullable;
	bool		array;
	bool		is_id;
	bool		is_unique;
	bool		with_tz;
	int			dimension;		/* 0: none */
	char	   *literal;		/* the default as SQL text of the dialect, or NULL */
	char	   *auto_generate;
	char	   *enum_name;
	vb_list		enum_values;	/* vb_enum_value * */
	char	   *native_db;
	char	   *native_type;
	char	   *renamed_from;
	vb_column  *col;			/* built */
} mfield;

typedef struct mgroup			/* compoundId, a compound unique or an index */
{
	char	   *name;			/* the compound's name, or the index's options.name */
	vb_list		keys;			/* char *: field keys as written */
	vb_list		fields;			/* mfield *, resolved */
	bool		unique;			/* indexes only, from here on */
	char	   *method;
	char	   *where;
	char	   *path;
} mgroup;

struct mmodel;

typedef struct mrel
{
	char	   *key;
	char	   *path;
	char	   *kind;
	char	   *target;
	char	   *name;
	vb_list		field_keys;		/* char * */
	vb_list		reference_keys;
	vb_list		fields;			/* mfield * of the owner, resolved */
	vb_list		references;		/* mfield * of the target, resolved */
	char	   *on_delete;		/* as written; NULL: VibORM's default */
	char	   *on_update;
	char	   *through;
	char	   *a;
	char	   *b;
	struct mmodel *owner;
	struct mmodel *target_model;
	vb_foreign_key *fk;			/* built: the foreign key it makes */
} mrel;

typedef struct tbuild			/* a table being built */
{
	vb_table   *t;
	vb_map		names;			/* its constraint names -> owner */
	vb_set		columns;		/* its column names */
	vb_set		index_names;	/* its indexes' names */
	vb_map		fks;			/* "columns\x1etable\x1ereferenced" -> the
								 * mrel that made that foreign key */
} tbuild;

typedef struct mmodel
{
	char	   *key;
	char	   *path;
	char	   *table;			/* tableName, else the key */
	char	   *renamed_from;
	vb_list		fields;			/* mfield * */
	vb_list		relations;		/* mrel * */
	mgroup	   *compound_id;
	vb_list		uniques;		/* mgroup * */
	vb_list		indexes;		/* mgroup * */
	vb_map		fields_by_key;	/* key -> mfield */
	vb_set		keys;			/* keys of its fields and relations */
	tbuild		tb;
} mmodel;

/* The object that holds a name, for collision messages. */
typedef struct owner
{
	const char *what;
	const char *name;
	const char *raw;			/* before truncation */
	const char *path;
} owner;

typedef struct menum
{
	vb_enum    *e;
	const mfield *field;		/* the first field of the type */
} menum;

typedef struct mjunction
{
	char	   *signature;
	const mrel *rel;
} mjunction;

typedef struct ser
{
	vb_arena   *arena;
	vb_error   *err;
	dialect_t	dialect;
	vb_schema  *out;
	vb_list		models;			/* mmodel *, document order */
	vb_map		by_key;			/* model key -> mmodel */
	vb_map		relations;		/* schema-wide: tables, indexes, keys' indexes -> owner */
	vb_map		types;			/* PostgreSQL type names: tables, enums -> owner */
	vb_map		enums;			/* enum type name -> menum */
	vb_map		junctions;		/* junction table name -> mjunction */
} ser;

/* ---- small helpers ------------------------------------------------------------ */

/* In every loop over the document's objects: stop when the face asks. */
#define STOP_CHECK(s) VB_STOP_CHECK((s)->arena, (s)->err)

static void
tbuild_init(ser *s, tbuild *tb)
{
	vb_map_init(&tb->names, s->arena, 8);
	vb_set_init(&tb->columns, s->arena);
	vb_set_init(&tb->index_names, s->arena);
	vb_map_init(&tb->fks, s->arena, 8);
}

static char *
get_str(ser *s, const cJSON *obj, const char *key)
{
	cJSON	   *v = vb_json_member(obj, key);

	return cJSON_IsString(v) ? vb_strdup(s->arena, v->valuestring) : NULL;
}

static bool
get_flag(const cJSON *obj, const char *key)
{
	return cJSON_IsTrue(vb_json_member(obj, key));
}


/* Is `word` one of the space-separated `words`? */
static bool
word_in(const char *words, const char *word)
{
	size_t		n = strlen(word);
	const char *p = words;

	while (n > 0 && (p = strstr(p, word)) != NULL)
	{
		if ((p == words || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
		p += n;
	}
	return false;
}

static int
choice(const char *value, const char *const *choices)
{
	int			i;

	for (i = 0; choices[i]; i++)
		if (strcmp(choices[i], value) == 0)
			return i;
	return -1;
}

static bool
expect_choice(ser *s, const char *value, const char *const *choices, const char *path,
			  int *out)
{
	vb_buf		buf;
	int			i;

	*out = choice(value, choices);
	if (*out >= 0)
		return true;
	vb_buf_init(&buf, s->arena);
	for (i = 0; choices[i]; i++)
		vb_buf_appendf(&buf, "%s%s", i ? ", " : "", choices[i]);
	return FAIL(s, path, "%s must be one of %s, not \"%s\"", path, buf.data, value);
}

static bool
check_name(ser *s, const char *name, const char *path)
{
	if (name[0] == '\0')
		return FAIL(s, path, "%s must not be empty", path);
	if (strlen(name) > VB_MAX_IDENT)
		return FAIL(s, path, "%s \"%s\" is longer than %d bytes", path, name, VB_MAX_IDENT);
	return true;
}

/* An optional member that names a database object (tableName, A, ...). */
static bool
get_name(ser *s, const cJSON *obj, const char *key, const char *path, char **out)
{
	*out = get_str(s, obj, key);
	return *out == NULL || check_name(s, *out, vb_json_key_path(s->arena, path, key));
}

/* A generated name, cut as PostgreSQL cuts an identifier. */
static char *
truncated(ser *s, char *raw)
{
	if (strlen(raw) <= VB_MAX_IDENT)
		return raw;
	return vb_make_object_name(s->arena, raw, NULL, NULL);
}

static char *
joined(ser *s, const vb_list *names)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, s->arena);
	for (i = 0; i < names->count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? "_" : "", (char *) names->items[i]);
	return buf.data;
}

/* Names joined by a byte no name holds, in order: a key for maps. */
static char *
list_key(ser *s, const vb_list *names)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, s->arena);
	for (i = 0; i < names->count; i++)
		vb_buf_appendf(&buf, "%s\x1f", (char *) names->items[i]);
	return buf.data;
}

static char *
lower(ser *s, const char *text)
{
	char	   *out = vb_strdup(s->arena, text);
	char	   *p;

	for (p = out; *p; p++)
		*p = (char) tolower((unsigned char) *p);
	return out;
}

static vb_list *
single(ser *s, char *item)
{
	vb_list    *l = vb_alloc(s->arena, sizeof(vb_list));

	vb_list_push(s->arena, l, item);
	return l;
}

static vb_list *
columns_of(ser *s, const vb_list *fields)
{
	vb_list    *l = vb_alloc(s->arena, sizeof(vb_list));
	int			i;

	for (i = 0; i < fields->count; i++)
		vb_list_push(s->arena, l, ((mfield *) fields->items[i])->column);
	return l;
}

static bool
is_enum(const mfield *f)
{
	return f->info->type[D_PG] == NULL;
}

/* A string literal of the dialect (VibORM doubles quotes only, which MySQL
 * misreads where the text holds a backslash). */
static char *
string_literal(ser *s, const char *text)
{
	const char *doubled = s->dialect == D_MYSQL ? "'\\" : "'";
	const char *p;
	vb_buf		buf;

	if (s->dialect == D_PG)
		return vb_dialect_pg.quote_literal(s->arena, text);
	vb_buf_init(&buf, s->arena);
	vb_buf_appendc(&buf, '\'');
	for (p = text; *p; p++)
	{
		if (strchr(doubled, *p))
			vb_buf_appendc(&buf, *p);
		vb_buf_appendc(&buf, *p);
	}
	vb_buf_appendc(&buf, '\'');
	return buf.data;
}

/* 'a', 'b', 'c' — the values of an enum (MySQL ENUM(...), SQLite CHECK). */
static char *
literal_list(ser *s, const vb_list *values)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, s->arena);
	for (i = 0; i < values->count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? ", " : "",
					   string_literal(s, ((vb_enum_value *) values->items[i])->name));
	return buf.data;
}

static void
append_zeros(vb_buf *buf, int n)
{
	while (n-- > 0)
		vb_buf_appendc(buf, '0');
}

/* A number as JavaScript's Number.prototype.toString prints it. */
static char *
js_number(ser *s, double x)
{
	char		sci[40];
	char		digits[24];
	const char *p;
	int			precision;
	int			k;
	int			n;
	vb_buf		buf;

	if (x == 0)
		return vb_strdup(s->arena, "0");
	for (precision = 0; precision < 16; precision++)
	{
		snprintf(sci, sizeof(sci), "%.*e", precision, x);
		if (strtod(sci, NULL) == x)
			break;
	}
	snprintf(sci, sizeof(sci), "%.*e", precision, x);
	vb_buf_init(&buf, s->arena);
	p = sci;
	if (*p == '-')
		vb_buf_appendc(&buf, *p++);
	for (k = 0; *p != 'e'; p++)
		if (*p != '.')
			digits[k++] = *p;
	digits[k] = '\0';
	n = atoi(p + 1) + 1;		/* the decimal point sits after n digits */
	if (k <= n && n <= 21)
	{
		vb_buf_append(&buf, digits);
		append_zeros(&buf, n - k);
	}
	else if (0 < n && n <= 21)
		vb_buf_appendf(&buf, "%.*s.%s", n, digits, digits + n);
	else if (-6 < n && n <= 0)
	{
		vb_buf_append(&buf, "0.");
		append_zeros(&buf, -n);
		vb_buf_append(&buf, digits);
	}
	else
		vb_buf_appendf(&buf, "%c%s%se%c%d", digits[0], k > 1 ? "." : "", digits + 1,
					   n > 0 ? '+' : '-', abs(n - 1));
	return buf.data;
}

/* ---- reading: the JSON's shape ------------------------------------------------- */

typedef struct key_spec
{
	const char *key;
	vb_json_want kind;
	bool		required;
} key_spec;

/*
 * The object at `path` has only the keys of `spec`, each once, each of its
 * JSON type (null stands for absent, except for a literal), and the
 * required ones.
 */
static bool
check_shape(ser *s, const cJSON *obj, const char *path, const key_spec *spec)
{
	const cJSON *v;
	const key_spec *k;

	if (!cJSON_IsObject(obj))
		return FAIL(s, path, "%s must be an object, not %s", path, vb_json_kind(obj));
	cJSON_ArrayForEach(v, obj)
	{
		char	   *p = vb_json_key_path(s->arena, path, v->string);

		for (k = spec; k->key && strcmp(k->key, v->string) != 0; k++)
			;
		if (k->key == NULL)
			return FAIL(s, p, "unknown key \"%s\"", p);
		if (vb_json_member(obj, v->string) != v)
			return FAIL(s, p, "key \"%s\" appears twice", p);
		if (!cJSON_IsNull(v) && !vb_json_expect(s->arena, s->err, v, k->kind, p, NULL))
			return false;
	}
	for (k = spec; k->key; k++)
		if (k->required && vb_json_absent(vb_json_member(obj, k->key)))
			return FAIL(s, vb_json_key_path(s->arena, path, k->key), "%s is required", vb_json_key_path(s->arena, path, k->key));
	return true;
}

/* Keys that only some kinds of field or relation take. */
static bool
check_kind_keys(ser *s, const cJSON *obj, const char *path, const char *kind,
				const kind_rule *rules, const char *what)
{
	const kind_rule *r;

	for (r = rules; r->key; r++)
		if (!vb_json_absent(vb_json_member(obj, r->key)) && !word_in(r->kinds, kind))
			return FAIL(s, vb_json_key_path(s->arena, path, r->key), "%s: \"%s\" does not apply to %s %ss (only to %s)",
						vb_json_key_path(s->arena, path, r->key), r->key, kind, what, r->kinds);
	return true;
}

/* A list of field keys (fields of an index, a relation, ...); may be absent. */
static bool
get_key_list(ser *s, const cJSON *obj, const char *key, const char *path, vb_list *out)
{
	const cJSON *arr = vb_json_member(obj, key);
	const cJSON *item;
	char	   *p = vb_json_key_path(s->arena, path, key);
	int			i = 0;
	vb_set		seen;

	if (vb_json_absent(arr))
		return true;
	if (arr->child == NULL)
		return FAIL(s, p, "%s must name at least one field", p);
	vb_set_init(&seen, s->arena);
	cJSON_ArrayForEach(item, arr)
	{
		char	   *ip = vb_json_item_path(s->arena, p, i++);

		STOP_CHECK(s);
		if (!cJSON_IsString(item))
			return FAIL(s, ip, "%s must be a string, not %s", ip, vb_json_kind(item));
		if (!vb_set_add(&seen, item->valuestring))
			return FAIL(s, ip, "%s: field \"%s\" is listed twice", ip, item->valuestring);
		vb_list_push(s->arena, out, vb_strdup(s->arena, item->valuestring));
	}
	return true;
}

static mfield *
find_field(const mmodel *m, const char *key)
{
	return vb_map_get(&m->fields_by_key, key);
}

/* Field and relation keys share one namespace (they are members of one
 * TypeScript object): a free key is taken. */
static bool
check_key_free(ser *s, mmodel *m, const char *key, const char *path)
{
	bool		taken = !vb_set_add(&m->keys, key);

	if (key[0] == '\0')
		return FAIL(s, vb_json_key_path(s->arena, path, "key"), "%s must not be empty", vb_json_key_path(s->arena, path, "key"));
	if (taken)
		return FAIL(s, vb_json_key_path(s->arena, path, "key"), "%s: key \"%s\" is used twice in model \"%s\"",
					vb_json_key_path(s->arena, path, "key"), key, m->key);
	return true;
}

/* ---- reading: fields ------------------------------------------------------------- */

static bool
read_enum_values(ser *s, const cJSON *obj, mfield *f)
{
	static const key_spec spec[] = {
		{"name", VB_JSON_STRING, true}, {"renamedFrom", VB_JSON_STRING, false}, {NULL, VB_JSON_STRING, false}
	};
	const cJSON *arr = vb_json_member(obj, "enumValues");
	const cJSON *item;
	char	   *p = vb_json_key_path(s->arena, f->path, "enumValues");
	int			i = 0;
	vb_set		seen;

	if (!is_enum(f))
		return true;
	if (vb_json_absent(arr) || arr->child == NULL)
		return FAIL(s, p, "%s: an enum field needs at least one value", p);
	vb_set_init(&seen, s->arena);
	cJSON_ArrayForEach(item, arr)
	{
		char	   *ip = vb_json_item_path(s->arena, p, i++);
		vb_enum_value *v = vb_alloc(s->arena, sizeof(vb_enum_value));

		STOP_CHECK(s);
		if (cJSON_IsString(item))
			v->name = vb_strdup(s->arena, item->valuestring);
		else if (!cJSON_IsObject(item))
			return FAIL(s, ip, "%s must be a string or an object, not %s", ip, vb_json_kind(item));
		else if (!check_shape(s, item, ip, spec) ||
				 !get_name(s, item, "renamedFrom", ip, &v->renamed_from))
			return false;
		else
			v->name = get_str(s, item, "name");
		if (v->name[0] == '\0' || strlen(v->name) > VB_MAX_IDENT)
			return FAIL(s, ip, "%s: an enum value must have 1 to %d bytes", ip, VB_MAX_IDENT);
		if (!vb_set_add(&seen, v->name))
			return FAIL(s, ip, "%s: value \"%s\" is listed twice", ip, v->name);
		vb_list_push(s->arena, &f->enum_values, v);
	}
	return true;
}

static bool
read_auto_generate(ser *s, const cJSON *obj, mfield *f)
{
	static const char *const values[] = {
		"uuid", "ulid", "nanoid", "cuid", "increment", "now", "updatedAt", NULL
	};
	char	   *p = vb_json_key_path(s->arena, f->path, "autoGenerate");
	int			i;

	f->auto_generate = get_str(s, obj, "autoGenerate");
	if (f->auto_generate == NULL)
		return true;
	if (!expect_choice(s, f->auto_generate, values, p, &i))
		return false;
	if (!word_in(auto_generate_rules[i].kinds, f->info->kind))
		return FAIL(s, p, "%s: \"%s\" does not apply to %s fields (only to %s)", p,
					f->auto_generate, f->info->kind, auto_generate_rules[i].kinds);
	if (f->array && strcmp(f->auto_generate, "increment") == 0)
		return FAIL(s, p, "%s: an array field cannot increment", p);
	return true;
}

static bool
read_native_type(ser *s, const cJSON *obj, mfield *f)
{
	static const key_spec spec[] = {
		{"db", VB_JSON_STRING, true}, {"type", VB_JSON_STRING, true}, {NULL, VB_JSON_STRING, false}
	};
	const cJSON *v = vb_json_member(obj, "nativeType");
	char	   *p = vb_json_key_path(s->arena, f->path, "nativeType");
	int			d;

	if (vb_json_absent(v))
		return true;
	if (!check_shape(s, v, p, spec))
		return false;
	f->native_db = get_str(s, v, "db");
	f->native_type = get_str(s, v, "type");
	if (!expect_choice(s, f->native_db, dialect_names, vb_json_key_path(s->arena, p, "db"), &d))
		return false;
	if (f->native_type[0] == '\0')
		return FAIL(s, vb_json_key_path(s->arena, p, "type"), "%s must not be empty", vb_json_key_path(s->arena, p, "type"));
	return true;
}

/* The default as SQL text of the dialect; null is no default (VibORM's
 * DEFAULT NULL is never stored, so it would be re-planned on every push). */
static bool
read_default(ser *s, const cJSON *obj, mfield *f)
{
	const cJSON *v = vb_json_member(obj, "default");
	char	   *p = vb_json_key_path(s->arena, f->path, "default");
	int			i;
	bool		listed = false;

	if (vb_json_absent(v))
		return true;
	if (cJSON_IsNumber(v) && !isfinite(v->valuedouble))
		return FAIL(s, p, "%s must be a finite number", p);
	for (i = 0; cJSON_IsString(v) && i < f->enum_values.count; i++)
		listed = listed || strcmp(((vb_enum_value *) f->enum_values.items[i])->name,
								  v->valuestring) == 0;
	if (is_enum(f) && !f->array && !listed)
		return FAIL(s, p, "%s must be one of the enum's values", p);
	if (cJSON_IsString(v))
		f->literal = string_literal(s, v->valuestring);
	else if (cJSON_IsNumber(v))
		f->literal = js_number(s, v->valuedouble);
	else
		f->literal = vb_strdup(s->arena, s->dialect == D_PG ?
							   (cJSON_IsTrue(v) ? "true" : "false") :
							   (cJSON_IsTrue(v) ? "1" : "0"));
	return true;
}

static bool
read_field(ser *s, mmodel *m, const cJSON *obj, const char *path)
{
	static const key_spec spec[] = {
		{"key", VB_JSON_STRING, true}, {"type", VB_JSON_STRING, true}, {"nullable", VB_JSON_BOOL, false},
		{"array", VB_JSON_BOOL, false}, {"default", VB_JSON_LITERAL, false}, {"isId", VB_JSON_BOOL, false},
		{"isUnique", VB_JSON_BOOL, false}, {"autoGenerate", VB_JSON_STRING, false},
		{"columnName", VB_JSON_STRING, false}, {"withTimezone", VB_JSON_BOOL, false},
		{"dimension", VB_JSON_COUNT, false}, {"enumName", VB_JSON_STRING, false},
		{"enumValues", VB_JSON_ARRAY, false}, {"nativeType", VB_JSON_OBJECT, false},
		{"renamedFrom", VB_JSON_STRING, false}, {NULL, VB_JSON_STRING, false}
	};
	mfield	   *f = vb_alloc(s->arena, sizeof(mfield));
	const kind_info *k;
	char	   *type;

	f->path = (char *) path;
	if (!check_shape(s, obj, path, spec))
		return false;
	f->key = get_str(s, obj, "key");
	type = get_str(s, obj, "type");
	for (k = kinds; k->kind && strcmp(k->kind, type) != 0; k++)
		;
	if (k->kind == NULL)
		return FAIL(s, vb_json_key_path(s->arena, path, "type"), "%s: unknown field type \"%s\" (string, int, bigint, float, decimal, boolean, datetime, date, time, json, blob, enum, vector or point)",
					vb_json_key_path(s->arena, path, "type"), type);
	f->info = k;
	f->nullable = get_flag(obj, "nullable");
	f->array = get_flag(obj, "array");
	f->is_id = get_flag(obj, "isId");
	f->is_unique = get_flag(obj, "isUnique");
	f->with_tz = vb_json_absent(vb_json_member(obj, "withTimezone")) || get_flag(obj, "withTimezone");
	f->dimension = vb_json_absent(vb_json_member(obj, "dimension")) ? 0 : vb_json_member(obj, "dimension")->valueint;
	if (f->array && !k->arrays)
		return FAIL(s, vb_json_key_path(s->arena, path, "array"), "%s: %s fields cannot be arrays",
					vb_json_key_path(s->arena, path, "array"), k->kind);
	if (!check_key_free(s, m, f->key, path) ||
		!check_kind_keys(s, obj, path, k->kind, field_key_rules, "field") ||
		!get_name(s, obj, "columnName", path, &f->column) ||
		!get_name(s, obj, "renamedFrom", path, &f->renamed_from) ||
		!get_name(s, obj, "enumName", path, &f->enum_name) ||
		!read_auto_generate(s, obj, f) || !read_native_type(s, obj, f) ||
		!read_enum_values(s, obj, f) || !read_default(s, obj, f))
		return false;
	if (f->column == NULL && !check_name(s, f->key, vb_json_key_path(s->arena, path, "key")))
		return false;
	if (f->column == NULL)
		f->column = f->key;
	vb_list_push(s->arena, &m->fields, f);
	vb_map_put(&m->fields_by_key, f->key, f);
	return true;
}

/* ---- reading: relations, keys, indexes, models ---------------------------------------- */

static bool
read_relation(ser *s, mmodel *m, const cJSON *obj, const char *path)
{
	static const key_spec spec[] = {
		{"key", VB_JSON_STRING, true}, {"type", VB_JSON_STRING, true}, {"target", VB_JSON_STRING, true},
		{"name", VB_JSON_STRING, false}, {"fields", VB_JSON_ARRAY, false}, {"references", VB_JSON_ARRAY, false},
		{"optional", VB_JSON_BOOL, false}, {"onDelete", VB_JSON_STRING, false}, {"onUpdate", VB_JSON_STRING, false},
		{"through", VB_JSON_STRING, false}, {"A", VB_JSON_STRING, false}, {"B", VB_JSON_STRING, false},
		{NULL, VB_JSON_STRING, false}
	};
	mrel	   *r = vb_alloc(s->arena, sizeof(mrel));
	int			i;

	r->path = (char *) path;
	r->owner = m;
	if (!check_shape(s, obj, path, spec))
		return false;
	r->key = get_str(s, obj, "key");
	r->kind = get_str(s, obj, "type");
	r->target = get_str(s, obj, "target");
	r->name = get_str(s, obj, "name");
	r->on_delete = get_str(s, obj, "onDelete");
	r->on_update = get_str(s, obj, "onUpdate");
	if (!check_key_free(s, m, r->key, path) ||
		!expect_choice(s, r->kind, relation_kinds, vb_json_key_path(s->arena, path, "type"), &i) ||
		!check_kind_keys(s, obj, path, r->kind, relation_key_rules, "relation") ||
		(r->on_delete && !expect_choice(s, r->on_delete, action_names, vb_json_key_path(s->arena, path, "onDelete"), &i)) ||
		(r->on_update && !expect_choice(s, r->on_update, action_names, vb_json_key_path(s->arena, path, "onUpdate"), &i)) ||
		!get_name(s, obj, "through", path, &r->through) ||
		!get_name(s, obj, "A", path, &r->a) || !get_name(s, obj, "B", path, &r->b) ||
		!get_key_list(s, obj, "fields", path, &r->field_keys) ||
		!get_key_list(s, obj, "references", path, &r->reference_keys))
		return false;
	if ((r->field_keys.count == 0) != (r->reference_keys.count == 0))
		return FAIL(s, path, "%s: \"fields\" and \"references\" go together", path);
	if (r->field_keys.count != r->reference_keys.count)
		return FAIL(s, vb_json_key_path(s->arena, path, "references"), "%s must list %d fields, as \"fields\" does",
					vb_json_key_path(s->arena, path, "references"), r->field_keys.count);
	vb_list_push(s->arena, &m->relations, r);
	return true;
}

/* compoundId, or an entry of compoundUniques: {name, fields}. */
static mgroup *
read_compound(ser *s, const cJSON *obj, const char *path)
{
	static const key_spec spec[] = {
		{"name", VB_JSON_STRING, true}, {"fields", VB_JSON_ARRAY, true}, {NULL, VB_JSON_STRING, false}
	};
	mgroup	   *g = vb_alloc(s->arena, sizeof(mgroup));

	g->path = (char *) path;
	if (!check_shape(s, obj, path, spec) ||
		!get_key_list(s, obj, "fields", path, &g->keys))
		return NULL;
	g->name = get_str(s, obj, "name");
	if (g->name[0] != '\0')
		return g;
	FAIL(s, vb_json_key_path(s->arena, path, "name"), "%s must not be empty", vb_json_key_path(s->arena, path, "name"));
	return NULL;
}

static bool
read_unique(ser *s, mmodel *m, const cJSON *obj, const char *path)
{
	mgroup	   *g = read_compound(s, obj, path);

	if (g)
		vb_list_push(s->arena, &m->uniques, g);
	return g != NULL;
}

/* The options of an index: {name, unique, type, where}. */
static bool
read_index_options(ser *s, const cJSON *obj, const char *path, mgroup *g)
{
	static const key_spec spec[] = {
		{"name", VB_JSON_STRING, false}, {"unique", VB_JSON_BOOL, false}, {"type", VB_JSON_STRING, false},
		{"where", VB_JSON_STRING, false}, {NULL, VB_JSON_STRING, false}
	};
	int			i;

	g->method = "btree";
	if (vb_json_absent(obj))
		return true;
	if (!check_shape(s, obj, path, spec) || !get_name(s, obj, "name", path, &g->name))
		return false;
	g->unique = get_flag(obj, "unique");
	g->where = get_str(s, obj, "where");
	if (g->where && g->where[0] == '\0')
		g->where = NULL;		/* VibORM tests it for truth */
	if (get_str(s, obj, "type"))
		g->method = get_str(s, obj, "type");
	if (!expect_choice(s, g->method, index_types, vb_json_key_path(s->arena, path, "type"), &i))
		return false;
	if (!word_in(index_types_of[s->dialect], g->method))
		return FAIL(s, vb_json_key_path(s->arena, path, "type"), "%s: %s has no %s index (only %s)",
					vb_json_key_path(s->arena, path, "type"), dialect_titles[s->dialect], g->method,
					index_types_of[s->dialect]);
	if (g->where && s->dialect == D_MYSQL)
		return FAIL(s, vb_json_key_path(s->arena, path, "where"), "%s: MySQL has no partial indexes",
					vb_json_key_path(s->arena, path, "where"));
	return true;
}

static bool
read_index(ser *s, mmodel *m, const cJSON *obj, const char *path)
{
	static const key_spec spec[] = {
		{"fields", VB_JSON_ARRAY, true}, {"options", VB_JSON_OBJECT, false}, {NULL, VB_JSON_STRING, false}
	};
	mgroup	   *g = vb_alloc(s->arena, sizeof(mgroup));

	g->path = (char *) path;
	if (!check_shape(s, obj, path, spec) ||
		!get_key_list(s, obj, "fields", path, &g->keys) ||
		!read_index_options(s, vb_json_member(obj, "options"), vb_json_key_path(s->arena, path, "options"), g))
		return false;
	vb_list_push(s->arena, &m->indexes, g);
	return true;
}

typedef bool (*item_reader) (ser *s, mmodel *m, const cJSON *obj, const char *path);

static bool
read_each(ser *s, mmodel *m, const cJSON *obj, const char *key, item_reader fn)
{
	const cJSON *item;
	char	   *p = vb_json_key_path(s->arena, m->path, key);
	int			i = 0;

	cJSON_ArrayForEach(item, vb_json_member(obj, key))
	{
		STOP_CHECK(s);
		if (!fn(s, m, item, vb_json_item_path(s->arena, p, i++)))
			return false;
	}
	return true;
}

static bool
read_model(ser *s, const cJSON *obj, const char *key)
{
	static const key_spec spec[] = {
		{"tableName", VB_JSON_STRING, false}, {"fields", VB_JSON_ARRAY, true},
		{"relations", VB_JSON_ARRAY, false}, {"compoundId", VB_JSON_OBJECT, false},
		{"compoundUniques", VB_JSON_ARRAY, false}, {"indexes", VB_JSON_ARRAY, false},
		{"renamedFrom", VB_JSON_STRING, false}, {NULL, VB_JSON_STRING, false}
	};
	mmodel	   *m = vb_alloc(s->arena, sizeof(mmodel));

	m->key = vb_strdup(s->arena, key);
	m->path = vb_json_key_path(s->arena, "models", key);
	vb_map_init(&m->fields_by_key, s->arena, 8);
	vb_set_init(&m->keys, s->arena);
	tbuild_init(s, &m->tb);
	if (vb_map_get(&s->by_key, m->key))
		return FAIL(s, m->path, "key \"%s\" appears twice", m->path);
	if (!check_shape(s, obj, m->path, spec) ||
		!get_name(s, obj, "tableName", m->path, &m->table) ||
		!get_name(s, obj, "renamedFrom", m->path, &m->renamed_from) ||
		(m->table == NULL && !check_name(s, m->key, m->path)) ||
		!read_each(s, m, obj, "fields", read_field) ||
		!read_each(s, m, obj, "relations", read_relation) ||
		!read_each(s, m, obj, "compoundUniques", read_unique) ||
		!read_each(s, m, obj, "indexes", read_index))
		return false;
	if (m->table == NULL)
		m->table = m->key;
	if (!vb_json_absent(vb_json_member(obj, "compoundId")) &&
		!(m->compound_id = read_compound(s, vb_json_member(obj, "compoundId"),
										 vb_json_key_path(s->arena, m->path, "compoundId"))))
		return false;
	vb_list_push(s->arena, &s->models, m);
	vb_map_put(&s->by_key, m->key, m);
	return true;
}

static bool
read_models(ser *s, const cJSON *root)
{
	static const key_spec spec[] = {{"models", VB_JSON_OBJECT, true}, {NULL, VB_JSON_STRING, false}};
	const cJSON *m;

	if (!cJSON_IsObject(root))
		return FAIL(s, "", "the schema document must be a JSON object, not %s",
					vb_json_kind(root));
	if (!check_shape(s, root, "", spec))
		return false;
	cJSON_ArrayForEach(m, vb_json_member(root, "models"))
	{
		STOP_CHECK(s);
		if (!read_model(s, m, m->string))
			return false;
	}
	return true;
}

/* ---- resolving: what one model names in another -------------------------------------- */

static bool
resolve_keys(ser *s, const mmodel *m, const vb_list *keys, const char *path, vb_list *out)
{
	int			i;

	for (i = 0; i < keys->count; i++)
	{
		mfield	   *f = find_field(m, keys->items[i]);

		STOP_CHECK(s);
		if (f == NULL)
			return FAIL(s, vb_json_item_path(s->arena, path, i), "%s: model \"%s\" has no field \"%s\"",
						vb_json_item_path(s->arena, path, i), m->key, (char *) keys->items[i]);
		vb_list_push(s->arena, out, f);
	}
	return true;
}

static bool
resolve_group(ser *s, const mmodel *m, mgroup *g)
{
	return resolve_keys(s, m, &g->keys, vb_json_key_path(s->arena, g->path, "fields"), &g->fields);
}

static bool
resolve_relation(ser *s, mrel *r)
{
	r->target_model = vb_map_get(&s->by_key, r->target);
	if (r->target_model == NULL)
		return FAIL(s, vb_json_key_path(s->arena, r->path, "target"), "%s: there is no model \"%s\"",
					vb_json_key_path(s->arena, r->path, "target"), r->target);
	return resolve_keys(s, r->owner, &r->field_keys, vb_json_key_path(s->arena, r->path, "fields"), &r->fields) &&
		resolve_keys(s, r->target_model, &r->reference_keys, vb_json_key_path(s->arena, r->path, "references"),
					 &r->references);
}

static bool
resolve_models(ser *s)
{
	int			i;
	int			j;

	for (i = 0; i < s->models.count; i++)
	{
		mmodel	   *m = s->models.items[i];

		STOP_CHECK(s);
		if (m->compound_id && !resolve_group(s, m, m->compound_id))
			return false;
		for (j = 0; j < m->uniques.count; j++)
			if (!resolve_group(s, m, m->uniques.items[j]))
				return false;
		for (j = 0; j < m->indexes.count; j++)
			if (!resolve_group(s, m, m->indexes.items[j]))
				return false;
		for (j = 0; j < m->relations.count; j++)
			if (!resolve_relation(s, m->relations.items[j]))
				return false;
	}
	return true;
}

/* ---- building: names ------------------------------------------------------------------- */

static const char *
truncation_note(ser *s, const owner *o)
{
	if (strcmp(o->raw, o->name) == 0)
		return "";
	return vb_printf(s->arena, " (cut from \"%s\")", o->raw);
}

/* Take a name in a scope; a name already held there is an error naming both. */
static bool
claim(ser *s, vb_map *scope, const owner *o)
{
	const owner *prev = vb_map_get(scope, o->name);

	if (prev == NULL)
	{
		vb_map_put(scope, o->name, (void *) o);
		return true;
	}
	return FAIL(s, o->path, "%s: %s \"%s\"%s has the same name as %s \"%s\"%s (%s)",
				o->path, o->what, o->name, truncation_note(s, o),
				prev->what, prev->name, truncation_note(s, prev), prev->path);
}

static owner *
new_owner(ser *s, const char *what, char *raw, char *name, const char *path)
{
	owner	   *o = vb_alloc(s->arena, sizeof(owner));

	o->what = what;
	o->raw = raw;
	o->name = name;
	o->path = path;
	return o;
}

/* Where a name must be unique, as in PostgreSQL's catalog. */
#define IN_TABLE	1			/* constraints: among the table's constraints */
#define IN_SCHEMA	2			/* relations: among the schema's tables and indexes */

/* Name an object of a table in the scopes it belongs to. */
static char *
name_object_as(ser *s, tbuild *tb, const char *what, char *raw, char *name,
			   const char *path, int scopes)
{
	owner	   *o = new_owner(s, what, raw, name, path);

	if (((scopes & IN_TABLE) && !claim(s, &tb->names, o)) ||
		((scopes & IN_SCHEMA) && !claim(s, &s->relations, o)))
		return NULL;
	return name;
}

static char *
name_object(ser *s, tbuild *tb, const char *what, char *raw, const char *path, int scopes)
{
	return name_object_as(s, tb, what, raw, truncated(s, raw), path, scopes);
}

static bool
claim_table(ser *s, tbuild *tb, char *raw, const char *path)
{
	owner	   *o = new_owner(s, "table", raw, tb->t->name, path);

	return claim(s, &s->relations, o) && (s->dialect != D_PG || claim(s, &s->types, o));
}

/* ---- building: columns and enums ------------------------------------------------------- */

static bool
same_enum(ser *s, const menum *known, const mfield *f)
{
	const vb_list *a = &known->e->values;
	int			i;

	for (i = 0; a->count == f->enum_values.count && i < a->count; i++)
	{
		vb_enum_value *x = a->items[i];
		vb_enum_value *y = f->enum_values.items[i];

		if (strcmp(x->name, y->name) != 0 ||
			(x->renamed_from && y->renamed_from && strcmp(x->renamed_from, y->renamed_from) != 0))
			break;
		if (x->renamed_from == NULL)
			x->renamed_from = y->renamed_from;
	}
	if (i == a->count && a->count == f->enum_values.count)
		return true;
	return FAIL(s, vb_json_key_path(s->arena, f->path, "enumValues"),
				"%s: enum \"%s\" is defined twice with different values (also at %s)",
				vb_json_key_path(s->arena, f->path, "enumValues"), known->e->name, known->field->path);
}

/*
 * The enum type of a field: enumName, else <table>_<column>_enum. Fields
 * sharing a type must agree on its values, whatever the dialect (VibORM
 * silently keeps the first definition). Only PostgreSQL has named types.
 */
static bool
register_enum(ser *s, const mmodel *m, const mfield *f, char **name)
{
	char	   *raw = f->enum_name ? f->enum_name :
		vb_printf(s->arena, "%s_%s_enum", m->table, f->column);
	menum	   *known;

	*name = truncated(s, raw);
	known = vb_map_get(&s->enums, *name);
	if (known)
		return same_enum(s, known, f);
	known = vb_alloc(s->arena, sizeof(menum));
	known->field = f;
	known->e = vb_alloc(s->arena, sizeof(vb_enum));
	known->e->schema = "public";
	known->e->name = *name;
	known->e->values = f->enum_values;
	known->e->path = f->path;
	if (f->enum_name == NULL && (m->renamed_from || f->renamed_from))
		known->e->renamed_from =
			truncated(s, vb_printf(s->arena, "%s_%s_enum",
								   m->renamed_from ? m->renamed_from : m->table,
								   f->renamed_from ? f->renamed_from : f->column));
	vb_map_put(&s->enums, *name, known);
	if (s->dialect != D_PG)
		return true;
	vb_list_push(s->arena, &s->out->enums, known->e);
	return claim(s, &s->types, new_owner(s, "enum", raw, *name, f->path));
}

static const char *
base_type(ser *s, const mfield *f, const char *enum_name)
{
	if (f->native_type && strcmp(f->native_db, dialect_names[s->dialect]) == 0)
		return f->native_type;
	if (enum_name && s->dialect == D_PG)
		return vb_dialect_pg.quote_ident(s->arena, enum_name);
	if (enum_name && s->dialect == D_MYSQL)
		return vb_printf(s->arena, "ENUM(%s)", literal_list(s, &f->enum_values));
	if (s->dialect == D_PG && !f->with_tz && f->info->pg_without_tz)
		return f->info->pg_without_tz;
	if (s->dialect == D_PG && f->dimension > 0)
		return vb_printf(s->arena, "%s(%d)", f->info->type[D_PG], f->dimension);
	return f->info->type[s->dialect];
}

/* PostgreSQL keeps arrays (enum arrays too: VibORM drops those); MySQL and
 * SQLite store every array as JSON (nativeType ones too: VibORM drops them). */
static char *
column_type(ser *s, const mfield *f, const char *enum_name)
{
	if (f->array && s->dialect != D_PG)
		return vb_strdup(s->arena, "JSON");
	if (f->array)
		return vb_printf(s->arena, "%s[]", base_type(s, f, enum_name));
	return vb_strdup(s->arena, base_type(s, f, enum_name));
}

/* MySQL's CURRENT_TIMESTAMP takes the column's precision; DATE and TIME
 * columns have no such default. */
static char *
mysql_now(ser *s, const char *type)
{
	if (strncasecmp(type, "DATETIME", 8) != 0 && strncasecmp(type, "TIMESTAMP", 9) != 0)
		return NULL;
	return vb_printf(s->arena, "CURRENT_TIMESTAMP%s", strchr(type, '(') ? strchr(type, '(') : "");
}

/* autoGenerate's database default; the other generators are application-side. */
static char *
generated_default(ser *s, const mfield *f, const char *type)
{
	bool		now = strcmp(f->auto_generate, "now") == 0;

	if (s->dialect == D_PG && strcmp(f->auto_generate, "uuid") == 0)
		return vb_strdup(s->arena, "gen_random_uuid()");
	if (s->dialect == D_PG && now)
		return vb_strdup(s->arena, "now()");	/* as the catalog keeps VibORM's NOW() */
	if (s->dialect == D_MYSQL && now)
		return mysql_now(s, type);
	return NULL;
}

static bool
can_increment(ser *s, const char *type)
{
	int			i;

	if (s->dialect == D_SQLITE)
		return strcasecmp(type, "INTEGER") == 0;
	for (i = 0; s->dialect == D_PG && pg_serial_types[i]; i++)
		if (strcasecmp(type, pg_serial_types[i]) == 0)
			return true;
	return s->dialect == D_MYSQL;
}

/* SQLite's enum: TEXT and CHECK("col" IN ('a', 'b')), as VibORM writes it. */
static void
add_enum_check(ser *s, vb_table *t, const mfield *f)
{
	vb_check   *ck = vb_alloc(s->arena, sizeof(vb_check));
	vb_buf		col;
	const char *p;

	vb_buf_init(&col, s->arena);
	vb_buf_appendc(&col, '"');
	for (p = f->column; *p; p++)
	{
		if (*p == '"')
			vb_buf_appendc(&col, '"');
		vb_buf_appendc(&col, *p);
	}
	vb_buf_appendc(&col, '"');
	ck->expression = vb_printf(s->arena, "%s IN (%s)", col.data, literal_list(s, &f->enum_values));
	ck->path = f->path;
	vb_list_push(s->arena, &t->checks, ck);
}

static bool
build_column(ser *s, mmodel *m, mfield *f)
{
	vb_table   *t = m->tb.t;
	vb_column  *c = vb_alloc(s->arena, sizeof(vb_column));
	char	   *enum_name = NULL;

	if (!vb_set_add(&m->tb.columns, f->column))
		return FAIL(s, f->path, "%s: another field of model \"%s\" already has column \"%s\"",
					f->path, m->key, f->column);
	if (is_enum(f) && !register_enum(s, m, f, &enum_name))
		return false;
	c->name = f->column;
	c->path = f->path;
	c->renamed_from = f->renamed_from;
	c->nullable = f->nullable;
	c->type = column_type(s, f, enum_name);
	c->auto_increment = f->auto_generate && strcmp(f->auto_generate, "increment") == 0;
	if (c->auto_increment && !can_increment(s, c->type))
		return FAIL(s, vb_json_key_path(s->arena, f->path, "autoGenerate"),
					"%s: %s cannot auto-increment a column of type \"%s\"",
					vb_json_key_path(s->arena, f->path, "autoGenerate"), dialect_titles[s->dialect], c->type);
	c->default_expr = f->auto_generate ? generated_default(s, f, c->type) : f->literal;
	if (is_enum(f) && !f->array && s->dialect == D_SQLITE)
		add_enum_check(s, t, f);
	f->col = c;
	vb_list_push(s->arena, &t->columns, c);
	return true;
}

/* ---- building: keys and indexes --------------------------------------------------------- */

/* SQLite's INTEGER PRIMARY KEY AUTOINCREMENT is the whole primary key. */
static bool
check_sqlite_increment(ser *s, const mmodel *m, const vb_list *pk)
{
	int			i;

	for (i = 0; s->dialect == D_SQLITE && i < m->fields.count; i++)
	{
		mfield	   *f = m->fields.items[i];

		if (f->col->auto_increment && !(pk->count == 1 && pk->items[0] == f))
			return FAIL(s, vb_json_key_path(s->arena, f->path, "autoGenerate"),
						"%s: on SQLite an incrementing field must be the model's only primary-key field",
						vb_json_key_path(s->arena, f->path, "autoGenerate"));
	}
	return true;
}

/* The isId fields, or else the compoundId; always named <table>_pkey. */
static bool
build_primary_key(ser *s, mmodel *m)
{
	vb_list		ids = {0};
	vb_key	   *k;
	const char *path = m->path;
	int			i;

	for (i = 0; i < m->fields.count; i++)
		if (((mfield *) m->fields.items[i])->is_id)
			vb_list_push(s->arena, &ids, m->fields.items[i]);
	if (m->compound_id && ids.count > 0)
		return FAIL(s, m->compound_id->path,
					"%s: model \"%s\" has isId fields and a compoundId; a model has one or the other",
					m->compound_id->path, m->key);
	if (m->compound_id)
	{
		ids = m->compound_id->fields;
		path = m->compound_id->path;
	}
	else if (ids.count > 0)
		path = ((mfield *) ids.items[0])->path;
	if (!check_sqlite_increment(s, m, &ids))
		return false;
	if (ids.count == 0)
		return true;
	k = vb_alloc(s->arena, sizeof(vb_key));
	k->columns = *columns_of(s, &ids);
	k->path = path;
	for (i = 0; i < ids.count; i++)
		((mfield *) ids.items[i])->col->nullable = false;
	k->name = name_object(s, &m->tb, "primary key", vb_printf(s->arena, "%s_pkey", m->table),
						  path, IN_TABLE | IN_SCHEMA);
	m->tb.t->primary_key = k;
	return k->name != NULL;
}

static bool
add_unique(ser *s, tbuild *tb, char *raw, const vb_list *columns, const char *path)
{
	vb_key	   *k = vb_alloc(s->arena, sizeof(vb_key));

	k->columns = *columns;
	k->path = path;
	k->name = name_object(s, tb, "unique constraint", raw, path, IN_TABLE | IN_SCHEMA);
	if (k->name == NULL)
		return false;
	vb_list_push(s->arena, &tb->t->uniques, k);
	return true;
}

/* isUnique fields (<table>_<column>_key), then compound uniques
 * (<table>_<name>_key: the name is built from field keys). */
static bool
build_uniques(ser *s, mmodel *m)
{
	int			i;

	for (i = 0; i < m->fields.count; i++)
	{
		mfield	   *f = m->fields.items[i];

		STOP_CHECK(s);
		if (f->is_unique && !f->is_id &&
			!add_unique(s, &m->tb, vb_printf(s->arena, "%s_%s_key", m->table, f->column),
						single(s, f->column), f->path))
			return false;
	}
	for (i = 0; i < m->uniques.count; i++)
	{
		mgroup	   *g = m->uniques.items[i];

		STOP_CHECK(s);
		if (!add_unique(s, &m->tb, vb_printf(s->arena, "%s_%s_key", m->table, g->name),
						columns_of(s, &g->fields), g->path))
			return false;
	}
	return true;
}

static vb_index *
new_index(ser *s, const vb_list *columns)
{
	vb_index   *ix = vb_alloc(s->arena, sizeof(vb_index));
	int			i;

	for (i = 0; i < columns->count; i++)
	{
		vb_index_elem *el = vb_alloc(s->arena, sizeof(vb_index_elem));

		el->column = columns->items[i];
		vb_list_push(s->arena, &ix->elements, el);
		vb_list_push(s->arena, &ix->columns, el->column);
	}
	ix->method = "btree";
	return ix;
}

static bool
add_index(ser *s, tbuild *tb, vb_index *ix, char *raw, const char *path)
{
	ix->path = path;
	ix->name = name_object(s, tb, "index", raw, path, IN_SCHEMA);
	if (ix->name == NULL)
		return false;
	vb_set_add(&tb->index_names, ix->name);
	vb_list_push(s->arena, &tb->t->indexes, ix);
	return true;
}

/* Declared indexes: options.name, else <table>_<field keys>_idx. */
static bool
build_indexes(ser *s, mmodel *m)
{
	int			i;

	for (i = 0; i < m->indexes.count; i++)
	{
		mgroup	   *g = m->indexes.items[i];
		vb_index   *ix = new_index(s, columns_of(s, &g->fields));

		STOP_CHECK(s);
		ix->unique = g->unique;
		ix->method = g->method;
		ix->where = g->where;
		if (!add_index(s, &m->tb, ix, g->name ? g->name :
					   vb_printf(s->arena, "%s_%s_idx", m->table, joined(s, &g->keys)), g->path))
			return false;
	}
	return true;
}

/* ---- building: relations ------------------------------------------------------------------ */

static bool
is_prefix(const vb_list *prefix, const vb_list *cols)
{
	int			i;

	if (prefix->count > cols->count)
		return false;
	for (i = 0; i < prefix->count; i++)
		if (strcmp(prefix->items[i], cols->items[i]) != 0)
			return false;
	return true;
}

static bool
same_set(ser *s, const vb_list *a, const vb_list *b)
{
	vb_set		members;
	int			i;

	if (a->count != b->count)
		return false;
	vb_set_init(&members, s->arena);
	for (i = 0; i < b->count; i++)
		vb_set_add(&members, b->items[i]);
	for (i = 0; i < a->count; i++)
		if (!vb_set_has(&members, a->items[i]))
			return false;
	return true;
}

static bool
has_index_named(const tbuild *tb, const char *name)
{
	return vb_set_has(&tb->index_names, name);
}

/*
 * Is a many-to-one's index redundant? Its columns lead the primary key, a
 * unique constraint, a one-to-one FK, or a total declared index (any index
 * serves a prefix of its columns; a partial one does not).
 */
static bool
fk_index_covered(const mmodel *m, const vb_list *cols, const vb_list *one_to_one)
{
	const vb_table *t = m->tb.t;
	int			i;

	if (t->primary_key && is_prefix(cols, &t->primary_key->columns))
		return true;
	for (i = 0; i < t->uniques.count; i++)
		if (is_prefix(cols, &((vb_key *) t->uniques.items[i])->columns))
			return true;
	for (i = 0; i < one_to_one->count; i++)
		if (is_prefix(cols, one_to_one->items[i]))
			return true;
	for (i = 0; i < m->indexes.count; i++)	/* the declared ones lead t->indexes */
	{
		vb_index   *ix = t->indexes.items[i];

		if (ix->where == NULL && is_prefix(cols, &ix->columns))
			return true;
	}
	return false;
}

/* <table>_<cols>_idx, or <table>_<cols>_fkey_idx when a declared index has
 * that name, or none when both are taken. */
static bool
add_fk_index(ser *s, mmodel *m, const vb_list *cols, const vb_list *one_to_one,
			 const char *path)
{
	char	   *base = vb_printf(s->arena, "%s_%s", m->table, joined(s, cols));
	char	   *raw = vb_printf(s->arena, "%s_idx", base);

	if (fk_index_covered(m, cols, one_to_one))
		return true;
	if (has_index_named(&m->tb, truncated(s, raw)))
		raw = vb_printf(s->arena, "%s_fkey_idx", base);
	if (has_index_named(&m->tb, truncated(s, raw)))
		return true;
	return add_index(s, &m->tb, new_index(s, cols), raw, path);
}

/* A one-to-one's columns are unique: <table>_<cols>_key, unless the primary
 * key, a unique constraint or a total unique index already is. */
static bool
add_one_to_one_unique(ser *s, mmodel *m, const vb_list *cols, const char *path)
{
	const vb_table *t = m->tb.t;
	int			i;

	if (t->primary_key && same_set(s, cols, &t->primary_key->columns))
		return true;
	for (i = 0; i < t->uniques.count; i++)
	{
		STOP_CHECK(s);
		if (same_set(s, cols, &((vb_key *) t->uniques.items[i])->columns))
			return true;
	}
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];

		STOP_CHECK(s);
		if (ix->unique && ix->where == NULL && same_set(s, cols, &ix->columns))
			return true;
	}
	return add_unique(s, &m->tb, vb_printf(s->arena, "%s_%s_key", m->table, joined(s, cols)),
					  cols, path);
}

static vb_fk_action
action_of(const char *name)
{
	return action_values[choice(name, action_names)];
}

static const char *
action_name(vb_fk_action a)
{
	int			i;

	for (i = 0; action_names[i] && action_values[i] != a; i++)
		;
	return action_names[i];
}

static bool
all_nullable(const vb_list *fields)
{
	int			i;

	for (i = 0; i < fields->count; i++)
		if (!((mfield *) fields->items[i])->nullable)
			return false;
	return true;
}

/*
 * A many-to-one and a one-to-one over the same columns to the same key make
 * one foreign key (VibORM makes two under one name, which PostgreSQL
 * refuses); when their actions differ, the document is ambiguous.
 */
static bool
add_foreign_key(ser *s, mmodel *m, mrel *r, vb_foreign_key *fk)
{
	char	   *def = vb_printf(s->arena, "%s\x1e%s\x1e%s", list_key(s, &fk->columns), fk->ref_table,
								list_key(s, &fk->ref_columns));
	mrel	   *o = vb_map_get(&m->tb.fks, def);

	/* the relations before this one that made a foreign key, by definition */
	if (o != NULL)
	{
		if (o->fk->on_delete != fk->on_delete || o->fk->on_update != fk->on_update)
			return FAIL(s, r->path, "%s: relations \"%s\" and \"%s\" of model \"%s\" make one foreign key, but their actions differ (onDelete %s/%s, onUpdate %s/%s)",
						r->path, o->key, r->key, m->key, action_name(o->fk->on_delete),
						action_name(fk->on_delete), action_name(o->fk->on_update),
						action_name(fk->on_update));
		r->fk = o->fk;
		return true;
	}
	vb_map_put(&m->tb.fks, def, r);
	fk->name = name_object(s, &m->tb, "foreign key",
						   vb_printf(s->arena, "%s_%s_fkey", m->table, joined(s, &fk->columns)),
						   r->path, IN_TABLE);
	if (fk->name == NULL)
		return false;
	r->fk = fk;
	vb_list_push(s->arena, &m->tb.t->foreign_keys, fk);
	return true;
}

/* <table>_<cols>_fkey; onDelete setNull when every FK field is nullable,
 * else restrict; onUpdate noAction. */
static bool
build_foreign_key(ser *s, mmodel *m, mrel *r, const vb_list *one_to_one)
{
	vb_foreign_key *fk = vb_alloc(s->arena, sizeof(vb_foreign_key));
	vb_list    *cols = columns_of(s, &r->fields);

	fk->columns = *cols;
	fk->ref_schema = "public";
	fk->ref_table = r->target_model->table;
	fk->ref_columns = *columns_of(s, &r->references);
	fk->on_delete = r->on_delete ? action_of(r->on_delete) :
		all_nullable(&r->fields) ? VB_FK_SET_NULL : VB_FK_RESTRICT;
	fk->on_update = r->on_update ? action_of(r->on_update) : VB_FK_NO_ACTION;
	fk->path = r->path;
	if (!add_foreign_key(s, m, r, fk))
		return false;
	if (strcmp(r->kind, "manyToOne") == 0)
		return add_fk_index(s, m, cols, one_to_one, r->path);
	return add_one_to_one_unique(s, m, cols, r->path);
}

static bool
makes_fk(const mrel *r)
{
	return r->fields.count > 0;	/* only to-one relations take fields */
}

static bool
build_relations(ser *s, mmodel *m)
{
	vb_list		one_to_one = {0};	/* vb_list * of columns, collected first */
	int			i;

	for (i = 0; i < m->relations.count; i++)
	{
		mrel	   *r = m->relations.items[i];

		if (makes_fk(r) && strcmp(r->kind, "oneToOne") == 0)
			vb_list_push(s->arena, &one_to_one, columns_of(s, &r->fields));
	}
	for (i = 0; i < m->relations.count; i++)
	{
		STOP_CHECK(s);
		if (makes_fk(m->relations.items[i]) &&
			!build_foreign_key(s, m, m->relations.items[i], &one_to_one))
			return false;
	}
	return true;
}

static bool
build_table(ser *s, mmodel *m)
{
	vb_table   *t = vb_alloc(s->arena, sizeof(vb_table));
	int			i;

	t->schema = "public";
	t->name = m->table;
	t->model = m->key;
	t->renamed_from = m->renamed_from;
	t->path = m->path;
	m->tb.t = t;
	if (!claim_table(s, &m->tb, m->table, m->path))
		return false;
	for (i = 0; i < m->fields.count; i++)
	{
		STOP_CHECK(s);
		if (!build_column(s, m, m->fields.items[i]))
			return false;
	}
	if (!build_primary_key(s, m) || !build_uniques(s, m) || !build_indexes(s, m) ||
		!build_relations(s, m))
		return false;
	vb_list_push(s->arena, &s->out->tables, t);
	return true;
}

/* ---- building: many-to-many junction tables ----------------------------------------------- */

typedef struct jside
{
	char	   *column;
	mmodel	   *model;
	vb_column  *id;				/* the primary-key column it references */
	char	   *sort_key;
} jside;

static char *
rel_label(ser *s, const mrel *r)
{
	return vb_printf(s->arena, "\"%s.%s\"", r->owner->key, r->key);
}

/*
 * The other side of a many-to-many pair: the target's many-to-many back to
 * this model; among several, the one with the same name.
 */
static bool
find_pair(ser *s, const mrel *r, mrel **out)
{
	vb_list		found = {0};
	int			i;
	int			named = 0;

	*out = NULL;
	for (i = 0; i < r->target_model->relations.count; i++)
	{
		mrel	   *o = r->target_model->relations.items[i];

		if (o != r && strcmp(o->kind, "manyToMany") == 0 && o->target_model == r->owner)
			vb_list_push(s->arena, &found, o);
	}
	if (found.count == 1)
	{
		mrel	   *o = found.items[0];

		*out = (o->name && r->name && strcmp(o->name, r->name) != 0) ? NULL : o;
		return true;
	}
	for (i = 0; i < found.count; i++)
	{
		mrel	   *o = found.items[i];

		if ((o->name == NULL && r->name == NULL) ||
			(o->name && r->name && strcmp(o->name, r->name) == 0))
		{
			*out = o;
			named++;
		}
	}
	if (found.count > 1 && named != 1)
		return FAIL(s, r->path, "%s: the many-to-many relations between \"%s\" and \"%s\" are ambiguous; give each pair a distinct name on both sides",
					r->path, r->owner->key, r->target_model->key);
	return true;
}

/* A value either side may set; both setting different ones is an error. */
static bool
pair_value(ser *s, const mrel *r, const mrel *p, const char *what, char *mine, char *theirs,
		   char **out)
{
	if (mine && theirs && strcmp(mine, theirs) != 0)
		return FAIL(s, r->path, "%s: relations %s and %s disagree on %s: \"%s\" vs \"%s\"",
					r->path, rel_label(s, r), rel_label(s, p), what, mine, theirs);
	*out = mine ? mine : theirs;
	return true;
}

/* through, else the lower-cased model keys sorted and joined by _, plus the
 * pair's name. */
static bool
junction_name(ser *s, const mrel *r, const mrel *p, char **raw)
{
	char	   *a = lower(s, r->owner->key);
	char	   *b = lower(s, r->target_model->key);
	char	   *name = r->name ? r->name : p ? p->name : NULL;

	if (!pair_value(s, r, p, "through", r->through, p ? p->through : NULL, raw))
		return false;
	if (*raw)
		return true;
	if (strcmp(a, b) > 0)
	{
		char	   *swap = a;

		a = b;
		b = swap;
	}
	*raw = name ? vb_printf(s->arena, "%s_%s_%s", a, b, name) : vb_printf(s->arena, "%s_%s", a, b);
	return true;
}

/* A (this side's column) and B (the target's), from either side (the pair's
 * A is this side's B); else <model>Id, or <model>AId/<model>BId for a
 * self-relation. */
static bool
junction_columns(ser *s, const mrel *r, const mrel *p, jside *side)
{
	char	   *src = lower(s, r->owner->key);
	char	   *dst = lower(s, r->target_model->key);
	bool		self = r->owner == r->target_model;

	if (!pair_value(s, r, p, "the column A (the pair's B)", r->a, p ? p->b : NULL, &side[0].column) ||
		!pair_value(s, r, p, "the column B (the pair's A)", r->b, p ? p->a : NULL, &side[1].column))
		return false;
	if (self && p && !(side[0].column && side[1].column))
		return FAIL(s, r->path, "%s: the self-referential many-to-many relations %s and %s need explicit junction columns: set A and B on one side",
					r->path, rel_label(s, r), rel_label(s, p));
	if (side[0].column == NULL)
		side[0].column = truncated(s, vb_printf(s->arena, "%s%sId", src, self ? "A" : ""));
	if (side[1].column == NULL)
		side[1].column = truncated(s, vb_printf(s->arena, "%s%sId", dst, self ? "B" : ""));
	if (strcmp(side[0].column, side[1].column) == 0)
		return FAIL(s, r->path, "%s: both columns of the junction table are named \"%s\"",
					r->path, side[0].column);
	return true;
}

static bool
junction_actions(ser *s, const mrel *r, const mrel *p, vb_fk_action *del, vb_fk_action *upd)
{
	char	   *d;
	char	   *u;

	if (!pair_value(s, r, p, "onDelete", r->on_delete, p ? p->on_delete : NULL, &d) ||
		!pair_value(s, r, p, "onUpdate", r->on_update, p ? p->on_update : NULL, &u))
		return false;
	*del = d ? action_of(d) : VB_FK_CASCADE;
	*upd = u ? action_of(u) : VB_FK_CASCADE;
	return true;
}

/* The single-column primary key a junction column references (a compound
 * id, even of one field, is not one: VibORM refuses it). */
static vb_column *
single_id(ser *s, const mmodel *m, const char *path)
{
	const vb_key *pk = m->tb.t->primary_key;

	if (pk && pk->columns.count == 1 && m->compound_id == NULL)
		return vb_find_column(m->tb.t, pk->columns.items[0]);
	FAIL(s, path, "%s: model \"%s\" has no single-column primary key, which a many-to-many relation needs",
		 path, m->key);
	return NULL;
}

static bool
add_junction_fk(ser *s, tbuild *tb, const jside *side, vb_fk_action del, vb_fk_action upd,
				const char *path)
{
	vb_foreign_key *fk = vb_alloc(s->arena, sizeof(vb_foreign_key));

	fk->columns = *single(s, side->column);
	fk->ref_schema = "public";
	fk->ref_table = side->model->table;
	fk->ref_columns = *single(s, side->id->name);
	fk->on_delete = del;
	fk->on_update = upd;
	fk->path = path;
	fk->name = name_object(s, tb, "foreign key",
						   vb_printf(s->arena, "%s_%s_fkey", tb->t->name, side->column), path, IN_TABLE);
	if (fk->name == NULL)
		return false;
	vb_list_push(s->arena, &tb->t->foreign_keys, fk);
	return true;
}

/* Columns NOT NULL in sorted order, PK over both (unnamed: PostgreSQL names
 * it), an index on the second, an FK from each. */
static bool
make_junction(ser *s, const mrel *r, char *raw, const jside *side, vb_fk_action del,
			  vb_fk_action upd)
{
	tbuild	   *tb = vb_alloc(s->arena, sizeof(tbuild));
	vb_table   *t = vb_alloc(s->arena, sizeof(vb_table));
	vb_key	   *k = vb_alloc(s->arena, sizeof(vb_key));
	int			i;

	t->schema = "public";
	t->name = truncated(s, raw);
	t->path = r->path;
	tb->t = t;
	tbuild_init(s, tb);
	if (!claim_table(s, tb, raw, r->path))
		return false;
	for (i = 0; i < 2; i++)
	{
		vb_column  *c = vb_alloc(s->arena, sizeof(vb_column));

		c->name = side[i].column;
		c->type = side[i].id->type;
		c->path = r->path;
		vb_list_push(s->arena, &t->columns, c);
		vb_list_push(s->arena, &k->columns, c->name);
	}
	k->path = r->path;
	k->name = name_object_as(s, tb, "primary key", vb_printf(s->arena, "%s_pkey", raw),
							 vb_make_object_name(s->arena, t->name, NULL, "pkey"), r->path, IN_TABLE | IN_SCHEMA);
	t->primary_key = k;
	if (k->name == NULL ||
		!add_index(s, tb, new_index(s, single(s, side[1].column)),
				   vb_printf(s->arena, "%s_%s_idx", t->name, side[1].column), r->path) ||
		!add_junction_fk(s, tb, &side[0], del, upd, r->path) ||
		!add_junction_fk(s, tb, &side[1], del, upd, r->path))
		return false;
	vb_list_push(s->arena, &s->out->tables, t);
	return true;
}

/* The two sides of a pair make the same table; a table named the same for
 * another pair is an error. */
static bool
register_junction(ser *s, const mrel *r, const mrel *p, const char *name, const jside *side,
				  vb_fk_action del, vb_fk_action upd, bool *known)
{
	const char *pair = r->name ? r->name : p && p->name ? p->name : "";
	char	   *sig = vb_printf(s->arena, "%s %s %s|%s %s|%s %s|%d %d", side[0].sort_key,
								side[1].sort_key, pair, side[0].column, side[0].id->type,
								side[1].column, side[1].id->type, (int) del, (int) upd);
	mjunction  *j = vb_map_get(&s->junctions, name);

	*known = j != NULL;
	if (j && strcmp(j->signature, sig) != 0)
		return FAIL(s, r->path, "%s: junction table \"%s\" would serve relations %s and %s of two different pairs; give each pair a distinct name or its own through",
					r->path, name, rel_label(s, j->rel), rel_label(s, r));
	if (j)
		return true;
	j = vb_alloc(s->arena, sizeof(mjunction));
	j->signature = sig;
	j->rel = r;
	vb_map_put(&s->junctions, name, j);
	return true;
}

static bool
build_junction(ser *s, const mrel *r)
{
	mrel	   *p;
	char	   *raw;
	jside		side[2];
	vb_fk_action del;
	vb_fk_action upd;
	bool		known;

	memset(side, 0, sizeof(side));
	if (!find_pair(s, r, &p) || !junction_name(s, r, p, &raw) ||
		!junction_columns(s, r, p, side) || !junction_actions(s, r, p, &del, &upd) ||
		!(side[0].id = single_id(s, r->owner, r->path)) ||
		!(side[1].id = single_id(s, r->target_model, r->path)))
		return false;
	side[0].model = r->owner;
	side[1].model = r->target_model;
	side[0].sort_key = lower(s, r->owner->key);
	side[1].sort_key = lower(s, r->target_model->key);
	if (strcmp(side[0].sort_key, side[1].sort_key) > 0 ||
		(strcmp(side[0].sort_key, side[1].sort_key) == 0 &&
		 strcmp(side[0].column, side[1].column) > 0))
	{
		jside		swap = side[0];

		side[0] = side[1];
		side[1] = swap;
	}
	if (!register_junction(s, r, p, truncated(s, raw), side, del, upd, &known))
		return false;
	return known || make_junction(s, r, raw, side, del, upd);
}

/* ---- finishing ------------------------------------------------------------------------------ */

static void
add_all(vb_set *dst, const vb_list *src)
{
	int			i;

	for (i = 0; i < src->count; i++)
		vb_set_add(dst, src->items[i]);
}

/* MySQL cannot index TEXT without a key length: a TEXT column in a key,
 * an index or an FK is VARCHAR(191), as VibORM (and Prisma) make it. */
static void
widen_keyed_text(ser *s, vb_table *t)
{
	vb_set		keyed;
	int			i;

	vb_set_init(&keyed, s->arena);
	if (t->primary_key)
		add_all(&keyed, &t->primary_key->columns);
	for (i = 0; i < t->uniques.count; i++)
		add_all(&keyed, &((vb_key *) t->uniques.items[i])->columns);
	for (i = 0; i < t->indexes.count; i++)
		add_all(&keyed, &((vb_index *) t->indexes.items[i])->columns);
	for (i = 0; i < t->foreign_keys.count; i++)
		add_all(&keyed, &((vb_foreign_key *) t->foreign_keys.items[i])->columns);
	for (i = 0; i < t->columns.count; i++)
	{
		vb_column  *c = t->columns.items[i];

		if (strcasecmp(c->type, "TEXT") == 0 && vb_set_has(&keyed, c->name))
			c->type = vb_strdup(s->arena, "VARCHAR(191)");
	}
}

static bool
build_all(ser *s)
{
	int			i;
	int			j;

	for (i = 0; i < s->models.count; i++)
	{
		STOP_CHECK(s);
		if (!build_table(s, s->models.items[i]))
			return false;
	}
	for (i = 0; i < s->models.count; i++)
	{
		mmodel	   *m = s->models.items[i];

		for (j = 0; j < m->relations.count; j++)
		{
			STOP_CHECK(s);
			if (strcmp(((mrel *) m->relations.items[j])->kind, "manyToMany") == 0 &&
				!build_junction(s, m->relations.items[j]))
				return false;
		}
	}
	for (i = 0; s->dialect == D_MYSQL && i < s->out->tables.count; i++)
	{
		STOP_CHECK(s);
		widen_keyed_text(s, s->out->tables.items[i]);
	}
	return true;
}


bool
vb_model_read(vb_arena *arena, const char *json, const char *dialect, vb_schema **out,
			  vb_error *err)
{
	ser			s;
	cJSON	   *root;
	int			d = dialect ? choice(dialect, dialect_names) : -1;
	bool		ok;

	memset(&s, 0, sizeof(s));
	s.arena = arena;
	s.err = err;
	if (d < 0)
		return FAIL(&s, NULL, "dialect must be \"pg\", \"mysql\" or \"sqlite\", not \"%s\"",
					dialect ? dialect : "(none)");
	s.dialect = (dialect_t) d;
	s.out = vb_alloc(arena, sizeof(vb_schema));
	s.out->dialect = vb_strdup(arena, dialect);
	vb_map_init(&s.by_key, arena, 16);
	vb_map_init(&s.relations, arena, 64);
	vb_map_init(&s.types, arena, 16);
	vb_map_init(&s.enums, arena, 16);
	vb_map_init(&s.junctions, arena, 16);
	root = vb_json_parse(arena, json, "the schema document", "", err);
	if (root == NULL)
		return false;
	ok = read_models(&s, root);
	vb_json_discard(root);		/* everything read is copied into the arena */
	if (!ok || !resolve_models(&s) || !build_all(&s))
		return false;
	*out = s.out;
	return true;
}
