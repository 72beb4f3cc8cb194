#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "gate/run/git_handles.h"
#include "gate/run/revisions.h"

// RevisionSource over a real repository with libgit2. Reads objects only: checkouts go to a
// target directory with DONT_UPDATE_INDEX, so the user's checkout, index and refs stay as
// they were. Safe to call from several threads (one lock around the repository handle).
namespace zkgate::gate::run {

class GitRevisionSource : public RevisionSource {
 public:
  // Opens the repository containing start (searching upwards). Throws util::InputError
  // (exit 2) when there is none or it cannot be read.
  explicit GitRevisionSource(const std::filesystem::path& start);

  Revision resolve_head(const std::string& spec) override;
  Revision resolve_base(const Revision& head, const std::optional<std::string>& base_spec) override;
  std::optional<std::string> read_file(const Revision& revision, const std::string& path) override;
  void materialize(const Revision& revision, const std::filesystem::path& target,
                   SubmodulePolicy submodules) override;
  std::vector<std::string> notes() const override;

  // The working tree's root folder ("" for a bare repository).
  std::filesystem::path workdir() const;

 private:
  git_oid resolve_commit(const std::string& spec, const std::string& role) const;
  [[noreturn]] void fail(const std::string& message, const std::string& hint) const;

  LibGit2Session session_;
  RepositoryPtr repo_;
  std::filesystem::path location_;
  std::vector<std::string> notes_;
  mutable std::mutex mutex_;
};

}  // namespace zkgate::gate::run
