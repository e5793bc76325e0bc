/*
 * main.c — runs every group of the CLI's unit tests; the exit status is
 * the number of failed tests (capped), 0 when all pass.
 */
#include "cli_unit.h"

int
cli_unit_setup(void **state)
{
	*state = vb_heap_arena_new();
	return *state ? 0 : -1;
}

int
cli_unit_teardown(void **state)
{
	vb_arena_free(*state);
	return 0;
}

int
main(void)
{
	int			failed = 0;

	failed += run_options_tests();
	failed += run_url_tests();
	failed += run_request_tests();
	failed += run_output_tests();
	return failed > 100 ? 100 : failed;
}
