#pragma once

#include <vector>

#include "gate/advice/advice.h"
#include "gate/advice/measure.h"

// One evaluator per rule kind; advise() dispatches to them. Internal to the advice library.
namespace zkgate::gate::advice {

// A result carrying the rule's id, title, hint and threshold, outcome still to be set.
RuleResult result_for(const Rule& rule, const Measure* measure);

RuleResult evaluate_share(const Rule& rule, const Profile& profile, const Measure& measure);
RuleResult evaluate_self_share(const Rule& rule, const RuleSet& rules, const Profile& profile, const Measure& measure);
std::vector<RuleResult> evaluate_native_crypto(const Rule& rule, const Profile& profile, const Measure& measure,
                                               const CryptoKnowledge& crypto);

}  // namespace zkgate::gate::advice
