#!/usr/bin/env bash
# Prints the sizes of a release build in dist/ as a server sends them (gzip -9): the page's
# first download (its wasm, JS glue and chunk loader, all fetched before the plan shows),
# then each chunk loaded on demand and the worker, apart. With a byte limit as argument it
# fails when the first download is larger (scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-}
gz() { gzip -9 -c "$1" | wc -c; }
app=$(ls -d dist/app-*)
first=0
for file in madori-app_bg.wasm madori-app.js __wasm_split.js; do
  size=$(gz "$app/$file")
  first=$((first + size))
  echo "first download: $file $(stat -c %s "$app/$file") bytes, $size gzipped"
done
echo "first download (gzipped): $first bytes (target 409600)"
for chunk in "$app"/*.wasm; do
  [ "$(basename "$chunk")" = madori-app_bg.wasm ] && continue
  echo "on demand: $(basename "$chunk") $(stat -c %s "$chunk") bytes, $(gz "$chunk") gzipped"
done
worker=dist/madori-worker_bg.wasm
echo "on demand: worker $(stat -c %s "$worker") bytes, $(gz "$worker") gzipped"
if [ -n "$limit" ] && [ "$first" -gt "$limit" ]; then
  echo "the first download grew past $limit bytes gzipped" >&2
  exit 1
fi
