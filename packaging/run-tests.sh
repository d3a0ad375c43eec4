#!/usr/bin/env bash
# Install what is missing, build, and run every test (core, CLI, GUI under the offscreen platform).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
bash packaging/build.sh
cd build
QT_QPA_PLATFORM=offscreen ctest --no-tests=error --output-on-failure -j"$(nproc)"
