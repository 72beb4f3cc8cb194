#include "gate/compare/rules.h"

#include <cmath>

#include <fmt/format.h>

#include "gate/compare/format.h"
#include "util/bounded_regex.h"

namespace zkgate::gate {
namespace {

// The limit a delta exceeds, spelled for a message ("limit +1%"), or nullopt.
std::optional<std::string> exceeded(const Delta& delta, const IncreaseLimit& limit) {
  const std::optional<std::int64_t> change = delta.change();
  if (!change || *change <= 0) return std::nullopt;
  if (limit.max_increase_absolute && static_cast<std::uint64_t>(*change) > *limit.max_increase_absolute) {
    return fmt::format("limit +{}", grouped(*limit.max_increase_absolute));
  }
  if (limit.max_increase_percent) {
    const std::optional<double> percent = delta.percent();
    // Growth from 0 has no percentage; any growth exceeds a percent limit then.
    if (!percent || *percent > *limit.max_increase_percent) {
      return fmt::format("limit +{}", plain_percent(*limit.max_increase_percent));
    }
  }
  return std::nullopt;
}

std::string limit_text(const IncreaseLimit& limit) {
  std::string text;
  if (limit.max_increase_percent) text = "+" + plain_percent(*limit.max_increase_percent);
  if (limit.max_increase_absolute) {
    text += (text.empty() ? "+" : " and +") + grouped(*limit.max_increase_absolute);
  }
  return text;
}

std::string change_text(const Delta& delta) {
  std::string text = signed_grouped(delta.change().value_or(0));
  if (const std::optional<double> percent = delta.percent()) text = signed_percent(*percent) + " (" + text + ")";
  return text;
}

bool is_noise(const Delta& delta, double noise_percent) {
  const std::optional<double> percent = delta.percent();
  return percent && std::fabs(*percent) <= noise_percent;
}

// Checks one whole-profile figure (total, total cost, RAM).
void judge_figure(Comparison& comparison, const std::string& id, const std::string& label, const Delta& delta,
                  const IncreaseLimit& limit, const Policy& policy, bool always_report) {
  if (!delta.known()) {
    if (limit.active()) {
      const std::string_view side = !delta.base ? "base" : "head";
      comparison.findings.push_back({id, Severity::info, "",
                                     fmt::format("{} rule not checked: the {} profile has no {}", label, side, label)});
    }
    return;
  }
  const std::optional<std::int64_t> change = delta.change();
  if (const std::optional<std::string> breach = exceeded(delta, limit)) {
    comparison.findings.push_back(
        {id, Severity::failure, "", fmt::format("{} {} exceeds the {}", label, change_text(delta), *breach)});
  } else if (*change < 0 && !is_noise(delta, policy.noise_percent)) {
    comparison.findings.push_back({id, Severity::improvement, "", fmt::format("{} {}", label, change_text(delta))});
  } else if (*change > 0 && (always_report || limit.active())) {
    const std::string within = limit.active() ? fmt::format(", within the {} limit", limit_text(limit)) : "";
    comparison.findings.push_back({id, Severity::info, "", fmt::format("{} {}{}", label, change_text(delta), within)});
  }
}

const IncreaseLimit* precompile_limit(const Policy& policy, const std::string& name) {
  std::map<std::string, IncreaseLimit>::const_iterator found = policy.precompiles.find(name);
  if (found == policy.precompiles.end()) found = policy.precompiles.find("*");
  return found == policy.precompiles.end() ? nullptr : &found->second;
}

void judge_precompiles(Comparison& comparison, const Policy& policy) {
  for (const OpcodeDelta& opcode : comparison.opcodes) {
    if (!opcode.is_precompile) continue;
    const IncreaseLimit* limit = precompile_limit(policy, opcode.name);
    if (limit == nullptr || !limit->active()) continue;
    if (!opcode.count.known()) {
      comparison.findings.push_back({"precompile", Severity::info, opcode.name,
                                     fmt::format("precompile {} count rule not checked: count unknown on one side",
                                                 opcode.name)});
      continue;
    }
    if (const std::optional<std::string> breach = exceeded(opcode.count, *limit)) {
      comparison.findings.push_back({"precompile", Severity::failure, opcode.name,
                                     fmt::format("precompile {} count {} exceeds the {}", opcode.name,
                                                 change_text(opcode.count), *breach)});
    }
  }
}

void judge_function_rules(Comparison& comparison, const Policy& policy) {
  for (const FunctionRule& rule : policy.functions) {
    bool matched = false;
    for (const FunctionDelta& function : comparison.functions) {
      const std::optional<bool> hit = util::regex_search_bounded(function.name, rule.regex);
      if (!hit) {
        comparison.findings.push_back(
            {"function", Severity::info, function.name.substr(0, 80),
             fmt::format("rule at {} not checked against a function name of {} bytes (longer than {})", rule.where,
                         function.name.size(), util::kMaxRegexSubjectBytes)});
        continue;
      }
      if (!*hit) continue;
      matched = true;
      const Delta& delta = rule.metric == FunctionMetric::cost ? function.cost : function.steps;
      const std::string metric(to_string(rule.metric));
      if (!delta.known()) {
        comparison.findings.push_back(
            {"function", Severity::info, function.name,
             fmt::format("{} rule ({}) not checked: {} not ranked in {}", metric, rule.where, metric,
                         !delta.base ? "base" : "head")});
        continue;
      }
      if (const std::optional<std::string> breach = exceeded(delta, rule.limit)) {
        comparison.findings.push_back({"function", Severity::failure, function.name,
                                       fmt::format("{} {} exceeds the {} (rule at {})", metric, change_text(delta),
                                                   *breach, rule.where)});
      }
    }
    if (!matched) {
      comparison.findings.push_back({"function", Severity::info, rule.pattern,
                                     fmt::format("function rule at {} matched no listed function", rule.where)});
    }
  }
}

void judge_top_changes(Comparison& comparison, const Policy& policy) {
  if (!comparison.compared_top_n || policy.new_top_function.action == RuleAction::off) return;
  const Severity severity =
      policy.new_top_function.action == RuleAction::fail ? Severity::failure : Severity::warning;
  const unsigned top = *comparison.compared_top_n;
  for (const FunctionDelta& function : comparison.functions) {
    if (function.entered_top) {
      comparison.findings.push_back(
          {"new-top-function", severity, function.name,
           fmt::format("entered the top {} (head rank #{}; base: {})", top, function.head_rank.value_or(0),
                       function.base_rank ? fmt::format("rank #{}", *function.base_rank) : "not ranked")});
    }
  }
}

}  // namespace

void apply_policy(Comparison& comparison, const Policy& policy) {
  judge_figure(comparison, "total", "total " + comparison.unit, comparison.total, policy.total, policy, true);
  judge_figure(comparison, "total-cost", "total cost", comparison.total_cost, policy.total_cost, policy, false);
  judge_figure(comparison, "ram", "RAM usage", comparison.ram_bytes, policy.ram, policy, false);
  judge_precompiles(comparison, policy);
  judge_function_rules(comparison, policy);
  judge_top_changes(comparison, policy);
}

}  // namespace zkgate::gate
