#!/usr/bin/env bash
# The README's test command: installs dependencies, builds, runs every test with ctest.
#   scripts/test.sh                         plain build in build/; with CI=true the sanitizer build
#   scripts/test.sh --sanitize              ASan+UBSan build in build-asan/ (-O0 -g1), every suite
#   scripts/test.sh --sanitize --only "util_tests gate_profile_tests"
#                                           only these targets, and the tests whose names start so
#   scripts/test.sh --plain                 the plain build even when CI=true
# Warnings are errors when CI=true or ZKGATE_WERROR=ON.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
build_type=RelWithDebInfo
sanitize=OFF
only=()
# CI builds once, with the sanitizers, so the whole suite runs under ASan+UBSan: at -O0 the
# instrumented build costs what the plain -O2 build costs (see --sanitize below), and a
# second full build would not fit CI's time budget.
if [ "${CI:-}" = "true" ]; then build_dir=build-asan; build_type=Debug; sanitize=ON; fi
while [ $# -gt 0 ]; do
  case "$1" in
    # -O0: with -O2 the sanitizer instrumentation triples compile time (ziskemu_parser.cc
    # 8 s -> 25 s of CPU); at -O0 it costs what the plain build costs and finds the same bugs.
    --sanitize) build_dir=build-asan; build_type=Debug; sanitize=ON; shift ;;
    --only) read -r -a only <<< "${2:?--only needs a list of targets}"; shift 2 ;;
    --plain) build_dir=build; build_type=RelWithDebInfo; sanitize=OFF; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "test.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

werror="${ZKGATE_WERROR:-OFF}"
if [ "${CI:-}" = "true" ]; then werror=ON; fi

scripts/install-deps.sh
# -g1: line tables for sanitizer stack traces, without the cost of full debug info.
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1" \
  -DZKGATE_WERROR="$werror" -DZKGATE_SANITIZE="$sanitize" >/dev/null
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# A test must fail twice in a row to fail the run: the end-to-end scenarios run real builds and
# valgrind on a loaded 2-core machine, and one failed attempt is still printed in full.
retry=(--repeat until-pass:2)
if [ "${#only[@]}" -eq 0 ]; then
  cmake --build "$build_dir" -j "$(nproc)"
  ctest --test-dir "$build_dir" --output-on-failure "${retry[@]}" -j "$(nproc)"
else
  cmake --build "$build_dir" -j "$(nproc)" --target "${only[@]}"
  pattern="$(IFS='|'; echo "${only[*]}")"
  ctest --test-dir "$build_dir" --output-on-failure "${retry[@]}" -j "$(nproc)" -R "^($pattern)"
fi
