#!/usr/bin/env bash
# Regenerates sample_workbooks/: blank forms from `metodmon template`, filled
# by scripts/fill_samples.py (openpyxl), two of them re-saved by LibreOffice
# (one as legacy .xls) so the samples come from several writers.
# Usage: scripts/make_samples.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bin=$build/src/cli/metodmon
[ -x "$bin" ] || { echo "build metodmon first (scripts/build.sh)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" template --config "$root/scripts/demo.toml" --out "$work/blank" -q
/usr/bin/python3 "$root/scripts/fill_samples.py" "$work/blank" "$work/filled"
# Other writers: LibreOffice re-saves two schools' forms, one as .xls.
profile="file://$work/lo-profile"
mkdir -p "$work/lo"
soffice -env:UserInstallation="$profile" --headless --convert-to xlsx --outdir "$work/lo" \
  "$work/filled/sch03_2026-11.xlsx" >/dev/null 2>&1
soffice -env:UserInstallation="$profile" --headless --convert-to xls --outdir "$work/lo" \
  "$work/filled/sch11_2026-11.xlsx" >/dev/null 2>&1
cp "$work/lo/sch03_2026-11.xlsx" "$work/filled/sch03_2026-11.xlsx"
rm "$work/filled/sch11_2026-11.xlsx"
cp "$work/lo/sch11_2026-11.xls" "$work/filled/sch11_2026-11.xls"
dest=$root/sample_workbooks/demo
rm -rf "$dest"
mkdir -p "$dest"
cp "$work/filled/"* "$dest/"
ls -1 "$dest"
