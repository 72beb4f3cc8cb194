#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "gate/advice/advice.h"

namespace zkgate::gate::advice {

// {"rules_source", "disabled": [...], "items": [fired, largest share first],
//  "results": [every rule with its outcome]}; each result carries rule_id, category, title,
// outcome, message, hint, measure, share_percent, threshold_percent, evidence[].
nlohmann::json advice_to_json(const Advice& advice);

// Plain text for terminals: the fired items with their evidence, then one line per rule
// that could not be evaluated.
std::string advice_to_text(const Advice& advice);

}  // namespace zkgate::gate::advice
