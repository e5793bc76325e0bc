/*
 * test_fuzz_found.c — what the fuzzer (test/fuzz/fuzz_document.c) found,
 * each as the smallest document that shows it, checked with the fuzzer's
 * own properties: every failure is an error with a code, and a document
 * that reads and diffs is written, read back and written again to the same
 * text.
 */
#include <string.h>

#include "unit.h"

/* The fuzzer's round trip: diff against nothing, write, read, write. */
static void
round_trip(vb_arena *a, vb_schema *s)
{
	vb_schema  *empty = vb_alloc(a, sizeof(vb_schema));
	vb_schema  *again;
	vb_list		managed;
	vb_error	err;
	char	   *first;
	char	   *second;

	memset(&managed, 0, sizeof(managed));
	vb_managed_schemas(a, s, NULL, &managed);
	s->schemas = managed;
	s->schemas_given = true;
	empty->schemas = managed;
	(void) diff_ok(a, empty, s, NULL);
	first = vb_document_write(a, s);
	assert_non_null(first);
	if (!vb_document_read(a, first, &again, &err))
		fail_msg("the written document does not read back: [%s] %s\n%s", err.code, err.message,
				 first);
	second = vb_document_write(a, again);
	assert_string_equal(first, second);
}

/*
 * A self-referencing many-to-many whose junction table's name is cut to 63
 * bytes: the foreign key <junction>_followerId_fkey and the index
 * <junction>_followerId_idx are both cut to <junction>_follower. PostgreSQL
 * keeps constraints and indexes in two namespaces, so both may have that
 * name; the snapshot reader refused the document the model form had built.
 */
static void
test_fuzz_junction_fkey_and_index_share_a_cut_name(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = NULL;
	vb_error	err;
	vb_table   *junction = NULL;
	int			i;
	const char *json = J(a, "{'models': {'member': {'fields': [{'key': 'id', 'type': 'int', 'isId': true}], "
						 "'relations': [{'key': 'follows', 'type': 'manyToMany', 'target': 'member', "
						 "'name': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', "
						 "'A': 'followerId', 'B': 'followedId'}, "
						 "{'key': 'followers', 'type': 'manyToMany', 'target': 'member', "
						 "'name': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'}]}}}");

	if (!vb_model_read(a, json, "pg", &s, &err))
		fail_msg("vb_model_read: [%s] %s", err.code, err.message);
	for (i = 0; i < s->tables.count; i++)
		if (((vb_table *) s->tables.items[i])->foreign_keys.count == 2)
			junction = s->tables.items[i];
	assert_non_null(junction);
	/* the cut names meet: a foreign key and the index are both X_follower */
	assert_int_equal(junction->indexes.count, 1);
	assert_true(strcmp(((vb_index *) junction->indexes.items[0])->name,
					   ((vb_foreign_key *) junction->foreign_keys.items[0])->name) == 0 ||
				strcmp(((vb_index *) junction->indexes.items[0])->name,
					   ((vb_foreign_key *) junction->foreign_keys.items[1])->name) == 0);
	round_trip(a, s);
}

int
run_fuzz_found_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_fuzz_junction_fkey_and_index_share_a_cut_name),
	};

	return cmocka_run_group_tests_name("fuzz_found", tests, NULL, NULL);
}
