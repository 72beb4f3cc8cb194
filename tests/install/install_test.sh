#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then the installed tools run from there:
# `cargo-patchcheck --help` (as cargo runs it, too), `patchcheck --help` and `gate --help`,
# with PATH holding only the prefix and the system folders.
#   install_test.sh BUILD_DIR
# Exit 0 pass, 1 fail, 125 skipped (patchcheck or gate is not part of this build yet).
set -euo pipefail

build_dir="${1:?usage: install_test.sh BUILD_DIR}"
fail() { echo "FAIL: $*" >&2; exit 1; }

prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT

if ! cmake --install "$build_dir" --prefix "$prefix" >"$prefix.log" 2>&1; then
  cat "$prefix.log"; rm -f "$prefix.log"
  fail "cmake --install failed"
fi
rm -f "$prefix.log"

export PATH="$prefix/bin:/usr/bin:/bin"
cd "$prefix"
passed=0
expect_help() {
  local output
  output="$("$@" 2>&1)" || fail "'$*' exited non-zero: $output"
  grep -qi "usage" <<< "$output" || fail "'$*' printed no usage: $output"
  echo "ok: $*"
  passed=$((passed + 1))
}

for tool in patchcheck cargo-patchcheck gate; do
  [ -x "$prefix/bin/$tool" ] || fail "$tool is not installed in $prefix/bin (installed: $(find "$prefix" -type f -o -type l | tr '\n' ' '))"
done
[ "$(command -v cargo-patchcheck)" = "$prefix/bin/cargo-patchcheck" ] || fail "cargo-patchcheck is not found on PATH from the prefix"

expect_help cargo-patchcheck --help
expect_help cargo-patchcheck patchcheck --help  # what `cargo patchcheck --help` runs
expect_help patchcheck --help
expect_help gate --help
[ -f "$prefix/share/zkgate/crypto-matrix.yml" ] || fail "the default matrix is not installed in share/zkgate"

echo "$passed passed, 0 failed"
