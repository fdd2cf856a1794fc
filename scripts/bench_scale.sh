#!/usr/bin/env bash
# Scale benchmark: `metodmon run` against a pandas + openpyxl peer
# (scripts/bench_peer.py) on the same generated forms (scripts/bench_forms.py),
# in one run. For each size: several repetitions of each (fresh output and
# state every time), wall time, CPU time (user + system) and peak RSS from
# /usr/bin/time; min / median / max when repeated. The two must agree on the
# figures (scripts/bench_compare.py: accepted forms, every school's value,
# municipal values, medians, ranks) or no ratio is printed (exit 1).
#
# Usage: scripts/bench_scale.sh [-b build-dir] [-m method] [-r reps] [-p peer-max] [sizes...]
#   sizes     numbers of schools (default: 100 1000 10000)
#   -m        demo (default), lk_roadmap, balakhta, krymsk
#   -r        repetitions of each program (default 3)
#   -p        run the peer only up to this many schools (default 1000: at
#             10,000 it takes a quarter of an hour)
#   BENCH_WORK  where the generated forms are kept between runs (default
#             /tmp/metodmon-bench); a size is generated once per method and seed.
# Not a test: figures depend on the machine and its load; run it by hand.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
method=demo
reps=3
peer_max=1000
while getopts "b:m:r:p:" opt; do
  case $opt in
    b) build=$OPTARG ;;
    m) method=$OPTARG ;;
    r) reps=$OPTARG ;;
    p) peer_max=$OPTARG ;;
    *) sed -n 2,20p "$0"; exit 64 ;;
  esac
done
shift $((OPTIND - 1))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
bin=$build/src/cli/metodmon
[ -x "$bin" ] || { echo "build metodmon first (scripts/build.sh)"; exit 1; }
work=${BENCH_WORK:-/tmp/metodmon-bench}
mkdir -p "$work"
# A repetition's outputs are moved aside, not deleted, before the next one,
# and all of them are deleted when the script ends. Deleting thousands of files
# just before a run makes ext4 slow to create new ones for the next half
# minute (it skips recently freed inodes: recently_deleted() in the kernel's
# profile), which doubled the archive's time and added a second of system time
# at 1,000 forms. A monthly run never follows such a deletion.
trash=$work/trash.$$
trap 'rm -rf "$trash"' EXIT
set_aside() {
  local p
  for p in "$@"; do
    if [ -e "$p" ]; then
      mkdir -p "$trash"
      mv "$p" "$(mktemp -d "$trash/XXXXXX")/"
    fi
  done
}

# Runs "$@" under /usr/bin/time; appends "wall cpu rss_kb" to file $1.
measure() {
  local into=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >"$work/last.log" 2>&1 || {
    local code=$?
    # metodmon exits 2 when some forms were rejected: that is a normal run.
    if [ $code -ne 2 ]; then cat "$work/last.log"; echo "failed ($code): $*"; exit 1; fi
  }
  awk 'END { printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time.txt" >>"$into"
}

# "min/median/max" (or one value) of column $2 of file $1, scaled by $3.
spread() {
  sort -g -k"$2,$2" "$1" | awk -v c="$2" -v s="${3:-1}" '{ v[NR] = $c * s } END {
    if (NR == 1) { printf "%.2f", v[1]; exit }
    printf "%.2f/%.2f/%.2f", v[1], v[int((NR + 1) / 2)], v[NR] }'
}
median() {
  sort -g -k"$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "metodmon: $bin ($(git -C "$root" rev-parse --short HEAD)); method $method; $reps repetitions (min/median/max)"
printf "%-13s | %-18s %-18s %-18s %-8s | %-18s %-18s %-18s | %s\n" "schools (files)" "metodmon wall s" "CPU s" "RSS MB" "ms/form" \
  "peer wall s" "peer CPU s" "RSS MB" "ratio peer/metodmon: wall, CPU"
status=0
for n in "${sizes[@]}"; do
  dir=$work/$method-$n
  if [ ! -f "$dir/forms.json" ]; then
    rm -rf "$dir"
    /usr/bin/python3 "$root/scripts/bench_forms.py" --method "$method" --schools "$n" --out "$dir" \
      --bin "$bin" >/dev/null
  fi
  forms=$(find "$dir/inbox" -type f | wc -l)
  ours=$work/ours-$n.txt peer=$work/peer-$n.txt
  : >"$ours"
  : >"$peer"
  for ((i = 0; i < reps; i++)); do
    set_aside "$dir/out" "$dir/state"
    measure "$ours" "$bin" run -q --config "$dir/metodmon.toml"
  done
  line=$(printf "%-13s | %-18s %-18s %-18s %-8s" "$n ($forms)" "$(spread "$ours" 1)" "$(spread "$ours" 2)" \
    "$(spread "$ours" 3 0.0009765625)" "$(awk -v w="$(median "$ours" 1)" -v n="$forms" 'BEGIN { printf "%.2f", 1000 * w / n }')")  # per file read
  if [ "$n" -gt "$peer_max" ]; then
    echo "$line | (peer not run above $peer_max schools)"
    continue
  fi
  for ((i = 0; i < reps; i++)); do
    set_aside "$dir/peer"
    measure "$peer" /usr/bin/python3 "$root/scripts/bench_peer.py" "$dir" "$dir/peer"
  done
  if agreement=$(/usr/bin/python3 "$root/scripts/bench_compare.py" "$dir" "$dir/peer/numbers.json"); then
    ratio=$(awk -v p="$(median "$peer" 1)" -v o="$(median "$ours" 1)" -v pc="$(median "$peer" 2)" \
      -v oc="$(median "$ours" 2)" 'BEGIN { printf "%.1f×, %.1f×", p / o, pc / oc }')
  else
    ratio="NO RATIO: the figures disagree"
    status=1
  fi
  printf "%s | %-18s %-18s %-18s | %s\n" "$line" "$(spread "$peer" 1)" "$(spread "$peer" 2)" \
    "$(spread "$peer" 3 0.0009765625)" "$ratio"
  echo "        $agreement"
done
exit $status
