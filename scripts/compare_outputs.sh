#!/usr/bin/env bash
# Do two builds of metodmon write the same files? Runs each binary over every
# sample configuration (scripts/demo.toml, scripts/samples/*.toml: `run`,
# `template`, and for the Krymsk system each monitoring's forms) and over the
# 1,000-form benchmark (scripts/bench_forms.py), with the clock fixed by
# SOURCE_DATE_EPOCH and mail only written (--dry-run), then compares every
# workbook (.xlsx) and document (.docx) byte for byte. Blank forms from
# `template` are compared part by part, unpacked: `template` stamps the zip
# entries, the creation time (docProps/core.xml, left out) and the moment of
# issue printed on the form (a "YYYY-MM-DD HH:MM", masked) with the clock, so
# two runs of one binary differ there alone. Letters (.eml) are compared too, with their
# Date and Message-ID lines and the (random) MIME boundaries set aside.
#
# Usage: scripts/compare_outputs.sh BIN_BEFORE BIN_AFTER [forms]
#   forms   schools in the benchmark set (default 1000; 0 skips it)
# Exit 0 when everything is identical; 1 with the differing files listed.
# A refactoring that must not change behaviour runs this with the binary of
# the commit before it and the binary after.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { sed -n 2,13p "$0"; exit 64; }
before=$(realpath "$1")
after=$(realpath "$2")
forms=${3:-1000}
work=$(mktemp -d /tmp/metodmon-compare.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1764570000   # 2025-12-01 06:20 UTC
export TZ=Europe/Moscow

# The demo once more with mail on (only written: --dry-run), for the letters.
mailcfg=$work/demo_mail.toml
sed -e "s#\"\.\./#\"$root/#" "$root/scripts/demo.toml" >"$mailcfg"
cat >>"$mailcfg" <<'EOT'

[mail]
enabled = true
host = "127.0.0.1"
port = 2525
security = "none"
from = "imc@ensk.example.ru"
from_name = "МКУ «ИМЦ» Энского округа"
methodist = "metodist@ensk.example.ru"
send_errors_to_schools = true
EOT

bench=$work/bench
if [ "$forms" -gt 0 ]; then
  /usr/bin/python3 "$root/scripts/bench_forms.py" --method demo --schools "$forms" --out "$bench" \
    --bin "$before" >/dev/null
fi

# Runs binary $1 with every configuration; outputs under $2.
outputs_of() {
  local bin=$1 dest=$2 cfg name code
  mkdir -p "$dest"
  for cfg in "$root/scripts/demo.toml" "$root"/scripts/samples/*.toml "$mailcfg"; do
    name=$(basename "$cfg" .toml)
    if grep -q '^\[\[monitoring\]\]' "$cfg"; then
      # A calendar of several monitorings: each monitoring's blank forms.
      for id in $(sed -n 's/^id = "\([^"]*\)".*/\1/p' "$cfg"); do
        "$bin" template -q -c "$cfg" --monitoring "$id" --period 2025 --out "$dest/$name/$id/forms" \
          --state "$dest/$name/state" >"$dest/$name.$id.log" 2>&1 || true
      done
      continue
    fi
    set +e
    "$bin" run -q --dry-run -c "$cfg" --output "$dest/$name/out" --state "$dest/$name/state" \
      >"$dest/$name.log" 2>&1
    code=$?
    "$bin" template -q -c "$cfg" --out "$dest/$name/forms" --state "$dest/$name/state" \
      >>"$dest/$name.log" 2>&1
    set -e
    echo "$name: run exit $code" >>"$dest/exits.txt"
  done
  if [ -d "$bench" ]; then
    set +e
    "$bin" run -q --dry-run -c "$bench/metodmon.toml" --output "$dest/bench/out" --state "$dest/bench/state" \
      >"$dest/bench.log" 2>&1
    echo "bench: run exit $?" >>"$dest/exits.txt"
    set -e
  fi
}

# "sha256  relative/path" of every workbook, document and letter under $1.
manifest() {
  (cd "$1" && find . -type f \( -name '*.xlsx' -o -name '*.docx' -o -name '*.xls' \) -not -path '*/forms/*' -print0 |
    sort -z | xargs -0 -r sha256sum
   find . -type f -path '*/forms/*' -name '*.xlsx' -print0 | sort -z | xargs -0 -r /usr/bin/python3 -c '
import hashlib, re, sys, zipfile
for f in sys.argv[1:]:
    h = hashlib.sha256()
    with zipfile.ZipFile(f) as z:
        for i in z.infolist():
            if i.filename == "docProps/core.xml":
                continue
            text = re.sub(rb"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", b"(issued)", z.read(i))
            h.update(i.filename.encode() + b"\0" + text)
    print(h.hexdigest() + "  " + f)'
   find . -type f -name '*.eml' -print0 | sort -z | while IFS= read -r -d '' f; do
     printf '%s  %s\n' "$(grep -av -e '^Date: ' -e '^Message-ID: ' "$f" | sed 's/=_metodmon_[0-9a-f]*/=_metodmon_/g' |
       sha256sum | cut -c1-64)" "$f"
   done)
}

outputs_of "$before" "$work/before"
outputs_of "$after" "$work/after"
manifest "$work/before" >"$work/before.txt"
manifest "$work/after" >"$work/after.txt"
files=$(wc -l <"$work/before.txt")
status=0
if ! diff -u "$work/before/exits.txt" "$work/after/exits.txt"; then
  echo "exit codes differ"
  status=1
fi
if diff -u "$work/before.txt" "$work/after.txt" >"$work/diff.txt"; then
  echo "identical: $files files ($(grep -c '\.xlsx$' "$work/before.txt") workbooks, $(grep -c '\.docx$' "$work/before.txt") documents, $(grep -c '\.eml$' "$work/before.txt") letters)"
else
  echo "DIFFERENT (of $files files):"
  grep '^[-+][0-9a-f]' "$work/diff.txt" | sed 's/^\(.\)[0-9a-f]*  /\1 /'
  status=1
fi
[ "$files" -gt 0 ] || { echo "no outputs at all: check the logs"; status=1; }
exit $status
