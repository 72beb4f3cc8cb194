#include "gate/advice/advice_json.h"

#include <fmt/format.h>

#include "gate/advice/measure.h"
#include "util/markdown.h"
#include "util/printable.h"

namespace zkgate::gate::advice {

namespace {

nlohmann::json evidence_to_json(const Evidence& evidence) {
  nlohmann::json out = {{"function", evidence.function}, {"share_percent", evidence.share_percent}};
  out["value"] = evidence.value ? nlohmann::json(*evidence.value) : nlohmann::json(nullptr);
  out["calls"] = evidence.calls ? nlohmann::json(*evidence.calls) : nlohmann::json(nullptr);
  out["rank"] = evidence.rank ? nlohmann::json(*evidence.rank) : nlohmann::json(nullptr);
  if (!evidence.note.empty()) out["note"] = evidence.note;
  return out;
}

nlohmann::json result_to_json(const RuleResult& result) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const Evidence& e : result.evidence) evidence.push_back(evidence_to_json(e));
  return {{"rule_id", result.rule_id},
          {"category", result.category},
          {"title", result.title},
          {"outcome", std::string(outcome_name(result.outcome))},
          {"message", result.message},
          {"hint", result.hint},
          {"measure", result.measure},
          {"share_percent", result.share_percent},
          {"threshold_percent", result.threshold_percent},
          {"evidence", evidence}};
}

}  // namespace

nlohmann::json advice_to_json(const Advice& advice) {
  nlohmann::json items = nlohmann::json::array();
  for (const RuleResult* item : advice.items()) items.push_back(result_to_json(*item));
  nlohmann::json results = nlohmann::json::array();
  for (const RuleResult& result : advice.results) results.push_back(result_to_json(result));
  return {{"rules_source", advice.rules_source}, {"disabled", advice.disabled}, {"items", items}, {"results", results}};
}

std::string advice_to_text(const Advice& advice) {
  // Function names come from profiles: control characters are made visible, not printed.
  using util::printable_line;
  std::string out;
  const std::vector<const RuleResult*> items = advice.items();
  if (items.empty()) out += "advice: nothing above the thresholds\n";
  for (const RuleResult* item : items) {
    out += fmt::format("advice [{}] {}: {}\n", printable_line(item->rule_id), printable_line(item->title),
                       printable_line(item->message));
    for (const Evidence& e : item->evidence) {
      out += fmt::format("    {} {} of {}", printable_line(e.function), format_percent(e.share_percent), item->measure);
      if (e.calls) out += fmt::format(", {} calls", *e.calls);
      if (!e.note.empty()) out += fmt::format(" ({})", printable_line(e.note));
      out += "\n";
    }
    if (!item->hint.empty()) out += fmt::format("    next: {}\n", printable_line(item->hint));
  }
  for (const RuleResult& result : advice.results) {
    if (result.outcome == Outcome::kNotEvaluated) {
      out += fmt::format("advice [{}] not evaluated: {}\n", printable_line(result.rule_id), printable_line(result.message));
    }
  }
  return out;
}

std::string rules_to_text(const RuleSet& rules) {
  std::string out = fmt::format("advice rules from {}:\n", rules.source);
  for (const Rule& rule : rules.rules) {
    std::string limit;
    if (rule.kind == RuleKind::kNativeCrypto) {
      limit = fmt::format("top {}", rule.top_n);
    } else {
      limit = fmt::format("> {}", format_percent(rule.threshold_percent));
    }
    std::string zkvms;
    for (const std::string& zkvm : rule.zkvms) zkvms += (zkvms.empty() ? " [" : ", ") + zkvm;
    if (!zkvms.empty()) zkvms += "]";
    out += fmt::format("  {:<26} {:<14} {:<9} {}{}\n", rule.id, rule_kind_name(rule.kind), limit, rule.title, zkvms);
  }
  for (const std::string& id : rules.disabled) out += fmt::format("  {:<26} disabled\n", id);
  std::string entry_points;
  for (const Pattern& pattern : rules.entry_points) entry_points += (entry_points.empty() ? "" : " ") + pattern.text;
  if (!entry_points.empty()) out += fmt::format("entry points (never single-function advice): {}\n", entry_points);
  return out;
}

std::string advice_to_markdown(const Advice& advice) {
  using util::escape_markdown;
  std::string out = "### What to look at next\n\n";
  const std::vector<const RuleResult*> items = advice.items();
  if (items.empty()) out += "Nothing above the advice thresholds.\n";
  for (const RuleResult* item : items) {
    out += fmt::format("- **{}** (`{}`): {}\n", escape_markdown(item->title), item->rule_id, escape_markdown(item->message));
    for (const Evidence& e : item->evidence) {
      out += fmt::format("  - {} {} of {}", escape_markdown(e.function), format_percent(e.share_percent), item->measure);
      if (e.calls) out += fmt::format(", {} calls", *e.calls);
      if (!e.note.empty()) out += fmt::format(" ({})", escape_markdown(e.note));
      out += "\n";
    }
    if (!item->hint.empty()) out += fmt::format("  - next: {}\n", escape_markdown(item->hint));
  }
  std::string not_evaluated;
  for (const RuleResult& result : advice.results) {
    if (result.outcome == Outcome::kNotEvaluated) {
      not_evaluated += fmt::format("- `{}`: {}\n", result.rule_id, escape_markdown(result.message));
    }
  }
  if (!not_evaluated.empty()) out += "\nNot evaluated (the profile lacks the data):\n\n" + not_evaluated;
  out += fmt::format("\n<sub>Advice rules: {}</sub>\n", escape_markdown(advice.rules_source));
  return out;
}

}  // namespace zkgate::gate::advice
