#!/usr/bin/env bash
# The crash test, on SQLite and on PostgreSQL: applicants save concurrently
# while the server is killed with SIGKILL and started again several times;
# every acknowledged save must still be there with its exact answers
# (integration-client/crash_saves.py), and SQLite's integrity_check must
# say `ok`.
#
# Uses the PostgreSQL server of KARTLEGG_TEST_POSTGRES_URL when set (the
# test command's), else starts a throwaway one. Environment:
# KARTLEGG_CRASH_SERVER (the binary, default the release build).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PY="$TARGET_DIR/py/bin"
BIN="${KARTLEGG_CRASH_SERVER:-$TARGET_DIR/release/kartlegg}"
started=$(date +%s)
work="$(mktemp -d)"
cleanup() {
  pkill -KILL -f "$work/" 2>/dev/null || true
  rm -rf "$work"
  stop_postgres
}
trap cleanup EXIT

source "$ROOT/scripts/postgres.sh"

export KARTLEGG_SIGNING_KEY_FILE="$work/signing.key"
export KARTLEGG_STATIC_DIR="$work/no-frontend"
export KARTLEGG_LOG="warn"
export KARTLEGG_LOGIN_BURST=1000
export KARTLEGG_AUDIT_CHECKPOINT_FILE="$work/checkpoints"
# The key the server would create, made here so that the operator commands
# below can run before the server first starts (32 random bytes, hex).
(umask 077 && "$PY/python" -c 'import secrets; print(secrets.token_hex(32), end="")' >"$KARTLEGG_SIGNING_KEY_FILE")

crash() { # engine database-url
  step "Crash test on $1: concurrent saves, the server killed with SIGKILL again and again"
  export DATABASE_URL="$2"
  port="$("$PY/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$BIN" org add --number crash-0001 --name "Krasjtest kommune" --kind municipality >/dev/null
  client="$("$BIN" client add --org crash-0001 --name "Crash test" \
    --scope people:write --scope codes:issue)"
  KARTLEGG_URL="http://127.0.0.1:$port" \
    KARTLEGG_SERVER_CMD="env KARTLEGG_ADDR=127.0.0.1:$port KARTLEGG_PUBLIC_URL=http://127.0.0.1:$port '$BIN' serve --worker false" \
    KARTLEGG_CLIENT_ID="$(sed -n 's/^client_id: //p' <<<"$client")" \
    KARTLEGG_CLIENT_SECRET="$(tail -n 1 <<<"$client")" \
    "$PY/python" "$ROOT/integration-client/crash_saves.py"
}

crash SQLite "sqlite://$work/crash.db"
check="$("$PY/python" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$work/crash.db")"
echo "SQLite integrity_check: $check"
[ "$check" = ok ] || exit 1

new_test_database "kartlegg_crash_$(date +%s)_$$"
crash PostgreSQL "$DB_URL"

echo "The crash test took $(( $(date +%s) - started )) s."
