/*
 * test_mysql.c — MySQL/MariaDB in the core: the tokenizer, the canonical
 * forms of expressions, types and defaults, the schema built from catalog
 * rows (the same schema as MariaDB 10.11 reports it, checked on this
 * machine, and as MySQL 8 reports it, written from its documentation: one
 * document), and a hand-written document brought to the same form.
 */
#include <string.h>

#include "unit.h"
#include "vb_mysql.h"

/* ---- helpers ------------------------------------------------------------- */

static vb_list
tokens(vb_arena *a, const char *sql, unsigned flags)
{
	vb_list		l;
	vb_error	err;

	memset(&l, 0, sizeof(l));
	memset(&err, 0, sizeof(err));
	if (!vb_mysql_tokenize(a, sql, flags, &l, &err))
		fail_msg("tokenize \"%s\": %s", sql, err.message);
	return l;
}

static vb_mysql_token *
tk(const vb_list *l, int i)
{
	return l->items[i];
}

static char *
expr(vb_arena *a, const char *text)
{
	char	   *out = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_mysql_canonical_expr(a, text, 0, NULL, NULL, &out, &err))
		fail_msg("canonical \"%s\": %s", text, err.message);
	return out;
}

static char *
type_of(vb_arena *a, const char *text)
{
	vb_mysql_type t;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_mysql_canonical_type(a, text, 4, &t, &err))
		fail_msg("type \"%s\": %s", text, err.message);
	return t.text;
}

/* The canonical default of `text` on a column of type `type`; "none" for
 * no default. */
static const char *
default_of(vb_arena *a, const char *type, const char *text)
{
	vb_mysql_type t;
	vb_error	err;
	char	   *out;

	memset(&err, 0, sizeof(err));
	if (!vb_mysql_canonical_type(a, type, 4, &t, &err) ||
		!vb_mysql_canonical_default(a, text, &t, 0, NULL, &out, &err))
		fail_msg("default \"%s\" on %s: %s", text, type, err.message);
	return out ? out : "none";
}

/* ---- tokenizer ------------------------------------------------------------ */

static void
test_lex_identifiers_and_strings(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		l = tokens(a, "`a``b` 'it''s', \"x\\\"y\", 'a\\\\b\\n', _utf8mb4'z' N'n'", 0);

	assert_int_equal(tk(&l, 0)->kind, VB_MYTOK_IDENT);
	assert_string_equal(tk(&l, 0)->text, "a`b");
	assert_int_equal(tk(&l, 1)->kind, VB_MYTOK_STRING);
	assert_string_equal(tk(&l, 1)->text, "it's");
	assert_string_equal(tk(&l, 3)->text, "x\"y");
	assert_string_equal(tk(&l, 5)->text, "a\\b\n");
	assert_string_equal(tk(&l, 7)->text, "z");
	assert_string_equal(tk(&l, 7)->introducer, "_utf8mb4");
	assert_string_equal(tk(&l, 8)->text, "n");
	assert_string_equal(tk(&l, 8)->introducer, "N");
	assert_int_equal(tk(&l, 9)->kind, VB_MYTOK_END);
}

static void
test_lex_sql_modes(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		l = tokens(a, "'a\\' \"q\"", VB_MYSQL_NO_BACKSLASH_ESCAPES | VB_MYSQL_ANSI_QUOTES);

	/* without backslash escapes, 'a\' is a string ending in a backslash */
	assert_int_equal(tk(&l, 0)->kind, VB_MYTOK_STRING);
	assert_string_equal(tk(&l, 0)->text, "a\\");
	/* under ANSI_QUOTES "q" is an identifier */
	assert_int_equal(tk(&l, 1)->kind, VB_MYTOK_IDENT);
	assert_string_equal(tk(&l, 1)->text, "q");
}

static void
test_lex_literals(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		l = tokens(a, "X'4A' 0x4b b'101' 0b11 1.5e-3 .5 12 'a' 'b' 1abc", 0);

	assert_int_equal(tk(&l, 0)->kind, VB_MYTOK_HEX);
	assert_string_equal(tk(&l, 0)->text, "4a");
	assert_int_equal(tk(&l, 1)->kind, VB_MYTOK_HEX);
	assert_string_equal(tk(&l, 1)->text, "4b");
	assert_int_equal(tk(&l, 2)->kind, VB_MYTOK_BIT);
	assert_string_equal(tk(&l, 2)->text, "101");
	assert_int_equal(tk(&l, 3)->kind, VB_MYTOK_BIT);
	assert_string_equal(tk(&l, 4)->text, "1.5e-3");
	assert_string_equal(tk(&l, 5)->text, ".5");
	assert_string_equal(tk(&l, 6)->text, "12");
	/* adjacent strings are one */
	assert_int_equal(tk(&l, 7)->kind, VB_MYTOK_STRING);
	assert_string_equal(tk(&l, 7)->text, "ab");
	/* digits then letters: an identifier */
	assert_int_equal(tk(&l, 8)->kind, VB_MYTOK_WORD);
	assert_string_equal(tk(&l, 8)->text, "1abc");
}

static void
test_lex_comments(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		l = tokens(a, "a -- x\n# y\n/* z */ b /*!50100 c */ d 1--2", 0);

	assert_string_equal(tk(&l, 0)->text, "a");
	assert_string_equal(tk(&l, 1)->text, "b");
	/* a version comment's text is SQL */
	assert_string_equal(tk(&l, 2)->text, "c");
	assert_string_equal(tk(&l, 3)->text, "d");
	/* "--" without a space is two minus signs */
	assert_string_equal(tk(&l, 4)->text, "1");
	assert_string_equal(tk(&l, 5)->text, "-");
	assert_string_equal(tk(&l, 6)->text, "-");
	assert_string_equal(tk(&l, 7)->text, "2");
}

static void
test_lex_errors(void **state)
{
	vb_arena   *a = ARENA(state);
	const char *bad[] = {"'open", "`open", "/* open", "a \\ b", "X'4'", "/*! c"};
	size_t		i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		vb_list		l;
		vb_error	err;

		memset(&l, 0, sizeof(l));
		memset(&err, 0, sizeof(err));
		assert_false(vb_mysql_tokenize(a, bad[i], 0, &l, &err));
		assert_string_equal(err.code, VB_ERR_INVALID);
		assert_contains(err.message, "at byte");
	}
}

/* ---- expressions ----------------------------------------------------------- */

static void
test_expr_servers_agree(void **state)
{
	vb_arena   *a = ARENA(state);

	/* MariaDB's CHECK_CLAUSE, MySQL 8's (after unescaping) and a user's */
	assert_string_equal(expr(a, "`c` > 0 and `a` <> 'it\\'s'"), "`c` > 0 and `a` <> 'it\\'s'");
	assert_string_equal(expr(a, "((`c` > 0) and (`a` <> _utf8mb4'it\\'s'))"),
						"`c` > 0 and `a` <> 'it\\'s'");
	assert_string_equal(expr(a, "c>0 AND a!='it''s'"), "`c` > 0 and `a` <> 'it\\'s'");
	assert_string_equal(expr(a, "((`status` in (_utf8mb4'todo',_utf8mb4'in_progress')))"),
						"`status` in ('todo','in_progress')");
	assert_string_equal(expr(a, "status IN ('todo', 'in_progress')"),
						"`status` in ('todo','in_progress')");
	assert_string_equal(expr(a, "concat(`first`,_utf8mb4' ',`last`)"), "concat(`first`,' ',`last`)");
}

static void
test_expr_precedence(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(expr(a, "(a + b) * c"), "(`a` + `b`) * `c`");
	assert_string_equal(expr(a, "a + (b * c)"), "`a` + `b` * `c`");
	assert_string_equal(expr(a, "a - (b - c)"), "`a` - (`b` - `c`)");
	assert_string_equal(expr(a, "(a - b) - c"), "`a` - `b` - `c`");
	assert_string_equal(expr(a, "a or (b and c)"), "`a` or `b` and `c`");
	assert_string_equal(expr(a, "(a or b) and c"), "(`a` or `b`) and `c`");
	assert_string_equal(expr(a, "a or (b or c)"), "`a` or `b` or `c`");
	/* IN/BETWEEN bind tighter than =, as MySQL's grammar reads them */
	assert_string_equal(expr(a, "a = (b between 1 and 2)"), "`a` = `b` between 1 and 2");
	assert_string_equal(expr(a, "not (a = b)"), "`a` <> `b`");
	assert_string_equal(expr(a, "not (a = b and c)"), "not (`a` = `b` and `c`)");
	assert_string_equal(expr(a, "(not a) = b"), "`a` = 0 = `b`");
	assert_string_equal(expr(a, "a = (b = c)"), "`a` = (`b` = `c`)");
	assert_string_equal(expr(a, "- (-1)"), "-(-1)");
	assert_string_equal(expr(a, "x is not null and y not like 'a%' escape '!'"),
						"`x` is not null and `y` not like 'a%' escape '!'");
	assert_string_equal(expr(a, "case when a > 1 then 'x' else 'y' end"),
						"case when `a` > 1 then 'x' else 'y' end");
	assert_string_equal(expr(a, "d + INTERVAL 1 DAY"), "`d` + interval 1 day");
	assert_string_equal(expr(a, "a && b || c"), "`a` and `b` or `c`");
	assert_string_equal(expr(a, "a MOD 2"), "`a` % 2");
}

static void
test_expr_synonyms(void **state)
{
	vb_arena   *a = ARENA(state);

	/* what MariaDB stores for what was written */
	assert_string_equal(expr(a, "length(a)"), expr(a, "octet_length(`a`)"));
	assert_string_equal(expr(a, "mid(a,1,2)"), expr(a, "substr(`a`,1,2)"));
	assert_string_equal(expr(a, "substring(a from 2 for 3)"), "substr(`a`,2,3)");
	assert_string_equal(expr(a, "position('x' in a)"), "locate('x',`a`)");
	assert_string_equal(expr(a, "not b"), "`b` = 0");
	assert_string_equal(expr(a, "NOT (q BETWEEN 1 AND 2)"), "`q` not between 1 and 2");
	assert_string_equal(expr(a, "not (a in (1,2)) and not (b is null)"), "`a` not in (1,2) and `b` is not null");
	assert_string_equal(expr(a, "not (a in (1))"), "`a` <> 1");
	assert_string_equal(expr(a, "a in (1)"), "`a` = 1");
	assert_string_equal(expr(a, "not (a > 1)"), "`a` <= 1");
	assert_string_equal(expr(a, "not (a <=> 1)"), "not `a` <=> 1");
	assert_string_equal(expr(a, "not (c not like 'x')"), "`c` like 'x'");
	assert_string_equal(expr(a, "!b"), "`b` = 0");
	assert_string_equal(expr(a, "b = true"), "`b` = 1");
	assert_string_equal(expr(a, "b = b'101'"), "`b` = 0x05");
	assert_string_equal(expr(a, "cast(b as char)"), expr(a, "cast(`b` as char charset utf8mb3)"));
	assert_string_equal(expr(a, "ucase(a)"), "upper(`a`)");
	assert_string_equal(expr(a, "trim(LEADING 'x' FROM a)"), "trim(leading 'x' from `a`)");
	assert_string_equal(expr(a, "extract(YEAR from d)"), "extract(year from `d`)");
	assert_string_equal(expr(a, "CURRENT_TIMESTAMP"), "current_timestamp()");
	assert_string_equal(expr(a, "now()"), "current_timestamp()");
}

static void
test_expr_columns_spelling(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_list		cols;
	char	   *out;
	vb_error	err;

	memset(&cols, 0, sizeof(cols));
	memset(&err, 0, sizeof(err));
	vb_list_push(a, &cols, "Price");
	vb_list_push(a, &cols, "year");
	assert_true(vb_mysql_canonical_expr(a, "price * 2 + YEAR", 0, &cols, NULL, &out, &err));
	assert_string_equal(out, "`Price` * 2 + `year`");
}

static void
test_expr_hostile(void **state)
{
	vb_arena   *a = ARENA(state);
	const char *bad[] = {"1); DROP TABLE t; --", "a; b", "(a", "a)", ""};
	size_t		i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		char	   *out = NULL;
		vb_error	err;

		memset(&err, 0, sizeof(err));
		assert_false(vb_mysql_canonical_expr(a, bad[i], 0, NULL, "tables[0].checks[0].expression",
											 &out, &err));
		assert_string_equal(err.code, VB_ERR_INVALID);
		assert_string_equal(err.path, "tables[0].checks[0].expression");
	}
}

/* ---- types and defaults ------------------------------------------------------ */

static void
test_types(void **state)
{
	vb_arena   *a = ARENA(state);

	assert_string_equal(type_of(a, "INT(11)"), "int");
	assert_string_equal(type_of(a, "integer"), "int");
	assert_string_equal(type_of(a, "bigint(20) unsigned"), "bigint unsigned");
	assert_string_equal(type_of(a, "int(5) unsigned zerofill"), "int(5) unsigned zerofill");
	assert_string_equal(type_of(a, "INT ZEROFILL"), "int(10) unsigned zerofill");
	assert_string_equal(type_of(a, "BOOLEAN"), "tinyint(1)");
	assert_string_equal(type_of(a, "tinyint(1)"), "tinyint(1)");
	assert_string_equal(type_of(a, "tinyint(4)"), "tinyint");
	assert_string_equal(type_of(a, "numeric"), "decimal(10,0)");
	assert_string_equal(type_of(a, "DEC(5)"), "decimal(5,0)");
	assert_string_equal(type_of(a, "double precision"), "double");
	assert_string_equal(type_of(a, "REAL"), "double");
	assert_string_equal(type_of(a, "float(30)"), "double");
	assert_string_equal(type_of(a, "float(20)"), "float");
	assert_string_equal(type_of(a, "character varying(10)"), "varchar(10)");
	assert_string_equal(type_of(a, "char"), "char(1)");
	assert_string_equal(type_of(a, "year(4)"), "year");
	assert_string_equal(type_of(a, "DATETIME(3)"), "datetime(3)");
	assert_string_equal(type_of(a, "time(0)"), "time");
	assert_string_equal(type_of(a, "text(100)"), "text");	/* 400 bytes of utf8mb4 */
	assert_string_equal(type_of(a, "blob(100)"), "tinyblob");
	assert_string_equal(type_of(a, "long varchar"), "mediumtext");
	assert_string_equal(type_of(a, "ENUM('reader', 'author ', 'x''y')"), "enum('reader','author','x''y')");
	assert_string_equal(type_of(a, "geomcollection"), "geometrycollection");
	assert_string_equal(type_of(a, "datetime /* mariadb-5.3 */"), "datetime");
}

static void
test_type_charset_parts(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_mysql_type t;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	assert_true(vb_mysql_canonical_type(a, "varchar(10) character set utf8 collate utf8_bin", 3, &t, &err));
	assert_string_equal(t.text, "varchar(10)");
	assert_string_equal(t.charset, "utf8mb3");
	assert_string_equal(t.collation, "utf8_bin");
	assert_true(vb_mysql_canonical_type(a, "national char(2)", 3, &t, &err));
	assert_string_equal(t.text, "char(2)");
	assert_string_equal(t.charset, "utf8mb3");
	assert_false(vb_mysql_canonical_type(a, "varchar", 4, &t, &err));
	assert_contains(err.message, "need a length");
	assert_false(vb_mysql_canonical_type(a, "int frobnicated", 4, &t, &err));
	assert_contains(err.message, "unexpected \"frobnicated\"");
	assert_false(vb_mysql_canonical_type(a, "varchar(10) unsigned", 4, &t, &err));
}

static void
test_defaults(void **state)
{
	vb_arena   *a = ARENA(state);

	/* MariaDB's quoted form, MySQL 8's bare form after quoting, a user's */
	assert_string_equal(default_of(a, "varchar(10)", "'it''s'"), "'it''s'");
	assert_string_equal(default_of(a, "varchar(10)", "'it\\'s'"), "'it''s'");
	assert_string_equal(default_of(a, "varchar(10)", "\"it's\""), "'it''s'");
	assert_string_equal(default_of(a, "varchar(10)", "'a\\\\b'"), "'a\\\\b'");
	assert_string_equal(default_of(a, "varchar(10)", "NULL"), "none");
	assert_string_equal(default_of(a, "varchar(10)", "'NULL'"), "'NULL'");
	assert_string_equal(default_of(a, "varchar(10)", "5"), "'5'");
	assert_string_equal(default_of(a, "int", "'5'"), "5");
	assert_string_equal(default_of(a, "int", "5.5"), "6");
	assert_string_equal(default_of(a, "tinyint(1)", "TRUE"), "1");
	assert_string_equal(default_of(a, "decimal(5,2)", "1.5"), "1.50");
	assert_string_equal(default_of(a, "decimal(5,2)", "-0.005"), "-0.01");
	assert_string_equal(default_of(a, "float(7,3)", "2"), "2.000");
	assert_string_equal(default_of(a, "double", "1e3"), "1000");
	assert_string_equal(default_of(a, "double", "1e20"), "1e20");
	assert_string_equal(default_of(a, "float", "0.1"), "0.1");
	assert_string_equal(default_of(a, "bit(4)", "b'0011'"), "b'11'");
	assert_string_equal(default_of(a, "bit(4)", "3"), "b'11'");
	assert_string_equal(default_of(a, "binary(4)", "'ab'"), "0x61620000");
	assert_string_equal(default_of(a, "varbinary(4)", "0x0102"), "0x0102");
	assert_string_equal(default_of(a, "enum('a','b')", "'B'"), "'b'");
	assert_string_equal(default_of(a, "set('a','b')", "'b,a'"), "'a,b'");
	assert_string_equal(default_of(a, "date", "'2024-2-9'"), "'2024-02-09'");
	assert_string_equal(default_of(a, "datetime(3)", "'2020-01-01'"), "'2020-01-01 00:00:00.000'");
	assert_string_equal(default_of(a, "time(2)", "'10:00'"), "'10:00:00.00'");
	assert_string_equal(default_of(a, "year", "1999"), "1999");
	/* CURRENT_TIMESTAMP in every spelling, at the column's precision */
	assert_string_equal(default_of(a, "datetime", "current_timestamp()"), "CURRENT_TIMESTAMP");
	assert_string_equal(default_of(a, "timestamp", "NOW()"), "CURRENT_TIMESTAMP");
	assert_string_equal(default_of(a, "datetime(3)", "CURRENT_TIMESTAMP"), "CURRENT_TIMESTAMP(3)");
	assert_string_equal(default_of(a, "datetime(3)", "current_timestamp(3)"), "CURRENT_TIMESTAMP(3)");
	assert_string_equal(default_of(a, "datetime(6)", "(now(6))"), "CURRENT_TIMESTAMP(6)");
	/* expressions: parenthesised, literals in parentheses are literals */
	assert_string_equal(default_of(a, "varchar(36)", "uuid()"), "(uuid())");
	assert_string_equal(default_of(a, "varchar(36)", "(UUID())"), "(uuid())");
	assert_string_equal(default_of(a, "int", "(1 + 2)"), "(1 + 2)");
	assert_string_equal(default_of(a, "text", "('hello')"), "'hello'");
	assert_string_equal(default_of(a, "text", "(_utf8mb4'hello')"), "'hello'");
	assert_string_equal(default_of(a, "varchar(9)", "(concat(_utf8mb4'a',_utf8mb4'b'))"),
						"(concat('a','b'))");
}

static void
test_on_update(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_mysql_type t;
	vb_error	err;
	char	   *out;

	memset(&err, 0, sizeof(err));
	assert_true(vb_mysql_canonical_type(a, "timestamp(3)", 4, &t, &err));
	assert_true(vb_mysql_canonical_on_update(a, "current_timestamp(3)", &t, &out, &err));
	assert_string_equal(out, "CURRENT_TIMESTAMP(3)");
	assert_true(vb_mysql_canonical_on_update(a, "now()", &t, &out, &err));
	assert_string_equal(out, "CURRENT_TIMESTAMP(3)");
	assert_false(vb_mysql_canonical_on_update(a, "'2020-01-01'", &t, &out, &err));
	assert_true(vb_mysql_canonical_type(a, "int", 4, &t, &err));
	assert_false(vb_mysql_canonical_on_update(a, "CURRENT_TIMESTAMP", &t, &out, &err));
	assert_contains(err.message, "DATETIME and TIMESTAMP");
}

static void
test_versions(void **state)
{
	vb_mysql_flavor f;
	int			v;

	(void) state;
	assert_true(vb_mysql_parse_version("10.11.19-MariaDB-0+deb12u1", &f, &v));
	assert_int_equal(f, VB_MYSQL_FLAVOR_MARIADB);
	assert_int_equal(v, 101119);
	assert_true(vb_mysql_parse_version("5.5.5-10.11.19-MariaDB-0+deb12u1", &f, &v));
	assert_int_equal(v, 101119);
	assert_true(vb_mysql_parse_version("8.0.36-log", &f, &v));
	assert_int_equal(f, VB_MYSQL_FLAVOR_MYSQL);
	assert_int_equal(v, 80036);
	assert_false(vb_mysql_parse_version("unknown", &f, &v));
}

/* ---- catalog rows -> schema ------------------------------------------------- */

/*
 * One schema, as each server reports it:
 *
 *   CREATE TABLE users (
 *     id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
 *     email VARCHAR(191) NOT NULL,
 *     name VARCHAR(50) DEFAULT 'it''s' COMMENT 'shown',
 *     active BOOLEAN NOT NULL DEFAULT TRUE,
 *     score DECIMAL(5,2) DEFAULT 1.5,
 *     token VARCHAR(36) DEFAULT (uuid()),
 *     label VARCHAR(20) DEFAULT (concat('a','b')),
 *     created DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
 *       ON UPDATE CURRENT_TIMESTAMP(3),
 *     legacy VARCHAR(10) CHARACTER SET utf8,
 *     bio TEXT DEFAULT ('none'),
 *     meta JSON,
 *     full VARCHAR(80) AS (concat(name, ' ', email)) VIRTUAL,
 *     secret INT INVISIBLE,
 *     UNIQUE KEY users_email_key (email),
 *     KEY users_name_idx (name(10)) INVISIBLE,   -- MariaDB: IGNORED
 *     CONSTRAINT users_score_check CHECK (score >= 0 AND name <> 'x')
 *   ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
 *   CREATE TABLE posts (
 *     id INT PRIMARY KEY, user_id INT,
 *     CONSTRAINT posts_user_fkey FOREIGN KEY (user_id) REFERENCES users (id)
 *   ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
 *
 * MariaDB rows: what this machine's MariaDB 10.11 printed. MySQL 8 rows:
 * from its manual (COLUMNS: int without display width, bare literal
 * defaults, DEFAULT_GENERATED with escaped quotes and _utf8mb4 introducers
 * on expressions, CURRENT_TIMESTAMP(3) upper case; CHECK_CLAUSE wrapped in
 * parentheses with introducers; STATISTICS.IS_VISIBLE; NO ACTION for an FK
 * without actions; the FK's own index named after it).
 */
#define COL(tab, nm, pos, type, nul, def, extra, cs, coll, gen) \
	{(char *) (tab), (char *) (nm), (pos), (char *) (type), NULL, (nul), (char *) (def), \
	 (char *) (extra), (char *) (cs), (char *) (coll), (char *) "", (char *) (gen)}

static const vb_mysql_column_row mariadb_columns[] = {
	COL("posts", "id", 1, "int(11)", false, NULL, "", NULL, NULL, NULL),
	COL("posts", "user_id", 2, "int(11)", true, "NULL", "", NULL, NULL, NULL),
	COL("users", "id", 1, "int(11)", false, NULL, "auto_increment", NULL, NULL, NULL),
	COL("users", "email", 2, "varchar(191)", false, NULL, "", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "name", 3, "varchar(50)", true, "'it''s'", "", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "active", 4, "tinyint(1)", false, "1", "", NULL, NULL, NULL),
	COL("users", "score", 5, "decimal(5,2)", true, "1.50", "", NULL, NULL, NULL),
	COL("users", "token", 6, "varchar(36)", true, "uuid()", "", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "label", 7, "varchar(20)", true, "concat('a','b')", "", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "created", 8, "datetime(3)", false, "current_timestamp(3)",
		"on update current_timestamp(3)", NULL, NULL, NULL),
	COL("users", "legacy", 9, "varchar(10)", true, "NULL", "", "utf8mb3", "utf8mb3_general_ci", NULL),
	COL("users", "bio", 10, "text", true, "'none'", "", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "meta", 11, "longtext", true, "NULL", "", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "full", 12, "varchar(80)", true, NULL, "VIRTUAL GENERATED", "utf8mb4", "utf8mb4_bin",
		"concat(`name`,' ',`email`)"),
	COL("users", "secret", 13, "int(11)", true, "NULL", "INVISIBLE", NULL, NULL, NULL),
};

static const vb_mysql_column_row mysql_columns[] = {
	COL("posts", "id", 1, "int", false, NULL, "", NULL, NULL, NULL),
	COL("posts", "user_id", 2, "int", true, NULL, "", NULL, NULL, NULL),
	COL("users", "id", 1, "int", false, NULL, "auto_increment", NULL, NULL, NULL),
	COL("users", "email", 2, "varchar(191)", false, NULL, "", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "name", 3, "varchar(50)", true, "it's", "", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "active", 4, "tinyint(1)", false, "1", "", NULL, NULL, NULL),
	COL("users", "score", 5, "decimal(5,2)", true, "1.50", "", NULL, NULL, NULL),
	COL("users", "token", 6, "varchar(36)", true, "uuid()", "DEFAULT_GENERATED", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "label", 7, "varchar(20)", true, "concat(_utf8mb4\\'a\\',_utf8mb4\\'b\\')",
		"DEFAULT_GENERATED", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "created", 8, "datetime(3)", false, "CURRENT_TIMESTAMP(3)",
		"DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)", NULL, NULL, NULL),
	COL("users", "legacy", 9, "varchar(10)", true, NULL, "", "utf8mb3", "utf8mb3_general_ci", NULL),
	COL("users", "bio", 10, "text", true, "_utf8mb4\\'none\\'", "DEFAULT_GENERATED", "utf8mb4", "utf8mb4_bin", NULL),
	COL("users", "meta", 11, "json", true, NULL, "", NULL, NULL, NULL),
	COL("users", "full", 12, "varchar(80)", true, NULL, "VIRTUAL GENERATED", "utf8mb4", "utf8mb4_bin",
		"concat(`name`,_utf8mb4\\' \\',`email`)"),
	COL("users", "secret", 13, "int", true, NULL, "INVISIBLE", NULL, NULL, NULL),
};

#define IDX(tab, nm, nonu, seq, col, sub, vis) \
	{(char *) (tab), (char *) (nm), (nonu), (seq), (char *) (col), NULL, (char *) "A", (sub), \
	 (char *) "BTREE", (char *) "", (vis)}

static const vb_mysql_index_row mariadb_indexes[] = {
	IDX("posts", "PRIMARY", false, 1, "id", 0, true),
	IDX("posts", "posts_user_fkey", true, 1, "user_id", 0, true),
	IDX("users", "PRIMARY", false, 1, "id", 0, true),
	IDX("users", "users_email_key", false, 1, "email", 0, true),
	IDX("users", "users_name_idx", true, 1, "name", 10, false),
};

static const vb_mysql_fk_row mariadb_fks[] = {
	{(char *) "posts", (char *) "posts_user_fkey", 1, (char *) "user_id", (char *) "app",
	 (char *) "users", (char *) "id", (char *) "RESTRICT", (char *) "RESTRICT"},
};

static const vb_mysql_fk_row mysql_fks[] = {
	{(char *) "posts", (char *) "posts_user_fkey", 1, (char *) "user_id", (char *) "app",
	 (char *) "users", (char *) "id", (char *) "NO ACTION", (char *) "NO ACTION"},
};

static const vb_mysql_check_row mariadb_checks[] = {
	{(char *) "users", (char *) "meta", (char *) "json_valid(`meta`)", (char *) "Column", true},
	{(char *) "users", (char *) "users_score_check", (char *) "`score` >= 0 and `name` <> 'x'",
	 (char *) "Table", true},
};

static const vb_mysql_check_row mysql_checks[] = {
	{(char *) "users", (char *) "users_score_check",
	 (char *) "((`score` >= 0) and (`name` <> _utf8mb4\\'x\\'))", NULL, true},
};

static const vb_mysql_table_row both_tables[] = {
	{(char *) "posts", (char *) "BASE TABLE", (char *) "InnoDB", (char *) "utf8mb4_bin", (char *) ""},
	{(char *) "users", (char *) "BASE TABLE", (char *) "InnoDB", (char *) "utf8mb4_bin", (char *) ""},
	{(char *) "_viborm_history", (char *) "BASE TABLE", (char *) "InnoDB", (char *) "utf8mb4_bin", (char *) ""},
};

static vb_mysql_charset charsets[] = {
	{(char *) "utf8mb4", (char *) "utf8mb4_general_ci", 4},
	{(char *) "utf8mb3", (char *) "utf8mb3_general_ci", 3},
	{(char *) "latin1", (char *) "latin1_swedish_ci", 1},
};

static void
fill(vb_arena *a, vb_list *l, const void *rows, size_t size, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
		vb_list_push(a, l, (char *) rows + i * size);
}

#define FILL(a, list, rows) fill((a), (list), (rows), sizeof((rows)[0]), sizeof(rows) / sizeof((rows)[0]))

static void
server(vb_arena *a, vb_mysql_catalog *cat, bool mariadb)
{
	size_t		i;

	memset(cat, 0, sizeof(*cat));
	cat->server.flavor = mariadb ? VB_MYSQL_FLAVOR_MARIADB : VB_MYSQL_FLAVOR_MYSQL;
	cat->server.version = mariadb ? 101119 : 80036;
	cat->server.database = "app";
	cat->server.charset = "utf8mb4";
	cat->server.collation = "utf8mb4_bin";
	cat->server.engine = "InnoDB";
	for (i = 0; i < sizeof(charsets) / sizeof(charsets[0]); i++)
		vb_list_push(a, &cat->server.charsets, &charsets[i]);
	FILL(a, &cat->tables, both_tables);
}

static char *
build(vb_arena *a, vb_mysql_catalog *cat)
{
	vb_schema  *s;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_mysql_build_schema(a, cat, &s, &err))
		fail_msg("build: %s", err.message);
	return vb_document_write(a, s);
}

static char *
mariadb_document(vb_arena *a)
{
	vb_mysql_catalog cat;

	server(a, &cat, true);
	FILL(a, &cat.columns, mariadb_columns);
	FILL(a, &cat.indexes, mariadb_indexes);
	FILL(a, &cat.foreign_keys, mariadb_fks);
	FILL(a, &cat.checks, mariadb_checks);
	return build(a, &cat);
}

static char *
mysql_document(vb_arena *a)
{
	vb_mysql_catalog cat;
	vb_mysql_index_row *ix;
	size_t		i;

	server(a, &cat, false);
	FILL(a, &cat.columns, mysql_columns);
	for (i = 0; i < sizeof(mariadb_indexes) / sizeof(mariadb_indexes[0]); i++)
	{
		/* the same STATISTICS rows: IS_VISIBLE = 'NO' as MariaDB's IGNORED */
		ix = vb_alloc(a, sizeof(*ix));
		*ix = mariadb_indexes[i];
		vb_list_push(a, &cat.indexes, ix);
	}
	FILL(a, &cat.foreign_keys, mysql_fks);
	FILL(a, &cat.checks, mysql_checks);
	return build(a, &cat);
}

static void
test_build_same_document(void **state)
{
	vb_arena   *a = ARENA(state);
	char	   *maria = mariadb_document(a);
	char	   *mysql = mysql_document(a);

	assert_string_equal(maria, mysql);
}

static void
test_build_document(void **state)
{
	vb_arena   *a = ARENA(state);
	char	   *doc = mariadb_document(a);

	/* tables by name, viborm's own left out, no schema on MySQL */
	assert_contains(doc, "{\"version\":1,\"dialect\":\"mysql\",\"tables\":[{\"name\":\"posts\"");
	assert_not_contains(doc, "_viborm_history");
	assert_not_contains(doc, "\"schema\"");
	assert_not_contains(doc, "\"enums\"");
	assert_contains(doc, "{\"name\":\"id\",\"type\":\"int\",\"nullable\":false,\"autoIncrement\":true}");
	assert_contains(doc, "{\"name\":\"name\",\"type\":\"varchar(50)\",\"nullable\":true,\"default\":\"'it''s'\"");
	assert_contains(doc, "{\"name\":\"active\",\"type\":\"tinyint(1)\",\"nullable\":false,\"default\":\"1\"}");
	assert_contains(doc, "\"default\":\"1.50\"");
	assert_contains(doc, "\"default\":\"(uuid())\"");
	assert_contains(doc, "\"default\":\"(concat('a','b'))\"");
	assert_contains(doc, "\"default\":\"CURRENT_TIMESTAMP(3)\",\"onUpdate\":\"CURRENT_TIMESTAMP(3)\"");
	assert_contains(doc, "{\"name\":\"legacy\",\"type\":\"varchar(10)\",\"nullable\":true,\"charset\":\"utf8mb3\"}");
	assert_contains(doc, "{\"name\":\"bio\",\"type\":\"text\",\"nullable\":true,\"default\":\"'none'\"}");
	/* MariaDB's JSON: the type, without its check and charset */
	assert_contains(doc, "{\"name\":\"meta\",\"type\":\"json\",\"nullable\":true}");
	assert_not_contains(doc, "json_valid");
	assert_contains(doc, "\"generated\":\"concat(`name`,' ',`email`)\",\"generatedStorage\":\"virtual\"");
	assert_contains(doc, "{\"name\":\"secret\",\"type\":\"int\",\"nullable\":true,\"invisible\":true}");
	assert_contains(doc, "\"primaryKey\":{\"name\":\"PRIMARY\",\"columns\":[\"id\"]}");
	assert_contains(doc, "\"uniqueConstraints\":[{\"name\":\"users_email_key\",\"columns\":[\"email\"]}]");
	assert_contains(doc, "{\"name\":\"users_name_idx\",\"columns\":[{\"column\":\"name\",\"length\":10}],"
					"\"unique\":false,\"type\":\"btree\",\"visible\":false}");
	/* the FK's own index is left out; RESTRICT is noAction */
	assert_contains(doc, "\"indexes\":[],\"foreignKeys\":[{\"name\":\"posts_user_fkey\",\"columns\":[\"user_id\"],"
					"\"referencedTable\":\"users\",\"referencedColumns\":[\"id\"],"
					"\"onDelete\":\"noAction\",\"onUpdate\":\"noAction\"}]");
	assert_contains(doc, "{\"name\":\"users_score_check\",\"expression\":\"`score` >= 0 and `name` <> 'x'\"}");
	assert_contains(doc, "\"engine\":\"InnoDB\",\"charset\":\"utf8mb4\",\"collation\":\"utf8mb4_bin\"");
}

static void
test_build_round_trip(void **state)
{
	vb_arena   *a = ARENA(state);
	char	   *doc = mariadb_document(a);
	vb_schema  *s;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	assert_true(vb_document_read(a, doc, &s, &err));
	assert_string_equal(vb_document_write(a, s), doc);
}

static void
test_build_mysql_only(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_mysql_catalog cat;
	vb_mysql_index_row *ix = vb_alloc(a, sizeof(*ix));
	vb_mysql_check_row ck = {(char *) "posts", (char *) "posts_chk_1",
	(char *) "(`id` > 0)", NULL, false};
	vb_mysql_column_row stamp = COL("posts", "stamp", 3, "timestamp(6)", true, "CURRENT_TIMESTAMP(6)",
									"DEFAULT_GENERATED on update CURRENT_TIMESTAMP(6) INVISIBLE", NULL, NULL, NULL);
	char	   *doc;

	server(a, &cat, false);
	vb_list_push(a, &cat.columns, (void *) &mysql_columns[0]);
	vb_list_push(a, &cat.columns, (void *) &mysql_columns[1]);
	/* MySQL 8's functional key part: COLUMN_NAME NULL, EXPRESSION escaped */
	ix->table = "posts";
	ix->name = "posts_expr";
	ix->non_unique = true;
	ix->seq = 1;
	ix->expression = "(`user_id` + 1)";
	ix->collation = "D";
	ix->index_type = "BTREE";
	ix->comment = "";
	ix->visible = true;
	vb_list_push(a, &cat.indexes, ix);
	vb_list_push(a, &cat.checks, &ck);
	/* several words in EXTRA */
	vb_list_push(a, &cat.columns, &stamp);
	doc = build(a, &cat);
	assert_contains(doc, "{\"name\":\"stamp\",\"type\":\"timestamp(6)\",\"nullable\":true,"
					"\"default\":\"CURRENT_TIMESTAMP(6)\",\"onUpdate\":\"CURRENT_TIMESTAMP(6)\","
					"\"invisible\":true}");
	assert_contains(doc, "{\"name\":\"posts_expr\",\"columns\":[{\"expression\":\"`user_id` + 1\",\"order\":\"desc\"}]");
	/* CHECK ... NOT ENFORCED */
	assert_contains(doc, "{\"name\":\"posts_chk_1\",\"expression\":\"`id` > 0\",\"enforced\":false}");
}

static void
test_build_errors(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_mysql_catalog cat;
	vb_mysql_column_row bad = COL("users", "id", 1, "int", false, NULL, "frobnicated", NULL, NULL, NULL);
	vb_schema  *s;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	server(a, &cat, true);
	vb_list_push(a, &cat.columns, &bad);
	assert_false(vb_mysql_build_schema(a, &cat, &s, &err));
	assert_contains(err.message, "cannot read users.id: unknown EXTRA \"frobnicated\"");

	server(a, &cat, true);
	cat.server.version = 100206;
	cat.server.version_text = "10.2.6-MariaDB";
	assert_false(vb_mysql_build_schema(a, &cat, &s, &err));
	assert_contains(err.message, "MariaDB 10.2.6-MariaDB is too old");
}

/* ---- a hand-written document, canonical ---------------------------------- */

static void
test_canonicalize_document(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_mysql_catalog cat;
	vb_schema  *doc;
	vb_error	err;
	const char *text =
		"{\"dialect\": \"mysql\", \"tables\": ["
		"{\"name\": \"users\", \"columns\": ["
		"{\"name\": \"id\", \"type\": \"INT(11)\", \"nullable\": false, \"autoIncrement\": true},"
		"{\"name\": \"email\", \"type\": \"VARCHAR(191)\", \"nullable\": false},"
		"{\"name\": \"name\", \"type\": \"varchar(50)\", \"default\": \"'it\\\\'s'\"},"
		"{\"name\": \"active\", \"type\": \"BOOLEAN\", \"nullable\": false, \"default\": true},"
		"{\"name\": \"score\", \"type\": \"decimal(5,2)\", \"default\": 1.5},"
		"{\"name\": \"token\", \"type\": \"varchar(36)\", \"default\": \"(UUID())\"},"
		"{\"name\": \"label\", \"type\": \"varchar(20)\", \"default\": \"(CONCAT('a', 'b'))\"},"
		"{\"name\": \"created\", \"type\": \"DATETIME(3)\", \"nullable\": false, "
		" \"default\": \"now(3)\", \"onUpdate\": \"CURRENT_TIMESTAMP\"},"
		"{\"name\": \"legacy\", \"type\": \"varchar(10) character set utf8\"},"
		"{\"name\": \"bio\", \"type\": \"TEXT\", \"default\": \"'none'\"},"
		"{\"name\": \"meta\", \"type\": \"JSON\"},"
		"{\"name\": \"full\", \"type\": \"varchar(80)\", \"generated\": \"CONCAT(name, ' ', email)\", \"generatedStorage\": \"virtual\"},"
		"{\"name\": \"secret\", \"type\": \"int\", \"invisible\": true}],"
		"\"primaryKey\": {\"columns\": [\"id\"]},"
		"\"indexes\": [{\"name\": \"users_email_key\", \"columns\": [\"email\"], \"unique\": true},"
		" {\"name\": \"users_name_idx\", \"columns\": [{\"column\": \"name\", \"length\": 10}], \"visible\": false}],"
		"\"checks\": [{\"name\": \"users_score_check\", \"expression\": \"score >= 0 AND name != 'x'\"}],"
		"\"collation\": \"utf8mb4_bin\"},"
		"{\"name\": \"posts\", \"columns\": [{\"name\": \"id\", \"type\": \"int\"}, {\"name\": \"user_id\", \"type\": \"int\"}],"
		"\"primaryKey\": {\"name\": \"posts_pkey\", \"columns\": [\"id\"]},"
		"\"indexes\": [{\"name\": \"posts_user_fkey\", \"columns\": [\"user_id\"]}],"
		"\"foreignKeys\": [{\"name\": \"posts_user_fkey\", \"columns\": [\"user_id\"], \"referencedTable\": \"users\","
		" \"referencedColumns\": [\"id\"], \"onDelete\": \"restrict\"}],"
		"\"engine\": \"innodb\", \"charset\": \"utf8mb4\", \"collation\": \"utf8mb4_bin\"}]}";

	memset(&err, 0, sizeof(err));
	server(a, &cat, true);
	if (!vb_document_read(a, text, &doc, &err) ||
		!vb_mysql_canonicalize(a, &cat.server, doc, &err))
		fail_msg("%s", err.message);
	assert_string_equal(vb_document_write(a, doc), mariadb_document(a));
}

static void
test_canonicalize_errors(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_mysql_catalog cat;
	vb_schema  *doc;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	server(a, &cat, true);
	assert_true(vb_document_read(a, "{\"tables\": [{\"name\": \"t\", \"columns\": ["
								 "{\"name\": \"a\", \"type\": \"int\", \"charset\": \"latin1\"}]}]}", &doc, &err));
	assert_false(vb_mysql_canonicalize(a, &cat.server, doc, &err));
	assert_string_equal(err.path, "tables[0].columns[0].charset");

	assert_true(vb_document_read(a, "{\"tables\": [{\"name\": \"t\", \"columns\": ["
								 "{\"name\": \"a\", \"type\": \"int\", \"onUpdate\": \"CURRENT_TIMESTAMP\"}]}]}",
								 &doc, &err));
	assert_false(vb_mysql_canonicalize(a, &cat.server, doc, &err));
	assert_string_equal(err.path, "tables[0].columns[0].onUpdate");

	assert_true(vb_document_read(a, "{\"tables\": [{\"name\": \"t\", \"columns\": ["
								 "{\"name\": \"a\", \"type\": \"int\"}],"
								 "\"checks\": [{\"expression\": \"a > 0); DROP TABLE t; -- \"}]}]}",
								 &doc, &err));
	assert_false(vb_mysql_canonicalize(a, &cat.server, doc, &err));
	assert_string_equal(err.path, "tables[0].checks[0].expression");
}

/* The reader: MySQL keys, and what they refuse. */
static void
test_reader_mysql_keys(void **state)
{
	vb_arena   *a = ARENA(state);
	vb_schema  *doc;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	assert_false(vb_document_read(a, "{\"tables\": [{\"name\": \"t\", \"columns\": ["
								  "{\"name\": \"a\", \"type\": \"int\", \"virtual\": true}]}]}", &doc, &err));
	assert_string_equal(err.path, "tables[0].columns[0].virtual");
	assert_false(vb_document_read(a, "{\"tables\": [{\"name\": \"t\", \"columns\": ["
								  "{\"name\": \"a\", \"type\": \"text\"}], \"indexes\": [{\"columns\": "
								  "[{\"column\": \"a\", \"length\": 0}]}]}]}", &doc, &err));
	assert_string_equal(err.path, "tables[0].indexes[0].columns[0].length");
	assert_false(vb_document_read(a, "{\"tables\": [{\"name\": \"t\", \"columns\": ["
								  "{\"name\": \"a\", \"type\": \"int\", \"generated\": \"1\", "
								  "\"onUpdate\": \"CURRENT_TIMESTAMP\"}]}]}", &doc, &err));
	assert_string_equal(err.path, "tables[0].columns[0].onUpdate");
	assert_true(vb_document_read(a, "{\"tables\": [{\"name\": \"t\", \"engine\": \"InnoDB\", "
								 "\"charset\": \"utf8mb4\", \"collation\": \"utf8mb4_bin\", \"columns\": ["
								 "{\"name\": \"a\", \"type\": \"int\", \"invisible\": true}], "
								 "\"checks\": [{\"expression\": \"a > 0\", \"enforced\": false}]}]}", &doc, &err));
	assert_true(((vb_column *) ((vb_table *) doc->tables.items[0])->columns.items[0])->invisible);
	assert_true(((vb_check *) ((vb_table *) doc->tables.items[0])->checks.items[0])->not_enforced);
}

int
run_mysql_tests(void)
{
	const struct CMUnitTest tests[] = {
		UNIT_TEST(test_lex_identifiers_and_strings),
		UNIT_TEST(test_lex_sql_modes),
		UNIT_TEST(test_lex_literals),
		UNIT_TEST(test_lex_comments),
		UNIT_TEST(test_lex_errors),
		UNIT_TEST(test_expr_servers_agree),
		UNIT_TEST(test_expr_precedence),
		UNIT_TEST(test_expr_synonyms),
		UNIT_TEST(test_expr_columns_spelling),
		UNIT_TEST(test_expr_hostile),
		UNIT_TEST(test_types),
		UNIT_TEST(test_type_charset_parts),
		UNIT_TEST(test_defaults),
		UNIT_TEST(test_on_update),
		UNIT_TEST(test_versions),
		UNIT_TEST(test_build_same_document),
		UNIT_TEST(test_build_document),
		UNIT_TEST(test_build_round_trip),
		UNIT_TEST(test_build_mysql_only),
		UNIT_TEST(test_build_errors),
		UNIT_TEST(test_canonicalize_document),
		UNIT_TEST(test_canonicalize_errors),
		UNIT_TEST(test_reader_mysql_keys),
	};

	return cmocka_run_group_tests_name("mysql", tests, NULL, NULL);
}
