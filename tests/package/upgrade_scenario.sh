#!/usr/bin/env bash
# Run inside a throw-away root (throwaway_root.sh) by PackageTest: an upgrade
# after the administrator edited the configuration and the service wrote data.
# Prints one "key=value" line per fact.
# Usage: upgrade_scenario.sh OLD_DEB NEW_DEB
set -uo pipefail
old=$1 new=$2
work=$(dirname "$old")

# shellcheck source=scenario_steps.sh
. "$work/scenario_steps.sh"

step install apt-get install -y --no-install-recommends "$old"
fact uid_before "$(id -u metodmon)"
echo '# правка администратора' >>/etc/metodmon/metodmon.toml
runuser -u metodmon -- sh -c 'echo история >/var/lib/metodmon/state/marker'

step upgrade apt-get install -y --no-install-recommends "$new"
fact version "$(dpkg-query -W -f='${Version}' metodmon)"
fact uid_after "$(id -u metodmon)"
fact edited_configuration "$(tail -1 /etc/metodmon/metodmon.toml)"
fact untouched_registry "$(tail -1 /etc/metodmon/schools.csv)"
fact data "$(cat /var/lib/metodmon/state/marker 2>&1)"
fact leftovers "$(find /etc/metodmon -name '*.dpkg-*' | wc -l)"
exit 0
