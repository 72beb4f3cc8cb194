#!/usr/bin/env bash
# (e) A head that raises its own threshold does not change the verdict: the config is
# read from the base revision. The report says which config judged it.
source "$(dirname "$0")/lib.sh"
make_repo 1
write_program 4
write_config 100000
commit_all "more work, and a looser gate"

run_gate run --head feature --base main --no-cache
expect_status 1
expect_in_report ".zkgate.yml at base"

# The same head judged with its own config (an explicit local override) would pass.
run_gate run --head feature --base main --no-cache --config "$REPO/.zkgate.yml"
expect_status 0
expect_in_report "--config override"
echo "ok: the base config judges the head"
