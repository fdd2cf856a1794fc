#!/usr/bin/env bash
# Run inside a throw-away root (throwaway_root.sh) by ReadmeTest: the
# commands of the README's quick start, typed by a newcomer. They run line
# by line in one bash session as an ordinary user "admin" who may use sudo
# (real sudo), from WORK, which holds the .deb and what the README says the
# reader brings (their registry, schools.csv). Prints "line N=<exit code>"
# per command (its output in WORK/line<N>.log), then facts about the result.
# Usage: readme_scenario.sh LINES   (one command a line, as in the README)
set -uo pipefail
lines=$1
work=$(dirname "$lines")

useradd --create-home --shell /bin/bash admin
echo 'admin ALL=(ALL:ALL) NOPASSWD: ALL' >/etc/sudoers.d/admin
chmod 0440 /etc/sudoers.d/admin
chmod 0755 "$work"
chown -R admin: "$work"  # a temporary folder of the test: the user works in it

cat >"$work/.session.sh" <<'EOF'
# One shell for all the lines: a `cd` or an `export` carries on, as in a terminal.
work=$1
cd "$work" || exit 1
n=0
while IFS= read -r -u 9 line; do
  n=$((n + 1))
  eval "$line" </dev/null >"$work/line$n.log" 2>&1
  echo "line $n=$?"
done 9<"$work/.lines"
EOF
cp "$lines" "$work/.lines"
runuser -u admin -- env HOME=/home/admin USER=admin LOGNAME=admin bash "$work/.session.sh" "$work"

printf 'timers=%s\n' "$(systemctl is-enabled metodmon.timer metodmon-daily.timer 2>/dev/null | tr '\n' ' ')"
exit 0
