#pragma once

#include <chrono>
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

// Replaced baselines are kept in this folder of the journal (`gate journal` skips it).
inline const char* const kBaselineArchiveDir = "baselines";

// Copies the current baseline byte for byte to
// `<journal>/baselines/<UTC timestamp>-<total>-<unit>.profile` without replacing anything
// ("-2", "-3"... for two in the same second) and returns where. Throws std::runtime_error
// when the copy cannot be written, util::InputError when the baseline cannot be read.
std::filesystem::path archive_baseline(const std::filesystem::path& journal_dir, const std::filesystem::path& baseline_file,
                                       std::uint64_t total, std::string_view unit,
                                       std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

struct BaselineUpdate {
  BaselineDecision decision;
  std::filesystem::path archived;  // where the replaced baseline was kept; empty unless kReplaced
};

// The whole update: decides, keeps the old baseline in the journal, then installs the
// candidate's bytes atomically. The archive is written first, so whenever the process
// stops the old baseline exists at least once, whole. Nothing is written when the
// candidate is not strictly better.
BaselineUpdate update_baseline(const std::filesystem::path& baseline_file, const std::filesystem::path& journal_dir,
                               std::optional<std::uint64_t> current_total, std::string_view unit,
                               std::string_view candidate_content, std::uint64_t candidate_total,
                               std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace zkgate::gate::journal
