#!/usr/bin/env bash
# Run inside a throw-away root (throwaway_root.sh) by PackageTest: an
# administrator's first hour with the package, from `apt install` to
# `apt purge`. Prints one "key=value" line per fact; each step's output is
# kept in WORK/<step>.log for the test to show.
# Usage: install_scenario.sh DEB
set -uo pipefail
deb=$1
work=$(dirname "$deb")

# shellcheck source=scenario_steps.sh
. "$work/scenario_steps.sh"
exists() { if [ -e "$1" ]; then echo present; else echo gone; fi; }

step install apt-get install -y --no-install-recommends "$deb"
fact installed_version "$(dpkg-query -W -f='${Version}' metodmon 2>/dev/null)"
fact program "$(command -v metodmon)"
fact version "$(metodmon --version 2>&1)"
fact user "$(getent passwd metodmon | cut -d: -f6,7)"
fact user_uid "$(id -u metodmon 2>/dev/null)"
fact group "$(getent group metodmon | cut -d: -f1)"
for folder in /var/lib/metodmon /var/lib/metodmon/inbox /var/lib/metodmon/out /var/lib/metodmon/state /etc/metodmon; do
  fact "folder $folder" "$(stat -c '%U:%G %a' "$folder" 2>&1)"
done
fact "conffile /etc/metodmon/metodmon.toml" "$(stat -c '%U:%G %a' /etc/metodmon/metodmon.toml 2>&1)"
fact enabled_timers "$(find /etc/systemd/system -name 'metodmon*' 2>/dev/null | wc -l)"
fact man_program "$(man -w metodmon 2>&1)"
fact man_configuration "$(man -w metodmon.toml 2>&1)"
step verify systemd-analyze verify /lib/systemd/system/metodmon.service /lib/systemd/system/metodmon.timer \
  /lib/systemd/system/metodmon-daily.service /lib/systemd/system/metodmon-daily.timer

# The demo through the installed files, as the system user (its folders are its own).
step demo runuser -u metodmon -- metodmon run -c /usr/share/metodmon/demo/metodmon.toml \
  --output /var/lib/metodmon/demo --state /var/lib/metodmon/demo/state
fact demo_results "$(cd /var/lib/metodmon/demo/2026-11 2>/dev/null && ls Итоги_*.xlsx)"
fact demo_directors "$(ls /var/lib/metodmon/demo/2026-11/directors 2>/dev/null | wc -l)"

# The services' own command lines, as their user, with the example
# configuration (there is no systemd here to start them).
for unit in metodmon metodmon-daily; do
  command=$(sed -n 's/^ExecStart=//p' "/lib/systemd/system/$unit.service")
  fact "exec $unit" "$command"
  # shellcheck disable=SC2086  # the unit's command line, split as systemd splits it
  step "service $unit" runuser -u metodmon -- $command
done
fact history "$(exists /var/lib/metodmon/state/history.sqlite)"

# The example configuration checked as the services' user: what is missing.
step "check example" runuser -u metodmon -- metodmon check -c /etc/metodmon/metodmon.toml
# A deployment of its own from a shipped method (found in /usr/share/metodmon),
# over the example, then filled and checked again.
step init metodmon init /etc/metodmon --data /var/lib/metodmon --municipality "Энский муниципальный округ" \
  --method krymsk --force
fact "init method" "$(sed -n 's/^municipality = //p' /etc/metodmon/krymsk.toml)"
fact "init definition" "$(sed -n 's/^definition = //p' /etc/metodmon/metodmon.toml)"
cp /usr/share/metodmon/templates/krymsk_schools.csv /etc/metodmon/schools.csv
step "check filled" runuser -u metodmon -- env METODMON_FORM_PASSWORD=x metodmon check -c /etc/metodmon/metodmon.toml

step remove apt-get remove -y metodmon
fact "removed program" "$(exists /usr/bin/metodmon)"
fact "removed units" "$(exists /lib/systemd/system/metodmon.service)"
fact "removed configuration" "$(exists /etc/metodmon/metodmon.toml)"
fact "removed history" "$(exists /var/lib/metodmon/state/history.sqlite)"
fact "removed demo results" "$(cd /var/lib/metodmon/demo/2026-11 2>/dev/null && ls Итоги_*.xlsx)"
fact "removed user" "$(getent passwd metodmon | cut -d: -f1)"
fact "removed status" "$(dpkg-query -W -f='${db:Status-Abbrev}' metodmon 2>/dev/null)"

step purge apt-get purge -y metodmon
fact "purged configuration" "$(exists /etc/metodmon/metodmon.toml)"
fact "purged history" "$(exists /var/lib/metodmon/state/history.sqlite)"
fact "purged status" "$(dpkg-query -W -f='${db:Status-Abbrev}' metodmon 2>/dev/null)"
exit 0
