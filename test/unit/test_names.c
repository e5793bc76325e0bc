/*
 * test_names.c — quoting (quote_ident/quote_literal rules) and the names
 * PostgreSQL chooses for unnamed objects (makeObjectName and friends).
 *
 * The long-name expectations were checked against PostgreSQL 15: a table
 * named with 63 'a's gets aaa…(58)_pkey, aaa…(53)_email_key, aaa…(54)_name_idx
 * and aaa…(56)_id_seq; a multibyte name is never cut inside a character.
 */
#include <string.h>

#include "unit.h"
#include "dialect.h"
#include "vb_internal.h"

/* The PostgreSQL dialect's name for an unnamed object over columns. */
static char *
name_of(vb_arena *a, vb_name_kind kind, const char *table, const vb_list *columns)
{
	return vb_dialect_pg.default_name(a, kind, table, columns, 0);
}

static char *
repeat(vb_arena *a, const char *s, int n)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < n; i++)
		vb_buf_append(&buf, s);
	return buf.data;
}

/* ---- vb_quote_ident --------------------------------------------------- */

static void
test_quote_ident_bare_lower_case(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_pg.quote_ident(a, "users"), "users");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "_x1"), "_x1");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "created_at2"), "created_at2");
}

static void
test_quote_ident_upper_case_quoted(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_pg.quote_ident(a, "Users"), "\"Users\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "userId"), "\"userId\"");
}

static void
test_quote_ident_special_characters_quoted(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_pg.quote_ident(a, "my table"), "\"my table\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "a-b"), "\"a-b\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "1abc"), "\"1abc\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "a$b"), "\"a$b\"");
	/* PostgreSQL quotes every non-ASCII identifier */
	assert_string_equal(vb_dialect_pg.quote_ident(a, "caf\xc3\xa9"), "\"caf\xc3\xa9\"");
}

static void
test_quote_ident_doubles_quotes(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_pg.quote_ident(a, "a\"b"), "\"a\"\"b\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "\""), "\"\"\"\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "x\"; DROP TABLE t; --"),
						"\"x\"\"; DROP TABLE t; --\"");
}

static void
test_quote_ident_reserved_keywords_quoted(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_pg.quote_ident(a, "select"), "\"select\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "user"), "\"user\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "order"), "\"order\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "table"), "\"table\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "default"), "\"default\"");
}

static void
test_quote_ident_column_name_keywords_quoted(void **state)
{
	vb_arena   *a = ARENA(state);

	/* col_name and type_func_name keywords are quoted too */
	assert_string_equal(vb_dialect_pg.quote_ident(a, "bigint"), "\"bigint\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "boolean"), "\"boolean\"");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "left"), "\"left\"");
}

static void
test_quote_ident_unreserved_keywords_bare(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_pg.quote_ident(a, "name"), "name");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "type"), "type");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "value"), "value");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "key"), "key");
	assert_string_equal(vb_dialect_pg.quote_ident(a, "action"), "action");
}

/* The generated keyword list is sorted (the dialect searches it) and
 * every keyword in it is quoted. */
static const char *const keywords[] = {
#include "dialect_pg_keywords.h"
};

static void
test_keyword_list_sorted(void **state)
{
	vb_arena   *a = ARENA(state);
	int			n = (int) (sizeof(keywords) / sizeof(keywords[0]));
	int			i;

	assert_true(n > 50);
	for (i = 1; i < n; i++)
		assert_true(strcmp(keywords[i - 1], keywords[i]) < 0);
	for (i = 0; i < n; i++)
		assert_string_equal(vb_dialect_pg.quote_ident(a, keywords[i]),
							vb_printf(a, "\"%s\"", keywords[i]));
}

static void
test_qualified(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_pg.qualified(a, "public", "users"), "public.users");
	assert_string_equal(vb_dialect_pg.qualified(a, "public", "User"), "public.\"User\"");
	assert_string_equal(vb_dialect_pg.qualified(a, "My Schema", "order"), "\"My Schema\".\"order\"");
}

/* ---- vb_quote_literal -------------------------------------------------- */

static void
test_quote_literal_plain(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_pg.quote_literal(a, "abc"), "'abc'");
	assert_string_equal(vb_dialect_pg.quote_literal(a, ""), "''");
	assert_string_equal(vb_dialect_pg.quote_literal(a, "public.users_id_seq"), "'public.users_id_seq'");
}

static void
test_quote_literal_doubles_quotes(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_pg.quote_literal(a, "it's"), "'it''s'");
	assert_string_equal(vb_dialect_pg.quote_literal(a, "''"), "''''''");
}

static void
test_quote_literal_backslash_escape_form(void **state)
{
	vb_arena   *a = ARENA(state);

	/* as quote_literal(E'a\\b''c') prints it */
	assert_string_equal(vb_dialect_pg.quote_literal(a, "a\\b'c"), "E'a\\\\b''c'");
	assert_string_equal(vb_dialect_pg.quote_literal(a, "\\"), "E'\\\\'");
}

/* ---- vb_make_object_name ------------------------------------------------ */

static void
test_make_object_name_short(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_make_object_name(a, "users", NULL, "pkey"), "users_pkey");
	assert_string_equal(vb_make_object_name(a, "users", "email", "key"), "users_email_key");
	assert_string_equal(vb_make_object_name(a, "users", NULL, NULL), "users");
}

static void
test_make_object_name_truncates_to_63(void **state)
{
	vb_arena   *a = ARENA(state);
	char	   *name = vb_make_object_name(a, repeat(a, "a", 63), NULL, "pkey");

	assert_string_equal(name, vb_printf(a, "%s_pkey", repeat(a, "a", 58)));
	assert_int_equal(strlen(name), 63);
	/* no label, no second name: plain truncation */
	assert_string_equal(vb_make_object_name(a, repeat(a, "z", 70), NULL, NULL),
						repeat(a, "z", 63));
}

static void
test_make_object_name_exactly_fits(void **state)
{
	vb_arena   *a = ARENA(state);

	/* 58 + "_pkey" is 63 bytes: nothing is cut */
	assert_string_equal(vb_make_object_name(a, repeat(a, "b", 58), NULL, "pkey"),
						vb_printf(a, "%s_pkey", repeat(a, "b", 58)));
	/* 59 is one too many */
	assert_string_equal(vb_make_object_name(a, repeat(a, "b", 59), NULL, "pkey"),
						vb_printf(a, "%s_pkey", repeat(a, "b", 58)));
}

static void
test_make_object_name_longer_name_truncated_first(void **state)
{
	vb_arena   *a = ARENA(state);

	/* 60 + 5 over 58 available: only the table name is cut */
	assert_string_equal(vb_make_object_name(a, repeat(a, "a", 60), "email", "key"),
						vb_printf(a, "%s_email_key", repeat(a, "a", 53)));
	/* 5 + 60: only the second name is cut */
	assert_string_equal(vb_make_object_name(a, "email", repeat(a, "c", 60), "key"),
						vb_printf(a, "email_%s_key", repeat(a, "c", 53)));
	/* both 40: cut alternately down to 29 each */
	assert_string_equal(vb_make_object_name(a, repeat(a, "a", 40), repeat(a, "b", 40), "key"),
						vb_printf(a, "%s_%s_key", repeat(a, "a", 29), repeat(a, "b", 29)));
}

static void
test_make_object_name_keeps_utf8_whole(void **state)
{
	vb_arena   *a = ARENA(state);
	/* "x" then 31 two-byte characters: 63 bytes, as PostgreSQL stores it */
	char	   *table = vb_printf(a, "x%s", repeat(a, "\xc3\xa9", 31));
	char	   *pkey = vb_make_object_name(a, table, NULL, "pkey");
	char	   *seq = vb_make_object_name(a, table, "id", "seq");

	/* 58 bytes would end inside a character: 57 are kept */
	assert_string_equal(pkey, vb_printf(a, "x%s_pkey", repeat(a, "\xc3\xa9", 28)));
	assert_int_equal(strlen(pkey), 62);
	assert_string_equal(seq, vb_printf(a, "x%s_id_seq", repeat(a, "\xc3\xa9", 27)));
	assert_int_equal(strlen(seq), 62);
}

static void
test_utf8_clip(void **state)
{
	const char *s = "a\xc3\xa9z";	/* a é z */

	(void) state;
	assert_int_equal(vb_utf8_clip(s, 4, 10), 4);
	assert_int_equal(vb_utf8_clip(s, 4, 3), 3);
	assert_int_equal(vb_utf8_clip(s, 4, 2), 1);	/* would split é */
	assert_int_equal(vb_utf8_clip(s, 4, 0), 0);
}

/* ---- default names -------------------------------------------------------- */

static void
test_default_names_short(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(vb_dialect_pg.default_name(a, VB_NAME_PRIMARY_KEY, "users", NULL, 0), "users_pkey");
	assert_string_equal(name_of(a, VB_NAME_UNIQUE, "users", strs(a, "email")), "users_email_key");
	assert_string_equal(name_of(a, VB_NAME_UNIQUE, "post", strs(a, "authorId,slug")),
						"post_authorId_slug_key");
	assert_string_equal(name_of(a, VB_NAME_INDEX, "users", strs(a, "name")), "users_name_idx");
	assert_string_equal(name_of(a, VB_NAME_INDEX, "t", strs(a, "a,b,c")), "t_a_b_c_idx");
	assert_string_equal(name_of(a, VB_NAME_FOREIGN_KEY, "posts", strs(a, "author_id")),
						"posts_author_id_fkey");
	assert_string_equal(name_of(a, VB_NAME_SEQUENCE, "users", strs(a, "id")), "users_id_seq");
}

static void
test_default_names_long_table(void **state)
{
	vb_arena   *a = ARENA(state);
	char	   *t = repeat(a, "a", 63);

	assert_string_equal(vb_dialect_pg.default_name(a, VB_NAME_PRIMARY_KEY, t, NULL, 0), vb_printf(a, "%s_pkey", repeat(a, "a", 58)));
	assert_string_equal(name_of(a, VB_NAME_UNIQUE, t, strs(a, "email")),
						vb_printf(a, "%s_email_key", repeat(a, "a", 53)));
	assert_string_equal(name_of(a, VB_NAME_INDEX, t, strs(a, "name")),
						vb_printf(a, "%s_name_idx", repeat(a, "a", 54)));
	assert_string_equal(name_of(a, VB_NAME_SEQUENCE, t, strs(a, "id")),
						vb_printf(a, "%s_id_seq", repeat(a, "a", 56)));
	assert_string_equal(name_of(a, VB_NAME_FOREIGN_KEY, repeat(a, "b", 63), strs(a, "ref")),
						vb_printf(a, "%s_ref_fkey", repeat(a, "b", 54)));
}

static void
test_default_names_long_columns(void **state)
{
	vb_arena   *a = ARENA(state);
	char	   *c = repeat(a, "c", 40);
	char	   *d = repeat(a, "d", 40);
	char	   *e = repeat(a, "e", 40);
	vb_list    *three = strs(a, vb_printf(a, "%s,%s,%s", c, d, e));
	vb_list    *two = strs(a, vb_printf(a, "%s,%s", c, d));

	/* the column part stops once it passes 63 bytes, then is cut */
	assert_string_equal(name_of(a, VB_NAME_INDEX, "t1", three),
						vb_printf(a, "t1_%s_%s_idx", c, repeat(a, "d", 15)));
	assert_string_equal(name_of(a, VB_NAME_UNIQUE, "t1", two),
						vb_printf(a, "t1_%s_%s_key", c, repeat(a, "d", 15)));
	assert_int_equal(strlen(name_of(a, VB_NAME_FOREIGN_KEY, "t1", three)), 63);
}

int
run_names_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_quote_ident_bare_lower_case),
		UNIT_TEST(test_quote_ident_upper_case_quoted),
		UNIT_TEST(test_quote_ident_special_characters_quoted),
		UNIT_TEST(test_quote_ident_doubles_quotes),
		UNIT_TEST(test_quote_ident_reserved_keywords_quoted),
		UNIT_TEST(test_quote_ident_column_name_keywords_quoted),
		UNIT_TEST(test_quote_ident_unreserved_keywords_bare),
		UNIT_TEST(test_keyword_list_sorted),
		UNIT_TEST(test_qualified),
		UNIT_TEST(test_quote_literal_plain),
		UNIT_TEST(test_quote_literal_doubles_quotes),
		UNIT_TEST(test_quote_literal_backslash_escape_form),
		UNIT_TEST(test_make_object_name_short),
		UNIT_TEST(test_make_object_name_truncates_to_63),
		UNIT_TEST(test_make_object_name_exactly_fits),
		UNIT_TEST(test_make_object_name_longer_name_truncated_first),
		UNIT_TEST(test_make_object_name_keeps_utf8_whole),
		UNIT_TEST(test_utf8_clip),
		UNIT_TEST(test_default_names_short),
		UNIT_TEST(test_default_names_long_table),
		UNIT_TEST(test_default_names_long_columns),
	};

	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
