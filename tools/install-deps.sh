#!/bin/sh
# install-deps.sh - make sure the Debian packages mvec needs are installed.
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -eu

PACKAGES="gcc make pkg-config libc6-dev libjansson-dev libgsl-dev libglpk-dev iso-codes cppcheck clang valgrind libsqlite3-dev nettle-dev libzip-dev zlib1g-dev libigraph-dev liblua5.4-dev libxlsxwriter-dev libplplot-dev plplot-driver-cairo fonts-dejavu-core libmicrohttpd-dev chromium"

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "install-deps: installing$missing" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
else
    echo "install-deps: missing Debian packages:$missing" >&2
    echo "install-deps: run as root:  apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
