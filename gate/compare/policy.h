#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

// The `thresholds` part of .zkgate.yml: what counts as a regression. Every key, its
// default and its meaning is documented in README.md ("gate policy").
namespace zkgate::gate {

// How much a figure may grow before the rule fails. An unset bound is not checked;
// when both are set, exceeding either one fails.
struct IncreaseLimit {
  std::optional<double> max_increase_percent;
  std::optional<std::uint64_t> max_increase_absolute;

  bool active() const { return max_increase_percent.has_value() || max_increase_absolute.has_value(); }
};

enum class RuleAction { off, warn, fail };

enum class FunctionMetric { steps, cost };

// A limit for every function whose name matches `pattern` (ECMAScript regex, searched).
struct FunctionRule {
  std::string pattern;
  std::regex regex;
  FunctionMetric metric = FunctionMetric::steps;
  IncreaseLimit limit;
  std::string where;  // "file:line" of the rule, for messages
};

// "A function entered the top N" (by steps or by cost).
struct NewTopFunctionRule {
  unsigned top = 10;
  RuleAction action = RuleAction::warn;
};

struct Policy {
  IncreaseLimit total{1.0, std::nullopt};  // total steps/cycles: default +1% at most
  IncreaseLimit total_cost;                // ZisK COST DISTRIBUTION TOTAL
  IncreaseLimit ram;                       // RAM USAGE bytes
  // Per precompile opcode count (ZisK OP keccak, ...). The key "*" applies to every
  // precompile without an entry of its own.
  std::map<std::string, IncreaseLimit> precompiles;
  std::vector<FunctionRule> functions;
  NewTopFunctionRule new_top_function;
  RuleAction crypto = RuleAction::warn;    // crypto diagnosis findings
  // Changes smaller than this (in % of base) are "unchanged" rather than improvements.
  double noise_percent = 0.0;

  std::string source = "built-in defaults";  // where the policy came from, for the report
  // thresholds.cases.<name>: keys that replace the ones above for that case.
  std::map<std::string, YAML::Node> case_overrides;

  // The policy that judges `case_name`: this one with its overrides applied, if any.
  Policy for_case(const std::string& case_name) const;
};

// Reads a `thresholds` mapping (missing keys keep their defaults; unknown keys, wrong
// types and bad regexes throw util::InputError with file:line). A null/undefined node
// gives the defaults.
Policy load_policy_yaml(const YAML::Node& thresholds, const std::string& file);

// Applies the keys present in `thresholds` on top of `policy` (used for case overrides
// and by callers that keep thresholds inside a case definition).
void apply_thresholds(Policy& policy, const YAML::Node& thresholds, const std::string& file);

// Reads a policy file: either a whole .zkgate.yml (its `thresholds` key is used) or a
// file holding the thresholds mapping itself.
Policy load_policy_file(const std::filesystem::path& path);

// Reads the `thresholds` key of a .zkgate.yml; the defaults when it has none.
Policy load_policy_from_config(const std::filesystem::path& path);

std::string_view to_string(RuleAction action);
std::string_view to_string(FunctionMetric metric);

}  // namespace zkgate::gate
