#!/usr/bin/env bash
# The MySQL reading side's integration tests: builds test/mysql/introspect_test
# and runs it against the private MariaDB server that test/run started
# (VIBORM_TEST_MYSQL_SOCKET / VIBORM_TEST_MYSQL_PORT). Its last line is
# "N passed, N failed". Arguments go to the test program (--only=NAME,
# --update to rewrite the expected documents).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
if ! make -s test/mysql/introspect_test; then
	echo "0 passed, 1 failed"
	exit 1
fi
exec test/mysql/introspect_test "$@"
