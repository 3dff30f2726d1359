# A throwaway PostgreSQL server on a free loopback port, in a temporary
# folder, for the tests. Sourced by test.sh: start_postgres sets PG_URL;
# stop_postgres stops it and removes the folder. Throwaway means fast:
# fsync and synchronous commit are off, unless PG_DURABLE=1 (benchmarks
# of saves, which must pay what production pays).

start_postgres() {
  local bin
  bin="$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)"
  [ -n "$bin" ] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  PG_DIR="$(mktemp -d /tmp/kartlegg-pg.XXXXXX)"
  local fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${PG_DURABLE:-0}" = 1 ] && fast=""
  PG_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  # initdb refuses to run as root, so the server runs as the postgres user.
  local run=(sh -c)
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    run=(su postgres -s /bin/sh -c)
  fi
  "${run[@]}" "'$bin/initdb' -D '$PG_DIR/data' -U postgres -A trust -E UTF8 --no-sync" >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; return 1; }
  "${run[@]}" "'$bin/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_DIR' $fast -c max_connections=200\" start" >/dev/null ||
    { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_RUN=("${run[@]}")
  PG_BIN="$bin"
  PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL is listening on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_RUN[@]}" "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

# A new database for a script that drives a running server: on the test
# command's PostgreSQL server (KARTLEGG_TEST_POSTGRES_URL) when there is
# one, else on a throwaway one started here (stop_postgres stops it; it
# does nothing when none was started). Sets DB_URL.
new_test_database() {
  if [ -z "${KARTLEGG_TEST_POSTGRES_URL:-}" ]; then
    start_postgres
    KARTLEGG_TEST_POSTGRES_URL="$PG_URL"
  fi
  local psql
  psql="$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)/psql"
  "$psql" -q "$KARTLEGG_TEST_POSTGRES_URL" -c "CREATE DATABASE $1"
  DB_URL="${KARTLEGG_TEST_POSTGRES_URL%/*}/$1"
}
