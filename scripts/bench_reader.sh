#!/usr/bin/env bash
# Reader benchmark: metodmon's .xlsx reader against openpyxl (read-only mode,
# the independent reader our tests already use) on the same generated sheets,
# in one run, reported as ratios of wall time and peak memory.
# Usage: scripts/bench_reader.sh [build-dir] [rows...]   (default rows: 10000 50000)
# Not a test: figures depend on the machine; run it by hand and compare ratios.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 50000)
bin=$build/src/cli/metodmon
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # prints "seconds max_rss_kb"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  tail -1 "$work/time"
}

printf "%-8s %-10s %10s %10s %12s %12s %8s %8s\n" rows cells "ours s" "openpyxl s" "ours MB" "openpyxl MB" "t ratio" "mem ratio"
for rows in "${sizes[@]}"; do
  file=$work/sheet_$rows.xlsx
  /usr/bin/python3 - "$file" "$rows" <<'PY'
import sys, openpyxl
path, rows = sys.argv[1], int(sys.argv[2])
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Данные")
for r in range(rows):
    ws.append([r, r * 0.5, "школа %d" % (r % 300), "Да" if r % 2 else "Нет"] + [r % 97 + c for c in range(16)])
wb.save(path)
PY
  read -r ours_s ours_kb < <(measure "$bin" check --config "$root/scripts/demo.toml" \
      --state "$work/state" "$file")
  read -r peer_s peer_kb < <(measure /usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += sum(1 for v in row if v is not None)
print(n)' "$file")
  awk -v r="$rows" -v os="$ours_s" -v ok="$ours_kb" -v ps="$peer_s" -v pk="$peer_kb" 'BEGIN {
    printf "%-8d %-10d %10.2f %10.2f %12.1f %12.1f %8.2f %8.2f\n", r, r*20, os, ps, ok/1024, pk/1024,
      (ps > 0 ? os/ps : 0), (pk > 0 ? ok/pk : 0) }'
done
