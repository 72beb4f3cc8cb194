#include "patchcheck/install_hook.h"

#include <git2.h>

#include <memory>

#include <fmt/format.h>

#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::patchcheck {
namespace {

struct LibGit2 {
  LibGit2() { git_libgit2_init(); }
  ~LibGit2() { git_libgit2_shutdown(); }
  LibGit2(const LibGit2&) = delete;
  LibGit2& operator=(const LibGit2&) = delete;
};

struct RepositoryDeleter {
  void operator()(git_repository* repo) const { git_repository_free(repo); }
};
struct ConfigDeleter {
  void operator()(git_config* config) const { git_config_free(config); }
};

std::string last_git_error() {
  const git_error* error = git_error_last();
  return error != nullptr && error->message != nullptr ? error->message : "unknown libgit2 error";
}

// Where git looks for hooks: core.hooksPath (relative to the work tree) or <common dir>/hooks.
std::filesystem::path hooks_dir(git_repository* repo) {
  git_config* raw_config = nullptr;
  if (git_repository_config_snapshot(&raw_config, repo) == 0) {
    std::unique_ptr<git_config, ConfigDeleter> config(raw_config);
    git_buf value = GIT_BUF_INIT;
    if (git_config_get_path(&value, config.get(), "core.hooksPath") == 0) {
      std::filesystem::path path(value.ptr);
      git_buf_dispose(&value);
      const char* workdir = git_repository_workdir(repo);
      if (path.is_relative() && workdir != nullptr) path = std::filesystem::path(workdir) / path;
      return path;
    }
    git_buf_dispose(&value);
  }
  git_buf value = GIT_BUF_INIT;
  if (git_repository_item_path(&value, repo, GIT_REPOSITORY_ITEM_HOOKS) != 0) {
    throw util::InputError({}, "cannot locate the git hooks folder: " + last_git_error());
  }
  std::filesystem::path path(value.ptr);
  git_buf_dispose(&value);
  return path;
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

}  // namespace

std::string pre_commit_hook_text(const std::string& patchcheck_command) {
  return fmt::format(R"(#!/usr/bin/env bash
{}
# Written by `patchcheck install-hook`; delete this file to disable it.
# Audits the zkVM guests whose Cargo.toml or Cargo.lock is staged. Set PATCHCHECK to use
# another binary; extra options go in PATCHCHECK_ARGS (e.g. "--fail-on warning").
set -euo pipefail
default_patchcheck={}
patchcheck="${{PATCHCHECK:-$default_patchcheck}}"
if ! command -v "$patchcheck" >/dev/null 2>&1; then patchcheck=patchcheck; fi
files=()
while IFS= read -r -d '' file; do
  case "$file" in
    Cargo.toml|Cargo.lock|*/Cargo.toml|*/Cargo.lock) files+=("$file") ;;
  esac
done < <(git diff --cached --name-only -z --diff-filter=ACMR)
if [ "${{#files[@]}}" -eq 0 ]; then exit 0; fi
# shellcheck disable=SC2086
exec "$patchcheck" ${{PATCHCHECK_ARGS:-}} "${{files[@]}}"
)",
                     kHookMarker, shell_quote(patchcheck_command));
}

std::filesystem::path install_pre_commit_hook(const std::filesystem::path& start, const std::string& patchcheck_command) {
  const LibGit2 library;
  git_repository* raw_repo = nullptr;
  if (git_repository_open_ext(&raw_repo, start.string().c_str(), 0, nullptr) != 0) {
    throw util::InputError({start.string(), 0, 0}, "not inside a git repository: " + last_git_error(),
                           "run `patchcheck install-hook` from the repository's work tree");
  }
  std::unique_ptr<git_repository, RepositoryDeleter> repo(raw_repo);
  const std::filesystem::path dir = hooks_dir(repo.get());
  const std::filesystem::path hook = dir / "pre-commit";
  std::error_code error;
  if (std::filesystem::exists(hook, error)) {
    const std::string existing = util::read_file(hook);
    if (existing.find(kHookMarker) == std::string::npos) {
      throw util::InputError({hook.string(), 0, 0}, "a pre-commit hook that patchcheck did not write already exists; not overwriting it",
                             "call patchcheck on the staged Cargo.toml/Cargo.lock files from that hook yourself, or move it away and re-run");
    }
  }
  std::filesystem::create_directories(dir, error);
  if (error) throw util::InputError({dir.string(), 0, 0}, "cannot create the hooks folder: " + error.message());
  util::atomic_write_file(hook, pre_commit_hook_text(patchcheck_command));
  std::filesystem::permissions(hook,
                               std::filesystem::perms::owner_all | std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                                   std::filesystem::perms::others_read | std::filesystem::perms::others_exec,
                               error);
  if (error) throw util::InputError({hook.string(), 0, 0}, "cannot make the hook executable: " + error.message());
  return hook;
}

}  // namespace zkgate::patchcheck
