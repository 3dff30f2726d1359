#!/usr/bin/env bash
# Builds the browser app in release mode into dist/: wasm32 build tuned for
# size, wasm-bindgen, wasm-opt -Oz, content-hashed file names, and .br/.gz
# files next to each asset for the server to send as they are.
source "$(dirname "$0")/lib.sh"

DIST="$ROOT/dist"
WASM_OPT="$ROOT/frontend/node_modules/.bin/wasm-opt"

hash() { sha256sum "$1" | cut -c1-16; }
# The pictograms are one sprite under its content hash, cached for a year
# like every asset; the form bundle is compiled with its address
# (frontend/src/applicant/components/pictogram.rs), so a new drawing is a
# new address.
SPRITE="$ROOT/shared/data/pictograms.svg"
sprite="pictograms-$(hash "$SPRITE").svg"
export KARTLEGG_PICTOGRAMS="/assets/$sprite"

step "Building the frontend (wasm32, profile wasm-release)"
cargo build -p kartlegg-frontend --bins --target wasm32-unknown-unknown --profile wasm-release

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -rf "$DIST"
mkdir -p "$DIST/assets" "$DIST/locales"
cp "$SPRITE" "$DIST/assets/$sprite"

# bundle BIN NAME [wasm-opt options]: wasm-bindgen + wasm-opt one app;
# sets JS and WASM to the hashed file names.
bundle() {
  wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name "$2" \
    "$TARGET_DIR/wasm32-unknown-unknown/wasm-release/$1.wasm"
  "$WASM_OPT" -Oz "${@:3}" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-mutable-globals \
    "$work/$2_bg.wasm" -o "$work/$2_bg.opt.wasm"
  WASM="$2-$(hash "$work/$2_bg.opt.wasm").wasm"
  cp "$work/$2_bg.opt.wasm" "$DIST/assets/$WASM"
  # The glue would look for NAME_bg.wasm beside itself; boot.js passes the hashed name.
  JS="$2-$(hash "$work/$2.js").js"
  cp "$work/$2.js" "$DIST/assets/$JS"
}
# The phones' bundles are optimised until nothing changes (--converge):
# 168 B less brotli for the start app in 9 s instead of 4, 306 B for the
# form in 26 s instead of 11. For the back office it took 50 s instead of
# 15 and came out 185 B larger, so it gets one pass.
bundle kartlegg-form form --converge
form_js="$JS" form_wasm="$WASM"
bundle kartlegg-caseworker caseworker
cw_js="$JS" cw_wasm="$WASM"
bundle kartlegg-app app --converge
js="$JS" wasm="$WASM"

css="main-$(hash "$ROOT/frontend/style/main.css").css"
cp "$ROOT/frontend/style/main.css" "$DIST/assets/$css"
# The back office's own rules, loaded by boot.js under /caseworker/ only.
cw_css="caseworker-$(hash "$ROOT/frontend/style/caseworker.css").css"
cp "$ROOT/frontend/style/caseworker.css" "$DIST/assets/$cw_css"
sed -e "s|{{JS}}|$js|g" -e "s|{{WASM}}|$wasm|g" -e "s|{{FORM_JS}}|$form_js|g" -e "s|{{FORM_WASM}}|$form_wasm|g" \
  -e "s|{{CW_JS}}|$cw_js|g" -e "s|{{CW_WASM}}|$cw_wasm|g" -e "s|{{CW_CSS}}|$cw_css|g" \
  "$ROOT/frontend/boot.js" > "$work/boot.js"
boot="boot-$(hash "$work/boot.js").js"
cp "$work/boot.js" "$DIST/assets/$boot"
# One page per app, each preloading its own bundle (the server picks the
# page by route): the form and the back office would otherwise download the
# start app's bundle, which they never run.
page() { # FILE JS WASM
  sed -e "s|{{JS}}|$2|g" -e "s|{{WASM}}|$3|g" -e "s|{{CSS}}|$css|g" -e "s|{{BOOT}}|$boot|g" \
    "$ROOT/frontend/index.html" > "$DIST/$1"
}
page index.html "$js" "$wasm"
page form.html "$form_js" "$form_wasm"
page caseworker.html "$cw_js" "$cw_wasm"
# The service worker: its version changes with any file, and it precaches
# the start page's own files (the rest is kept as it is first fetched).
version="$(cd "$DIST" && find . -type f | sort | xargs sha256sum | sha256sum | cut -c1-16)-$(cat "$ROOT"/frontend/locales/*.ftl | sha256sum | cut -c1-8)"
quoted() { printf '"%s",' "$@" | sed 's/,$//'; }
precache="$(quoted /index.html /form.html "/assets/$boot" "/assets/$css" "/assets/$js" "/assets/$wasm")"
assets="$(cd "$DIST/assets" && quoted $(ls | sed 's|^|/assets/|'))"
sed -e "s|{{VERSION}}|$version|" -e "s|{{PRECACHE}}|$precache|" -e "s|{{ASSETS}}|$assets|" \
  "$ROOT/frontend/sw.js" > "$DIST/sw.js"
# Languages other than the default are fetched when chosen. (The back
# office's two languages, locales/caseworker/, are compiled into its bundle.)
cp "$ROOT"/frontend/locales/*.ftl "$DIST/locales/"

step "Precompressing"
find "$DIST" -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.ftl' -o -name '*.svg' \) |
  while read -r f; do
    brotli -q 11 -f -o "$f.br" "$f"
    gzip -9 -k -f -n "$f"
  done
echo "Built $DIST"
