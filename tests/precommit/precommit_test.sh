#!/usr/bin/env bash
# End to end: the `patchcheck` hook from the project's .pre-commit-hooks.yaml, run by
# Debian's pre-commit in a scratch repository, accepts a commit whose guest Cargo.lock
# applies its crypto patch and rejects one where Cargo ignored the patch.
#   precommit_test.sh PATCHCHECK_BIN_DIR ZKGATE_SOURCE_DIR
# Exit 0 pass, 1 fail, 125 skipped (the patchcheck binary is not built).
set -euo pipefail

bin_dir="${1:?usage: precommit_test.sh PATCHCHECK_BIN_DIR ZKGATE_SOURCE_DIR}"
source_dir="${2:?usage: precommit_test.sh PATCHCHECK_BIN_DIR ZKGATE_SOURCE_DIR}"
fixtures="$source_dir/tests/fixtures/precommit"

fail() { echo "FAIL: $*" >&2; exit 1; }

if [ ! -x "$bin_dir/patchcheck" ]; then
  echo "skipped: no patchcheck binary in $bin_dir"
  exit 125
fi
command -v pre-commit >/dev/null || fail "pre-commit is not installed (scripts/install-deps.sh installs Debian's pre-commit)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PATH="$bin_dir:$PATH"
export PRE_COMMIT_HOME="$work/pre-commit-cache"
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL="$work/gitconfig"
git config --global user.name "zkgate test"
git config --global user.email "test@zkgate.invalid"
git config --global init.defaultBranch main
git config --global commit.gpgsign false

# The hook repository: the project's real .pre-commit-hooks.yaml, committed.
mkdir "$work/hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" init -q
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -q -m "zkgate hooks"
rev="$(git -C "$work/hooks" rev-parse HEAD)"

# The user's repository, with the hook installed the way the README says.
project="$work/project"
mkdir "$project"
cd "$project"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: patchcheck
YAML
echo "# guest programs" > README.md
git add .pre-commit-config.yaml README.md
pre-commit install >/dev/null
git commit -q -m "start" || fail "a commit without Cargo files was rejected"

# 1. A guest whose sha3 patch is applied: accepted.
mkdir -p guests/sp1
cp "$fixtures/good/Cargo.toml" "$fixtures/good/Cargo.lock" guests/sp1/
git add guests
if ! git commit -m "sp1 guest" >"$work/good.log" 2>&1; then
  cat "$work/good.log"
  fail "the commit of a correctly patched guest was rejected"
fi
grep -q "patchcheck.*Passed" "$work/good.log" || { cat "$work/good.log"; fail "the hook did not run on the good commit"; }
echo "ok: a correctly patched guest is accepted"

# 2. Only Cargo.lock changes, and Cargo ignored the patch: rejected, nothing committed.
head_before="$(git rev-parse HEAD)"
cp "$fixtures/broken/Cargo.lock" guests/sp1/Cargo.lock
git add guests
if git commit -m "cargo update" >"$work/broken.log" 2>&1; then
  cat "$work/broken.log"
  fail "the commit of a guest whose patch Cargo ignored was accepted"
fi
cat "$work/broken.log"
grep -q "patchcheck.*Failed" "$work/broken.log" || fail "the rejection did not come from the patchcheck hook"
grep -q "guests/sp1/Cargo" "$work/broken.log" || fail "patchcheck's output does not name the guest's files"
[ "$(git rev-parse HEAD)" = "$head_before" ] || fail "HEAD moved although the commit was rejected"
echo "ok: a guest whose crypto patch Cargo ignored is rejected"

echo "2 passed, 0 failed"
