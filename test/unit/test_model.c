/*
 * test_model.c — the model form ({"models": {...}}, vb_model_read): one test
 * per rule of VibORM's serializer (docs/models.md, reference
 * viborm-model-rules.md), named after the rule, for each dialect the rule
 * applies to (suffix _pg, _mysql, _sqlite); then the validation errors;
 * then VibORM's own output for the blog (test/unit/data/blog-*.json, copies
 * of reference/examples/blog) and Example 2 of model-form.md, table by table.
 *
 * JSON here is written with ' for " and ` for a literal ' (see J()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "unit.h"

enum
{
	PG,
	MYSQL,
	SQLITE
};

static const char *const dialect[] = {"pg", "mysql", "sqlite"};

/* A rule checked for one dialect: rule_x(arena, PG) becomes test_rule_x_pg. */
#define DIALECT_TEST(rule, suffix, d) \
	static void test_##rule##_##suffix(void **state) { rule(ARENA(state), d); }
#define ALL_DIALECTS(rule) \
	DIALECT_TEST(rule, pg, PG) DIALECT_TEST(rule, mysql, MYSQL) DIALECT_TEST(rule, sqlite, SQLITE)
#define LIST_ALL(rule) \
	UNIT_TEST(test_##rule##_pg), UNIT_TEST(test_##rule##_mysql), UNIT_TEST(test_##rule##_sqlite)

#define ID_INT "{'key': 'id', 'type': 'int', 'isId': true}"
#define ID_STRING "{'key': 'id', 'type': 'string', 'isId': true}"

/* ---- helpers ----------------------------------------------------------------- */

static vb_schema *
unit_model_ok(vb_arena *a, int d, const char *json, const char *file, int line)
{
	vb_schema  *s = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_model_read(a, json, dialect[d], &s, &err))
	{
		print_error("vb_model_read (%s) failed: [%s] %s (path %s)\n", dialect[d], err.code,
					err.message ? err.message : "(null)", err.path ? err.path : "(null)");
		_fail(file, line);
	}
	return s;
}

static vb_error *
unit_model_err(vb_arena *a, int d, const char *json, const char *path, const char *fragment,
			   const char *file, int line)
{
	vb_schema  *s = NULL;
	vb_error   *err = vb_alloc(a, sizeof(vb_error));

	if (vb_model_read(a, json, dialect[d], &s, err))
	{
		print_error("vb_model_read (%s) accepted %s\n", dialect[d], json);
		_fail(file, line);
	}
	if (strcmp(err->code, VB_ERR_INVALID) != 0 ||
		(path == NULL ? err->path != NULL : (err->path == NULL || strcmp(err->path, path) != 0)))
	{
		print_error("error [%s] at \"%s\", expected VB001 at \"%s\" (message: %s)\n", err->code,
					err->path ? err->path : "(null)", path ? path : "(null)",
					err->message ? err->message : "(null)");
		_fail(file, line);
	}
	if (fragment)
		unit_assert_contains(err->message, fragment, file, line);
	return err;
}

#define model_ok(a, d, json) unit_model_ok((a), (d), J((a), (json)), __FILE__, __LINE__)
#define model_err(a, d, json, path, fragment) \
	unit_model_err((a), (d), J((a), (json)), (path), (fragment), __FILE__, __LINE__)

static char *
repeat(vb_arena *a, const char *s, int n)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < n; i++)
		vb_buf_append(&buf, s);
	return buf.data;
}

/* {"models": {"t": {"fields": [<fields>]<extra>}}} */
static char *
doc1(vb_arena *a, const char *fields, const char *extra)
{
	return vb_printf(a, "{'models': {'t': {'fields': [%s]%s}}}", fields, extra);
}

/*
 * Two models: "a" (id int, then fields_a; relations_a) and "b" (id of
 * type id_b, then fields_b; relations_b).
 */
static char *
doc2(vb_arena *a, const char *fields_a, const char *rels_a, const char *id_b,
	 const char *fields_b, const char *rels_b)
{
	return vb_printf(a, "{'models': {'a': {'fields': [" ID_INT "%s], 'relations': [%s]}, "
					 "'b': {'fields': [{'key': 'id', 'type': '%s', 'isId': true}%s], "
					 "'relations': [%s]}}}", fields_a, rels_a, id_b, fields_b, rels_b);
}

static vb_table *
tab(const vb_schema *s, const char *name)
{
	vb_table   *t = vb_find_table(s, "public", name);

	if (t == NULL)
		print_error("no table \"%s\"\n", name);
	assert_non_null(t);
	return t;
}

static vb_column *
colm(const vb_table *t, const char *name)
{
	vb_column  *c = vb_find_column(t, name);

	if (c == NULL)
		print_error("table \"%s\" has no column \"%s\"\n", t->name, name);
	assert_non_null(c);
	return c;
}

/* "a,b" */
static char *
csv(vb_arena *a, const vb_list *l)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < l->count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? "," : "", (char *) l->items[i]);
	return buf.data;
}

/* "name(cols) name(cols)" of a table's uniques, indexes or FKs. */
static char *
uniques_of(vb_arena *a, const vb_table *t)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < t->uniques.count; i++)
	{
		vb_key	   *k = t->uniques.items[i];

		vb_buf_appendf(&buf, "%s%s(%s)", i ? " " : "", k->name, csv(a, &k->columns));
	}
	return buf.data;
}

static char *
indexes_of(vb_arena *a, const vb_table *t)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *x = t->indexes.items[i];

		vb_buf_appendf(&buf, "%s%s(%s)", i ? " " : "", x->name, csv(a, &x->columns));
	}
	return buf.data;
}

static char *
fks_of(vb_arena *a, const vb_table *t)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < t->foreign_keys.count; i++)
	{
		vb_foreign_key *f = t->foreign_keys.items[i];

		vb_buf_appendf(&buf, "%s%s(%s)->%s(%s)", i ? " " : "", f->name, csv(a, &f->columns),
					   f->ref_table, csv(a, &f->ref_columns));
	}
	return buf.data;
}

static vb_foreign_key *
fk_at(const vb_table *t, int i)
{
	assert_in_range(i, 0, t->foreign_keys.count - 1);
	return t->foreign_keys.items[i];
}

static vb_index *
index_at(const vb_table *t, int i)
{
	assert_in_range(i, 0, t->indexes.count - 1);
	return t->indexes.items[i];
}

/* The first column of the one-table document made of `field`. */
static vb_column *
column_of(vb_arena *a, int d, const char *field)
{
	vb_schema  *s = model_ok(a, d, doc1(a, field, ""));

	return tab(s, "t")->columns.items[0];
}

static const char *
type_of(vb_arena *a, int d, const char *field)
{
	return column_of(a, d, field)->type;
}

static void
unit_assert_default(const vb_column *c, const char *want, const char *file, int line)
{
	if (want == NULL ? c->default_expr == NULL :
		(c->default_expr != NULL && strcmp(c->default_expr, want) == 0))
		return;
	print_error("column \"%s\" default %s, expected %s\n", c->name,
				c->default_expr ? c->default_expr : "(none)", want ? want : "(none)");
	_fail(file, line);
}

#define assert_default(c, want) unit_assert_default((c), (want), __FILE__, __LINE__)

static char *
read_text_file(vb_arena *a, const char *path)
{
	FILE	   *f = fopen(path, "rb");
	vb_buf		buf;
	char		chunk[4096];
	size_t		n;

	if (f == NULL)
		return NULL;
	vb_buf_init(&buf, a);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		vb_buf_appendn(&buf, chunk, n);
	fclose(f);
	return buf.data;
}

/* ---- names ---------------------------------------------------------------------- */

static void
rule_table_name_is_map_or_model_key(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'Post': {'fields': [" ID_INT "]}, "
							 "'user': {'tableName': 'users', 'fields': [" ID_INT "]}}}");

	assert_string_equal(tab(s, "Post")->model, "Post");	/* case kept */
	assert_string_equal(tab(s, "users")->model, "user");
	assert_null(vb_find_table(s, "public", "user"));
	assert_string_equal(tab(s, "users")->schema, "public");
	assert_string_equal(s->dialect, dialect[d]);
}

ALL_DIALECTS(rule_table_name_is_map_or_model_key)

static void
rule_column_name_is_map_or_field_key(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, ID_INT ", {'key': 'displayName', 'type': 'string', "
										"'columnName': 'display_name'}, {'key': 'bio', 'type': 'string'}", ""));
	vb_table   *t = tab(s, "t");

	assert_int_equal(t->columns.count, 3);
	assert_string_equal(((vb_column *) t->columns.items[1])->name, "display_name");
	assert_string_equal(((vb_column *) t->columns.items[2])->name, "bio");
	assert_null(vb_find_column(t, "displayName"));
}

ALL_DIALECTS(rule_column_name_is_map_or_field_key)

static void
rule_user_name_over_63_bytes_is_error(vb_arena *a, int d)
{
	char	   *n64 = repeat(a, "n", 64);
	char	   *n63 = repeat(a, "n", 63);

	model_err(a, d, vb_printf(a, "{'models': {'t': {'tableName': '%s', 'fields': []}}}", n64),
			  "models.t.tableName", "longer than 63 bytes");
	model_err(a, d, doc1(a, vb_printf(a, "{'key': 'x', 'type': 'int', 'columnName': '%s'}", n64), ""),
			  "models.t.fields[0].columnName", "longer than 63 bytes");
	model_err(a, d, doc1(a, vb_printf(a, "{'key': '%s', 'type': 'int'}", n64), ""),
			  "models.t.fields[0].key", "longer than 63 bytes");
	model_err(a, d, doc1(a, ID_INT, vb_printf(a, ", 'indexes': [{'fields': ['id'], "
											  "'options': {'name': '%s'}}]", n64)),
			  "models.t.indexes[0].options.name", "longer than 63 bytes");
	model_err(a, d, doc1(a, vb_printf(a, "{'key': 'e', 'type': 'enum', 'enumName': '%s', "
									  "'enumValues': ['x']}", n64), ""),
			  "models.t.fields[0].enumName", "longer than 63 bytes");
	model_err(a, d, doc2(a, "", vb_printf(a, "{'key': 'b', 'type': 'manyToMany', 'target': 'b', "
										  "'through': '%s'}", n64), "int", "", ""),
			  "models.a.relations[0].through", "longer than 63 bytes");
	/* 63 bytes is fine */
	assert_non_null(tab(model_ok(a, d, vb_printf(a, "{'models': {'t': {'tableName': '%s', "
												 "'fields': []}}}", n63)), n63));
}

ALL_DIALECTS(rule_user_name_over_63_bytes_is_error)

static void
rule_generated_name_cut_like_postgresql(vb_arena *a, int d)
{
	char	   *table = repeat(a, "t", 60);
	vb_schema  *s = model_ok(a, d, vb_printf(a, "{'models': {'m': {'tableName': '%s', 'fields': ["
											 ID_INT ", {'key': 'email', 'type': 'string', 'isUnique': true}]}}}",
											 table));
	vb_key	   *k = tab(s, table)->uniques.items[0];

	/* VibORM sends <table>_email_key (70 bytes); the server keeps 63 */
	assert_int_equal(strlen(k->name), 63);
	assert_string_equal(k->name, vb_printf(a, "%s_em", table));
	assert_string_equal(tab(s, table)->primary_key->name, vb_printf(a, "%s_pk", table));
}

ALL_DIALECTS(rule_generated_name_cut_like_postgresql)

static void
rule_generated_names_colliding_after_cut_is_error(vb_arena *a, int d)
{
	char	   *table = repeat(a, "t", 55);
	vb_error   *err = model_err(a, d, vb_printf(a, "{'models': {'m': {'tableName': '%s', 'fields': ["
												ID_INT ", {'key': 'abcdefgh1', 'type': 'int', 'isUnique': true}, "
												"{'key': 'abcdefgh2', 'type': 'int', 'isUnique': true}]}}}", table),
								  "models.m.fields[2]", "has the same name as unique constraint");

	assert_contains(err->message, "models.m.fields[1]");
	assert_contains(err->message, "cut from");
}

ALL_DIALECTS(rule_generated_names_colliding_after_cut_is_error)

/* ---- type map ------------------------------------------------------------------------ */

static void
assert_type_map(vb_arena *a, int d, const char *field, const char *pg, const char *mysql,
				const char *sqlite)
{
	const char *want[] = {pg, mysql, sqlite};

	assert_string_equal(type_of(a, d, field), want[d]);
}

static void
rule_type_string(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 's', 'type': 'string'}", "text", "TEXT", "TEXT");
}

ALL_DIALECTS(rule_type_string)

static void
rule_type_int_and_bigint(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'i', 'type': 'int'}", "integer", "INT", "INTEGER");
	assert_type_map(a, d, "{'key': 'i', 'type': 'bigint'}", "bigint", "BIGINT", "INTEGER");
}

ALL_DIALECTS(rule_type_int_and_bigint)

static void
rule_type_float(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'f', 'type': 'float'}", "double precision", "DOUBLE", "REAL");
}

ALL_DIALECTS(rule_type_float)

static void
rule_type_decimal(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'x', 'type': 'decimal'}", "numeric", "DECIMAL(65,30)", "TEXT");
}

ALL_DIALECTS(rule_type_decimal)

static void
rule_type_boolean(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'b', 'type': 'boolean'}", "boolean", "TINYINT(1)", "INTEGER");
}

ALL_DIALECTS(rule_type_boolean)

static void
rule_type_datetime(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'x', 'type': 'datetime'}", "timestamptz", "DATETIME(3)", "TEXT");
	assert_type_map(a, d, "{'key': 'x', 'type': 'datetime', 'withTimezone': true}",
					"timestamptz", "DATETIME(3)", "TEXT");
	assert_type_map(a, d, "{'key': 'x', 'type': 'datetime', 'withTimezone': false}",
					"timestamp", "DATETIME(3)", "TEXT");
}

ALL_DIALECTS(rule_type_datetime)

static void
rule_type_date(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'x', 'type': 'date'}", "date", "DATE", "TEXT");
}

ALL_DIALECTS(rule_type_date)

static void
rule_type_time(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'x', 'type': 'time'}", "timetz", "TIME(3)", "TEXT");
	assert_type_map(a, d, "{'key': 'x', 'type': 'time', 'withTimezone': false}",
					"time", "TIME(3)", "TEXT");
}

ALL_DIALECTS(rule_type_time)

static void
rule_type_json(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'x', 'type': 'json'}", "jsonb", "JSON", "JSON");
}

ALL_DIALECTS(rule_type_json)

static void
rule_type_blob(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'x', 'type': 'blob'}", "bytea", "BLOB", "BLOB");
}

ALL_DIALECTS(rule_type_blob)

static void
rule_type_vector(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'x', 'type': 'vector'}", "vector", "JSON", "JSON");
	assert_type_map(a, d, "{'key': 'x', 'type': 'vector', 'dimension': 3}", "vector(3)", "JSON", "JSON");
}

ALL_DIALECTS(rule_type_vector)

static void
rule_type_point(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'x', 'type': 'point'}", "point", "POINT", "JSON");
}

ALL_DIALECTS(rule_type_point)

static void
rule_type_enum(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, "{'key': 'role', 'type': 'enum', "
										"'enumValues': ['a', 'b`c']}", ""));
	vb_table   *t = tab(s, "t");
	const char *want[] = {"t_role_enum", "ENUM('a', 'b''c')", "TEXT"};

	assert_string_equal(colm(t, "role")->type, want[d]);
	assert_int_equal(s->enums.count, d == PG ? 1 : 0);
	assert_int_equal(t->checks.count, d == SQLITE ? 1 : 0);
	if (d == PG)
	{
		vb_enum    *e = s->enums.items[0];

		assert_string_equal(e->name, "t_role_enum");
		assert_string_equal(e->schema, "public");
		assert_int_equal(e->values.count, 2);
		assert_string_equal(((vb_enum_value *) e->values.items[1])->name, "b'c");
	}
	if (d == SQLITE)
		assert_string_equal(((vb_check *) t->checks.items[0])->expression,
							"\"role\" IN ('a', 'b''c')");
}

ALL_DIALECTS(rule_type_enum)

static void
rule_type_enum_name_quoted_when_needed(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'Doc': {'fields': [{'key': 'kind', 'type': 'enum', "
							 "'enumValues': ['x']}]}}}");

	assert_string_equal(colm(tab(s, "Doc"), "kind")->type, "\"Doc_kind_enum\"");
	assert_string_equal(((vb_enum *) s->enums.items[0])->name, "Doc_kind_enum");
}

DIALECT_TEST(rule_type_enum_name_quoted_when_needed, pg, PG)

static void
rule_type_array(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'x', 'type': 'string', 'array': true}", "text[]", "JSON", "JSON");
	assert_type_map(a, d, "{'key': 'x', 'type': 'int', 'array': true}", "integer[]", "JSON", "JSON");
	assert_type_map(a, d, "{'key': 'x', 'type': 'datetime', 'withTimezone': false, 'array': true}",
					"timestamp[]", "JSON", "JSON");
}

ALL_DIALECTS(rule_type_array)

static void
rule_string_text_when_not_keyed(vb_arena *a, int d)
{
	assert_string_equal(type_of(a, d, "{'key': 's', 'type': 'string'}"), "TEXT");
}

DIALECT_TEST(rule_string_text_when_not_keyed, mysql, MYSQL)

static void
rule_string_varchar191_in_primary_key(vb_arena *a, int d)
{
	assert_string_equal(type_of(a, d, ID_STRING), "VARCHAR(191)");
}

DIALECT_TEST(rule_string_varchar191_in_primary_key, mysql, MYSQL)

static void
rule_string_varchar191_in_unique(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, "{'key': 'a', 'type': 'string', 'isUnique': true}, "
										"{'key': 'b', 'type': 'string'}, {'key': 'c', 'type': 'string'}",
										", 'compoundUniques': [{'name': 'b_x', 'fields': ['b']}]"));

	assert_string_equal(colm(tab(s, "t"), "a")->type, "VARCHAR(191)");
	assert_string_equal(colm(tab(s, "t"), "b")->type, "VARCHAR(191)");
	assert_string_equal(colm(tab(s, "t"), "c")->type, "TEXT");
}

DIALECT_TEST(rule_string_varchar191_in_unique, mysql, MYSQL)

static void
rule_string_varchar191_in_index(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, "{'key': 'a', 'type': 'string'}, "
										"{'key': 'b', 'type': 'string', 'nativeType': {'db': 'mysql', 'type': 'text'}}",
										", 'indexes': [{'fields': ['a', 'b']}]"));

	assert_string_equal(colm(tab(s, "t"), "a")->type, "VARCHAR(191)");
	assert_string_equal(colm(tab(s, "t"), "b")->type, "VARCHAR(191)");	/* any spelling of TEXT */
}

DIALECT_TEST(rule_string_varchar191_in_index, mysql, MYSQL)

static void
rule_string_varchar191_in_foreign_key(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc2(a, ", {'key': 'bId', 'type': 'string'}",
										"{'key': 'b', 'type': 'manyToOne', 'target': 'b', 'fields': ['bId'], 'references': ['id']}",
										"string", ", {'key': 'note', 'type': 'string'}", ""));

	assert_string_equal(colm(tab(s, "a"), "bId")->type, "VARCHAR(191)");
	assert_string_equal(colm(tab(s, "b"), "id")->type, "VARCHAR(191)");
	assert_string_equal(colm(tab(s, "b"), "note")->type, "TEXT");
}

DIALECT_TEST(rule_string_varchar191_in_foreign_key, mysql, MYSQL)

/* ---- enums: VibORM's defects fixed --------------------------------------------------------- */

static void
rule_enum_array_keeps_array(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, "{'key': 'tags', 'type': 'enum', 'array': true, "
										"'enumValues': ['x', 'y']}", ""));

	assert_string_equal(colm(tab(s, "t"), "tags")->type, "t_tags_enum[]");
	assert_int_equal(s->enums.count, 1);
}

DIALECT_TEST(rule_enum_array_keeps_array, pg, PG)

static void
rule_enum_array_is_json(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, "{'key': 'tags', 'type': 'enum', 'array': true, "
										"'enumValues': ['x', 'y']}", ""));

	assert_string_equal(colm(tab(s, "t"), "tags")->type, "JSON");
	assert_int_equal(tab(s, "t")->checks.count, 0);
}

DIALECT_TEST(rule_enum_array_is_json, mysql, MYSQL)
DIALECT_TEST(rule_enum_array_is_json, sqlite, SQLITE)

static void
rule_enum_name_shared_by_fields(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, "{'key': 'x', 'type': 'enum', 'enumName': 'status', "
										"'enumValues': ['on', 'off']}, {'key': 'y', 'type': 'enum', "
										"'enumName': 'status', 'enumValues': ['on', 'off']}", ""));
	const char *want[] = {"status", "ENUM('on', 'off')", "TEXT"};

	assert_string_equal(colm(tab(s, "t"), "x")->type, want[d]);
	assert_string_equal(colm(tab(s, "t"), "y")->type, want[d]);
	assert_int_equal(s->enums.count, d == PG ? 1 : 0);
	assert_int_equal(tab(s, "t")->checks.count, d == SQLITE ? 2 : 0);
}

ALL_DIALECTS(rule_enum_name_shared_by_fields)

static void
rule_conflicting_enum_definitions_are_error(vb_arena *a, int d)
{
	vb_error   *err = model_err(a, d, doc1(a, "{'key': 'x', 'type': 'enum', 'enumName': 'status', "
										   "'enumValues': ['on', 'off']}, {'key': 'y', 'type': 'enum', "
										   "'enumName': 'status', 'enumValues': ['off', 'on']}", ""),
								  "models.t.fields[1].enumValues", "enum \"status\" is defined twice");

	assert_contains(err->message, "models.t.fields[0]");
}

ALL_DIALECTS(rule_conflicting_enum_definitions_are_error)

/* ---- nativeType --------------------------------------------------------------------------- */

static void
rule_native_type_replaces_type_map_on_its_dialect(vb_arena *a, int d)
{
	assert_type_map(a, d, "{'key': 'h', 'type': 'string', 'nativeType': {'db': 'pg', 'type': 'varchar(40)'}}",
					"varchar(40)", "TEXT", "TEXT");
	assert_type_map(a, d, "{'key': 'x', 'type': 'decimal', 'nativeType': {'db': 'mysql', 'type': 'DECIMAL(12,4)'}}",
					"numeric", "DECIMAL(12,4)", "TEXT");
	assert_type_map(a, d, "{'key': 'x', 'type': 'string', 'nativeType': {'db': 'sqlite', 'type': 'VARCHAR'}}",
					"text", "TEXT", "VARCHAR");
}

ALL_DIALECTS(rule_native_type_replaces_type_map_on_its_dialect)

static void
rule_native_type_array(vb_arena *a, int d)
{
	/* PostgreSQL appends []; elsewhere an array is JSON (VibORM drops the array) */
	assert_type_map(a, d, vb_printf(a, "{'key': 'x', 'type': 'string', 'array': true, "
									"'nativeType': {'db': '%s', 'type': 'varchar(9)'}}", dialect[d]),
					"varchar(9)[]", "JSON", "JSON");
}

ALL_DIALECTS(rule_native_type_array)

/* ---- defaults ------------------------------------------------------------------------------- */

static void
rule_auto_generate_uuid(vb_arena *a, int d)
{
	const char *want[] = {"gen_random_uuid()", NULL, NULL};

	assert_default(column_of(a, d, "{'key': 'id', 'type': 'string', 'autoGenerate': 'uuid'}"), want[d]);
}

ALL_DIALECTS(rule_auto_generate_uuid)

static void
rule_auto_generate_now(vb_arena *a, int d)
{
	const char *want[] = {"now()", "CURRENT_TIMESTAMP(3)", NULL};

	assert_default(column_of(a, d, "{'key': 'at', 'type': 'datetime', 'autoGenerate': 'now'}"), want[d]);
}

ALL_DIALECTS(rule_auto_generate_now)

static void
rule_now_takes_column_precision(vb_arena *a, int d)
{
	assert_default(column_of(a, d, "{'key': 'at', 'type': 'datetime', 'autoGenerate': 'now', "
							 "'nativeType': {'db': 'mysql', 'type': 'TIMESTAMP(6)'}}"),
				   "CURRENT_TIMESTAMP(6)");
	assert_default(column_of(a, d, "{'key': 'at', 'type': 'datetime', 'autoGenerate': 'now', "
							 "'nativeType': {'db': 'mysql', 'type': 'DATETIME'}}"),
				   "CURRENT_TIMESTAMP");
}

DIALECT_TEST(rule_now_takes_column_precision, mysql, MYSQL)

static void
rule_now_on_date_or_time_has_no_default(vb_arena *a, int d)
{
	assert_default(column_of(a, d, "{'key': 'x', 'type': 'date', 'autoGenerate': 'now'}"), NULL);
	assert_default(column_of(a, d, "{'key': 'x', 'type': 'time', 'autoGenerate': 'now'}"), NULL);
	assert_default(column_of(a, d, "{'key': 'x', 'type': 'datetime', 'autoGenerate': 'now'}"),
				   "CURRENT_TIMESTAMP(3)");
}

DIALECT_TEST(rule_now_on_date_or_time_has_no_default, mysql, MYSQL)

static void
rule_now_on_date_and_time(vb_arena *a, int d)
{
	assert_default(column_of(a, d, "{'key': 'x', 'type': 'date', 'autoGenerate': 'now'}"), "now()");
	assert_default(column_of(a, d, "{'key': 'x', 'type': 'time', 'autoGenerate': 'now'}"), "now()");
}

DIALECT_TEST(rule_now_on_date_and_time, pg, PG)

static void
rule_application_side_generators_have_no_default(vb_arena *a, int d)
{
	static const char *const gens[][2] = {
		{"cuid", "string"}, {"ulid", "string"}, {"nanoid", "string"}, {"updatedAt", "datetime"}
	};
	size_t		i;

	for (i = 0; i < sizeof(gens) / sizeof(gens[0]); i++)
		assert_default(column_of(a, d, vb_printf(a, "{'key': 'x', 'type': '%s', 'autoGenerate': '%s', "
												 "'default': 'fallback'}", gens[i][1], gens[i][0])),
					   NULL);
}

ALL_DIALECTS(rule_application_side_generators_have_no_default)

static void
rule_auto_generate_wins_over_default(vb_arena *a, int d)
{
	const char *want[] = {"gen_random_uuid()", NULL, NULL};

	assert_default(column_of(a, d, "{'key': 'id', 'type': 'string', 'autoGenerate': 'uuid', "
							 "'default': 'x'}"), want[d]);
}

ALL_DIALECTS(rule_auto_generate_wins_over_default)

static void
rule_increment_is_auto_increment(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, "{'key': 'id', 'type': 'int', 'isId': true, "
										"'autoGenerate': 'increment', 'default': 5}", ""));
	vb_column  *c = colm(tab(s, "t"), "id");
	const char *want[] = {"integer", "INT", "INTEGER"};

	assert_true(c->auto_increment);
	assert_null(c->default_expr);
	assert_false(c->nullable);
	assert_string_equal(c->type, want[d]);
	assert_string_equal(tab(s, "t")->primary_key->name, "t_pkey");
}

ALL_DIALECTS(rule_increment_is_auto_increment)

static void
rule_increment_serial_kinds(vb_arena *a, int d)
{
	vb_column  *big = column_of(a, d, "{'key': 'id', 'type': 'bigint', 'isId': true, 'autoGenerate': 'increment'}");
	vb_column  *small = column_of(a, d, "{'key': 'id', 'type': 'int', 'isId': true, 'autoGenerate': 'increment', "
								  "'nativeType': {'db': 'pg', 'type': 'smallint'}}");

	assert_string_equal(big->type, "bigint");	/* BIGSERIAL */
	assert_true(big->auto_increment);
	assert_string_equal(small->type, "smallint");	/* SMALLSERIAL */
	assert_true(small->auto_increment);
}

DIALECT_TEST(rule_increment_serial_kinds, pg, PG)

static void
rule_increment_needs_an_integer_type(vb_arena *a, int d)
{
	model_err(a, d, doc1(a, vb_printf(a, "{'key': 'id', 'type': 'int', 'isId': true, "
									  "'autoGenerate': 'increment', 'nativeType': {'db': '%s', "
									  "'type': 'numeric'}}", dialect[d]), ""),
			  "models.t.fields[0].autoGenerate", "cannot auto-increment a column of type \"numeric\"");
}

DIALECT_TEST(rule_increment_needs_an_integer_type, pg, PG)
DIALECT_TEST(rule_increment_needs_an_integer_type, sqlite, SQLITE)

static void
rule_increment_is_the_whole_primary_key(vb_arena *a, int d)
{
	model_err(a, d, doc1(a, "{'key': 'id', 'type': 'int', 'autoGenerate': 'increment'}, "
						 "{'key': 'k', 'type': 'string', 'isId': true}", ""),
			  "models.t.fields[0].autoGenerate", "only primary-key field");
	model_err(a, d, doc1(a, "{'key': 'id', 'type': 'int', 'autoGenerate': 'increment'}, "
						 "{'key': 'k', 'type': 'string'}",
						 ", 'compoundId': {'name': 'id_k', 'fields': ['id', 'k']}"),
			  "models.t.fields[0].autoGenerate", "only primary-key field");
}

DIALECT_TEST(rule_increment_is_the_whole_primary_key, sqlite, SQLITE)

static void
rule_default_string_quoted(vb_arena *a, int d)
{
	assert_default(column_of(a, d, "{'key': 's', 'type': 'string', 'default': 'draft'}"), "'draft'");
	assert_default(column_of(a, d, "{'key': 's', 'type': 'string', 'default': 'it`s'}"), "'it''s'");
	assert_default(column_of(a, d, "{'key': 's', 'type': 'string', 'default': ''}"), "''");
}

ALL_DIALECTS(rule_default_string_quoted)

static void
rule_default_string_backslash_quoted_for_dialect(vb_arena *a, int d)
{
	const char *want[] = {"E'a\\\\b'", "'a\\\\b'", "'a\\b'"};

	assert_default(column_of(a, d, "{'key': 's', 'type': 'string', 'default': 'a\\\\b'}"), want[d]);
}

ALL_DIALECTS(rule_default_string_backslash_quoted_for_dialect)

static void
rule_default_number_as_javascript_prints(vb_arena *a, int d)
{
	static const char *const cases[][2] = {
		{"-5", "-5"}, {"1.5", "1.5"}, {"0", "0"}, {"100", "100"}, {"0.1", "0.1"},
		{"123456789012", "123456789012"}, {"1e21", "1e+21"}, {"1.5e-7", "1.5e-7"},
		{"0.000001", "0.000001"}, {"-0.25", "-0.25"}, {"2.5e25", "2.5e+25"}
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_default(column_of(a, d, vb_printf(a, "{'key': 'n', 'type': 'float', 'default': %s}",
												 cases[i][0])), cases[i][1]);
}

ALL_DIALECTS(rule_default_number_as_javascript_prints)

static void
rule_default_boolean(vb_arena *a, int d)
{
	const char *yes[] = {"true", "1", "1"};
	const char *no[] = {"false", "0", "0"};

	assert_default(column_of(a, d, "{'key': 'b', 'type': 'boolean', 'default': true}"), yes[d]);
	assert_default(column_of(a, d, "{'key': 'b', 'type': 'boolean', 'default': false}"), no[d]);
}

ALL_DIALECTS(rule_default_boolean)

static void
rule_default_null_is_no_default(vb_arena *a, int d)
{
	vb_column  *c = column_of(a, d, "{'key': 'bio', 'type': 'string', 'nullable': true, 'default': null}");

	assert_null(c->default_expr);
	assert_true(c->nullable);
}

ALL_DIALECTS(rule_default_null_is_no_default)

static void
rule_enum_default_quoted(vb_arena *a, int d)
{
	assert_default(column_of(a, d, "{'key': 'r', 'type': 'enum', 'default': 'reader', "
							 "'enumValues': ['reader', 'admin']}"), "'reader'");
}

ALL_DIALECTS(rule_enum_default_quoted)

/* ---- primary keys, uniques, indexes -------------------------------------------------------- */

static void
rule_primary_key_named_table_pkey(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'m': {'tableName': 'items', 'fields': ["
							 "{'key': 'a', 'type': 'int', 'isId': true, 'nullable': true}, "
							 "{'key': 'b', 'type': 'int', 'isId': true, 'columnName': 'bb'}]}}}");
	vb_table   *t = tab(s, "items");

	assert_string_equal(t->primary_key->name, "items_pkey");
	assert_string_equal(csv(a, &t->primary_key->columns), "a,bb");
	assert_false(colm(t, "a")->nullable);
	assert_null(tab(model_ok(a, d, doc1(a, "{'key': 'x', 'type': 'int'}", "")), "t")->primary_key);
}

ALL_DIALECTS(rule_primary_key_named_table_pkey)

static void
rule_compound_id_is_primary_key(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, "{'key': 'orgId', 'type': 'int', 'columnName': 'org_id'}, "
										"{'key': 'userId', 'type': 'int'}",
										", 'compoundId': {'name': 'pair', 'fields': ['userId', 'orgId']}"));
	vb_table   *t = tab(s, "t");

	assert_string_equal(t->primary_key->name, "t_pkey");	/* never the compound's name */
	assert_string_equal(csv(a, &t->primary_key->columns), "userId,org_id");
	assert_false(colm(t, "org_id")->nullable);
}

ALL_DIALECTS(rule_compound_id_is_primary_key)

static void
rule_is_id_and_compound_id_is_error(vb_arena *a, int d)
{
	model_err(a, d, doc1(a, ID_INT ", {'key': 'b', 'type': 'int'}",
						 ", 'compoundId': {'name': 'id_b', 'fields': ['id', 'b']}"),
			  "models.t.compoundId", "has isId fields and a compoundId");
}

ALL_DIALECTS(rule_is_id_and_compound_id_is_error)

static void
rule_unique_field_named_table_column_key(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'user': {'tableName': 'users', 'fields': [" ID_INT ", "
							 "{'key': 'email', 'type': 'string', 'isUnique': true, 'columnName': 'mail'}]}}}");

	assert_string_equal(uniques_of(a, tab(s, "users")), "users_mail_key(mail)");
}

ALL_DIALECTS(rule_unique_field_named_table_column_key)

static void
rule_unique_ignored_when_id(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, "{'key': 'id', 'type': 'int', 'isId': true, 'isUnique': true}", ""));

	assert_int_equal(tab(s, "t")->uniques.count, 0);
	assert_string_equal(csv(a, &tab(s, "t")->primary_key->columns), "id");
}

ALL_DIALECTS(rule_unique_ignored_when_id)

static void
rule_compound_unique_named_from_field_keys(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'Organization': {'fields': [" ID_INT ", "
							 "{'key': 'country', 'type': 'string', 'columnName': 'country_code'}, "
							 "{'key': 'taxCode', 'type': 'string', 'columnName': 'tax_code'}], "
							 "'compoundUniques': [{'name': 'country_taxCode', 'fields': ['country', 'taxCode']}, "
							 "{'name': 'byTax', 'fields': ['taxCode']}]}}}");

	assert_string_equal(uniques_of(a, tab(s, "Organization")),
						"Organization_country_taxCode_key(country_code,tax_code) "
						"Organization_byTax_key(tax_code)");
}

ALL_DIALECTS(rule_compound_unique_named_from_field_keys)

static void
rule_declared_index_named_option_or_field_keys(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, ID_INT ", {'key': 'publishedAt', 'type': 'datetime', "
										"'columnName': 'published_at'}, {'key': 'slug', 'type': 'int'}",
										", 'indexes': [{'fields': ['publishedAt', 'slug']}, "
										"{'fields': ['slug'], 'options': {'name': 'by_slug', 'unique': true, 'type': 'btree'}}]"));
	vb_table   *t = tab(s, "t");
	vb_index   *named = index_at(t, 1);

	assert_string_equal(indexes_of(a, t), "t_publishedAt_slug_idx(published_at,slug) by_slug(slug)");
	assert_false(index_at(t, 0)->unique);
	assert_true(named->unique);
	assert_string_equal(named->method, "btree");
	assert_int_equal(named->elements.count, 1);
	assert_string_equal(((vb_index_elem *) named->elements.items[0])->column, "slug");
	assert_null(((vb_index_elem *) named->elements.items[0])->expression);
}

ALL_DIALECTS(rule_declared_index_named_option_or_field_keys)

static void
rule_index_type_per_dialect(vb_arena *a, int d)
{
	static const char *const ok_type[] = {"hash", "fulltext", "btree"};
	static const char *const bad_type[] = {"fulltext", "hash", "gin"};
	const char *fields = ID_INT ", {'key': 'x', 'type': 'string'}";
	vb_schema  *s = model_ok(a, d, doc1(a, fields, vb_printf(a, ", 'indexes': [{'fields': ['x'], "
															  "'options': {'type': '%s'}}]", ok_type[d])));

	assert_string_equal(index_at(tab(s, "t"), 0)->method, ok_type[d]);
	model_err(a, d, doc1(a, fields, vb_printf(a, ", 'indexes': [{'fields': ['x'], "
											  "'options': {'type': '%s'}}]", bad_type[d])),
			  "models.t.indexes[0].options.type", "index");
}

ALL_DIALECTS(rule_index_type_per_dialect)

static void
rule_partial_index_keeps_where(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc1(a, ID_INT ", {'key': 'x', 'type': 'int'}",
										", 'indexes': [{'fields': ['x'], 'options': {'where': 'x > 0'}}]"));

	assert_string_equal(index_at(tab(s, "t"), 0)->where, "x > 0");
}

DIALECT_TEST(rule_partial_index_keeps_where, pg, PG)
DIALECT_TEST(rule_partial_index_keeps_where, sqlite, SQLITE)

static void
rule_partial_index_refused(vb_arena *a, int d)
{
	model_err(a, d, doc1(a, ID_INT ", {'key': 'x', 'type': 'int'}",
						 ", 'indexes': [{'fields': ['x'], 'options': {'where': 'x > 0'}}]"),
			  "models.t.indexes[0].options.where", "MySQL has no partial indexes");
}

DIALECT_TEST(rule_partial_index_refused, mysql, MYSQL)

/* ---- relations -> foreign keys ------------------------------------------------------------ */

#define AUTHOR_FIELDS ", {'key': 'authorId', 'type': 'int', 'columnName': 'author_id'}"
#define MANY_TO_ONE(extra) \
	"{'key': 'author', 'type': 'manyToOne', 'target': 'b', 'fields': ['authorId'], 'references': ['id']" extra "}"

static void
rule_relation_fk_named_table_columns_fkey(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'post': {'tableName': 'posts', 'fields': [" ID_INT AUTHOR_FIELDS
							 "], 'relations': [{'key': 'author', 'type': 'manyToOne', 'target': 'user', "
							 "'fields': ['authorId'], 'references': ['id']}]}, "
							 "'user': {'tableName': 'users', 'fields': [{'key': 'id', 'type': 'int', 'isId': true, "
							 "'columnName': 'user_id'}], 'relations': [{'key': 'posts', 'type': 'oneToMany', 'target': 'post'}]}}}");
	vb_foreign_key *f = fk_at(tab(s, "posts"), 0);

	assert_string_equal(fks_of(a, tab(s, "posts")), "posts_author_id_fkey(author_id)->users(user_id)");
	assert_string_equal(f->ref_schema, "public");
	assert_int_equal(tab(s, "users")->foreign_keys.count, 0);	/* oneToMany makes nothing */
}

ALL_DIALECTS(rule_relation_fk_named_table_columns_fkey)

static void
rule_on_delete_default_set_null_or_restrict(vb_arena *a, int d)
{
	vb_schema  *req = model_ok(a, d, doc2(a, AUTHOR_FIELDS, MANY_TO_ONE(""), "int", "", ""));
	vb_schema  *opt = model_ok(a, d, doc2(a, ", {'key': 'authorId', 'type': 'int', 'nullable': true}",
										  MANY_TO_ONE(", 'optional': true"), "int", "", ""));

	assert_int_equal(fk_at(tab(req, "a"), 0)->on_delete, VB_FK_RESTRICT);
	assert_int_equal(fk_at(tab(opt, "a"), 0)->on_delete, VB_FK_SET_NULL);
}

ALL_DIALECTS(rule_on_delete_default_set_null_or_restrict)

static void
rule_on_update_default_no_action(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc2(a, AUTHOR_FIELDS, MANY_TO_ONE(""), "int", "", ""));

	assert_int_equal(fk_at(tab(s, "a"), 0)->on_update, VB_FK_NO_ACTION);
}

ALL_DIALECTS(rule_on_update_default_no_action)

static void
rule_relation_actions_as_given(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc2(a, AUTHOR_FIELDS,
										MANY_TO_ONE(", 'onDelete': 'cascade', 'onUpdate': 'setNull'"),
										"int", "", ""));

	assert_int_equal(fk_at(tab(s, "a"), 0)->on_delete, VB_FK_CASCADE);
	assert_int_equal(fk_at(tab(s, "a"), 0)->on_update, VB_FK_SET_NULL);
}

ALL_DIALECTS(rule_relation_actions_as_given)

static void
rule_many_to_one_adds_fk_index(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc2(a, AUTHOR_FIELDS, MANY_TO_ONE(""), "int", "", ""));

	assert_string_equal(indexes_of(a, tab(s, "a")), "a_author_id_idx(author_id)");
	assert_false(index_at(tab(s, "a"), 0)->unique);
}

ALL_DIALECTS(rule_many_to_one_adds_fk_index)

static void
rule_fk_index_suppressed_by_primary_key_prefix(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'a': {'fields': [{'key': 'bId', 'type': 'int'}, "
							 "{'key': 'n', 'type': 'int'}], 'compoundId': {'name': 'bId_n', 'fields': ['bId', 'n']}, "
							 "'relations': [{'key': 'b', 'type': 'manyToOne', 'target': 'b', 'fields': ['bId'], "
							 "'references': ['id']}]}, 'b': {'fields': [" ID_INT "]}}}");

	assert_int_equal(tab(s, "a")->indexes.count, 0);
}

ALL_DIALECTS(rule_fk_index_suppressed_by_primary_key_prefix)

static void
rule_fk_index_suppressed_by_unique_prefix(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'a': {'fields': [" ID_INT AUTHOR_FIELDS ", {'key': 'slug', 'type': 'int'}], "
							 "'compoundUniques': [{'name': 'authorId_slug', 'fields': ['authorId', 'slug']}], "
							 "'relations': [" MANY_TO_ONE("") "]}, 'b': {'fields': [" ID_INT "]}}}");

	assert_int_equal(tab(s, "a")->indexes.count, 0);
}

ALL_DIALECTS(rule_fk_index_suppressed_by_unique_prefix)

static void
rule_fk_index_not_suppressed_by_non_prefix(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'a': {'fields': [" ID_INT AUTHOR_FIELDS ", {'key': 'slug', 'type': 'int'}], "
							 "'compoundUniques': [{'name': 'slug_authorId', 'fields': ['slug', 'authorId']}], "
							 "'indexes': [{'fields': ['slug', 'authorId']}], "
							 "'relations': [" MANY_TO_ONE("") "]}, 'b': {'fields': [" ID_INT "]}}}");

	assert_string_equal(indexes_of(a, tab(s, "a")), "a_slug_authorId_idx(slug,author_id) a_author_id_idx(author_id)");
}

ALL_DIALECTS(rule_fk_index_not_suppressed_by_non_prefix)

static void
rule_fk_index_suppressed_by_one_to_one_fk(vb_arena *a, int d)
{
	/* the many-to-one comes first: the one-to-one's columns are known before the loop */
	vb_schema  *s = model_ok(a, d, doc2(a, AUTHOR_FIELDS, MANY_TO_ONE("") ", {'key': 'solo', "
										"'type': 'oneToOne', 'target': 'b', 'fields': ['authorId'], 'references': ['id']}",
										"int", "", ""));

	assert_int_equal(tab(s, "a")->indexes.count, 0);
	assert_string_equal(uniques_of(a, tab(s, "a")), "a_author_id_key(author_id)");
}

ALL_DIALECTS(rule_fk_index_suppressed_by_one_to_one_fk)

static void
rule_fk_index_suppressed_by_total_declared_index(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'a': {'fields': [" ID_INT AUTHOR_FIELDS ", {'key': 'n', 'type': 'int'}], "
							 "'indexes': [{'fields': ['authorId', 'n'], 'options': {'name': 'by_author'}}], "
							 "'relations': [" MANY_TO_ONE("") "]}, 'b': {'fields': [" ID_INT "]}}}");

	assert_string_equal(indexes_of(a, tab(s, "a")), "by_author(author_id,n)");
}

ALL_DIALECTS(rule_fk_index_suppressed_by_total_declared_index)

static void
rule_fk_index_not_suppressed_by_partial_index(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'a': {'fields': [" ID_INT AUTHOR_FIELDS "], "
							 "'indexes': [{'fields': ['authorId'], 'options': {'name': 'live', 'where': 'author_id > 0'}}], "
							 "'relations': [" MANY_TO_ONE("") "]}, 'b': {'fields': [" ID_INT "]}}}");

	assert_string_equal(indexes_of(a, tab(s, "a")), "live(author_id) a_author_id_idx(author_id)");
}

DIALECT_TEST(rule_fk_index_not_suppressed_by_partial_index, pg, PG)
DIALECT_TEST(rule_fk_index_not_suppressed_by_partial_index, sqlite, SQLITE)

static void
rule_fk_index_named_fkey_idx_when_idx_taken(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'a': {'fields': [" ID_INT AUTHOR_FIELDS ", {'key': 'n', 'type': 'int'}], "
							 "'indexes': [{'fields': ['n'], 'options': {'name': 'a_author_id_idx'}}], "
							 "'relations': [" MANY_TO_ONE("") "]}, 'b': {'fields': [" ID_INT "]}}}");

	assert_string_equal(indexes_of(a, tab(s, "a")), "a_author_id_idx(n) a_author_id_fkey_idx(author_id)");
}

ALL_DIALECTS(rule_fk_index_named_fkey_idx_when_idx_taken)

static void
rule_fk_index_none_when_both_names_taken(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'a': {'fields': [" ID_INT AUTHOR_FIELDS ", {'key': 'n', 'type': 'int'}], "
							 "'indexes': [{'fields': ['n'], 'options': {'name': 'a_author_id_idx'}}, "
							 "{'fields': ['id', 'n'], 'options': {'name': 'a_author_id_fkey_idx'}}], "
							 "'relations': [" MANY_TO_ONE("") "]}, 'b': {'fields': [" ID_INT "]}}}");

	assert_string_equal(indexes_of(a, tab(s, "a")), "a_author_id_idx(n) a_author_id_fkey_idx(id,n)");
	assert_int_equal(tab(s, "a")->foreign_keys.count, 1);
}

ALL_DIALECTS(rule_fk_index_none_when_both_names_taken)

static void
rule_one_to_one_adds_unique(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc2(a, AUTHOR_FIELDS, "{'key': 'owner', 'type': 'oneToOne', "
										"'target': 'b', 'fields': ['authorId'], 'references': ['id'], 'onDelete': 'cascade'}",
										"int", "", "{'key': 'a', 'type': 'oneToOne', 'target': 'a'}"));

	assert_string_equal(uniques_of(a, tab(s, "a")), "a_author_id_key(author_id)");
	assert_int_equal(tab(s, "a")->indexes.count, 0);	/* no FK index: the unique is one */
	assert_int_equal(fk_at(tab(s, "a"), 0)->on_delete, VB_FK_CASCADE);
	assert_int_equal(tab(s, "b")->foreign_keys.count, 0);	/* the side without fields */
	assert_int_equal(tab(s, "b")->uniques.count, 0);
}

ALL_DIALECTS(rule_one_to_one_adds_unique)

static void
rule_one_to_one_unique_not_duplicated(vb_arena *a, int d)
{
	const char *rel = "{'key': 'owner', 'type': 'oneToOne', 'target': 'b', 'fields': ['authorId'], 'references': ['id']}";
	vb_schema  *by_field = model_ok(a, d, doc2(a, ", {'key': 'authorId', 'type': 'int', 'isUnique': true}",
											   rel, "int", "", ""));
	vb_schema  *by_index = model_ok(a, d, vb_printf(a, "{'models': {'a': {'fields': [" ID_INT AUTHOR_FIELDS "], "
													"'indexes': [{'fields': ['authorId'], 'options': {'unique': true}}], "
													"'relations': [%s]}, 'b': {'fields': [" ID_INT "]}}}", rel));
	vb_schema  *by_pk = model_ok(a, d, "{'models': {'a': {'fields': [{'key': 'authorId', 'type': 'int', 'isId': true}], "
								 "'relations': [{'key': 'owner', 'type': 'oneToOne', 'target': 'b', "
								 "'fields': ['authorId'], 'references': ['id']}]}, 'b': {'fields': [" ID_INT "]}}}");

	assert_string_equal(uniques_of(a, tab(by_field, "a")), "a_authorId_key(authorId)");
	assert_int_equal(tab(by_index, "a")->uniques.count, 0);
	assert_int_equal(tab(by_pk, "a")->uniques.count, 0);
}

ALL_DIALECTS(rule_one_to_one_unique_not_duplicated)

static void
rule_many_to_one_and_one_to_one_make_one_fk(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, doc2(a, AUTHOR_FIELDS, MANY_TO_ONE(", 'onDelete': 'cascade'") ", "
										"{'key': 'solo', 'type': 'oneToOne', 'target': 'b', 'fields': ['authorId'], "
										"'references': ['id'], 'onDelete': 'cascade'}", "int", "", ""));

	assert_string_equal(fks_of(a, tab(s, "a")), "a_author_id_fkey(author_id)->b(id)");
	assert_string_equal(uniques_of(a, tab(s, "a")), "a_author_id_key(author_id)");
}

ALL_DIALECTS(rule_many_to_one_and_one_to_one_make_one_fk)

static void
rule_many_to_one_and_one_to_one_with_different_actions_is_error(vb_arena *a, int d)
{
	vb_error   *err = model_err(a, d, doc2(a, AUTHOR_FIELDS, MANY_TO_ONE("") ", "
										   "{'key': 'solo', 'type': 'oneToOne', 'target': 'b', 'fields': ['authorId'], "
										   "'references': ['id'], 'onDelete': 'cascade'}", "int", "", ""),
								  "models.a.relations[1]", "relations \"author\" and \"solo\"");

	assert_contains(err->message, "onDelete restrict/cascade");
}

ALL_DIALECTS(rule_many_to_one_and_one_to_one_with_different_actions_is_error)

static void
rule_fks_over_same_columns_to_other_tables_collide(vb_arena *a, int d)
{
	model_err(a, d, "{'models': {'a': {'fields': [" ID_INT AUTHOR_FIELDS "], 'relations': ["
			  MANY_TO_ONE("") ", {'key': 'other', 'type': 'manyToOne', 'target': 'c', 'fields': ['authorId'], "
			  "'references': ['id']}]}, 'b': {'fields': [" ID_INT "]}, 'c': {'fields': [" ID_INT "]}}}",
			  "models.a.relations[1]", "foreign key \"a_author_id_fkey\" has the same name as foreign key");
}

ALL_DIALECTS(rule_fks_over_same_columns_to_other_tables_collide)

/* ---- many-to-many junction tables ------------------------------------------------------------ */

#define M2M_DOC(post_rel, tag_rel) \
	"{'models': {'Post': {'tableName': 'posts', 'fields': [" ID_STRING "], 'relations': [" post_rel "]}, " \
	"'tag': {'fields': [{'key': 'id', 'type': 'int', 'isId': true, 'autoGenerate': 'increment'}], " \
	"'relations': [" tag_rel "]}}}"
#define POST_TAGS(extra) "{'key': 'tags', 'type': 'manyToMany', 'target': 'tag'" extra "}"
#define TAG_POSTS(extra) "{'key': 'posts', 'type': 'manyToMany', 'target': 'Post'" extra "}"

static void
rule_junction_name_from_sorted_model_keys(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, M2M_DOC(POST_TAGS(""), TAG_POSTS("")));

	assert_int_equal(s->tables.count, 3);	/* one table for the pair */
	assert_null(tab(s, "post_tag")->model);
	assert_null(vb_find_table(s, "public", "posts_tag"));
}

ALL_DIALECTS(rule_junction_name_from_sorted_model_keys)

static void
rule_junction_name_with_relation_name(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, M2M_DOC(POST_TAGS(", 'name': 'labels'"), TAG_POSTS("")));

	assert_string_equal(tab(s, "post_tag_labels")->name, "post_tag_labels");
	assert_int_equal(s->tables.count, 3);
}

ALL_DIALECTS(rule_junction_name_with_relation_name)

static void
rule_junction_name_from_through_either_side(vb_arena *a, int d)
{
	vb_schema  *one = model_ok(a, d, M2M_DOC(POST_TAGS(""), TAG_POSTS(", 'through': 'post_labels'")));
	vb_schema  *both = model_ok(a, d, M2M_DOC(POST_TAGS(", 'through': 'pl'"), TAG_POSTS(", 'through': 'pl'")));

	assert_string_equal(csv(a, &tab(one, "post_labels")->primary_key->columns), "postId,tagId");
	assert_int_equal(one->tables.count, 3);
	assert_int_equal(both->tables.count, 3);
	assert_non_null(tab(both, "pl"));
}

ALL_DIALECTS(rule_junction_name_from_through_either_side)

static void
rule_junction_conflicting_through_is_error(vb_arena *a, int d)
{
	model_err(a, d, M2M_DOC(POST_TAGS(", 'through': 'x'"), TAG_POSTS(", 'through': 'y'")),
			  "models.Post.relations[0]", "relations \"Post.tags\" and \"tag.posts\" disagree on through");
}

ALL_DIALECTS(rule_junction_conflicting_through_is_error)

static void
rule_junction_columns_default_model_key_id(vb_arena *a, int d)
{
	vb_table   *j = tab(model_ok(a, d, M2M_DOC(POST_TAGS(""), TAG_POSTS(""))), "post_tag");

	assert_string_equal(((vb_column *) j->columns.items[0])->name, "postId");
	assert_string_equal(((vb_column *) j->columns.items[1])->name, "tagId");
}

ALL_DIALECTS(rule_junction_columns_default_model_key_id)

static void
rule_junction_columns_a_b_from_either_side(vb_arena *a, int d)
{
	vb_schema  *mine = model_ok(a, d, M2M_DOC(POST_TAGS(", 'A': 'p', 'B': 't'"), TAG_POSTS("")));
	vb_schema  *theirs = model_ok(a, d, M2M_DOC(POST_TAGS(""), TAG_POSTS(", 'A': 't', 'B': 'p'")));

	assert_string_equal(fks_of(a, tab(mine, "post_tag")),
						"post_tag_p_fkey(p)->posts(id) post_tag_t_fkey(t)->tag(id)");
	assert_string_equal(fks_of(a, tab(theirs, "post_tag")),
						"post_tag_p_fkey(p)->posts(id) post_tag_t_fkey(t)->tag(id)");
	model_err(a, d, M2M_DOC(POST_TAGS(", 'A': 'p'"), TAG_POSTS(", 'B': 'q'")),
			  "models.Post.relations[0]", "disagree on the column A");
}

ALL_DIALECTS(rule_junction_columns_a_b_from_either_side)

static void
rule_junction_self_relation_columns(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'Node': {'fields': [" ID_INT "], 'relations': ["
							 "{'key': 'links', 'type': 'manyToMany', 'target': 'Node'}]}}}");
	vb_table   *j = tab(s, "node_node");

	assert_string_equal(csv(a, &j->primary_key->columns), "nodeAId,nodeBId");
	assert_string_equal(fks_of(a, j), "node_node_nodeAId_fkey(nodeAId)->Node(id) "
						"node_node_nodeBId_fkey(nodeBId)->Node(id)");
	model_err(a, d, "{'models': {'n': {'fields': [" ID_INT "], 'relations': ["
			  "{'key': 'x', 'type': 'manyToMany', 'target': 'n'}, {'key': 'y', 'type': 'manyToMany', 'target': 'n'}]}}}",
			  "models.n.relations[0]", "need explicit junction columns");
}

ALL_DIALECTS(rule_junction_self_relation_columns)

static void
rule_junction_column_typed_like_target_pk(vb_arena *a, int d)
{
	vb_table   *j = tab(model_ok(a, d, M2M_DOC(POST_TAGS(""), TAG_POSTS(""))), "post_tag");
	const char *post[] = {"text", "VARCHAR(191)", "TEXT"};
	const char *tag[] = {"integer", "INT", "INTEGER"};

	assert_string_equal(colm(j, "postId")->type, post[d]);
	assert_string_equal(colm(j, "tagId")->type, tag[d]);
	assert_false(colm(j, "tagId")->auto_increment);
	assert_null(colm(j, "tagId")->default_expr);
}

ALL_DIALECTS(rule_junction_column_typed_like_target_pk)

static void
rule_junction_needs_single_column_pk(vb_arena *a, int d)
{
	model_err(a, d, "{'models': {'a': {'fields': [" ID_INT "], 'relations': [{'key': 'bs', 'type': 'manyToMany', "
			  "'target': 'b'}]}, 'b': {'fields': [{'key': 'x', 'type': 'int'}, {'key': 'y', 'type': 'int'}], "
			  "'compoundId': {'name': 'x_y', 'fields': ['x', 'y']}}}}",
			  "models.a.relations[0]", "model \"b\" has no single-column primary key");
	model_err(a, d, "{'models': {'a': {'fields': [{'key': 'x', 'type': 'int'}], 'relations': [{'key': 'bs', "
			  "'type': 'manyToMany', 'target': 'b'}]}, 'b': {'fields': [" ID_INT "]}}}",
			  "models.a.relations[0]", "model \"a\" has no single-column primary key");
}

ALL_DIALECTS(rule_junction_needs_single_column_pk)

static void
rule_junction_columns_in_sorted_order(vb_arena *a, int d)
{
	/* sorted by model key (then column): zebra's column comes second even as "a_ref" */
	vb_schema  *s = model_ok(a, d, "{'models': {'zebra': {'fields': [" ID_INT "], 'relations': ["
							 "{'key': 'apples', 'type': 'manyToMany', 'target': 'apple', 'A': 'a_ref', 'B': 'z_ref'}]}, "
							 "'apple': {'fields': [" ID_INT "]}}}");
	vb_table   *j = tab(s, "apple_zebra");

	assert_string_equal(((vb_column *) j->columns.items[0])->name, "z_ref");
	assert_string_equal(csv(a, &j->primary_key->columns), "z_ref,a_ref");
	assert_string_equal(indexes_of(a, j), "apple_zebra_a_ref_idx(a_ref)");
}

ALL_DIALECTS(rule_junction_columns_in_sorted_order)

static void
rule_junction_keys_index_and_fks(vb_arena *a, int d)
{
	vb_table   *j = tab(model_ok(a, d, M2M_DOC(POST_TAGS(""), TAG_POSTS(""))), "post_tag");

	assert_false(colm(j, "postId")->nullable);
	assert_false(colm(j, "tagId")->nullable);
	assert_string_equal(j->primary_key->name, "post_tag_pkey");
	assert_string_equal(indexes_of(a, j), "post_tag_tagId_idx(tagId)");
	assert_false(index_at(j, 0)->unique);
	assert_string_equal(fks_of(a, j), "post_tag_postId_fkey(postId)->posts(id) post_tag_tagId_fkey(tagId)->tag(id)");
	assert_int_equal(fk_at(j, 0)->on_delete, VB_FK_CASCADE);
	assert_int_equal(fk_at(j, 1)->on_update, VB_FK_CASCADE);
}

ALL_DIALECTS(rule_junction_keys_index_and_fks)

static void
rule_junction_pkey_cut_as_postgresql_names_it(vb_arena *a, int d)
{
	char	   *through = repeat(a, "j", 60);
	vb_table   *j = tab(model_ok(a, d, vb_printf(a, M2M_DOC(POST_TAGS(""), TAG_POSTS(", 'through': '%s'")),
												 through)), through);

	/* unnamed in VibORM's DDL: PostgreSQL's makeObjectName keeps the label */
	assert_string_equal(j->primary_key->name, vb_printf(a, "%s_pkey", repeat(a, "j", 58)));
	/* named in VibORM's DDL: the server cuts the name; an index and an FK
	 * may share a name (only constraints of one table may not) */
	assert_string_equal(index_at(j, 0)->name, vb_printf(a, "%s_ta", through));
	assert_string_equal(fk_at(j, 1)->name, vb_printf(a, "%s_ta", through));
}

ALL_DIALECTS(rule_junction_pkey_cut_as_postgresql_names_it)

static void
rule_junction_actions_from_either_side(vb_arena *a, int d)
{
	vb_table   *j = tab(model_ok(a, d, M2M_DOC(POST_TAGS(""), TAG_POSTS(", 'onDelete': 'restrict'"))), "post_tag");

	assert_int_equal(fk_at(j, 0)->on_delete, VB_FK_RESTRICT);
	assert_int_equal(fk_at(j, 1)->on_delete, VB_FK_RESTRICT);
	assert_int_equal(fk_at(j, 0)->on_update, VB_FK_CASCADE);
}

ALL_DIALECTS(rule_junction_actions_from_either_side)

static void
rule_junction_conflicting_actions_is_error(vb_arena *a, int d)
{
	model_err(a, d, M2M_DOC(POST_TAGS(", 'onUpdate': 'noAction'"), TAG_POSTS(", 'onUpdate': 'restrict'")),
			  "models.Post.relations[0]", "disagree on onUpdate: \"noAction\" vs \"restrict\"");
}

ALL_DIALECTS(rule_junction_conflicting_actions_is_error)

/* ---- renamedFrom: renames, never drop and add --------------------------------------------------- */

static void
rule_renamed_from_model_field_and_enum_value(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'member': {'tableName': 'members', 'renamedFrom': 'users', "
							 "'fields': [" ID_INT ", {'key': 'handle', 'type': 'string', 'renamedFrom': 'username'}, "
							 "{'key': 'level', 'type': 'enum', 'enumName': 'level', 'enumValues': ['low', "
							 "{'name': 'high', 'renamedFrom': 'top'}]}]}}}");
	vb_table   *t = tab(s, "members");

	assert_string_equal(t->renamed_from, "users");
	assert_string_equal(colm(t, "handle")->renamed_from, "username");
	assert_null(colm(t, "id")->renamed_from);
	if (d == PG)
	{
		vb_enum    *e = s->enums.items[0];

		assert_null(((vb_enum_value *) e->values.items[0])->renamed_from);
		assert_string_equal(((vb_enum_value *) e->values.items[1])->renamed_from, "top");
		assert_null(e->renamed_from);	/* enumName: the type keeps its name */
	}
}

ALL_DIALECTS(rule_renamed_from_model_field_and_enum_value)

static void
rule_renamed_table_renames_generated_enum(vb_arena *a, int d)
{
	vb_schema  *s = model_ok(a, d, "{'models': {'member': {'tableName': 'members', 'renamedFrom': 'users', "
							 "'fields': [{'key': 'role', 'type': 'enum', 'columnName': 'kind', 'renamedFrom': 'role', "
							 "'enumValues': ['a']}]}}}");
	vb_enum    *e = s->enums.items[0];

	assert_string_equal(e->name, "members_kind_enum");
	assert_string_equal(e->renamed_from, "users_role_enum");
}

DIALECT_TEST(rule_renamed_table_renames_generated_enum, pg, PG)

/* ---- validation ------------------------------------------------------------------------------ */

static void
test_validation_document_shape(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = NULL;
	vb_error	err;

	model_err(a, PG, "[]", "", "must be a JSON object");
	model_err(a, PG, "{}", "models", "models is required");
	model_err(a, PG, "{'models': {}, 'tables': []}", "tables", "unknown key \"tables\"");
	model_err(a, PG, "{'models': []}", "models", "models must be an object, not an array");
	model_err(a, PG, "{'models': {'t': 1}}", "models.t", "must be an object, not a number");
	model_err(a, PG, "{'models': {'t': {'fields': [], 'fields': []}}}", "models.t.fields", "appears twice");
	model_err(a, PG, "{'models': {'t': {}}}", "models.t.fields", "is required");
	model_err(a, PG, "{'models': {", NULL, "not valid JSON (line 1, column 13)");
	assert_int_equal(model_ok(a, SQLITE, "{'models': {}}")->tables.count, 0);
	memset(&err, 0, sizeof(err));
	assert_false(vb_model_read(a, "{\"models\": {}}", "postgres", &s, &err));
	assert_string_equal(err.code, VB_ERR_INVALID);
	assert_contains(err.message, "dialect must be");
	assert_false(vb_model_read(a, "{\"models\": {}}", NULL, &s, &err));
}

static void
test_validation_unknown_keys(void **state)
{
	vb_arena   *a = ARENA(state);

	model_err(a, PG, "{'models': {'t': {'fields': [], 'table': 'x'}}}", "models.t.table", "unknown key");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int', 'notNull': true}", ""),
			  "models.t.fields[0].notNull", "unknown key \"models.t.fields[0].notNull\"");
	model_err(a, PG, doc2(a, "", "{'key': 'b', 'type': 'manyToMany', 'target': 'b', 'via': 'x'}", "int", "", ""),
			  "models.a.relations[0].via", "unknown key");
	model_err(a, PG, doc1(a, ID_INT, ", 'indexes': [{'fields': ['id'], 'options': {'partial': 'x'}}]"),
			  "models.t.indexes[0].options.partial", "unknown key");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int', 'nativeType': {'db': 'pg', 'type': 'int', 'x': 1}}", ""),
			  "models.t.fields[0].nativeType.x", "unknown key");
	model_err(a, PG, doc1(a, "{'key': 'e', 'type': 'enum', 'enumValues': [{'name': 'a', 'label': 'A'}]}", ""),
			  "models.t.fields[0].enumValues[0].label", "unknown key");
	model_err(a, PG, doc1(a, ID_INT, ", 'compoundUniques': [{'name': 'n', 'fields': ['id'], 'where': 'x'}]"),
			  "models.t.compoundUniques[0].where", "unknown key");
}

static void
test_validation_wrong_json_types(void **state)
{
	vb_arena   *a = ARENA(state);

	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int', 'nullable': 'yes'}", ""),
			  "models.t.fields[0].nullable", "must be a boolean, not a string");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int', 'default': [1]}", ""),
			  "models.t.fields[0].default", "must be a string, a number, a boolean or null, not an array");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'vector', 'dimension': 1.5}", ""),
			  "models.t.fields[0].dimension", "must be a positive integer");
	model_err(a, PG, doc1(a, "{'key': 1, 'type': 'int'}", ""), "models.t.fields[0].key", "must be a string");
	model_err(a, PG, doc1(a, "3", ""), "models.t.fields[0]", "must be an object, not a number");
	model_err(a, PG, doc1(a, ID_INT, ", 'indexes': [{'fields': [1]}]"), "models.t.indexes[0].fields[0]",
			  "must be a string, not a number");
	model_err(a, PG, doc1(a, "{'key': 'e', 'type': 'enum', 'enumValues': [true]}", ""),
			  "models.t.fields[0].enumValues[0]", "must be a string or an object");
	model_err(a, PG, "{'models': {'t': {'fields': [], 'relations': {}}}}", "models.t.relations",
			  "must be an array, not an object");
	/* null stands for absent */
	assert_false(colm(tab(model_ok(a, PG, doc1(a, "{'key': 'x', 'type': 'int', 'nullable': null, "
											   "'columnName': null}", ", 'indexes': null")), "t"), "x")->nullable);
}

static void
test_validation_unknown_kinds(void **state)
{
	vb_arena   *a = ARENA(state);

	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'text'}", ""), "models.t.fields[0].type",
			  "unknown field type \"text\"");
	model_err(a, PG, doc2(a, "", "{'key': 'b', 'type': 'manyToSome', 'target': 'b'}", "int", "", ""),
			  "models.a.relations[0].type", "must be one of manyToOne, oneToOne, oneToMany, manyToMany");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'string', 'autoGenerate': 'guid'}", ""),
			  "models.t.fields[0].autoGenerate", "must be one of uuid, ulid");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int', 'autoGenerate': 'uuid'}", ""),
			  "models.t.fields[0].autoGenerate", "\"uuid\" does not apply to int fields (only to string)");
	model_err(a, PG, doc2(a, AUTHOR_FIELDS, MANY_TO_ONE(", 'onDelete': 'setDefault'"), "int", "", ""),
			  "models.a.relations[0].onDelete", "must be one of cascade, setNull, restrict, noAction");
	model_err(a, PG, doc1(a, ID_INT, ", 'indexes': [{'fields': ['id'], 'options': {'type': 'bitmap'}}]"),
			  "models.t.indexes[0].options.type", "must be one of btree, hash");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int', 'nativeType': {'db': 'oracle', 'type': 'NUMBER'}}", ""),
			  "models.t.fields[0].nativeType.db", "must be one of pg, mysql, sqlite");
}

static void
test_validation_keys_of_other_kinds(void **state)
{
	vb_arena   *a = ARENA(state);

	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'string', 'dimension': 3}", ""),
			  "models.t.fields[0].dimension", "\"dimension\" does not apply to string fields (only to vector)");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int', 'withTimezone': false}", ""),
			  "models.t.fields[0].withTimezone", "only to datetime time");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int', 'enumValues': ['a']}", ""),
			  "models.t.fields[0].enumValues", "does not apply to int fields");
	model_err(a, PG, doc1(a, "{'key': 'e', 'type': 'enum'}", ""),
			  "models.t.fields[0].enumValues", "needs at least one value");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'json', 'array': true}", ""),
			  "models.t.fields[0].array", "json fields cannot be arrays");
	model_err(a, PG, doc2(a, "", "{'key': 'b', 'type': 'oneToMany', 'target': 'b', 'fields': ['id']}", "int", "", ""),
			  "models.a.relations[0].fields", "\"fields\" does not apply to oneToMany relations");
	model_err(a, PG, doc2(a, AUTHOR_FIELDS, MANY_TO_ONE(", 'through': 'x'"), "int", "", ""),
			  "models.a.relations[0].through", "only to manyToMany");
	model_err(a, PG, doc2(a, AUTHOR_FIELDS, "{'key': 'b', 'type': 'manyToOne', 'target': 'b', 'fields': ['authorId']}",
						  "int", "", ""), "models.a.relations[0]", "go together");
	model_err(a, PG, doc1(a, "{'key': 'e', 'type': 'enum', 'default': 'c', 'enumValues': ['a', 'b']}", ""),
			  "models.t.fields[0].default", "must be one of the enum's values");
}

static void
test_validation_relation_to_missing_model(void **state)
{
	vb_arena   *a = ARENA(state);

	model_err(a, MYSQL, doc2(a, "", "{'key': 'c', 'type': 'manyToMany', 'target': 'c'}", "int", "", ""),
			  "models.a.relations[0].target", "there is no model \"c\"");
	model_err(a, PG, doc2(a, "", "", "int", "", "{'key': 'x', 'type': 'oneToMany', 'target': 'User'}"),
			  "models.b.relations[0].target", "there is no model \"User\"");
}

static void
test_validation_unknown_field_keys_in_lists(void **state)
{
	vb_arena   *a = ARENA(state);

	model_err(a, PG, doc1(a, ID_INT, ", 'compoundUniques': [{'name': 'n', 'fields': ['id', 'slug']}]"),
			  "models.t.compoundUniques[0].fields[1]", "model \"t\" has no field \"slug\"");
	model_err(a, PG, doc1(a, ID_INT, ", 'indexes': [{'fields': ['nope']}]"),
			  "models.t.indexes[0].fields[0]", "has no field \"nope\"");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int'}", ", 'compoundId': {'name': 'n', 'fields': ['y']}"),
			  "models.t.compoundId.fields[0]", "has no field \"y\"");
	model_err(a, PG, doc2(a, "", MANY_TO_ONE(""), "int", "", ""),
			  "models.a.relations[0].fields[0]", "model \"a\" has no field \"authorId\"");
	model_err(a, PG, doc2(a, AUTHOR_FIELDS, "{'key': 'b', 'type': 'manyToOne', 'target': 'b', "
						  "'fields': ['authorId'], 'references': ['uuid']}", "int", "", ""),
			  "models.a.relations[0].references[0]", "model \"b\" has no field \"uuid\"");
	model_err(a, PG, doc1(a, ID_INT, ", 'indexes': [{'fields': ['id', 'id']}]"),
			  "models.t.indexes[0].fields[1]", "listed twice");
	model_err(a, PG, doc1(a, ID_INT, ", 'indexes': [{'fields': []}]"),
			  "models.t.indexes[0].fields", "at least one field");
}

static void
test_validation_names_used_twice(void **state)
{
	vb_arena   *a = ARENA(state);

	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int'}, {'key': 'x', 'type': 'int'}", ""),
			  "models.t.fields[1].key", "key \"x\" is used twice in model \"t\"");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int'}, {'key': 'y', 'type': 'int', 'columnName': 'x'}", ""),
			  "models.t.fields[1]", "already has column \"x\"");
	model_err(a, PG, "{'models': {'a': {'tableName': 'same', 'fields': []}, 'b': {'tableName': 'same', 'fields': []}}}",
			  "models.b", "table \"same\" has the same name as table \"same\" (models.a)");
	model_err(a, PG, doc1(a, ID_INT ", {'key': 'e', 'type': 'int', 'isUnique': true}",
						  ", 'indexes': [{'fields': ['id'], 'options': {'name': 't_e_key'}}]"),
			  "models.t.indexes[0]", "index \"t_e_key\" has the same name as unique constraint");
	model_err(a, PG, "{'models': {'a': {'tableName': 'b_pkey', 'fields': []}, 'b': {'fields': [" ID_INT "]}}}",
			  "models.b.fields[0]", "primary key \"b_pkey\" has the same name as table");
	model_err(a, PG, "{'models': {'kind': {'fields': []}, 'b': {'fields': [{'key': 'k', 'type': 'enum', "
			  "'enumName': 'kind', 'enumValues': ['x']}]}}}", "models.b.fields[0]",
			  "enum \"kind\" has the same name as table \"kind\"");
}

static void
test_validation_many_to_many_pairs(void **state)
{
	vb_arena   *a = ARENA(state);

	model_err(a, PG, M2M_DOC(POST_TAGS("") ", " POST_TAGS(""), TAG_POSTS("")),
			  "models.Post.relations[1].key", "used twice");
	model_err(a, PG, M2M_DOC(POST_TAGS(""), TAG_POSTS("") ", {'key': 'more', 'type': 'manyToMany', 'target': 'Post'}"),
			  "models.Post.relations[0]", "ambiguous; give each pair a distinct name");
	model_err(a, PG, M2M_DOC(POST_TAGS(", 'name': 'x', 'through': 'j'") ", {'key': 'other', 'type': 'manyToMany', "
							 "'target': 'tag', 'name': 'y', 'through': 'j'}", ""),
			  "models.Post.relations[1]", "junction table \"j\" would serve relations");
	/* named pairs between the same models: each its own junction */
	assert_int_equal(model_ok(a, PG, M2M_DOC(POST_TAGS(", 'name': 'x'") ", {'key': 'other', 'type': 'manyToMany', "
											 "'target': 'tag', 'name': 'y'}",
											 TAG_POSTS(", 'name': 'x'") ", {'key': 'more', 'type': 'manyToMany', "
											 "'target': 'Post', 'name': 'y'}"))->tables.count, 4);
}

static void
test_validation_error_names_enum_value(void **state)
{
	vb_arena   *a = ARENA(state);

	model_err(a, PG, doc1(a, "{'key': 'e', 'type': 'enum', 'enumValues': ['a', 'a']}", ""),
			  "models.t.fields[0].enumValues[1]", "value \"a\" is listed twice");
	model_err(a, PG, doc1(a, vb_printf(a, "{'key': 'e', 'type': 'enum', 'enumValues': ['%s']}",
									   repeat(a, "v", 64)), ""),
			  "models.t.fields[0].enumValues[0]", "1 to 63 bytes");
	model_err(a, PG, doc1(a, "{'key': 'x', 'type': 'int', 'renamedFrom': ''}", ""),
			  "models.t.fields[0].renamedFrom", "must not be empty");
}

/* ---- VibORM's own output: the blog and Example 2 ------------------------------------------------------- */

/* The type VibORM's snapshot gives, as viborm writes it: SQLite's enum
 * column "TEXT CHECK(<expr>)" is TEXT plus a table check <expr>. */
static const char *
expected_type(vb_arena *a, const vb_column *wc, const vb_table *gt)
{
	const char *check = strstr(wc->type, " CHECK(");
	int			i;

	if (check == NULL)
		return wc->type;
	for (i = 0; i < gt->checks.count; i++)
		if (strcmp(vb_printf(a, "%s)", ((vb_check *) gt->checks.items[i])->expression), check + 7) == 0)
			return vb_strndup(a, wc->type, (size_t) (check - wc->type));
	print_error("no check matches %s\n", wc->type);
	fail();
	return NULL;
}

/* VibORM's defaults, as viborm writes them: NOW() is now() in the catalog;
 * MySQL's CURRENT_TIMESTAMP takes DATETIME(3)'s precision. ("NULL" is no
 * default already: the snapshot reader drops it.) */
static const char *
expected_default(const vb_column *wc, int d)
{
	if (wc->default_expr && strcmp(wc->default_expr, "NOW()") == 0)
		return "now()";
	if (wc->default_expr && d == MYSQL && strcmp(wc->default_expr, "CURRENT_TIMESTAMP") == 0)
		return "CURRENT_TIMESTAMP(3)";
	return wc->default_expr;
}

static void
compare_columns(vb_arena *a, const vb_table *want, const vb_table *got, int d)
{
	int			i;

	assert_int_equal(got->columns.count, want->columns.count);
	for (i = 0; i < want->columns.count; i++)
	{
		vb_column  *wc = want->columns.items[i];
		vb_column  *gc = got->columns.items[i];

		assert_string_equal(gc->name, wc->name);
		assert_string_equal(gc->type, expected_type(a, wc, got));
		assert_int_equal(gc->nullable, wc->nullable);
		assert_int_equal(gc->auto_increment, wc->auto_increment);
		assert_default(gc, expected_default(wc, d));
	}
}

static void
compare_keys(vb_arena *a, const vb_table *want, const vb_table *got)
{
	int			i;

	/* a junction's key is unnamed in VibORM's DDL: PostgreSQL names it */
	assert_string_equal(got->primary_key->name, want->primary_key->name ? want->primary_key->name :
						vb_dialect_pg.default_name(a, VB_NAME_PRIMARY_KEY, want->name, NULL, 0));
	assert_true(vb_str_lists_equal(&got->primary_key->columns, &want->primary_key->columns));
	assert_string_equal(uniques_of(a, got), uniques_of(a, want));
	assert_string_equal(indexes_of(a, got), indexes_of(a, want));
	assert_string_equal(fks_of(a, got), fks_of(a, want));
	for (i = 0; i < want->indexes.count; i++)
	{
		vb_index   *wx = index_at(want, i);

		assert_int_equal(index_at(got, i)->unique, wx->unique);
		assert_string_equal(index_at(got, i)->method, wx->method);
		assert_string_equal(index_at(got, i)->where ? index_at(got, i)->where : "(none)",
							wx->where ? wx->where : "(none)");
	}
	for (i = 0; i < want->foreign_keys.count; i++)
	{
		assert_int_equal(fk_at(got, i)->on_delete, fk_at(want, i)->on_delete);
		assert_int_equal(fk_at(got, i)->on_update, fk_at(want, i)->on_update);
	}
}

/* The snapshot VibORM serialised, table by table (its order is ours). */
static void
compare_with_snapshot(vb_arena *a, const vb_schema *got, const char *snapshot_file, int d,
					  bool mysql_without_where)
{
	vb_schema  *want = unit_doc_ok(a, read_text_file(a, snapshot_file), __FILE__, __LINE__);
	int			i;
	int			j;

	assert_int_equal(got->tables.count, want->tables.count);
	for (i = 0; i < want->tables.count; i++)
	{
		vb_table   *wt = want->tables.items[i];
		vb_table   *gt = got->tables.items[i];

		assert_string_equal(gt->name, wt->name);
		for (j = 0; mysql_without_where && j < wt->indexes.count; j++)
			index_at(wt, j)->where = NULL;
		compare_columns(a, wt, gt, d);
		compare_keys(a, wt, gt);
	}
}

static void
test_blog_pg_matches_viborm_snapshot(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = unit_model_ok(a, PG, read_text_file(a, "test/unit/data/blog-model.json"),
								  __FILE__, __LINE__);
	vb_enum    *e;

	compare_with_snapshot(a, s, "test/unit/data/blog-snapshot.pg.json", PG, false);
	assert_int_equal(s->enums.count, 1);
	e = s->enums.items[0];
	assert_string_equal(e->name, "users_role_enum");
	assert_string_equal(((vb_enum_value *) e->values.items[2])->name, "admin");
	assert_string_equal(tab(s, "users")->model, "user");
	assert_null(tab(s, "post_tag")->model);
	assert_false(s->schemas_given);
	assert_int_equal(s->schemas.count, 0);
}

static void
test_blog_sqlite_matches_viborm_snapshot(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = unit_model_ok(a, SQLITE, read_text_file(a, "test/unit/data/blog-model.json"),
								  __FILE__, __LINE__);

	compare_with_snapshot(a, s, "test/unit/data/blog-snapshot.sqlite.json", SQLITE, false);
	assert_int_equal(s->enums.count, 0);
	assert_int_equal(tab(s, "users")->checks.count, 1);
}

static void
test_blog_mysql_refuses_partial_index(void **state)
{
	vb_arena   *a = ARENA(state);

	unit_model_err(a, MYSQL, read_text_file(a, "test/unit/data/blog-model.json"),
				   "models.post.indexes[0].options.where", "MySQL has no partial indexes",
				   __FILE__, __LINE__);
}

/* VibORM's MySQL snapshot, for the blog without the partial index's
 * predicate (MySQL has none; VibORM refuses it when it writes the DDL). */
static void
test_blog_mysql_matches_viborm_snapshot(void **state)
{
	vb_arena   *a = ARENA(state);
	cJSON	   *doc = cJSON_Parse(read_text_file(a, "test/unit/data/blog-model.json"));
	cJSON	   *index = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(
						cJSON_GetObjectItem(doc, "models"), "post"), "indexes"), 0);
	char	   *text;
	vb_schema  *s;

	cJSON_DeleteItemFromObject(cJSON_GetObjectItem(index, "options"), "where");
	text = cJSON_PrintUnformatted(doc);
	s = unit_model_ok(a, MYSQL, text, __FILE__, __LINE__);
	cJSON_free(text);
	cJSON_Delete(doc);
	compare_with_snapshot(a, s, "test/unit/data/blog-snapshot.mysql.json", MYSQL, true);
	assert_int_equal(s->enums.count, 0);	/* inline ENUM(...): no named type */
}

static vb_schema *
example2(vb_arena *a, int d)
{
	return unit_model_ok(a, d, read_text_file(a, "test/unit/data/example2-model.json"),
						 __FILE__, __LINE__);
}

static void
test_example2_pg(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = example2(a, PG);
	vb_table   *members = tab(s, "members");
	vb_table   *award = tab(s, "award");
	vb_table   *j = tab(s, "member_member_follow");

	assert_int_equal(s->tables.count, 3);
	assert_string_equal(colm(members, "handle")->type, "varchar(40)");
	assert_string_equal(colm(members, "joinedAt")->type, "timestamp");
	assert_string_equal(colm(members, "joinedAt")->default_expr, "now()");
	assert_true(colm(members, "id")->auto_increment);
	assert_string_equal(uniques_of(a, members), "members_handle_key(handle)");
	assert_string_equal(colm(award, "badge")->type, "badge_kind");
	assert_string_equal(colm(award, "score")->type, "numeric");
	assert_string_equal(colm(award, "score")->default_expr, "0");
	assert_string_equal(colm(award, "note")->type, "jsonb");
	assert_null(colm(award, "note")->default_expr);
	assert_string_equal(award->primary_key->name, "award_pkey");
	assert_string_equal(csv(a, &award->primary_key->columns), "memberId,badge");
	assert_string_equal(indexes_of(a, award), "award_by_score(score)");	/* memberId leads the PK */
	assert_string_equal(fks_of(a, award), "award_memberId_fkey(memberId)->members(id)");
	assert_int_equal(fk_at(award, 0)->on_delete, VB_FK_CASCADE);
	assert_string_equal(csv(a, &j->primary_key->columns), "followedId,followerId");
	assert_string_equal(indexes_of(a, j), "member_member_follow_followerId_idx(followerId)");
	assert_string_equal(fks_of(a, j), "member_member_follow_followedId_fkey(followedId)->members(id) "
						"member_member_follow_followerId_fkey(followerId)->members(id)");
	assert_string_equal(colm(j, "followerId")->type, "integer");
	assert_int_equal(s->enums.count, 1);
	assert_string_equal(((vb_enum *) s->enums.items[0])->name, "badge_kind");
}

static void
test_example2_mysql(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = example2(a, MYSQL);

	assert_string_equal(colm(tab(s, "members"), "handle")->type, "VARCHAR(191)");	/* pg-only nativeType */
	assert_string_equal(colm(tab(s, "members"), "joinedAt")->default_expr, "CURRENT_TIMESTAMP(3)");
	assert_string_equal(colm(tab(s, "award"), "badge")->type, "ENUM('gold', 'silver')");
	assert_string_equal(colm(tab(s, "award"), "score")->type, "DECIMAL(65,30)");
	assert_string_equal(colm(tab(s, "member_member_follow"), "followedId")->type, "INT");
}

static void
test_example2_sqlite(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = example2(a, SQLITE);
	vb_table   *award = tab(s, "award");

	assert_string_equal(colm(award, "badge")->type, "TEXT");
	assert_string_equal(((vb_check *) award->checks.items[0])->expression, "\"badge\" IN ('gold', 'silver')");
	assert_null(colm(tab(s, "members"), "joinedAt")->default_expr);
	assert_string_equal(colm(tab(s, "members"), "handle")->type, "TEXT");
	assert_string_equal(csv(a, &tab(s, "member_member_follow")->primary_key->columns),
						"followedId,followerId");
}

int
run_model_tests(void)
{
	const struct CMUnitTest tests[] = {
		LIST_ALL(rule_table_name_is_map_or_model_key),
		LIST_ALL(rule_column_name_is_map_or_field_key),
		LIST_ALL(rule_user_name_over_63_bytes_is_error),
		LIST_ALL(rule_generated_name_cut_like_postgresql),
		LIST_ALL(rule_generated_names_colliding_after_cut_is_error),
		LIST_ALL(rule_type_string),
		LIST_ALL(rule_type_int_and_bigint),
		LIST_ALL(rule_type_float),
		LIST_ALL(rule_type_decimal),
		LIST_ALL(rule_type_boolean),
		LIST_ALL(rule_type_datetime),
		LIST_ALL(rule_type_date),
		LIST_ALL(rule_type_time),
		LIST_ALL(rule_type_json),
		LIST_ALL(rule_type_blob),
		LIST_ALL(rule_type_vector),
		LIST_ALL(rule_type_point),
		LIST_ALL(rule_type_enum),
		UNIT_TEST(test_rule_type_enum_name_quoted_when_needed_pg),
		LIST_ALL(rule_type_array),
		UNIT_TEST(test_rule_string_text_when_not_keyed_mysql),
		UNIT_TEST(test_rule_string_varchar191_in_primary_key_mysql),
		UNIT_TEST(test_rule_string_varchar191_in_unique_mysql),
		UNIT_TEST(test_rule_string_varchar191_in_index_mysql),
		UNIT_TEST(test_rule_string_varchar191_in_foreign_key_mysql),
		UNIT_TEST(test_rule_enum_array_keeps_array_pg),
		UNIT_TEST(test_rule_enum_array_is_json_mysql),
		UNIT_TEST(test_rule_enum_array_is_json_sqlite),
		LIST_ALL(rule_enum_name_shared_by_fields),
		LIST_ALL(rule_conflicting_enum_definitions_are_error),
		LIST_ALL(rule_native_type_replaces_type_map_on_its_dialect),
		LIST_ALL(rule_native_type_array),
		LIST_ALL(rule_auto_generate_uuid),
		LIST_ALL(rule_auto_generate_now),
		UNIT_TEST(test_rule_now_takes_column_precision_mysql),
		UNIT_TEST(test_rule_now_on_date_or_time_has_no_default_mysql),
		UNIT_TEST(test_rule_now_on_date_and_time_pg),
		LIST_ALL(rule_application_side_generators_have_no_default),
		LIST_ALL(rule_auto_generate_wins_over_default),
		LIST_ALL(rule_increment_is_auto_increment),
		UNIT_TEST(test_rule_increment_serial_kinds_pg),
		UNIT_TEST(test_rule_increment_needs_an_integer_type_pg),
		UNIT_TEST(test_rule_increment_needs_an_integer_type_sqlite),
		UNIT_TEST(test_rule_increment_is_the_whole_primary_key_sqlite),
		LIST_ALL(rule_default_string_quoted),
		LIST_ALL(rule_default_string_backslash_quoted_for_dialect),
		LIST_ALL(rule_default_number_as_javascript_prints),
		LIST_ALL(rule_default_boolean),
		LIST_ALL(rule_default_null_is_no_default),
		LIST_ALL(rule_enum_default_quoted),
		LIST_ALL(rule_primary_key_named_table_pkey),
		LIST_ALL(rule_compound_id_is_primary_key),
		LIST_ALL(rule_is_id_and_compound_id_is_error),
		LIST_ALL(rule_unique_field_named_table_column_key),
		LIST_ALL(rule_unique_ignored_when_id),
		LIST_ALL(rule_compound_unique_named_from_field_keys),
		LIST_ALL(rule_declared_index_named_option_or_field_keys),
		LIST_ALL(rule_index_type_per_dialect),
		UNIT_TEST(test_rule_partial_index_keeps_where_pg),
		UNIT_TEST(test_rule_partial_index_keeps_where_sqlite),
		UNIT_TEST(test_rule_partial_index_refused_mysql),
		LIST_ALL(rule_relation_fk_named_table_columns_fkey),
		LIST_ALL(rule_on_delete_default_set_null_or_restrict),
		LIST_ALL(rule_on_update_default_no_action),
		LIST_ALL(rule_relation_actions_as_given),
		LIST_ALL(rule_many_to_one_adds_fk_index),
		LIST_ALL(rule_fk_index_suppressed_by_primary_key_prefix),
		LIST_ALL(rule_fk_index_suppressed_by_unique_prefix),
		LIST_ALL(rule_fk_index_not_suppressed_by_non_prefix),
		LIST_ALL(rule_fk_index_suppressed_by_one_to_one_fk),
		LIST_ALL(rule_fk_index_suppressed_by_total_declared_index),
		UNIT_TEST(test_rule_fk_index_not_suppressed_by_partial_index_pg),
		UNIT_TEST(test_rule_fk_index_not_suppressed_by_partial_index_sqlite),
		LIST_ALL(rule_fk_index_named_fkey_idx_when_idx_taken),
		LIST_ALL(rule_fk_index_none_when_both_names_taken),
		LIST_ALL(rule_one_to_one_adds_unique),
		LIST_ALL(rule_one_to_one_unique_not_duplicated),
		LIST_ALL(rule_many_to_one_and_one_to_one_make_one_fk),
		LIST_ALL(rule_many_to_one_and_one_to_one_with_different_actions_is_error),
		LIST_ALL(rule_fks_over_same_columns_to_other_tables_collide),
		LIST_ALL(rule_junction_name_from_sorted_model_keys),
		LIST_ALL(rule_junction_name_with_relation_name),
		LIST_ALL(rule_junction_name_from_through_either_side),
		LIST_ALL(rule_junction_conflicting_through_is_error),
		LIST_ALL(rule_junction_columns_default_model_key_id),
		LIST_ALL(rule_junction_columns_a_b_from_either_side),
		LIST_ALL(rule_junction_self_relation_columns),
		LIST_ALL(rule_junction_column_typed_like_target_pk),
		LIST_ALL(rule_junction_needs_single_column_pk),
		LIST_ALL(rule_junction_columns_in_sorted_order),
		LIST_ALL(rule_junction_keys_index_and_fks),
		LIST_ALL(rule_junction_pkey_cut_as_postgresql_names_it),
		LIST_ALL(rule_junction_actions_from_either_side),
		LIST_ALL(rule_junction_conflicting_actions_is_error),
		LIST_ALL(rule_renamed_from_model_field_and_enum_value),
		UNIT_TEST(test_rule_renamed_table_renames_generated_enum_pg),
		UNIT_TEST(test_validation_document_shape),
		UNIT_TEST(test_validation_unknown_keys),
		UNIT_TEST(test_validation_wrong_json_types),
		UNIT_TEST(test_validation_unknown_kinds),
		UNIT_TEST(test_validation_keys_of_other_kinds),
		UNIT_TEST(test_validation_relation_to_missing_model),
		UNIT_TEST(test_validation_unknown_field_keys_in_lists),
		UNIT_TEST(test_validation_names_used_twice),
		UNIT_TEST(test_validation_many_to_many_pairs),
		UNIT_TEST(test_validation_error_names_enum_value),
		UNIT_TEST(test_blog_pg_matches_viborm_snapshot),
		UNIT_TEST(test_blog_sqlite_matches_viborm_snapshot),
		UNIT_TEST(test_blog_mysql_refuses_partial_index),
		UNIT_TEST(test_blog_mysql_matches_viborm_snapshot),
		UNIT_TEST(test_example2_pg),
		UNIT_TEST(test_example2_mysql),
		UNIT_TEST(test_example2_sqlite),
	};

	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
