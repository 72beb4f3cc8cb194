#!/usr/bin/env bash
# The zkgate action's main step: runs patchcheck and/or gate on the caller's repository,
# appends the markdown report to the job summary, sets the action's outputs and posts the
# sticky PR comment. Inputs arrive as INPUT_* variables (see action.yml) and are only ever
# expanded inside double quotes, so no input can become shell code.
# Exit code: the worst of the tools run (0 pass, 1 findings/regression, 2 could not judge);
# the PR comment never changes it.
set -uo pipefail

mode="${INPUT_MODE:-both}"
fail_on="${INPUT_FAIL_ON:-error}"
out_dir="${RUNNER_TEMP:-/tmp}/zkgate-report"
report="$out_dir/report.md"
result="$out_dir/result.json"
mkdir -p "$out_dir"
: > "$report"
rm -f "$result"

worst=0
patchcheck_status=0
gate_status=0
remember() { if [ "$1" -gt "$worst" ]; then worst="$1"; fi; }

read -r -a paths <<< "${INPUT_PATHS:-.}"
read -r -a cases <<< "${INPUT_CASES:-}"
read -r -a result_patterns <<< "${INPUT_RESULTS:-}"

# Findings as annotations on the Cargo.toml/Cargo.lock lines, then the report section.
run_patchcheck() {
  patchcheck --format github --fail-on "$fail_on" -- "${paths[@]}"
  patchcheck_status=$?
  patchcheck --format markdown --fail-on "$fail_on" -- "${paths[@]}" >> "$report"
  echo >> "$report"
  remember "$patchcheck_status"
}

# libgit2 refuses a repository owned by another user (a container job) unless it is listed.
trust_workspace() {
  if ! git config --global --get-all safe.directory 2>/dev/null | grep -qxF "$PWD"; then
    git config --global --add safe.directory "$PWD" || true
  fi
}

run_gate() {
  trust_workspace
  local base="${INPUT_BASE_REF:-}"
  if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then base="origin/$GITHUB_BASE_REF"; fi
  # --base-config, not --config: the config is read from the base revision, never from the
  # PR's own tree, so a PR cannot loosen the gate that judges it.
  local args=(run --base-config "${INPUT_CONFIG:-.zkgate.yml}" --out "$out_dir/run" --json-out "$result"
    --markdown "$out_dir/gate.md")
  if [ -n "$base" ]; then args+=(--base "$base"); fi
  local name
  for name in "${cases[@]}"; do args+=(--case "$name"); done
  gate "${args[@]}" > /dev/null
  gate_status=$?
  if [ -f "$out_dir/gate.md" ]; then cat "$out_dir/gate.md" >> "$report"; fi
  remember "$gate_status"
}

run_merge() {
  local files=() pattern file
  for pattern in "${result_patterns[@]}"; do
    while IFS= read -r file; do files+=("$file"); done < <(compgen -G "$pattern" || true)
  done
  if [ "${#files[@]}" -eq 0 ]; then
    echo "::error title=zkgate::no result files match the 'results' input: ${INPUT_RESULTS:-<empty>}"
    gate_status=2
  else
    # The cases input names the shards that must exist: a job that crashed before uploading
    # its result is then reported as missing, not silently dropped.
    local args=(merge --json "$result" --markdown "$out_dir/gate.md") name
    for name in "${cases[@]}"; do args+=(--expect-case "$name"); done
    gate "${args[@]}" -- "${files[@]}" > /dev/null
    gate_status=$?
    if [ -f "$out_dir/gate.md" ]; then cat "$out_dir/gate.md" >> "$report"; fi
  fi
  remember "$gate_status"
}

# Posts a report made by another workflow run (the fork-safe split): the comment is the job.
run_comment_only() {
  local args=(comment --body-file "${INPUT_REPORT_FILE:?the comment mode needs the report-file input}")
  if [ -n "${INPUT_PR_NUMBER:-}" ]; then args+=(--pr "$INPUT_PR_NUMBER"); fi
  if [ -n "${INPUT_HEAD_SHA:-}" ]; then args+=(--head-sha "$INPUT_HEAD_SHA"); fi
  GITHUB_TOKEN="${INPUT_TOKEN:-}" gate "${args[@]}"
  exit $?
}

case "$mode" in
  patchcheck) run_patchcheck ;;
  gate) run_gate ;;
  both) run_patchcheck; run_gate ;;
  merge) run_merge ;;
  comment) run_comment_only ;;
  *) echo "::error title=zkgate::unknown mode '$mode' (expected patchcheck, gate, both, merge or comment)"; exit 2 ;;
esac

if [ "$worst" -ge 2 ]; then
  verdict=error
elif [ "$gate_status" -eq 1 ]; then
  verdict=regression
elif [ "$patchcheck_status" -eq 1 ]; then
  verdict=findings
else
  verdict=pass
fi

delta=""
if [ -f "$result" ]; then delta="$(python3 "$(dirname "$0")/steps_delta.py" "$result" || true)"; fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$report" >> "$GITHUB_STEP_SUMMARY"; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "verdict=$verdict"
    echo "steps-delta-percent=$delta"
    echo "report=$report"
    if [ -f "$result" ]; then echo "result=$result"; else echo "result="; fi
  } >> "$GITHUB_OUTPUT"
fi

# The comment is a courtesy: a refusal (fork PR) or an outage never changes the verdict.
if [ "${INPUT_COMMENT:-false}" = "true" ]; then
  if ! GITHUB_TOKEN="${INPUT_TOKEN:-}" gate comment --body-file "$report"; then
    echo "::warning title=zkgate::the PR comment could not be posted; the report is in the job summary"
  fi
fi

echo "zkgate: verdict $verdict${delta:+, total steps ${delta}%}" >&2
exit "$worst"
