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
  local roots=(tests/fixtures examples patchcheck templates)
  [ -d "$shared" ] && roots+=("$shared")
  local expr=() pattern
  for pattern in "$@"; do
    [ "${#expr[@]}" -eq 0 ] || expr+=(-o)
    expr+=(-name "$pattern")
  done
  find "${roots[@]}" -type f \( "${expr[@]}" \) 2>/dev/null | sort
}

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
