#!/usr/bin/env bash
# (d) A second run on the same base takes the base profile from the cache: only the
# head is built and profiled again. A corrupt entry is detected and recomputed.
source "$(dirname "$0")/lib.sh"
make_repo
write_program 2
commit_all "head one"

run_gate run --head feature --base main
expect_status 1
[ "$(count_lines 'build base')" -eq 1 ] || fail "first run: base built $(count_lines 'build base') times"
[ "$(count_lines 'profile base')" -eq 1 ] || fail "first run: base profiled $(count_lines 'profile base') times"
[ "$(count_lines 'profile head')" -eq 1 ] || fail "first run: head profiled $(count_lines 'profile head') times"

write_program 0
commit_all "head two"
run_gate run --head feature --base main
expect_status 0
[ "$(count_lines 'build base')" -eq 1 ] || fail "second run rebuilt the base"
[ "$(count_lines 'profile base')" -eq 1 ] || fail "second run profiled the base again"
[ "$(count_lines 'build head')" -eq 2 ] || fail "second run did not build the head"
[ "$(count_lines 'profile head')" -eq 2 ] || fail "second run did not profile the head"
echo "$log" | grep -q "from the cache" || fail "progress does not mention the cache hit"

# Damage the entry: the next run notices, recomputes the base and still judges.
entry="$(find "$XDG_CACHE_HOME/zkgate" -name '*.profile' | head -1)"
[ -n "$entry" ] || fail "no cache entry under \$XDG_CACHE_HOME/zkgate"
printf 'garbage' >> "$entry"
run_gate run --head feature --base main
expect_status 0
[ "$(count_lines 'profile base')" -eq 2 ] || fail "corrupt entry was not recomputed"
echo "$log" | grep -q "corrupt cache entry" || fail "corrupt entry not reported"

# --no-cache profiles the base again.
run_gate run --head feature --base main --no-cache
[ "$(count_lines 'profile base')" -eq 3 ] || fail "--no-cache used the cache"
expect_no_temp_tree
echo "ok: base cache hit, corruption recomputed, --no-cache bypasses"
