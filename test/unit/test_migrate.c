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


static vb_migration_replaced *
replaced(vb_arena *a, const char *version, const char *checksum)
{
	vb_migration_replaced *r = vb_alloc(a, sizeof(vb_migration_replaced));

	r->version = vb_strdup(a, version);
	r->checksum = vb_strdup(a, checksum);
	return r;
}

/* The status of `version` in a reconcile, or NULL. */
static const vb_migration_status *
status_of(const vb_list *statuses, const char *version)
{
	int			i;

	for (i = 0; i < statuses->count; i++)
		if (strcmp(((vb_migration_status *) statuses->items[i])->version, version) == 0)
			return statuses->items[i];
	return NULL;
}

/*
 * A squash of 0001..0003 (as 0001, checksum S) then 0004: a database that
 * applied all three sees it applied, one that applied none applies it, one
 * that applied some is refused; a squash of that squash and 0004 is
 * applied where the three originals and 0004 were.
 */
static void
test_squash(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		files = {0};
	vb_list		records = {0};
	vb_list		statuses = {0};
	vb_list		pending = {0};
	vb_migrate_options opts;
	vb_error	err;
	vb_migration *sq = file(a, "0001", "A; B; C", "S");
	vb_migration *sq2;

	memset(&opts, 0, sizeof(opts));
	vb_list_push(a, &sq->replaces, replaced(a, "0001", "c1"));
	vb_list_push(a, &sq->replaces, replaced(a, "0002", "c2"));
	vb_list_push(a, &sq->replaces, replaced(a, "0003", "c3"));
	vb_list_push(a, &files, sq);
	vb_list_push(a, &files, file(a, "0004", "D", "c4"));

	/* all three applied: the squash is applied, no missing lines */
	vb_list_push(a, &records, record(a, "0001", "c1", "applied", "undo A"));
	vb_list_push(a, &records, record(a, "0002", "c2", "applied", "undo B"));
	vb_list_push(a, &records, record(a, "0003", "c3", "applied", "undo C"));
	((vb_migration_record *) records.items[2])->applied_at = "2026-01-03";
	((vb_migration_record *) records.items[0])->applied_at = "2026-01-01";
	((vb_migration_record *) records.items[1])->applied_at = "2026-01-02";
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(statuses.count, 2);
	assert_int_equal(status_of(&statuses, "0001")->state, VB_MIGRATION_APPLIED);
	assert_true(status_of(&statuses, "0001")->squashed);
	assert_string_equal(status_of(&statuses, "0001")->record->version, "0003");
	assert_int_equal(status_of(&statuses, "0004")->state, VB_MIGRATION_PENDING);
	assert_false(status_of(&statuses, "0004")->out_of_order);
	assert_true(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_int_equal(pending.count, 1);
	assert_string_equal(((vb_migration_status *) pending.items[0])->version, "0004");
	assert_non_null(strstr(vb_migrate_status_result(a, &statuses, NULL), "\"squashed\":true"));

	/* a replaced file applied with another checksum: only partly */
	((vb_migration_record *) records.items[1])->checksum = "other";
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(statuses.count, 2);
	assert_int_equal(status_of(&statuses, "0001")->state, VB_MIGRATION_EDITED);
	assert_string_equal(status_of(&statuses, "0001")->partly, "0001, 0002 with another checksum, 0003");
	assert_false(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_string_equal(err.code, VB_ERR_MIGRATION_CHANGED);
	assert_contains(err.message, "squashes migrations of which this database applied only some: it recorded 0001, 0002 with another checksum, 0003");

	/* two of three applied (the newest reverted): refused, naming them */
	((vb_migration_record *) records.items[1])->checksum = "c2";
	records.count = 2;
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(statuses.count, 2);
	assert_string_equal(status_of(&statuses, "0001")->partly, "0001, 0002");
	assert_false(vb_migrations_pending(a, &statuses, &opts, &pending, &err));

	/* none applied: the squash is pending, as any file */
	records.count = 0;
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(status_of(&statuses, "0001")->state, VB_MIGRATION_PENDING);
	assert_false(status_of(&statuses, "0001")->squashed);

	/* applied as the squash itself: applied, as any file */
	vb_list_push(a, &records, record(a, "0001", "S", "applied", NULL));
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(statuses.count, 2);
	assert_int_equal(status_of(&statuses, "0001")->state, VB_MIGRATION_APPLIED);
	assert_false(status_of(&statuses, "0001")->squashed);
	/* ... and failed as itself (MySQL): failed, so it can be resumed */
	((vb_migration_record *) records.items[0])->state = "failed at step 2";
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(status_of(&statuses, "0001")->state, VB_MIGRATION_FAILED);
	assert_null(status_of(&statuses, "0001")->partly);
	/* ... and edited since: edited, with both checksums, not "partly" */
	((vb_migration_record *) records.items[0])->state = "applied";
	sq->checksum = "S-edited";
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(status_of(&statuses, "0001")->state, VB_MIGRATION_EDITED);
	assert_null(status_of(&statuses, "0001")->partly);
	assert_false(vb_migrations_pending(a, &statuses, &opts, &pending, &err));
	assert_contains(err.message, "applied migration 0001 (m0001) was edited");
	sq->checksum = "S";
	/* the originals applied in one go (the same time): the newest is 0003 */
	records.count = 0;
	vb_list_push(a, &records, record(a, "0001", "c1", "applied", NULL));
	vb_list_push(a, &records, record(a, "0002", "c2", "applied", NULL));
	vb_list_push(a, &records, record(a, "0003", "c3", "applied", NULL));
	for (int k = 0; k < 3; k++)
		((vb_migration_record *) records.items[k])->applied_at = "2026-01-01";
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_string_equal(status_of(&statuses, "0001")->record->version, "0003");

	/* a squash of the squash and 0004, on the database of the originals */
	sq2 = file(a, "0001", "A; B; C; D", "S2");
	vb_list_push(a, &sq2->replaces, replaced(a, "0001", "S"));
	((vb_migration_replaced *) sq2->replaces.items[0])->replaces = sq->replaces;
	vb_list_push(a, &sq2->replaces, replaced(a, "0004", "c4"));
	files.count = 0;
	vb_list_push(a, &files, sq2);
	records.count = 0;
	vb_list_push(a, &records, record(a, "0001", "c1", "applied", NULL));
	vb_list_push(a, &records, record(a, "0002", "c2", "applied", NULL));
	vb_list_push(a, &records, record(a, "0003", "c3", "applied", NULL));
	vb_list_push(a, &records, record(a, "0004", "c4", "applied", NULL));
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(statuses.count, 1);
	assert_true(status_of(&statuses, "0001")->squashed);
	/* and on the database of the first squash */
	records.count = 0;
	vb_list_push(a, &records, record(a, "0001", "S", "applied", NULL));
	vb_list_push(a, &records, record(a, "0004", "c4", "applied", NULL));
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(statuses.count, 1);
	assert_true(status_of(&statuses, "0001")->squashed);
	/* a record no squash covers stays missing */
	vb_list_push(a, &records, record(a, "0009", "c9", "applied", NULL));
	statuses.count = 0;
	vb_migrations_reconcile(a, &files, &records, &statuses);
	assert_int_equal(statuses.count, 2);
	assert_int_equal(status_of(&statuses, "0009")->state, VB_MIGRATION_MISSING);

	/* read from JSON */
	files.count = 0;
	assert_true(vb_migrations_read(a, J(a, "[{'version': '0001', 'sql': 'x', 'replaces': [{'version': '0001', "
										"'name': 'a', 'checksum': '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', "
										"'replaces': []}]}]"), &files, &err));
	assert_int_equal(((vb_migration *) files.items[0])->replaces.count, 1);
	assert_false(vb_migrations_read(a, J(a, "[{'version': '0001', 'sql': 'x', 'replaces': [{'version': '0001', "
										 "'checksum': 'short'}]}]"), &files, &err));
	assert_string_equal(err.path, "[0].replaces[0].checksum");
}

static void
test_reset_options(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_migrate_options opts;
	vb_migrate_reset reset;
	vb_list		statuses = {0};
	vb_list		schemas = {0};
	vb_error	err;
	vb_migration *m = file(a, "0001", "x", "c1");
	vb_migration_status s;

	assert_true(vb_migrate_options_read(a, J(a, "{'reset': true, 'schemas': ['app', 'public']}"), &opts, &err));
	assert_true(opts.reset);
	assert_int_equal(opts.schemas.count, 2);
	assert_false(vb_migrate_options_read(a, J(a, "{'reset': true, 'schemas': ['viborm']}"), &opts, &err));
	assert_string_equal(err.path, "options.schemas[0]");
	assert_false(vb_migrate_options_read(a, J(a, "{'reset': true, 'schemas': ['pg_catalog']}"), &opts, &err));
	assert_false(vb_migrate_options_read(a, J(a, "{'schemas': ['app']}"), &opts, &err));
	assert_string_equal(err.path, "options.schemas");
	assert_false(vb_migrate_options_read(a, J(a, "{'reset': true, 'baseline': true}"), &opts, &err));
	assert_string_equal(err.path, "options.reset");
	assert_true(vb_migrate_options_read(a, J(a, "{'reset': true}"), &opts, &err));
	assert_true(vb_migrate_options_for(a, &opts, "apply", &err));
	assert_false(vb_migrate_options_for(a, &opts, "down", &err));
	assert_string_equal(err.path, "options.reset");
	assert_false(vb_migrate_options_for(a, &opts, "status", &err));

	/* without force: VB003 naming what would go */
	assert_true(vb_migrate_options_read(a, J(a, "{'reset': true}"), &opts, &err));
	memset(&reset, 0, sizeof(reset));
	vb_list_push(a, &reset.dropped_kinds, "table");
	vb_list_push(a, &reset.dropped, "public.users");
	vb_list_push(a, &reset.forgotten, "0001");
	assert_false(vb_migrate_reset_check(a, &opts, &statuses, &reset, &err));
	assert_string_equal(err.code, VB_ERR_DESTRUCTIVE);
	assert_contains(err.detail, "table public.users");
	opts.force = true;
	assert_true(vb_migrate_reset_check(a, &opts, &statuses, &reset, &err));
	opts.to = "0009";
	assert_false(vb_migrate_reset_check(a, &opts, &statuses, &reset, &err));
	assert_string_equal(err.path, "options.to");
	opts.to = NULL;
	assert_non_null(strstr(vb_migrate_apply_result(a, &statuses, &statuses, false, NULL, &reset),
						   "\"dropped\":[{\"kind\":\"table\",\"object\":\"public.users\"}]"));

	/* the schemas: the snapshots'; none is an error, as is an unreadable one */
	assert_false(vb_migrate_reset_schemas(a, &opts, &statuses, &schemas, &err));
	assert_string_equal(err.path, "options.schemas");
	assert_contains(err.message, "no migration carries a snapshot");
	m->snapshot = J(a, "{'tables': [{'name': 't', 'schema': 'app', 'columns': [{'name': 'id', 'type': 'integer'}]}], "
					"'enums': [{'name': 'e', 'schema': 'shop', 'values': ['a']}]}");
	memset(&s, 0, sizeof(s));
	s.version = "0001";
	s.file = m;
	vb_list_push(a, &statuses, &s);
	schemas.count = 0;
	assert_true(vb_migrate_reset_schemas(a, &opts, &statuses, &schemas, &err));
	assert_int_equal(schemas.count, 2);
	assert_string_equal(schemas.items[0], "app");
	assert_string_equal(schemas.items[1], "shop");
	m->snapshot = J(a, "{'tables': 3}");
	schemas.count = 0;
	assert_false(vb_migrate_reset_schemas(a, &opts, &statuses, &schemas, &err));
	assert_contains(err.message, "the snapshot of migration 0001 cannot tell which schemas to reset");
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
		UNIT_TEST(test_squash),
		UNIT_TEST(test_reset_options),
	};

	return cmocka_run_group_tests_name("migrate", tests, NULL, NULL);
}
