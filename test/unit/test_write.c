#include "unit.h"
int run_write_tests(void) { return 0; }
