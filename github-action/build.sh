#!/usr/bin/env bash
# Builds zkgate (patchcheck and gate, no tests) and installs it under PREFIX.
#   build.sh ZKGATE_SOURCE_DIR PREFIX
set -euo pipefail

source_dir="${1:?usage: build.sh ZKGATE_SOURCE_DIR PREFIX}"
prefix="${2:?usage: build.sh ZKGATE_SOURCE_DIR PREFIX}"
build_dir="${RUNNER_TEMP:-/tmp}/zkgate-build"

started=$(date +%s)
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DZKGATE_BUILD_TESTS=OFF
cmake --build "$build_dir" -j "$(nproc)"
cmake --install "$build_dir" --prefix "$prefix"
echo "zkgate: built and installed into $prefix in $(( $(date +%s) - started )) s" >&2
