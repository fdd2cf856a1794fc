# Sourced by the scenarios PackageTest runs in a throw-away root
# (install_scenario.sh, upgrade_scenario.sh): facts printed as key=value
# lines, and steps whose output is kept in WORK/<step>.log.
# Needs $work (the folder the test reads) set first.

fact() { printf '%s=%s\n' "$1" "$2"; }
# step NAME COMMAND...: runs it, output to $work/NAME.log, prints NAME=<exit code>.
step() {
  local name=$1
  shift
  "$@" >"$work/$name.log" 2>&1
  fact "$name" $?
}
