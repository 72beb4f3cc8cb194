#!/usr/bin/env bash
# The README's test command: installs dependencies, builds, runs every test with ctest.
#   scripts/test.sh                         plain build in build/ (g++ -O2); with CI=true: --sanitize --fuzz
#   scripts/test.sh --sanitize              clang ASan+UBSan build in build-ci/ (-O0 -g1), every suite
#   scripts/test.sh --sanitize --fuzz       ... then the CI fuzz set, 60 s per target (scripts/fuzz.sh --ci)
#   scripts/test.sh --sanitize --only "util_tests gate_profile_tests"
#                                           only these targets, and the tests whose names start so
#   scripts/test.sh --plain                 the plain build even when CI=true
# Warnings are errors when CI=true or ZKGATE_WERROR=ON.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitize=no
fuzz=no
only=()
# CI builds once, with clang and the sanitizers: the test suites and the libFuzzer targets
# come out of the same build (at -O0 it costs what the plain -O2 build costs), so the whole
# suite runs under ASan+UBSan and every input format is fuzzed within CI's time budget.
if [ "${CI:-}" = "true" ]; then sanitize=yes; fuzz=yes; fi
while [ $# -gt 0 ]; do
  case "$1" in
    --sanitize) sanitize=yes; shift ;;
    --fuzz) fuzz=yes; shift ;;
    --only) read -r -a only <<< "${2:?--only needs a list of targets}"; shift 2 ;;
    --plain) sanitize=no; fuzz=no; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "test.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ "$fuzz" = yes ] && [ "$sanitize" = no ]; then echo "test.sh: --fuzz needs --sanitize" >&2; exit 2; fi

werror="${ZKGATE_WERROR:-OFF}"
if [ "${CI:-}" = "true" ]; then werror=ON; fi

scripts/install-deps.sh
if [ "$sanitize" = yes ]; then
  build_dir=build-ci
  # -O0: sanitizer instrumentation at -O2 costs 4.4x the compile time and finds the same bugs.
  # -g1: line tables for sanitizer stack traces, without the cost of full debug info.
  # PCH: nlohmann-json, fmt (and Boost.Test) precompiled once per library and suite: CI's
  # build is cold, where this saves about a third of the front-end time; locally ccache does
  # better without it.
  # lld: the instrumented test binaries link in a fraction of ld.bfd's time.
  CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1" \
    -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld \
    -DZKGATE_WERROR="$werror" -DZKGATE_SANITIZE=ON -DZKGATE_FUZZ=ON -DZKGATE_PCH=ON >/dev/null
  # ASan's redzones make std::regex's recursive frames several times larger than a release
  # build's; the regex bound (util/bounded_regex.h) is sized for release frames.
  ulimit -s 65536 2>/dev/null || ulimit -s unlimited 2>/dev/null || true
else
  build_dir=build
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DZKGATE_WERROR="$werror" -DZKGATE_SANITIZE=OFF >/dev/null
fi
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
if [ "$fuzz" = yes ]; then
  scripts/fuzz.sh --ci --build-dir "$build_dir"
fi
