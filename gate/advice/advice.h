#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gate/advice/crypto_knowledge.h"
#include "gate/advice/rules.h"
#include "gate/profile/profile.h"

// Advice: every rule evaluated on one profile. Each rule ends in one named outcome, so a
// reader can tell "looked and found nothing" from "could not look".
namespace zkgate::gate::advice {

// One fact behind an advice item: the function, its share, its call count.
struct Evidence {
  std::string function;
  double share_percent = 0;              // of `measure`
  std::optional<std::uint64_t> value;    // the cost or steps figure the share is taken from
  std::optional<std::uint64_t> calls;
  std::optional<unsigned> rank;          // rank in the top list the share comes from
  std::string note;                      // e.g. "OP keccak absent from its detail block"
};

enum class Outcome {
  kFired,         // advice: something to look at
  kSilent,        // evaluated, nothing found
  kNotEvaluated,  // the profile lacks the data this rule needs (reason says which)
};

std::string_view outcome_name(Outcome outcome);

struct RuleResult {
  std::string rule_id;
  std::string category;
  std::string title;
  std::string hint;
  Outcome outcome = Outcome::kSilent;
  std::string message;        // fired: what was found; otherwise why silent / not evaluated
  double share_percent = 0;   // fired: the share that crossed the threshold (for ordering)
  double threshold_percent = 0;
  std::string measure;        // "cost" or "steps"
  std::vector<Evidence> evidence;
};

struct Advice {
  std::string rules_source;
  std::vector<std::string> disabled;   // rule ids switched off by the rules file
  std::vector<RuleResult> results;     // one per enabled rule (crypto: one per operation that fired, or one silent)

  // Fired results, largest share first: the "what to look at next" list.
  std::vector<const RuleResult*> items() const;
};

// Evaluates every enabled rule on `profile`. Never throws for missing data: such a rule is
// kNotEvaluated with the reason.
Advice advise(const Profile& profile, const RuleSet& rules, const CryptoKnowledge& crypto);

}  // namespace zkgate::gate::advice
