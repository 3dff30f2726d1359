#!/usr/bin/env bash
# The README's run command: installs what is missing, builds the frontend in
# release mode and the server, and serves both at http://127.0.0.1:8080 on a
# SQLite file under ./data/ with the demo data.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build-frontend.sh"
step "Building the server (release)"
cargo build --release -p kartlegg-backend --bin kartlegg

mkdir -p "$ROOT/data"
export KARTLEGG_STATIC_DIR="${KARTLEGG_STATIC_DIR:-$ROOT/dist}"
step "Starting Kartlegg"
exec "$TARGET_DIR/release/kartlegg" serve --demo "$@"
