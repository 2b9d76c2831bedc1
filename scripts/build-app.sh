#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): builds the page's own wasm, which Trunk cannot, because
# the release build is split. Rarely used views (`on_demand!` in app/src/lib.rs) become chunks
# fetched the first time they are shown, so the page's first download holds only what the
# editor needs to show a plan and its verdicts:
#   cargo (feature `split`: the linker keeps its relocations) -> wasm-split-cli (main module,
#   one wasm per split point, __wasm_split.js that loads them) -> wasm-bindgen -> wasm-opt.
# A debug build (`trunk serve`) is not split: the same functions are plain `async fn`s.
# Everything goes into one directory named after its content (app-<hash>/), and index.html's
# `./app/` links are pointed at it, so a page the service worker kept never mixes its main
# module with chunks of another build.
set -euo pipefail
cd "$(dirname "$0")/.."
staging=${TRUNK_STAGING_DIR:?run by trunk (Trunk.toml hooks)}
profile=${TRUNK_PROFILE:-debug}
work=target/madori-app-build
rm -rf "$work"
mkdir -p "$work/out"

if [ "$profile" = release ]; then
  cargo build --release --target wasm32-unknown-unknown -p madori-app --bin madori-app \
    --features split --locked
  wasm-split-cli target/wasm32-unknown-unknown/release/madori-app.wasm "$work" --out-name madori-app
  wasm-bindgen --target web --keep-lld-exports --no-typescript --out-name madori-app \
    --out-dir "$work/out" "$work/madori-app.wasm"
  mv "$work/__wasm_split.js" "$work/out/"
  # The same flags as the worker's build (index.html). Rust's wasm32 code never reaches the
  # low 1 KiB of memory by a pointer sum wrapping past 4 GiB, so wasm-opt may fold constant
  # offsets into loads and stores (low-memory-unused: about 4 KB gzipped less).
  features="--enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int"
  features+=" --enable-sign-ext --enable-multivalue"
  # The producers and target-features sections are tooling notes no browser reads.
  features+=" --low-memory-unused --strip-producers --strip-target-features"
  wasm-opt -Oz $features --one-caller-inline-max-function-size=20 \
    "$work/out/madori-app_bg.wasm" -o "$work/out/madori-app_bg.wasm"
  for chunk in "$work"/*.wasm; do
    [ "$(basename "$chunk")" = madori-app.wasm ] && continue
    wasm-opt -Oz $features "$chunk" -o "$work/out/$(basename "$chunk")"
  done
  # The JS glue and the chunk loader are part of the first download too (exported names and
  # the import object's keys are kept: the wasm and the loader refer to them).
  for js in madori-app.js __wasm_split.js; do
    terser "$work/out/$js" --module --compress --mangle -o "$work/out/$js"
  done
else
  cargo build --target wasm32-unknown-unknown -p madori-app --bin madori-app --locked
  wasm-bindgen --target web --no-typescript --out-name madori-app --out-dir "$work/out" \
    target/wasm32-unknown-unknown/debug/madori-app.wasm
fi

dir="app-$(cat "$work"/out/* | sha256sum | cut -c1-16)"
rm -rf "${staging:?}/$dir"
mv "$work/out" "$staging/$dir"
# Trunk leaves the skipped rust link in place (it stops Trunk looking for a crate of its own).
sed -i -e "s#\./app/#./$dir/#g" -e '/data-trunk-skip/d' "$staging/index.html"
echo "built $dir: $(cd "$staging/$dir" && ls | tr '\n' ' ')"
