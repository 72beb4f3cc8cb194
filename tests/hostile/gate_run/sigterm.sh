#!/usr/bin/env bash
# SIGTERM (a CI job cancelled) while the profile command runs: exit 2 with the reason, the
# command's process group killed, the checkout untouched, no temporary tree left.
source "$(dirname "$0")/../../gate_run/e2e/lib.sh"
make_repo
write_program 3
echo "scratch" > "$REPO/notes.txt"
git -C "$REPO" add notes.txt
snapshot() {
  (cd "$REPO" && find . -path ./.git/logs -prune -o -type f -print0 | sort -z | xargs -0 sha256sum
   git status --porcelain=v2 --branch; git rev-parse HEAD; git for-each-ref)
}
before="$(snapshot)"
cat > "$WORK/slow.yml" <<YML
cases:
  - name: slow
    zkvm: native
    build: cc -O0 -g -o hot hot.c
    profile: touch "$WORK/started"; (sleep 4; echo late > "$WORK/late") & sleep 60
YML
(cd "$REPO" && exec "$GATE" run --base main --no-cache --config "$WORK/slow.yml" --out "$OUT" \
   > "$WORK/stdout" 2> "$WORK/stderr") &
pid=$!
for _ in $(seq 1 600); do [ -e "$WORK/started" ] && break; sleep 0.1; done
[ -e "$WORK/started" ] || { kill -KILL "$pid"; fail "profile command never started"; }
kill -TERM "$pid"
set +e
wait "$pid"
status=$?
set -e
[ "$status" -eq 2 ] || { cat "$WORK/stderr" >&2; fail "terminated run exited $status, expected 2"; }
grep -q "SIGTERM" "$WORK/stderr" || { cat "$WORK/stderr" >&2; fail "no 'interrupted by SIGTERM' reason"; }
sleep 5
[ ! -e "$WORK/late" ] || fail "the profile command's background child survived SIGTERM"
expect_no_temp_tree
[ "$(snapshot)" = "$before" ] || fail "working tree, index or refs changed by a terminated run"
echo "ok: SIGTERM: exit 2 with the reason, process group killed, checkout untouched, no temporary tree"
