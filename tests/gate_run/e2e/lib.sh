# Shared setup for the gate run end-to-end scenarios (sourced, not run).
# Builds a scratch git repository holding a tiny C program whose hot loop does
# EXTRA rounds of work per iteration, and a .zkgate.yml that builds it with the
# system compiler and profiles it with valgrind --tool=callgrind. Every build and
# profile appends a line to $COUNTER, so scenarios can count what really ran.
set -euo pipefail

GATE="${GATE:?set GATE to the gate binary}"
for tool in valgrind cc git; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "skipped: $tool is not installed (the scenario profiles a C program with valgrind)"
    exit 125
  fi
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zkgate-e2e-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# gate's temporary trees go under $TMPDIR: a private one lets scenarios prove none is left.
export TMPDIR="$WORK/tmp"
export XDG_CACHE_HOME="$WORK/cache"
export COUNTER="$WORK/counter"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=zkgate GIT_AUTHOR_EMAIL=zkgate@example.com
export GIT_COMMITTER_NAME=zkgate GIT_COMMITTER_EMAIL=zkgate@example.com
mkdir -p "$TMPDIR"
: > "$COUNTER"
REPO="$WORK/repo"
OUT="$WORK/out"

# Every failure shows what the last gate call printed and what ran, so a failure seen once
# (a loaded CI machine) can be diagnosed from the ctest log alone.
fail() {
  echo "FAIL: $*" >&2
  for file in "$WORK/stdout" "$WORK/stderr" "$COUNTER"; do
    if [ -f "$file" ]; then echo "--- $(basename "$file") of the last gate call" >&2; tail -n 40 "$file" >&2; fi
  done
  exit 1
}

# write_program EXTRA [N]: the program whose hot loop does EXTRA extra rounds per iteration.
write_program() {
  cat > "$REPO/hot.c" <<C
#include <stdio.h>
#include <stdlib.h>

static unsigned long mix(unsigned long x) { return (x * 2654435761UL) ^ (x >> 13); }

unsigned long hot_loop(int n) {
  unsigned long acc = 0;
  for (int i = 0; i < n; i++) {
    acc += mix((unsigned long)i);
    for (int k = 0; k < $1; k++) acc ^= mix(acc + (unsigned long)k);
  }
  return acc;
}

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : ${2:-20000};
  printf("%lu\n", hot_loop(n));
  return 0;
}
C
}

# write_config [MAX_INCREASE_PERCENT]: the gate config with one case per name in $CASES
# (default "hot"); a case named "broken" has a build that fails.
write_config() {
  local percent="${1:-1}"
  {
    echo "thresholds:"
    echo "  total:"
    echo "    max_increase_percent: $percent"
    echo "cases:"
    for name in ${CASES:-hot}; do
      local build='cc -O0 -g -o hot hot.c'
      if [ "$name" = broken ]; then build='cc -O0 -g -o hot no-such-file.c'; fi
      echo "  - name: $name"
      echo "    zkvm: native"
      echo "    build: echo \"build \$ZKGATE_ROLE \$ZKGATE_CASE\" >> \"\$COUNTER\"; $build"
      echo "    profile: echo \"profile \$ZKGATE_ROLE \$ZKGATE_CASE\" >> \"\$COUNTER\"; valgrind --tool=callgrind --callgrind-out-file=\"\$ZKGATE_OUT/callgrind.out\" ./hot"
      echo "    output: \$ZKGATE_OUT/callgrind.out"
      echo "    format: callgrind"
      echo "    timeout: 2m"
    done
  } > "$REPO/.zkgate.yml"
}

commit_all() {
  git -C "$REPO" add -A
  git -C "$REPO" commit -q -m "$1"
}

# A repository whose main holds the base program (EXTRA=1) and the config, with a
# feature branch checked out.
make_repo() {
  mkdir -p "$REPO"
  git -C "$REPO" init -q -b main
  printf 'hot\n*.o\n' > "$REPO/.gitignore"
  write_program 1
  write_config "${1:-1}"
  commit_all "base"
  git -C "$REPO" checkout -q -b feature
}

# run_gate SUBCOMMAND ARGS...: runs gate in the repository (`gate run` with --out $OUT);
# sets $status, $report (stdout), $log (stderr).
run_gate() {
  local extra=()
  if [ "$1" = run ]; then extra=(--out "$OUT"); fi
  set +e
  (cd "$REPO" && "$GATE" "$@" "${extra[@]}" > "$WORK/stdout" 2> "$WORK/stderr")
  status=$?
  set -e
  report="$(cat "$WORK/stdout")"
  log="$(cat "$WORK/stderr")"
}

expect_status() {
  if [ "$status" -ne "$1" ]; then fail "expected exit $1, got $status"; fi
}

expect_in_report() {
  if ! grep -qF -- "$1" "$WORK/stdout"; then fail "report does not contain: $1"; fi
}

count_lines() { grep -c -- "$1" "$COUNTER" || true; }

expect_no_temp_tree() {
  local left
  left="$(find "$TMPDIR" -mindepth 1 -maxdepth 1 | head -5)"
  [ -z "$left" ] || fail "temporary trees left behind: $left"
}
