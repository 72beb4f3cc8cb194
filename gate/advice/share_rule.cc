#include <fmt/format.h>

#include "gate/advice/evaluators.h"

namespace zkgate::gate::advice {

// Inclusive figures nest (memcpy wraps compiler_builtins::mem::memcpy, one rlp decode calls
// another), so within one term only its largest function counts; terms are then added
// (`combine: sum`) or the largest is taken (`combine: max`).
RuleResult evaluate_share(const Rule& rule, const Profile& profile, const Measure& measure) {
  RuleResult result = result_for(rule, &measure);
  double combined = 0;
  std::vector<std::string> unmatched;
  for (const Pattern& term : rule.terms) {
    const FunctionStat* best = nullptr;
    std::uint64_t best_value = 0;
    for (const FunctionStat& function : profile.functions) {
      const std::optional<std::uint64_t> value = inclusive_value(function, measure);
      if (!value || !term.matches(function.name)) continue;
      if (best == nullptr || *value > best_value) {
        best = &function;
        best_value = *value;
      }
    }
    if (best == nullptr) {
      unmatched.push_back(term.text);
      continue;
    }
    Evidence evidence = inclusive_evidence(profile, *best, measure);
    evidence.note = fmt::format("largest function matching '{}'", term.text);
    combined = rule.sum_terms ? combined + evidence.share_percent : std::max(combined, evidence.share_percent);
    result.evidence.push_back(std::move(evidence));
  }
  result.share_percent = combined;
  const std::string ranked = profile.functions_complete ? "in the profile" : "among the ranked functions";
  if (result.evidence.empty()) {
    result.outcome = Outcome::kSilent;
    result.message = fmt::format("no function matches {}", ranked);
    return result;
  }
  const std::string how = rule.sum_terms && rule.terms.size() > 1 ? "together " : "";
  if (combined > rule.threshold_percent) {
    result.outcome = Outcome::kFired;
    result.message = fmt::format("{}{} of {}, above the {} threshold", how, format_percent(combined), measure.name,
                                 format_percent(rule.threshold_percent));
  } else {
    result.outcome = Outcome::kSilent;
    result.message = fmt::format("{}{} of {}, not above the {} threshold", how, format_percent(combined), measure.name,
                                 format_percent(rule.threshold_percent));
  }
  return result;
}

}  // namespace zkgate::gate::advice
