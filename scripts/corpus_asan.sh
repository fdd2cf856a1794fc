#!/usr/bin/env bash
# Builds the reader's tests with AddressSanitizer + UBSan and runs them,
# the wild-corpus test included (it skips itself when ../shared/corpus/wild
# is absent). Usage: scripts/corpus_asan.sh [build-dir]
# Default build dir: build-reader-asan beside this script's project.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-reader-asan}"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMETODMON_SANITIZE=ON \
  -DWARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$build" --target ingest_tests -j"$(nproc)"

# halt_on_error: the first finding fails the run; UBSan is already fatal
# (-fno-sanitize-recover). Leak checking stays on; FreeXL's own leaks are
# suppressed by __lsan_default_suppressions() in tests/ingest/corpus_test.cpp.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:allocator_may_return_null=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
"$build/tests/ingest_tests" --gtest_brief=1
