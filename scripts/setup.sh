#!/usr/bin/env bash
# Installs what Kartlegg needs to build and run, idempotently, from the
# package registries only. `--test` also installs what the tests need
# (Chromium, PostgreSQL, Playwright, and in a virtual environment under the
# target directory the API fuzzer schemathesis, openapi-spec-validator and
# the client generator openapi-python-client).
source "$(dirname "$0")/lib.sh"

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

# Debian packages, installed only when missing.
packages=()
command -v brotli >/dev/null || packages+=(brotli)
command -v python3 >/dev/null || packages+=(python3)
command -v npm >/dev/null || packages+=(nodejs npm)
if $want_test; then
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  [ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || packages+=(postgresql)
  # pdftotext, which the print test reads each page of the printed PDF with.
  command -v pdftotext >/dev/null || packages+=(poppler-utils)
  # The fonts an Android phone has for Arabic, Ethiopic and the rest, so that
  # screenshots show what applicants see rather than empty boxes.
  compgen -G "/usr/share/fonts/truetype/noto/NotoSansEthiopic-*" >/dev/null || packages+=(fonts-noto-core)
  # Debian's python3 refuses pip installs outside a virtual environment.
  python3 -c "import ensurepip, venv" 2>/dev/null || packages+=(python3-venv)
fi
if [ ${#packages[@]} -gt 0 ]; then
  step "Installing Debian packages: ${packages[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

# Rust: the wasm target and the lint tools.
installed_targets="$(rustup target list --installed)"
if ! grep -qx wasm32-unknown-unknown <<<"$installed_targets"; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if $want_test; then
  rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
fi

# wasm-bindgen-cli at exactly the version in Cargo.lock. Without --locked:
# its own lockfile pins a crate version the registry no longer has.
wbg="$(wasm_bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
  step "Installing wasm-bindgen-cli $wbg (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$wbg" --force
fi

# wasm-opt from the npm package binaryen (Debian's is too old and breaks the wasm).
if [ ! -x "$ROOT/frontend/node_modules/.bin/wasm-opt" ]; then
  step "Installing wasm-opt (npm binaryen)"
  (cd "$ROOT/frontend" && npm ci --no-audit --no-fund --loglevel=error)
fi

if $want_test && [ ! -d "$ROOT/e2e/node_modules/@playwright/test" ]; then
  step "Installing Playwright (it uses Debian's Chromium; no browser download)"
  (cd "$ROOT/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

# The API fuzzer and the document validator (scripts/fuzz-api.sh), and the
# client generator with what the generated client's scenario signs its
# client assertions with (scripts/integration-client.sh), and the Standard
# Webhooks verifier of the webhook fault test (scripts/webhook-fault.sh),
# pinned, in a
# virtual environment beside the build (not in the repository).
if $want_test; then
  py_tools=("schemathesis==4.32.5" "openapi-spec-validator==0.9.0"
    "openapi-python-client==0.29.1" "PyJWT==2.15.1" "cryptography==50.0.2"
    "standardwebhooks==1.1.0")
  venv="$TARGET_DIR/py"
  stamp="$venv/.kartlegg-tools"
  if [ "$(cat "$stamp" 2>/dev/null)" != "${py_tools[*]}" ]; then
    step "Installing ${py_tools[*]} (Python registry) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "${py_tools[@]}"
    echo "${py_tools[*]}" >"$stamp"
  fi
fi
