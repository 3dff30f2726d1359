# Shared helpers for the scripts in this folder. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export PATH="$HOME/.cargo/bin:$PATH"

# Every step says when it starts, in seconds since the outermost script
# began, so that a slow run's log shows where its time went.
export KARTLEGG_T0="${KARTLEGG_T0:-$(date +%s)}"
step() { printf '\n\033[1m==> [%4d s] %s\033[0m\n' "$(( $(date +%s) - KARTLEGG_T0 ))" "$*"; }

# Runs a command as root, or directly when we are root already.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen version Cargo.lock pins; the CLI must be exactly this.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock"
}
