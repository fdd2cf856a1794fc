#!/usr/bin/env bash
# Runs a script as root in a throw-away root: this machine's / seen through an
# overlay whose writes go to a tmpfs of a private mount namespace. Installing
# and removing packages, adding users, writing /etc or /var there changes
# nothing on the machine, and all of it is gone when the script ends. No
# download, no container engine: a debootstrap'ed root would fetch a few
# hundred MB; this needs only what the machine already has (the package's
# dependencies are the build's libraries). /run and /tmp are empty tmpfs
# (no systemd to talk to: maintainer scripts see none, as in a container).
#
# Usage: throwaway_root.sh WORK SCRIPT [ARGS...]
#   WORK    a folder of the machine, mounted read-write at the same path inside
#           (pass files in, results out); SCRIPT and ARGS are run by bash inside.
# Exit: the script's code; 77 when this cannot be done here (not root, no
# overlayfs), with the reason on stderr.
set -euo pipefail

if [ "${1:-}" = "--inside" ]; then
  shift
  base=$1 work=$2 script=$3
  shift 3
  mount -t tmpfs -o size=4g,mode=0755 throwaway "$base"
  mkdir "$base/upper" "$base/work" "$base/root"
  if ! mount -t overlay overlay -o "lowerdir=/,upperdir=$base/upper,workdir=$base/work" "$base/root" 2>"$base/error"; then
    echo "throwaway_root: overlayfs over / is not available here: $(cat "$base/error")" >&2
    exit 77
  fi
  r=$base/root
  mount --rbind /dev "$r/dev"
  mount -t proc proc "$r/proc"
  mount --rbind /sys "$r/sys"
  mount -t tmpfs -o mode=0755 run "$r/run"
  mount -t tmpfs -o mode=1777 tmp "$r/tmp"
  mkdir -p "$r$work"
  mount --bind "$work" "$r$work"
  exec chroot "$r" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive bash "$script" "$@"
fi

if [ $# -lt 2 ]; then
  echo "usage: throwaway_root.sh WORK SCRIPT [ARGS...]" >&2
  exit 64
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "throwaway_root: needs root (mount namespaces and overlayfs)" >&2
  exit 77
fi
work=$(cd "$1" && pwd)
# The script is run from WORK: the source tree may be on another file system,
# which the overlay of / does not show.
script=$work/.throwaway-$(basename "$2")
cp "$2" "$script"
shift 2
base=$(mktemp -d /tmp/metodmon-root.XXXXXX)
set +e
unshare --mount --propagation private --fork -- "$0" --inside "$base" "$work" "$script" "$@"
code=$?
set -e
rmdir "$base" 2>/dev/null || true
rm -f "$script"
exit "$code"
