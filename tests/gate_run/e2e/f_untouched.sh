#!/usr/bin/env bash
# (f) gate run leaves the user's working tree and index byte-identical and no
# temporary tree behind: after a normal run, and when interrupted with SIGINT.
source "$(dirname "$0")/lib.sh"
make_repo
write_program 3                     # uncommitted edit: the head is the working tree
echo "scratch" > "$REPO/notes.txt"  # untracked
git -C "$REPO" add notes.txt        # ... and staged, so the index differs from HEAD

snapshot() {
  (cd "$REPO" && find . -path ./.git/logs -prune -o -type f -print0 | sort -z | xargs -0 sha256sum
   git status --porcelain=v2 --branch; git rev-parse HEAD; git for-each-ref)
}
before="$(snapshot)"

run_gate run --base main --no-cache
expect_status 1
[ "$(snapshot)" = "$before" ] || fail "working tree, index or refs changed by a normal run"
expect_no_temp_tree

# Interrupted while the profile command runs.
cat > "$WORK/slow.yml" <<YML
cases:
  - name: slow
    zkvm: native
    build: cc -O0 -g -o hot hot.c
    profile: touch "$WORK/started"; sleep 60
YML
(cd "$REPO" && exec "$GATE" run --base main --no-cache --config "$WORK/slow.yml" --out "$OUT" \
   > "$WORK/stdout" 2> "$WORK/stderr") &
pid=$!
for _ in $(seq 1 300); do [ -e "$WORK/started" ] && break; sleep 0.1; done
[ -e "$WORK/started" ] || { kill -KILL "$pid"; fail "profile command never started"; }
[ -n "$(find "$TMPDIR" -mindepth 1 -maxdepth 1)" ] || fail "no temporary tree while running (test is not testing)"
kill -INT "$pid"
set +e
wait "$pid"
status=$?
set -e
[ "$status" -eq 2 ] || { cat "$WORK/stderr" >&2; fail "interrupted run exited $status, expected 2"; }
grep -q "interrupted" "$WORK/stderr" || fail "no interruption message"
expect_no_temp_tree
[ "$(snapshot)" = "$before" ] || fail "working tree, index or refs changed by an interrupted run"
echo "ok: checkout untouched and no temporary tree, also on SIGINT"
