#!/usr/bin/env bash
# Parser benchmark (on demand, never in ctest): builds a ~100 MB input per format in /tmp
# by repeating real corpus sections (bench/parse_inputs.py), then parses each with
# /usr/bin/time -v and prints wall time, throughput and peak RSS. With --instructions it also
# counts the instructions executed (valgrind --tool=callgrind, ~50x slower: use ~10 MB), a
# figure that does not depend on the machine's load.
#   bench/parse_bench.sh [MB] [--instructions]   default 100; needs build/ and ../shared/corpus
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-100}"
count_instructions="${2:-}"
corpus="${ZKGATE_CORPUS:-../shared/corpus}"
work="$(mktemp -d /tmp/zkgate-parse-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

cmake --build build --target zkgate_profile >/dev/null
c++ -std=c++20 -O2 -I. bench/parse_profile_main.cc build/gate/profile/libzkgate_profile.a \
  build/util/libzkgate_util.a -lfmt -o "$work/parse_bench"

# A real callgrind file to repeat: a tiny C program run under valgrind.
cat > "$work/demo.c" <<'C'
#include <stdio.h>
static unsigned long fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int main(void) { unsigned long s = 0; for (unsigned i = 0; i < 200; ++i) s += fib(i % 18); printf("%lu\n", s); return 0; }
C
cc -O0 -g -o "$work/demo" "$work/demo.c"
valgrind --tool=callgrind --callgrind-out-file="$work/demo.callgrind" "$work/demo" >/dev/null 2>&1
# A real zkgate JSON to repeat: the ethrex ziskemu profile written by the driver.
"$work/parse_bench" "$corpus/profiles/zisk/ethrex-05_avoid_nodetype_clone.txt" ziskemu --write-json "$work/ethrex.json" >/dev/null

printf '%-15s %8s %7s %8s %6s %12s %12s\n' format "size MB" "wall s" "MB/s" "CPU s" "MB/CPU-s" "peak RSS MB"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for format in ziskemu sp1-log risc0-log openvm-metrics callgrind zkgate-json; do
  case "$format" in
    callgrind) source="$work/demo.callgrind" ;;
    zkgate-json) source="$work/ethrex.json" ;;
    *) source="$corpus" ;;
  esac
  input="$work/input.$format"
  python3 bench/parse_inputs.py "$format" "$source" "$input" "$megabytes"
  /usr/bin/time -v "$work/parse_bench" "$input" "$format" >"$work/out" 2>"$work/time"
  size=$(stat -c %s "$input")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2 / 1024}' "$work/time")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time")
  awk -v f="$format" -v b="$size" -v w="$wall" -v c="$cpu" -v r="$rss" \
    'BEGIN { printf "%-15s %8.1f %7.2f %8.0f %6.2f %12.0f %12.1f\n", f, b / 1e6, w, b / 1e6 / w, c, b / 1e6 / c, r }'
  echo "                driver: $(cat "$work/out")"
  if [ "$count_instructions" = "--instructions" ]; then
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$work/parse_bench" "$input" "$format" \
      >/dev/null 2>"$work/valgrind"
    instructions=$(awk '/ I *refs:/ {gsub(",", "", $NF); print $NF}' "$work/valgrind")
    awk -v i="$instructions" -v b="$size" \
      'BEGIN { printf "                instructions: %d (%.1f per input byte, process start and exit included)\n", i, i / b }'
  fi
  rm -f "$input"
done
