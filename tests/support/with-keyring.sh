#!/bin/sh
# Runs a command under a private D-Bus session with an unlocked gnome-keyring, so QtKeychain
# has a Secret Service that belongs to this test alone. Starts the daemon itself, waits for it
# by polling, and stops it by its PID.
set -eu
export HOME="$(mktemp -d)" XDG_RUNTIME_DIR="$(mktemp -d)"
chmod 700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$HOME" "$XDG_RUNTIME_DIR"' EXIT
exec dbus-run-session -- sh -c '
    printf %s lanyard-ci | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
    keyring=$!
    i=0
    while ! dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
        i=$((i + 1))
        if [ $i -gt 100 ]; then echo "gnome-keyring did not start" >&2; kill $keyring 2>/dev/null; exit 1; fi
        sleep 0.1
    done
    rc=0
    "$@" || rc=$?
    kill $keyring 2>/dev/null || true
    wait $keyring 2>/dev/null || true
    exit $rc' sh "$@"
