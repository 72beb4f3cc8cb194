#pragma once

#include <memory>
#include <string>

#include <git2.h>

// RAII over libgit2: one guard for init/shutdown and one unique_ptr type per handle, so
// every exit path (exceptions included) frees what it opened.
namespace zkgate::gate::run {

// Keeps libgit2 initialised for its lifetime; nest freely (libgit2 counts).
class LibGit2Session {
 public:
  LibGit2Session();
  ~LibGit2Session();
  LibGit2Session(const LibGit2Session&) = delete;
  LibGit2Session& operator=(const LibGit2Session&) = delete;
};

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* handle) const {
    if (handle != nullptr) Free(handle);
  }
};

using RepositoryPtr = std::unique_ptr<git_repository, GitDeleter<git_repository, git_repository_free>>;
using ObjectPtr = std::unique_ptr<git_object, GitDeleter<git_object, git_object_free>>;
using CommitPtr = std::unique_ptr<git_commit, GitDeleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, GitDeleter<git_tree, git_tree_free>>;
using TreeEntryPtr = std::unique_ptr<git_tree_entry, GitDeleter<git_tree_entry, git_tree_entry_free>>;
using BlobPtr = std::unique_ptr<git_blob, GitDeleter<git_blob, git_blob_free>>;
using ReferencePtr = std::unique_ptr<git_reference, GitDeleter<git_reference, git_reference_free>>;
using IndexPtr = std::unique_ptr<git_index, GitDeleter<git_index, git_index_free>>;
using StatusListPtr = std::unique_ptr<git_status_list, GitDeleter<git_status_list, git_status_list_free>>;
using SubmodulePtr = std::unique_ptr<git_submodule, GitDeleter<git_submodule, git_submodule_free>>;

// libgit2's message for the last failure; 1.5 may have none, so the code is the fallback.
std::string last_git_error(int code);

// Hex form of an object id.
std::string oid_to_hex(const git_oid& oid);

}  // namespace zkgate::gate::run
