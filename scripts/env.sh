# Sourced by the scripts: puts the project's own tools (wasm-opt from npm) first on PATH.
export PATH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
