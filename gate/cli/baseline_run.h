#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

// `gate baseline set FILE`: the local baseline of the optimization loop, replaced only by an
// improvement, as a library call (the command file only parses flags).
namespace zkgate::gate::cli {

struct BaselineRequest {
  std::filesystem::path candidate;
  std::filesystem::path baseline_file;  // --baseline, default .zkgate/baseline.profile
  std::filesystem::path journal_dir;    // --journal: where a replaced baseline is kept
  std::string format = "auto";          // --format of the candidate (the baseline is auto-detected)
};

// Parses the candidate and the current baseline (if any), refuses profiles of different
// zkVMs or units (util::InputError), and replaces the baseline only when the candidate has
// fewer total steps, keeping the old one in <journal>/baselines/. Prints what happened.
// Returns 0 created or replaced, 1 kept (not an improvement: nothing written).
int run_baseline_set(const BaselineRequest& request, std::ostream& out);

}  // namespace zkgate::gate::cli
