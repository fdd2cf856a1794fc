#!/usr/bin/env bash
# Questionnaire export benchmark: `metodmon check` on one large export of
# Balakhta's teachers' questionnaire (scripts/survey_exports.py: Google's CSV,
# Yandex's XLSX), wall time and peak RSS per size. The reader streams the
# file; what grows with the answers is the duplicate check (one record and a
# hashed answer id or e-mail per respondent).
# Usage: scripts/bench_survey.sh [build-dir] [rows...]   (default rows: 1000 10000 100000)
# Not a test: figures depend on the machine; run it by hand (docs/benchmarks.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
bin=$build/src/cli/metodmon
[ -x "$bin" ] || { echo "build metodmon first (scripts/build.sh)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # prints "seconds max_rss_kb"; the check must answer 0 (every answer counted)
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  tail -1 "$work/time"
}

printf "%-8s %-6s %10s %10s %10s\n" answers format "file MB" "wall s" "peak MB"
for rows in "${sizes[@]}"; do
  for format in csv xlsx; do
    file=$work/answers_$rows.$format
    /usr/bin/python3 "$root/scripts/survey_exports.py" --rows "$rows" --format "$format" "$file"
    read -r secs kb < <(measure "$bin" check --config "$root/scripts/samples/balakhta.toml" \
        --state "$work/state" "$file")
    awk -v r="$rows" -v f="$format" -v b="$(stat -c %s "$file")" -v s="$secs" -v k="$kb" 'BEGIN {
      printf "%-8d %-6s %10.1f %10.2f %10.1f\n", r, f, b/1048576, s, k/1024 }'
  done
done
