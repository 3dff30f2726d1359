#!/usr/bin/env bash
# Saves per second (issue #17, item 3), on demand (not in the test
# command): APPLICANTS applicants (64), one connection each (wrk), save a
# part of the form again and again for SECONDS (15) against the release
# server, on SQLite and on a durable PostgreSQL (fsync and synchronous
# commit on, unlike the tests' throwaway server); a bare handler
# (/healthz, no database) in the same run says what the machine can do.
# SESSIONS applicants (1,000) are logged in first, so that the server's
# memory (its peak resident set, read from /proc) is measured with that
# many open sessions. Prints one table.
#
# Usage: bench-saves.sh [sqlite|postgres|both]
#   BENCH_APPLICANTS, BENCH_SECONDS, BENCH_SESSIONS   as above.
#   KARTLEGG_BIN   a server binary to use instead of building the release one.
#   BENCH_DIR      where the SQLite file lives (default target/bench-saves;
#                  on the disk the server would use, not in memory).
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/postgres.sh"
engines="${1:-both}"
applicants="${BENCH_APPLICANTS:-64}"
seconds="${BENCH_SECONDS:-15}"
sessions="${BENCH_SESSIONS:-1000}"
[ "$sessions" -ge "$applicants" ] || sessions="$applicants"
dir="${BENCH_DIR:-$TARGET_DIR/bench-saves}"

if ! command -v wrk >/dev/null; then
  step "Installing wrk (Debian)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends wrk
fi
server="${KARTLEGG_BIN:-}"
if [ -z "$server" ]; then
  step "Building the release server"
  (cd "$ROOT" && cargo build -q --release -p kartlegg-backend --bin kartlegg)
  server="$TARGET_DIR/release/kartlegg"
fi
rm -rf "$dir" && mkdir -p "$dir"
python3 -c 'import secrets; print(secrets.token_hex(32), end="")' >"$dir/signing.key"
export KARTLEGG_SIGNING_KEY_FILE="$dir/signing.key" KARTLEGG_STATIC_DIR="$dir/no-frontend"
export KARTLEGG_AUDIT_CHECKPOINT_FILE="$dir/checkpoints" KARTLEGG_LOG=warn KARTLEGG_LOGIN_BURST=1000
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; stop_postgres; true; }
trap cleanup EXIT

results=()
memory=()
# wrk's summary as "requests/s p50 p99 errors".
summary() {
  local rps p50 p99 bad
  rps="$(awk '/^Requests\/sec/ {print $2}' "$1")"
  p50="$(awk '$1 == "50%" {print $2}' "$1")"
  p99="$(awk '$1 == "99%" {print $2}' "$1")"
  bad="$(awk '/Non-2xx/ {print $5}' "$1")"
  echo "$rps $p50 $p99 ${bad:-0}"
}

measure() { # engine database-url
  export DATABASE_URL="$2"
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$server" org add --number bench-0001 --name "Bench kommune" --kind municipality >/dev/null
  local client
  client="$("$server" client add --org bench-0001 --name "Bench" --scope people:write --scope codes:issue)"
  KARTLEGG_ADDR="127.0.0.1:$port" KARTLEGG_PUBLIC_URL="http://127.0.0.1:$port" \
    "$server" serve --worker false >"$dir/server-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  step "$1: $sessions applicants log in; $applicants of them will save"
  python3 "$ROOT/scripts/bench-saves.py" "http://127.0.0.1:$port" \
    "$(sed -n 's/^client_id: //p' <<<"$client"):$(tail -n 1 <<<"$client")" "$sessions" 2026 >"$dir/tokens"
  step "$1: bare handler, then saves, $seconds s each"
  wrk -t "$applicants" -c "$applicants" -d "${seconds}s" --latency "http://127.0.0.1:$port/healthz" >"$dir/bare-$1.txt"
  wrk -t "$applicants" -c "$applicants" -d "${seconds}s" --latency -s "$ROOT/scripts/bench-saves.lua" \
    "http://127.0.0.1:$port" -- "$dir/tokens" >"$dir/saves-$1.txt"
  results+=("$1	bare handler (/healthz)	$(summary "$dir/bare-$1.txt")")
  results+=("$1	save a part	$(summary "$dir/saves-$1.txt")")
  memory+=("$1: the server's peak resident set $(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$pid/status") with $sessions open sessions, after the saves")
  kill "$pid"; wait "$pid" 2>/dev/null; pid=""
}

case "$engines" in
  sqlite | both) measure SQLite "sqlite://$dir/saves.db" ;;&
  postgres | both)
    PG_DURABLE=1 start_postgres
    measure PostgreSQL "$PG_URL"
    ;;
  sqlite) ;;
  *) echo "engines: sqlite, postgres or both" >&2; exit 2 ;;
esac

echo
echo "Saves: $applicants applicants, one connection each, ${seconds} s; $(nproc) cores, $(uname -m), wrk on the same machine"
printf '%-11s %-24s %10s %8s %8s %8s\n' engine measure "per s" p50 p99 non-2xx
for r in "${results[@]}"; do
  IFS=$'\t' read -r engine what figures <<<"$r"
  read -r rps p50 p99 bad <<<"$figures"
  printf '%-11s %-24s %10s %8s %8s %8s\n' "$engine" "$what" "$rps" "$p50" "$p99" "$bad"
done
printf '%s\n' "${memory[@]}"
