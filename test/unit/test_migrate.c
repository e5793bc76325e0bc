/*
 * test_migrate.c — versioned migrations in the core (migrate.c): the
 * statements of a file, reconciling files with records, what apply runs
 * and refuses, what down reverts.
 */
#include <string.h>

#include "unit.h"
#include "vb_migrate.h"

static vb_migration *
file(vb_arena *a, const char *version, const char *sql, const char *checksum)
{
	vb_migration *m = vb_alloc(a, sizeof(vb_migration));

	m->version = vb_strdup(a, version);
	m->name = vb_printf(a, "m%s", version);
	m->sql = vb_strdup(a, sql);
	m->checksum = vb_strdup(a, checksum);
	return m;
}

static vb_migration_record *
record(vb_arena *a, const char *version, const char *checksum, const char *state, const char *down)
{
	vb_migration_record *r = vb_alloc(a, sizeof(vb_migration_record));

	r->version = vb_strdup(a, version);
	r->name = vb_printf(a, "m%s", version);
	r->checksum = vb_strdup(a, checksum);
	r->state = vb_strdup(a, state);
	r->down = down ? vb_strdup(a, down) : NULL;
	return r;
}

static void
test_statements(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		out;

	memset(&out, 0, sizeof(out));
	vb_migration_statements(a, "CREATE TABLE a (x int);--> statement-breakpoint\n"
							"  -- only a comment\n/* and a block */\n--> statement-breakpoint\n"
							"\n-- WARNING: drops b\nDROP TABLE b;\n\n--> statement-breakpoint\n", &out);
	assert_int_equal(out.count, 2);
	assert_string_equal(out.items[0], "CREATE TABLE a (x int);");
	assert_string_equal(out.items[1], "-- WARNING: drops b\nDROP TABLE b;");
	memset(&out, 0, sizeof(out));
	vb_migration_statements(a, "", &out);
	assert_int_equal(out.count, 0);
	assert_true(vb_migration_has_warning("-- WARNING: x\nDROP TABLE b"));
	assert_true(vb_migration_has_warning("DROP TABLE b;\n-- WARNING: x"));
	assert_false(vb_migration_has_warning("SELECT '-- WARNING: not at a line start'"));
}

static void
test_reconcile_and_pending(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		files;
	vb_list		records;
	vb_list		statuses;
	vb_list		pending;
	vb_migrate_options opts;
	vb_error	err;

	memset(&files, 0, sizeof(files));
	memset(&records, 0, sizeof(records));
	memset(&statuses, 0, sizeof(statuses));
	memset(&pending, 0, sizeof(pending));
	memset(&opts, 0, sizeof(opts));
	/* given out of order: sorted by version */
	vb_list_push(a, &files, file(a, "0002", "c", "C"));
	vb_list_push(a, &files, file(a, "0000", "a", "A"));
	vb_list_push(a, &files, file(a, "0001", "b", "B"));
	vb_list_push(a, &records, record(a, "0000", "A", "applied", NULL));
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(statuses.count, 3);
	assert_int_equal(((vb_migration_status *) statuses.items[0])->state, VB_MIGRATION_APPLIED);
	assert_int_equal(((vb_migration_status *) statuses.items[1])->state, VB_MIGRATION_PENDING);
	assert_true(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_int_equal(pending.count, 2);
	assert_string_equal(((vb_migration_status *) pending.items[0])->version, "0001");
	/* --to */
	pending.count = 0;
	opts.to = "0001";
	assert_true(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_int_equal(pending.count, 1);
	opts.to = "0009";
	assert_false(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_string_equal(err.code, VB_ERR_INVALID);
	opts.to = NULL;

	/* an edited applied file, then a missing one: VB009 */
	((vb_migration *) files.items[1])->checksum = "A2";
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(((vb_migration_status *) statuses.items[0])->state, VB_MIGRATION_EDITED);
	assert_false(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_string_equal(err.code, VB_ERR_MIGRATION_CHANGED);
	assert_contains(err.message, "0000");
	vb_list_push(a, &records, record(a, "0005", "E", "applied", NULL));
	((vb_migration *) files.items[1])->checksum = "A";
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(((vb_migration_status *) statuses.items[3])->state, VB_MIGRATION_MISSING);
	assert_string_equal(((vb_migration_status *) statuses.items[3])->version, "0005");
	/* a record between two files is named by the record, not the next file */
	{
		vb_list		gap = {0};
		vb_list		one = {0};

		vb_list_push(a, &gap, file(a, "0000", "a", "A"));
		vb_list_push(a, &gap, file(a, "0002", "c", "C"));
		vb_list_push(a, &one, record(a, "0000", "A", "applied", NULL));
		vb_list_push(a, &one, record(a, "0001", "B", "applied", NULL));
		statuses.count = 0;
		vb_migrations_reconcile(a, &gap, &one, &statuses);
		assert_string_equal(((vb_migration_status *) statuses.items[1])->version, "0001");
		assert_string_equal(((vb_migration_status *) statuses.items[1])->name, "m0001");
		assert_int_equal(((vb_migration_status *) statuses.items[1])->state, VB_MIGRATION_MISSING);
		statuses.count = 0;
		vb_migrations_reconcile(a, &files, &records, &statuses);
	}
	assert_false(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_contains(err.message, "0005 (m0005) is missing");

	/* out of order: VB010 unless allowed */
	vb_list_push(a, &files, file(a, "0005", "e", "E"));
	statuses.count = 0;
	pending.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_true(((vb_migration_status *) statuses.items[1])->out_of_order);
	assert_false(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_string_equal(err.code, VB_ERR_OUT_OF_ORDER);
	opts.allow_out_of_order = true;
	assert_true(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_int_equal(pending.count, 2);
}

static void
test_failed_and_resume(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		files;
	vb_list		records;
	vb_list		statuses;
	vb_list		pending;
	vb_migrate_options opts;
	vb_error	err;
	vb_migration_record *failed;

	memset(&files, 0, sizeof(files));
	memset(&records, 0, sizeof(records));
	memset(&statuses, 0, sizeof(statuses));
	memset(&pending, 0, sizeof(pending));
	memset(&opts, 0, sizeof(opts));
	vb_list_push(a, &files, file(a, "0000", "a", "A"));
	vb_list_push(a, &files, file(a, "0001", "b", "B"));
	vb_list_push(a, &files, file(a, "0002", "c", "C"));
	vb_list_push(a, &records, record(a, "0000", "A", "applied", NULL));
	failed = record(a, "0001", "B", "failed at step 2", NULL);
	failed->applied_steps = 1;
	failed->error = "boom";
	vb_list_push(a, &records, failed);
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(((vb_migration_status *) statuses.items[1])->state, VB_MIGRATION_FAILED);
	assert_false(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_string_equal(err.code, VB_ERR_STEP_FAILED);
	assert_contains(err.message, "failed at step 2");
	assert_contains(err.detail, "boom");
	assert_contains(err.hint, "--resume");
	opts.resume = true;
	assert_true(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_int_equal(pending.count, 2);
	assert_string_equal(((vb_migration_status *) pending.items[0])->version, "0001");
}

static void
test_to_revert(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		records;
	vb_list		revert;
	vb_migrate_options opts;
	vb_error	err;

	memset(&records, 0, sizeof(records));
	memset(&revert, 0, sizeof(revert));
	memset(&opts, 0, sizeof(opts));
	opts.steps = 1;
	assert_false(vb_migrations_to_revert(a, &records, &opts, &revert, &err));
	vb_list_push(a, &records, record(a, "0001", "B", "applied", "DROP TABLE b"));
	vb_list_push(a, &records, record(a, "0000", "A", "applied", "DROP TABLE a"));
	vb_list_push(a, &records, record(a, "0002", "C", "applied", "-- WARNING: loses c\nDROP TABLE c"));
	assert_false(vb_migrations_to_revert(a, &records, &opts, &revert, &err));
	assert_string_equal(err.code, VB_ERR_DESTRUCTIVE);
	opts.force = true;
	opts.to = "0000";
	assert_true(vb_migrations_to_revert(a, &records, &opts, &revert, &err));
	assert_int_equal(revert.count, 2);
	assert_string_equal(((vb_migration_record *) revert.items[0])->version, "0002");
	assert_string_equal(((vb_migration_record *) revert.items[1])->version, "0001");
	revert.count = 0;
	((vb_migration_record *) records.items[0])->down = NULL;
	assert_false(vb_migrations_to_revert(a, &records, &opts, &revert, &err));
	assert_contains(err.message, "0001 (m0001) has no down migration");
}

static void
test_read(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		files;
	vb_migrate_options opts;
	vb_error	err;

	memset(&files, 0, sizeof(files));
	assert_true(vb_migrations_read(a, J(a, "[{'version': '0001', 'name': 'x', 'sql': 'SELECT 1', "
										"'down': null, 'checksum': 'ignored', 'snapshot': {'tables': []}}]"),
								   &files, &err));
	assert_int_equal(files.count, 1);
	assert_string_equal(((vb_migration *) files.items[0])->snapshot, "{\"tables\":[]}");
	assert_null(((vb_migration *) files.items[0])->checksum);
	assert_false(vb_migrations_read(a, J(a, "[{'version': '1', 'sql': ''}, {'version': '1', 'sql': ''}]"),
									&files, &err));
	assert_string_equal(err.path, "[1].version");
	assert_false(vb_migrations_read(a, J(a, "[{'version': 1, 'sql': ''}]"), &files, &err));
	assert_string_equal(err.path, "[0].version");
	assert_false(vb_migrate_options_read(a, J(a, "{'steps': 'x'}"), &opts, &err));
	assert_false(vb_migrate_options_read(a, J(a, "{'stepz': 1}"), &opts, &err));
	assert_string_equal(err.path, "options.stepz");
	assert_true(vb_migrate_options_read(a, J(a, "{'steps': 3, 'force': true, 'to': '0002'}"), &opts, &err));
	assert_int_equal(opts.steps, 3);
	assert_true(opts.force);
	assert_string_equal(opts.to, "0002");
}

int
run_migrate_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_statements),
		UNIT_TEST(test_reconcile_and_pending),
		UNIT_TEST(test_failed_and_resume),
		UNIT_TEST(test_to_revert),
		UNIT_TEST(test_read),
	};

	return cmocka_run_group_tests_name("migrate", tests, NULL, NULL);
}
