#!/usr/bin/env bash
# Builds the browser app in release mode into dist/: wasm32 build tuned for
# size, wasm-bindgen, wasm-opt -Oz, content-hashed file names, and .br/.gz
# files next to each asset for the server to send as they are.
source "$(dirname "$0")/lib.sh"

DIST="$ROOT/dist"
WASM_OPT="$ROOT/frontend/node_modules/.bin/wasm-opt"

step "Building the frontend (wasm32, profile wasm-release)"
cargo build -p kartlegg-frontend --bin kartlegg-app --target wasm32-unknown-unknown --profile wasm-release

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name app \
  "$TARGET_DIR/wasm32-unknown-unknown/wasm-release/kartlegg-app.wasm"
"$WASM_OPT" -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals \
  "$work/app_bg.wasm" -o "$work/app_bg.opt.wasm"

hash() { sha256sum "$1" | cut -c1-16; }

rm -rf "$DIST"
mkdir -p "$DIST/assets" "$DIST/locales"
wasm="app-$(hash "$work/app_bg.opt.wasm").wasm"
cp "$work/app_bg.opt.wasm" "$DIST/assets/$wasm"
# The glue would look for app_bg.wasm beside itself; boot.js passes the hashed name.
js="app-$(hash "$work/app.js").js"
cp "$work/app.js" "$DIST/assets/$js"
css="main-$(hash "$ROOT/frontend/style/main.css").css"
cp "$ROOT/frontend/style/main.css" "$DIST/assets/$css"
sed -e "s|{{JS}}|$js|g" -e "s|{{WASM}}|$wasm|g" "$ROOT/frontend/boot.js" > "$work/boot.js"
boot="boot-$(hash "$work/boot.js").js"
cp "$work/boot.js" "$DIST/assets/$boot"
sed -e "s|{{JS}}|$js|g" -e "s|{{WASM}}|$wasm|g" -e "s|{{CSS}}|$css|g" -e "s|{{BOOT}}|$boot|g" \
  "$ROOT/frontend/index.html" > "$DIST/index.html"
# Languages other than the default are fetched when chosen.
cp "$ROOT"/frontend/locales/*.ftl "$DIST/locales/"

step "Precompressing"
find "$DIST" -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.ftl' \) |
  while read -r f; do
    brotli -q 11 -f -o "$f.br" "$f"
    gzip -9 -k -f -n "$f"
  done
echo "Built $DIST"
