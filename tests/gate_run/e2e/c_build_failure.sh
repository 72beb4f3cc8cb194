#!/usr/bin/env bash
# (c) A head whose build fails cannot be judged: exit 2, and the report shows the
# failing command, its exit status and the tail of its log.
source "$(dirname "$0")/lib.sh"
make_repo
printf 'int main(void) { return undeclared_symbol; }\n' > "$REPO/hot.c"
commit_all "break the build"

run_gate run --head feature --base main --no-cache
expect_status 2
expect_in_report "failed in head"
expect_in_report "exit status 1"
expect_in_report "undeclared_symbol"
[ -s "$OUT/head/hot/build.stderr.log" ] || fail "build log not kept under --out"
expect_no_temp_tree
echo "ok: build failure reported with its log tail"
