/*
 * test_plan.c — what a push may run (vb_plan_check: VB002 for unresolved
 * rename candidates, VB003 for destructive operations without force), the
 * names of operation kinds, and the result object (vb_result_write) parsed
 * back with cJSON.
 */
#include <string.h>

#include <cjson/cJSON.h>

#include "unit.h"

/* The operation kinds of CONTRACT §2 that the core can emit. */
static const char *const contract_kinds[] = {
	"createSchema", "createTable", "dropTable", "renameTable", "addColumn", "dropColumn",
	"renameColumn", "alterColumn", "addPrimaryKey", "dropPrimaryKey", "addUnique",
	"dropUnique", "addForeignKey", "dropForeignKey", "addCheck", "dropCheck",
	"renameConstraint", "createIndex", "dropIndex", "renameIndex", "createEnum", "dropEnum",
	"renameEnum", "addEnumValue", "renameEnumValue", "recreateEnum", "setComment",
	"renameSequence", NULL
};

/* Kinds the core emits beyond CONTRACT §2's list, each documented where
 * it is emitted: validateConstraint turns a NOT VALID check or foreign
 * key valid (VALIDATE CONSTRAINT). */
static const char *const documented_additions[] = {
	"validateConstraint", "alterConstraint", "setStorageParameters", "rebuildTable",
	"setTableOptions", "alterIndex", NULL
};

/* users(id, username, age) -> users(id, handle): two candidates for handle */
static vb_plan *
ambiguous_plan(vb_arena *a)
{
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, cur, "users");

	col(a, t, "id", "integer", false);
	col(a, t, "username", "text", true);
	col(a, t, "age", "text", true);
	t = tbl(a, des, "users");
	col(a, t, "id", "integer", false);
	col(a, t, "handle", "text", true);
	return diff_ok(a, cur, des, NULL);
}

/* drops table old and column users.age */
static vb_plan *
destructive_plan(vb_arena *a)
{
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, cur, "users");

	col(a, t, "id", "integer", false);
	col(a, t, "age", "integer", true);
	col(a, tbl(a, cur, "old"), "x", "integer", true);
	col(a, tbl(a, des, "users"), "id", "integer", false);
	return diff_ok(a, cur, des, NULL);
}

static cJSON *
parse(const char *text)
{
	cJSON	   *root = cJSON_Parse(text);

	assert_non_null(root);
	return root;
}

static const char *
str_member(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsString(v))
	{
		print_error("member \"%s\" is not a string\n", key);
		return NULL;
	}
	return v->valuestring;
}

/* ---- operation kinds ------------------------------------------------- */

static void
test_op_kind_names_are_contract_names(void **state)
{
	int			k;

	(void) state;
	for (k = 0; k < VB_OP__COUNT; k++)
	{
		const char *name = vb_op_kind_name((vb_op_kind) k);
		const char *const *c;
		bool		found = false;

		assert_non_null(name);
		for (c = contract_kinds; *c; c++)
			if (strcmp(*c, name) == 0)
				found = true;
		for (c = documented_additions; *c; c++)
			if (strcmp(*c, name) == 0)
				found = true;
		if (!found)
			print_error("kind %s is neither in the contract nor a documented addition\n", name);
		assert_true(found);
	}
	assert_string_equal(vb_op_kind_name(VB_OP_ADD_ENUM_VALUE), "addEnumValue");
	assert_string_equal(vb_op_kind_name(VB_OP_RENAME_SEQUENCE), "renameSequence");
	assert_string_equal(vb_op_kind_name(VB_OP_VALIDATE_CONSTRAINT), "validateConstraint");
}

/* Every kind of either list is one the core can emit (no stale entry). */
static void
test_op_kind_lists_have_no_stale_names(void **state)
{
	const char *const *lists[] = {contract_kinds, documented_additions};
	size_t		l;

	(void) state;
	for (l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
	{
		const char *const *c;

		for (c = lists[l]; *c; c++)
		{
			bool		found = false;
			int			k;

			for (k = 0; k < VB_OP__COUNT; k++)
				if (strcmp(*c, vb_op_kind_name((vb_op_kind) k)) == 0)
					found = true;
			if (!found)
				print_error("kind %s is not emitted by the core\n", *c);
			assert_true(found);
		}
	}
}

/* ---- vb_plan_check ----------------------------------------------------- */

static void
test_check_empty_plan_passes(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = vb_alloc(a, sizeof(vb_plan));	/* what an empty diff returns */
	vb_error	err;

	memset(&err, 0, sizeof(err));
	assert_int_equal(p->operations.count, 0);
	assert_true(vb_plan_check(a, p, opts_ok(a, "{}"), &err));
}

static void
test_check_safe_plan_passes_without_force(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, des, "t");
	vb_error	err;

	col(a, tbl(a, cur, "t"), "id", "integer", false);
	col(a, t, "id", "bigint", false);
	col(a, t, "note", "text", true);
	assert_true(vb_plan_check(a, diff_ok(a, cur, des, NULL), opts_ok(a, "{}"), &err));
}

static void
test_check_ambiguous_vb002(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = ambiguous_plan(a);
	vb_error	err;

	assert_false(vb_plan_check(a, p, opts_ok(a, "{'force': true}"), &err));
	assert_string_equal(err.code, VB_ERR_AMBIGUOUS);
	assert_string_equal(err.message, "2 changes could be a rename or a drop and add");
	assert_string_equal(err.detail,
						"Rename candidates: column public.users.username -> handle; "
						"column public.users.age -> handle.");
	assert_contains(err.hint, "options.resolutions");
	assert_contains(err.hint, "renamedFrom");
}

static void
test_check_ambiguous_detail_per_kind(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;
	vb_error	err;

	col(a, tbl(a, cur, "people"), "name", "text", true);
	col(a, tbl(a, des, "users"), "name", "text", true);
	enm(a, cur, "mood", "happy,sad");
	enm(a, des, "mood", "happy,blue");
	p = diff_ok(a, cur, des, NULL);
	assert_false(vb_plan_check(a, p, opts_ok(a, "{}"), &err));
	assert_string_equal(err.code, VB_ERR_AMBIGUOUS);
	assert_string_equal(err.message, "2 changes could be a rename or a drop and add");
	assert_contains(err.detail, "table public.people -> public.users");
	assert_contains(err.detail, "enum value public.mood 'sad' -> 'blue'");
}

static void
test_check_ambiguous_single(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_error	err;

	col(a, tbl(a, cur, "t"), "a", "text", true);
	col(a, tbl(a, des, "t"), "b", "text", true);
	assert_false(vb_plan_check(a, diff_ok(a, cur, des, NULL), opts_ok(a, "{}"), &err));
	assert_string_equal(err.message, "1 change could be a rename or a drop and add");
	assert_string_equal(err.detail, "Rename candidates: column public.t.a -> b.");
}

static void
test_check_destructive_vb003(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = destructive_plan(a);
	vb_error	err;

	assert_string_equal(plan_kinds(a, p), "dropTable,dropColumn");
	assert_false(vb_plan_check(a, p, opts_ok(a, "{}"), &err));
	assert_string_equal(err.code, VB_ERR_DESTRUCTIVE);
	assert_string_equal(err.message, "the plan has 2 destructive operations");
	assert_string_equal(err.detail,
						"Destructive: operation 0 (dropTable): drops table public.old and all its rows; "
						"operation 1 (dropColumn): drops column public.users.age and its data.");
	assert_string_equal(err.hint, "Set options.force to true to allow them.");
	assert_null(err.path);
}

static void
test_check_destructive_single_and_unsafe_type(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, des, "t");
	vb_error	err;

	col(a, tbl(a, cur, "t"), "n", "bigint", false);
	col(a, t, "n", "integer", false);
	col(a, t, "added", "text", true);
	assert_false(vb_plan_check(a, diff_ok(a, cur, des, NULL), opts_ok(a, "{}"), &err));
	assert_string_equal(err.message, "the plan has 1 destructive operation");
	assert_string_equal(err.detail,
						"Destructive: operation 1 (alterColumn): changes the type of public.t.n "
						"from bigint to integer, which can fail or lose data.");
}

static void
test_check_force_allows_destructive(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_error	err;

	assert_true(vb_plan_check(a, destructive_plan(a), opts_ok(a, "{'force': true}"), &err));
}

static void
test_check_ambiguity_before_destruction(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = ambiguous_plan(a);
	vb_error	err;

	/* the unresolved pair shows as a drop: still VB002, not VB003 */
	assert_true(vb_plan_destructive_count(p) > 0);
	assert_false(vb_plan_check(a, p, opts_ok(a, "{}"), &err));
	assert_string_equal(err.code, VB_ERR_AMBIGUOUS);
}

static void
test_check_after_resolution(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_error	err;
	vb_options *o = opts_ok(a, "{'resolutions': 'addAndDrop'}");

	col(a, tbl(a, cur, "t"), "a", "text", true);
	col(a, tbl(a, des, "t"), "b", "text", true);
	/* resolved as add+drop: no longer ambiguous, but it drops a column */
	assert_false(vb_plan_check(a, diff_ok(a, cur, des, o), o, &err));
	assert_string_equal(err.code, VB_ERR_DESTRUCTIVE);
}

/* ---- vb_result_write ----------------------------------------------------- */

static void
test_result_empty_plan_exact(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = vb_alloc(a, sizeof(vb_plan));

	assert_string_equal(vb_result_write(a, p, false, 0),
						"{\"operations\":[],\"sql\":[],\"ambiguous\":[],\"destructive\":[],"
						"\"hazards\":[],\"unmanaged\":[],\"applied\":false}");
}

static void
test_result_applied_has_history_id(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = vb_alloc(a, sizeof(vb_plan));
	cJSON	   *root = parse(vb_result_write(a, p, true, 42));
	cJSON	   *id = cJSON_GetObjectItemCaseSensitive(root, "historyId");

	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "applied")));
	assert_true(cJSON_IsNumber(id));
	assert_int_equal((int) id->valuedouble, 42);
	cJSON_Delete(root);

	root = parse(vb_result_write(a, p, false, 42));
	assert_null(cJSON_GetObjectItemCaseSensitive(root, "historyId"));
	assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(root, "applied")));
	cJSON_Delete(root);
}

static void
test_result_operation_shape(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, des, "users");
	vb_plan    *p;
	cJSON	   *root;
	cJSON	   *op;
	cJSON	   *hz;
	cJSON	   *all;

	col(a, tbl(a, cur, "users"), "id", "integer", false);
	col(a, t, "id", "integer", false);
	col(a, t, "email", "character varying(255)", true);
	p = diff_ok(a, cur, des, NULL);
	root = parse(vb_result_write(a, p, false, 0));
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "operations")), 1);
	op = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "operations"), 0);
	assert_string_equal(str_member(op, "kind"), "addColumn");
	assert_string_equal(str_member(op, "schema"), "public");
	assert_string_equal(str_member(op, "table"), "users");
	assert_string_equal(str_member(op, "object"), "email");
	assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(op, "sql"), 0)->valuestring,
						"ALTER TABLE public.users ADD COLUMN email character varying(255)");
	assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(op, "destructive")));
	hz = cJSON_GetObjectItemCaseSensitive(op, "hazards");
	assert_int_equal(cJSON_GetArraySize(hz), 1);
	assert_string_equal(cJSON_GetArrayItem(hz, 0)->valuestring, "accessExclusiveLock");
	assert_null(cJSON_GetObjectItemCaseSensitive(op, "model"));

	all = cJSON_GetObjectItemCaseSensitive(root, "sql");
	assert_int_equal(cJSON_GetArraySize(all), 1);
	hz = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "hazards"), 0);
	assert_int_equal((int) cJSON_GetObjectItemCaseSensitive(hz, "operation")->valuedouble, 0);
	assert_string_equal(str_member(hz, "kind"), "accessExclusiveLock");
	assert_string_equal(str_member(hz, "object"), "public.users");
	cJSON_Delete(root);
}

static void
test_result_sql_in_plan_order(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;
	cJSON	   *root;
	cJSON	   *all;

	col(a, tbl(a, cur, "t"), "n", "integer", false)->default_expr = vb_strdup(a, "0");
	col(a, tbl(a, des, "t"), "n", "bigint", false)->default_expr = vb_strdup(a, "1");
	col(a, tbl(a, des, "u"), "id", "integer", false);
	p = diff_ok(a, cur, des, NULL);
	root = parse(vb_result_write(a, p, false, 0));
	all = cJSON_GetObjectItemCaseSensitive(root, "sql");
	assert_int_equal(cJSON_GetArraySize(all), 4);
	assert_string_equal(cJSON_GetArrayItem(all, 0)->valuestring, "CREATE TABLE public.u (id integer NOT NULL)");
	assert_string_equal(cJSON_GetArrayItem(all, 1)->valuestring,
						"ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT");
	assert_string_equal(cJSON_GetArrayItem(all, 3)->valuestring,
						"ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 1");
	/* the alterColumn also rewrites the table */
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "hazards")), 2);
	cJSON_Delete(root);
}

static void
test_result_destructive_entries(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = destructive_plan(a);
	cJSON	   *root = parse(vb_result_write(a, p, false, 0));
	cJSON	   *list = cJSON_GetObjectItemCaseSensitive(root, "destructive");
	cJSON	   *e0 = cJSON_GetArrayItem(list, 0);
	cJSON	   *e1 = cJSON_GetArrayItem(list, 1);

	assert_int_equal(cJSON_GetArraySize(list), 2);
	assert_int_equal((int) cJSON_GetObjectItemCaseSensitive(e0, "operation")->valuedouble, 0);
	assert_string_equal(str_member(e0, "kind"), "dropTable");
	assert_string_equal(str_member(e0, "object"), "public.old");
	assert_string_equal(str_member(e0, "reason"), "drops table public.old and all its rows");
	assert_int_equal((int) cJSON_GetObjectItemCaseSensitive(e1, "operation")->valuedouble, 1);
	assert_string_equal(str_member(e1, "kind"), "dropColumn");
	assert_string_equal(str_member(e1, "object"), "public.users.age");
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
							 cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "operations"), 1),
							 "destructive")));
	cJSON_Delete(root);
}

static void
test_result_enum_operation_has_no_table(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;
	cJSON	   *root;
	cJSON	   *op;

	enm(a, des, "mood", "a,b");
	p = diff_ok(a, sch_new(a), des, NULL);
	root = parse(vb_result_write(a, p, false, 0));
	op = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "operations"), 0);
	assert_string_equal(str_member(op, "kind"), "createEnum");
	assert_null(cJSON_GetObjectItemCaseSensitive(op, "table"));
	assert_string_equal(str_member(op, "object"), "mood");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(op, "hazards")), 0);
	cJSON_Delete(root);
}

static void
test_result_ambiguous_entries(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;
	cJSON	   *root;
	cJSON	   *list;
	cJSON	   *e;
	int			i;

	col(a, tbl(a, cur, "people"), "name", "text", true);
	col(a, tbl(a, des, "users"), "name", "text", true);
	col(a, tbl(a, cur, "t"), "a", "text", true);
	col(a, tbl(a, des, "t"), "b", "text", true);
	enm(a, cur, "mood", "happy,sad");
	enm(a, des, "mood", "happy,blue");
	p = diff_ok(a, cur, des, NULL);
	root = parse(vb_result_write(a, p, false, 0));
	list = cJSON_GetObjectItemCaseSensitive(root, "ambiguous");
	assert_int_equal(cJSON_GetArraySize(list), 3);
	for (i = 0; i < 3; i++)
	{
		const char *kind;

		e = cJSON_GetArrayItem(list, i);
		kind = str_member(e, "kind");
		assert_string_equal(str_member(e, "schema"), "public");
		if (strcmp(kind, "table") == 0)
		{
			assert_string_equal(str_member(e, "from"), "people");
			assert_string_equal(str_member(e, "to"), "users");
			assert_null(cJSON_GetObjectItemCaseSensitive(e, "enum"));
		}
		else if (strcmp(kind, "column") == 0)
		{
			assert_string_equal(str_member(e, "table"), "t");
			assert_string_equal(str_member(e, "from"), "a");
			assert_string_equal(str_member(e, "to"), "b");
		}
		else
		{
			assert_string_equal(kind, "enumValue");
			assert_string_equal(str_member(e, "enum"), "mood");
			assert_null(cJSON_GetObjectItemCaseSensitive(e, "table"));
			assert_string_equal(str_member(e, "from"), "sad");
			assert_string_equal(str_member(e, "to"), "blue");
		}
	}
	cJSON_Delete(root);
}

static void
test_result_unmanaged_and_model(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_unmanaged u = {.kind = "trigger", .object = "public.t.audit"};
	vb_plan    *p;
	cJSON	   *root;
	cJSON	   *e;

	vb_list_push(a, &cur->unmanaged, &u);
	col(a, tbl(a, des, "t"), "id", "integer", true);
	p = diff_ok(a, cur, des, NULL);
	op_at(p, 0)->model = "thing";
	root = parse(vb_result_write(a, p, false, 0));
	e = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "unmanaged"), 0);
	assert_string_equal(str_member(e, "kind"), "trigger");
	assert_string_equal(str_member(e, "object"), "public.t.audit");
	e = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "operations"), 0);
	assert_string_equal(str_member(e, "model"), "thing");
	cJSON_Delete(root);
}

/*
 * Regression: CONTRACT §2 shows hazard entries as {"operation", "kind", "object",
 * "detail"}; vb_result_write writes no "detail". Excluded from the run.
 */
static void
test_result_hazard_entries_have_detail(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = destructive_plan(a);
	cJSON	   *root = parse(vb_result_write(a, p, false, 0));
	cJSON	   *list = cJSON_GetObjectItemCaseSensitive(root, "hazards");
	cJSON	   *e;
	const char *detail;

	assert_true(cJSON_GetArraySize(list) > 0);
	cJSON_ArrayForEach(e, list)
	{
		detail = str_member(e, "detail");
		assert_non_null(detail);
		assert_true(detail[0] != '\0');
	}
	cJSON_Delete(root);
}

int
run_plan_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_op_kind_names_are_contract_names),
		UNIT_TEST(test_op_kind_lists_have_no_stale_names),
		UNIT_TEST(test_check_empty_plan_passes),
		UNIT_TEST(test_check_safe_plan_passes_without_force),
		UNIT_TEST(test_check_ambiguous_vb002),
		UNIT_TEST(test_check_ambiguous_detail_per_kind),
		UNIT_TEST(test_check_ambiguous_single),
		UNIT_TEST(test_check_destructive_vb003),
		UNIT_TEST(test_check_destructive_single_and_unsafe_type),
		UNIT_TEST(test_check_force_allows_destructive),
		UNIT_TEST(test_check_ambiguity_before_destruction),
		UNIT_TEST(test_check_after_resolution),
		UNIT_TEST(test_result_empty_plan_exact),
		UNIT_TEST(test_result_applied_has_history_id),
		UNIT_TEST(test_result_operation_shape),
		UNIT_TEST(test_result_sql_in_plan_order),
		UNIT_TEST(test_result_destructive_entries),
		UNIT_TEST(test_result_enum_operation_has_no_table),
		UNIT_TEST(test_result_ambiguous_entries),
		UNIT_TEST(test_result_unmanaged_and_model),
		UNIT_TEST(test_result_hazard_entries_have_detail),
	};
	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
