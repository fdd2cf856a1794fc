#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every
# test: the GoogleTest suite (ctest), then the reader under ASan/UBSan over the
# corpus, then a short fuzzing smoke run when clang is present.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" --test
build=$root/build-test
"$root/scripts/build.sh" "$build" -DWARNINGS_AS_ERRORS=ON
(cd "$build" && ctest --output-on-failure -j2 --timeout 600)
if [ -x "$root/scripts/corpus_asan.sh" ]; then
  "$root/scripts/corpus_asan.sh" "$root/build-asan"
fi
if [ -x "$root/scripts/fuzz.sh" ] && command -v clang++ >/dev/null; then
  "$root/scripts/fuzz.sh" "${METODMON_FUZZ_SECONDS:-60}"
fi
