#!/usr/bin/env bash
# A profile command that starts a daemon in its own session (out of reach of the process
# group kill) holding the command's stdout and stderr open: gate must not wait for it.
source "$(dirname "$0")/../../gate_run/e2e/lib.sh"
make_repo
write_program 2
commit_all "head"
daemon_pid="$WORK/daemon.pid"
stop_daemon() {
  if [ -s "$daemon_pid" ]; then kill "$(cat "$daemon_pid")" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap stop_daemon EXIT
sed "s|    profile: |    profile: setsid sh -c 'echo \$\$ > $daemon_pid; exec sleep 120' \& |" "$REPO/.zkgate.yml" > "$WORK/daemon.yml"
grep -q setsid "$WORK/daemon.yml" || fail "config not rewritten"
run_gate run --head feature --base main --no-cache --config "$WORK/daemon.yml"
expect_status 1
expect_in_report "hot_loop"
{ [ -s "$daemon_pid" ] && kill -0 "$(cat "$daemon_pid")" 2>/dev/null; } || fail "no daemon running (test is not testing)"
expect_no_temp_tree
echo "ok: a daemon holding the command's output open does not hold up gate run"
