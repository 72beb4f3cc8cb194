#!/usr/bin/env bash
# (g) Three CI shards, one of them failed: gate merge gives one report with every case
# and exit 2. A shard file that never arrived is reported too.
source "$(dirname "$0")/lib.sh"
CASES="alpha beta broken" make_repo
write_program 0
commit_all "less work"

for name in alpha beta broken; do
  run_gate run --head feature --base main --no-cache --case "$name" --json-out "$WORK/result-$name.json"
  [ -s "$WORK/result-$name.json" ] || fail "shard $name wrote no result"
  if [ "$name" = broken ]; then expect_status 2; else expect_status 0; fi
done

run_gate merge "$WORK/result-alpha.json" "$WORK/result-beta.json" "$WORK/result-broken.json"
expect_status 2
expect_in_report "alpha"
expect_in_report "beta"
expect_in_report "broken"
expect_in_report "failed in base"

run_gate merge "$WORK/result-alpha.json" "$WORK/result-beta.json"
expect_status 0
run_gate merge "$WORK/result-alpha.json" "$WORK/result-beta.json" --expect-case broken
expect_status 2
expect_in_report "no shard result"
run_gate merge "$WORK/result-alpha.json" "$WORK/result-beta.json" "$WORK/result-missing.json"
expect_status 2
expect_in_report "result-missing.json"
echo "ok: merged report keeps the failed and the missing shard"
