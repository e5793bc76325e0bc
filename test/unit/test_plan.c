#include "unit.h"
int run_plan_tests(void) { return 0; }
