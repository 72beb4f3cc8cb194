#include <algorithm>

#include <fmt/format.h>

#include "gate/advice/evaluators.h"

namespace zkgate::gate::advice {

namespace {

bool is_entry_point(const RuleSet& rules, const std::string& name) {
  return std::any_of(rules.entry_points.begin(), rules.entry_points.end(),
                     [&](const Pattern& p) { return p.matches(name); });
}

}  // namespace

// A function's inclusive figure bounds its self figure from above, so a function at or under
// the threshold inclusively is cleared without knowing its self cost; above it, only a known
// self figure can decide. Formats that print inclusive figures only (ziskemu) leave those
// functions undecided, and the rule says so instead of guessing.
RuleResult evaluate_self_share(const Rule& rule, const RuleSet& rules, const Profile& profile, const Measure& measure) {
  RuleResult result = result_for(rule, &measure);
  std::vector<std::string> undecided;
  std::optional<double> smallest_ranked;
  for (const FunctionStat& function : profile.functions) {
    const std::optional<std::uint64_t> inclusive = inclusive_value(function, measure);
    if (inclusive) {
      const double share = share_of(*inclusive, measure);
      smallest_ranked = smallest_ranked ? std::min(*smallest_ranked, share) : share;
    }
    if (is_entry_point(rules, function.name)) continue;
    const std::optional<std::uint64_t> self = self_value(function, measure);
    if (self) {
      const double share = share_of(*self, measure);
      if (share > rule.threshold_percent) {
        Evidence evidence = inclusive_evidence(profile, function, measure);
        evidence.value = *self;
        evidence.share_percent = share;
        evidence.note = inclusive ? fmt::format("self {}; inclusive {}", measure.name, format_percent(share_of(*inclusive, measure)))
                                  : fmt::format("self {}", measure.name);
        result.evidence.push_back(std::move(evidence));
      }
    } else if (inclusive && share_of(*inclusive, measure) > rule.threshold_percent) {
      undecided.push_back(function.name);
    }
  }
  std::sort(result.evidence.begin(), result.evidence.end(),
            [](const Evidence& a, const Evidence& b) { return a.share_percent > b.share_percent; });

  std::string unknown_note;
  if (!undecided.empty()) {
    unknown_note = fmt::format("self {} unknown for {} function(s) above {} inclusive (first: {}); the format gives inclusive figures only",
                               measure.name, undecided.size(), format_percent(rule.threshold_percent), undecided.front());
  } else if (!profile.functions_complete && smallest_ranked && *smallest_ranked > rule.threshold_percent) {
    unknown_note = fmt::format("every ranked function is above {} inclusive, so an unranked one could be too",
                               format_percent(rule.threshold_percent));
  }

  if (!result.evidence.empty()) {
    result.outcome = Outcome::kFired;
    result.share_percent = result.evidence.front().share_percent;
    result.message = fmt::format("{} by its own {} ({} threshold)", format_percent(result.share_percent), measure.name,
                                 format_percent(rule.threshold_percent));
    if (result.evidence.size() > 1) result.message += fmt::format("; {} functions above it", result.evidence.size());
    if (!unknown_note.empty()) result.message += "; " + unknown_note;
  } else if (!unknown_note.empty()) {
    result.outcome = Outcome::kNotEvaluated;
    result.message = unknown_note;
  } else {
    result.outcome = Outcome::kSilent;
    result.message = fmt::format("no function other than the entry point is above {} by its own {}",
                                 format_percent(rule.threshold_percent), measure.name);
  }
  return result;
}

}  // namespace zkgate::gate::advice
