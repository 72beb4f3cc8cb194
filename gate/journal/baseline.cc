#include "gate/journal/baseline.h"

#include <fmt/format.h>

#include "util/file_io.h"

namespace zkgate::gate::journal {

std::string_view baseline_action_name(BaselineAction action) {
  switch (action) {
    case BaselineAction::kCreated: return "created";
    case BaselineAction::kReplaced: return "replaced";
    case BaselineAction::kKeptNotBetter: return "kept";
  }
  return "unknown";
}

double BaselineDecision::delta_percent() const {
  if (!current_total || *current_total == 0) return 0;
  return 100.0 * (static_cast<double>(candidate_total) - static_cast<double>(*current_total)) / static_cast<double>(*current_total);
}

BaselineDecision decide_baseline(std::optional<std::uint64_t> current_total, std::uint64_t candidate_total) {
  BaselineDecision decision;
  decision.current_total = current_total;
  decision.candidate_total = candidate_total;
  if (!current_total) {
    decision.action = BaselineAction::kCreated;
  } else if (candidate_total < *current_total) {
    decision.action = BaselineAction::kReplaced;
  } else {
    decision.action = BaselineAction::kKeptNotBetter;
  }
  return decision;
}

void install_baseline(const std::filesystem::path& baseline_file, std::string_view content) {
  std::error_code ec;
  if (baseline_file.has_parent_path()) std::filesystem::create_directories(baseline_file.parent_path(), ec);
  if (ec) {
    throw std::runtime_error(fmt::format("cannot create {}: {}", baseline_file.parent_path().string(), ec.message()));
  }
  util::atomic_write_file(baseline_file, content);
}

}  // namespace zkgate::gate::journal
