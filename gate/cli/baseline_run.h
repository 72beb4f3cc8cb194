#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

#include "gate/journal/baseline.h"
#include "gate/profile/profile.h"

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

// The decision both `gate baseline set` and `gate compare --keep-if-better` make: `candidate`
// (parsed from `content`, the bytes of `candidate_file`) against the baseline file, one line
// to `out` saying what happened. Throws util::InputError for an unparseable baseline or one
// of another zkVM or unit, std::runtime_error when the files cannot be written.
journal::BaselineUpdate offer_baseline(const std::filesystem::path& baseline_file, const std::filesystem::path& journal_dir,
                                       const std::filesystem::path& candidate_file, std::string_view content,
                                       const Profile& candidate, std::ostream& out);

}  // namespace zkgate::gate::cli
