/*
 * test_output.c — the human forms of JSON and operations (src/cli/output.c).
 */
#include <string.h>

#include "cli_unit.h"
#include "output.h"

static void
pretty_json(void **state)
{
	cJSON	   *v = cJSON_Parse("{\"tables\": [{\"name\": \"t\\\"x\", \"columns\": [\"a\", 1, true, null],"
								" \"checks\": [], \"with\": {}}], \"n\": 1.5}");

	assert_string_equal(cli_json_pretty(*state, v),
						"{\n"
						"  \"tables\": [\n"
						"    {\n"
						"      \"name\": \"t\\\"x\",\n"
						"      \"columns\": [\"a\", 1, true, null],\n"
						"      \"checks\": [],\n"
						"      \"with\": {}\n"
						"    }\n"
						"  ],\n"
						"  \"n\": 1.5\n"
						"}");
	cJSON_Delete(v);
}

static void
operation_objects(void **state)
{
	cJSON	   *ops = cJSON_Parse("["
								  "{\"kind\": \"addColumn\", \"schema\": \"public\", \"table\": \"users\", \"object\": \"email\"},"
								  "{\"kind\": \"createTable\", \"schema\": \"public\", \"table\": \"users\", \"object\": \"users\"},"
								  "{\"kind\": \"createSchema\", \"schema\": \"app\", \"object\": \"app\"},"
								  "{\"kind\": \"createEnum\", \"schema\": \"app\", \"object\": \"mood\"}]");

	assert_string_equal(cli_operation_object(*state, cJSON_GetArrayItem(ops, 0)), "public.users.email");
	assert_string_equal(cli_operation_object(*state, cJSON_GetArrayItem(ops, 1)), "public.users");
	assert_string_equal(cli_operation_object(*state, cJSON_GetArrayItem(ops, 2)), "app");
	assert_string_equal(cli_operation_object(*state, cJSON_GetArrayItem(ops, 3)), "app.mood");
	cJSON_Delete(ops);
}

int
run_output_tests(void)
{
	const struct CMUnitTest tests[] = {
		CLI_TEST(pretty_json),
		CLI_TEST(operation_objects),
	};

	return cmocka_run_group_tests_name("cli output", tests, NULL, NULL);
}
