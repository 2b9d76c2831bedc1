#!/usr/bin/env bash
# Installs every tool Madori needs on a fresh machine, skipping what is already there:
# the wasm32 target, Trunk, wasm-bindgen-cli matching Cargo.lock, wasm-split-cli, Chromium + ChromeDriver
# (browser tests), poppler-utils and a Japanese font (printing tests), and from npm into tools/ binaryen's wasm-opt, terser and playwright-core (end-to-end
# tests). Safe to run again.
# Scripts that build the app put tools/node_modules/.bin first on PATH (see env.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

TRUNK_VERSION=0.21.14   # 0.22 needs rustc >= 1.96.1 (see ../shared/TOOLCHAIN.md)
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # Not --locked: its lock file pins a webpki-roots version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-split-cli splits the page's release wasm into chunks loaded on demand
# (scripts/build-app.sh); its version must read what wasm_split_helpers (Cargo.lock) writes.
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about a minute)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# npm packages in tools/, at the exact versions of tools/package.json: wasm-opt (binaryen 132:
# Debian's binaryen 108 corrupts the externref table that wasm-bindgen 0.2.13x emits, and the
# optimised app then fails to start), playwright-core (the end-to-end tests; it drives
# the Debian Chromium, so no browser download) and terser (minifies the page's JS glue).
tools_installed() {
  node -e '
    const dir = process.argv[1];
    const wanted = require(dir + "/package.json").devDependencies;
    for (const [name, version] of Object.entries(wanted)) {
      try { if (require(dir + "/node_modules/" + name + "/package.json").version !== version) process.exit(1); }
      catch { process.exit(1); }
    }' "$PWD/tools"
}
if ! tools_installed; then
  say "installing npm tools into tools/ (binaryen's wasm-opt, terser, playwright-core)"
  npm ci --prefix tools --no-audit --no-fund
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
# Printing tests: pdftotext reads the printed PDF; a Japanese font so Chromium prints kana
# and kanji rather than boxes (a fresh machine has none).
command -v pdftotext >/dev/null || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi -e ipagothic -e "noto sans cjk" || missing+=(fonts-ipafont-gothic)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
say "tools ready: $(trunk --version), wasm-bindgen $WASM_BINDGEN_VERSION, $(chromium --version 2>/dev/null | head -1)"
