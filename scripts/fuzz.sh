#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for a set time.
#   scripts/fuzz.sh                    every target for 60 s, optimised build in build-fuzz/
#   scripts/fuzz.sh -t 600 -j 2        every target for 10 minutes, two at a time
#   scripts/fuzz.sh -t 5 fuzz_cargo_lock fuzz_policy_yaml   only these
#   scripts/fuzz.sh --ci --build-dir build-ci   what CI runs: the CI set (one target per input
#                                      format), 60 s each, two at a time, seed 1, an input
#                                      running 60 s is a hang (10 s otherwise), in the
#                                      sanitizer build scripts/test.sh --sanitize made
#   scripts/fuzz.sh --list [--ci]      the targets this tree builds (or the CI set)
# Options: -t SECONDS per target; -j JOBS at once (each takes one core); --seed N (libFuzzer's
# -seed; runs still differ between machines, which read the seed folder in another order
# and get through more or fewer inputs in the time); --build-dir DIR (an existing
# build configured with -DZKGATE_FUZZ=ON is reused as it is; otherwise DIR is configured as an
# optimised fuzz-only build).
# Seeds come from fuzz/make-corpus.sh; what a run discovers is kept in DIR/corpus/<target>/,
# crashing inputs in DIR/findings/<target>/, logs in DIR/logs/. Exit 0 when no target found
# anything, 1 when one did, 2 on a usage or build error.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
jobs=1
# One input running longer than this (wall clock) is reported as a hang. CI's budget is wider:
# its -O0 sanitizer build parses the real 36 KB matrix in ~0.6 s, and a starved machine once
# stretched that past 10 s (a "timeout" finding that was only load).
hang_seconds=10
seed=""
list_only=no
ci=no
build_dir=build-fuzz
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    -t|--seconds) seconds="${2:?-t needs a number of seconds}"; shift 2 ;;
    -j|--jobs) jobs="${2:?-j needs a number of jobs}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    --build-dir) build_dir="${2:?--build-dir needs a folder}"; shift 2 ;;
    --ci) ci=yes; jobs=2; seed="${seed:-1}"; hang_seconds=60; shift ;;
    --list) list_only=yes; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
for number in "$seconds" "$jobs" ${seed:+"$seed"}; do
  [[ "$number" =~ ^[0-9]+$ && "$number" -gt 0 ]] || { echo "fuzz.sh: expected a positive number, found '$number'" >&2; exit 2; }
done

scripts/install-deps.sh
if ! grep -q '^ZKGATE_FUZZ:BOOL=ON' "$build_dir/CMakeCache.txt" 2>/dev/null; then
  CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DZKGATE_FUZZ=ON -DZKGATE_BUILD_TESTS=OFF -DZKGATE_WERROR="${ZKGATE_WERROR:-OFF}" >/dev/null \
    || { echo "fuzz.sh: cmake failed" >&2; exit 2; }
fi
list_file="$build_dir/fuzzers.txt"
if [ "$ci" = yes ]; then list_file="$build_dir/fuzzers-ci.txt"; fi
mapfile -t built < "$list_file"
if [ "$list_only" = yes ]; then printf '%s\n' "${built[@]}"; exit 0; fi
[ "${#targets[@]}" -gt 0 ] || targets=("${built[@]}")
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}" || { echo "fuzz.sh: build failed" >&2; exit 2; }

fuzz/make-corpus.sh "$build_dir/corpus" "${targets[@]}"
mkdir -p "$build_dir/logs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# ASan's redzones make std::regex's recursive frames several times larger than in a release
# build; the regex bound (util/bounded_regex.h) is sized for release frames.
ulimit -s 65536 2>/dev/null || ulimit -s unlimited 2>/dev/null || true

# run_target TARGET: one fuzzing session; its verdict goes to the log's last line.
run_target() {
  local target="$1" findings="$build_dir/findings/$1" log="$build_dir/logs/$1.log"
  mkdir -p "$findings" "$build_dir/corpus/$target"
  # -timeout: one input taking hang_seconds is a hang; -rss_limit_mb: 2 GB is a memory blow-up.
  if "$build_dir/fuzz/$target" -max_total_time="$seconds" -timeout="$hang_seconds" -rss_limit_mb=2048 ${seed:+-seed="$seed"} \
       -artifact_prefix="$findings/" -print_final_stats=1 "$build_dir/corpus/$target" >"$log" 2>&1; then
    echo "zkgate-fuzz: no finding" >>"$log"
  else
    echo "zkgate-fuzz: FINDING" >>"$log"
  fi
}

echo "fuzz.sh: ${#targets[@]} target(s), ${seconds} s each, ${jobs} at a time${seed:+, seed $seed}, in $build_dir"
running=0
for target in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
  run_target "$target" &
  running=$((running + 1))
done
wait

failed=()
for target in "${targets[@]}"; do
  log="$build_dir/logs/$target.log"
  if [ "$(tail -n 1 "$log")" = "zkgate-fuzz: no finding" ]; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz.sh: $target: ${seconds} s, $runs inputs, no finding"
  else
    echo "fuzz.sh: $target: FINDING (see $log and $build_dir/findings/$target/)" >&2
    # The report with its stack trace, so a CI log alone shows what failed.
    grep -A 30 -m1 -E 'ERROR: |runtime error|uncaught exception|deadly signal' "$log" >&2 || tail -n 30 "$log" >&2
    failed+=("$target")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz.sh: findings in ${failed[*]}" >&2
  exit 1
fi
