#!/usr/bin/env bash
# Sets up a fresh machine if needed, then runs every check and test: formatting, clippy
# (native and wasm32), docs, native tests, browser tests in headless Chromium, a release
# build of the app with Trunk, and end-to-end tests of that build (scripts/e2e.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

step "rustfmt"
cargo fmt --all --check
step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32)"
cargo clippy --workspace --exclude madori-cli --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p madori-app --target wasm32-unknown-unknown --tests --locked -- -D warnings
cargo clippy -p madori-app --target wasm32-unknown-unknown --features split --locked -- -D warnings
step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
step "native tests"
cargo test --workspace --exclude madori-app --locked
step "browser tests (headless Chromium)"
cargo test -p madori-app --target wasm32-unknown-unknown --locked
step "release build (Trunk) starts in Chromium"
trunk build --release
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
profile_dir=$(mktemp -d)
dom=$(timeout 90 chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
  --disable-background-networking --disable-component-update --disable-sync --no-first-run \
  --user-data-dir="$profile_dir" --virtual-time-budget=8000 --dump-dom "http://127.0.0.1:$port/" 2>/dev/null)
if ! grep -q 'data-testid="totals-area">延床面積' <<<"$dom"; then
  echo "the release build did not render the app" >&2
  exit 1
fi
echo "release build renders: $(grep -o 'data-testid="totals-area">[^<]*' <<<"$dom")"
# The page names its icon and the icon is there (a missing favicon is a 404 on every load).
icon=$(grep -o 'rel="icon" href="/[^"]*"' dist/index.html | sed 's/.*href="\/\([^"]*\)"/\1/')
if [ -z "$icon" ] || [ ! -s "dist/$icon" ]; then
  echo "the release build has no favicon" >&2
  exit 1
fi
# The first download: what the page fetches before the plan shows, gzipped as a server sends
# it; chunks loaded on demand and the worker are reported apart. The target is 400 KB
# (issue 8); the limit here stops it growing while it is brought down to the target.
./scripts/size.sh 409600
step "end-to-end tests of the release build (Playwright, headless Chromium)"
./scripts/e2e.sh
printf '\n\033[1mall checks passed\033[0m\n'
