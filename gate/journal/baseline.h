#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

// The local baseline of the optimization loop: one profile file that only an improvement
// may replace. The decision is a pure function; the replacement is one atomic rename, so a
// crash mid-update leaves the old baseline whole.
namespace zkgate::gate::journal {

inline const char* const kDefaultBaselineFile = ".zkgate/baseline.profile";

enum class BaselineAction {
  kCreated,         // there was no baseline
  kReplaced,        // the candidate has fewer steps
  kKeptNotBetter,   // the candidate has as many steps or more: the baseline stays
};

std::string_view baseline_action_name(BaselineAction action);

struct BaselineDecision {
  BaselineAction action = BaselineAction::kKeptNotBetter;
  std::optional<std::uint64_t> current_total;
  std::uint64_t candidate_total = 0;

  double delta_percent() const;  // candidate vs current; 0 when there is no current
};

// Replaced only by a strict improvement of total steps.
BaselineDecision decide_baseline(std::optional<std::uint64_t> current_total, std::uint64_t candidate_total);

// Writes `content` as the new baseline (temporary file in the same folder, fsync, rename).
// Creates the folder. Throws std::runtime_error with the OS reason on failure, leaving the
// old baseline in place.
void install_baseline(const std::filesystem::path& baseline_file, std::string_view content);

}  // namespace zkgate::gate::journal
