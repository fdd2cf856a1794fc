#!/usr/bin/env bash
# Regenerates sample_workbooks/<method>/: blank forms from `metodmon template`,
# filled by scripts/fill_samples.py (openpyxl).
#   demo        - templates/demo.toml (scripts/demo.toml); two forms re-saved by
#                 LibreOffice (one as legacy .xls) so the samples come from
#                 several writers.
#   lk_roadmap, balakhta, krymsk - the shipped methods (scripts/samples/<method>.toml),
#                 filled from the definition by fill_samples.py --definition;
#                 balakhta also gets its teachers' questionnaire exports
#                 (scripts/survey_exports.py: Yandex and Google, XLSX and CSV).
#   krymsk_m7_network, krymsk_m6_mentoring - two of Krymsk's eight monitorings
#                 (templates/krymsk/), March and April 2025.
#   all         - every method above.
# Usage: scripts/make_samples.sh [demo|lk_roadmap|balakhta|krymsk|krymsk_m7_network|krymsk_m6_mentoring|all] [build-dir]
#        scripts/make_samples.sh [build-dir]      (demo, as before)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
methods=(lk_roadmap balakhta krymsk krymsk_m7_network krymsk_m6_mentoring)
method=demo
case "${1:-}" in
  demo|all|lk_roadmap|balakhta|krymsk|krymsk_m7_network|krymsk_m6_mentoring) method=$1; shift ;;
esac
build=${1:-$root/build}
bin=$build/src/cli/metodmon
[ -x "$bin" ] || { echo "build metodmon first (scripts/build.sh)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_demo() {
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
}

# $1: method name = scripts/samples/$1.toml (its `definition` names the
# method's TOML), sample_workbooks/$1/
make_method() {
  local m=$1
  local config=$root/scripts/samples/$m.toml
  local definition
  definition=$(sed -n 's/^definition = "\(.*\)"$/\1/p' "$config")
  "$bin" template --config "$config" --out "$work/$m/blank" -q
  /usr/bin/python3 "$root/scripts/fill_samples.py" --definition "$root/scripts/samples/$definition" \
    "$work/$m/blank" "$work/$m/filled"
  if [ "$m" = balakhta ]; then
    /usr/bin/python3 "$root/scripts/survey_exports.py" "$work/$m/filled" >/dev/null
  fi
  local dest=$root/sample_workbooks/$m
  rm -rf "$dest"
  mkdir -p "$dest"
  cp "$work/$m/filled/"* "$dest/"
  ls -1 "$dest"
}

case $method in
  demo) make_demo ;;
  all) make_demo; for m in "${methods[@]}"; do make_method "$m"; done ;;
  *) make_method "$method" ;;
esac
