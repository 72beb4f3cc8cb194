#pragma once

#include <filesystem>

#include <git2.h>

#include "gate/run/revisions.h"

namespace zkgate::gate::run {

// Writes the tree of commit `oid` into target with git_checkout_tree (target_directory,
// FORCE | DONT_UPDATE_INDEX: the repository's index and working tree are not touched).
// Submodules are checked out from their local clones at the recorded commit, recursively,
// unless the policy says to ignore them; a submodule that is needed but not available
// locally is an error naming it and the fix. Throws util::InputError.
void checkout_commit_into(git_repository* repo, const git_oid& oid, const std::filesystem::path& target,
                          SubmodulePolicy submodules);

}  // namespace zkgate::gate::run
