#!/usr/bin/env bash
# Starts the release server on a throwaway SQLite database and floods it
# with failed caseworker logins (scripts/login-flood.py): the server's peak
# and settled memory must stay under budget. Part of the test command.
source "$(dirname "$0")/lib.sh"
server="$TARGET_DIR/release/kartlegg"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
KARTLEGG_ADDR="127.0.0.1:$port" DATABASE_URL="sqlite://$work/flood.db" \
  KARTLEGG_SIGNING_KEY_FILE="$work/signing.key" KARTLEGG_STATIC_DIR="$ROOT/dist" \
  KARTLEGG_LOGIN_BURST=0 KARTLEGG_LOG_FORMAT=json \
  "$server" serve >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
python3 "$ROOT/scripts/login-flood.py" "http://127.0.0.1:$port" "$pid" "${1:-600}" "${2:-32}"
