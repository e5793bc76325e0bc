/*
 * cli_unit.h — unit tests of the viborm command's parts that need no
 * database: the option parser, URLs and password masking, the options
 * object built from flags, and the JSON printer (cmocka). One binary,
 * test/cli/unit/run_cli_unit; main.c runs one group per file.
 */
#ifndef CLI_UNIT_H
#define CLI_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <cmocka.h>

#include "vb.h"

int			run_options_tests(void);
int			run_url_tests(void);
int			run_request_tests(void);
int			run_output_tests(void);

/* Each test gets a fresh heap arena as its state. */
int			cli_unit_setup(void **state);
int			cli_unit_teardown(void **state);

#define CLI_TEST(f) cmocka_unit_test_setup_teardown(f, cli_unit_setup, cli_unit_teardown)

#endif							/* CLI_UNIT_H */
