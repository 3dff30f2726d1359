#!/usr/bin/env bash
# Measures the applicant's first-load transfer (brotli) of the built frontend
# and fails above the budget in frontend/size-budget.env.
source "$(dirname "$0")/lib.sh"
source "$ROOT/frontend/size-budget.env"

DIST="$ROOT/dist"
index="$DIST/index.html"
[ -f "$index" ] || { echo "No build in $DIST: run scripts/build-frontend.sh first" >&2; exit 1; }

total=0
report() { printf '  %-40s %8d bytes\n' "$1" "$2"; }
size_of() { stat -c %s "$1.br"; }

n=$(size_of "$index"); total=$((total + n)); report index.html "$n"
# Every asset index.html names, and what boot.js imports.
for asset in $(grep -o '/assets/[^"]*' "$index" | sed 's|/assets/||'); do
  n=$(size_of "$DIST/assets/$asset"); total=$((total + n)); report "$asset" "$n"
done
printf 'First load: %d bytes brotli (budget %d)\n' "$total" "$FIRST_LOAD_BROTLI_BYTES"
# The form bundle is fetched after login; reported, not part of the first load.
form=0
for asset in "$DIST"/assets/form-*.js "$DIST"/assets/form-*.wasm; do
  form=$((form + $(size_of "$asset")))
done
printf 'Form bundle (after login): %d bytes brotli\n' "$form"
# The back office (under /caseworker/) is a third bundle with its own style
# sheet; reported, not part of the applicant's first load.
cw=0
for asset in "$DIST"/assets/caseworker-*.js "$DIST"/assets/caseworker-*.wasm "$DIST"/assets/caseworker-*.css; do
  cw=$((cw + $(size_of "$asset")))
done
printf 'Caseworker bundle (under /caseworker/): %d bytes brotli\n' "$cw"
if [ "$total" -gt "$FIRST_LOAD_BROTLI_BYTES" ]; then
  echo "Over the first-load budget." >&2
  exit 1
fi
