#!/usr/bin/env bash
# The README's test command: installs what the tests need and runs every
# check. CI (.ci/run) calls exactly this.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
started=$(date +%s)

"$ROOT/scripts/setup.sh" --test

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

# Every native step uses the release profile: the lints, the tests and the
# server the later steps run then share one build of the dependencies,
# build scripts and proc macros. Cold on this 2-core machine the lints, a
# debug test build and a separate release server took 279 + 465 + 265 s;
# these two take 168 + 444 s. (A `cargo build -p kartlegg-backend` after
# the tests would build much again: its features differ from the
# workspace's.)
step "Lints (cargo clippy --release --all-targets -D warnings)"
cargo clippy --release --workspace --all-targets -- -D warnings

step "Starting a throwaway PostgreSQL server"
source "$ROOT/scripts/postgres.sh"
start_postgres
trap stop_postgres EXIT
export KARTLEGG_TEST_POSTGRES_URL="$PG_URL"
export KARTLEGG_REQUIRE_POSTGRES=1

# The API tests are integration tests, so this builds the server binary
# (target/release/kartlegg) too: the one every step below runs.
step "Unit, store contract and API tests (SQLite and PostgreSQL), release build"
cargo test --release --workspace
[ -x "$TARGET_DIR/release/kartlegg" ] || { echo "cargo test built no server binary"; exit 1; }

step "Building the release frontend"
"$ROOT/scripts/build-frontend.sh"

step "First-load size budget"
"$ROOT/scripts/check-size.sh"

step "Login flood: the server's memory stays bounded"
"$ROOT/scripts/login-flood.sh"

step "A client generated from the OpenAPI document runs an integrator's scenario"
"$ROOT/scripts/integration-client.sh"

step "Webhooks: two servers on one PostgreSQL, one killed with SIGKILL, every event delivered"
"$ROOT/scripts/webhook-fault.sh"

step "Crash test: every acknowledged save survives SIGKILL (SQLite and PostgreSQL)"
"$ROOT/scripts/crash-test.sh"

step "API fuzzing against the OpenAPI document (schemathesis)"
"$ROOT/scripts/fuzz-api.sh"

step "Browser tests (headless Chromium)"
(cd "$ROOT/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 KARTLEGG_E2E_SERVER="$TARGET_DIR/release/kartlegg" npx playwright test --trace off)

echo "All checks passed in $(( $(date +%s) - started )) s."
