#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every
# test: the GoogleTest suite (ctest), then the reader under ASan/UBSan over the
# corpus of real workbooks, then a short fuzzing smoke run of the .xlsx reader.
# METODMON_FUZZ_SECONDS (default 60) sets the fuzzing time; 0 skips it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" --test
build=$root/build-test
"$root/scripts/build.sh" "$build" -DWARNINGS_AS_ERRORS=ON
log=$(mktemp)
trap 'rm -f "$log"' EXIT
(cd "$build" && ctest --output-on-failure -j2 --timeout 600) | tee "$log"
passed=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2 \1/p' "$log" | tail -1)
"$root/scripts/corpus_asan.sh" "$root/build-asan" | tee -a "$log"
asan=$(sed -n 's/.*PASSED.* \([0-9]*\) tests\?\..*/\1/p' "$log" | tail -1)
seconds=${METODMON_FUZZ_SECONDS:-60}
if [ "$seconds" -gt 0 ] && command -v clang++ >/dev/null; then
  METODMON_GCC_BUILD=$build "$root/scripts/fuzz.sh" "$seconds"
fi
read -r total failed <<<"$passed"
echo "ctest: $((total - failed)) passed, $failed failed; reader under ASan/UBSan: ${asan:-0} passed"
echo "$((total - failed + ${asan:-0})) passed, $failed failed"
