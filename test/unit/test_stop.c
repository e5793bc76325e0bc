/*
 * test_stop.c — the face can stop the core in any loop (vb_arena.stop).
 *
 * A pipeline that touches every kind of loop — reading a document, the
 * options and the model form for each dialect, checking, diffing two
 * schemas that differ in every way (renames, a re-created enum with value
 * mappings, ambiguous pairs, new and dropped tables), checking the plan and
 * writing the result and the document — is run once to count how often the
 * core asks, then once for every point at which it could be told to stop.
 * Each time the step that was stopped fails with VB_ERR_CANCELED (a writer
 * returns NULL), nothing after it runs, and under ASan and valgrind nothing
 * leaks or breaks. And the cost of the loops is linear: duplicate checks of
 * many names finish.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

typedef struct stopper
{
	int			calls;			/* times the core asked */
	int			stop_at;		/* say yes from this call on; 0: never */
} stopper;

static bool
stop_at(void *ctx)
{
	stopper    *st = ctx;

	st->calls++;
	return st->stop_at > 0 && st->calls >= st->stop_at;
}

#define CURRENT_DOC \
	"{'enums': [{'name': 'mood', 'values': ['happy', 'sad', 'ok']}, " \
	"{'name': 'gone', 'values': ['x']}], 'tables': [" \
	"{'name': 'users', 'columns': [{'name': 'id', 'type': 'integer', 'nullable': false}, " \
	"{'name': 'username', 'type': 'text'}, {'name': 'age', 'type': 'integer'}, " \
	"{'name': 'm', 'type': 'public.mood'}, {'name': 'note', 'type': 'character varying(20)'}], " \
	"'primaryKey': {'name': 'users_pkey', 'columns': ['id']}, " \
	"'uniqueConstraints': [{'name': 'users_username_key', 'columns': ['username']}], " \
	"'indexes': [{'name': 'users_age_idx', 'columns': ['age'], 'where': '(age > 0)'}], " \
	"'checks': [{'name': 'users_age_check', 'expression': '(age >= 0)'}]}, " \
	"{'name': 'posts', 'columns': [{'name': 'id', 'type': 'integer', 'nullable': false}, " \
	"{'name': 'author', 'type': 'integer'}, {'name': 'body', 'type': 'text'}], " \
	"'primaryKey': {'name': 'posts_pkey', 'columns': ['id']}, " \
	"'foreignKeys': [{'name': 'posts_author_fkey', 'columns': ['author'], " \
	"'referencedTable': 'users', 'referencedColumns': ['id']}]}, " \
	"{'name': 'old', 'columns': [{'name': 'a', 'type': 'integer'}, {'name': 'b', 'type': 'text'}]}, " \
	"{'name': 'dropped', 'columns': [{'name': 'z', 'type': 'integer'}]}]}"

#define DESIRED_DOC \
	"{'enums': [{'name': 'mood', 'values': ['happy', {'name': 'glad', 'renamedFrom': 'sad'}, 'fine']}], " \
	"'tables': [" \
	"{'name': 'people', 'renamedFrom': 'users', 'columns': [" \
	"{'name': 'id', 'type': 'integer', 'nullable': false}, " \
	"{'name': 'handle', 'type': 'text'}, {'name': 'age', 'type': 'bigint', 'nullable': false}, " \
	"{'name': 'm', 'type': 'public.mood', 'default': '`happy`::public.mood'}, " \
	"{'name': 'note', 'type': 'character varying(10)', 'comment': 'short'}], " \
	"'primaryKey': {'columns': ['id']}, 'uniqueConstraints': [{'columns': ['handle']}], " \
	"'indexes': [{'columns': ['age', 'handle'], 'unique': true}], " \
	"'checks': [{'expression': '(age >= 18)'}], 'comment': 'who'}, " \
	"{'name': 'posts', 'columns': [{'name': 'id', 'type': 'integer', 'nullable': false}, " \
	"{'name': 'author', 'type': 'integer'}, {'name': 'text', 'type': 'text'}], " \
	"'primaryKey': {'columns': ['id']}, 'foreignKeys': [{'columns': ['author'], " \
	"'referencedTable': 'people', 'referencedColumns': ['id'], 'onDelete': 'cascade'}]}, " \
	"{'name': 'new', 'columns': [{'name': 'a', 'type': 'integer'}, {'name': 'b', 'type': 'text'}, " \
	"{'name': 'c', 'type': 'integer', 'identity': {'generation': 'always', 'start': 5}}]}]}"

#define OPTIONS \
	"{'force': true, 'schemas': ['public'], 'lockTimeout': '2s', " \
	"'resolutions': [{'kind': 'column', 'table': 'people', 'from': 'username', 'to': 'handle', " \
	"'resolution': 'rename'}], " \
	"'enumValueMappings': [{'enum': 'mood', 'map': {'ok': 'fine'}}, " \
	"{'enum': 'mood', 'table': 'people', 'column': 'm', 'map': {'ok': null}}]}"

#define SQLITE_CURRENT \
	"{'dialect': 'sqlite', 'tables': [{'name': 'users', 'columns': [" \
	"{'name': 'id', 'type': 'INTEGER', 'nullable': false}, {'name': 'age', 'type': 'INTEGER'}, " \
	"{'name': 'note', 'type': 'TEXT'}], 'primaryKey': {'name': 'users_pkey', 'columns': ['id']}, " \
	"'indexes': [{'name': 'users_age_idx', 'columns': ['age']}]}]}"

#define SQLITE_DESIRED \
	"{'dialect': 'sqlite', 'tables': [{'name': 'users', 'columns': [" \
	"{'name': 'id', 'type': 'INTEGER', 'nullable': false}, {'name': 'age', 'type': 'TEXT'}, " \
	"{'name': 'memo', 'renamedFrom': 'note', 'type': 'TEXT'}], 'primaryKey': {'columns': ['id']}, " \
	"'indexes': [{'name': 'users_years_idx', 'renamedFrom': 'users_age_idx', 'columns': ['age']}]}, " \
	"{'name': 'tags', 'columns': [{'name': 'name', 'type': 'TEXT'}]}]}"

#define MODELS \
	"{'models': {'user': {'tableName': 'users', 'fields': [" \
	"{'key': 'id', 'type': 'int', 'isId': true, 'autoGenerate': 'increment'}, " \
	"{'key': 'email', 'type': 'string', 'isUnique': true}, " \
	"{'key': 'role', 'type': 'enum', 'enumValues': ['a', 'b']}], " \
	"'indexes': [{'fields': ['email', 'role']}]}, " \
	"'post': {'fields': [{'key': 'id', 'type': 'int', 'isId': true}, " \
	"{'key': 'authorId', 'type': 'int'}, {'key': 'title', 'type': 'string'}], " \
	"'compoundUniques': [{'name': 'auth_title', 'fields': ['authorId', 'title']}], " \
	"'relations': [{'key': 'author', 'type': 'manyToOne', 'target': 'user', " \
	"'fields': ['authorId'], 'references': ['id']}, " \
	"{'key': 'tags', 'type': 'manyToMany', 'target': 'tag'}]}, " \
	"'tag': {'fields': [{'key': 'id', 'type': 'int', 'isId': true}], " \
	"'relations': [{'key': 'posts', 'type': 'manyToMany', 'target': 'post'}]}}}"

/*
 * Run the pipeline on arena a; false when a step failed, with *err (or
 * err->code "NULL" when a writer returned NULL). *steps counts the steps
 * that ran.
 */
static bool
pipeline(vb_arena *a, vb_error *err, int *steps)
{
	static const char *const dialects[] = {"pg", "mysql", "sqlite"};
	vb_schema  *cur;
	vb_schema  *des;
	vb_schema  *model;
	vb_options *opts;
	vb_plan    *plan;
	vb_schema  *scur;
	vb_schema  *sdes;
	vb_plan    *splan;
	int			i;

	*steps = 0;
	memset(err, 0, sizeof(*err));
	if (++*steps && !vb_document_read(a, J(a, CURRENT_DOC), &cur, err))
		return false;
	if (++*steps && !vb_document_read(a, J(a, DESIRED_DOC), &des, err))
		return false;
	if (++*steps && !vb_options_read(a, J(a, OPTIONS), &opts, err))
		return false;
	for (i = 0; i < 3; i++)
		if (++*steps && !vb_model_read(a, J(a, MODELS), dialects[i], &model, err))
			return false;
	vb_managed_schemas(a, cur, NULL, &cur->schemas);
	vb_managed_schemas(a, des, opts, &des->schemas);
	if (++*steps && !vb_check_document(a, des, err))
		return false;
	if (++*steps && !vb_diff(a, &vb_dialect_pg, cur, des, opts, &plan, err))
		return false;
	/* a SQLite plan whose lowering rebuilds a table (a column's type changes) */
	if (++*steps && !vb_document_read(a, J(a, SQLITE_CURRENT), &scur, err))
		return false;
	if (++*steps && !vb_document_read(a, J(a, SQLITE_DESIRED), &sdes, err))
		return false;
	vb_managed_schemas(a, scur, NULL, &scur->schemas);
	vb_managed_schemas(a, sdes, NULL, &sdes->schemas);
	if (++*steps && !vb_diff(a, &vb_dialect_sqlite, scur, sdes, NULL, &splan, err))
		return false;
	assert_true(splan->operations.count > 0);
	/* the plan has ambiguous pairs on purpose: its loops run too */
	if (++*steps && !vb_plan_check(a, plan, opts, err) &&
		strcmp(err->code, VB_ERR_AMBIGUOUS) != 0)
		return false;
	assert_true(plan->ambiguous.count > 0);
	if (++*steps && vb_result_write(a, plan, false, 0) == NULL)
	{
		strcpy(err->code, "NULL");
		return false;
	}
	if (++*steps && vb_document_write(a, des) == NULL)
	{
		strcpy(err->code, "NULL");
		return false;
	}
	return true;
}

static void
test_stop_at_every_point(void **state)
{
	stopper		st = {0, 0};
	vb_error	err;
	int			steps;
	int			total;
	int			all_steps;
	int			n;
	vb_arena   *a = ARENA(state);

	/* a full run asks in every loop, and everything succeeds */
	a->stop = stop_at;
	a->stop_ctx = &st;
	if (!pipeline(a, &err, &all_steps))
		fail_msg("step %d failed: [%s] %s (%s)", all_steps, err.code, err.message,
				 err.path ? err.path : "");
	total = st.calls;
	assert_true(total > 200);

	for (n = 1; n <= total; n++)
	{
		vb_arena   *b = vb_heap_arena_new();
		bool		ok;

		st.calls = 0;
		st.stop_at = n;
		b->stop = stop_at;
		b->stop_ctx = &st;
		ok = pipeline(b, &err, &steps);
		/* stopped: the step failed as canceled, and said so as soon as the
		 * face answered yes (no step went on asking) */
		if (ok)
			fail_msg("stop at call %d of %d: the pipeline finished", n, total);
		if (strcmp(err.code, "NULL") != 0)
		{
			assert_string_equal(err.code, VB_ERR_CANCELED);
			assert_string_equal(err.message, "canceled");
		}
		assert_true(b->stopped);
		assert_int_equal(st.calls, n);
		assert_true(steps <= all_steps);
		vb_arena_free(b);
	}
}

/* Once stopped, the arena says so without asking again. */
static void
test_stop_is_sticky(void **state)
{
	stopper		st = {0, 2};
	vb_arena   *a = ARENA(state);

	assert_false(vb_should_stop(a));	/* no hook: never */
	a->stop = stop_at;
	a->stop_ctx = &st;
	assert_false(vb_should_stop(a));
	assert_true(vb_should_stop(a));
	assert_true(vb_should_stop(a));
	assert_int_equal(st.calls, 2);
}

#if !defined(__SANITIZE_ADDRESS__)
static jmp_buf oom_jump;
static size_t oom_size;

static void
oom_leave(size_t size)
{
	oom_size = size;
	longjmp(oom_jump, 1);
}
#endif

/*
 * The heap arena never returns NULL: when the system has no memory to give
 * it calls the face's out-of-memory function (which does not return: the
 * command's exits, this one jumps back here). Not under AddressSanitizer,
 * whose allocator aborts on such a request itself.
 */
static void
test_heap_arena_out_of_memory(void **state)
{
#if defined(__SANITIZE_ADDRESS__)
	(void) state;
	skip();
#else
	vb_arena   *a = ARENA(state);
	size_t		huge = SIZE_MAX / 4;
	void	   *volatile p = NULL;

	oom_size = 0;
	vb_heap_arena_on_out_of_memory(a, oom_leave);
	if (setjmp(oom_jump) == 0)
		p = vb_alloc(a, huge);
	assert_null(p);
	assert_true(oom_size >= huge);
	vb_heap_arena_on_out_of_memory(a, NULL);
	p = vb_alloc(a, 64);		/* the arena goes on serving */
	assert_non_null(p);
#endif
}

/* n columns named c0, c1, ... (and c0 again at the end when `twice`). */
static char *
wide_table(vb_arena *a, int n, bool twice)
{
	vb_buf		b;
	int			i;

	vb_buf_init(&b, a);
	vb_buf_append(&b, "{\"tables\": [{\"name\": \"t\", \"columns\": [");
	for (i = 0; i < n; i++)
		vb_buf_appendf(&b, "%s{\"name\": \"c%d\", \"type\": \"integer\"}", i ? ", " : "", i);
	if (twice)
		vb_buf_append(&b, ", {\"name\": \"c0\", \"type\": \"integer\"}");
	vb_buf_append(&b, "], \"primaryKey\": {\"name\": \"t_pkey\", \"columns\": [");
	for (i = 0; i < n; i++)
		vb_buf_appendf(&b, "%s\"c%d\"", i ? ", " : "", i);
	vb_buf_append(&b, "]}}]}");
	return b.data;
}

/*
 * Duplicate and name checks are sets, not scans: 100,000 columns, every one
 * in the primary key, read and diffed (against nothing and against
 * themselves), and a duplicate found at the end. Quadratic checks would
 * take minutes here (5e9 comparisons per pass); these take well under a
 * second (no time is asserted: the test would otherwise hang).
 */
static void
test_many_names_are_linear(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s1 = unit_doc_ok(a, wide_table(a, 100000, false), __FILE__, __LINE__);
	vb_schema  *s2 = unit_doc_ok(a, wide_table(a, 100000, false), __FILE__, __LINE__);
	vb_schema  *empty = vb_alloc(a, sizeof(vb_schema));
	vb_plan    *p;
	vb_error   *err;

	vb_managed_schemas(a, s1, NULL, &s1->schemas);
	vb_managed_schemas(a, s2, NULL, &s2->schemas);
	empty->schemas = s1->schemas;
	p = diff_ok(a, empty, s1, NULL);
	assert_int_equal(p->operations.count, 1);
	p = diff_ok(a, s2, s1, NULL);
	assert_int_equal(p->operations.count, 0);
	err = unit_doc_err(a, wide_table(a, 100000, true), "tables[0].columns[100000]",
					   "column \"c0\" appears twice", __FILE__, __LINE__);
	(void) err;
}

int
run_stop_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_stop_at_every_point),
		UNIT_TEST(test_stop_is_sticky),
		UNIT_TEST(test_heap_arena_out_of_memory),
		UNIT_TEST(test_many_names_are_linear),
	};

	return cmocka_run_group_tests_name("stop", tests, NULL, NULL);
}
