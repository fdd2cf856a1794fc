#!/usr/bin/env bash
# Installs the Debian packages metodmon needs, only those missing.
# Usage: scripts/setup.sh [--test]   (--test adds what the test suite uses:
#        LibreOffice Calc and Writer, openpyxl, python-docx, Liberation fonts (metric
#        twins of Times New Roman for the PDFs of the documents), aiosmtpd, dovecot
#        (a loopback IMAP server), poppler, clang for the fuzzer, Google Benchmark
#        and pandas for the benchmarks; lintian, systemd-analyze, man and sudo for
#        the package's tests, which install it in a throw-away root)
set -euo pipefail
packages=(build-essential cmake pkg-config
          libxlsxwriter-dev libminizip-dev libzip-dev libexpat1-dev libfreexl-dev libspdlog-dev libfmt-dev
          libcli11-dev libtomlplusplus-dev libsqlite3-dev libcurl4-openssl-dev libgmime-3.0-dev libgtest-dev
          libssl-dev dpkg-dev)
if [ "${1:-}" = "--test" ]; then
  packages+=(libreoffice-calc libreoffice-writer libreoffice-core python3-openpyxl python3-docx
             fonts-liberation2 python3-aiosmtpd poppler-utils openssl
             clang libclang-rt-14-dev zip unzip sqlite3 dovecot-imapd
             libbenchmark-dev python3-pandas lintian systemd man-db sudo)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} Debian packages present"
  exit 0
fi
echo "setup: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
