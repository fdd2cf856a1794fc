#!/usr/bin/env bash
# Builds the Debian package metodmon_<version>_<arch>.deb from the CMake build
# (CPack's DEB generator; packaging files in scripts/package/, the layout in
# cmake/Package.cmake). dpkg-shlibdeps computes the libraries' packages.
# Usage: scripts/package.sh [build-dir] [out-dir]
#   build-dir  default build/ (when it does not exist yet: the Debian packages the
#              build needs are installed by scripts/setup.sh, then it is
#              configured without tests and built)
#   out-dir    default <build-dir>/package
# The last line printed is the path of the .deb. Install it with
#   sudo apt install ./metodmon_<version>_<arch>.deb
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=${2:-$build/package}
if [ ! -f "$build/CMakeCache.txt" ]; then
  "$root/scripts/setup.sh"
  "$root/scripts/build.sh" "$build" -DMETODMON_BUILD_TESTS=OFF
fi
build=$(cd "$build" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
# CPack installs what the "all" target built: bring it up to date first.
cmake --build "$build" -j2 >/dev/null
# The package's file times: the commit's, so that two builds of one commit
# give the same data (when git is there; otherwise now).
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git -C "$root" rev-parse HEAD >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH=$(git -C "$root" log -1 --format=%ct)
  export SOURCE_DATE_EPOCH
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! (cd "$build" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out") >"$log" 2>&1; then
  cat "$log" >&2
  echo "package: cpack failed" >&2
  exit 1
fi
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
deb="$out/metodmon_${version}_$(dpkg --print-architecture).deb"
if [ ! -f "$deb" ]; then
  cat "$log" >&2
  echo "package: $deb was not written" >&2
  exit 1
fi
rm -rf "$out/_CPack_Packages"
echo "$deb"
