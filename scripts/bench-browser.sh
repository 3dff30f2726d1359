#!/usr/bin/env bash
# The browser figures (issue #17, items 1, 2 and 5), on demand (not in the
# test command): transfer, requests, first input usable, the follow-up's
# delay and a second visit, under the Lighthouse mobile profile in Debian's
# Chromium (e2e/bench/browser.mjs), against the release build with its
# precompressed files. Builds what is missing.
#
# Usage: bench-browser.sh [RUNS]   (3 by default; the table gives medians)
#   KARTLEGG_BIN   a server binary to use instead of building the release one.
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/setup.sh" --test >/dev/null
[ -f "$ROOT/dist/index.html" ] || "$ROOT/scripts/build-frontend.sh"
server="${KARTLEGG_BIN:-}"
if [ -z "$server" ]; then
  (cd "$ROOT" && cargo build -q --release -p kartlegg-backend --bin kartlegg)
  server="$TARGET_DIR/release/kartlegg"
fi
work="$(mktemp -d)"
export DATABASE_URL="sqlite://$work/bench.db" KARTLEGG_SIGNING_KEY_FILE="$work/signing.key" KARTLEGG_LOG=warn
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
KARTLEGG_ADDR="127.0.0.1:$port" KARTLEGG_STATIC_DIR="$ROOT/dist" "$server" serve --demo --worker false >"$work/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
duf="2099$(date +%s | tail -c 9)"
"$server" person add --duf "$duf" --first-name Bench --last-name Browser --org demo-0001 >/dev/null
code="$("$server" code issue --duf "$duf" | tail -n 1)"
(cd "$ROOT/e2e" && node bench/browser.mjs "http://127.0.0.1:$port" "$duf" "$code" "${1:-3}")
