#!/usr/bin/env bash
# Times a suite comparison at scale: two eth-act results trees of N workloads each
# (default 10,000), generated into /tmp from the real result files in
# ../shared/corpus/bulk with perturbed numbers, compared with `gate compare`.
#   bench/suite-bench.sh [N]            GATE=path/to/gate to use another binary
# Prints elapsed/CPU seconds and peak RSS for: markdown report only; markdown + --json.
# Run on demand (not in ctest); figures go in README.md, section "Suites".
set -euo pipefail
cd "$(dirname "$0")/.."

count="${1:-10000}"
gate="${GATE:-build/gate/cli/gate}"
corpus="${ZKGATE_CORPUS:-../shared/corpus}/bulk"
if [ ! -x "$gate" ]; then echo "suite-bench: $gate not built (cmake --build build --target gate)" >&2; exit 2; fi
if [ ! -d "$corpus" ]; then echo "suite-bench: corpus not found at $corpus" >&2; exit 2; fi

work="$(mktemp -d /tmp/zkgate-suite-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
python3 bench/suite_bench_gen.py "$corpus" "$work" "$count"
echo "suite-bench: $(find "$work/base" -type f | wc -l) base files, $(find "$work/head" -type f | wc -l) head files" >&2

run() {
  local label="$1"; shift
  for attempt in 1 2 3; do
    # Exit 1 is expected: the generated head has regressions, crashes and missing workloads.
    /usr/bin/time -f "$label run $attempt: %e s elapsed, %U s user, %S s sys, %M KB peak RSS" \
      "$gate" compare "$work/base" "$work/head" "$@" >/dev/null || [ $? -eq 1 ]
  done
}
run "markdown" --markdown "$work/report.md"
run "markdown+json" --markdown "$work/report.md" --json "$work/report.json"
echo "suite-bench: report $(wc -c <"$work/report.md") bytes, json $(wc -c <"$work/report.json") bytes" >&2
