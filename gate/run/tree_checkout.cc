#include "gate/run/tree_checkout.h"

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "gate/run/git_handles.h"
#include "util/input_error.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSubmoduleHint =
    "run `git submodule update --init --recursive` (GitHub Actions: actions/checkout with "
    "`submodules: recursive`), or set `submodules: ignore` in .zkgate.yml if no case needs it";

struct Gitlink {
  std::string path;
  git_oid commit;
};

int collect_gitlink(const char* root, const git_tree_entry* entry, void* payload) {
  if (git_tree_entry_filemode(entry) == GIT_FILEMODE_COMMIT) {
    std::vector<Gitlink>* links = static_cast<std::vector<Gitlink>*>(payload);
    links->push_back({std::string(root) + git_tree_entry_name(entry), *git_tree_entry_id(entry)});
  }
  return 0;
}

[[noreturn]] void fail(git_repository* repo, const std::string& message, const std::string& hint = {}) {
  const char* where = git_repository_workdir(repo);
  if (where == nullptr) where = git_repository_path(repo);
  throw util::InputError({where}, message, hint);
}

void checkout_submodule(git_repository* repo, const Gitlink& link, const fs::path& target, SubmodulePolicy policy) {
  const std::string commit = oid_to_hex(link.commit).substr(0, 12);
  git_submodule* submodule_raw = nullptr;
  int rc = git_submodule_lookup(&submodule_raw, repo, link.path.c_str());
  SubmodulePtr submodule(submodule_raw);
  if (rc != 0) {
    fail(repo, fmt::format("submodule {} (commit {}) is not described in .gitmodules: {}", link.path, commit,
                           last_git_error(rc)),
         kSubmoduleHint);
  }
  git_repository* sub_raw = nullptr;
  rc = git_submodule_open(&sub_raw, submodule.get());
  RepositoryPtr sub(sub_raw);
  if (rc != 0) {
    fail(repo, fmt::format("submodule {} (commit {}) is not initialised in this clone", link.path, commit),
         kSubmoduleHint);
  }
  git_commit* found_raw = nullptr;
  rc = git_commit_lookup(&found_raw, sub.get(), &link.commit);
  CommitPtr found(found_raw);
  if (rc != 0) {
    fail(repo, fmt::format("submodule {}: commit {} is not in its local clone", link.path, commit), kSubmoduleHint);
  }
  checkout_commit_into(sub.get(), link.commit, target / link.path, policy);
}

}  // namespace

void checkout_commit_into(git_repository* repo, const git_oid& oid, const fs::path& target, SubmodulePolicy submodules) {
  const std::string label = oid_to_hex(oid).substr(0, 12);
  git_commit* commit_raw = nullptr;
  int rc = git_commit_lookup(&commit_raw, repo, &oid);
  CommitPtr commit(commit_raw);
  if (rc != 0) fail(repo, fmt::format("cannot read commit {}: {}", label, last_git_error(rc)));
  git_tree* tree_raw = nullptr;
  rc = git_commit_tree(&tree_raw, commit.get());
  TreePtr tree(tree_raw);
  if (rc != 0) fail(repo, fmt::format("cannot read the tree of commit {}: {}", label, last_git_error(rc)));

  std::error_code ec;
  fs::create_directories(target, ec);
  const std::string target_dir = target.string();
  git_checkout_options options;
  git_checkout_options_init(&options, GIT_CHECKOUT_OPTIONS_VERSION);
  // FORCE writes every file into the (empty) target; DONT_UPDATE_INDEX keeps the user's
  // index as it is (plain FORCE would rewrite it to match the tree).
  options.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_DONT_UPDATE_INDEX;
  options.target_directory = target_dir.c_str();
  rc = git_checkout_tree(repo, reinterpret_cast<const git_object*>(tree.get()), &options);
  if (rc != 0) {
    fail(repo, fmt::format("cannot check out commit {} into {}: {}", label, target_dir, last_git_error(rc)));
  }

  std::vector<Gitlink> links;
  git_tree_walk(tree.get(), GIT_TREEWALK_PRE, collect_gitlink, &links);
  if (submodules == SubmodulePolicy::kIgnore) return;
  for (const Gitlink& link : links) checkout_submodule(repo, link, target, submodules);
}

}  // namespace zkgate::gate::run
