#!/usr/bin/env bash
# Measures the transfer (brotli) of the built frontend: the applicant's first
# load, the form bundle and the back office; fails above any budget in
# frontend/size-budget.env.
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
# The form bundle is fetched after login, not part of the first load.
form=0
for asset in "$DIST"/assets/form-*.js "$DIST"/assets/form-*.wasm; do
  form=$((form + $(size_of "$asset")))
done
printf 'Form bundle (after login): %d bytes brotli (budget %d)\n' "$form" "$FORM_BROTLI_BYTES"
# The pictograms' sprite, fetched by the form's first pictogram and then
# cached; reported beside the form, not part of the first load.
sprite=0
for asset in "$DIST"/assets/pictograms-*.svg; do
  sprite=$((sprite + $(size_of "$asset")))
done
printf 'Pictograms sprite (with the form): %d bytes brotli\n' "$sprite"
# The back office (under /caseworker/) is a third bundle with its own style
# sheet, not part of the applicant's first load.
cw=0
for asset in "$DIST"/assets/caseworker-*.js "$DIST"/assets/caseworker-*.wasm "$DIST"/assets/caseworker-*.css; do
  cw=$((cw + $(size_of "$asset")))
done
printf 'Caseworker bundle (under /caseworker/): %d bytes brotli (budget %d)\n' "$cw" "$CASEWORKER_BROTLI_BYTES"
over=0
[ "$total" -le "$FIRST_LOAD_BROTLI_BYTES" ] || { echo "Over the first-load budget." >&2; over=1; }
[ "$form" -le "$FORM_BROTLI_BYTES" ] || { echo "Over the form bundle's budget." >&2; over=1; }
[ "$cw" -le "$CASEWORKER_BROTLI_BYTES" ] || { echo "Over the back office's budget." >&2; over=1; }
[ "$over" = 0 ] || exit 1

# What each language adds when chosen: its interface texts (English is in the
# first load already) and, after login, the questionnaire and the five code
# lists narrowed to it (?lang=), as the server sends them (brotli).
SERVER="${KARTLEGG_SERVER:-$TARGET_DIR/release/kartlegg}"
if [ ! -x "$SERVER" ]; then
  echo "No release server at $SERVER: per-language figures skipped."
  exit 0
fi
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
KARTLEGG_ADDR="127.0.0.1:$port" DATABASE_URL="sqlite://$work/size.db" KARTLEGG_STATIC_DIR="$DIST" \
  KARTLEGG_SIGNING_KEY_FILE="$work/signing.key" KARTLEGG_LOG=warn "$SERVER" serve >"$work/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done
fetched() { curl -fs -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$1"; }
printf '\nPer language, brotli bytes: %-8s %10s %14s %8s\n' lang interface form-texts total
for lang in sq ar prs en fa fr kmr ckb nb om ps ru so ti; do
  ui=0
  [ "$lang" = en ] || ui=$(size_of "$DIST/locales/$lang.ftl")
  q=$(fetched "/api/v1/questionnaire?lang=$lang")
  for list in languages countries education_levels occupations driving_licence_classes; do
    q=$((q + $(fetched "/api/v1/code-lists/$list?lang=$lang")))
  done
  printf '%-36s %-8s %10d %14d %8d\n' '' "$lang" "$ui" "$q" "$((ui + q))"
done
all=$(fetched "/api/v1/questionnaire")
printf 'The questionnaire in all 14 languages, for comparison: %d bytes brotli\n' "$all"
