#!/usr/bin/env bash
# Prints the speed and size figures the README records (measurements, not pass/fail tests):
# native validation, checks and drag steps on the grid and on plans that look like real ones,
# the same plans dragged, extended and opened in headless Chromium (release wasm), and the
# release wasm size after wasm-opt. Optional: FUZZ=1 also runs the three fuzz harnesses long.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

native() {
  printf '\n== native: %s\n' "$3"
  cargo bench -q -p "$1" --bench "$2" --locked 2>/dev/null | grep -v '^$'
}
native madori-rules check "full check of the 641-room grid plan"
native madori-rules irregular "full check of the irregular 641-room plan"
native madori-rules incremental "incremental re-check after one wall move"
native madori-plan validate "whole and incremental validation"
native madori-editor drag "one drag step in the editor"

printf '\n== browser: drag a shared wall of the 641-room grid plan (release wasm, headless Chromium)\n'
cargo test -p madori-app --target wasm32-unknown-unknown --release --test drag_speed --locked \
  -- --include-ignored --nocapture 2>&1 | grep -E 'drag of|re-check'

printf '\n== browser: irregular 641- and 2,000-room plans (release wasm, headless Chromium)\n'
cargo test -p madori-app --target wasm32-unknown-unknown --release --test real_plan_speed --locked \
  -- --include-ignored --nocapture 2>&1 | grep -E '^irregular'

printf '\n== release sizes\n'
trunk build --release >/dev/null 2>&1
./scripts/size.sh

if [ "${FUZZ:-0}" = 1 ]; then
  printf '\n== fuzz (long runs)\n'
  cargo run -q --release -p madori-plan --example fuzz_loader --locked -- 1000000 1
  cargo run -q --release -p madori-rules --example fuzz_rules --locked -- 200000 1
  CARGO_PROFILE_BENCH_PANIC=unwind CARGO_PROFILE_BENCH_OVERFLOW_CHECKS=true \
    cargo run -q -p madori-editor --profile bench --example fuzz_editor --locked -- 500000 1
fi
