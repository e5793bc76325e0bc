#!/usr/bin/env bash
# Runs the libFuzzer target test/fuzz/fuzz_document for SECONDS (default 60)
# over the seed corpus test/fuzz/corpus (left unchanged: new inputs go to a
# temporary directory, kept only with VB_FUZZ_KEEP=1) with the dictionary
# test/fuzz/document.dict. A crash, a sanitizer report or a broken property
# stops it: the input is saved in test/fuzz/artifacts/ and the exit status is
# not zero; turn it into a unit test (test/unit/test_fuzz_found.c) once fixed.
#
#   test/fuzz/run.sh [SECONDS]      (make fuzz, make fuzz-long; default
#                                   VB_FUZZ_SECONDS, else 60)
#
# The last line is "N passed, N failed" (one run), as test/run counts it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seconds=${1:-${VB_FUZZ_SECONDS:-60}}
binary=$here/fuzz_document
if [ ! -x "$binary" ]; then
	echo "fuzz: $binary is not built (make fuzz builds it)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/vb-fuzz.XXXXXX")
cleanup() {
	if [ "${VB_FUZZ_KEEP:-0}" = 1 ]; then
		echo "fuzz: inputs found kept in $work"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
mkdir -p "$here/artifacts"

rc=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
	"$binary" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
	-print_final_stats=1 -dict="$here/document.dict" -artifact_prefix="$here/artifacts/" \
	"$work" "$here/corpus" 2>&1 | tail -n 40 || rc=$?
if [ "$rc" -ne 0 ]; then
	echo "fuzz: the target failed (status $rc); the input is in $here/artifacts/"
	echo "0 passed, 1 failed"
	exit 1
fi
echo "fuzz: no crash in ${seconds}s"
echo "1 passed, 0 failed"
