#!/usr/bin/env bash
# Fuzzes the .xlsx reader core with libFuzzer (clang 14, ASan + UBSan).
# Usage: scripts/fuzz.sh [seconds]   (default 60)
#
# Seeds: packages written by the reader's tests (stored, not deflated, so
# mutations reach the XML; needs the GCC build dir build-reader) plus the
# small .xlsx files of ../shared/corpus/wild when present. New crashes are
# written to build-reader-fuzz/crashes/; copy each one into
# tests/data/ingest/fuzz_regressions/ once fixed.
#
# A longer run before a release, on both cores:
#   scripts/fuzz.sh 3600    # or: build-reader-fuzz/xlsx_reader_fuzz -jobs=2 -workers=2 ...
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz_build="$root/build-reader-fuzz"
gcc_build="${METODMON_GCC_BUILD:-$root/build-reader}"
work="$fuzz_build/fuzz-work"

CC=clang CXX=clang++ cmake -S "$root" -B "$fuzz_build" -DMETODMON_FUZZ=ON \
  -DMETODMON_BUILD_TESTS=OFF -DWARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$fuzz_build" --target xlsx_reader_fuzz -j"$(nproc)"

mkdir -p "$work/corpus" "$work/seeds" "$fuzz_build/crashes"
if [ -d "$gcc_build" ]; then
  cmake --build "$gcc_build" --target ingest_tests -j"$(nproc)" >/dev/null
  METODMON_FUZZ_SEED_DIR="$work/seeds" "$gcc_build/tests/ingest_tests" \
    --gtest_filter='XlsxReaderFuzzTest.WritesSeedCorpus' >/dev/null
fi
wild="$root/../shared/corpus/wild"
if [ -d "$wild" ]; then
  find "$wild" -maxdepth 1 -name '*.xls[xm]' -size -64k -exec cp {} "$work/seeds/" \;
fi
if [ -d "$root/tests/data/ingest/fuzz_regressions" ]; then
  cp "$root"/tests/data/ingest/fuzz_regressions/* "$work/seeds/" 2>/dev/null || true
fi

export ASAN_OPTIONS="allocator_may_return_null=1:detect_leaks=1:${ASAN_OPTIONS:-}"
"$fuzz_build/xlsx_reader_fuzz" "$work/corpus" "$work/seeds" \
  -max_total_time="$seconds" -max_len=262144 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$fuzz_build/crashes/" -print_final_stats=1
