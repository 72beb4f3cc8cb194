#!/usr/bin/env bash
# (a) A head commit that adds work in the hot loop fails the gate (exit 1), and the
# report names the function that grew.
source "$(dirname "$0")/lib.sh"
make_repo
write_program 4
commit_all "more work in the hot loop"

run_gate run --head feature --base main --no-cache
expect_status 1
expect_in_report "hot_loop"
expect_in_report "regress"
expect_no_temp_tree
echo "ok: regression detected, hot_loop named"
