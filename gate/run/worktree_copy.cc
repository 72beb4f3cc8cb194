#include "gate/run/worktree_copy.h"

#include <set>
#include <string>

#include <fmt/format.h>

#include "gate/run/git_handles.h"
#include "util/input_error.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& workdir, const std::string& message) {
  throw util::InputError({workdir.string()}, message);
}

void copy_one(const fs::path& workdir, const fs::path& target, const std::string& relative) {
  const fs::path source = workdir / relative;
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(source, ec);
  if (ec || !fs::exists(status)) return;  // deleted in the working tree: it is not part of what the user sees
  const fs::path destination = target / relative;
  fs::create_directories(destination.parent_path(), ec);
  if (ec) fail(workdir, fmt::format("cannot create {}: {}", destination.parent_path().string(), ec.message()));
  if (fs::is_symlink(status)) {
    fs::copy_symlink(source, destination, ec);
  } else if (fs::is_regular_file(status)) {
    fs::copy_file(source, destination, fs::copy_options::overwrite_existing, ec);
  } else {
    return;  // sockets, fifos: nothing a build reads
  }
  if (ec) fail(workdir, fmt::format("cannot copy {} into the temporary tree: {}", relative, ec.message()));
}

void copy_submodule_folder(const fs::path& workdir, const fs::path& target, const std::string& relative) {
  const fs::path source = workdir / relative;
  const fs::path destination = target / relative;
  std::error_code ec;
  fs::create_directories(destination, ec);
  if (!fs::is_directory(source, ec)) return;  // not checked out: stays empty, as in the user's tree
  fs::copy(source, destination, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
  if (ec) fail(workdir, fmt::format("cannot copy submodule {} into the temporary tree: {}", relative, ec.message()));
  fs::remove_all(destination / ".git", ec);
}

}  // namespace

void copy_working_tree(git_repository* repo, const fs::path& target, SubmodulePolicy submodules) {
  const char* workdir_raw = git_repository_workdir(repo);
  if (workdir_raw == nullptr) throw util::InputError({git_repository_path(repo)}, "a bare repository has no working tree");
  const fs::path workdir(workdir_raw);

  std::set<std::string> files;
  std::set<std::string> submodule_folders;
  git_index* index_raw = nullptr;
  int rc = git_repository_index(&index_raw, repo);
  IndexPtr index(index_raw);
  if (rc != 0) fail(workdir, fmt::format("cannot read the index: {}", last_git_error(rc)));
  const std::size_t count = git_index_entrycount(index.get());
  for (std::size_t i = 0; i < count; ++i) {
    const git_index_entry* entry = git_index_get_byindex(index.get(), i);
    if (entry->mode == GIT_FILEMODE_COMMIT) {
      submodule_folders.insert(entry->path);
    } else {
      files.insert(entry->path);
    }
  }

  git_status_options options;
  git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
  options.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
  // No GIT_STATUS_OPT_UPDATE_INDEX: the index is read, never written.
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                  GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  git_status_list* status_raw = nullptr;
  rc = git_status_list_new(&status_raw, repo, &options);
  StatusListPtr status(status_raw);
  if (rc != 0) fail(workdir, fmt::format("cannot list untracked files: {}", last_git_error(rc)));
  const std::size_t changes = git_status_list_entrycount(status.get());
  for (std::size_t i = 0; i < changes; ++i) {
    const git_status_entry* entry = git_status_byindex(status.get(), i);
    if ((entry->status & GIT_STATUS_WT_NEW) != 0 && entry->index_to_workdir != nullptr) {
      files.insert(entry->index_to_workdir->new_file.path);
    }
  }

  for (const std::string& file : files) copy_one(workdir, target, file);
  for (const std::string& folder : submodule_folders) {
    if (submodules == SubmodulePolicy::kIgnore) {
      std::error_code ec;
      fs::create_directories(target / folder, ec);
    } else {
      copy_submodule_folder(workdir, target, folder);
    }
  }
}

}  // namespace zkgate::gate::run
