#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) in build-fuzz/ and runs each in turn.
#   scripts/fuzz.sh                    every target for 60 s
#   scripts/fuzz.sh -t 600             every target for 10 minutes
#   scripts/fuzz.sh -t 5 fuzz_cargo_lock fuzz_policy_yaml   only these
#   scripts/fuzz.sh --list             the targets this tree builds
# Seeds come from fuzz/make-corpus.sh; what a run discovers is kept in
# build-fuzz/corpus/<target>/, crashing inputs in build-fuzz/findings/<target>/, logs in
# build-fuzz/logs/. Exit 0 when no target found anything, 1 when one did, 2 on a build error.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
list_only=no
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    -t|--seconds) seconds="${2:?-t needs a number of seconds}"; shift 2 ;;
    --list) list_only=yes; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option: $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

build_dir=build-fuzz
scripts/install-deps.sh
CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DZKGATE_FUZZ=ON -DZKGATE_BUILD_TESTS=OFF -DZKGATE_WERROR="${ZKGATE_WERROR:-OFF}" >/dev/null \
  || { echo "fuzz.sh: cmake failed" >&2; exit 2; }
mapfile -t built < "$build_dir/fuzzers.txt"
if [ "$list_only" = yes ]; then printf '%s\n' "${built[@]}"; exit 0; fi
[ "${#targets[@]}" -gt 0 ] || targets=("${built[@]}")
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}" || { echo "fuzz.sh: build failed" >&2; exit 2; }

fuzz/make-corpus.sh "$build_dir/corpus" "${targets[@]}"
mkdir -p "$build_dir/logs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

failed=()
for target in "${targets[@]}"; do
  findings="$build_dir/findings/$target"
  mkdir -p "$findings" "$build_dir/corpus/$target"
  log="$build_dir/logs/$target.log"
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: 2 GB is a memory blow-up.
  if "$build_dir/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$findings/" -print_final_stats=1 "$build_dir/corpus/$target" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz.sh: $target: ${seconds} s, $runs inputs, no finding"
  else
    echo "fuzz.sh: $target: FINDING (see $log and $findings/)" >&2
    grep -m1 -E 'ERROR: |runtime error|uncaught exception|deadly signal' "$log" >&2 || tail -n 5 "$log" >&2
    failed+=("$target")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz.sh: findings in ${failed[*]}" >&2
  exit 1
fi
