#!/usr/bin/env bash
# Times `gate compare` on the largest real profiles of ../shared/corpus, with every output
# (text, markdown, JSON) and the crypto diagnosis:
#   1. the OpenVM metrics.json pair (121 KB each, the two largest real profiles);
#   2. the largest real ziskemu profile (bulk, reth, 115 KB) against ethrex's (62 KB):
#      the full ZisK path (cost distribution, opcodes, top-N functions, crypto matrix).
#   bench/gate-compare-bench.sh            GATE=path/to/gate to use another binary
# Prints wall/CPU time and peak RSS (from /usr/bin/time -v) for 5 runs each.
# Run on demand (not in ctest); figures go in README.md, section "gate compare".
set -euo pipefail
cd "$(dirname "$0")/.."

gate="${GATE:-build/gate/cli/gate}"
profiles="${ZKGATE_CORPUS:-../shared/corpus}/profiles"
bulk="${ZKGATE_CORPUS:-../shared/corpus}/bulk/data/profiles/zisk"
if [ ! -x "$gate" ]; then echo "gate-compare-bench: $gate not built (cmake --build build --target gate)" >&2; exit 2; fi
if [ ! -d "$profiles" ]; then echo "gate-compare-bench: corpus not found at $profiles" >&2; exit 2; fi

work="$(mktemp -d /tmp/zkgate-compare-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
largest_zisk="$(find "$bulk" -name '*.prof' -type f -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)"

bench() {
  local label="$1" base="$2" head="$3"
  echo "$label: $(stat -c %s "$base") + $(stat -c %s "$head") bytes"
  for attempt in 1 2 3 4 5; do
    # Exit 1 (regression) is a valid outcome here; only 2 (could not judge) is a failure.
    /usr/bin/time -v "$gate" compare "$base" "$head" --markdown "$work/r.md" --json "$work/r.json" \
      >"$work/out.txt" 2>"$work/time.txt" || [ $? -eq 1 ]
    awk -v n="$attempt" -F': ' '
      /Elapsed \(wall clock\)/ {wall=$2} /User time/ {user=$2} /System time/ {sys=$2}
      /Maximum resident set size/ {rss=$2}
      END {printf "  run %d: %s wall, %s s user, %s s sys, %s KB peak RSS\n", n, wall, user, sys, rss}' "$work/time.txt"
  done
}

bench "openvm metrics pair" "$profiles/openvm/openvm-metrics.prev.example.json" "$profiles/openvm/openvm-metrics.example.json"
bench "ziskemu (ethrex -> largest bulk reth profile)" "$profiles/zisk/ethrex-05_avoid_nodetype_clone.txt" "$largest_zisk"
