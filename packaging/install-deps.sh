#!/bin/sh
# Installs the Debian 12 packages Lanyard needs to build, run and test. Run as root.
# Skips apt entirely when everything is already installed.
set -eu

PACKAGES="g++ cmake ninja-build pkg-config clang libclang-rt-14-dev
qt6-base-dev qt6-tools-dev qt6-l10n-tools libboost-dev
libqt6sql6-sqlite libqt6sql6-psql qtkeychain-qt6-dev
libssl-dev openssl libqrencode-dev libpcsclite-dev libcurl4-openssl-dev
xvfb xauth imagemagick fonts-dejavu-core
pcscd vsmartcard-vpcd pcsc-tools opensc
dbus gnome-keyring libsecret-tools postgresql iproute2
slapd ldap-utils libldap-dev
python3-aiosmtpd zbar-tools libzbar-dev libpng-dev zlib1g-dev wrk hyperfine sqlite3
dpkg-dev lintian desktop-file-utils appstream man-db"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "All build and test dependencies are installed."
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages:$missing" >&2
    echo "Run this script as root (or with sudo) to install them." >&2
    exit 1
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
