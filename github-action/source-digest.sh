#!/usr/bin/env bash
# Prints "digest=<sha256>" for the zkgate sources this action builds plus the runner's OS
# release, for the build cache key: a cached build is reused only for the same sources on
# the same distribution (shared libraries differ between distributions).
#   source-digest.sh ZKGATE_SOURCE_DIR
set -euo pipefail

source_dir="${1:?usage: source-digest.sh ZKGATE_SOURCE_DIR}"
cd "$source_dir"

{
  find CMakeLists.txt cmake util gate patchcheck templates scripts -type f 2>/dev/null | LC_ALL=C sort | xargs sha256sum
  cat /etc/os-release 2>/dev/null || true
  uname -m
} | sha256sum | awk '{print "digest=" $1}'
