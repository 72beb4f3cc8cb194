#include "gate/run/git_revisions.h"

#include <fmt/format.h>

#include "gate/run/tree_checkout.h"
#include "gate/run/worktree_copy.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFetchDepthHint =
    "fetch the full history: with GitHub Actions use actions/checkout with `fetch-depth: 0`; "
    "locally run `git fetch --unshallow`";

// Candidates for the base branch when --base is not given, most specific first.
constexpr const char* kDefaultBaseCandidates[] = {"origin/HEAD", "origin/main", "origin/master", "main", "master"};

}  // namespace

std::string Revision::label() const {
  const std::string short_commit = commit.substr(0, 12);
  return worktree ? fmt::format("working tree on {}", short_commit) : short_commit;
}

GitRevisionSource::GitRevisionSource(const fs::path& start) {
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
  if (rc == GIT_EOWNER) {
    // CI containers often run as root over a checkout owned by another user. zkgate only
    // reads objects (no hooks, no config-driven commands), so it relaxes the check for
    // this process and says so, instead of failing every containerised job.
    int disabled = 0;
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, disabled);
    notes_.push_back(fmt::format(
        "the repository at {} is owned by another user; zkgate reads it anyway (read-only). "
        "To make git itself trust it: git config --global --add safe.directory {}",
        start.string(), fs::absolute(start).string()));
    rc = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
  }
  repo_.reset(raw);
  location_ = start;
  if (rc == GIT_ENOTFOUND) {
    throw util::InputError({start.string()}, "not inside a git repository",
                           "run gate run from a clone of the project, or pass --repo DIR");
  }
  if (rc != 0) {
    throw util::InputError({start.string()}, fmt::format("cannot open the git repository: {}", last_git_error(rc)));
  }
  const char* workdir = git_repository_workdir(repo_.get());
  if (workdir != nullptr) location_ = workdir;
}

fs::path GitRevisionSource::workdir() const {
  const char* dir = git_repository_workdir(repo_.get());
  return dir == nullptr ? fs::path() : fs::path(dir);
}

void GitRevisionSource::fail(const std::string& message, const std::string& hint) const {
  throw util::InputError({location_.string()}, message, hint);
}

git_oid GitRevisionSource::resolve_commit(const std::string& spec, const std::string& role) const {
  git_object* raw = nullptr;
  int rc = git_revparse_single(&raw, repo_.get(), spec.c_str());
  ObjectPtr object(raw);
  if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC || rc == GIT_EAMBIGUOUS) {
    const bool shallow = git_repository_is_shallow(repo_.get()) == 1;
    fail(fmt::format("{} revision '{}' not found in the repository", role, spec),
         shallow ? std::string("this is a shallow clone; ") + kFetchDepthHint
                 : "check the name (e.g. origin/main); in CI make sure the branch is fetched "
                   "(actions/checkout with `fetch-depth: 0`)");
  }
  if (rc != 0) fail(fmt::format("cannot resolve {} revision '{}': {}", role, spec, last_git_error(rc)), "");
  git_object* peeled_raw = nullptr;
  rc = git_object_peel(&peeled_raw, object.get(), GIT_OBJECT_COMMIT);
  ObjectPtr peeled(peeled_raw);
  if (rc != 0) {
    fail(fmt::format("{} revision '{}' does not name a commit: {}", role, spec, last_git_error(rc)), "");
  }
  return *git_object_id(peeled.get());
}

Revision GitRevisionSource::resolve_head(const std::string& spec) {
  std::lock_guard<std::mutex> lock(mutex_);
  Revision head;
  head.role = "head";
  head.spec = spec;
  head.worktree = spec == "WORKTREE";
  if (head.worktree && git_repository_is_bare(repo_.get()) == 1) {
    fail("a bare repository has no working tree to judge", "pass --head REF (a branch or commit)");
  }
  if (head.worktree && git_repository_head_unborn(repo_.get()) == 1) {
    fail("the repository has no commit yet, so there is no base to compare the working tree with",
         "commit first, then run gate run");
  }
  head.commit = oid_to_hex(resolve_commit(head.worktree ? "HEAD" : spec, "head"));
  return head;
}

Revision GitRevisionSource::resolve_base(const Revision& head, const std::optional<std::string>& base_spec) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string spec;
  if (base_spec) {
    spec = *base_spec;
  } else {
    for (const char* candidate : kDefaultBaseCandidates) {
      git_object* raw = nullptr;
      const int rc = git_revparse_single(&raw, repo_.get(), candidate);
      ObjectPtr found(raw);
      if (rc == 0) {
        spec = candidate;
        break;
      }
    }
    if (spec.empty()) {
      const bool shallow = git_repository_is_shallow(repo_.get()) == 1;
      fail("no base branch found (tried origin/HEAD, origin/main, origin/master, main, master)",
           shallow ? std::string("pass --base REF; this is a shallow clone, so also ") + kFetchDepthHint
                   : "pass --base REF, e.g. --base origin/main");
    }
  }
  const git_oid base_tip = resolve_commit(spec, "base");
  git_oid head_oid;
  git_oid_fromstr(&head_oid, head.commit.c_str());
  git_oid merge_base;
  const int rc = git_merge_base(&merge_base, repo_.get(), &head_oid, &base_tip);
  // A shallow clone fails either way: the walk ends at the graft (ENOTFOUND) or at an
  // object the clone never fetched.
  if (rc != 0 && git_repository_is_shallow(repo_.get()) == 1) {
    fail(fmt::format("no merge base of {} and '{}' in this shallow clone", head.label(), spec), kFetchDepthHint);
  }
  if (rc == GIT_ENOTFOUND) {
    fail(fmt::format("{} and '{}' have no common ancestor (unrelated histories)", head.label(), spec),
         "pass --base with a branch that shares history with the head");
  }
  if (rc != 0) fail(fmt::format("cannot compute the merge base with '{}': {}", spec, last_git_error(rc)), "");
  Revision base;
  base.role = "base";
  base.spec = spec;
  base.commit = oid_to_hex(merge_base);
  return base;
}

std::optional<std::string> GitRevisionSource::read_file(const Revision& revision, const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (revision.worktree) {
    const fs::path file = workdir() / path;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
    // The working tree is what the user is editing: read it from the disk.
    return util::read_file(file);
  }
  git_oid oid;
  git_oid_fromstr(&oid, revision.commit.c_str());
  git_commit* commit_raw = nullptr;
  int rc = git_commit_lookup(&commit_raw, repo_.get(), &oid);
  CommitPtr commit(commit_raw);
  if (rc != 0) fail(fmt::format("cannot read commit {}: {}", revision.label(), last_git_error(rc)), kFetchDepthHint);
  git_tree* tree_raw = nullptr;
  rc = git_commit_tree(&tree_raw, commit.get());
  TreePtr tree(tree_raw);
  if (rc != 0) fail(fmt::format("cannot read the tree of {}: {}", revision.label(), last_git_error(rc)), "");
  git_tree_entry* entry_raw = nullptr;
  rc = git_tree_entry_bypath(&entry_raw, tree.get(), path.c_str());
  TreeEntryPtr entry(entry_raw);
  if (rc == GIT_ENOTFOUND) return std::nullopt;
  if (rc != 0) fail(fmt::format("cannot look up {} in {}: {}", path, revision.label(), last_git_error(rc)), "");
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return std::nullopt;
  git_blob* blob_raw = nullptr;
  rc = git_blob_lookup(&blob_raw, repo_.get(), git_tree_entry_id(entry.get()));
  BlobPtr blob(blob_raw);
  if (rc != 0) fail(fmt::format("cannot read {} in {}: {}", path, revision.label(), last_git_error(rc)), "");
  const char* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

void GitRevisionSource::materialize(const Revision& revision, const fs::path& target, SubmodulePolicy submodules) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (revision.worktree) {
    copy_working_tree(repo_.get(), target, submodules);
  } else {
    git_oid oid;
    git_oid_fromstr(&oid, revision.commit.c_str());
    checkout_commit_into(repo_.get(), oid, target, submodules);
  }
}

std::vector<std::string> GitRevisionSource::notes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return notes_;
}

}  // namespace zkgate::gate::run
