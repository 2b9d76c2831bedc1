#!/usr/bin/env bash
# Prints the speed and size figures the README records (measurements, not pass/fail tests):
# native check of a 641-room plan, dragging a wall of that plan in headless Chromium, and
# the release wasm size after wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

printf '\n== native: full check of a 641-room, 4-storey plan\n'
cargo bench -q -p madori-rules --bench check --locked 2>/dev/null | grep -v '^$'

printf '\n== browser: drag a shared wall of the same plan (release wasm, headless Chromium)\n'
cargo test -p madori-app --target wasm32-unknown-unknown --release --test drag_speed --locked \
  -- --include-ignored --nocapture 2>&1 | grep -E 'drag of|re-check'

printf '\n== release wasm size\n'
trunk build --release >/dev/null 2>&1
wasm=$(ls dist/*_bg.wasm)
echo "$(stat -c %s "$wasm") bytes after wasm-opt -Oz, $(gzip -9 -c "$wasm" | wc -c) bytes gzipped"
