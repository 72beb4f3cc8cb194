#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// Which source trees `gate run` compares, and how they reach the disk. An interface so the
// orchestration is unit-tested without a repository (tests inject a fake).
namespace zkgate::gate::run {

struct Revision {
  std::string role;         // "base" or "head"
  std::string spec;         // what was asked for: "WORKTREE", "origin/main", a commit id
  std::string commit;       // full commit id; for the working tree, the HEAD commit it sits on
  bool worktree = false;    // the working tree itself: tracked plus untracked, not ignored, files

  // "1a2b3c4d5e6f" or "working tree on 1a2b3c4d5e6f": for progress lines and reports.
  std::string label() const;
};

// What to do with submodules (gitlinks) in a revision's tree.
enum class SubmodulePolicy {
  kCheckout,  // check out the recorded commit from the submodule's local clone; error if absent
  kIgnore,    // leave the submodule's folder empty (the cases do not need it)
};

class RevisionSource {
 public:
  virtual ~RevisionSource() = default;

  // The revision to judge: "WORKTREE" or any ref/commit expression.
  virtual Revision resolve_head(const std::string& spec) = 0;

  // The merge base of head and base_spec; without base_spec, the remote's default branch.
  virtual Revision resolve_base(const Revision& head, const std::optional<std::string>& base_spec) = 0;

  // A file's content at a revision (path relative to the repository root); nullopt if absent.
  virtual std::optional<std::string> read_file(const Revision& revision, const std::string& path) = 0;

  // Writes the revision's files into target (an existing, empty folder). Never touches the
  // user's working tree, index or refs.
  virtual void materialize(const Revision& revision, const std::filesystem::path& target,
                           SubmodulePolicy submodules) = 0;

  // Things the user should know (e.g. the ownership check was relaxed), in order.
  virtual std::vector<std::string> notes() const = 0;
};

}  // namespace zkgate::gate::run
