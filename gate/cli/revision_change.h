#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "gate/report/optimization_report.h"

// What changed between two revisions of the guest's repository, for the optimization
// report: the files (libgit2 tree-to-tree diff) and the head commit's message.
namespace zkgate::gate::cli {

struct RevisionChange {
  std::string base_commit;  // full ids
  std::string head_commit;
  std::string head_subject;  // first line of the head commit's message
  std::string head_body;     // the rest, trimmed
  std::vector<FileChange> files;
};

// Opens the repository containing `repo` and diffs base's tree against head's (renames
// detected). Reads objects only. Throws util::InputError (exit 2) for no repository or a
// revision that does not resolve to a commit.
RevisionChange describe_revisions(const std::filesystem::path& repo, const std::string& base_spec,
                                  const std::string& head_spec);

}  // namespace zkgate::gate::cli
