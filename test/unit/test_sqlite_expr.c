/*
 * test_sqlite_expr.c — SQLite expressions (src/core/sqlite_expr.c): the
 * canonical printed form, how the text was read (precedence), texts that
 * must and must not compare equal, names in scope, errors; the canonical
 * forms of types, collations and defaults.
 *
 * That SQLite reads the canonical text as it reads the original is shown
 * against SQLite itself in test/sqlite/test_semantics.c.
 */
#include <string.h>

#include "unit.h"
#include "vb_sqlite.h"

static char *
canon_in(vb_arena *a, const char *text, const vb_list *columns)
{
	char	   *out = NULL;
	char	   *again = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_sqlite_expr_canonical(a, text, columns, &out, &err))
		fail_msg("canonical(%s): %s", text, err.message);
	/* the canonical form is a fixed point */
	if (!vb_sqlite_expr_canonical(a, out, columns, &again, &err))
		fail_msg("canonical(%s) = %s does not parse again: %s", text, out, err.message);
	if (strcmp(out, again) != 0)
		fail_msg("canonical(%s) = %s, but canonical of that is %s", text, out, again);
	return out;
}

static char *
canon(vb_arena *a, const char *text)
{
	return canon_in(a, text, NULL);
}

static char *
explicit(vb_arena *a, const char *text)
{
	vb_sqlite_expr *e;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_sqlite_expr_parse(a, text, &e, &err))
		fail_msg("parse(%s): %s", text, err.message);
	return vb_sqlite_expr_print_explicit(a, e);
}

static void
expr_error(vb_arena *a, const char *text, const char *fragment)
{
	vb_sqlite_expr *e;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (vb_sqlite_expr_parse(a, text, &e, &err))
		fail_msg("parse(%s) should fail", text);
	assert_string_equal(err.code, VB_ERR_INVALID);
	assert_contains(err.message, fragment);
}

typedef struct pair
{
	const char *in;
	const char *out;
} pair;

static void
check_pairs(vb_arena *a, const pair *pairs)
{
	const pair *p;

	for (p = pairs; p->in; p++)
		if (strcmp(canon(a, p->in), p->out) != 0)
			fail_msg("canonical(%s) = %s, expected %s", p->in, canon(a, p->in), p->out);
}

static void
test_expr_redundant_parentheses(void **state)
{
	static const pair pairs[] = {
		{"(a > 0)", "a > 0"},
		{"((x))", "x"},
		{"(a) + (b)", "a + b"},
		{"(((a + b)) * c)", "(a + b) * c"},
		{"a + (b * c)", "a + b * c"},
		{"(a - b) - c", "a - b - c"},
		{"a - (b - c)", "a - (b - c)"},
		{"a / (b * c)", "a / (b * c)"},
		{"(a = b) = c", "a = b = c"},
		{"a = (b = c)", "a = (b = c)"},
		{"(a < b) = c", "a < b = c"},
		{"a < (b = c)", "a < (b = c)"},
		{"(a AND b) OR c", "a AND b OR c"},
		{"a AND (b OR c)", "a AND (b OR c)"},
		{"(a AND b) AND c", "a AND b AND c"},
		{"a AND (b AND c)", "a AND b AND c"},	/* associative */
		{"a OR (b OR (c OR d))", "a OR b OR c OR d"},
		{"NOT (a AND b)", "NOT (a AND b)"},
		{"NOT (a = b)", "NOT a = b"},
		{"(NOT a) = b", "(NOT a) = b"},
		{"-(a)", "-a"},
		{"-(a + b)", "-(a + b)"},
		{"(-a) COLLATE nocase", "-a COLLATE NOCASE"},
		{"(a || b) COLLATE nocase", "(a || b) COLLATE NOCASE"},
		{"a || (b COLLATE nocase)", "a || b COLLATE NOCASE"},
		{"f((a), (b + 1))", "f(a, b + 1)"},
		{"(a) IN ((1), (2))", "a IN (1, 2)"},
		{"(a) BETWEEN (1) AND (2)", "a BETWEEN 1 AND 2"},
		{"a BETWEEN (b = c) AND d", "a BETWEEN (b = c) AND d"},
		{"(a BETWEEN 1 AND 2) = 1", "a BETWEEN 1 AND 2 = 1"},
		{"(a = b) IS NULL", "a = b IS NULL"},
		{"a IS (b = c)", "a IS (b = c)"},
		{"CASE (a) WHEN (1) THEN (2) ELSE (3) END", "CASE a WHEN 1 THEN 2 ELSE 3 END"},
		{"CAST((a + 1) AS text)", "CAST(a + 1 AS TEXT)"},
		{"(a LIKE b) = 1", "a LIKE b = 1"},
		{"a LIKE (b = 1)", "a LIKE (b = 1)"},
		{"(a, b) = ((1), 2)", "(a, b) = (1, 2)"},
		{NULL, NULL}
	};

	check_pairs(ARENA(state), pairs);
}

static void
test_expr_spelling(void **state)
{
	static const pair pairs[] = {
		/* keywords upper-case, single spaces, comments gone */
		{"a   is   not   null", "a IS NOT NULL"},
		{"a /* c */ + -- d\n b", "a + b"},
		{"x between 1 and 2", "x BETWEEN 1 AND 2"},
		{"case when a then 1 else 2 end", "CASE WHEN a THEN 1 ELSE 2 END"},
		{"current_timestamp", "CURRENT_TIMESTAMP"},
		{"Current_Date", "CURRENT_DATE"},
		{"null", "NULL"},
		{"true", "TRUE"},
		{"False", "FALSE"},
		/* operators in one spelling */
		{"a == b", "a = b"},
		{"a != b", "a <> b"},
		{"a<>b", "a <> b"},
		{"a||b", "a || b"},
		{"a->'$.x'->>'y'", "a -> '$.x' ->> 'y'"},
		{"a&b|c<<1>>2", "a & b | c << 1 >> 2"},
		{"~a % 3", "~a % 3"},
		/* IS NULL in all its spellings */
		{"a ISNULL", "a IS NULL"},
		{"a NOTNULL", "a IS NOT NULL"},
		{"a NOT NULL", "a IS NOT NULL"},
		{"a is null", "a IS NULL"},
		{"a IS NOT DISTINCT FROM b", "a IS b"},
		{"a IS DISTINCT FROM b", "a IS NOT b"},
		{"a IS NOT DISTINCT FROM NULL", "a IS NULL"},
		{"a is distinct from null", "a IS NOT NULL"},
		/* NOT LIKE is NOT (x LIKE y) in SQLite */
		{"NOT a LIKE 'x%'", "a NOT LIKE 'x%'"},
		{"NOT (a BETWEEN 1 AND 2)", "a NOT BETWEEN 1 AND 2"},
		{"not a in (1)", "a NOT IN (1)"},
		{"a not glob 'x*' escape '\\'", "a NOT GLOB 'x*' ESCAPE '\\'"},
		{"a regexp 'x' and b match 'y'", "a REGEXP 'x' AND b MATCH 'y'"},
		/* literals */
		{"'it''s'", "'it''s'"},
		{"'MiXeD  case'", "'MiXeD  case'"},
		{"x'0aff'", "X'0AFF'"},
		{"0X1F", "0x1f"},
		{"1E5", "1e5"},
		{"1.50", "1.50"},
		{".5", ".5"},
		{"1.", "1."},
		{"+1", "1"},
		{"+'a'", "'a'"},
		{"-+1", "-1"},
		{"- +x", "-x"},
		{"+ +x", "+x"},
		{"- 1", "-1"},
		{"- -1", "- -1"},
		{"-(-1)", "- -1"},
		{"?", "?"},
		{"?3 + :name + @x + $y", "?3 + :name + @x + $y"},
		/* names: quoted only when needed, case kept */
		{"\"a\"", "\"a\""},	/* out of scope: a column or a string */
		{"[a]", "a"},
		{"`a`", "a"},
		{"[CamelCase]", "CamelCase"},
		{"\"select\"", "\"select\""},
		{"[key] + `order`", "\"key\" + \"order\""},
		{"key + action", "\"key\" + \"action\""},
		{"\"a b\" || [c\"d]", "\"a b\" || \"c\"\"d\""},
		{"\"true\"", "\"true\""},
		{"main.t.\"col\"", "main.t.col"},
		{"'t'.a", "t.a"},
		{"\"\xc3\x9cn\xc3\xaf\"", "\"\xc3\x9cn\xc3\xaf\""},
		/* functions: lower-case names, arguments spaced */
		{"LOWER(a)", "lower(a)"},
		{"\"lower\"(a)", "lower(a)"},
		{"Coalesce(a,b , c)", "coalesce(a, b, c)"},
		{"replace(a,'x','y')", "replace(a, 'x', 'y')"},
		{"like(a, b)", "like(a, b)"},
		{"COUNT(*)", "count(*)"},
		{"count(DISTINCT a)", "count(DISTINCT a)"},
		{"count(ALL a)", "count(a)"},
		{"random()", "random()"},
		{"\"my func\"(1)", "\"my func\"(1)"},
		{"max(a) filter (where a > 0)", "max(a) FILTER (WHERE a > 0)"},
		{"row_number() over (partition by a order by b desc)",
		"row_number() OVER (PARTITION BY a ORDER BY b DESC)"},
		{"sum(a) over w", "sum(a) OVER w"},
		/* the rest of the grammar */
		{"cast(a as varchar ( 10 ))", "CAST(a AS VARCHAR(10))"},
		{"CAST(a AS \"integer\")", "CAST(a AS INTEGER)"},
		{"case a when 1 then 'x' when 2 then 'y' end", "CASE a WHEN 1 THEN 'x' WHEN 2 THEN 'y' END"},
		{"a in ()", "a IN ()"},
		{"a in (select 1 from t where x = 1)", "a IN (SELECT 1 FROM t WHERE x = 1)"},
		{"a in ((select b from t))", "a IN (SELECT b FROM t)"},
		{"a in t", "a IN t"},
		{"a not in main.t", "a NOT IN main.t"},
		{"a in json_each('[1]')", "a IN json_each('[1]')"},
		{"exists (select * from t)", "EXISTS (SELECT * FROM t)"},
		{"(select max(x) from t) > 1", "(SELECT max(x) FROM t) > 1"},
		{"raise(ignore)", "RAISE(IGNORE)"},
		{"raise(abort, 'no')", "RAISE(ABORT, 'no')"},
		{"(1, 2) < (a, b)", "(1, 2) < (a, b)"},
		{NULL, NULL}
	};

	check_pairs(ARENA(state), pairs);
}

static void
test_expr_precedence_as_read(void **state)
{
	vb_arena   *a = ARENA(state);

	/* lang_expr.html's table, tightest first */
	assert_string_equal(explicit(a, "-a COLLATE x || b"), "((-a) COLLATE X) || b");
	assert_string_equal(explicit(a, "a || b * c"), "(a || b) * c");
	assert_string_equal(explicit(a, "a * b + c"), "(a * b) + c");
	assert_string_equal(explicit(a, "a + b & c"), "(a + b) & c");
	assert_string_equal(explicit(a, "a & b < c"), "(a & b) < c");
	assert_string_equal(explicit(a, "a < b = c"), "(a < b) = c");
	assert_string_equal(explicit(a, "a = b AND c"), "(a = b) AND c");
	assert_string_equal(explicit(a, "a AND b OR c"), "(a AND b) OR c");
	assert_string_equal(explicit(a, "a OR b AND c"), "a OR (b AND c)");
	/* left to right within a level */
	assert_string_equal(explicit(a, "a - b - c"), "(a - b) - c");
	assert_string_equal(explicit(a, "a = b <> c IS d"), "((a = b) <> c) IS d");
	assert_string_equal(explicit(a, "a LIKE b = c"), "(a LIKE b) = c");
	assert_string_equal(explicit(a, "a = b LIKE c"), "(a = b) LIKE c");
	assert_string_equal(explicit(a, "a BETWEEN b AND c = d"), "(a BETWEEN b AND c) = d");
	assert_string_equal(explicit(a, "a IN (1) = b"), "(a IN (1)) = b");
	assert_string_equal(explicit(a, "a = b ISNULL"), "(a = b) IS NULL");
	/* NOT binds loosely, and reaches over comparisons */
	assert_string_equal(explicit(a, "NOT a = b"), "NOT (a = b)");
	assert_string_equal(explicit(a, "NOT a AND b"), "(NOT a) AND b");
	assert_string_equal(explicit(a, "x = NOT a = b"), "x = (NOT (a = b))");
	assert_string_equal(explicit(a, "x = NOT a AND b"), "(x = (NOT a)) AND b");
	/* BETWEEN's bounds, LIKE's pattern and ESCAPE */
	assert_string_equal(explicit(a, "a BETWEEN b + 1 AND c * 2"), "a BETWEEN (b + 1) AND (c * 2)");
	assert_string_equal(explicit(a, "a BETWEEN b = c AND d"), "a BETWEEN (b = c) AND d");
	assert_string_equal(explicit(a, "x BETWEEN 1 AND 2 AND y"), "(x BETWEEN 1 AND 2) AND y");
	assert_string_equal(explicit(a, "a LIKE b || c ESCAPE d || e"), "a LIKE (b || c) ESCAPE (d || e)");
	/* unary operators bind tightest */
	assert_string_equal(explicit(a, "-a * b"), "(-a) * b");
	assert_string_equal(explicit(a, "~a + b"), "(~a) + b");
	assert_string_equal(explicit(a, "- - a"), "-(-a)");
	assert_string_equal(explicit(a, "-(a = b)"), "-(a = b)");
	/* COLLATE applies to what is left of it at its level */
	assert_string_equal(explicit(a, "a || b COLLATE x"), "a || (b COLLATE X)");
	assert_string_equal(explicit(a, "a COLLATE x COLLATE y"), "(a COLLATE X) COLLATE Y");
	/* -> and ->> share the level of || */
	assert_string_equal(explicit(a, "a -> b || c ->> d"), "((a -> b) || c) ->> d");
}

/* Texts that SQLite reads alike print alike. */
static void
test_expr_equal_pairs(void **state)
{
	static const char *const same[][2] = {
		{"a>0", "( a > 0 )"},
		{"A = b", "A==b"},
		{"NOT a LIKE b", "a NOT LIKE b"},
		{"a IS NOT DISTINCT FROM b", "a IS b"},
		{"a notnull", "a IS NOT NULL"},
		{"lower([x])", "LOWER(`x`)"},
		{"x'AB'", "X'ab'"},
		{"+1", "1"},
		{"a AND (b AND c)", "(a AND b) AND c"},
		{"CAST(a AS varchar(10))", "cast(a as VARCHAR ( 10 ))"},
		{"a COLLATE NoCase", "a COLLATE \"NOCASE\""},
		{"count(ALL x)", "count(x)"},
		{"'a' -- comment", "/* c */ 'a'"},
		{NULL, NULL}
	};
	vb_arena   *a = ARENA(state);
	int			i;

	for (i = 0; same[i][0]; i++)
		if (strcmp(canon(a, same[i][0]), canon(a, same[i][1])) != 0)
			fail_msg("%s and %s should print alike: %s vs %s", same[i][0], same[i][1],
					 canon(a, same[i][0]), canon(a, same[i][1]));
}

/* Texts that SQLite reads differently never print alike. */
static void
test_expr_different_pairs(void **state)
{
	static const char *const differ[][2] = {
		{"1.0", "1"},			/* REAL vs INTEGER in a non-STRICT column */
		{"1e3", "1000"},
		{"0x10", "16"},
		{"'a'", "'A'"},
		{"'a'", "\"a\""},			/* a string vs a name */
		{"\"a\"", "a"},			/* out of scope, "a" may be a string */
		{"a - b - c", "a - (b - c)"},
		{"a / b * c", "a / (b * c)"},
		{"a || b COLLATE x", "(a || b) COLLATE x"},
		{"NOT a = b", "(NOT a) = b"},
		{"a = NULL", "a IS NULL"},
		{"a <> b", "NOT a = b"},
		{"a IS NOT b", "a <> b"},
		{"+a", "a"},				/* + takes a column's affinity away */
		{"a LIKE b", "a GLOB b"},
		{"a LIKE b ESCAPE c", "a LIKE b"},
		{"count(DISTINCT a)", "count(a)"},
		{"count(*)", "count()"},
		{"x IN (1)", "x = 1"},
		{"a COLLATE x", "a COLLATE y"},
		{"true", "\"true\""},		/* a boolean vs a column named true */
		{"a", "A"},				/* out of scope: names are kept as written */
		{"CAST(a AS INT)", "CAST(a AS INTEGER)"},
		{"CURRENT_TIME", "CURRENT_TIMESTAMP"},
		{"f(a, b)", "f(b, a)"},
		{"(a, b)", "(b, a)"},
		{NULL, NULL}
	};
	vb_arena   *a = ARENA(state);
	int			i;

	for (i = 0; differ[i][0]; i++)
		if (strcmp(canon(a, differ[i][0]), canon(a, differ[i][1])) == 0)
			fail_msg("%s and %s must not print alike (both %s)", differ[i][0], differ[i][1],
					 canon(a, differ[i][0]));
}

static void
test_expr_names_in_scope(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list    *cols = strs(a, "Price,qty,true,Key");
	vb_list		none;
	vb_list		used;
	vb_sqlite_expr *e;
	vb_error	err;

	memset(&none, 0, sizeof(none));
	/* a name in another case is the column's own spelling */
	assert_string_equal(canon_in(a, "PRICE * \"QTY\"", cols), "Price * qty");
	assert_string_equal(canon_in(a, "[price] > 0", cols), "Price > 0");
	/* a double-quoted name that is no column is a string in SQLite */
	assert_string_equal(canon_in(a, "Price <> \"none\"", cols), "Price <> 'none'");
	assert_string_equal(canon_in(a, "\"it's\"", cols), "'it''s'");
	/* but not in brackets or back quotes, and not qualified */
	assert_string_equal(canon_in(a, "[none] + `nix`", cols), "none + nix");
	assert_string_equal(canon_in(a, "t.\"none\"", cols), "t.none");
	assert_string_equal(canon_in(a, "\"rowid\" > 0", cols), "rowid > 0");
	assert_string_equal(canon_in(a, "ROWID + OID + _rowid_", cols), "rowid + oid + _rowid_");
	/* a column named true is the column; a keyword-named column is quoted */
	assert_string_equal(canon_in(a, "TRUE AND key", cols), "\"true\" AND \"Key\"");
	assert_string_equal(canon_in(a, "false", cols), "FALSE");
	/* in a default no column is in scope */
	assert_string_equal(canon_in(a, "\"dq\" || 'x'", &none), "'dq' || 'x'");
	assert_string_equal(canon_in(a, "true", &none), "TRUE");
	/* functions are never columns */
	assert_string_equal(canon_in(a, "\"price\"(1)", cols), "price(1)");

	memset(&err, 0, sizeof(err));
	memset(&used, 0, sizeof(used));
	assert_true(vb_sqlite_expr_parse(a, "price * QTY + t.price + \"none\" + f(qty) + true", &e, &err));
	vb_sqlite_expr_columns(a, e, cols, &used);
	assert_int_equal(used.count, 3);
	assert_string_equal(used.items[0], "Price");
	assert_string_equal(used.items[1], "qty");
	assert_string_equal(used.items[2], "true");
	memset(&used, 0, sizeof(used));
	assert_true(vb_sqlite_expr_parse(a, "\"none\" = 'x' AND TRUE", &e, &err));
	vb_sqlite_expr_columns(a, e, strs(a, "a"), &used);
	assert_int_equal(used.count, 0);
}

static void
test_expr_errors(void **state)
{
	vb_arena   *a = ARENA(state);

	expr_error(a, "", "the expression is empty");
	expr_error(a, "  -- only a comment", "the expression is empty");
	expr_error(a, "a +", "syntax error at the end of the text (line 1, column 4): expected an expression");
	expr_error(a, "a b", "syntax error near \"b\" at line 1, column 3: expected the end of the expression");
	expr_error(a, "a; DROP TABLE t", "near \";\" at line 1, column 2");
	expr_error(a, "select", "near \"select\" at line 1, column 1: expected an expression");
	expr_error(a, "(1", "expected \")\"");
	expr_error(a, "(1, 2", "expected \")\"");
	expr_error(a, "f(", "expected an expression");
	expr_error(a, "f(1,)", "near \")\"");
	expr_error(a, "a BETWEEN 1", "expected AND");
	expr_error(a, "CASE END", "expected WHEN");
	expr_error(a, "CASE a WHEN 1 END", "expected THEN");
	expr_error(a, "CAST(a)", "expected AS");
	expr_error(a, "CAST(a AS (1))", "expected \")\"");
	expr_error(a, "cast + 1", "expected \"(\"");
	expr_error(a, "RAISE(x)", "expected IGNORE, ROLLBACK, ABORT or FAIL");
	expr_error(a, "RAISE(ABORT)", "expected \",\"");
	expr_error(a, "a IS DISTINCT b", "expected FROM");
	expr_error(a, "a COLLATE", "expected a collation name");
	expr_error(a, "a IN (SELECT 1", "expected \")\"");
	expr_error(a, "EXISTS 1", "expected \"(\"");
	expr_error(a, "EXISTS (1)", "expected SELECT");
	expr_error(a, "a IN 1", "expected a table name");
	expr_error(a, "a.b.c.d", "expected the end of the expression");
	expr_error(a, "x = 'open", "unterminated string literal at line 1, column 5");
	expr_error(a, "a\n  + *", "near \"*\" at line 2, column 5");
}

static void
test_expr_depth_limit(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_buf		deep;
	vb_buf		chain;
	int			i;

	/* nesting deeper than SQLite's 1000 is refused, not a stack overflow */
	vb_buf_init(&deep, a);
	for (i = 0; i < 5000; i++)
		vb_buf_append(&deep, "(");
	vb_buf_append(&deep, "1");
	for (i = 0; i < 5000; i++)
		vb_buf_append(&deep, ")");
	expr_error(a, deep.data, "expression nested too deeply (more than 1000 levels)");

	vb_buf_init(&chain, a);
	vb_buf_append(&chain, "a");
	for (i = 0; i < 2000; i++)
		vb_buf_append(&chain, " + a");
	expr_error(a, chain.data, "expression tree is too large (maximum depth 1000)");

	vb_buf_init(&chain, a);
	vb_buf_append(&chain, "a");
	for (i = 0; i < 900; i++)
		vb_buf_append(&chain, " AND a");
	assert_int_equal(strlen(canon(a, chain.data)), strlen(chain.data));
}

static void
test_type_canonical(void **state)
{
	static const pair pairs[] = {
		{"varchar ( 20 )", "VARCHAR(20)"},
		{"VARCHAR(20)", "VARCHAR(20)"},
		{"decimal(10, 2)", "DECIMAL(10,2)"},
		{"decimal ( +10 , -2 )", "DECIMAL(10,-2)"},
		{"int", "INT"},
		{"  double   precision ", "DOUBLE PRECISION"},
		{"unsigned\tbig\nint", "UNSIGNED BIG INT"},
		{"\"integer\"", "INTEGER"},
		{"[my type]", "MY TYPE"},
		{"'text'", "TEXT"},
		{"`BoOlEaN`", "BOOLEAN"},
		{"", ""},
		{"   ", ""},
		{"\xc3\xa9t\xc3\xa9", "\xc3\xa9T\xc3\xa9"},	/* ASCII letters only */
		{NULL, NULL}
	};
	vb_arena   *a = ARENA(state);
	const pair *p;

	for (p = pairs; p->in; p++)
		if (strcmp(vb_sqlite_type_canonical(a, p->in), p->out) != 0)
			fail_msg("type(%s) = %s, expected %s", p->in,
					 vb_sqlite_type_canonical(a, p->in), p->out);
	/* the declared name is kept: affinity is not a spelling */
	assert_string_not_equal(vb_sqlite_type_canonical(a, "INT"), vb_sqlite_type_canonical(a, "INTEGER"));
	assert_string_not_equal(vb_sqlite_type_canonical(a, "VARCHAR(20)"), vb_sqlite_type_canonical(a, "TEXT"));
	assert_string_not_equal(vb_sqlite_type_canonical(a, "VARCHAR(20)"), vb_sqlite_type_canonical(a, "VARCHAR(21)"));
	assert_string_equal(vb_sqlite_collation_canonical(a, "nocase"), "NOCASE");
	assert_string_equal(vb_sqlite_collation_canonical(a, "RTrim"), "RTRIM");
}

static void
test_default_canonical(void **state)
{
	static const pair pairs[] = {
		{"'reader'", "'reader'"},
		{"('reader')", "'reader'"},
		{"0", "0"},
		{"-1", "-1"},
		{"- 1", "-1"},
		{"+1.5", "1.5"},
		{"(1 + 2)", "1 + 2"},
		{"1+2", "1 + 2"},
		{"x'00FF'", "X'00FF'"},
		{"current_timestamp", "CURRENT_TIMESTAMP"},
		{"(CURRENT_TIMESTAMP)", "CURRENT_TIMESTAMP"},
		{"datetime('now')", "datetime('now')"},
		{"(datetime ( 'now' ))", "datetime('now')"},
		{"true", "TRUE"},
		{"(FALSE)", "FALSE"},
		/* DEFAULT name is the string 'name', as SQLite reads it */
		{"abc", "'abc'"},
		{"key", "'key'"},
		{"\"dq\"", "'dq'"},
		{"[it's]", "'it''s'"},
		{"\"true\"", "'true'"},
		{NULL, NULL}
	};
	vb_arena   *a = ARENA(state);
	const pair *p;
	char	   *out;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	for (p = pairs; p->in; p++)
	{
		if (!vb_sqlite_default_canonical(a, p->in, &out, &err))
			fail_msg("default(%s): %s", p->in, err.message);
		if (out == NULL || strcmp(out, p->out) != 0)
			fail_msg("default(%s) = %s, expected %s", p->in, out ? out : "(none)", p->out);
	}
	assert_true(vb_sqlite_default_canonical(a, "NULL", &out, &err));
	assert_null(out);
	assert_true(vb_sqlite_default_canonical(a, "(null)", &out, &err));
	assert_null(out);
	assert_true(vb_sqlite_default_canonical(a, "'NULL'", &out, &err));
	assert_string_equal(out, "'NULL'");
	assert_false(vb_sqlite_default_canonical(a, "1 2", &out, &err));
	assert_contains(err.message, "near \"2\"");
}

int
run_sqlite_expr_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_expr_redundant_parentheses),
		UNIT_TEST(test_expr_spelling),
		UNIT_TEST(test_expr_precedence_as_read),
		UNIT_TEST(test_expr_equal_pairs),
		UNIT_TEST(test_expr_different_pairs),
		UNIT_TEST(test_expr_names_in_scope),
		UNIT_TEST(test_expr_errors),
		UNIT_TEST(test_expr_depth_limit),
		UNIT_TEST(test_type_canonical),
		UNIT_TEST(test_default_canonical),
	};

	return cmocka_run_group_tests_name("sqlite_expr", tests, NULL, NULL);
}
