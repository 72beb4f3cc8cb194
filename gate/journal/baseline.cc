#include "gate/journal/baseline.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "gate/journal/journal.h"
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

std::filesystem::path archive_baseline(const std::filesystem::path& journal_dir, const std::filesystem::path& baseline_file,
                                       std::uint64_t total, std::string_view unit,
                                       std::chrono::system_clock::time_point now) {
  namespace fs = std::filesystem;
  const std::string content = util::read_file(baseline_file);
  const fs::path folder = journal_dir / kBaselineArchiveDir;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot create {}: {}", folder.string(), ec.message()));
  // Written whole under a hidden name, then hard-linked to its final name: link(2) never
  // replaces an existing file, so two archives in the same second both survive.
  static std::atomic<unsigned> sequence{0};
  const fs::path temp = folder / fmt::format(".tmp-baseline-{}-{}", ::getpid(), sequence++);
  util::atomic_write_file(temp, content);
  const std::string stem = fmt::format("{}-{}-{}", folder_timestamp(now), total, slugify(unit));
  for (int attempt = 1; attempt <= 10000; ++attempt) {
    const fs::path target = folder / (attempt == 1 ? stem + ".profile" : fmt::format("{}-{}.profile", stem, attempt));
    if (::link(temp.c_str(), target.c_str()) == 0) {
      fs::remove(temp, ec);
      return target;
    }
    if (errno != EEXIST) {
      const std::string reason = std::strerror(errno);
      fs::remove(temp, ec);
      throw std::runtime_error(fmt::format("cannot keep the old baseline as {}: {}", target.string(), reason));
    }
  }
  fs::remove(temp, ec);
  throw std::runtime_error(fmt::format("too many baselines named {} in {}", stem, folder.string()));
}

BaselineUpdate update_baseline(const std::filesystem::path& baseline_file, const std::filesystem::path& journal_dir,
                               std::optional<std::uint64_t> current_total, std::string_view unit,
                               std::string_view candidate_content, std::uint64_t candidate_total,
                               std::chrono::system_clock::time_point now) {
  BaselineUpdate update;
  update.decision = decide_baseline(current_total, candidate_total);
  if (update.decision.action == BaselineAction::kKeptNotBetter) return update;
  if (update.decision.action == BaselineAction::kReplaced) {
    update.archived = archive_baseline(journal_dir, baseline_file, *current_total, unit, now);
  }
  install_baseline(baseline_file, candidate_content);
  return update;
}

}  // namespace zkgate::gate::journal
