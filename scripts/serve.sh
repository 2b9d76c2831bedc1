#!/usr/bin/env bash
# Sets up a fresh machine if needed, then serves the app on http://127.0.0.1:8080
# (pass --release for the optimised build).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
exec trunk serve "$@"
