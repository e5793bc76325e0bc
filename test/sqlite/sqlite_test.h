/*
 * sqlite_test.h - shared declarations of the tests that read real SQLite
 * databases (the C files of test/sqlite, run by test/sqlite/run_sqlite).
 *
 * Each test gets a fresh heap arena (SQLITE_TEST) and an in-memory
 * database built from DDL text; DATA_DIR is where the DDL files and the
 * expected documents are (test/sqlite, or the run's first argument).
 */
#ifndef VB_SQLITE_TEST_H
#define VB_SQLITE_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "vb.h"

extern const char *sqlite_test_data_dir;

int run_introspect_tests(void);
int run_semantics_tests(void);

int sqlite_test_setup(void **state);
int sqlite_test_teardown(void **state);

#define SQLITE_TEST(fn) cmocka_unit_test_setup_teardown(fn, sqlite_test_setup, sqlite_test_teardown)
#define ARENA(state) ((vb_arena *)*(state))

/* A new in-memory database with `ddl` run on it (which must succeed). */
sqlite3 *db_with(const char *ddl);

/* Introspect, which must succeed. */
vb_schema *introspect_ok(vb_arena *a, sqlite3 *db);

/* Text built at random from a fixed seed (xorshift), so runs repeat. */
typedef struct text_gen {
	unsigned long long state;
	vb_buf buf;
} text_gen;

/* A number below n. */
unsigned text_gen_pick(text_gen *g, unsigned n);

/* The whole content of a file, or NULL. */
char *read_file(vb_arena *a, const char *path);

#endif /* VB_SQLITE_TEST_H */
