#!/usr/bin/env bash
# Measures `gate run` against the work it drives, on the scratch repository of the
# end-to-end tests (a C program built with cc, profiled with valgrind --tool=callgrind):
#   1. gate's own overhead (checkout + parse + compare + report) as a share of a run:
#      wall time of `gate run --no-cache` minus the wall time of the same build and
#      profile commands run by hand, both revisions;
#   2. cached vs uncached wall time: the second run on the same base profiles only the head.
# Usage: bench/run_overhead.sh [GATE_BINARY] [LOOP_COUNT] [REPEATS]
# Run on demand (not in ctest); figures go into README.md "gate run".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export GATE="${1:-$root/build/gate/cli/gate}"
loops="${2:-200000}"
repeats="${3:-5}"
source "$root/tests/gate_run/e2e/lib.sh"

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

make_repo
write_program 1 "$loops"
commit_all "base with $loops iterations"
git -C "$REPO" branch -f main HEAD
write_program 2 "$loops"
commit_all "head: more work"

# The commands gate runs, by hand, in a throwaway copy of each revision.
by_hand() {
  local dir
  for rev in main feature; do
    dir="$WORK/hand-$rev"
    rm -rf "$dir"
    git -C "$REPO" worktree add -q --detach "$dir" "$rev"
    (cd "$dir" && cc -O0 -g -o hot hot.c &&
       valgrind --tool=callgrind --callgrind-out-file="$dir/cg.out" ./hot >/dev/null 2>&1)
    git -C "$REPO" worktree remove --force "$dir"
  done
}

hand=(); uncached=(); cached=()
for _ in $(seq "$repeats"); do
  t0=$(now); by_hand; t1=$(now)
  hand+=("$(calc "$t1 - $t0")")
  t0=$(now); run_gate run --head feature --base main --no-cache --quiet; t1=$(now)
  [ "$status" -eq 1 ] || fail "uncached run exited $status"
  uncached+=("$(calc "$t1 - $t0")")
  run_gate run --head feature --base main --quiet >/dev/null   # warm the cache
  t0=$(now); run_gate run --head feature --base main --quiet; t1=$(now)
  [ "$status" -eq 1 ] || fail "cached run exited $status"
  cached+=("$(calc "$t1 - $t0")")
done

h=$(printf '%s\n' "${hand[@]}" | median)
u=$(printf '%s\n' "${uncached[@]}" | median)
c=$(printf '%s\n' "${cached[@]}" | median)
printf 'loop count %s, median of %s runs\n' "$loops" "$repeats"
printf 'commands by hand (2 builds + 2 callgrind runs): %.3f s\n' "$h"
printf 'gate run --no-cache:                            %.3f s\n' "$u"
printf 'gate overhead:                                  %.3f s (%.1f%% of the run)\n' \
  "$(calc "$u - $h")" "$(calc "100 * ($u - $h) / $u")"
printf 'gate run, base cached:                          %.3f s (%.2fx of uncached)\n' "$c" "$(calc "$c / $u")"
