/*
 * test_diff.c — the differ (vb_diff) on hand-built current and desired
 * schemas whose types are already canonical: each operation kind and its
 * exact SQL, destructive and safe type changes, renames (renamedFrom, by
 * definition, by resolution), rename candidates, and the order of a plan.
 */
#include <string.h>

#include "unit.h"

/* public.users (id integer PK users_pkey, email text) */
static vb_table *
users(vb_arena *a, vb_schema *s)
{
	vb_table   *t = tbl(a, s, "users");

	col(a, t, "id", "integer", false);
	col(a, t, "email", "text", true);
	pk(a, t, "users_pkey", "id");
	return t;
}

/* public.posts (id integer PK, author_id integer, FK -> users) */
static vb_table *
posts(vb_arena *a, vb_schema *s, bool with_fk)
{
	vb_table   *t = tbl(a, s, "posts");

	col(a, t, "id", "integer", false);
	col(a, t, "author_id", "integer", false);
	pk(a, t, "posts_pkey", "id");
	if (with_fk)
		fk(a, t, "posts_author_id_fkey", "author_id", "users", "id");
	return t;
}

/* One table t (id integer) plus one column c of `type` on each side. */
static vb_plan *
type_change(vb_arena *a, const char *from, const char *to)
{
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);

	col(a, tbl(a, cur, "t"), "c", from, true);
	col(a, tbl(a, des, "t"), "c", to, true);
	return diff_ok(a, cur, des, NULL);
}

/* ---- no change -------------------------------------------------------- */

static void
test_diff_identical_is_empty(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;


	users(a, cur);
	posts(a, cur, true);
	enm(a, cur, "mood", "happy,sad");
	ix(a, cur->tables.items[1], "posts_author_id_idx", "author_id", false);
	users(a, des);
	posts(a, des, true);
	enm(a, des, "mood", "happy,sad");
	ix(a, des->tables.items[1], NULL, "author_id", false);
	p = diff_ok(a, cur, des, NULL);
	assert_int_equal(p->operations.count, 0);
	assert_int_equal(p->ambiguous.count, 0);
}

/* ---- tables --------------------------------------------------------------- */

static void
test_diff_create_table(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, des, "users");
	vb_plan    *p;

	col(a, t, "id", "integer", false);
	col(a, t, "email", "character varying(255)", false);
	col(a, t, "bio", "text", true)->default_expr = vb_strdup(a, "''::text");
	pk(a, t, NULL, "id");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "createTable");
	assert_string_equal(plan_sql(a, p),
						"CREATE TABLE public.users (id integer NOT NULL, "
						"email character varying(255) NOT NULL, bio text DEFAULT ''::text, "
						"CONSTRAINT users_pkey PRIMARY KEY (id))");
	assert_false(op_at(p, 0)->destructive);
	assert_string_equal(op_at(p, 0)->schema, "public");
	assert_string_equal(op_at(p, 0)->object, "users");
}

/*
 * Expressions are embedded so that a "--" comment at their end cannot
 * swallow what follows (the extension builds scratch tables from the
 * document's own text): such text ends with a newline.
 */
static void
test_diff_expression_ending_in_comment(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, des, "t");
	vb_index   *x;
	vb_plan    *p;

	col(a, t, "a", "integer", true);
	col(a, t, "g", "integer", true)->generated = vb_strdup(a, "a * 2 -- twice");
	ck(a, t, "t_a_pos", "a > 0 --", NULL);
	ck(a, t, "t_a_neg", "a < 0", NULL)->source = vb_strdup(a, "a<0 -- written");
	ck(a, t, "t_a_five", "a <> 5", NULL);
	x = ix(a, t, "t_next", "", false);
	ix_elem(a, x, NULL, "a + 1 --", "expr");
	x->where = vb_strdup(a, "(a > 1)");
	x->where_source = vb_strdup(a, "a > 1 --");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_sql(a, p),
						"CREATE TABLE public.t (a integer, g integer GENERATED ALWAYS AS (a * 2 -- twice\n) STORED)\n"
						"ALTER TABLE public.t ADD CONSTRAINT t_a_pos CHECK (a > 0 --\n)\n"
						"ALTER TABLE public.t ADD CONSTRAINT t_a_neg CHECK (a<0 -- written\n)\n"
						"ALTER TABLE public.t ADD CONSTRAINT t_a_five CHECK (a <> 5)\n"
						"CREATE INDEX t_next ON public.t USING btree ((a + 1 --\n)) WHERE (a > 1 --\n)");
}

static void
test_diff_create_table_with_objects(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;

	users(a, des);
	t = posts(a, des, false);
	col(a, t, "title", "text", true);
	uq(a, t, NULL, "title");
	ix(a, t, NULL, "author_id", false);
	fk(a, t, NULL, "author_id", "users", "id")->on_delete = VB_FK_CASCADE;
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "createTable,createTable,addUnique,createIndex,addForeignKey");
	assert_string_equal(op_sql(a, op_at(p, 1)),
						"CREATE TABLE public.posts (id integer NOT NULL, author_id integer NOT NULL, "
						"title text, CONSTRAINT posts_pkey PRIMARY KEY (id))");
	/* unique constraints are added apart: inside CREATE TABLE, PostgreSQL
	 * drops one that repeats the primary key */
	assert_string_equal(op_sql(a, op_at(p, 2)),
						"ALTER TABLE public.posts ADD CONSTRAINT posts_title_key UNIQUE (title)");
	assert_string_equal(op_sql(a, op_at(p, 3)),
						"CREATE INDEX posts_author_id_idx ON public.posts USING btree (author_id)");
	assert_string_equal(op_sql(a, op_at(p, 4)),
						"ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey "
						"FOREIGN KEY (author_id) REFERENCES public.users (id) ON DELETE CASCADE");
	assert_string_equal(op_at(p, 4)->object, "posts_author_id_fkey");
	assert_tables_exist(a, cur, p);
}

static void
test_diff_create_table_serial_and_identity(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, des, "t");
	vb_plan    *p;

	serial_col(a, t, "id", "integer", NULL);
	serial_col(a, t, "big", "bigint", NULL);
	col(a, t, "n", "bigint", false)->identity = VB_IDENTITY_ALWAYS;
	col(a, t, "m", "integer", false)->identity = VB_IDENTITY_BY_DEFAULT;
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_sql(a, p),
						"CREATE TABLE public.t (id serial NOT NULL, big bigserial NOT NULL, "
						"n bigint NOT NULL GENERATED ALWAYS AS IDENTITY, "
						"m integer NOT NULL GENERATED BY DEFAULT AS IDENTITY)");
}

static void
test_diff_create_table_quotes_names(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, des, "User");
	vb_plan    *p;

	col(a, t, "order", "integer", false);
	col(a, t, "my col", "text", true);
	pk(a, t, NULL, "order");
	ix(a, t, NULL, "my col", false);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(op_sql(a, op_at(p, 0)),
						"CREATE TABLE public.\"User\" (\"order\" integer NOT NULL, \"my col\" text, "
						"CONSTRAINT \"User_pkey\" PRIMARY KEY (\"order\"))");
	assert_string_equal(op_sql(a, op_at(p, 1)),
						"CREATE INDEX \"User_my col_idx\" ON public.\"User\" USING btree (\"my col\")");
}

static void
test_diff_create_schema(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	col(a, tbl_in(a, des, "app", "t"), "id", "integer", true);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "createSchema,createTable");
	assert_string_equal(plan_sql(a, p), "CREATE SCHEMA IF NOT EXISTS app\nCREATE TABLE app.t (id integer)");
}

static void
test_diff_drop_table(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;
	vb_operation *op;

	users(a, cur);
	col(a, tbl(a, cur, "old"), "x", "integer", true);
	users(a, des);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropTable");
	op = op_at(p, 0);
	assert_string_equal(op_sql(a, op), "DROP TABLE public.old");
	assert_true(op->destructive);
	assert_string_equal(op->destructive_reason, "drops table public.old and all its rows");
	assert_true(op->hazards & VB_HAZARD_DELETES_DATA);
	assert_true(op->hazards & VB_HAZARD_ACCESS_EXCLUSIVE);
}

static void
test_diff_drop_table_drops_its_foreign_keys_first(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	users(a, cur);
	posts(a, cur, true);
	users(a, des);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropForeignKey,dropTable");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey\n"
						"DROP TABLE public.posts");
	assert_false(op_at(p, 0)->destructive);
}

static void
test_diff_fk_dropped_before_referenced_table(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	users(a, cur);
	posts(a, cur, true);
	posts(a, des, false);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropForeignKey,dropTable");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey\n"
						"DROP TABLE public.users");
	assert_tables_exist(a, cur, p);
}

static void
test_diff_drop_tables_referencing_each_other(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *x = tbl(a, cur, "x");
	vb_table   *y = tbl(a, cur, "y");
	vb_plan    *p;

	col(a, x, "id", "integer", false);
	col(a, x, "y_id", "integer", true);
	col(a, y, "id", "integer", false);
	col(a, y, "x_id", "integer", true);
	fk(a, x, "x_y_id_fkey", "y_id", "y", "id");
	fk(a, y, "y_x_id_fkey", "x_id", "x", "id");
	fk(a, x, "x_self_fkey", "y_id", "x", "id");	/* dies with its table */
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropForeignKey,dropForeignKey,dropTable,dropTable");
	assert_int_equal(sql_index(p, "ALTER TABLE public.x DROP CONSTRAINT x_self_fkey"), -1);
	assert_tables_exist(a, cur, p);
}

/* ---- columns -------------------------------------------------------------------- */

static void
test_diff_add_column(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;
	vb_operation *op;

	col(a, tbl(a, cur, "users"), "id", "integer", false);
	t = tbl(a, des, "users");
	col(a, t, "id", "integer", false);
	col(a, t, "email", "character varying(255)", true);
	col(a, t, "active", "boolean", false)->default_expr = vb_strdup(a, "true");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "addColumn,addColumn");
	op = op_at(p, 0);
	assert_string_equal(op_sql(a, op), "ALTER TABLE public.users ADD COLUMN email character varying(255)");
	assert_string_equal(op->table, "users");
	assert_string_equal(op->object, "email");
	assert_false(op->destructive);
	assert_int_equal(op->hazards, VB_HAZARD_ACCESS_EXCLUSIVE);
	assert_string_equal(op_sql(a, op_at(p, 1)),
						"ALTER TABLE public.users ADD COLUMN active boolean DEFAULT true NOT NULL");
}

static void
test_diff_add_serial_column_rewrites(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;

	col(a, tbl(a, cur, "t"), "a", "text", true);
	t = tbl(a, des, "t");
	col(a, t, "a", "text", true);
	serial_col(a, t, "n", "bigint", NULL);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_sql(a, p), "ALTER TABLE public.t ADD COLUMN n bigserial NOT NULL");
	assert_true(op_at(p, 0)->hazards & VB_HAZARD_TABLE_REWRITE);
}

static void
test_diff_drop_column(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = users(a, cur);
	vb_plan    *p;
	vb_operation *op;

	col(a, t, "age", "integer", true);
	users(a, des);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropColumn");
	op = op_at(p, 0);
	assert_string_equal(op_sql(a, op), "ALTER TABLE public.users DROP COLUMN age");
	assert_true(op->destructive);
	assert_string_equal(op->destructive_reason, "drops column public.users.age and its data");
	assert_true(op->hazards & VB_HAZARD_DELETES_DATA);
	assert_int_equal(vb_plan_destructive_count(p), 1);
}

static void
test_diff_type_change_integer_to_bigint(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = type_change(a, "integer", "bigint");
	vb_operation *op = op_at(p, 0);

	assert_string_equal(plan_kinds(a, p), "alterColumn");
	assert_string_equal(op_sql(a, op), "ALTER TABLE public.t ALTER COLUMN c TYPE bigint USING c::bigint");
	assert_false(op->destructive);
	assert_true(op->hazards & VB_HAZARD_TABLE_REWRITE);
	assert_true(op->hazards & VB_HAZARD_ACCESS_EXCLUSIVE);
}

static void
test_diff_type_changes_safe(void **state)
{
	vb_arena   *a = ARENA(state);
	static const struct
	{
		const char *from;
		const char *to;
		bool		rewrite;
	}			cases[] = {
		{"smallint", "integer", true},
		{"smallint", "bigint", true},
		{"integer", "numeric", true},
		{"integer", "numeric(12,2)", true},
		{"bigint", "numeric(19,0)", true},
		{"real", "double precision", true},
		{"character varying(10)", "character varying(20)", false},
		{"character varying(10)", "character varying", false},
		{"character varying(10)", "text", false},
		{"character(5)", "text", true},
		{"character(5)", "character varying(8)", true},
		{"numeric(5,2)", "numeric(8,2)", false},
		{"numeric(5,2)", "numeric", false},
		{"timestamp(3) without time zone", "timestamp without time zone", false},
		{"timestamp(3) with time zone", "timestamp with time zone", false},
		{"bit varying(4)", "bit varying", false},
		{"integer[]", "bigint[]", true},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		vb_plan    *p = type_change(a, cases[i].from, cases[i].to);
		vb_operation *op = op_at(p, 0);

		if (op->destructive)
			print_error("%s -> %s is destructive\n", cases[i].from, cases[i].to);
		assert_false(op->destructive);
		if (((op->hazards & VB_HAZARD_TABLE_REWRITE) != 0) != cases[i].rewrite)
			print_error("%s -> %s: rewrite hazard %s\n", cases[i].from, cases[i].to,
						cases[i].rewrite ? "missing" : "unexpected");
		assert_int_equal((op->hazards & VB_HAZARD_TABLE_REWRITE) != 0, cases[i].rewrite);
		assert_string_equal(op_sql(a, op),
							vb_printf(a, "ALTER TABLE public.t ALTER COLUMN c TYPE %s USING c::%s",
									  cases[i].to, cases[i].to));
	}
}

static void
test_diff_type_changes_destructive(void **state)
{
	vb_arena   *a = ARENA(state);
	static const char *const cases[][2] = {
		{"bigint", "integer"},
		{"integer", "smallint"},
		{"character varying(20)", "character varying(10)"},
		{"text", "character varying(10)"},
		{"text", "integer"},
		{"integer", "text"},
		{"numeric(8,2)", "numeric(5,2)"},
		{"numeric(5,2)", "numeric(8,3)"},
		{"integer", "numeric(9,0)"},
		{"double precision", "real"},
		{"character(5)", "character varying(3)"},
		{"timestamp without time zone", "timestamp(3) without time zone"},
		{"integer[]", "integer"},
		{"boolean", "integer"},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		vb_plan    *p = type_change(a, cases[i][0], cases[i][1]);
		vb_operation *op = op_at(p, 0);

		if (!op->destructive)
			print_error("%s -> %s is not destructive\n", cases[i][0], cases[i][1]);
		assert_true(op->destructive);
		assert_string_equal(op->destructive_reason,
							vb_printf(a, "changes the type of public.t.c from %s to %s, "
									  "which can fail or lose data", cases[i][0], cases[i][1]));
	}
}

static void
test_diff_type_change_with_default(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	col(a, tbl(a, cur, "t"), "n", "integer", false)->default_expr = vb_strdup(a, "0");
	col(a, tbl(a, des, "t"), "n", "bigint", false)->default_expr = vb_strdup(a, "0");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "alterColumn");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT\n"
						"ALTER TABLE public.t ALTER COLUMN n TYPE bigint USING n::bigint\n"
						"ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 0");
}

static void
test_diff_nullability(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = tbl(a, cur, "t");
	vb_table   *d = tbl(a, des, "t");
	vb_plan    *p;

	col(a, c, "x", "text", true);
	col(a, c, "y", "text", false);
	col(a, d, "x", "text", false);
	col(a, d, "y", "text", true);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "alterColumn,alterColumn");
	assert_string_equal(op_sql(a, op_at(p, 0)), "ALTER TABLE public.t ALTER COLUMN x SET NOT NULL");
	assert_true(op_at(p, 0)->hazards & VB_HAZARD_TABLE_SCAN);
	assert_false(op_at(p, 0)->destructive);
	assert_string_equal(op_sql(a, op_at(p, 1)), "ALTER TABLE public.t ALTER COLUMN y DROP NOT NULL");
	assert_false(op_at(p, 1)->hazards & VB_HAZARD_TABLE_SCAN);
}

static void
test_diff_defaults(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = tbl(a, cur, "t");
	vb_table   *d = tbl(a, des, "t");
	vb_plan    *p;

	col(a, c, "a", "integer", true);
	col(a, c, "b", "integer", true)->default_expr = vb_strdup(a, "1");
	col(a, c, "c", "integer", true)->default_expr = vb_strdup(a, "1");
	col(a, c, "d", "integer", true)->default_expr = vb_strdup(a, "7");
	col(a, d, "a", "integer", true)->default_expr = vb_strdup(a, "5");
	col(a, d, "b", "integer", true);
	col(a, d, "c", "integer", true)->default_expr = vb_strdup(a, "2");
	col(a, d, "d", "integer", true)->default_expr = vb_strdup(a, "7");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.t ALTER COLUMN a SET DEFAULT 5\n"
						"ALTER TABLE public.t ALTER COLUMN b DROP DEFAULT\n"
						"ALTER TABLE public.t ALTER COLUMN c SET DEFAULT 2");
}

static void
test_diff_serial_to_plain(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	serial_col(a, tbl(a, cur, "t"), "id", "integer", "t_id_seq");
	col(a, tbl(a, des, "t"), "id", "integer", false);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "alterColumn");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.t ALTER COLUMN id DROP DEFAULT\n"
						"DROP SEQUENCE public.t_id_seq");
}

static void
test_diff_plain_to_serial(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	col(a, tbl(a, cur, "t"), "id", "integer", false)->default_expr = vb_strdup(a, "0");
	serial_col(a, tbl(a, des, "t"), "id", "integer", NULL);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.t ALTER COLUMN id DROP DEFAULT\n"
						"CREATE SEQUENCE public.t_id_seq AS integer\n"
						"ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id\n"
						"ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass)\n"
						"SELECT pg_catalog.setval('public.t_id_seq', max(id)) FROM public.t HAVING max(id) >= 1");
}

static void
test_diff_serial_widened(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	serial_col(a, tbl(a, cur, "t"), "id", "integer", "t_id_seq");
	serial_col(a, tbl(a, des, "t"), "id", "bigint", NULL);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.t ALTER COLUMN id TYPE bigint USING id::bigint\n"
						"ALTER SEQUENCE public.t_id_seq AS bigint");
	assert_false(op_at(p, 0)->destructive);
}

static void
test_diff_identity_changes(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = tbl(a, cur, "t");
	vb_table   *d = tbl(a, des, "t");
	vb_plan    *p;

	col(a, c, "a", "integer", false);
	col(a, c, "b", "integer", false)->identity = VB_IDENTITY_ALWAYS;
	col(a, c, "c", "integer", false)->identity = VB_IDENTITY_ALWAYS;
	col(a, d, "a", "integer", false)->identity = VB_IDENTITY_ALWAYS;
	col(a, d, "b", "integer", false);
	col(a, d, "c", "integer", false)->identity = VB_IDENTITY_BY_DEFAULT;
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.t ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY\n"
						"SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.t', 'a'), "
						"max(a)) FROM public.t HAVING max(a) >= 1\n"
						"ALTER TABLE public.t ALTER COLUMN b DROP IDENTITY\n"
						"ALTER TABLE public.t ALTER COLUMN c SET GENERATED BY DEFAULT");
}

static void
test_diff_auto_increment_needs_integer(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_column  *c;
	vb_error   *err;

	c = serial_col(a, tbl(a, des, "t"), "id", "text", NULL);
	c->path = "tables[0].columns[0]";
	err = diff_err(a, cur, des, NULL, VB_ERR_INVALID,
				   "tables[0].columns[0]: autoIncrement needs smallint, integer or bigint, not text");
	assert_string_equal(err->path, "tables[0].columns[0]");

	/* on an existing table too */
	cur = sch_new(a);
	des = sch_new(a);
	col(a, tbl(a, cur, "t"), "id", "text", false);
	serial_col(a, tbl(a, des, "t"), "id", "numeric", NULL);
	diff_err(a, cur, des, NULL, VB_ERR_INVALID, "autoIncrement needs smallint, integer or bigint, not numeric");
}

/*
 * Identity options PostgreSQL's sequences refuse are VB001 before planning
 * (init_params: MINVALUE < MAXVALUE, both within the type, START between).
 */
static void
test_diff_identity_options_checked(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des;
	vb_column  *c;
	vb_error   *err;
	vb_seq_options q;

	struct
	{
		const char *type;
		unsigned	given;
		long long	start, increment, min, max;
		const char *path;
		const char *message;
	}			bad[] = {
		{"integer", VB_SEQ_MIN | VB_SEQ_MAX, 0, 0, 10, 5, "c.identity",
		"c.identity: min (10) must be less than max (5)"},
		{"integer", VB_SEQ_START, 0, 0, 0, 0, "c.identity.start",
		"c.identity.start (0) must lie between min (1) and max (2147483647)"},
		{"integer", VB_SEQ_START | VB_SEQ_INCREMENT, 1, -1, 0, 0, "c.identity.start",
		"c.identity.start (1) must lie between min (-2147483648) and max (-1)"},
		{"smallint", VB_SEQ_MAX, 0, 0, 0, 40000, "c.identity.max",
		"c.identity.max (40000) is out of range for smallint"},
		{"integer", VB_SEQ_MIN, 0, 0, -3000000000LL, 0, "c.identity.min",
		"c.identity.min (-3000000000) is out of range for integer"},
		{"bigint", VB_SEQ_MAX | VB_SEQ_INCREMENT, 0, 1, 0, 0, "c.identity",
		"c.identity: min (1) must be less than max (0)"},
		{"text", 0, 0, 0, 0, 0, "c.identity",
		"c.identity: an identity column needs smallint, integer or bigint, not text"},
	};
	size_t		i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		des = sch_new(a);
		c = col(a, tbl(a, des, "t"), "c", bad[i].type, false);
		c->identity = VB_IDENTITY_ALWAYS;
		c->path = "c";
		memset(&q, 0, sizeof(q));
		q.given = bad[i].given;
		q.start = bad[i].start;
		q.increment = bad[i].increment;
		q.min = bad[i].min;
		q.max = bad[i].max;
		c->seq = q;
		err = diff_err(a, cur, des, NULL, VB_ERR_INVALID, bad[i].message);
		assert_string_equal(err->path, bad[i].path);
	}
	/* PostgreSQL's defaults, and options within them, are fine */
	des = sch_new(a);
	c = col(a, tbl(a, des, "t"), "c", "smallint", false);
	c->identity = VB_IDENTITY_BY_DEFAULT;
	c->seq.given = VB_SEQ_INCREMENT | VB_SEQ_MIN;
	c->seq.increment = -1;
	c->seq.min = -32768;
	diff_ok(a, cur, des, NULL);
}

/* Referenced columns of a table of the document must be its columns. */
static void
test_diff_foreign_key_referenced_columns_checked(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *s = doc_ok(a, "{'tables': [{'name': 'p', 'columns': [{'name': 'id', 'type': 'integer'}]}, "
						   "{'name': 'c', 'columns': [{'name': 'p', 'type': 'integer'}, "
						   "{'name': 'q', 'type': 'integer'}], 'foreignKeys': [{'columns': ['p', 'q'], "
						   "'referencedTable': 'p', 'referencedColumns': ['id', 'nope']}]}]}");
	vb_error	err;

	vb_managed_schemas(a, s, NULL, &s->schemas);
	assert_false(vb_check_document(a, s, &err));
	assert_string_equal(err.code, VB_ERR_INVALID);
	assert_string_equal(err.path, "tables[1].foreignKeys[0].referencedColumns[1]");
	assert_string_equal(err.message, "tables[1].foreignKeys[0].referencedColumns[1]: table \"public.p\" "
						"has no column \"nope\"");
}

/* ---- renames -------------------------------------------------------------------- */

static void
test_diff_rename_table_renamed_from(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;

	col(a, tbl(a, cur, "people"), "name", "text", true);
	t = tbl(a, des, "users");
	col(a, t, "name", "text", true);
	t->renamed_from = vb_strdup(a, "people");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "renameTable");
	assert_string_equal(plan_sql(a, p), "ALTER TABLE public.people RENAME TO users");
	assert_false(op_at(p, 0)->destructive);
	assert_int_equal(p->ambiguous.count, 0);
}

static void
test_diff_rename_table_other_schema(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;

	col(a, tbl_in(a, cur, "app", "people"), "name", "text", true);
	vb_list_push(a, &des->schemas, "app");
	t = tbl(a, des, "users");
	col(a, t, "name", "text", true);
	t->renamed_from = vb_strdup(a, "app.people");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "renameTable");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE app.people SET SCHEMA public\n"
						"ALTER TABLE public.people RENAME TO users");
	assert_tables_exist(a, cur, p);
}

static void
test_diff_rename_column_renamed_from(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = users(a, cur);
	vb_plan    *p;

	col(a, t, "username", "character varying(20)", true);
	t = users(a, des);
	col(a, t, "handle", "character varying(40)", false)->renamed_from = vb_strdup(a, "username");
	p = diff_ok(a, cur, des, NULL);
	/* the rename runs first; the changes use the new name */
	assert_string_equal(plan_kinds(a, p), "renameColumn,alterColumn");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.users RENAME COLUMN username TO handle\n"
						"ALTER TABLE public.users ALTER COLUMN handle TYPE character varying(40) "
						"USING handle::character varying(40)\n"
						"ALTER TABLE public.users ALTER COLUMN handle SET NOT NULL");
	assert_string_equal(op_at(p, 0)->object, "handle");
	assert_false(op_at(p, 1)->destructive);
}

static void
test_diff_rename_table_keeps_pkey_name_when_given(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, cur, "people");
	vb_plan    *p;

	col(a, t, "id", "integer", false);
	pk(a, t, "people_pkey", "id");
	t = tbl(a, des, "users");
	t->renamed_from = vb_strdup(a, "people");
	col(a, t, "id", "integer", false);
	pk(a, t, "people_pkey", "id");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "renameTable");
}

static void
test_diff_rename_table_renames_default_names(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, cur, "people");
	vb_plan    *p;

	serial_col(a, t, "id", "integer", "people_id_seq");
	col(a, t, "email", "text", true);
	col(a, t, "name", "text", true);
	pk(a, t, "people_pkey", "id");
	uq(a, t, "people_email_key", "email");
	ix(a, t, "people_name_idx", "name", false);

	t = tbl(a, des, "users");
	t->renamed_from = vb_strdup(a, "people");
	serial_col(a, t, "id", "integer", NULL);
	col(a, t, "email", "text", true);
	col(a, t, "name", "text", true);
	pk(a, t, NULL, "id");
	uq(a, t, NULL, "email");
	ix(a, t, NULL, "name", false);

	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p),
						"renameTable,renameSequence,renameConstraint,renameConstraint,renameIndex");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.people RENAME TO users\n"
						"ALTER SEQUENCE public.people_id_seq RENAME TO users_id_seq\n"
						"ALTER TABLE public.users RENAME CONSTRAINT people_pkey TO users_pkey\n"
						"ALTER TABLE public.users RENAME CONSTRAINT people_email_key TO users_email_key\n"
						"ALTER INDEX public.people_name_idx RENAME TO users_name_idx");
	assert_int_equal(kind_count(p, VB_OP_DROP_PRIMARY_KEY), 0);
	assert_int_equal(kind_count(p, VB_OP_CREATE_INDEX), 0);
	assert_tables_exist(a, cur, p);
}

static void
test_diff_rename_table_with_drops_uses_names_in_force(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, cur, "people");
	vb_plan    *p;

	col(a, t, "id", "integer", false);
	col(a, t, "age", "integer", true);
	col(a, t, "email", "text", true);
	pk(a, t, "people_pkey", "id");
	uq(a, t, "people_email_key", "email");
	ix(a, t, "people_age_idx", "age", false);
	t = tbl(a, des, "users");
	t->renamed_from = vb_strdup(a, "people");
	col(a, t, "id", "integer", false);
	col(a, t, "email", "text", true);
	col(a, t, "nick", "text", true);
	pk(a, t, "people_pkey", "id");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p),
						"dropUnique,dropIndex,dropColumn,renameTable,addColumn");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.people DROP CONSTRAINT people_email_key\n"
						"DROP INDEX public.people_age_idx\n"
						"ALTER TABLE public.people DROP COLUMN age\n"
						"ALTER TABLE public.people RENAME TO users\n"
						"ALTER TABLE public.users ADD COLUMN nick text");
	assert_tables_exist(a, cur, p);
}

static void
test_diff_rename_index_and_constraint_by_definition(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = users(a, cur);
	vb_plan    *p;

	uq(a, t, "u_email_unique", "email");
	ix(a, t, "old_idx", "email", false);
	t = users(a, des);
	uq(a, t, NULL, "email");
	ix(a, t, "new_idx", "email", false);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "renameConstraint,renameIndex");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.users RENAME CONSTRAINT u_email_unique TO users_email_key\n"
						"ALTER INDEX public.old_idx RENAME TO new_idx");
}

static void
test_diff_renamed_from_index_changed_is_recreated(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = users(a, cur);
	vb_plan    *p;

	ix(a, t, "old_idx", "email", false);
	t = users(a, des);
	ix(a, t, "new_idx", "email,id", false)->renamed_from = vb_strdup(a, "old_idx");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropIndex,createIndex");
	assert_string_equal(plan_sql(a, p),
						"DROP INDEX public.old_idx\n"
						"CREATE INDEX new_idx ON public.users USING btree (email, id)");
}

static void
test_diff_renamed_from_unique(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = users(a, cur);
	vb_plan    *p;

	uq(a, t, "k1", "email");
	uq(a, t, "k2", "email");
	t = users(a, des);
	/* two candidates of one definition: renamedFrom picks k2 */
	uq(a, t, "users_email_uq", "email")->renamed_from = vb_strdup(a, "k2");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropUnique,renameConstraint");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.users DROP CONSTRAINT k1\n"
						"ALTER TABLE public.users RENAME CONSTRAINT k2 TO users_email_uq");
}

static void
test_diff_fk_follows_table_and_column_renames(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, cur, "people");
	vb_plan    *p;

	col(a, t, "id", "integer", false);
	pk(a, t, "people_pkey", "id");
	t = posts(a, cur, false);
	fk(a, t, "posts_author_id_fkey", "author_id", "people", "id");

	t = tbl(a, des, "users");
	t->renamed_from = vb_strdup(a, "people");
	col(a, t, "uid", "integer", false)->renamed_from = vb_strdup(a, "id");
	pk(a, t, "people_pkey", "uid");
	t = posts(a, des, false);
	fk(a, t, "posts_author_id_fkey", "author_id", "users", "uid");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "renameTable,renameColumn");
	assert_int_equal(kind_count(p, VB_OP_DROP_FOREIGN_KEY), 0);
	assert_tables_exist(a, cur, p);
}

static void
test_diff_fk_default_name_follows_column_rename(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;

	users(a, cur);
	posts(a, cur, true);
	users(a, des);
	t = tbl(a, des, "posts");
	col(a, t, "id", "integer", false);
	col(a, t, "writer_id", "integer", false)->renamed_from = vb_strdup(a, "author_id");
	pk(a, t, "posts_pkey", "id");
	fk(a, t, NULL, "writer_id", "users", "id");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "renameColumn,renameConstraint");
	assert_string_equal(op_sql(a, op_at(p, 1)),
						"ALTER TABLE public.posts RENAME CONSTRAINT posts_author_id_fkey TO posts_writer_id_fkey");
}

static void
test_diff_index_predicate_follows_column_rename(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = users(a, cur);
	vb_plan    *p;

	col(a, t, "username", "text", true);
	ix(a, t, "users_email_idx", "email", false)->where = vb_strdup(a, "(username IS NOT NULL)");
	t = users(a, des);
	col(a, t, "handle", "text", true)->renamed_from = vb_strdup(a, "username");
	ix(a, t, "users_email_idx", "email", false)->where = vb_strdup(a, "(handle IS NOT NULL)");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "renameColumn");
}

/* ---- rename candidates and resolutions -------------------------------------------- */

/* users(id, username text) -> users(id, handle text): a rename candidate */
static void
column_pair(vb_arena *a, vb_schema **cur, vb_schema **des)
{
	*cur = sch_new(a);
	*des = sch_new(a);
	col(a, users(a, *cur), "username", "text", true);
	col(a, users(a, *des), "handle", "text", true);
}

static void
test_diff_ambiguous_column(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur;
	vb_schema  *des;
	vb_plan    *p;
	vb_ambiguity *amb;

	column_pair(a, &cur, &des);
	p = diff_ok(a, cur, des, NULL);
	assert_int_equal(p->ambiguous.count, 1);
	amb = p->ambiguous.items[0];
	assert_string_equal(amb->kind, "column");
	assert_string_equal(amb->schema, "public");
	assert_string_equal(amb->table, "users");
	assert_string_equal(amb->from, "username");
	assert_string_equal(amb->to, "handle");
	/* the plan shows the add+drop form */
	assert_string_equal(plan_kinds(a, p), "dropColumn,addColumn");
}

static void
test_diff_not_ambiguous_when_types_differ(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	col(a, users(a, cur), "username", "text", true);
	col(a, users(a, des), "handle", "character varying(20)", true);
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': 'rename'}"));
	assert_int_equal(p->ambiguous.count, 0);
	assert_string_equal(plan_kinds(a, p), "dropColumn,addColumn");
}

static void
test_diff_resolution_rename_all(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur;
	vb_schema  *des;
	vb_plan    *p;

	column_pair(a, &cur, &des);
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': 'rename'}"));
	assert_int_equal(p->ambiguous.count, 0);
	assert_string_equal(plan_kinds(a, p), "renameColumn");
	assert_string_equal(plan_sql(a, p), "ALTER TABLE public.users RENAME COLUMN username TO handle");
	assert_int_equal(vb_plan_destructive_count(p), 0);
}

static void
test_diff_resolution_add_and_drop_all(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur;
	vb_schema  *des;
	vb_plan    *p;

	column_pair(a, &cur, &des);
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': 'addAndDrop'}"));
	assert_int_equal(p->ambiguous.count, 0);
	assert_string_equal(plan_kinds(a, p), "dropColumn,addColumn");
	assert_int_equal(vb_plan_destructive_count(p), 1);
}

static void
test_diff_resolution_entries(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur;
	vb_schema  *des;
	vb_plan    *p;

	column_pair(a, &cur, &des);
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': [{'kind': 'column', 'table': 'users', "
									 "'from': 'username', 'to': 'handle', 'resolution': 'rename'}]}"));
	assert_string_equal(plan_kinds(a, p), "renameColumn");

	column_pair(a, &cur, &des);
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': [{'kind': 'column', 'table': 'users', "
									 "'from': 'username', 'to': 'handle', 'resolution': 'addAndDrop'}]}"));
	assert_int_equal(p->ambiguous.count, 0);
	assert_string_equal(plan_kinds(a, p), "dropColumn,addColumn");

	/* an entry for another table settles nothing here */
	column_pair(a, &cur, &des);
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': [{'kind': 'column', 'table': 'people', "
									 "'from': 'username', 'to': 'handle', 'resolution': 'rename'}]}"));
	assert_int_equal(p->ambiguous.count, 1);
}

static void
test_diff_resolution_entry_other_schema(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl_in(a, cur, "app", "users");
	vb_plan    *p;

	col(a, t, "username", "text", true);
	col(a, tbl_in(a, des, "app", "users"), "handle", "text", true);
	/* schema defaults to public: this entry is for another table */
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': [{'kind': 'column', 'table': 'users', "
									 "'from': 'username', 'to': 'handle', 'resolution': 'rename'}]}"));
	assert_int_equal(p->ambiguous.count, 1);
	assert_string_equal(((vb_ambiguity *) p->ambiguous.items[0])->schema, "app");
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': [{'kind': 'column', 'schema': 'app', "
									 "'table': 'users', 'from': 'username', 'to': 'handle', "
									 "'resolution': 'rename'}]}"));
	assert_int_equal(p->ambiguous.count, 0);
	assert_string_equal(plan_sql(a, p), "ALTER TABLE app.users RENAME COLUMN username TO handle");
}

static void
test_diff_unique_default_name_follows_column_rename(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = users(a, cur);
	vb_plan    *p;

	col(a, t, "username", "text", true);
	uq(a, t, "users_username_key", "username");
	t = users(a, des);
	col(a, t, "handle", "text", true)->renamed_from = vb_strdup(a, "username");
	uq(a, t, NULL, "handle");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "renameColumn,renameConstraint");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.users RENAME COLUMN username TO handle\n"
						"ALTER TABLE public.users RENAME CONSTRAINT users_username_key TO users_handle_key");
}

static void
test_diff_resolution_entry_leaves_other_pairs(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = users(a, cur);
	vb_plan    *p;
	vb_ambiguity *amb;

	col(a, t, "x", "text", true);
	col(a, t, "y", "text", true);
	col(a, users(a, des), "z", "text", true);
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': [{'kind': 'column', 'table': 'users', "
									 "'from': 'x', 'to': 'z', 'resolution': 'addAndDrop'}]}"));
	assert_int_equal(p->ambiguous.count, 1);
	amb = p->ambiguous.items[0];
	assert_string_equal(amb->from, "y");
	assert_string_equal(amb->to, "z");
}

static void
test_diff_rename_all_with_several_candidates_stays_ambiguous(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_options *o = opts_ok(a, "{'resolutions': 'rename'}");
	vb_plan    *p;
	vb_error	err;

	/* one dropped column, two added candidates */
	col(a, users(a, cur), "a", "text", true);
	t = users(a, des);
	col(a, t, "b", "text", true);
	col(a, t, "c", "text", true);
	p = diff_ok(a, cur, des, o);
	assert_int_equal(p->ambiguous.count, 2);
	assert_int_equal(kind_count(p, VB_OP_RENAME_COLUMN), 0);
	assert_false(vb_plan_check(a, p, o, &err));
	assert_string_equal(err.code, VB_ERR_AMBIGUOUS);
	assert_string_equal(err.detail, "Rename candidates: column public.users.a -> b; "
						"column public.users.a -> c.");

	/* two dropped columns, one added candidate */
	cur = sch_new(a);
	des = sch_new(a);
	t = users(a, cur);
	col(a, t, "a", "text", true);
	col(a, t, "b", "text", true);
	col(a, users(a, des), "c", "text", true);
	p = diff_ok(a, cur, des, o);
	assert_int_equal(p->ambiguous.count, 2);
	assert_false(vb_plan_check(a, p, o, &err));
	assert_string_equal(err.code, VB_ERR_AMBIGUOUS);
	assert_string_equal(err.detail, "Rename candidates: column public.users.a -> c; "
						"column public.users.b -> c.");
}

static void
test_diff_rename_all_renames_only_unique_pairs(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = users(a, cur);
	vb_plan    *p;

	/* text a -> text b is a lone pair; integers x, y -> z are not */
	col(a, t, "a", "text", true);
	col(a, t, "x", "integer", true);
	col(a, t, "y", "integer", true);
	t = users(a, des);
	col(a, t, "b", "text", true);
	col(a, t, "z", "integer", true);
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': 'rename'}"));
	assert_int_equal(kind_count(p, VB_OP_RENAME_COLUMN), 1);
	assert_string_equal(op_sql(a, op_find(p, VB_OP_RENAME_COLUMN, "b")),
						"ALTER TABLE public.users RENAME COLUMN a TO b");
	assert_int_equal(p->ambiguous.count, 2);
}

/* Two tables with `common` of `total` column names in common. */
static vb_plan *
table_overlap(vb_arena *a, int common, int total, const vb_options *opts)
{
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *c = tbl(a, cur, "people");
	vb_table   *d = tbl(a, des, "users");
	int			i;

	for (i = 0; i < total; i++)
	{
		col(a, c, vb_printf(a, "c%d", i), "text", true);
		col(a, d, vb_printf(a, i < common ? "c%d" : "x%d", i), "text", true);
	}
	return diff_ok(a, cur, des, opts);
}

static void
test_diff_ambiguous_table_full_overlap(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = table_overlap(a, 3, 3, NULL);
	vb_ambiguity *amb;

	assert_int_equal(p->ambiguous.count, 1);
	amb = p->ambiguous.items[0];
	assert_string_equal(amb->kind, "table");
	assert_string_equal(amb->schema, "public");
	assert_string_equal(amb->from, "people");
	assert_string_equal(amb->to, "users");
	assert_string_equal(plan_kinds(a, p), "dropTable,createTable");
}

static void
test_diff_ambiguous_table_threshold(void **state)
{
	vb_arena   *a = ARENA(state);

	/* 7 of 10 names in common: 70 %, a candidate */
	assert_int_equal(table_overlap(a, 7, 10, NULL)->ambiguous.count, 1);
	/* 6 of 10: not one */
	assert_int_equal(table_overlap(a, 6, 10, NULL)->ambiguous.count, 0);
	assert_int_equal(table_overlap(a, 1, 4, NULL)->ambiguous.count, 0);
}

static void
test_diff_table_resolution_rename(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p;

	p = table_overlap(a, 3, 3, opts_ok(a, "{'resolutions': [{'kind': 'table', 'from': 'people', "
									   "'to': 'users', 'resolution': 'rename'}]}"));
	assert_int_equal(p->ambiguous.count, 0);
	assert_string_equal(plan_sql(a, p), "ALTER TABLE public.people RENAME TO users");
	p = table_overlap(a, 3, 4, opts_ok(a, "{'resolutions': 'rename'}"));
	assert_string_equal(plan_kinds(a, p), "renameTable,renameColumn");
	assert_string_equal(op_sql(a, op_at(p, 1)), "ALTER TABLE public.users RENAME COLUMN c3 TO x3");
}

/*
 * Regression: table rename candidates are looked for once per schema of the
 * desired tables, but the candidate test ignores which schema is being
 * scanned: a pair in schema app is reported twice, once under schema
 * "public" (wrong) and once under "app". Excluded from the run.
 */
static void
test_diff_ambiguous_table_in_other_schema_once(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;
	vb_ambiguity *amb;

	col(a, tbl(a, cur, "kept"), "id", "integer", true);
	col(a, tbl_in(a, cur, "app", "people"), "name", "text", true);
	col(a, tbl(a, des, "kept"), "id", "integer", true);
	col(a, tbl_in(a, des, "app", "users"), "name", "text", true);
	p = diff_ok(a, cur, des, NULL);
	assert_int_equal(p->ambiguous.count, 1);
	amb = p->ambiguous.items[0];
	assert_string_equal(amb->schema, "app");
	assert_string_equal(amb->from, "people");
}

/* ---- keys, indexes, foreign keys ------------------------------------------------------ */

static void
test_diff_primary_key_add_and_drop(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	col(a, tbl(a, cur, "t"), "id", "integer", false);
	pk(a, tbl(a, des, "t"), NULL, "id");
	col(a, des->tables.items[0], "id", "integer", false);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "addPrimaryKey");
	assert_string_equal(plan_sql(a, p), "ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id)");
	assert_true(op_at(p, 0)->hazards & VB_HAZARD_INDEX_BUILD);

	p = diff_ok(a, des, cur, NULL);
	assert_string_equal(plan_kinds(a, p), "dropPrimaryKey");
	assert_string_equal(plan_sql(a, p), "ALTER TABLE public.t DROP CONSTRAINT t_pkey");
	assert_false(op_at(p, 0)->destructive);
}

static void
test_diff_unique_add_and_drop(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	users(a, cur);
	uq(a, cur->tables.items[0], "users_email_key", "email");
	uq(a, users(a, des), NULL, "email,id");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropUnique,addUnique");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.users DROP CONSTRAINT users_email_key\n"
						"ALTER TABLE public.users ADD CONSTRAINT users_email_id_key UNIQUE (email, id)");
	assert_int_equal(vb_plan_destructive_count(p), 0);
}

static void
test_diff_index_create_and_drop(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_index   *x;
	vb_plan    *p;

	ix(a, users(a, cur), "users_old_idx", "email", false);
	x = ix(a, users(a, des), NULL, "email", true);
	x->method = vb_strdup(a, "hash");
	x->where = vb_strdup(a, "(id > 0)");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropIndex,createIndex");
	assert_string_equal(plan_sql(a, p),
						"DROP INDEX public.users_old_idx\n"
						"CREATE UNIQUE INDEX users_email_idx ON public.users USING hash (email) WHERE (id > 0)");
	assert_int_equal(op_at(p, 1)->hazards,
					 VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD);
}

static void
test_diff_index_same_name_new_definition(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	ix(a, users(a, cur), "users_email_idx", "email", false);
	ix(a, users(a, des), "users_email_idx", "email", false)->where = vb_strdup(a, "(id > 10)");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_sql(a, p),
						"DROP INDEX public.users_email_idx\n"
						"CREATE INDEX users_email_idx ON public.users USING btree (email) WHERE (id > 10)");
}

static void
test_diff_default_names_take_numbered_suffix(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl(a, des, "t");
	vb_plan    *p;

	col(a, t, "a", "integer", true);
	ix(a, t, NULL, "a", false);
	ix(a, t, NULL, "a", false)->method = vb_strdup(a, "hash");
	col(a, tbl(a, des, "t_a_key"), "x", "integer", true);
	uq(a, t, NULL, "a");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(op_sql(a, op_find(p, VB_OP_CREATE_INDEX, "t_a_idx")),
						"CREATE INDEX t_a_idx ON public.t USING btree (a)");
	assert_string_equal(op_sql(a, op_find(p, VB_OP_CREATE_INDEX, "t_a_idx1")),
						"CREATE INDEX t_a_idx1 ON public.t USING hash (a)");
	/* a table already holds the name t_a_key */
	assert_string_equal(op_sql(a, op_find(p, VB_OP_ADD_UNIQUE, NULL)),
						"ALTER TABLE public.t ADD CONSTRAINT t_a_key1 UNIQUE (a)");
}

static void
test_diff_fk_change_is_drop_and_add(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_foreign_key *f;
	vb_plan    *p;

	users(a, cur);
	posts(a, cur, true);
	users(a, des);
	f = ((vb_table *) posts(a, des, true))->foreign_keys.items[0];
	f->on_delete = VB_FK_SET_NULL;
	f->on_update = VB_FK_CASCADE;
	f->deferrable = true;
	f->initially_deferred = true;
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropForeignKey,addForeignKey");
	assert_string_equal(plan_sql(a, p),
						"ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey\n"
						"ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) "
						"REFERENCES public.users (id) ON UPDATE CASCADE ON DELETE SET NULL "
						"DEFERRABLE INITIALLY DEFERRED");
}

static void
test_diff_fk_readded_when_referenced_type_changes(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *u;
	vb_table   *t;
	vb_plan    *p;

	users(a, cur);
	posts(a, cur, true);
	u = tbl(a, des, "users");
	col(a, u, "id", "bigint", false);
	col(a, u, "email", "text", true);
	pk(a, u, "users_pkey", "id");
	t = tbl(a, des, "posts");
	col(a, t, "id", "integer", false);
	col(a, t, "author_id", "bigint", false);
	pk(a, t, "posts_pkey", "id");
	fk(a, t, "posts_author_id_fkey", "author_id", "users", "id");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropForeignKey,alterColumn,alterColumn,addForeignKey");
	assert_string_equal(op_sql(a, op_at(p, 0)),
						"ALTER TABLE public.posts DROP CONSTRAINT posts_author_id_fkey");
	assert_int_equal(vb_plan_destructive_count(p), 0);
}

static void
test_diff_fk_readded_when_referenced_key_rebuilt(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;

	uq(a, users(a, cur), "users_email_key", "email");
	t = posts(a, cur, false);
	col(a, t, "email", "text", true);
	fk(a, t, "posts_email_fkey", "email", "users", "email");
	ix(a, users(a, des), "users_email_uidx", "email", true);
	t = posts(a, des, false);
	col(a, t, "email", "text", true);
	fk(a, t, "posts_email_fkey", "email", "users", "email");
	p = diff_ok(a, cur, des, NULL);
	/* the FK depends on the unique index: dropped first, added last */
	assert_string_equal(plan_kinds(a, p), "dropForeignKey,dropUnique,createIndex,addForeignKey");
}

static void
test_diff_fk_to_new_table_from_existing(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	posts(a, cur, false);
	posts(a, des, true);
	users(a, des);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "createTable,addForeignKey");
	assert_tables_exist(a, cur, p);
}

static void
test_diff_fk_cycle_between_new_tables(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *x = tbl(a, des, "x");
	vb_table   *y = tbl(a, des, "y");
	vb_plan    *p;

	col(a, x, "id", "integer", false);
	col(a, x, "y_id", "integer", true);
	pk(a, x, NULL, "id");
	fk(a, x, NULL, "y_id", "y", "id");
	col(a, y, "id", "integer", false);
	col(a, y, "x_id", "integer", true);
	pk(a, y, NULL, "id");
	fk(a, y, NULL, "x_id", "x", "id");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "createTable,createTable,addForeignKey,addForeignKey");
	assert_string_equal(op_sql(a, op_at(p, 2)),
						"ALTER TABLE public.x ADD CONSTRAINT x_y_id_fkey FOREIGN KEY (y_id) REFERENCES public.y (id)");
	assert_string_equal(op_sql(a, op_at(p, 3)),
						"ALTER TABLE public.y ADD CONSTRAINT y_x_id_fkey FOREIGN KEY (x_id) REFERENCES public.x (id)");
	assert_tables_exist(a, cur, p);
}

/* ---- enums ------------------------------------------------------------------------------- */

static void
test_diff_create_enum_before_table(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	col(a, tbl(a, des, "t"), "m", "public.mood", true);
	enm(a, des, "mood", "happy,it's");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "createEnum,createTable");
	assert_string_equal(op_sql(a, op_at(p, 0)),
						"CREATE TYPE public.mood AS ENUM ('happy', 'it''s')");
	assert_null(op_at(p, 0)->table);
	assert_string_equal(op_at(p, 0)->object, "mood");
}

static void
test_diff_drop_enum_last(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;
	vb_operation *op;

	enm(a, cur, "mood", "happy,sad");
	col(a, tbl(a, cur, "t"), "m", "public.mood", true);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "dropTable,dropEnum");
	op = op_at(p, 1);
	assert_string_equal(op_sql(a, op), "DROP TYPE public.mood");
	assert_true(op->destructive);
	assert_string_equal(op->destructive_reason, "drops enum type public.mood");
}

static void
test_diff_rename_enum(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	enm(a, cur, "feeling", "happy,sad");
	col(a, tbl(a, cur, "t"), "m", "public.feeling", true)->default_expr =
		vb_strdup(a, "'happy'::public.feeling");
	enm(a, des, "mood", "happy,sad")->renamed_from = vb_strdup(a, "feeling");
	col(a, tbl(a, des, "t"), "m", "public.mood", true)->default_expr =
		vb_strdup(a, "'happy'::public.mood");
	p = diff_ok(a, cur, des, NULL);
	/* the column follows the type: no alterColumn */
	assert_string_equal(plan_kinds(a, p), "renameEnum");
	assert_string_equal(plan_sql(a, p), "ALTER TYPE public.feeling RENAME TO mood");
}

static void
test_diff_rename_enum_value(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_enum    *e;
	vb_plan    *p;

	enm(a, cur, "mood", "happy,sad");
	e = enm(a, des, "mood", "happy,blue");
	((vb_enum_value *) e->values.items[1])->renamed_from = vb_strdup(a, "sad");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "renameEnumValue");
	assert_string_equal(plan_sql(a, p), "ALTER TYPE public.mood RENAME VALUE 'sad' TO 'blue'");
	assert_int_equal(p->ambiguous.count, 0);
}

static void
test_diff_enum_value_ambiguous(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;
	vb_ambiguity *amb;

	enm(a, cur, "mood", "happy,sad");
	enm(a, des, "mood", "happy,blue");
	p = diff_ok(a, cur, des, NULL);
	assert_int_equal(p->ambiguous.count, 1);
	amb = p->ambiguous.items[0];
	assert_string_equal(amb->kind, "enumValue");
	assert_string_equal(amb->table, "mood");
	assert_string_equal(amb->from, "sad");
	assert_string_equal(amb->to, "blue");

	cur = sch_new(a);
	des = sch_new(a);
	enm(a, cur, "mood", "happy,sad");
	enm(a, des, "mood", "happy,blue");
	p = diff_ok(a, cur, des, opts_ok(a, "{'resolutions': [{'kind': 'enumValue', 'enum': 'mood', "
									 "'from': 'sad', 'to': 'blue', 'resolution': 'rename'}]}"));
	assert_string_equal(plan_sql(a, p), "ALTER TYPE public.mood RENAME VALUE 'sad' TO 'blue'");
}

static void
test_diff_rename_enum_and_add_value(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_enum    *e;
	vb_plan    *p;

	enm(a, cur, "feeling", "happy,sad");
	e = enm(a, des, "mood", "happy,blue,ok");
	e->renamed_from = vb_strdup(a, "feeling");
	((vb_enum_value *) e->values.items[1])->renamed_from = vb_strdup(a, "sad");
	p = diff_ok(a, cur, des, NULL);
	/* the type is renamed first; its values are changed under the new name */
	assert_string_equal(plan_kinds(a, p), "renameEnum,renameEnumValue,addEnumValue");
	assert_string_equal(plan_sql(a, p),
						"ALTER TYPE public.feeling RENAME TO mood\n"
						"ALTER TYPE public.mood RENAME VALUE 'sad' TO 'blue'\n"
						"ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'blue'");
}

static vb_plan *
enum_values_change(vb_arena *a, const char *from, const char *to)
{
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);

	enm(a, cur, "mood", from);
	enm(a, des, "mood", to);
	return diff_ok(a, cur, des, NULL);
}

static void
test_diff_enum_add_value_after(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = enum_values_change(a, "happy,sad", "happy,ok,sad");

	assert_string_equal(plan_kinds(a, p), "addEnumValue");
	assert_string_equal(plan_sql(a, p), "ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'happy'");
}

static void
test_diff_enum_add_value_before_first(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = enum_values_change(a, "happy,sad", "meh,happy,sad");

	assert_string_equal(plan_sql(a, p), "ALTER TYPE public.mood ADD VALUE 'meh' BEFORE 'happy'");
}

static void
test_diff_enum_add_values_in_order(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_plan    *p = enum_values_change(a, "happy,sad", "happy,sad,ok,great");

	assert_string_equal(plan_kinds(a, p), "addEnumValue,addEnumValue");
	assert_string_equal(plan_sql(a, p),
						"ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'sad'\n"
						"ALTER TYPE public.mood ADD VALUE 'great' AFTER 'ok'");
}

static void
test_diff_enum_remove_value_recreates(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;
	vb_operation *op;

	enm(a, cur, "mood", "happy,sad,ok");
	col(a, tbl(a, cur, "t"), "m", "public.mood", true);
	enm(a, des, "mood", "happy,sad");
	col(a, tbl(a, des, "t"), "m", "public.mood", true);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "recreateEnum");
	op = op_at(p, 0);
	assert_string_equal(op_sql(a, op),
						"ALTER TYPE public.mood RENAME TO mood_viborm_old\n"
						"CREATE TYPE public.mood AS ENUM ('happy', 'sad')\n"
						"ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood\n"
						"DROP TYPE public.mood_viborm_old");
	/* not destructive: a data guard counts the rows that hold the value */
	assert_false(op->destructive);
	assert_int_equal(vb_plan_destructive_count(p), 0);
	assert_int_equal(op->guards.count, 1);
	assert_string_equal(guard_at(op, 0)->sql, "SELECT count(*) FROM public.t WHERE m::text = 'ok'");
	assert_string_equal(guard_at(op, 0)->object, "public.t");
	assert_contains(guard_at(op, 0)->problem, "\"ok\"");
	assert_contains(guard_at(op, 0)->problem, "column \"m\"");
	assert_non_null(guard_at(op, 0)->hint);
}

static void
test_diff_enum_reorder_recreates_safely(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	enm(a, cur, "mood", "happy,sad");
	col(a, tbl(a, cur, "t"), "m", "public.mood[]", true);
	enm(a, des, "mood", "sad,happy");
	col(a, tbl(a, des, "t"), "m", "public.mood[]", true);
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p), "recreateEnum");
	assert_false(op_at(p, 0)->destructive);
	assert_int_equal(sql_index(p, "ALTER TABLE public.t ALTER COLUMN m TYPE public.mood[] "
							   "USING m::text[]::public.mood[]"), 2);
}

static void
test_diff_enum_added_value_used_in_default_recreates(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	enm(a, cur, "mood", "happy,sad");
	col(a, tbl(a, cur, "t"), "m", "public.mood", false)->default_expr =
		vb_strdup(a, "'happy'::public.mood");
	enm(a, des, "mood", "happy,sad,ok");
	col(a, tbl(a, des, "t"), "m", "public.mood", false)->default_expr =
		vb_strdup(a, "'ok'::public.mood");
	p = diff_ok(a, cur, des, NULL);
	/* ADD VALUE could not be used before commit: the type is re-created */
	assert_int_equal(kind_count(p, VB_OP_ADD_ENUM_VALUE), 0);
	assert_string_equal(plan_kinds(a, p), "recreateEnum,alterColumn");
	assert_string_equal(plan_sql(a, p),
						"ALTER TYPE public.mood RENAME TO mood_viborm_old\n"
						"CREATE TYPE public.mood AS ENUM ('happy', 'sad', 'ok')\n"
						"ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT\n"
						"ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood\n"
						"DROP TYPE public.mood_viborm_old\n"
						"ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'ok'::public.mood");
	assert_false(op_at(p, 0)->destructive);
}

/* Re-creating a type drops the defaults of its columns: an unchanged
 * default is set again afterwards. */
static void
test_diff_enum_recreate_restores_unchanged_default(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;
	int			dropped;
	int			restored;

	enm(a, cur, "mood", "happy,sad,ok");
	col(a, tbl(a, cur, "t"), "m", "public.mood", false)->default_expr =
		vb_strdup(a, "'happy'::public.mood");
	enm(a, des, "mood", "happy,sad");
	col(a, tbl(a, des, "t"), "m", "public.mood", false)->default_expr =
		vb_strdup(a, "'happy'::public.mood");
	p = diff_ok(a, cur, des, NULL);
	dropped = sql_index(p, "ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT");
	restored = sql_index(p, "ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'happy'::public.mood");
	assert_true(dropped >= 0);
	assert_true(restored > dropped);
	assert_string_equal(plan_kinds(a, p), "recreateEnum,alterColumn");
	assert_string_equal(plan_sql(a, p),
						"ALTER TYPE public.mood RENAME TO mood_viborm_old\n"
						"CREATE TYPE public.mood AS ENUM ('happy', 'sad')\n"
						"ALTER TABLE public.t ALTER COLUMN m DROP DEFAULT\n"
						"ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood\n"
						"DROP TYPE public.mood_viborm_old\n"
						"ALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'happy'::public.mood");
}

static void
test_diff_enum_recreate_rebuilds_index_using_type(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;

	enm(a, cur, "mood", "happy,sad,ok");
	t = tbl(a, cur, "t");
	col(a, t, "m", "public.mood", true);
	ix(a, t, "t_m_idx", "m", false)->where = vb_strdup(a, "(m = 'happy'::public.mood)");
	enm(a, des, "mood", "happy,sad");
	t = tbl(a, des, "t");
	col(a, t, "m", "public.mood", true);
	ix(a, t, "t_m_idx", "m", false)->where = vb_strdup(a, "(m = 'happy'::public.mood)");
	p = diff_ok(a, cur, des, NULL);
	/* the predicate would hold the old type during the swap */
	assert_string_equal(plan_kinds(a, p), "dropIndex,recreateEnum,createIndex");
	assert_string_equal(op_sql(a, op_at(p, 2)),
						"CREATE INDEX t_m_idx ON public.t USING btree (m) WHERE (m = 'happy'::public.mood)");
}

static void
test_diff_enum_recreate_with_column_leaving_type(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_plan    *p;

	enm(a, cur, "mood", "happy,sad,ok");
	col(a, tbl(a, cur, "t"), "m", "public.mood", true);
	enm(a, des, "mood", "happy,sad");
	col(a, tbl(a, des, "t"), "m", "text", true);
	p = diff_ok(a, cur, des, NULL);
	/* the column converts itself; the old type goes once it is unused */
	assert_string_equal(plan_kinds(a, p), "recreateEnum,alterColumn,recreateEnum");
	assert_string_equal(op_sql(a, op_at(p, 0)),
						"ALTER TYPE public.mood RENAME TO mood_viborm_old\n"
						"CREATE TYPE public.mood AS ENUM ('happy', 'sad')");
	assert_string_equal(op_sql(a, op_at(p, 1)),
						"ALTER TABLE public.t ALTER COLUMN m TYPE text USING m::text::text");
	assert_string_equal(op_sql(a, op_at(p, 2)), "DROP TYPE public.mood_viborm_old");
}

/* ---- validation of the desired side ---------------------------------------------------------- */

static void
test_diff_table_in_unmanaged_schema(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = tbl_in(a, des, "app", "t");

	col(a, t, "id", "integer", true);
	t->path = "tables[0]";
	des->schemas.count = 1;		/* manages public only */
	diff_err(a, cur, des, NULL, VB_ERR_INVALID,
			 "tables[0]: table \"app.t\" is in schema \"app\", which this push does not manage");
}

static void
test_diff_enum_in_unmanaged_schema(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);

	enm_in(a, des, "app", "mood", "a");
	des->schemas.count = 1;
	diff_err(a, cur, des, NULL, VB_ERR_INVALID,
			 "enum \"app.mood\" is in schema \"app\", which this push does not manage");
}

static void
test_diff_fk_to_missing_table(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t = posts(a, des, true);
	vb_schema  *ok;

	((vb_foreign_key *) t->foreign_keys.items[0])->path = "tables[0].foreignKeys[0]";
	diff_err(a, cur, des, NULL, VB_ERR_INVALID,
			 "tables[0].foreignKeys[0]: the foreign key references table "
			 "\"public.users\", which is not in the document");

	/* a table of a schema the document does not manage may be referenced */
	ok = sch_new(a);
	t = posts(a, ok, false);
	fk(a, t, NULL, "author_id", "users", "id")->ref_schema = "auth";
	assert_string_equal(plan_kinds(a, diff_ok(a, cur, ok, NULL)), "createTable,addForeignKey");
}

static void
test_diff_unmanaged_objects_listed(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_unmanaged u = {.kind = "view", .object = "public.v"};
	vb_plan    *p;

	vb_list_push(a, &cur->unmanaged, &u);
	col(a, tbl(a, des, "t"), "id", "integer", true);
	p = diff_ok(a, cur, des, NULL);
	/* listed, never dropped */
	assert_string_equal(plan_kinds(a, p), "createTable");
	assert_int_equal(p->unmanaged.count, 1);
	assert_string_equal(((vb_unmanaged *) p->unmanaged.items[0])->object, "public.v");
}

static void
test_check_document(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_error	err;
	vb_schema  *s = doc_ok(a, "{'schemas': ['public'], 'tables': [{'name': 't', 'columns': "
						   "[{'name': 'u', 'type': 'integer'}], 'foreignKeys': [{'columns': ['u'], "
						   "'referencedTable': 'nope', 'referencedColumns': ['id']}]}]}");

	assert_false(vb_check_document(a, s, &err));
	assert_string_equal(err.code, VB_ERR_INVALID);
	assert_string_equal(err.path, "tables[0].foreignKeys[0]");
	assert_string_equal(err.message, "tables[0].foreignKeys[0]: the foreign key references table "
						"\"public.nope\", which is not in the document");

	s = doc_ok(a, "{'schemas': ['public'], 'tables': [{'name': 't', 'schema': 'app', 'columns': []}]}");
	assert_false(vb_check_document(a, s, &err));
	assert_string_equal(err.path, "tables[0]");
	assert_string_equal(err.message, "tables[0]: table \"app.t\" is in schema \"app\", "
						"which this push does not manage");

	s = doc_ok(a, "{'schemas': ['app'], 'tables': [], 'enums': [{'name': 'e', 'values': []}]}");
	assert_false(vb_check_document(a, s, &err));
	assert_string_equal(err.path, "enums[0]");

	s = doc_ok(a, "{'schemas': ['public', 'viborm'], 'tables': []}");
	assert_false(vb_check_document(a, s, &err));
	assert_string_equal(err.path, "schemas[1]");
	assert_string_equal(err.message, "schemas[1]: schema \"viborm\" belongs to the extension "
						"and cannot be managed");

	/* system schemas: pg_* and information_schema, named where they come from */
	s = doc_ok(a, "{'schemas': ['information_schema'], 'tables': []}");
	assert_false(vb_check_document(a, s, &err));
	assert_string_equal(err.code, VB_ERR_INVALID);
	assert_string_equal(err.message, "schemas[0]: schema \"information_schema\" is a system "
						"schema and cannot be managed");
	s = doc_ok(a, "{'tables': [{'name': 'a', 'columns': []}, {'name': 'x', 'schema': 'pg_evil', "
			   "'columns': []}]}");
	vb_managed_schemas(a, s, NULL, &s->schemas);
	assert_false(vb_check_document(a, s, &err));
	assert_string_equal(err.path, "tables[1].schema");
	s = doc_ok(a, "{'tables': [], 'enums': [{'name': 'e', 'schema': 'pg_temp', 'values': []}]}");
	vb_managed_schemas(a, s, NULL, &s->schemas);
	assert_false(vb_check_document(a, s, &err));
	assert_string_equal(err.path, "enums[0].schema");
	s = doc_ok(a, "{'schemas': ['PG_catalog', 'pg', 'information_schema2'], 'tables': []}");
	assert_true(vb_check_document(a, s, &err));
	assert_null(vb_reserved_schema("public"));
	assert_string_equal(vb_reserved_schema("pg_toast"), "is a system schema");
	opts_err(a, "{'schemas': ['app', 'pg_catalog']}", "options.schemas[1]",
			 "schema \"pg_catalog\" is a system schema and cannot be managed");

	/* an FK into a schema the document does not manage is not checked */
	s = doc_ok(a, "{'schemas': ['public'], 'tables': [{'name': 't', 'columns': "
			   "[{'name': 'u', 'type': 'integer'}], 'foreignKeys': [{'columns': ['u'], "
			   "'referencedSchema': 'auth', 'referencedTable': 'users', 'referencedColumns': ['id']}]}]}");
	assert_true(vb_check_document(a, s, &err));
}

static void
test_diff_new_table_objects_have_no_hazards(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;

	users(a, cur);
	posts(a, cur, false);
	users(a, des);
	ix(a, posts(a, des, true), NULL, "author_id", false);
	t = tbl(a, des, "tags");
	col(a, t, "post_id", "integer", false);
	ix(a, t, NULL, "post_id", false);
	fk(a, t, NULL, "post_id", "posts", "id");
	uq(a, t, NULL, "post_id");
	p = diff_ok(a, cur, des, NULL);
	assert_string_equal(plan_kinds(a, p),
						"createTable,addUnique,createIndex,createIndex,addForeignKey,addForeignKey");
	assert_int_equal(op_find(p, VB_OP_ADD_UNIQUE, "tags_post_id_key")->hazards, 0);
	/* on the new table: no lock, no scan */
	assert_int_equal(op_at(p, 0)->hazards, 0);
	assert_int_equal(op_find(p, VB_OP_CREATE_INDEX, "tags_post_id_idx")->hazards, 0);
	assert_int_equal(op_find(p, VB_OP_ADD_FOREIGN_KEY, "tags_post_id_fkey")->hazards, 0);
	/* on the existing table: a share lock and a scan */
	assert_int_equal(op_find(p, VB_OP_CREATE_INDEX, "posts_author_id_idx")->hazards,
					 VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD);
	assert_int_equal(op_find(p, VB_OP_ADD_FOREIGN_KEY, "posts_author_id_fkey")->hazards,
					 VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_SCAN);
}

/* ---- the order of a plan with everything in it ---------------------------------------------- */

static void
test_diff_phases_ordered(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *cur = sch_new(a);
	vb_schema  *des = sch_new(a);
	vb_table   *t;
	vb_plan    *p;
	int			i;

	enm(a, cur, "old_kind", "a");
	enm(a, cur, "mood", "happy");
	t = tbl(a, cur, "people");
	col(a, t, "id", "integer", false);
	col(a, t, "nick", "text", true);
	col(a, t, "age", "integer", true);
	pk(a, t, "people_pkey", "id");
	ix(a, t, "people_age_idx", "age", false);
	posts(a, cur, false);
	fk(a, cur->tables.items[1], "posts_author_id_fkey", "author_id", "people", "id");
	col(a, tbl(a, cur, "gone"), "x", "integer", true);

	enm(a, des, "mood", "happy,sad");
	enm(a, des, "fresh", "x");
	t = tbl(a, des, "users");
	t->renamed_from = vb_strdup(a, "people");
	col(a, t, "id", "bigint", false);
	col(a, t, "handle", "text", true)->renamed_from = vb_strdup(a, "nick");
	col(a, t, "f", "public.fresh", true);
	pk(a, t, NULL, "id");
	t = tbl(a, des, "posts");
	col(a, t, "id", "integer", false);
	col(a, t, "author_id", "bigint", false);
	pk(a, t, "posts_pkey", "id");
	fk(a, t, NULL, "author_id", "users", "id");
	ix(a, t, NULL, "author_id", false);
	col(a, tbl(a, des, "tags"), "id", "integer", true);

	p = diff_ok(a, cur, des, opts_ok(a, "{'force': true}"));
	for (i = 1; i < p->operations.count; i++)
		assert_true(op_at(p, i - 1)->phase <= op_at(p, i)->phase);
	assert_string_equal(plan_kinds(a, p),
						"createEnum,addEnumValue,dropForeignKey,dropIndex,dropTable,dropColumn,"
						"renameTable,renameColumn,renameConstraint,createTable,addColumn,"
						"alterColumn,alterColumn,createIndex,addForeignKey,dropEnum");
	assert_tables_exist(a, cur, p);
	assert_string_equal(op_sql(a, op_at(p, 14)),
						"ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey "
						"FOREIGN KEY (author_id) REFERENCES public.users (id)");
}

int
run_diff_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_diff_identical_is_empty),
		UNIT_TEST(test_diff_create_table),
		UNIT_TEST(test_diff_create_table_with_objects),
		UNIT_TEST(test_diff_expression_ending_in_comment),
		UNIT_TEST(test_diff_create_table_serial_and_identity),
		UNIT_TEST(test_diff_create_table_quotes_names),
		UNIT_TEST(test_diff_create_schema),
		UNIT_TEST(test_diff_drop_table),
		UNIT_TEST(test_diff_drop_table_drops_its_foreign_keys_first),
		UNIT_TEST(test_diff_fk_dropped_before_referenced_table),
		UNIT_TEST(test_diff_drop_tables_referencing_each_other),
		UNIT_TEST(test_diff_add_column),
		UNIT_TEST(test_diff_add_serial_column_rewrites),
		UNIT_TEST(test_diff_drop_column),
		UNIT_TEST(test_diff_type_change_integer_to_bigint),
		UNIT_TEST(test_diff_type_changes_safe),
		UNIT_TEST(test_diff_type_changes_destructive),
		UNIT_TEST(test_diff_type_change_with_default),
		UNIT_TEST(test_diff_nullability),
		UNIT_TEST(test_diff_defaults),
		UNIT_TEST(test_diff_serial_to_plain),
		UNIT_TEST(test_diff_plain_to_serial),
		UNIT_TEST(test_diff_serial_widened),
		UNIT_TEST(test_diff_identity_changes),
		UNIT_TEST(test_diff_auto_increment_needs_integer),
		UNIT_TEST(test_diff_identity_options_checked),
		UNIT_TEST(test_diff_foreign_key_referenced_columns_checked),
		UNIT_TEST(test_diff_rename_table_renamed_from),
		UNIT_TEST(test_diff_rename_table_other_schema),
		UNIT_TEST(test_diff_rename_column_renamed_from),
		UNIT_TEST(test_diff_rename_table_keeps_pkey_name_when_given),
		UNIT_TEST(test_diff_rename_table_renames_default_names),
		UNIT_TEST(test_diff_rename_table_with_drops_uses_names_in_force),
		UNIT_TEST(test_diff_rename_index_and_constraint_by_definition),
		UNIT_TEST(test_diff_renamed_from_index_changed_is_recreated),
		UNIT_TEST(test_diff_renamed_from_unique),
		UNIT_TEST(test_diff_fk_follows_table_and_column_renames),
		UNIT_TEST(test_diff_fk_default_name_follows_column_rename),
		UNIT_TEST(test_diff_index_predicate_follows_column_rename),
		UNIT_TEST(test_diff_ambiguous_column),
		UNIT_TEST(test_diff_not_ambiguous_when_types_differ),
		UNIT_TEST(test_diff_resolution_rename_all),
		UNIT_TEST(test_diff_resolution_add_and_drop_all),
		UNIT_TEST(test_diff_resolution_entries),
		UNIT_TEST(test_diff_resolution_entry_leaves_other_pairs),
		UNIT_TEST(test_diff_resolution_entry_other_schema),
		UNIT_TEST(test_diff_unique_default_name_follows_column_rename),
		UNIT_TEST(test_diff_rename_all_with_several_candidates_stays_ambiguous),
		UNIT_TEST(test_diff_rename_all_renames_only_unique_pairs),
		UNIT_TEST(test_diff_ambiguous_table_full_overlap),
		UNIT_TEST(test_diff_ambiguous_table_threshold),
		UNIT_TEST(test_diff_table_resolution_rename),
		UNIT_TEST(test_diff_primary_key_add_and_drop),
		UNIT_TEST(test_diff_unique_add_and_drop),
		UNIT_TEST(test_diff_index_create_and_drop),
		UNIT_TEST(test_diff_index_same_name_new_definition),
		UNIT_TEST(test_diff_default_names_take_numbered_suffix),
		UNIT_TEST(test_diff_fk_change_is_drop_and_add),
		UNIT_TEST(test_diff_fk_readded_when_referenced_type_changes),
		UNIT_TEST(test_diff_fk_readded_when_referenced_key_rebuilt),
		UNIT_TEST(test_diff_fk_to_new_table_from_existing),
		UNIT_TEST(test_diff_fk_cycle_between_new_tables),
		UNIT_TEST(test_diff_create_enum_before_table),
		UNIT_TEST(test_diff_drop_enum_last),
		UNIT_TEST(test_diff_rename_enum),
		UNIT_TEST(test_diff_rename_enum_value),
		UNIT_TEST(test_diff_rename_enum_and_add_value),
		UNIT_TEST(test_diff_enum_value_ambiguous),
		UNIT_TEST(test_diff_enum_add_value_after),
		UNIT_TEST(test_diff_enum_add_value_before_first),
		UNIT_TEST(test_diff_enum_add_values_in_order),
		UNIT_TEST(test_diff_enum_remove_value_recreates),
		UNIT_TEST(test_diff_enum_reorder_recreates_safely),
		UNIT_TEST(test_diff_enum_added_value_used_in_default_recreates),
		UNIT_TEST(test_diff_enum_recreate_restores_unchanged_default),
		UNIT_TEST(test_diff_enum_recreate_with_column_leaving_type),
		UNIT_TEST(test_diff_enum_recreate_rebuilds_index_using_type),
		UNIT_TEST(test_check_document),
		UNIT_TEST(test_diff_new_table_objects_have_no_hazards),
		UNIT_TEST(test_diff_table_in_unmanaged_schema),
		UNIT_TEST(test_diff_enum_in_unmanaged_schema),
		UNIT_TEST(test_diff_fk_to_missing_table),
		UNIT_TEST(test_diff_unmanaged_objects_listed),
		UNIT_TEST(test_diff_phases_ordered),
		UNIT_TEST(test_diff_ambiguous_table_in_other_schema_once),
	};
	return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
