#include "gate/advice/advice.h"

#include <algorithm>

#include <fmt/format.h>

#include "gate/advice/evaluators.h"
#include "gate/advice/measure.h"

namespace zkgate::gate::advice {

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kFired: return "fired";
    case Outcome::kSilent: return "silent";
    case Outcome::kNotEvaluated: return "not_evaluated";
  }
  return "unknown";
}

RuleResult result_for(const Rule& rule, const Measure* measure) {
  RuleResult result;
  result.rule_id = rule.id;
  result.category = rule.category;
  result.title = rule.title;
  result.hint = rule.hint;
  result.threshold_percent = rule.threshold_percent;
  if (measure != nullptr) result.measure = measure->name;
  return result;
}

std::vector<const RuleResult*> Advice::items() const {
  std::vector<const RuleResult*> fired;
  for (const RuleResult& result : results) {
    if (result.outcome == Outcome::kFired) fired.push_back(&result);
  }
  std::stable_sort(fired.begin(), fired.end(),
                   [](const RuleResult* a, const RuleResult* b) { return a->share_percent > b->share_percent; });
  return fired;
}

Advice advise(const Profile& profile, const RuleSet& rules, const CryptoKnowledge& crypto) {
  Advice advice;
  advice.rules_source = rules.source;
  advice.disabled = rules.disabled;
  const std::optional<Measure> measure = choose_measure(profile);
  for (const Rule& rule : rules.rules) {
    if (!rule.zkvms.empty() && std::find(rule.zkvms.begin(), rule.zkvms.end(), profile.zkvm) == rule.zkvms.end()) {
      RuleResult result = result_for(rule, measure ? &*measure : nullptr);
      result.outcome = Outcome::kSilent;
      std::string list;
      for (const std::string& zkvm : rule.zkvms) list += (list.empty() ? "" : ", ") + zkvm;
      result.message = fmt::format("applies to {} only; this profile is {}", list, profile.zkvm.empty() ? "of no known zkVM" : profile.zkvm);
      advice.results.push_back(std::move(result));
      continue;
    }
    if (!measure) {
      RuleResult result = result_for(rule, nullptr);
      result.outcome = Outcome::kNotEvaluated;
      result.message = profile.functions_known ? "the profile's functions carry no cost or step figures"
                                               : "the profile has no per-function data";
      advice.results.push_back(std::move(result));
      continue;
    }
    switch (rule.kind) {
      case RuleKind::kShare:
        advice.results.push_back(evaluate_share(rule, profile, *measure));
        break;
      case RuleKind::kSelfShare:
        advice.results.push_back(evaluate_self_share(rule, rules, profile, *measure));
        break;
      case RuleKind::kNativeCrypto:
        for (RuleResult& result : evaluate_native_crypto(rule, profile, *measure, crypto)) {
          advice.results.push_back(std::move(result));
        }
        break;
    }
  }
  return advice;
}

}  // namespace zkgate::gate::advice
