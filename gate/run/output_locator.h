#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// Where a case's profile landed: its stdout, or a path/glob the profile command wrote.
namespace zkgate::gate::run {

// Replaces $ZKGATE_OUT, ${ZKGATE_OUT}, $ZKGATE_TREE and ${ZKGATE_TREE}; nothing else.
std::string expand_output_pattern(const std::string& pattern, const std::filesystem::path& tree,
                                  const std::filesystem::path& out_dir);

struct LocatedOutput {
  std::optional<std::filesystem::path> file;
  std::string error;  // why there is no file: no match, several matches, not a file
};

// "stdout" -> stdout_log. Otherwise the expanded pattern (relative to the tree) must match
// exactly one regular file (glob(3) syntax); zero or several matches are an error naming them.
LocatedOutput locate_profile_output(const std::string& output, const std::filesystem::path& tree,
                                    const std::filesystem::path& out_dir, const std::filesystem::path& stdout_log);

}  // namespace zkgate::gate::run
