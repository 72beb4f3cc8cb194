#!/usr/bin/env bash
# A profile command that hangs: the case timeout kills its whole process group (a
# background grandchild included), the run says why and exits 2, nothing is left behind.
source "$(dirname "$0")/../../gate_run/e2e/lib.sh"
make_repo
write_program 2
commit_all "head"
cat > "$WORK/hang.yml" <<YML
cases:
  - name: hang
    zkvm: native
    build: cc -O0 -g -o hot hot.c
    profile: (sleep 4; echo late > "$WORK/late") & sleep 600
    output: \$ZKGATE_OUT/callgrind.out
    format: callgrind
    timeout: 2s
YML
run_gate run --head feature --base main --no-cache --config "$WORK/hang.yml"
expect_status 2
grep -q "timed out after 2 s" "$WORK/stdout" "$WORK/stderr" || fail "no 'timed out after 2 s' reason"
sleep 5
[ ! -e "$WORK/late" ] || fail "the profile command's background child survived the timeout"
expect_no_temp_tree
echo "ok: hung profile command killed with its process group, exit 2 with the reason"
