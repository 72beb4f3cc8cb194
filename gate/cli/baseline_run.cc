#include "gate/cli/baseline_run.h"

#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "gate/compare/format.h"
#include "gate/journal/baseline.h"
#include "gate/profile/parse.h"
#include "util/exit_codes.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::cli {

journal::BaselineUpdate offer_baseline(const std::filesystem::path& baseline_file, const std::filesystem::path& journal_dir,
                                       const std::filesystem::path& candidate_file, std::string_view content,
                                       const Profile& candidate, std::ostream& out) {
  std::optional<Profile> current;
  std::error_code ec;
  if (std::filesystem::exists(baseline_file, ec)) {
    current = parse_profile(baseline_file);
    if (current->zkvm != candidate.zkvm || current->unit != candidate.unit) {
      throw util::InputError({candidate_file.string()},
                             fmt::format("cannot replace a {} baseline in {} with a {} profile in {}", current->zkvm,
                                         current->unit, candidate.zkvm, candidate.unit),
                             fmt::format("the baseline is {}; remove it to start a new loop", baseline_file.string()));
    }
  }
  const std::optional<std::uint64_t> current_total =
      current ? std::optional<std::uint64_t>(current->total) : std::nullopt;
  const journal::BaselineUpdate update =
      journal::update_baseline(baseline_file, journal_dir, current_total, candidate.unit, content, candidate.total);
  const std::string& unit = candidate.unit;
  switch (update.decision.action) {
    case journal::BaselineAction::kCreated:
      out << fmt::format("baseline created: {} ({} {}) from {}\n", baseline_file.string(), grouped(candidate.total), unit,
                         candidate_file.string());
      break;
    case journal::BaselineAction::kReplaced:
      out << fmt::format("baseline replaced: {} -> {} {} ({}); the old baseline is kept as {}\n", grouped(*current_total),
                         grouped(candidate.total), unit, signed_percent(update.decision.delta_percent()),
                         update.archived.string());
      break;
    case journal::BaselineAction::kKeptNotBetter:
      out << fmt::format("baseline kept: {} has {} {}, the baseline {} ({}); only fewer {} replace it\n",
                         candidate_file.string(), grouped(candidate.total), unit, grouped(*current_total),
                         signed_percent(update.decision.delta_percent()), unit);
      break;
  }
  return update;
}

int run_baseline_set(const BaselineRequest& request, std::ostream& out) {
  // The bytes parsed are the bytes installed: no window for the file to change in between.
  const std::string content = util::read_file(request.candidate);
  const Profile candidate = parse_profile_text(content, request.candidate.string(), request.format);
  const journal::BaselineUpdate update =
      offer_baseline(request.baseline_file, request.journal_dir, request.candidate, content, candidate, out);
  return update.decision.action == journal::BaselineAction::kKeptNotBetter ? util::kExitFail : util::kExitOk;
}

}  // namespace zkgate::gate::cli
