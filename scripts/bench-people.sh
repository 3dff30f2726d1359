#!/usr/bin/env bash
# The back office with many people (issue #17, item 4), on demand (not in
# the test command): seeds the demo organisation with PEOPLE made-up people,
# each with a completed registration, and AUDIT audit events through the
# store's bulk path (`kartlegg demo seed`), starts the release server on
# that database and runs scripts/bench-people.py, which prints a table.
#
# Usage: bench-people.sh [sqlite|postgres] [PEOPLE] [AUDIT]
#   BENCH_DIR   where the SQLite database and keys live (default
#               target/bench-people); kept between runs, since seeding adds
#               only what is missing. Delete it when done: a million people
#               with their answers and statistics facts take about 10 GB.
#   BENCH_ONLY=statistics   measure only the statistics views;
#   BENCH_ONLY=search       only the lookups and searches;
#   BENCH_ONLY=list         only the DUF lookup, the person page and the lists;
#   BENCH_ONLY=export       only the CSV exports and the audit log.
#   BENCH_SAMPLES, BENCH_BUDGET   requests per measurement (200) and the
#               seconds one measurement may take at most (20).
#   KARTLEGG_BIN   a server binary to use instead of building the release one.
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/postgres.sh"
engine="${1:-sqlite}"
people="${2:-100000}"
audit="${3:-$people}"
dir="${BENCH_DIR:-$TARGET_DIR/bench-people}"
mkdir -p "$dir"
server="${KARTLEGG_BIN:-}"
if [ -z "$server" ]; then
  step "Building the release server"
  (cd "$ROOT" && cargo build -q --release -p kartlegg-backend)
  server="$TARGET_DIR/release/kartlegg"
fi
case "$engine" in
  sqlite) url="sqlite://$dir/people-$people.db" ;;
  postgres)
    start_postgres
    url="$PG_URL"
    trap stop_postgres EXIT
    ;;
  *) echo "engine is sqlite or postgres" >&2; exit 2 ;;
esac
# The server's key, made here so that the seeded audit events verify.
key="$dir/signing.key"
[ -f "$key" ] || python3 -c 'import secrets; print(secrets.token_hex(32), end="")' >"$key"
checkpoints="$dir/checkpoints-$engine-$people.log"
[ "$engine" = postgres ] && rm -f "$checkpoints"
export DATABASE_URL="$url" KARTLEGG_SIGNING_KEY_FILE="$key" KARTLEGG_AUDIT_CHECKPOINT_FILE="$checkpoints"
step "Seeding $people people and $audit audit events ($engine)"
"$server" demo seed --people "$people" --worklist 100 --audit-events "$audit"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
step "Measuring ($engine, $(nproc) cores, $(uname -m))"
KARTLEGG_ADDR="127.0.0.1:$port" KARTLEGG_STATIC_DIR="$ROOT/dist" KARTLEGG_LOGIN_BURST=0 \
  KARTLEGG_LOG_FORMAT=json KARTLEGG_LOG=warn "$server" serve >"$dir/server.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; [ "$engine" = postgres ] && stop_postgres; true; }
trap cleanup EXIT
python3 "$ROOT/scripts/bench-people.py" "http://127.0.0.1:$port" "$pid" "$people" \
  "${BENCH_SAMPLES:-200}" "${BENCH_BUDGET:-20}"
