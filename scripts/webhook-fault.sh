#!/usr/bin/env bash
# The webhook fault test: two `kartlegg serve` processes (one with its
# worker, one without) and a `kartlegg worker` on one PostgreSQL database
# deliver 1,000 events to a receiver that verifies each with the
# `standardwebhooks` Python package, while the server with the worker is
# killed with SIGKILL midway (integration-client/webhook_fault.py). Every event must
# arrive; the duplicates are counted. Prints the delivery rate and the time
# from change to webhook.
#
# Uses the PostgreSQL server of KARTLEGG_TEST_POSTGRES_URL when set (the
# test command's), else starts a throwaway one. Environment:
# KARTLEGG_FAULT_SERVER (the binary, default the release build).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PY="$TARGET_DIR/py/bin"
BIN="${KARTLEGG_FAULT_SERVER:-$TARGET_DIR/release/kartlegg}"
started=$(date +%s)

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
  stop_postgres
}
trap cleanup EXIT

source "$ROOT/scripts/postgres.sh"
new_test_database "kartlegg_fault_$(date +%s)_$$"
export DATABASE_URL="$DB_URL"
export KARTLEGG_SIGNING_KEY_FILE="$work/signing.key"
export KARTLEGG_STATIC_DIR="$work/no-frontend"
export KARTLEGG_LOG="warn"
export KARTLEGG_WEBHOOKS_ALLOW_PRIVATE=true
# A short lease, so that the killed server's deliveries are taken over
# within seconds (60 s by default).
export KARTLEGG_WEBHOOK_LEASE_SECS=5
export KARTLEGG_AUDIT_CHECKPOINT_FILE="$work/checkpoints"

start_server() { # name port [serve's flags]
  KARTLEGG_ADDR="127.0.0.1:$2" KARTLEGG_PUBLIC_URL="http://127.0.0.1:$2" \
    "$BIN" serve "${@:3}" >"$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    grep -q '^Kartlegg is running' "$work/$1.log" && return 0
    sleep 0.1
  done
  echo "server $1 did not start"; cat "$work/$1.log"; exit 1
}
free_port() { "$PY/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# A serves with its own worker and is killed; B serves without one, and
# `kartlegg worker` delivers beside it (both ways of running the worker).
step "Two servers and a lone worker on one PostgreSQL database"
port_a="$(free_port)"
start_server a "$port_a"
pid_a="${pids[0]}"
port_b="$(free_port)"
start_server b "$port_b" --worker false
"$BIN" worker >"$work/worker.log" 2>&1 &
pids+=($!)
"$BIN" org add --number fault-0001 --name "Feiltest kommune" --kind municipality >/dev/null
client="$("$BIN" client add --org fault-0001 --name "Fault test" \
  --scope people:write --scope webhooks:manage)"

step "1,000 events to a verifying receiver; server A (with its worker) killed with SIGKILL midway"
KARTLEGG_URL_A="http://127.0.0.1:$port_a" KARTLEGG_URL_B="http://127.0.0.1:$port_b" \
  KARTLEGG_PID_A="$pid_a" \
  KARTLEGG_CLIENT_ID="$(sed -n 's/^client_id: //p' <<<"$client")" \
  KARTLEGG_CLIENT_SECRET="$(tail -n 1 <<<"$client")" \
  "$PY/python" "$ROOT/integration-client/webhook_fault.py" ||
  {
    echo "--- attempts by outcome"
    "$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)/psql" -q "$DATABASE_URL" -c "SELECT status, error, count(*) FROM webhook_attempts GROUP BY 1, 2"
    echo "--- server B's log"; tail -n 40 "$work/b.log"
    echo "--- the worker's log"; tail -n 40 "$work/worker.log"; exit 1
  }

echo "The webhook fault test took $(( $(date +%s) - started )) s."
