#!/usr/bin/env bash
# The README's test command: installs what the tests need and runs every
# check. CI (.ci/run) calls exactly this.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
started=$(date +%s)

"$ROOT/scripts/setup.sh" --test

step "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "Lints (cargo clippy --all-targets -D warnings)"
cargo clippy --workspace --all-targets -- -D warnings

step "Starting a throwaway PostgreSQL server"
source "$ROOT/scripts/postgres.sh"
start_postgres
trap stop_postgres EXIT
export KARTLEGG_TEST_POSTGRES_URL="$PG_URL"
export KARTLEGG_REQUIRE_POSTGRES=1

step "Unit, store contract and API tests (SQLite and PostgreSQL)"
cargo test --workspace

# One after the other: built side by side on two cores (each cargo with
# its own two jobs) the two took longer in all (the bundles 833 s instead
# of about 290 s) than in turn.
step "Building the release frontend and server"
"$ROOT/scripts/build-frontend.sh"
cargo build --release -p kartlegg-backend --bin kartlegg

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
(cd "$ROOT/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 KARTLEGG_E2E_SERVER="$TARGET_DIR/release/kartlegg" npx playwright test)

echo "All checks passed in $(( $(date +%s) - started )) s."
