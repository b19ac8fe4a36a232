#!/bin/bash
# Runs a command against a throwaway PostgreSQL cluster on 127.0.0.1 that this script creates,
# starts, waits for and stops again. Exports LANYARD_TEST_PG_URL.
set -eu
PG=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PG/initdb" ] || { echo "PostgreSQL server binaries not found (install postgresql)" >&2; exit 1; }
D=$(mktemp -d)
chown postgres: "$D" 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# A free port: bind-test a few candidates on loopback.
PORT=""
for p in $(seq 54329 54399); do
    if ! (echo > /dev/tcp/127.0.0.1/$p) 2>/dev/null; then PORT=$p; break; fi
done 2>/dev/null || true
[ -n "$PORT" ] || PORT=54329
cleanup() {
    as_pg "$PG/pg_ctl" -D "$D/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$D"
}
trap cleanup EXIT
as_pg "$PG/initdb" -D "$D/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$D/initdb.log" 2>&1 \
    || { cat "$D/initdb.log" >&2; exit 1; }
as_pg "$PG/pg_ctl" -D "$D/data" -l "$D/log" -w -t 60 \
    -o "-k $D -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50" start >/dev/null \
    || { cat "$D/log" >&2; exit 1; }
i=0
until "$PG/pg_isready" -h 127.0.0.1 -p "$PORT" -q; do
    i=$((i + 1)); [ $i -gt 100 ] && { echo "PostgreSQL did not become ready" >&2; exit 1; }
    sleep 0.1
done
"$(command -v psql || echo "$PG/psql")" -h 127.0.0.1 -p "$PORT" -U postgres -q -c 'CREATE DATABASE lanyard_test' >/dev/null
export LANYARD_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PORT/lanyard_test"
rc=0
"$@" || rc=$?
exit $rc
