/*
 * test_write.c — the snapshot form written by vb_document_write (what
 * introspect returns): its exact shape, and the round trip write -> read ->
 * diff that must find nothing to do.
 */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "unit.h"

/*
 * A schema with one of everything, named as introspect names it: serial
 * and identity columns, defaults, PK, unique, plain/partial/hash indexes,
 * FKs with every option, enums and an array of one, a second schema.
 */
static vb_schema *
full_schema(vb_arena *a)
{
	vb_schema  *s = sch_new(a);
	vb_table   *users = tbl(a, s, "users");
	vb_table   *posts = tbl(a, s, "posts");
	vb_table   *audit = tbl_in(a, s, "app", "audit");
	vb_index   *x;
	vb_foreign_key *f;

	serial_col(a, users, "id", "integer", NULL);
	col(a, users, "email", "character varying(255)", false);
	col(a, users, "mood", "public.mood", false)->default_expr = vb_strdup(a, "'happy'::public.mood");
	col(a, users, "tags", "public.mood[]", true);
	col(a, users, "createdAt", "timestamp(3) with time zone", false)->default_expr =
		vb_strdup(a, "now()");
	pk(a, users, "users_pkey", "id");
	uq(a, users, "users_email_key", "email");
	ix(a, users, "users_createdAt_idx", "createdAt", false);

	col(a, posts, "id", "bigint", false)->identity = VB_IDENTITY_ALWAYS;
	col(a, posts, "author_id", "integer", true);
	col(a, posts, "slug", "text", false);
	col(a, posts, "published", "boolean", false)->default_expr = vb_strdup(a, "false");
	pk(a, posts, "posts_pkey", "id");
	x = ix(a, posts, "posts_slug_idx", "slug,author_id", true);
	x->where = vb_strdup(a, "(published = true)");
	ix(a, posts, "posts_slug_hash", "slug", false)->method = vb_strdup(a, "hash");
	f = fk(a, posts, "posts_author_id_fkey", "author_id", "users", "id");
	f->on_delete = VB_FK_SET_NULL;
	f->on_update = VB_FK_CASCADE;
	f->deferrable = true;
	f->initially_deferred = true;

	col(a, audit, "id", "bigint", false)->identity = VB_IDENTITY_BY_DEFAULT;
	col(a, audit, "user_id", "integer", false);
	pk(a, audit, "audit_pkey", "id");
	f = fk(a, audit, "audit_user_id_fkey", "user_id", "users", "id");
	f->ref_schema = "public";
	f->on_delete = VB_FK_RESTRICT;

	enm(a, s, "mood", "happy,sad,it's");
	enm_in(a, s, "app", "level", "low,high");
	return s;
}

static void
test_write_minimal_exact(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = sch_new(a);
	vb_table   *t = tbl(a, s, "t");

	col(a, t, "id", "integer", false);
	pk(a, t, "t_pkey", "id");
	assert_string_equal(vb_document_write(a, s),
						"{\"version\":1,\"dialect\":\"pg\",\"schemas\":[\"public\"],\"tables\":["
						"{\"schema\":\"public\",\"name\":\"t\",\"columns\":[{\"name\":\"id\","
						"\"type\":\"integer\",\"nullable\":false}],\"primaryKey\":{\"name\":\"t_pkey\","
						"\"columns\":[\"id\"]},\"uniqueConstraints\":[],\"indexes\":[],\"foreignKeys\":[],"
						"\"checks\":[]}],"
						"\"enums\":[]}");
}

static void
test_write_empty_schema_exact(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_document_write(a, sch_new(a)),
						"{\"version\":1,\"dialect\":\"pg\",\"schemas\":[\"public\"],\"tables\":[],"
						"\"enums\":[]}");
}

/*
 * BUG: a schema with no `schemas` (any document read without the key, such
 * as VibORM's own snapshot) is written with "schemas": [], which
 * vb_document_read rejects ("schemas must name at least one schema"): the
 * writer's output must always read back. Excluded from the run.
 */
static void
test_write_without_schemas_reads_back(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s;
	vb_schema  *back;

	s = unit_doc_ok(a, J(a, "{'tables': [{'name': 't', 'columns': [{'name': 'id', 'type': 'integer'}]}]}"),
					__FILE__, __LINE__);
	back = unit_doc_ok(a, vb_document_write(a, s), __FILE__, __LINE__);
	assert_int_equal(back->tables.count, 1);
}

static void
test_write_column_keys_only_when_set(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = full_schema(a);
	cJSON	   *root = cJSON_Parse(vb_document_write(a, s));
	cJSON	   *users = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "tables"), 0);
	cJSON	   *posts = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "tables"), 1);
	cJSON	   *cols = cJSON_GetObjectItemCaseSensitive(users, "columns");
	cJSON	   *id = cJSON_GetArrayItem(cols, 0);
	cJSON	   *email = cJSON_GetArrayItem(cols, 1);
	cJSON	   *mood = cJSON_GetArrayItem(cols, 2);
	cJSON	   *pid = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(posts, "columns"), 0);

	assert_non_null(root);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(id, "autoIncrement")));
	assert_null(cJSON_GetObjectItemCaseSensitive(id, "default"));
	assert_null(cJSON_GetObjectItemCaseSensitive(email, "autoIncrement"));
	assert_null(cJSON_GetObjectItemCaseSensitive(email, "default"));
	assert_null(cJSON_GetObjectItemCaseSensitive(email, "identity"));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(email, "nullable")));
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(mood, "default")->valuestring,
						"'happy'::public.mood");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(
							cJSON_GetObjectItemCaseSensitive(pid, "identity"), "generation")->valuestring,
						"always");
	cJSON_Delete(root);
}

static void
test_write_indexes_and_foreign_keys(void **state)
{
	vb_arena   *a = ARENA(state);
	cJSON	   *root = cJSON_Parse(vb_document_write(a, full_schema(a)));
	cJSON	   *posts = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "tables"), 1);
	cJSON	   *ixs = cJSON_GetObjectItemCaseSensitive(posts, "indexes");
	cJSON	   *x0 = cJSON_GetArrayItem(ixs, 0);
	cJSON	   *x1 = cJSON_GetArrayItem(ixs, 1);
	cJSON	   *f = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(posts, "foreignKeys"), 0);
	char	   *text;

	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(x0, "unique")));
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(x0, "type")->valuestring, "btree");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(x0, "where")->valuestring, "(published = true)");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(x0, "columns")), 2);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(x1, "type")->valuestring, "hash");
	assert_null(cJSON_GetObjectItemCaseSensitive(x1, "where"));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(x1, "unique")));

	text = cJSON_PrintUnformatted(f);
	assert_string_equal(text,
						"{\"name\":\"posts_author_id_fkey\",\"columns\":[\"author_id\"],"
						"\"referencedSchema\":\"public\",\"referencedTable\":\"users\","
						"\"referencedColumns\":[\"id\"],\"onDelete\":\"setNull\",\"onUpdate\":\"cascade\","
						"\"deferrable\":true,\"initiallyDeferred\":true}");
	cJSON_free(text);
	cJSON_Delete(root);
}

static void
test_write_enums(void **state)
{
	vb_arena   *a = ARENA(state);
	cJSON	   *root = cJSON_Parse(vb_document_write(a, full_schema(a)));
	cJSON	   *enums = cJSON_GetObjectItemCaseSensitive(root, "enums");
	char	   *text = cJSON_PrintUnformatted(enums);

	assert_string_equal(text,
						"[{\"schema\":\"public\",\"name\":\"mood\",\"values\":[\"happy\",\"sad\",\"it's\"]},"
						"{\"schema\":\"app\",\"name\":\"level\",\"values\":[\"low\",\"high\"]}]");
	cJSON_free(text);
	cJSON_Delete(root);
}

static void
test_write_escapes_hostile_names(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = sch_new(a);
	vb_table   *t = tbl(a, s, "we\"ird\\name");
	vb_schema  *back;
	vb_column  *c;

	col(a, t, "tab\there", "text", true)->default_expr = vb_strdup(a, "'a\\b''c'::text");
	back = unit_doc_ok(a, vb_document_write(a, s), __FILE__, __LINE__);
	assert_string_equal(((vb_table *) back->tables.items[0])->name, "we\"ird\\name");
	c = ((vb_table *) back->tables.items[0])->columns.items[0];
	assert_string_equal(c->name, "tab\there");
	assert_string_equal(c->default_expr, "'a\\b''c'::text");
}

static void
test_write_round_trip_no_operations(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *original = full_schema(a);
	char	   *text = vb_document_write(a, original);
	vb_schema  *back = unit_doc_ok(a, text, __FILE__, __LINE__);
	vb_plan    *p;


	assert_int_equal(back->tables.count, 3);
	assert_int_equal(back->enums.count, 2);
	assert_int_equal(back->schemas.count, 2);
	p = diff_ok(a, original, back, NULL);
	if (p->operations.count)
		print_error("round trip plan:\n%s\n", plan_sql(a, p));
	assert_int_equal(p->operations.count, 0);
	assert_int_equal(p->ambiguous.count, 0);
	/* and the other way */
	p = diff_ok(a, back, full_schema(a), NULL);
	assert_int_equal(p->operations.count, 0);
}

static void
test_write_is_stable(void **state)
{
	vb_arena   *a = ARENA(state);
	char	   *once = vb_document_write(a, full_schema(a));
	char	   *twice = vb_document_write(a, unit_doc_ok(a, once, __FILE__, __LINE__));

	assert_string_equal(once, twice);
}

static void
test_write_round_trip_reads_model(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *back = unit_doc_ok(a, vb_document_write(a, full_schema(a)), __FILE__, __LINE__);
	vb_table   *users = vb_find_table(back, "public", "users");
	vb_table   *audit = vb_find_table(back, "app", "audit");
	vb_foreign_key *f;

	assert_non_null(users);
	assert_non_null(audit);
	assert_true(((vb_column *) users->columns.items[0])->auto_increment);
	assert_string_equal(((vb_column *) users->columns.items[3])->type, "public.mood[]");
	assert_int_equal(((vb_column *) audit->columns.items[0])->identity, VB_IDENTITY_BY_DEFAULT);
	f = audit->foreign_keys.items[0];
	assert_string_equal(f->ref_schema, "public");
	assert_int_equal(f->on_delete, VB_FK_RESTRICT);
	assert_string_equal(((vb_enum_value *) ((vb_enum *) back->enums.items[0])->values.items[2])->name,
						"it's");
}

static void
test_write_blog_snapshot_stable(void **state)
{
	vb_arena   *a = ARENA(state);
	FILE	   *f = fopen("test/unit/data/blog-snapshot.pg.json", "rb");
	vb_buf		buf;
	char		chunk[4096];
	size_t		n;
	char	   *once;
	vb_schema  *blog;

	assert_non_null(f);
	vb_buf_init(&buf, a);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		vb_buf_appendn(&buf, chunk, n);
	fclose(f);
	blog = unit_doc_ok(a, buf.data, __FILE__, __LINE__);
	/* as a face does: the managed schemas go with the document */
	vb_managed_schemas(a, blog, NULL, &blog->schemas);
	once = vb_document_write(a, blog);
	assert_string_equal(vb_document_write(a, unit_doc_ok(a, once, __FILE__, __LINE__)), once);
	assert_contains(once, "\"name\":\"post_publishedAt_idx\"");
	assert_contains(once, "\"onDelete\":\"restrict\"");
}

int
run_write_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_write_minimal_exact),
		UNIT_TEST(test_write_empty_schema_exact),
		UNIT_TEST(test_write_column_keys_only_when_set),
		UNIT_TEST(test_write_indexes_and_foreign_keys),
		UNIT_TEST(test_write_enums),
		UNIT_TEST(test_write_escapes_hostile_names),
		UNIT_TEST(test_write_round_trip_no_operations),
		UNIT_TEST(test_write_is_stable),
		UNIT_TEST(test_write_round_trip_reads_model),
		UNIT_TEST(test_write_blog_snapshot_stable),
		UNIT_TEST(test_write_without_schemas_reads_back),
	};

	return cmocka_run_group_tests_name("write", tests, NULL, NULL);
}
