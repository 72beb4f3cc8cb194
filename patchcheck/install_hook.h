#pragma once

#include <filesystem>
#include <string>

namespace zkgate::patchcheck {

// The first line after the shebang of every hook patchcheck writes; a pre-commit hook
// without it belongs to someone else and is never overwritten.
inline constexpr std::string_view kHookMarker = "# zkgate patchcheck pre-commit hook";

// The hook's text: runs `patchcheck_command` on the staged Cargo.toml/Cargo.lock files.
std::string pre_commit_hook_text(const std::string& patchcheck_command);

// Writes <hooks dir>/pre-commit for the repository containing `start` (core.hooksPath and
// worktrees respected) and returns its path. Throws util::InputError when `start` is not in
// a git repository or a pre-commit hook that patchcheck did not write already exists.
std::filesystem::path install_pre_commit_hook(const std::filesystem::path& start, const std::string& patchcheck_command);

}  // namespace zkgate::patchcheck
