#!/usr/bin/env bash
# A throwaway PostgreSQL server on a loopback port, for the central server's tests.
#
#   eval "$(bash scripts/pg-test-server.sh start)"   # exports FIELDKIT_TEST_PG and FIELDKIT_PG_DIR
#   ... run the tests (pytest -m postgres, or the whole suite) ...
#   bash scripts/pg-test-server.sh stop "$FIELDKIT_PG_DIR"
#
# Only the `export` lines go to stdout; progress goes to stderr. As root on Debian it
# installs the `postgresql` package when no server binaries are found, and runs the
# cluster as the `postgres` user. The cluster lives in a temporary folder, listens on
# 127.0.0.1 only, trusts local connections and runs with fsync off: it is for tests only.
set -euo pipefail

say() { echo "pg-test-server: $*" >&2; }

find_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local bin
    bin=$(find_bin)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        if [ "$(id -u)" != 0 ]; then
            say "PostgreSQL server binaries not found and not root: install the 'postgresql' package"
            exit 1
        fi
        say "installing postgresql with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
        bin=$(find_bin)
    fi
    local dir port
    dir=$(mktemp -d /tmp/fk-pg.XXXXXX)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" postgres
        chown postgres "$dir"
    fi
    say "initdb in $dir (PostgreSQL from $bin)"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >&2 || { cat "$dir/server.log" >&2; exit 1; }
    say "listening on 127.0.0.1:$port"
    echo "export FIELDKIT_TEST_PG=postgresql://postgres@127.0.0.1:$port/postgres"
    echo "export FIELDKIT_PG_DIR=$dir"
}

stop() {
    local dir=${1:-${FIELDKIT_PG_DIR:-}}
    [ -n "$dir" ] && [ -d "$dir/data" ] || { say "nothing to stop"; return 0; }
    local bin
    bin=$(find_bin)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
    say "stopped and removed $dir"
}

case "${1:-start}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
