#!/usr/bin/env bash
# The base cache cannot be written (disk full, read-only mount): the cache is an
# optimisation, so the run warns and still judges; nothing is left behind.
# Simulated with a regular file where the cache folder should be (ENOTDIR), which holds
# for root too; a non-root run also tries a read-only folder.
source "$(dirname "$0")/../../gate_run/e2e/lib.sh"
make_repo
write_program 2
commit_all "head"
before="$(git -C "$REPO" status --porcelain=v2 --branch; git -C "$REPO" rev-parse HEAD)"

export XDG_CACHE_HOME="$WORK/not-a-folder"
echo "a file" > "$XDG_CACHE_HOME"
run_gate run --head feature --base main
expect_status 1
expect_in_report "hot_loop"
grep -q "cache" "$WORK/stderr" || fail "no warning about the cache"
expect_no_temp_tree

if [ "$(id -u)" -ne 0 ]; then
  export XDG_CACHE_HOME="$WORK/read-only"
  mkdir -p "$XDG_CACHE_HOME/zkgate"
  chmod -R a-w "$XDG_CACHE_HOME"
  run_gate run --head feature --base main
  chmod -R u+w "$XDG_CACHE_HOME"
  expect_status 1
  grep -q "cache" "$WORK/stderr" || fail "no warning about the read-only cache"
  expect_no_temp_tree
fi
[ "$(git -C "$REPO" status --porcelain=v2 --branch; git -C "$REPO" rev-parse HEAD)" = "$before" ] || fail "checkout changed"
echo "ok: an unwritable cache is a warning, the run still judges"
