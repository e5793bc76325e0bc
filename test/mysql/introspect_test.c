/*
 * introspect_test.c — integration tests of MySQL/MariaDB introspection
 * against a real server (test/mariadb-server; test/mysql/run.sh runs it).
 *
 * For every test/mysql/introspect/NAME.sql: a fresh database, the DDL of
 * the file run in it, then
 *   NAME             the introspected document equals NAME.json;
 *   NAME/roundtrip   the document read back (vb_document_read) and written
 *                    again is byte-identical;
 *   NAME/unmanaged   NAME.unmanaged, when there is one, lists what is
 *                    reported as unmanaged: a line "kind object table
 *                    definition" each, "-" for no table;
 *   NAME/canonical   NAME.doc.json, when there is one (the same schema
 *                    written by hand, in other spellings), read and brought
 *                    to canonical form (vb_mysql_canonicalize) with this
 *                    server's facts, is written as the introspected one.
 * Prints a line per test and "N passed, N failed" last. With --update it
 * (re)writes each NAME.json from the server instead (review the diff!).
 *
 * Connection: VIBORM_TEST_MYSQL_SOCKET, else 127.0.0.1 and
 * VIBORM_TEST_MYSQL_PORT (default 54410), user root without a password.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "mysql_introspect.h"

#define TEST_DB "vb_introspect_test"

static int	passed;
static int	failed;

static void
report(bool ok, const char *name, const char *why)
{
	if (ok)
	{
		passed++;
		printf("ok - %s\n", name);
	}
	else
	{
		failed++;
		printf("not ok - %s%s%s\n", name, why ? ": " : "", why ? why : "");
	}
}

static char *
read_file(const char *path)
{
	FILE	   *f = fopen(path, "rb");
	long		n;
	char	   *s;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = malloc((size_t) n + 1);
	if (s == NULL || fread(s, 1, (size_t) n, f) != (size_t) n)
	{
		fclose(f);
		free(s);
		return NULL;
	}
	s[n] = '\0';
	fclose(f);
	return s;
}

static bool
exec_all(MYSQL *conn, const char *sql, char *why, size_t whylen)
{
	int			status;

	if (mysql_real_query(conn, sql, (unsigned long) strlen(sql)) != 0)
	{
		snprintf(why, whylen, "%s", mysql_error(conn));
		return false;
	}
	do
	{
		MYSQL_RES  *res = mysql_store_result(conn);

		if (res)
			mysql_free_result(res);
		else if (mysql_field_count(conn) != 0)
		{
			snprintf(why, whylen, "%s", mysql_error(conn));
			return false;
		}
		status = mysql_next_result(conn);
		if (status > 0)
		{
			snprintf(why, whylen, "%s", mysql_error(conn));
			return false;
		}
	} while (status == 0);
	return true;
}

static MYSQL *
connect_server(void)
{
	MYSQL	   *conn = mysql_init(NULL);
	const char *sock = getenv("VIBORM_TEST_MYSQL_SOCKET");
	const char *port = getenv("VIBORM_TEST_MYSQL_PORT");

	if (conn == NULL)
		return NULL;
	if (!mysql_real_connect(conn, sock && *sock ? NULL : "127.0.0.1", "root", NULL, NULL,
							port && *port ? (unsigned) atoi(port) : 54410,
							sock && *sock ? sock : NULL, CLIENT_MULTI_STATEMENTS))
	{
		fprintf(stderr, "introspect_test: cannot connect: %s\n", mysql_error(conn));
		mysql_close(conn);
		return NULL;
	}
	return conn;
}

/* JSON text in one form (cJSON's unformatted print), or NULL. */
static char *
normal_json(const char *text)
{
	cJSON	   *j = cJSON_Parse(text);
	char	   *s;

	if (j == NULL)
		return NULL;
	s = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	return s;
}

static char *
pretty_json(const char *text)
{
	cJSON	   *j = cJSON_Parse(text);
	char	   *s;

	if (j == NULL)
		return NULL;
	s = cJSON_Print(j);
	cJSON_Delete(j);
	return s;
}

static void
show_difference(const char *expected, const char *actual)
{
	char	   *e = pretty_json(expected);
	char	   *a = pretty_json(actual);
	FILE	   *f;

	printf("# expected:\n%s\n# actual:\n%s\n", e ? e : expected, a ? a : actual);
	f = fopen("/tmp/vb-introspect-actual.json", "w");
	if (f)
	{
		fputs(a ? a : actual, f);
		fclose(f);
	}
	cJSON_free(e);
	cJSON_free(a);
}

static void
run_case(MYSQL *conn, const char *dir, const char *name, bool update)
{
	char		path[1024];
	char		why[1024];
	char	   *sql;
	char	   *expected;
	char	   *doc_text;
	char	   *norm;
	vb_arena   *arena = vb_heap_arena_new();
	vb_schema  *schema;
	vb_schema  *again;
	vb_mysql_server server;
	vb_error	err;
	char	   *json;
	char	   *json2;

	memset(&err, 0, sizeof(err));
	snprintf(path, sizeof(path), "%s/%s.sql", dir, name);
	sql = read_file(path);
	if (sql == NULL)
	{
		report(false, name, "cannot read the .sql file");
		vb_arena_free(arena);
		return;
	}
	if (!exec_all(conn, "DROP DATABASE IF EXISTS " TEST_DB "; DROP DATABASE IF EXISTS "
				  TEST_DB "_other; CREATE DATABASE " TEST_DB
				  " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci; USE " TEST_DB, why, sizeof(why)) ||
		!exec_all(conn, sql, why, sizeof(why)))
	{
		report(false, name, why);
		free(sql);
		vb_arena_free(arena);
		return;
	}
	free(sql);
	if (!vb_mysql_introspect(conn, arena, &schema, &err))
	{
		report(false, name, err.message);
		vb_arena_free(arena);
		return;
	}
	json = vb_document_write(arena, schema);
	snprintf(path, sizeof(path), "%s/%s.json", dir, name);
	if (update)
	{
		FILE	   *f = fopen(path, "w");
		char	   *p = pretty_json(json);

		if (f)
		{
			fprintf(f, "%s\n", p);
			fclose(f);
		}
		cJSON_free(p);
		printf("# wrote %s\n", path);
	}
	expected = read_file(path);
	norm = expected ? normal_json(expected) : NULL;
	if (norm == NULL)
		report(false, name, "cannot read the expected .json file");
	else if (strcmp(norm, json) != 0)
	{
		report(false, name, "the document differs from the expected one");
		show_difference(norm, json);
	}
	else
		report(true, name, NULL);
	free(expected);
	cJSON_free(norm);

	/* read back and write again: byte-identical */
	snprintf(path, sizeof(path), "%s/roundtrip", name);
	if (!vb_document_read(arena, json, &again, &err))
		report(false, path, err.message);
	else
	{
		json2 = vb_document_write(arena, again);
		report(strcmp(json, json2) == 0, path, "written again, the document differs");
		if (strcmp(json, json2) != 0)
			show_difference(json, json2);
	}

	/* what is not managed */
	snprintf(path, sizeof(path), "%s/%s.unmanaged", dir, name);
	expected = read_file(path);
	if (expected)
	{
		vb_buf		b;
		int			i;

		vb_buf_init(&b, arena);
		for (i = 0; i < schema->unmanaged.count; i++)
		{
			const vb_unmanaged *u = schema->unmanaged.items[i];

			vb_buf_appendf(&b, "%s %s %s %s\n", u->kind, u->object, u->table ? u->table : "-",
						   u->definition ? u->definition : "-");
		}
		snprintf(path, sizeof(path), "%s/unmanaged", name);
		report(strcmp(b.data, expected) == 0, path, "the unmanaged objects differ");
		if (strcmp(b.data, expected) != 0)
			printf("# expected:\n%s# actual:\n%s", expected, b.data);
		free(expected);
	}

	/* the hand-written document, canonical */
	snprintf(path, sizeof(path), "%s/%s.doc.json", dir, name);
	doc_text = read_file(path);
	if (doc_text)
	{
		snprintf(path, sizeof(path), "%s/canonical", name);
		if (!vb_mysql_read_server(conn, arena, &server, &err) ||
			!vb_document_read(arena, doc_text, &again, &err) ||
			!vb_mysql_canonicalize(arena, &server, again, &err))
			report(false, path, vb_printf(arena, "%s%s%s", err.path ? err.path : "",
										  err.path ? ": " : "", err.message));
		else
		{
			again->dialect = "mysql";
			json2 = vb_document_write(arena, again);
			report(strcmp(json, json2) == 0, path,
				   "the hand-written document, canonical, differs from the introspected one");
			if (strcmp(json, json2) != 0)
				show_difference(json, json2);
		}
		free(doc_text);
	}
	vb_arena_free(arena);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

int
main(int argc, char **argv)
{
	const char *dir = "test/mysql/introspect";
	bool		update = false;
	const char *only = NULL;
	DIR		   *d;
	struct dirent *e;
	char	   *names[512];
	int			n = 0;
	int			i;
	MYSQL	   *conn;
	char		why[512];

	for (i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--update") == 0)
			update = true;
		else if (strncmp(argv[i], "--only=", 7) == 0)
			only = argv[i] + 7;
		else
			dir = argv[i];
	}
	d = opendir(dir);
	if (d == NULL)
	{
		fprintf(stderr, "introspect_test: cannot open %s\n", dir);
		printf("0 passed, 1 failed\n");
		return 1;
	}
	while ((e = readdir(d)) != NULL && n < 512)
	{
		size_t		len = strlen(e->d_name);

		if (len > 4 && strcmp(e->d_name + len - 4, ".sql") == 0)
			names[n++] = strndup(e->d_name, len - 4);
	}
	closedir(d);
	qsort(names, (size_t) n, sizeof(char *), cmp_names);
	conn = connect_server();
	if (conn == NULL)
	{
		printf("0 passed, 1 failed\n");
		return 1;
	}
	for (i = 0; i < n; i++)
	{
		if (only == NULL || strcmp(only, names[i]) == 0)
			run_case(conn, dir, names[i], update);
		free(names[i]);
	}
	exec_all(conn, "DROP DATABASE IF EXISTS " TEST_DB "; DROP DATABASE IF EXISTS " TEST_DB "_other",
			 why, sizeof(why));
	mysql_close(conn);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
