#!/usr/bin/env bash
# (b) A head that removes work passes (exit 0) and the report shows the improvement.
source "$(dirname "$0")/lib.sh"
make_repo
write_program 0
commit_all "less work in the hot loop"

run_gate run --head feature --base main --no-cache
expect_status 0
expect_in_report "improved"
expect_in_report "hot_loop"
expect_no_temp_tree
echo "ok: improvement passes and is reported"
