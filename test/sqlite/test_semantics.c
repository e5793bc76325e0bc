/*
 * test_semantics.c - the core's reading of SQLite's SQL held against
 * SQLite itself.
 *
 *  - the keyword list and which keywords can be names are SQLite's own
 *    (sqlite3_keyword_name, and CREATE TABLE t(K INT) for each);
 *  - the canonical text of an expression computes what the original text
 *    computes, on rows of every storage class (a corpus of hand-picked
 *    expressions, and thousands of generated ones whose operators are left
 *    unparenthesised at random, so that any precedence SQLite reads
 *    differently from our parser shows as a different result);
 *  - the explicit form (every operation parenthesised) computes the same
 *    too: our parse tree is SQLite's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite_test.h"
#include "vb_sqlite.h"

static int compare_strings(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static void test_keywords_are_sqlites(void **state)
{
	vb_arena *a = ARENA(state);
	sqlite3 *db = db_with("");
	int n = sqlite3_keyword_count();
	char **theirs = vb_alloc(a, sizeof(char *) * (size_t)n);
	int i;

	assert_int_equal(vb_sqlite_keyword_count(), n);
	for (i = 0; i < n; i++) {
		const char *z;
		int len;

		assert_int_equal(sqlite3_keyword_name(i, &z, &len), SQLITE_OK);
		theirs[i] = vb_strndup(a, z, (size_t)len);
	}
	qsort(theirs, (size_t)n, sizeof(char *), compare_strings);
	for (i = 0; i < n; i++) {
		const char *k = vb_sqlite_keyword_name(i);
		char *sql = vb_printf(a, "CREATE TABLE t(%s INT); DROP TABLE t;", k);
		bool refused = sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK;

		assert_string_equal(k, theirs[i]);
		assert_true(vb_sqlite_is_keyword(k, strlen(k)));
		if (refused != vb_sqlite_is_reserved(k, strlen(k)))
			fail_msg("SQLite %s %s as a column name", refused ? "refuses" : "takes", k);
	}
	sqlite3_close(db);
}

/* Rows with every storage class, and NULLs, in columns a b c s n. */
static sqlite3 *value_table(void)
{
	return db_with(
		"CREATE TABLE v(a, b, c, s TEXT, n);"
		"INSERT INTO v VALUES"
		" (1, 2, 3, 'abc', NULL),"
		" (-5, 0, 2.5, 'A%b_', 7),"
		" (10, 10, -1, '', 0),"
		" (NULL, 3, 0, 'xyz', 1),"
		" (2.5, -2, 4, NULL, NULL),"
		" ('7', '07', x'00ff', 'MiXeD', 3),"
		" (0, 1, 1, 'a''b', -1);");
}

/*
 * The values of `expr` over the rows of v, as text (quote() keeps the
 * storage class), or NULL when SQLite refuses it.
 */
static char *values_of(vb_arena *a, sqlite3 *db, const char *expr)
{
	char *sql = vb_printf(a, "SELECT quote(%s) FROM v ORDER BY rowid", expr);
	sqlite3_stmt *st;
	vb_buf buf;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	vb_buf_init(&buf, a);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		vb_buf_appendf(&buf, "%s|", t ? (const char *)t : "(null)");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return vb_printf(a, "error: %s", sqlite3_errmsg(db));
	return buf.data;
}

/*
 * The canonical and explicit forms of `expr` compute what it computes.
 * Returns false when SQLite refuses the original (nothing to compare).
 */
static bool same_values(vb_arena *a, sqlite3 *db, const char *expr)
{
	vb_list *cols = vb_alloc(a, sizeof(vb_list));
	const char *names[] = {"a", "b", "c", "s", "n"};
	vb_sqlite_expr *e;
	vb_error err;
	char *original = values_of(a, db, expr);
	char *canonical;
	char *explicit;
	size_t i;

	if (original == NULL)
		return false;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		vb_list_push(a, cols, (char *)names[i]);
	memset(&err, 0, sizeof(err));
	if (!vb_sqlite_expr_parse(a, expr, &e, &err))
		fail_msg("SQLite reads %s, we do not: %s", expr, err.message);
	canonical = vb_sqlite_expr_print(a, e, cols);
	explicit = vb_sqlite_expr_print_explicit(a, e);
	if (!values_of(a, db, canonical) || strcmp(values_of(a, db, canonical), original) != 0)
		fail_msg("%s\n  gives %s\n  but its canonical form %s\n  gives %s", expr, original,
			 canonical, values_of(a, db, canonical) ? values_of(a, db, canonical) : "an error");
	if (!values_of(a, db, explicit) || strcmp(values_of(a, db, explicit), original) != 0)
		fail_msg("%s\n  gives %s\n  but as we read it, %s,\n  gives %s", expr, original,
			 explicit, values_of(a, db, explicit) ? values_of(a, db, explicit) : "an error");
	return true;
}

static void test_canonical_computes_the_same(void **state)
{
	static const char *const corpus[] = {
		"a + b * c", "(a + b) * c", "a - b - c", "a - (b - c)", "a / b / 2.0", "a % 3 * 2",
		"-a * b", "- -a", "-(-1)", "+a || b", "~a & 7 | 8", "1 << 2 >> 1", "a & b < c",
		"a < b = c", "a = b = c", "a = (b = c)", "a <> b", "a != b", "a == b",
		"NOT a = b", "(NOT a) = b", "x'00' IS NOT NULL", "NOT a AND b", "a OR b AND c",
		"(a OR b) AND c", "a AND (b AND c)", "a IS b", "a IS NOT b", "a IS DISTINCT FROM b",
		"a IS NOT DISTINCT FROM n", "a ISNULL", "a NOTNULL", "a NOT NULL", "a = b IS NULL",
		"a BETWEEN 1 AND 5", "a NOT BETWEEN b AND c", "a BETWEEN b = c AND 5",
		"a BETWEEN 1 AND 2 = 1", "a IN (1, 2, 10)", "a NOT IN (1, NULL)", "a IN ()",
		"NOT a IN (1)", "(a, b) = (1, 2)", "(a, b) < (c, 3)", "a IN (SELECT 1)",
		"s LIKE 'a%'", "s NOT LIKE 'A%'", "NOT s LIKE '%b%'", "s LIKE 'A!%%' ESCAPE '!'",
		"s GLOB '*b*'", "s LIKE '%' || 'b' || '%'", "s || 'x' COLLATE nocase = 'ABCX'",
		"s = 'ABC' COLLATE NOCASE", "(s = 'ABC') COLLATE NOCASE", "s COLLATE rtrim = 'abc  '",
		"CASE WHEN a > 1 THEN 'big' WHEN a IS NULL THEN 'none' ELSE 'small' END",
		"CASE a WHEN 1 THEN 'one' WHEN 10 THEN 'ten' END", "CAST(a AS TEXT) || 'x'",
		"CAST(s AS INTEGER) + 1", "CAST(c AS  real )", "coalesce(n, a, 0)", "nullif(a, 1)",
		"iif(a > b, a, b)", "abs(-a) + length(s)", "lower(s) = 'mixed'", "upper(s)",
		"max(a, b, c)", "typeof(a) || typeof(c)", "hex(c)", "instr(s, 'b')",
		"1.0", "1.", ".5", "1e2", "0x10", "+1", "-+1", "'it''s'", "x'AB'",
		"TRUE", "false", "true = a", "NULL", "CURRENT_DATE IS NOT NULL",
		"\"a\" + [b] + `c`", "\"nosuch\"", "s = \"abc\"", "a * 1 = 1.0", "a -> '$'",
		"json_valid(s)", "s ->> '$'", "EXISTS (SELECT 1 WHERE 0)", "(SELECT count(*) FROM v) + a",
		"a IN (SELECT a FROM v WHERE a > 1)", "count(*) OVER ()", "sum(a) OVER (ORDER BY rowid)",
		"a = 1 OR a = 2 OR a = 10", "NOT NOT a", "NOT (a AND b)", "a AND b OR NOT c",
		NULL
	};
	vb_arena *a = ARENA(state);
	sqlite3 *db = value_table();
	int i;

	for (i = 0; corpus[i]; i++)
		if (!same_values(a, db, corpus[i]))
			fail_msg("SQLite refuses the corpus expression %s: %s", corpus[i], sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* ---- generated expressions ---------------------------------------------- */


static void put(text_gen *g, const char *s)
{
	vb_buf_append(&g->buf, s);
}

static void expr(text_gen *g, int depth);

/* An operand: parenthesised or not, at random (that is the point). */
static void operand(text_gen *g, int depth)
{
	if (text_gen_pick(g, 2)) {
		put(g, "(");
		expr(g, depth);
		put(g, ")");
	} else
		expr(g, depth);
}

static void leaf(text_gen *g)
{
	static const char *const leaves[] = {
		"a", "b", "c", "s", "n", "A", "\"b\"", "[c]", "1", "2", "0", "10", "-1", "2.5",
		"1.0", "'x'", "'abc'", "''", "NULL", "TRUE", "false", "x'01'", "0x0F", "1e1"
	};

	put(g, leaves[text_gen_pick(g, sizeof(leaves) / sizeof(leaves[0]))]);
}

static void expr(text_gen *g, int depth)
{
	static const char *const binary[] = {
		" || ", " * ", " / ", " % ", " + ", " - ", " & ", " | ", " << ", " >> ",
		" < ", " > ", " <= ", " >= ", " = ", " == ", " <> ", " != ", " IS ", " IS NOT ",
		" IS DISTINCT FROM ", " IS NOT DISTINCT FROM ", " AND ", " OR ", " and ", " Or "
	};
	static const char *const unary[] = {"-", "+", "~", "NOT ", "not ", "- "};
	static const char *const postfix[] = {
		" ISNULL", " NOTNULL", " NOT NULL", " IS NULL", " IS NOT NULL",
		" COLLATE NOCASE", " COLLATE rtrim", " collate binary"
	};

	if (depth <= 0 || text_gen_pick(g, 5) == 0) {
		leaf(g);
		return;
	}
	switch (text_gen_pick(g, 12)) {
	case 0: case 1: case 2: case 3:
		operand(g, depth - 1);
		put(g, binary[text_gen_pick(g, sizeof(binary) / sizeof(binary[0]))]);
		operand(g, depth - 1);
		break;
	case 4:
		put(g, unary[text_gen_pick(g, sizeof(unary) / sizeof(unary[0]))]);
		operand(g, depth - 1);
		break;
	case 5:
		operand(g, depth - 1);
		put(g, postfix[text_gen_pick(g, sizeof(postfix) / sizeof(postfix[0]))]);
		break;
	case 6:
		operand(g, depth - 1);
		put(g, text_gen_pick(g, 2) ? " BETWEEN " : " NOT BETWEEN ");
		operand(g, depth - 1);
		put(g, " AND ");
		operand(g, depth - 1);
		break;
	case 7:
		operand(g, depth - 1);
		put(g, text_gen_pick(g, 2) ? " IN (" : " NOT IN (");
		expr(g, depth - 1);
		put(g, ", ");
		expr(g, depth - 1);
		put(g, ")");
		break;
	case 8:
		operand(g, depth - 1);
		put(g, text_gen_pick(g, 2) ? " LIKE " : (text_gen_pick(g, 2) ? " NOT GLOB " : " GLOB "));
		operand(g, depth - 1);
		if (text_gen_pick(g, 3) == 0)
			put(g, " ESCAPE '!'");
		break;
	case 9:
		put(g, "CASE ");
		if (text_gen_pick(g, 2))
			operand(g, depth - 1);
		put(g, " WHEN ");
		expr(g, depth - 1);
		put(g, " THEN ");
		expr(g, depth - 1);
		put(g, " ELSE ");
		expr(g, depth - 1);
		put(g, " END");
		break;
	case 10:
		put(g, text_gen_pick(g, 2) ? "coalesce(" : "max(");
		expr(g, depth - 1);
		put(g, ", ");
		expr(g, depth - 1);
		put(g, ")");
		break;
	default:
		put(g, "CAST(");
		expr(g, depth - 1);
		put(g, text_gen_pick(g, 2) ? " AS INTEGER)" : " as text )");
		break;
	}
}

static void test_generated_expressions_compute_the_same(void **state)
{
	vb_arena *a = ARENA(state);
	sqlite3 *db = value_table();
	text_gen g;
	int compared = 0;
	int i;

	g.state = 0x9E3779B97F4A7C15ULL;
	for (i = 0; i < 4000; i++) {
		vb_buf_init(&g.buf, a);
		expr(&g, 4);
		if (same_values(a, db, g.buf.data))
			compared++;
	}
	/* most of them are valid SQL: the comparison is not empty */
	print_message("compared %d of 4000 generated expressions\n", compared);
	assert_true(compared > 3000);
	sqlite3_close(db);
}

int run_semantics_tests(void)
{
	const struct CMUnitTest tests[] = {
		SQLITE_TEST(test_keywords_are_sqlites),
		SQLITE_TEST(test_canonical_computes_the_same),
		SQLITE_TEST(test_generated_expressions_compute_the_same),
	};

	return cmocka_run_group_tests_name("sqlite_semantics", tests, NULL, NULL);
}
