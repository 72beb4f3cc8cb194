#!/usr/bin/env bash
# Installs every Debian package zkgate needs to build, test and benchmark.
# Idempotent: packages already present are not touched, and apt is not called
# at all when nothing is missing, so it is cheap to run before every build.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libyaml-cpp-dev libtomlplusplus-dev libgit2-dev libfmt-dev
  libboost-test-dev libboost-filesystem-dev libboost-dev
  libcli11-dev nlohmann-json3-dev libkainjow-mustache-dev rapidjson-dev
  libcurl4-openssl-dev
  cmark-gfm valgrind time python3
  clang libclang-rt-14-dev lld
  shellcheck ccache
  pre-commit
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
