#!/usr/bin/env bash
# Quick start: install what is missing, build, and open Makran. On first start with an empty
# database the app imports its bundled sample corpus. Without a display it falls back to the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/ui/makran "$@"
fi
echo "No display found: importing the sample corpus with makran-cli instead."
db="${XDG_DATA_HOME:-$HOME/.local/share}/makran/makran.sqlite"
./build/app/makran-cli ingest --db "$db" resources/samples || true
./build/app/makran-cli export --db "$db" --format md
