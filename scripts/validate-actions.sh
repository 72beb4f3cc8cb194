#!/usr/bin/env bash
# Validates the GitHub Action and its example workflows with the independent validator
# @action-validator/cli (installed from the npm registry into a project-local folder,
# never globally), and the action's shell scripts with shellcheck.
#   scripts/validate-actions.sh [NODE_PREFIX]     (default: build/action-validator)
# Exit 0 valid, 1 invalid, 125 skipped because npm is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."

validator_version=0.6.0
prefix="${1:-build/action-validator}"
validator="$prefix/node_modules/.bin/action-validator"

if ! command -v npm >/dev/null 2>&1; then
  echo "skipped: npm is not installed, so @action-validator/cli cannot be installed"
  exit 125
fi
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "FAIL: shellcheck is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi

installed="$(grep -o "\"version\": \"$validator_version\"" "$prefix/node_modules/@action-validator/cli/package.json" 2>/dev/null || true)"
if [ ! -x "$validator" ] || [ -z "$installed" ]; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error \
    "@action-validator/cli@$validator_version" "@action-validator/core@$validator_version" >&2
fi

failed=0
for file in github-action/action.yml github-action/examples/*.yml; do
  if "$validator" "$file" >/dev/null 2>"$prefix/last-error.txt"; then
    echo "valid: $file"
  else
    "$validator" "$file" || true
    echo "INVALID: $file" >&2
    failed=1
  fi
done

# Script injection guard: no ${{ ... }} expression may appear inside a run: block.
if awk '
  /^[[:space:]]*(- )?run:/ { inrun = 1; indent = match($0, /[^ -]/); if ($0 ~ /\$\{\{/) { print FILENAME ":" FNR ": " $0; bad = 1 } ; next }
  inrun && NF > 0 { cur = match($0, /[^ ]/); if (cur <= indent) inrun = 0 }
  inrun && /\$\{\{/ { print FILENAME ":" FNR ": " $0; bad = 1 }
  END { exit bad ? 0 : 1 }' github-action/action.yml github-action/examples/*.yml; then
  echo "INVALID: \${{ }} expressions inside run: (pass inputs through env: instead)" >&2
  failed=1
fi

if shellcheck github-action/*.sh scripts/validate-actions.sh tests/precommit/*.sh tests/install/*.sh tests/gate_github/*.sh; then
  echo "shellcheck: clean"
else
  failed=1
fi

if [ "$failed" -ne 0 ]; then exit 1; fi
echo "1 passed, 0 failed"
