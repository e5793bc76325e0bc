/*
 * mysql_introspect.c — the rows of a MySQL 8 / MariaDB 10.11 database's
 * information_schema, fetched with libmysqlclient for the connection's
 * current database.
 *
 * One query per information_schema table for the whole database (tables,
 * columns, index parts, foreign key columns, checks, views, triggers), each
 * filtered on TABLE_SCHEMA = DATABASE() so that MariaDB scans one database
 * directory only. Result columns are read by position (MySQL 8 upper-cases
 * their names). The two servers differ in three queries: STATISTICS
 * (MySQL 8's EXPRESSION and IS_VISIBLE, MariaDB's IGNORED), CHECK_CONSTRAINTS
 * (MariaDB has TABLE_NAME and LEVEL, MySQL 8 needs TABLE_CONSTRAINTS for the
 * table and has ENFORCED there) and VIEWS (MySQL 8 has no ALGORITHM).
 */
#include <stdlib.h>
#include <string.h>

#include "mysql_introspect.h"
#include "dynlib.h"

typedef struct fetcher
{
	MYSQL	   *conn;
	vb_arena   *arena;
	vb_error   *err;
	vb_mysql_catalog *cat;
} fetcher;

typedef void (*row_fn) (fetcher *f, MYSQL_ROW row, const unsigned long *lengths);

static bool
server_fail(MYSQL *conn, vb_arena *arena, vb_error *err, const char *what)
{
	vb_fail(err, arena, VB_ERR_INVALID, NULL, "%s failed: %s", what, mysql_error(conn));
	memcpy(err->code, mysql_sqlstate(conn), 5);
	err->code[5] = '\0';
	err->detail = vb_printf(arena, "MySQL error %u.", mysql_errno(conn));
	return false;
}

/* A column of a row: NULL for SQL NULL, else a copy (values may hold NUL
 * bytes only where it does not matter: names never do). */
static char *
col(fetcher *f, MYSQL_ROW row, const unsigned long *lengths, int i)
{
	if (row[i] == NULL)
		return NULL;
	return vb_strndup(f->arena, row[i], lengths[i]);
}

static int
col_int(MYSQL_ROW row, int i)
{
	return row[i] ? atoi(row[i]) : 0;
}

static bool
col_bool(MYSQL_ROW row, int i)
{
	return row[i] != NULL && strcmp(row[i], "1") == 0;
}

static bool
run(fetcher *f, const char *what, const char *sql, unsigned columns, row_fn fn)
{
	MYSQL_RES  *res;
	MYSQL_ROW	row;

	if (mysql_real_query(f->conn, sql, (unsigned long) strlen(sql)) != 0)
		return server_fail(f->conn, f->arena, f->err, what);
	res = mysql_store_result(f->conn);
	if (res == NULL)
		return server_fail(f->conn, f->arena, f->err, what);
	if (mysql_num_fields(res) != columns)
	{
		mysql_free_result(res);
		return vb_fail(f->err, f->arena, VB_ERR_INVALID, NULL,
					   "%s returned %u columns, not %u", what, mysql_num_fields(res), columns);
	}
	while ((row = mysql_fetch_row(res)) != NULL)
		fn(f, row, mysql_fetch_lengths(res));
	mysql_free_result(res);
	return true;
}

bool
vb_mysql_pin_session(MYSQL *conn, vb_arena *arena, vb_error *err)
{
	static const char *const settings =
		"SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION', "
		"time_zone = '+00:00', sql_quote_show_create = 1";

	if (mysql_set_character_set(conn, "utf8mb4") != 0)
		return server_fail(conn, arena, err, "SET NAMES utf8mb4");
	if (mysql_real_query(conn, settings, (unsigned long) strlen(settings)) != 0)
		return server_fail(conn, arena, err, "pinning the session settings");
	return true;
}

/* ---- rows ---------------------------------------------------------------- */

static void
server_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_mysql_server *s = &f->cat->server;

	s->version_text = col(f, row, lengths, 0);
	s->database = col(f, row, lengths, 1);
	s->charset = col(f, row, lengths, 2);
	s->collation = col(f, row, lengths, 3);
	s->engine = col(f, row, lengths, 4);
}

static void
charset_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_mysql_charset *cs = vb_alloc(f->arena, sizeof(vb_mysql_charset));

	cs->name = col(f, row, lengths, 0);
	cs->default_collation = col(f, row, lengths, 1);
	cs->maxlen = col_int(row, 2);
	vb_list_push(f->arena, &f->cat->server.charsets, cs);
}

static void
table_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_mysql_table_row *t = vb_alloc(f->arena, sizeof(vb_mysql_table_row));

	t->name = col(f, row, lengths, 0);
	t->type = col(f, row, lengths, 1);
	t->engine = col(f, row, lengths, 2);
	t->collation = col(f, row, lengths, 3);
	t->comment = col(f, row, lengths, 4);
	vb_list_push(f->arena, &f->cat->tables, t);
}

static void
column_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_mysql_column_row *c = vb_alloc(f->arena, sizeof(vb_mysql_column_row));

	c->table = col(f, row, lengths, 0);
	c->name = col(f, row, lengths, 1);
	c->position = col_int(row, 2);
	c->column_type = col(f, row, lengths, 3);
	c->data_type = col(f, row, lengths, 4);
	c->nullable = row[5] && strcmp(row[5], "YES") == 0;
	c->column_default = col(f, row, lengths, 6);
	c->extra = col(f, row, lengths, 7);
	c->charset = col(f, row, lengths, 8);
	c->collation = col(f, row, lengths, 9);
	c->comment = col(f, row, lengths, 10);
	c->generation_expression = col(f, row, lengths, 11);
	vb_list_push(f->arena, &f->cat->columns, c);
}

static void
index_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_mysql_index_row *x = vb_alloc(f->arena, sizeof(vb_mysql_index_row));

	x->table = col(f, row, lengths, 0);
	x->name = col(f, row, lengths, 1);
	x->non_unique = col_bool(row, 2);
	x->seq = col_int(row, 3);
	x->column = col(f, row, lengths, 4);
	x->expression = col(f, row, lengths, 5);
	x->collation = col(f, row, lengths, 6);
	x->sub_part = col_int(row, 7);
	x->index_type = col(f, row, lengths, 8);
	x->comment = col(f, row, lengths, 9);
	x->visible = col_bool(row, 10);
	vb_list_push(f->arena, &f->cat->indexes, x);
}

static void
fk_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_mysql_fk_row *k = vb_alloc(f->arena, sizeof(vb_mysql_fk_row));

	k->table = col(f, row, lengths, 0);
	k->name = col(f, row, lengths, 1);
	k->position = col_int(row, 2);
	k->column = col(f, row, lengths, 3);
	k->ref_schema = col(f, row, lengths, 4);
	k->ref_table = col(f, row, lengths, 5);
	k->ref_column = col(f, row, lengths, 6);
	k->update_rule = col(f, row, lengths, 7);
	k->delete_rule = col(f, row, lengths, 8);
	vb_list_push(f->arena, &f->cat->foreign_keys, k);
}

static void
check_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_mysql_check_row *c = vb_alloc(f->arena, sizeof(vb_mysql_check_row));

	c->table = col(f, row, lengths, 0);
	c->name = col(f, row, lengths, 1);
	c->clause = col(f, row, lengths, 2);
	c->level = col(f, row, lengths, 3);
	c->enforced = row[4] == NULL || strcmp(row[4], "NO") != 0;
	vb_list_push(f->arena, &f->cat->checks, c);
}

static void
view_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_mysql_view_row *v = vb_alloc(f->arena, sizeof(vb_mysql_view_row));

	v->name = col(f, row, lengths, 0);
	v->definition = col(f, row, lengths, 1);
	v->check_option = col(f, row, lengths, 2);
	v->definer = col(f, row, lengths, 3);
	v->security = col(f, row, lengths, 4);
	v->algorithm = col(f, row, lengths, 5);
	vb_list_push(f->arena, &f->cat->views, v);
}

static void
trigger_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_mysql_trigger_row *t = vb_alloc(f->arena, sizeof(vb_mysql_trigger_row));

	t->name = col(f, row, lengths, 0);
	t->table = col(f, row, lengths, 1);
	t->timing = col(f, row, lengths, 2);
	t->event = col(f, row, lengths, 3);
	t->statement = col(f, row, lengths, 4);
	t->definer = col(f, row, lengths, 5);
	vb_list_push(f->arena, &f->cat->triggers, t);
}

/* ---- queries ---------------------------------------------------------------- */

static bool
read_server(fetcher *f)
{
	vb_mysql_server *s = &f->cat->server;

	if (!run(f, "reading the server's version",
			 "SELECT VERSION(), DATABASE(), @@character_set_database, @@collation_database, "
			 "@@default_storage_engine", 5, server_row))
		return false;
	if (s->database == NULL)
		return vb_fail(f->err, f->arena, VB_ERR_INVALID, NULL,
					   "no database is selected: the URL must name one");
	if (!vb_mysql_parse_version(s->version_text, &s->flavor, &s->version))
		return vb_fail(f->err, f->arena, VB_ERR_INVALID, NULL,
					   "cannot read the server's version \"%s\"", s->version_text);
	return run(f, "reading the character sets",
			   "SELECT CHARACTER_SET_NAME, DEFAULT_COLLATE_NAME, MAXLEN "
			   "FROM information_schema.CHARACTER_SETS ORDER BY CHARACTER_SET_NAME",
			   3, charset_row);
}

static const char *const q_tables =
"SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, TABLE_COMMENT "
"FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";

static const char *const q_columns =
"SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, "
"COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT, GENERATION_EXPRESSION "
"FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
"ORDER BY TABLE_NAME, ORDINAL_POSITION";

static const char *const q_indexes_mariadb =
"SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, NULL, COLLATION, "
"SUB_PART, INDEX_TYPE, INDEX_COMMENT, IGNORED = 'NO' "
"FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
"ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";

static const char *const q_indexes_mysql =
"SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, EXPRESSION, COLLATION, "
"SUB_PART, INDEX_TYPE, INDEX_COMMENT, IS_VISIBLE = 'YES' "
"FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
"ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";

static const char *const q_foreign_keys =
"SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION, k.COLUMN_NAME, "
"k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, "
"r.UPDATE_RULE, r.DELETE_RULE "
"FROM information_schema.KEY_COLUMN_USAGE k "
"JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
"ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
"AND r.TABLE_NAME = k.TABLE_NAME "
"WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL "
"ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

/* MariaDB: CHECK_CONSTRAINTS has the table and the level (names are unique
 * per table only). */
static const char *const q_checks_mariadb =
"SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL, 'YES' "
"FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() "
"ORDER BY TABLE_NAME, CONSTRAINT_NAME";

/* MySQL 8: check names are unique per schema; the table and ENFORCED are
 * in TABLE_CONSTRAINTS. */
static const char *const q_checks_mysql =
"SELECT t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE, NULL, t.ENFORCED "
"FROM information_schema.CHECK_CONSTRAINTS c "
"JOIN information_schema.TABLE_CONSTRAINTS t "
"ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME "
"AND t.CONSTRAINT_TYPE = 'CHECK' "
"WHERE c.CONSTRAINT_SCHEMA = DATABASE() ORDER BY t.TABLE_NAME, c.CONSTRAINT_NAME";

static const char *const q_views_mariadb =
"SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, DEFINER, SECURITY_TYPE, ALGORITHM "
"FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";

static const char *const q_views_mysql =
"SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, DEFINER, SECURITY_TYPE, NULL "
"FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";

static const char *const q_triggers =
"SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT, "
"DEFINER FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() "
"ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER";

bool
vb_mysql_read_server(MYSQL *conn, vb_arena *arena, vb_mysql_server *out, vb_error *err)
{
	vb_mysql_catalog cat;
	fetcher		f = {conn, arena, err, &cat};

	memset(&cat, 0, sizeof(cat));
	if (!read_server(&f))
		return false;
	*out = cat.server;
	return true;
}

static void
collation_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_list_push(f->arena, &f->cat->server.collations, col(f, row, lengths, 0));
}

static void
engine_row(fetcher *f, MYSQL_ROW row, const unsigned long *lengths)
{
	vb_list_push(f->arena, &f->cat->server.engines, col(f, row, lengths, 0));
}

/* MariaDB lists a collation's full name (utf8mb4_uca1400_ai_ci) in
 * COLLATION_CHARACTER_SET_APPLICABILITY; MySQL 8 in COLLATIONS. */
bool
vb_mysql_read_server_names(MYSQL *conn, vb_arena *arena, vb_mysql_server *server, vb_error *err)
{
	vb_mysql_catalog cat;
	fetcher		f = {conn, arena, err, &cat};

	memset(&cat, 0, sizeof(cat));
	if (!run(&f, "reading the collations", server->flavor == VB_MYSQL_FLAVOR_MARIADB ?
			 "SELECT FULL_COLLATION_NAME FROM information_schema.COLLATION_CHARACTER_SET_APPLICABILITY" :
			 "SELECT COLLATION_NAME FROM information_schema.COLLATIONS", 1, collation_row) ||
		!run(&f, "reading the storage engines",
			 "SELECT ENGINE FROM information_schema.ENGINES WHERE SUPPORT IN ('YES', 'DEFAULT')",
			 1, engine_row))
		return false;
	server->collations = cat.server.collations;
	server->engines = cat.server.engines;
	return true;
}

bool
vb_mysql_read_catalog(MYSQL *conn, vb_arena *arena, vb_mysql_catalog *out, vb_error *err)
{
	fetcher		f = {conn, arena, err, out};
	bool		mariadb;

	memset(out, 0, sizeof(*out));
	if (!vb_mysql_pin_session(conn, arena, err) || !read_server(&f))
		return false;
	mariadb = out->server.flavor == VB_MYSQL_FLAVOR_MARIADB;
	return run(&f, "reading the tables", q_tables, 5, table_row) &&
		run(&f, "reading the columns", q_columns, 12, column_row) &&
		run(&f, "reading the indexes", mariadb ? q_indexes_mariadb : q_indexes_mysql, 11, index_row) &&
		run(&f, "reading the foreign keys", q_foreign_keys, 9, fk_row) &&
		run(&f, "reading the checks", mariadb ? q_checks_mariadb : q_checks_mysql, 5, check_row) &&
		run(&f, "reading the views", mariadb ? q_views_mariadb : q_views_mysql, 6, view_row) &&
		run(&f, "reading the triggers", q_triggers, 6, trigger_row);
}

bool
vb_mysql_introspect(MYSQL *conn, vb_arena *arena, vb_schema **out, vb_error *err)
{
	vb_mysql_catalog cat;

	return vb_mysql_read_catalog(conn, arena, &cat, err) &&
		vb_mysql_build_schema(arena, &cat, out, err);
}
