#!/bin/sh
# Runs a test in its own mount and network namespaces: the pcscd the test starts gets a
# private /run/pcscd, and vpcd's TCP ports (which pcscd opens on every interface) exist only
# on the namespace's loopback. A pcscd already running on the machine is never touched.
set -eu
if [ "$(id -u)" -ne 0 ]; then
    echo "with-pcsc-namespace.sh: pcscd tests need root (unshare, and pcscd's socket in /run/pcscd)" >&2
    exit 1
fi
mkdir -p /run/pcscd
exec unshare --mount --net sh -c 'ip link set lo up && mount -t tmpfs lanyard-pcscd /run/pcscd && exec "$@"' sh "$@"
