/*
 * main.c - runs the tests that read real SQLite databases: the
 * introspection of DDL files against their expected documents, and the
 * canonical forms held against what SQLite itself computes.
 *
 * Usage: run_sqlite [DATA_DIR] (default test/sqlite). The exit status is
 * the number of failed tests (capped), 0 when all pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite_test.h"

const char *sqlite_test_data_dir = "test/sqlite";

int sqlite_test_setup(void **state)
{
	*state = vb_heap_arena_new();
	return *state ? 0 : -1;
}

int sqlite_test_teardown(void **state)
{
	vb_arena_free(*state);
	return 0;
}

sqlite3 *db_with(const char *ddl)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		fail_msg("sqlite3_open: %s", sqlite3_errmsg(db));
	if (sqlite3_exec(db, ddl, NULL, NULL, &msg) != SQLITE_OK) {
		print_error("DDL failed: %s\n", msg);
		sqlite3_free(msg);
		sqlite3_close(db);
		fail_msg("the test's DDL does not run");
	}
	return db;
}

unsigned text_gen_pick(text_gen *g, unsigned n)
{
	g->state ^= g->state << 13;
	g->state ^= g->state >> 7;
	g->state ^= g->state << 17;
	return (unsigned)(g->state % n);
}

char *read_file(vb_arena *a, const char *path)
{
	FILE *f = fopen(path, "rb");
	vb_buf buf;
	char chunk[4096];
	size_t n;

	if (!f)
		return NULL;
	vb_buf_init(&buf, a);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		vb_buf_appendn(&buf, chunk, n);
	fclose(f);
	return buf.data;
}

int main(int argc, char **argv)
{
	int failed = 0;

	if (argc > 1)
		sqlite_test_data_dir = argv[1];
	failed += run_introspect_tests();
	failed += run_semantics_tests();
	return failed > 100 ? 100 : failed;
}
