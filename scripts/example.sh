#!/usr/bin/env bash
# The README's first command: installs dependencies, builds patchcheck and runs it on the
# bundled example guest tree (examples/), printing the report.
#
# The example tree holds findings on purpose (see examples/README.md), so patchcheck itself
# exits 1. This script prints that exit code and exits 0, unless patchcheck could not judge
# (exit 2: unreadable input, invalid TOML/matrix), which it passes on.
# Extra arguments go to patchcheck, e.g. `scripts/example.sh --format markdown`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target patchcheck -j "$(nproc)" >/dev/null

cd examples
set +e
../build/patchcheck/patchcheck "$@" .
status=$?
set -e
echo
echo "patchcheck exit code: $status (0 = clean, 1 = findings at or above --fail-on, 2 = could not judge)"
if [ "$status" -ge 2 ]; then exit "$status"; fi
exit 0
