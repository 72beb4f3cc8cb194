#pragma once

#include <filesystem>

#include <git2.h>

#include "gate/run/revisions.h"

namespace zkgate::gate::run {

// Copies the working tree as the user sees it into target: every tracked file as it is on
// disk (deleted ones skipped) plus untracked files that are not ignored. Symlinks stay
// symlinks, permissions are kept. Submodule folders are copied without their .git link
// unless the policy ignores them. Reads the index and status only; writes nothing into the
// repository. Throws util::InputError.
void copy_working_tree(git_repository* repo, const std::filesystem::path& target, SubmodulePolicy submodules);

}  // namespace zkgate::gate::run
