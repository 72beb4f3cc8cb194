#!/usr/bin/env bash
# github-action/run.sh (the action's main step) with stand-in patchcheck and gate binaries:
# modes, outputs, exit codes, the job summary, the comment never changing the verdict, and
# inputs that look like shell code staying data.
#   action_run_test.sh ZKGATE_SOURCE_DIR
# fail() exits, so "A && B || fail" is an assertion (SC2015); the single-quoted $(...) are the point (SC2016).
# shellcheck disable=SC2015,SC2016
set -euo pipefail

source_dir="${1:?usage: action_run_test.sh ZKGATE_SOURCE_DIR}"
run_sh="$source_dir/github-action/run.sh"
export REAL_GATE="${2:-}" REAL_PATCHCHECK="${3:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; passed=$((passed + 1)); }

# Stand-ins: log their arguments one per line, act as FAKE_* variables say.
mkdir -p "$work/bin"
# check_flags REAL_BINARY HELP_ARGS... -- ARGS...: fails when an --option in ARGS is not in
# the real binary's help text.
cat > "$work/bin/check-flags" <<'CHECK'
#!/usr/bin/env bash
real="$1"; shift
help_args=()
while [ "$1" != -- ]; do help_args+=("$1"); shift; done
shift
[ -n "$real" ] || exit 0
help="$("$real" "${help_args[@]}" --help)" || { echo "check-flags: $real ${help_args[*]} --help failed" >&2; exit 3; }
for arg in "$@"; do
  case "$arg" in
    --) break ;;
    --*) flag="${arg%%=*}"
         grep -qE -- "(^|[ ,])$flag([ ,=]|$)" <<< "$help" || { echo "check-flags: '${help_args[*]}' has no $flag" >&2; exit 3; } ;;
  esac
done
CHECK
cat > "$work/bin/patchcheck" <<'FAKE'
#!/usr/bin/env bash
printf '%s\n' "patchcheck" "$@" >> "$FAKE_LOG"
check-flags "$REAL_PATCHCHECK" -- "$@" || exit 3
for arg in "$@"; do
  if [ "$arg" = github ]; then echo "::error file=guest/Cargo.toml,line=3::patch-unused"; fi
  if [ "$arg" = markdown ]; then echo "## patchcheck findings"; fi
done
exit "${FAKE_PATCHCHECK_EXIT:-0}"
FAKE
cat > "$work/bin/gate" <<'FAKE'
#!/usr/bin/env bash
printf '%s\n' "gate" "$@" >> "$FAKE_LOG"
check-flags "$REAL_GATE" "$1" -- "${@:2}" || exit 3
if [ "$1" = comment ]; then
  [ "${GITHUB_TOKEN:-}" = "$FAKE_EXPECT_TOKEN" ] || { echo "wrong token" >&2; exit 2; }
  exit "${FAKE_COMMENT_EXIT:-0}"
fi
json="" markdown=""
while [ $# -gt 0 ]; do
  case "$1" in
    --json|--json-out) json="$2"; shift ;;
    --markdown) markdown="$2"; shift ;;
  esac
  shift
done
echo "## gate: ${FAKE_GATE_VERDICT:-pass}" > "$markdown"
cat > "$json" <<JSON
{"schema": "zkgate-report", "verdict": "x", "cases": [
  {"name": "a", "comparison": {"total": {"base": 1000, "head": 1100}}},
  {"name": "b", "comparison": {"total": {"base": 3000, "head": 3000}}},
  {"name": "c", "comparison": null}]}
JSON
exit "${FAKE_GATE_EXIT:-0}"
FAKE
chmod +x "$work/bin/patchcheck" "$work/bin/gate" "$work/bin/check-flags"

# Runs run.sh in a fresh scratch workspace with the given INPUT_* assignments.
run_action() {
  local case_dir="$work/case$RANDOM$RANDOM"
  mkdir -p "$case_dir/ws" "$case_dir/tmp"
  git -C "$case_dir/ws" init -q
  export FAKE_LOG="$case_dir/log" GITHUB_OUTPUT="$case_dir/output" GITHUB_STEP_SUMMARY="$case_dir/summary"
  export RUNNER_TEMP="$case_dir/tmp" HOME="$case_dir" GIT_CONFIG_GLOBAL="$case_dir/gitconfig"
  : > "$FAKE_LOG"; : > "$GITHUB_OUTPUT"; : > "$GITHUB_STEP_SUMMARY"
  last="$case_dir"
  (cd "$case_dir/ws" && env PATH="$work/bin:$PATH" "$@" bash "$run_sh" > "$case_dir/stdout" 2> "$case_dir/stderr")
}
output() { grep "^$1=" "$last/output" | cut -d= -f2-; }

# 1. both, clean: pass, outputs, summary holds both sections, cases become --case flags.
status=0
run_action INPUT_MODE=both INPUT_CASES="blk-1 blk-2" INPUT_BASE_REF=origin/main || status=$?
[ "$status" -eq 0 ] || fail "both/pass exited $status"
[ "$(output verdict)" = pass ] || fail "verdict $(output verdict)"
[ "$(output steps-delta-percent)" = "+2.50" ] || fail "delta $(output steps-delta-percent)"
[ -f "$(output report)" ] && [ -f "$(output result)" ] || fail "report/result outputs do not point at files"
grep -q "## patchcheck findings" "$last/summary" && grep -q "## gate: pass" "$last/summary" || fail "summary incomplete"
grep -q "::error file=guest/Cargo.toml" "$last/stdout" || fail "patchcheck annotations not on stdout"
tr '\n' ' ' < "$last/log" | grep -q -- "--case blk-1 --case blk-2" || fail "cases not passed as --case flags"
tr '\n' ' ' < "$last/log" | grep -q -- "--base origin/main" || fail "base ref not passed"
tr '\n' ' ' < "$last/log" | grep -q -- "--base-config .zkgate.yml" || fail "config not read from the base"
! grep -qx -- "--config" "$last/log" || fail "run.sh passed --config: the PR's own config would judge it"
ok "mode both: pass, outputs, summary, flags"

# 2. a regression in gate: exit 1, verdict regression; patchcheck findings alone: findings.
status=0
run_action INPUT_MODE=both FAKE_GATE_EXIT=1 FAKE_GATE_VERDICT=regression || status=$?
[ "$status" -eq 1 ] && [ "$(output verdict)" = regression ] || fail "regression: exit $status verdict $(output verdict)"
status=0
run_action INPUT_MODE=patchcheck FAKE_PATCHCHECK_EXIT=1 INPUT_FAIL_ON=warning || status=$?
[ "$status" -eq 1 ] && [ "$(output verdict)" = findings ] || fail "findings: exit $status verdict $(output verdict)"
grep -qx warning "$last/log" || fail "fail-on not passed"
! grep -qx gate "$last/log" || fail "mode patchcheck ran gate"
ok "regression and findings verdicts"

# 3. a failing comment (exit 2) keeps a passing verdict; the token comes from the input.
status=0
run_action INPUT_MODE=gate INPUT_COMMENT=true INPUT_TOKEN=tok-123 FAKE_EXPECT_TOKEN=tok-123 FAKE_COMMENT_EXIT=2 || status=$?
[ "$status" -eq 0 ] && [ "$(output verdict)" = pass ] || fail "comment failure changed the verdict (exit $status)"
grep -q "::warning title=zkgate::the PR comment could not be posted" "$last/stdout" || fail "no warning for the failed comment"
grep -qx comment "$last/log" || fail "comment not attempted"
ok "a failed comment does not fail the gate"

# 4. inputs that look like shell code are data.
status=0
run_action INPUT_MODE=gate INPUT_CASES='$(touch pwned) `touch pwned2`' INPUT_CONFIG='x.yml; touch pwned3' || status=$?
[ ! -e "$last/ws/pwned" ] && [ ! -e "$last/ws/pwned2" ] && [ ! -e "$last/ws/pwned3" ] || fail "an input was executed"
grep -qxF '$(touch' "$last/log" && grep -qxF 'x.yml; touch pwned3' "$last/log" || fail "inputs not passed verbatim"
ok "inputs stay data"

# 5. merge: globs expand to files; no match is an error; unknown mode is an error.
mkdir -p "$work/results/a" "$work/results/b"
echo '{}' > "$work/results/a/result.json"; echo '{}' > "$work/results/b/result.json"
status=0
run_action INPUT_MODE=merge INPUT_RESULTS="$work/results/*/result.json" || status=$?
[ "$status" -eq 0 ] || fail "merge exited $status"
[ "$(grep -c 'result.json$' "$last/log")" -eq 3 ] || fail "merge did not get both shard files (and --json)"
status=0
run_action INPUT_MODE=merge INPUT_RESULTS="$work/results/*/result.json" INPUT_CASES="a b" || status=$?
tr '\n' ' ' < "$last/log" | grep -q -- "--expect-case a --expect-case b" || fail "cases not expected in merge"
status=0
run_action INPUT_MODE=merge INPUT_RESULTS="$work/none/*.json" || status=$?
[ "$status" -eq 2 ] && [ "$(output verdict)" = error ] || fail "merge without files: exit $status"
status=0
run_action INPUT_MODE=bogus || status=$?
[ "$status" -eq 2 ] || fail "unknown mode exited $status"
ok "merge globs, missing shards, unknown mode"

# 6. comment mode: PR number and head SHA reach gate comment.
status=0
echo "# report" > "$work/report.md"
run_action INPUT_MODE=comment INPUT_REPORT_FILE="$work/report.md" INPUT_PR_NUMBER=42 INPUT_HEAD_SHA=abc123 \
  INPUT_TOKEN=t FAKE_EXPECT_TOKEN=t || status=$?
[ "$status" -eq 0 ] || fail "comment mode exited $status"
tr '\n' ' ' < "$last/log" | grep -q -- "comment --body-file $work/report.md --pr 42 --head-sha abc123" || fail "comment flags: $(tr '\n' ' ' < "$last/log")"
ok "comment mode"

echo "$passed passed, 0 failed"
