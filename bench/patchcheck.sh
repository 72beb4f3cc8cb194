#!/usr/bin/env bash
# Benchmark: patchcheck over every guest of the real-data corpus (ethrex + tokamak-ethrex,
# about 2 MB of Cargo.toml + Cargo.lock) with /usr/bin/time -v. Run on demand, not in ctest.
#   bench/patchcheck.sh [RUNS]        default 10 runs; prints each run and the best one
# Targets (issue 2): under 20 ms wall and 20 MB max RSS for the whole run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
corpus="${ZKGATE_SHARED_DIR:-../shared}/corpus"
if [ ! -d "$corpus/ethrex" ]; then
  echo "bench/patchcheck.sh: corpus not found at $corpus (set ZKGATE_SHARED_DIR)" >&2
  exit 2
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target patchcheck >/dev/null
bin="$PWD/build/patchcheck/patchcheck"
guests=$(find "$corpus/ethrex" "$corpus/tokamak-ethrex" -name Cargo.toml | wc -l)
bytes=$(find "$corpus/ethrex" "$corpus/tokamak-ethrex" \( -name Cargo.toml -o -name Cargo.lock \) -print0 | xargs -0 cat | wc -c)
echo "patchcheck over $guests corpus guests ($bytes bytes of Cargo.toml + Cargo.lock), $runs runs"
cd "$corpus"
best_wall=""
best_rss=""
for _ in $(seq "$runs"); do
  log=$(mktemp)
  # Exit 1 is expected: the corpus holds real findings.
  /usr/bin/time -v "$bin" --color never --glob '*/*/Cargo.toml' ethrex tokamak-ethrex >/dev/null 2>"$log" || true
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  echo "wall $wall  user ${user}s  sys ${sys}s  max RSS ${rss} KB"
  seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  if [ -z "$best_wall" ] || awk "BEGIN { exit !($seconds < $best_wall) }"; then best_wall=$seconds; fi
  if [ -z "$best_rss" ] || [ "$rss" -lt "$best_rss" ]; then best_rss=$rss; fi
  rm -f "$log"
done
echo "best: wall $(awk "BEGIN { printf \"%.0f\", $best_wall * 1000 }") ms, max RSS $best_rss KB (targets: < 20 ms, < 20480 KB)"
