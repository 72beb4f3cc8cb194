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

// Markdown: a "What to look at next" list (each item with its evidence and hint), then the
// rules that could not be evaluated and why. Names are escaped (util::escape_markdown).
std::string advice_to_markdown(const Advice& advice);

// `gate show --list-rules`: one line per enabled rule (id, kind, threshold, zkVMs, title),
// then the disabled ids and the entry points the single-function rule never reports.
std::string rules_to_text(const RuleSet& rules);

}  // namespace zkgate::gate::advice
