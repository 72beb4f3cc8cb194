#include "gate/cli/revision_change.h"

#include <fmt/format.h>

#include "gate/run/git_handles.h"
#include "util/input_error.h"

namespace zkgate::gate::cli {
namespace {

using run::CommitPtr;
using run::GitDeleter;
using run::ObjectPtr;
using run::RepositoryPtr;
using run::TreePtr;
using DiffPtr = std::unique_ptr<git_diff, GitDeleter<git_diff, git_diff_free>>;

CommitPtr resolve_commit(git_repository* repo, const std::string& spec, const std::string& role,
                         const std::filesystem::path& where) {
  git_object* raw = nullptr;
  int rc = git_revparse_single(&raw, repo, spec.c_str());
  ObjectPtr object(raw);
  if (rc != 0) {
    throw util::InputError({where.string()}, fmt::format("{} revision '{}': {}", role, spec, run::last_git_error(rc)),
                           "pass a branch, tag or commit id of this repository (--repo DIR)");
  }
  git_object* peeled = nullptr;
  rc = git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT);
  if (rc != 0) {
    throw util::InputError({where.string()}, fmt::format("{} revision '{}' is not a commit: {}", role, spec,
                                                         run::last_git_error(rc)));
  }
  return CommitPtr(reinterpret_cast<git_commit*>(peeled));
}

std::string trimmed(std::string text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  const std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

RevisionChange describe_revisions(const std::filesystem::path& repo_path, const std::string& base_spec,
                                  const std::string& head_spec) {
  const run::LibGit2Session session;
  git_repository* raw_repo = nullptr;
  int rc = git_repository_open_ext(&raw_repo, repo_path.c_str(), 0, nullptr);
  if (rc == GIT_EOWNER) {
    // Read-only use, as gate run does for checkouts owned by another user (CI containers).
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
    rc = git_repository_open_ext(&raw_repo, repo_path.c_str(), 0, nullptr);
  }
  const RepositoryPtr repo(raw_repo);
  if (rc != 0) {
    throw util::InputError({repo_path.string()}, fmt::format("cannot open a git repository: {}", run::last_git_error(rc)),
                           "--base-rev/--head-rev name commits of the repository given with --repo (default: .)");
  }
  const CommitPtr base = resolve_commit(repo.get(), base_spec, "base", repo_path);
  const CommitPtr head = resolve_commit(repo.get(), head_spec, "head", repo_path);

  RevisionChange change;
  change.base_commit = run::oid_to_hex(*git_commit_id(base.get()));
  change.head_commit = run::oid_to_hex(*git_commit_id(head.get()));
  const char* summary = git_commit_summary(head.get());
  change.head_subject = summary == nullptr ? "" : summary;
  const char* body = git_commit_body(head.get());
  change.head_body = body == nullptr ? "" : trimmed(body);

  git_tree* raw_tree = nullptr;
  if ((rc = git_commit_tree(&raw_tree, base.get())) != 0) {
    throw util::InputError({repo_path.string()}, "cannot read the base tree: " + run::last_git_error(rc));
  }
  const TreePtr base_tree(raw_tree);
  if ((rc = git_commit_tree(&raw_tree, head.get())) != 0) {
    throw util::InputError({repo_path.string()}, "cannot read the head tree: " + run::last_git_error(rc));
  }
  const TreePtr head_tree(raw_tree);
  git_diff* raw_diff = nullptr;
  if ((rc = git_diff_tree_to_tree(&raw_diff, repo.get(), base_tree.get(), head_tree.get(), nullptr)) != 0) {
    throw util::InputError({repo_path.string()}, "cannot diff the revisions: " + run::last_git_error(rc));
  }
  const DiffPtr diff(raw_diff);
  if ((rc = git_diff_find_similar(diff.get(), nullptr)) != 0) {
    throw util::InputError({repo_path.string()}, "cannot detect renames: " + run::last_git_error(rc));
  }
  const std::size_t count = git_diff_num_deltas(diff.get());
  for (std::size_t i = 0; i < count; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    FileChange file;
    file.status = git_diff_status_char(delta->status);
    file.path = delta->new_file.path != nullptr ? delta->new_file.path : "";
    if ((delta->status == GIT_DELTA_RENAMED || delta->status == GIT_DELTA_COPIED) && delta->old_file.path != nullptr) {
      file.old_path = delta->old_file.path;
    }
    change.files.push_back(std::move(file));
  }
  return change;
}

}  // namespace zkgate::gate::cli
