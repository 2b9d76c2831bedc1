#!/usr/bin/env bash
# End-to-end tests of the release build: tests/e2e/*.test.mjs with Node's test runner,
# driving the system Chromium through playwright-core (tools/node_modules, from setup.sh).
# Builds nothing: it expects dist/ from `trunk build --release` (scripts/test.sh builds it
# first). Extra arguments go to `node --test`, e.g. --test-name-pattern=reload.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f dist/index.html ] || ! ls dist/*_bg.wasm >/dev/null 2>&1; then
  echo "e2e: no release build in dist/ (run: trunk build --release)" >&2
  exit 1
fi
if [ ! -d tools/node_modules/playwright-core ]; then
  echo "e2e: playwright-core is missing (run: ./scripts/setup.sh)" >&2
  exit 1
fi

start=$EPOCHREALTIME
status=0
node --test --test-reporter=spec --test-timeout=60000 "$@" tests/e2e/*.test.mjs || status=$?
seconds=$(awk "BEGIN { print $EPOCHREALTIME - $start }")
if [ "$status" -eq 0 ]; then
  printf 'e2e: all end-to-end tests passed in %.1f s\n' "$seconds"
else
  printf 'e2e: end-to-end tests FAILED (%.1f s)\n' "$seconds" >&2
fi
exit "$status"
