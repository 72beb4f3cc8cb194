#!/usr/bin/env bash
# Builds the seed corpus of every fuzz target from the project's own fixtures (and, when it
# sits beside the project, the real-data corpus in ../shared/corpus), so seeds follow the
# fixtures as they change and nothing is copied into the repository.
#   fuzz/make-corpus.sh OUT_DIR [TARGET...]   writes OUT_DIR/<target>/<digest> for the
#                                             given targets (default: all of them)
# Existing files in OUT_DIR are kept: the fuzzer adds what it discovers there between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: fuzz/make-corpus.sh OUT_DIR [TARGET...]}"
shift
wanted=" $* "
shared="${ZKGATE_SHARED_DIR:-../shared}/corpus"

# seed TARGET FILE...: one seed per file, named by content digest (duplicates collapse).
seed() {
  local target="$1"; shift
  [ "$wanted" = "  " ] || [[ "$wanted" == *" $target "* ]] || return 0
  mkdir -p "$out/$target"
  local file digest
  for file in "$@"; do
    [ -f "$file" ] || continue
    # Larger inputs only slow every iteration down; the parsers' size limits are tested
    # by tests/hostile instead.
    [ "$(stat -c %s "$file")" -le 262144 ] || continue
    digest=$(sha1sum "$file" | cut -c1-40)
    cp "$file" "$out/$target/$digest"
  done
}

# find_in NAME_PATTERN...: files with one of these names in the repository's fixtures and
# examples and in the shared corpus (when present), NUL-free list on stdout.
find_in() {
  local roots=(tests/fixtures examples patchcheck templates "$docs_dir")
  [ -d "$shared" ] && roots+=("$shared")
  local expr=() pattern
  for pattern in "$@"; do
    [ "${#expr[@]}" -eq 0 ] || expr+=(-o)
    expr+=(-name "$pattern")
  done
  find "${roots[@]}" -type f \( "${expr[@]}" \) 2>/dev/null | sort
}

# Fenced ```yaml / ```toml / ```json examples in the project's documentation, one file each.
docs_dir="$out/.from-docs"
rm -rf "$docs_dir"
mkdir -p "$docs_dir"
# shellcheck disable=SC2016  # the awk program is single-quoted on purpose
find . -name '*.md' -not -path './build*' -not -path './.git/*' -print0 2>/dev/null | sort -z |
  xargs -0 -r awk -v dir="$docs_dir" '
    /^```(yaml|yml|toml|json)[[:space:]]*$/ { lang = substr($0, 4); sub(/[[:space:]]+$/, "", lang); n++; file = dir "/doc" n "." lang; next }
    /^```/ { file = ""; next }
    file != "" { print > file }'
# The thresholds keys README "gate policy" documents, so the policy target starts from
# every branch of the reader even before a fixture uses it.
cat >"$docs_dir/policy-all-keys.yml" <<'YAML'
thresholds:
  total: {max_increase_percent: 1.5, max_increase_absolute: 1000000}
  total_cost: {max_increase_percent: 2}
  ram: {max_increase_absolute: 1048576}
  precompiles:
    keccak: {max_increase_percent: 0}
    "*": {max_increase_percent: 5}
  functions:
    - match: "tiny_keccak::.*"
      metric: cost
      max_increase_percent: 3
  new_top_function: {top: 10, action: fail}
  crypto: warn
  noise_percent: 0.1
  cases:
    block-23278512:
      total: {max_increase_percent: 0.5}
YAML

mapfile -t yaml_files < <(find_in '*.yml' '*.yaml')
mapfile -t json_files < <(find_in '*.json')
mapfile -t toml_files < <(find_in 'Cargo.toml' '*.toml')
mapfile -t lock_files < <(find_in 'Cargo.lock' '*.lock')
mapfile -t profile_files < <(find_in '*.txt' '*.log' '*.json' '*.out' 'callgrind.out*')

seed fuzz_policy_yaml "${yaml_files[@]}"
seed fuzz_zkgate_config "${yaml_files[@]}"
seed fuzz_matrix_yaml "${yaml_files[@]}"
seed fuzz_suite_json "${json_files[@]}"
seed fuzz_report_json "${json_files[@]}"
seed fuzz_profile_json "${json_files[@]}"
seed fuzz_cargo_toml "${toml_files[@]}"
seed fuzz_cargo_lock "${lock_files[@]}"
for format in auto ziskemu sp1_log risc0_log openvm_metrics callgrind zkgate_json; do
  seed "fuzz_profile_$format" "${profile_files[@]}"
done

# A target whose format has no fixture yet still starts from one input.
for dir in "$out"/fuzz_*/; do
  [ -n "$(ls -A "$dir")" ] || printf '\n' >"$dir/empty-line"
done
