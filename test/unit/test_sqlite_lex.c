/*
 * test_sqlite_lex.c — SQLite's tokenizer (src/core/sqlite_lex.c): token
 * kinds and values, comments, positions in errors, keywords and quoting.
 */
#include <string.h>

#include "unit.h"
#include "vb_sqlite.h"

static vb_list *
tokens(vb_arena *a, const char *sql)
{
	vb_list    *out = vb_alloc(a, sizeof(vb_list));
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_sqlite_tokenize(a, sql, out, &err))
		fail_msg("tokenize(%s): %s", sql, err.message);
	return out;
}

static vb_sqlite_token *
tok(vb_list *l, int i)
{
	return l->items[i];
}

/* "kind:value" of every token but the end, joined by spaces. */
static char *
described(vb_arena *a, const char *sql)
{
	static const char *const kinds[] = {
		"end", "word", "quoted", "string", "blob", "int", "float", "var", "punct"
	};
	vb_list    *l = tokens(a, sql);
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < l->count - 1; i++)
		vb_buf_appendf(&buf, "%s%s:%s", i ? " " : "", kinds[tok(l, i)->kind],
					   vb_sqlite_token_value(a, tok(l, i)));
	assert_int_equal(tok(l, l->count - 1)->kind, VB_SQT_END);
	return buf.data;
}

static void
lex_error(vb_arena *a, const char *sql, const char *fragment)
{
	vb_list		out;
	vb_error	err;

	memset(&out, 0, sizeof(out));
	memset(&err, 0, sizeof(err));
	if (vb_sqlite_tokenize(a, sql, &out, &err))
		fail_msg("tokenize(%s) should fail", sql);
	assert_string_equal(err.code, VB_ERR_INVALID);
	assert_contains(err.message, fragment);
}

static void
test_lex_kinds_and_values(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(described(a, "select \"a\"\"b\" `c``d` [e\"f] 'g''h' X'0aFF'"),
						"word:select quoted:a\"b quoted:c`d quoted:e\"f string:g'h blob:X'0aFF'");
	assert_string_equal(described(a, "12 1.5 .5 1e3 1E+3 2.e-4 0x1F 0XaB"),
						"int:12 float:1.5 float:.5 float:1e3 float:1E+3 float:2.e-4 int:0x1F int:0XaB");
	assert_string_equal(described(a, "? ?12 :name @x $y a$b _u \xc3\x9cn\xc3\xaf"),
						"var:? var:?12 var::name var:@x var:$y word:a$b word:_u word:\xc3\x9cn\xc3\xaf");
	assert_string_equal(described(a, "a||b->c->>d<<e>>f<=g>=h<>i!=j==k=l<m>n&o|p~q%r/s*t+u-v,w.x;(y)"),
						"word:a punct:|| word:b punct:-> word:c punct:->> word:d punct:<< word:e "
						"punct:>> word:f punct:<= word:g punct:>= word:h punct:<> word:i punct:!= "
						"word:j punct:== word:k punct:= word:l punct:< word:m punct:> word:n "
						"punct:& word:o punct:| word:p punct:~ word:q punct:% word:r punct:/ "
						"word:s punct:* word:t punct:+ word:u punct:- word:v punct:, word:w "
						"punct:. word:x punct:; punct:( word:y punct:)");
	/* x not followed by a quote is a name; '' is an empty string */
	assert_string_equal(described(a, "x xa '' \"\""), "word:x word:xa string: quoted:");
}

static void
test_lex_comments_and_space(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(described(a, " a -- to the end\n\t+ /* block\n */ b /**/c"),
						"word:a punct:+ word:b word:c");
	/* an unterminated block comment runs to the end, as in SQLite */
	assert_string_equal(described(a, "a /* no end"), "word:a");
	assert_string_equal(described(a, "a--"), "word:a");
	/* inside quotes, comment markers are text */
	assert_string_equal(described(a, "'--x' \"/*y*/\""), "string:--x quoted:/*y*/");
	assert_string_equal(described(a, "a - -b"), "word:a punct:- punct:- word:b");
	assert_string_equal(described(a, ""), "");
	assert_string_equal(described(a, "  \n\f\v\r "), "");
}

static void
test_lex_positions(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list    *l = tokens(a, "ab\n  cd \xc3\xa9 ef");

	assert_int_equal(tok(l, 1)->offset, 5);
	assert_string_equal(vb_sqlite_position(a, "ab\n  cd", 5), "line 2, column 3");
	/* columns count characters, not bytes */
	assert_string_equal(vb_sqlite_position(a, "\xc3\xa9\xc3\xa9x", 4), "line 1, column 3");
	assert_int_equal(tok(l, 3)->offset, 11);
}

static void
test_lex_errors(void **state)
{
	vb_arena   *a = ARENA(state);

	lex_error(a, "a = 'open", "unterminated string literal at line 1, column 5");
	lex_error(a, "a\n\"open", "unterminated quoted identifier at line 2, column 1");
	lex_error(a, "[open", "unterminated [identifier] at line 1, column 1");
	lex_error(a, "`open", "unterminated quoted identifier");
	lex_error(a, "12ab", "malformed number at line 1, column 1");
	lex_error(a, "0x1g", "malformed number");
	lex_error(a, "1.5e", "malformed number");
	lex_error(a, "x'0'", "malformed blob literal");
	lex_error(a, "x'zz'", "malformed blob literal");
	lex_error(a, "x'00", "unterminated blob literal");
	lex_error(a, "a ! b", "unexpected character at line 1, column 3");
	lex_error(a, "#1", "unexpected character");
	lex_error(a, "a = :", "a parameter needs a name");
	lex_error(a, "\\", "unexpected character");
}

static void
test_lex_keywords(void **state)
{
	(void) state;
	assert_int_equal(vb_sqlite_keyword_count(), 147);
	assert_true(vb_sqlite_is_keyword("select", 6));
	assert_true(vb_sqlite_is_keyword("AutoIncrement", 13));
	assert_true(vb_sqlite_is_keyword("current_timestamp", 17));
	assert_true(vb_sqlite_is_keyword("SELECTX", 6));	/* only the length given */
	assert_false(vb_sqlite_is_keyword("selectx", 7));
	assert_false(vb_sqlite_is_keyword("true", 4));	/* not a keyword in SQLite */
	assert_false(vb_sqlite_is_keyword("", 0));
	assert_string_equal(vb_sqlite_keyword_name(0), "ABORT");
	assert_null(vb_sqlite_keyword_name(147));
	/* reserved: never a bare name; the others fall back to a name */
	assert_true(vb_sqlite_is_reserved("select", 6));
	assert_true(vb_sqlite_is_reserved("NULL", 4));
	assert_true(vb_sqlite_is_reserved("to", 2));
	assert_false(vb_sqlite_is_reserved("key", 3));
	assert_false(vb_sqlite_is_reserved("replace", 7));
	assert_false(vb_sqlite_is_reserved("left", 4));
	assert_false(vb_sqlite_is_reserved("nosuchword", 10));
}

static void
test_lex_quote_ident(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_sqlite_quote_ident(a, "users"), "users");
	assert_string_equal(vb_sqlite_quote_ident(a, "CamelCase_1"), "CamelCase_1");
	assert_string_equal(vb_sqlite_quote_ident(a, "_x"), "_x");
	assert_string_equal(vb_sqlite_quote_ident(a, "select"), "\"select\"");
	assert_string_equal(vb_sqlite_quote_ident(a, "Key"), "\"Key\"");	/* any keyword */
	assert_string_equal(vb_sqlite_quote_ident(a, "true"), "\"true\"");	/* bare, a boolean */
	assert_string_equal(vb_sqlite_quote_ident(a, "FALSE"), "\"FALSE\"");
	assert_string_equal(vb_sqlite_quote_ident(a, "1a"), "\"1a\"");
	assert_string_equal(vb_sqlite_quote_ident(a, "a b"), "\"a b\"");
	assert_string_equal(vb_sqlite_quote_ident(a, "a$b"), "\"a$b\"");
	assert_string_equal(vb_sqlite_quote_ident(a, "say \"hi\""), "\"say \"\"hi\"\"\"");
	assert_string_equal(vb_sqlite_quote_ident(a, "\xc3\x9cn\xc3\xaf"), "\"\xc3\x9cn\xc3\xaf\"");
	assert_string_equal(vb_sqlite_quote_ident(a, ""), "\"\"");
	assert_string_equal(vb_sqlite_quote_literal(a, "it's"), "'it''s'");
	assert_string_equal(vb_sqlite_quote_literal(a, ""), "''");
}

int
run_sqlite_lex_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_lex_kinds_and_values),
		UNIT_TEST(test_lex_comments_and_space),
		UNIT_TEST(test_lex_positions),
		UNIT_TEST(test_lex_errors),
		UNIT_TEST(test_lex_keywords),
		UNIT_TEST(test_lex_quote_ident),
	};

	return cmocka_run_group_tests_name("sqlite_lex", tests, NULL, NULL);
}
