/*
 * test_table_options.c — the table-level options of the fourth release:
 * NO INHERIT checks, deferrable keys, MATCH FULL foreign keys and their
 * deferrability altered in place, storage parameters of tables and
 * indexes, comments on indexes and constraints, and names held by objects
 * viborm leaves alone (VB008, and unnamed objects named around them).
 *
 * Schemas are built by hand with canonical types, as in test_objects.c;
 * the reader and the writer are driven through JSON.
 */
#include <string.h>

#include "unit.h"

static vb_option *
opt(vb_arena *a, vb_list *list, const char *name, const char *value, bool exclusive)
{
	vb_option  *o = vb_alloc(a, sizeof(vb_option));

	o->name = vb_strdup(a, name);
	o->value = vb_strdup(a, value);
	o->exclusive_lock = exclusive;
	vb_list_push(a, list, o);
	return o;
}

static vb_name_holder *
holder(vb_arena *a, vb_schema *s, char space, const char *table, const char *name,
	   const char *what)
{
	vb_name_holder *h = vb_alloc(a, sizeof(vb_name_holder));

	h->space = space;
	h->schema = vb_strdup(a, "public");
	h->table = table ? vb_strdup(a, table) : NULL;
	h->name = vb_strdup(a, name);
	h->what = vb_strdup(a, what);
	vb_list_push(a, &s->name_holders, h);
	return h;
}

/* ---- the reader ----------------------------------------------------------------------------- */

static void
test_table_options_read_new_keys(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = doc_ok(a, table_doc(a,
										", 'with': {'fillfactor': 70, 'autovacuum_enabled': false, "
										"'toast.autovacuum_enabled': 'off', 'autovacuum_vacuum_scale_factor': 0.05, "
										"'parallel_workers': null}, "
										"'primaryKey': {'columns': ['id'], 'deferrable': true, 'comment': 'the key'}, "
										"'uniqueConstraints': [{'columns': ['a'], 'deferrable': true, "
										"'initiallyDeferred': true, 'comment': ''}], "
										"'indexes': [{'columns': ['b'], 'with': {'fillfactor': '90'}, 'comment': 'by b'}], "
										"'foreignKeys': [{'columns': ['id'], 'referencedTable': 't', "
										"'referencedColumns': ['id'], 'match': 'full', 'comment': 'self'}, "
										"{'columns': ['a'], 'referencedTable': 't', 'referencedColumns': ['id'], "
										"'match': 'simple'}], "
										"'checks': [{'expression': 'a > 0', 'noInherit': true, 'comment': 'positive'}]"));
	vb_table   *t = s->tables.items[0];
	vb_key	   *u = t->uniques.items[0];
	vb_index   *x = t->indexes.items[0];
	vb_foreign_key *f = t->foreign_keys.items[0];
	vb_check   *c = t->checks.items[0];

	assert_int_equal(t->with.count, 4);	/* null: not set */
	assert_string_equal(((vb_option *) t->with.items[0])->name, "fillfactor");
	assert_string_equal(((vb_option *) t->with.items[0])->value, "70");
	assert_string_equal(((vb_option *) t->with.items[1])->value, "false");
	assert_string_equal(((vb_option *) t->with.items[2])->name, "toast.autovacuum_enabled");
	assert_string_equal(((vb_option *) t->with.items[2])->value, "off");
	assert_string_equal(((vb_option *) t->with.items[3])->value, "0.05");
	assert_true(t->primary_key->deferrable);
	assert_false(t->primary_key->initially_deferred);
	assert_string_equal(t->primary_key->comment, "the key");
	assert_true(u->deferrable && u->initially_deferred);
	assert_null(u->comment);	/* "" is no comment */
	assert_string_equal(((vb_option *) x->with.items[0])->value, "90");
	assert_string_equal(x->comment, "by b");
	assert_true(f->match_full);
	assert_string_equal(f->comment, "self");
	assert_false(((vb_foreign_key *) t->foreign_keys.items[1])->match_full);
	assert_true(c->no_inherit);
	assert_string_equal(c->comment, "positive");
}

static void
test_table_options_read_errors(void **state)
{
	vb_arena   *a = ARENA(state);

	doc_err(a, table_doc(a, ", 'with': ['fillfactor']"), "tables[0].with", "must be an object");
	doc_err(a, table_doc(a, ", 'with': {'fillfactor': [70]}"), "tables[0].with.fillfactor",
			"a number, a boolean or a string");
	doc_err(a, table_doc(a, ", 'with': {'fillfactor': 9007199254740993}"),
			"tables[0].with.fillfactor", "cannot be read exactly");
	doc_err(a, table_doc(a, ", 'with': {'': 1}"), "tables[0].with", "namespace.name");
	doc_err(a, table_doc(a, ", 'with': {'toast.': 1}"), "tables[0].with.toast.", "namespace.name");
	doc_err(a, table_doc(a, ", 'with': {'a': 1, 'a': 2}"), "tables[0].with.a", "appears twice");
	doc_err(a, table_doc(a, ", 'primaryKey': {'columns': ['id'], 'initiallyDeferred': true}"),
			"tables[0].primaryKey.initiallyDeferred", "requires deferrable");
	doc_err(a, table_doc(a, ", 'uniqueConstraints': [{'columns': ['a'], 'deferrable': 'yes'}]"),
			"tables[0].uniqueConstraints[0].deferrable", "must be a boolean");
	doc_err(a, table_doc(a, ", 'primaryKey': {'columns': ['id'], 'renamedFrom': 'x'}"),
			"tables[0].primaryKey.renamedFrom", "unknown key");
	doc_err(a, table_doc(a, ", 'foreignKeys': [{'columns': ['a'], 'referencedTable': 't', "
						 "'referencedColumns': ['id'], 'match': 'partial'}]"),
			"tables[0].foreignKeys[0].match", "\"simple\" or \"full\"");
	doc_err(a, table_doc(a, ", 'checks': [{'expression': 'a', 'noInherit': 1}]"),
			"tables[0].checks[0].noInherit", "must be a boolean");
	doc_err(a, table_doc(a, ", 'indexes': [{'columns': ['a'], 'comment': 1}]"),
			"tables[0].indexes[0].comment", "must be a string");
}

/* ---- DDL of new objects ----------------------------------------------------------------- */

static void
test_table_options_create_sql(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = t3(a, des);
	vb_key	   *k;
	vb_index   *x;
	vb_foreign_key *f;
	vb_check   *c;
	vb_plan    *p;

	k = pk(a, t, "t_pkey", "id");
	k->deferrable = true;
	k->initially_deferred = true;
	k->comment = vb_strdup(a, "the key");
	opt(a, &t->with, "fillfactor", "70", false);
	opt(a, &t->with, "toast.autovacuum_enabled", "off", false);
	k = uq(a, t, "t_a_key", "a");
	k->deferrable = true;
	uq(a, t, "t_id_key", "id");	/* what the foreign key references */
	x = ix(a, t, "t_b_idx", "b", false);
	opt(a, &x->with, "fillfactor", "90", false);
	x->where = vb_strdup(a, "(b <> ''::text)");
	x->comment = vb_strdup(a, "by b");
	f = fk(a, t, "t_a_fkey", "a", "t", "id");
	f->match_full = true;
	f->on_delete = VB_FK_CASCADE;
	f->deferrable = true;
	f->comment = vb_strdup(a, "it's t");
	c = ck(a, t, "t_a_check", "(a > 0)", "a");
	c->no_inherit = true;
	c->not_valid = true;
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_sql(a, p),
						"CREATE TABLE public.t (id integer NOT NULL, a integer, b text, CONSTRAINT t_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED) WITH (fillfactor = '70', toast.autovacuum_enabled = 'off')\n"
						"ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE (a) DEFERRABLE\n"
						"ALTER TABLE public.t ADD CONSTRAINT t_id_key UNIQUE (id)\n"
						"ALTER TABLE public.t ADD CONSTRAINT t_a_check CHECK ((a > 0)) NO INHERIT NOT VALID\n"
						"CREATE INDEX t_b_idx ON public.t USING btree (b) WITH (fillfactor = '90') WHERE (b <> ''::text)\n"
						"ALTER TABLE public.t ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES public.t (id) MATCH FULL ON DELETE CASCADE DEFERRABLE\n"
						"COMMENT ON CONSTRAINT t_pkey ON public.t IS 'the key'\n"
						"COMMENT ON INDEX public.t_b_idx IS 'by b'\n"
						"COMMENT ON CONSTRAINT t_a_fkey ON public.t IS 'it''s t'");
	assert_int_equal(kind_count(p, VB_OP_SET_COMMENT), 3);
	assert_string_equal(op_find(p, VB_OP_SET_COMMENT, "t_b_idx")->table, "t");
}

/* ---- changes ------------------------------------------------------------------------------ */

/* A key's deferrability cannot be altered in PostgreSQL 15: drop and add
 * (no foreign key can reference a deferrable key, so none goes with it). */
static void
test_table_options_deferrability_of_keys_rebuilds(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = t3(a, cur);
	vb_table   *d = t3(a, des);
	vb_plan    *p;

	pk(a, c, "t_pkey", "id")->initially_deferred = false;
	uq(a, c, "t_a_key", "a")->deferrable = true;
	pk(a, d, "t_pkey", "id")->deferrable = true;
	uq(a, d, "t_a_key", "a");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropPrimaryKey,dropUnique,addPrimaryKey,addUnique");
	assert_string_equal(op_sql(a, op_at(p, 2)),
						"ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id) DEFERRABLE");
	assert_string_equal(op_sql(a, op_at(p, 3)), "ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE (a)");
	assert_int_equal(op_at(p, 3)->guards.count, 1);
	assert_int_equal(op_at(p, 3)->hazards,
					 VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD);
	/* initially deferred or not is a difference too */
	((vb_key *) c->primary_key)->deferrable = true;
	((vb_key *) c->primary_key)->initially_deferred = true;
	((vb_key *) c->uniques.items[0])->deferrable = false;
	assert_string_equal(plan_kinds(a, diff_ok(a, cur, des, NULL)), "dropPrimaryKey,addPrimaryKey");
}

/* A foreign key's deferrability changes in place, under its new name. */
static void
test_table_options_fk_deferrability_altered(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = t3(a, cur);
	vb_table   *d = t3(a, des);
	vb_foreign_key *f;
	vb_plan    *p;
	vb_operation *op;

	pk(a, c, "t_pkey", "id");
	pk(a, d, "t_pkey", "id");
	fk(a, c, "t_a_fkey", "a", "t", "id");
	f = fk(a, d, "t_a_ref", "a", "t", "id");
	f->deferrable = true;
	f->initially_deferred = true;
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "renameConstraint,alterConstraint");
	op = op_at(p, 1);
	assert_string_equal(op->object, "t_a_ref");
	assert_string_equal(op_sql(a, op),
						"ALTER TABLE public.t ALTER CONSTRAINT t_a_ref DEFERRABLE INITIALLY DEFERRED");
	assert_int_equal(op->hazards, VB_HAZARD_ACCESS_EXCLUSIVE);
	assert_int_equal(op->guards.count, 0);

	f->initially_deferred = false;
	assert_string_equal(op_sql(a, op_at(diff_ok(a, cur, des, NULL), 1)),
						"ALTER TABLE public.t ALTER CONSTRAINT t_a_ref DEFERRABLE INITIALLY IMMEDIATE");
	f->deferrable = false;
	assert_string_equal(plan_kinds(a, diff_ok(a, cur, des, NULL)), "renameConstraint");
	((vb_foreign_key *) c->foreign_keys.items[0])->deferrable = true;
	assert_string_equal(op_sql(a, op_at(diff_ok(a, cur, des, NULL), 1)),
						"ALTER TABLE public.t ALTER CONSTRAINT t_a_ref NOT DEFERRABLE");
}

/* MATCH FULL is part of the definition: a change drops and adds, and the
 * guard counts rows whose key is partly NULL. */
static void
test_table_options_match_full(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = t3(a, cur);
	vb_table   *d = t3(a, des);
	vb_plan    *p;
	vb_operation *op;

	pk(a, c, "t_pkey", "id,a");
	pk(a, d, "t_pkey", "id,a");
	fk(a, c, "t_ab_fkey", "a,id", "t", "id,a");
	fk(a, d, "t_ab_fkey", "a,id", "t", "id,a")->match_full = true;
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropForeignKey,addForeignKey");
	op = op_at(p, 1);
	assert_contains(op_sql(a, op), "REFERENCES public.t (id, a) MATCH FULL");
	assert_string_equal(guard_at(op, 0)->sql,
						"SELECT count(*) FROM public.t t WHERE NOT (t.a IS NULL AND t.id IS NULL) "
						"AND (NOT (t.a IS NOT NULL AND t.id IS NOT NULL) OR NOT EXISTS "
						"(SELECT 1 FROM public.t r WHERE r.id = t.a AND r.a = t.id))");
	assert_contains(guard_at(op, 0)->problem, "MATCH FULL");
}

/* A NO INHERIT check: part of the definition; its guard reads the table ONLY. */
static void
test_table_options_no_inherit_check(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_check   *c;
	vb_plan    *p;

	ck(a, t3(a, cur), "t_a_check", "(a > 0)", "a");
	c = ck(a, t3(a, des), "t_a_check", "(a > 0)", "a");
	c->no_inherit = true;
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropCheck,addCheck");
	assert_string_equal(op_sql(a, op_at(p, 1)),
						"ALTER TABLE public.t ADD CONSTRAINT t_a_check CHECK ((a > 0)) NO INHERIT");
	assert_string_equal(guard_at(op_at(p, 1), 0)->sql,
						"SELECT count(*) FROM ONLY public.t WHERE NOT ((a > 0))");
	/* unchanged: nothing */
	((vb_check *) ((vb_table *) cur->tables.items[0])->checks.items[0])->no_inherit = true;
	assert_int_equal(diff_ok(a, cur, des, NULL)->operations.count, 0);
}

/* Storage parameters: SET what is new or changed, RESET what is gone, in
 * any order; ACCESS EXCLUSIVE only when a parameter needs it. */
static void
test_table_options_storage_set_and_reset(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = t3(a, cur);
	vb_table   *d = t3(a, des);
	vb_index   *cx = ix(a, c, "t_b_idx", "b", false);
	vb_index   *dx = ix(a, d, "t_b_idx", "b", false);
	vb_plan    *p;

	opt(a, &c->with, "fillfactor", "70", false);
	opt(a, &c->with, "autovacuum_enabled", "off", false);
	opt(a, &c->with, "toast.autovacuum_enabled", "false", false);
	opt(a, &d->with, "autovacuum_enabled", "off", false);
	opt(a, &d->with, "fillfactor", "80", false);
	opt(a, &d->with, "parallel_workers", "2", false);
	opt(a, &cx->with, "fillfactor", "90", false);
	opt(a, &dx->with, "fillfactor", "90", false);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "setStorageParameters");
	assert_string_equal(op_sql(a, op_at(p, 0)),
						"ALTER TABLE public.t SET (fillfactor = '80', parallel_workers = '2')\n"
						"ALTER TABLE public.t RESET (toast.autovacuum_enabled)");
	assert_int_equal(op_at(p, 0)->hazards, 0);

	/* the index: a parameter taking ACCESS EXCLUSIVE (reset or set) */
	((vb_option *) cx->with.items[0])->exclusive_lock = true;
	dx->with.count = 0;
	p = diff_ok(a, cur, des, NULL);
	assert_int_equal(op_find(p, VB_OP_SET_STORAGE, "t_b_idx")->hazards, VB_HAZARD_ACCESS_EXCLUSIVE);
	assert_string_equal(op_sql(a, op_find(p, VB_OP_SET_STORAGE, "t_b_idx")),
						"ALTER INDEX public.t_b_idx RESET (fillfactor)");
}

/* After the renames (new names), before the rewrites that use them. */
static void
test_table_options_storage_order(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = t3(a, cur);
	vb_table   *d = tbl(a, des, "u");
	vb_index   *dx;
	vb_plan    *p;

	col(a, d, "id", "bigint", false);
	col(a, d, "a", "integer", true);
	col(a, d, "b", "text", true);
	d->renamed_from = vb_strdup(a, "t");
	ix(a, c, "t_b_idx", "b", false);
	dx = ix(a, d, "u_b_idx", "b", false);
	opt(a, &dx->with, "fillfactor", "50", false);
	opt(a, &d->with, "fillfactor", "50", false);
	p = diff_ok(a, cur, des, opts_ok(a, "{'force': true}"));
	assert_string_equal(plan_kinds(a, p),
						"renameTable,renameIndex,setStorageParameters,setStorageParameters,alterColumn");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.t RENAME TO u\n"
						"ALTER INDEX public.t_b_idx RENAME TO u_b_idx\n"
						"ALTER INDEX public.u_b_idx SET (fillfactor = '50')\n"
						"ALTER TABLE public.u SET (fillfactor = '50')\n"
						"ALTER TABLE public.u ALTER COLUMN id TYPE bigint USING id::bigint");
}

/* Parameters an index reads only when it is built rebuild it; the others
 * do not, and neither does their order. */
static void
test_table_options_build_time_parameters_rebuild(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = t3(a, cur);
	vb_table   *d = t3(a, des);
	vb_index   *cb = ix(a, c, "t_a_brin", "a", false);
	vb_index   *db = ix(a, d, "t_a_brin", "a", false);
	vb_index   *ch = ix(a, c, "t_a_hash", "a", false);
	vb_index   *dh = ix(a, d, "t_a_hash", "a", false);
	vb_plan    *p;

	cb->method = db->method = vb_strdup(a, "brin");
	ch->method = dh->method = vb_strdup(a, "hash");
	opt(a, &cb->with, "pages_per_range", "32", true);
	opt(a, &cb->with, "autosummarize", "on", true);
	opt(a, &db->with, "autosummarize", "on", true);
	opt(a, &db->with, "pages_per_range", "32", true);
	opt(a, &dh->with, "fillfactor", "75", false);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropIndex,createIndex");
	assert_string_equal(op_at(p, 1)->object, "t_a_hash");
	assert_contains(op_sql(a, op_at(p, 1)), "USING hash (a) WITH (fillfactor = '75')");
	((vb_option *) db->with.items[1])->value = vb_strdup(a, "16");
	((vb_option *) db->with.items[0])->value = vb_strdup(a, "off");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropIndex,dropIndex,createIndex,createIndex");
	assert_contains(plan_sql(a, p), "USING brin (a) WITH (autosummarize = 'off', pages_per_range = '16')");
}

/* Comments on a kept object, on a renamed one (new name), on one that
 * is re-created (set again), and removed. */
static void
test_table_options_comments_on_objects(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = t3(a, cur);
	vb_table   *d = t3(a, des);
	vb_plan    *p;

	pk(a, c, "t_pkey", "id")->comment = vb_strdup(a, "the key");
	pk(a, d, "t_pkey", "id")->comment = vb_strdup(a, "the key");
	ix(a, c, "t_a_idx", "a", false)->comment = vb_strdup(a, "by a");
	ix(a, d, "t_a_ix", "a", false)->comment = vb_strdup(a, "by a");
	ck(a, c, "t_a_check", "(a > 0)", "a")->comment = vb_strdup(a, "positive");
	ck(a, d, "t_a_check", "(a > 1)", "a")->comment = vb_strdup(a, "positive");
	uq(a, c, "t_b_key", "b")->comment = vb_strdup(a, "one b");
	uq(a, d, "t_b_key", "b");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p),
						"dropCheck,renameIndex,addCheck,setComment,setComment");
	assert_string_equal(op_sql(a, op_at(p, 3)), "COMMENT ON CONSTRAINT t_b_key ON public.t IS NULL");
	assert_string_equal(op_sql(a, op_at(p, 4)),
						"COMMENT ON CONSTRAINT t_a_check ON public.t IS 'positive'");
}

/* ---- names held by objects viborm leaves alone ---------------------------------------- */

static void
test_table_options_held_names_refused(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = t3(a, cur);
	vb_table   *d = t3(a, des);
	vb_table   *v = tbl(a, des, "v");
	vb_error   *err;

	(void) c;
	holder(a, cur, 'r', NULL, "v", "view public.v");
	holder(a, cur, 't', NULL, "mood", "domain public.mood");
	holder(a, cur, 'c', "t", "t_ex", "exclusion constraint t_ex on public.t");
	holder(a, cur, 'r', "t", "t_ex", "index public.t_ex");
	holder(a, cur, 'r', NULL, "t_id_seq", "sequence public.t_id_seq");
	col(a, v, "x", "integer", true);
	ck(a, d, "t_ex", "(a > 0)", "a");
	((vb_column *) d->columns.items[0])->auto_increment = true;
	enm(a, des, "mood", "ok");
	err = diff_err(a, cur, des, NULL, VB_ERR_DEPENDENCY, "held by");
	assert_contains(err->message, "(and 3 more)");
	assert_contains(err->detail, "needs the constraint name \"t_ex\" on public.t, held by exclusion constraint t_ex on public.t");
	assert_contains(err->detail, "needs the relation name \"t_id_seq\" in schema public, held by sequence public.t_id_seq");
	assert_contains(err->detail, "(table public.v) needs the relation name \"v\" in schema public, held by view public.v");
	assert_not_contains(err->detail, "the row type of table public.v");
	assert_contains(err->detail, "(enum public.mood) needs the type name \"mood\" in schema public, held by domain public.mood");
	assert_non_null(err->hint);

	/* before naming and pairing, the face's early check sees the same */
	memset(err, 0, sizeof(*err));
	assert_false(vb_check_name_holders(a, cur, des, err));
	assert_string_equal(err->code, VB_ERR_DEPENDENCY);
	assert_contains(err->message, "(and 3 more)");
}

/* Held names of a dropped table do not count; those of a renamed one
 * follow it; unnamed objects are named around held names. */
static void
test_table_options_held_names_placed_and_named_around(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *u = tbl(a, des, "u");
	vb_table   *d;
	vb_plan    *p;

	t3(a, cur);
	holder(a, cur, 'c', "t", "t_ex", "exclusion constraint t_ex on public.t");
	holder(a, cur, 'r', "t", "t_ex", "index public.t_ex");
	col(a, u, "x", "integer", true);
	ix(a, u, "t_ex", "x", false);
	ck(a, u, "t_ex", "(x > 0)", "x");
	p = diff_ok(a, cur, des, opts_ok(a, "{'force': true}"));
	assert_int_not_equal(op_index(p, VB_OP_DROP_TABLE, "t"), -1);
	assert_int_not_equal(op_index(p, VB_OP_CREATE_INDEX, "t_ex"), -1);

	/* t renamed to w: its exclusion constraint follows it */
	des = sch_new(a);
	d = tbl(a, des, "w");
	col(a, d, "id", "integer", false);
	col(a, d, "a", "integer", true);
	col(a, d, "b", "text", true);
	d->renamed_from = vb_strdup(a, "t");
	ck(a, d, "t_ex", "(a > 0)", "a");
	diff_err(a, cur, des, NULL, VB_ERR_DEPENDENCY, "constraint name \"t_ex\" on public.w");

	/* unnamed: t_a_key and t_a_check are held, so t_a_key1, t_a_check1 */
	des = sch_new(a);
	d = t3(a, des);
	holder(a, cur, 'r', "t", "t_a_key", "index public.t_a_key");
	holder(a, cur, 'c', "t", "t_a_key", "unique constraint t_a_key on public.t");
	holder(a, cur, 'c', "t", "t_a_check", "constraint trigger t_a_check on public.t");
	holder(a, cur, 'r', NULL, "t_b_idx", "view public.t_b_idx");
	uq(a, d, NULL, "a");
	ck(a, d, NULL, "(a > 0)", "a");
	ix(a, d, NULL, "b", false);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "addUnique,addCheck,createIndex");
	assert_string_equal(op_at(p, 0)->object, "t_a_key1");
	assert_string_equal(op_at(p, 1)->object, "t_a_check1");
	assert_string_equal(op_at(p, 2)->object, "t_b_idx1");
}

/* ---- what a foreign key may reference -------------------------------------------------- */

static void
test_table_options_fk_needs_an_immediate_key(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *d = t3(a, des);
	vb_index   *x;
	vb_error   *err;

	pk(a, d, "t_pkey", "id")->deferrable = true;
	fk(a, d, "t_a_fkey", "a", "t", "id");
	err = diff_err(a, cur, des, NULL, VB_ERR_INVALID, "only a deferrable key covers them");
	assert_contains(err->message, "references columns (id) of table \"public.t\"");
	/* a non-deferrable unique index on the same columns is enough */
	ix(a, d, "t_id_idx", "id", true);
	diff_ok(a, cur, des, NULL);
	/* not a partial one */
	x = d->indexes.items[0];
	x->where = vb_strdup(a, "(id > 0)");
	diff_err(a, cur, des, NULL, VB_ERR_INVALID, "only a deferrable key covers them");
	/* no key at all: refused too; a composite key in another order is fine */
	x->where = NULL;
	fk(a, d, "t_ab_fkey", "a,id", "t", "b,a");
	diff_err(a, cur, des, NULL, VB_ERR_INVALID, "no primary key, unique constraint or unique index");
	uq(a, d, "t_ab_key", "a,b");
	diff_ok(a, cur, des, NULL);
}

/* ---- the writer ------------------------------------------------------------------------ */

static void
test_table_options_write_and_read_back(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = sch_new(a);
	vb_table   *t = t3(a, s);
	vb_key	   *k = uq(a, t, "t_b_key", "b");
	vb_index   *x = ix(a, t, "t_b_idx", "b", false);
	vb_foreign_key *f = fk(a, t, "t_a_fkey", "a", "t", "id");
	vb_check   *c = ck(a, t, "t_a_check", "(a > 0)", "a");
	char	   *json;
	vb_schema  *back;

	pk(a, t, "t_pkey", "id")->comment = vb_strdup(a, "the key");
	k->deferrable = true;
	k->comment = vb_strdup(a, "k");
	opt(a, &t->with, "fillfactor", "70", false);
	opt(a, &t->with, "autovacuum_enabled", "off", false);
	opt(a, &t->with, "toast.autovacuum_enabled", "false", false);
	opt(a, &t->with, "autovacuum_vacuum_scale_factor", "0.05", false);
	opt(a, &t->with, "log_autovacuum_min_duration", "1e3", false);
	opt(a, &t->with, "parallel_workers", "04", false);
	opt(a, &x->with, "deduplicate_items", "true", false);
	x->comment = vb_strdup(a, "x");
	f->match_full = true;
	f->comment = vb_strdup(a, "f");
	c->no_inherit = true;
	c->comment = vb_strdup(a, "c");
	json = vb_document_write(a, s);
	assert_contains(json, "\"with\":{\"fillfactor\":70,\"autovacuum_enabled\":\"off\","
					"\"toast.autovacuum_enabled\":false,\"autovacuum_vacuum_scale_factor\":0.05,"
					"\"log_autovacuum_min_duration\":\"1e3\",\"parallel_workers\":\"04\"}");
	assert_contains(json, "\"primaryKey\":{\"name\":\"t_pkey\",\"columns\":[\"id\"],"
					"\"comment\":\"the key\"}");
	assert_contains(json, "{\"name\":\"t_b_key\",\"columns\":[\"b\"],"
					"\"deferrable\":true,\"comment\":\"k\"}");
	assert_contains(json, "\"with\":{\"deduplicate_items\":true},\"comment\":\"x\"");
	assert_contains(json, "\"match\":\"full\",\"comment\":\"f\"");
	assert_contains(json, "\"noInherit\":true,\"comment\":\"c\"");
	/* read back: every value the same text, so nothing to do */
	back = unit_doc_ok(a, json, __FILE__, __LINE__);
	assert_int_equal(diff_ok(a, s, back, NULL)->operations.count, 0);
	assert_string_equal(((vb_option *) ((vb_table *) back->tables.items[0])->with.items[5])->value, "04");
}

int
run_table_options_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_table_options_read_new_keys),
		UNIT_TEST(test_table_options_read_errors),
		UNIT_TEST(test_table_options_create_sql),
		UNIT_TEST(test_table_options_deferrability_of_keys_rebuilds),
		UNIT_TEST(test_table_options_fk_deferrability_altered),
		UNIT_TEST(test_table_options_match_full),
		UNIT_TEST(test_table_options_no_inherit_check),
		UNIT_TEST(test_table_options_storage_set_and_reset),
		UNIT_TEST(test_table_options_storage_order),
		UNIT_TEST(test_table_options_build_time_parameters_rebuild),
		UNIT_TEST(test_table_options_comments_on_objects),
		UNIT_TEST(test_table_options_held_names_refused),
		UNIT_TEST(test_table_options_held_names_placed_and_named_around),
		UNIT_TEST(test_table_options_fk_needs_an_immediate_key),
		UNIT_TEST(test_table_options_write_and_read_back),
	};

	return cmocka_run_group_tests_name("table options", tests, NULL, NULL);
}
