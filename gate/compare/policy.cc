#include "gate/compare/policy.h"

#include <charconv>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "util/file_io.h"
#include "util/input_error.h"
#include "util/numbers.h"
#include "util/yaml_location.h"

namespace zkgate::gate {
namespace {

util::SourceLocation location(const YAML::Node& node, const std::string& file) {
  return util::yaml_location(file, node.Mark());
}

std::string line_of(const YAML::Node& node, const std::string& file) {
  util::SourceLocation where = location(node, file);
  where.column = 0;
  return where.to_string();
}

[[noreturn]] void fail(const YAML::Node& node, const std::string& file, const std::string& message,
                       std::string hint = {}) {
  util::SourceLocation where = location(node, file);
  where.column = 0;
  throw util::InputError(where, message, std::move(hint));
}

void expect_map(const YAML::Node& node, const std::string& file, std::string_view what) {
  if (!node.IsMap()) fail(node, file, fmt::format("{} must be a mapping of keys to values", what));
}

// A rejected value as quoted in a message: cut, so a 10 MB value does not become a 10 MB
// error line in a CI log.
std::string shown(std::string_view text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return std::string(text);
  return fmt::format("{}... ({} bytes)", text.substr(0, kMax), text.size());
}

// A key such as `[]:` or `{a: 1}:` is valid YAML but no name; refuse it with its line
// instead of letting yaml-cpp's conversion error escape without one.
std::string key_text(const YAML::Node& key, const std::string& file, std::string_view what) {
  if (!key.IsScalar()) fail(key, file, fmt::format("keys in {} must be plain names", what));
  return key.Scalar();
}

// Unknown keys are errors: a typo must not silently loosen the gate.
void reject_unknown_keys(const YAML::Node& map, const std::string& file, std::string_view what,
                         const std::set<std::string, std::less<>>& known) {
  for (YAML::const_iterator it = map.begin(); it != map.end(); ++it) {
    const std::string key = key_text(it->first, file, what);
    if (known.count(key) == 0) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      fail(it->first, file, fmt::format("unknown key '{}' in {}", shown(key), what), "known keys: " + list);
    }
  }
}

std::string scalar_text(const YAML::Node& node, const std::string& file, std::string_view key) {
  if (!node.IsScalar()) fail(node, file, fmt::format("'{}' must be a single value", key));
  return node.Scalar();
}

std::optional<double> read_percent(const YAML::Node& node, const std::string& file, std::string_view key) {
  if (node.IsNull()) return std::nullopt;
  const std::string text = scalar_text(node, file, key);
  const std::optional<double> value = util::parse_percent(text);
  if (!value || *value < 0) {
    fail(node, file, fmt::format("'{}' must be a percentage >= 0 (e.g. 1.5), got '{}'", key, shown(text)));
  }
  return value;
}

std::optional<std::uint64_t> read_count(const YAML::Node& node, const std::string& file, std::string_view key) {
  if (node.IsNull()) return std::nullopt;
  const std::string text = scalar_text(node, file, key);
  const std::optional<std::uint64_t> value = util::parse_grouped_u64(text);
  if (!value) fail(node, file, fmt::format("'{}' must be a whole number >= 0 (e.g. 1000000), got '{}'", key, shown(text)));
  return value;
}

RuleAction read_action(const YAML::Node& node, const std::string& file, std::string_view key) {
  const std::string text = scalar_text(node, file, key);
  if (text == "off") return RuleAction::off;
  if (text == "warn") return RuleAction::warn;
  if (text == "fail") return RuleAction::fail;
  fail(node, file, fmt::format("'{}' must be off, warn or fail, got '{}'", key, shown(text)));
}

// Reads max_increase_percent / max_increase_absolute from a mapping that may hold other keys.
void read_limit_keys(const YAML::Node& map, const std::string& file, IncreaseLimit& limit) {
  if (const YAML::Node percent = map["max_increase_percent"]; percent.IsDefined()) {
    limit.max_increase_percent = read_percent(percent, file, "max_increase_percent");
  }
  if (const YAML::Node absolute = map["max_increase_absolute"]; absolute.IsDefined()) {
    limit.max_increase_absolute = read_count(absolute, file, "max_increase_absolute");
  }
}

void read_limit(const YAML::Node& node, const std::string& file, std::string_view what, IncreaseLimit& limit) {
  expect_map(node, file, what);
  reject_unknown_keys(node, file, what, {"max_increase_percent", "max_increase_absolute"});
  read_limit_keys(node, file, limit);
}

std::vector<FunctionRule> read_function_rules(const YAML::Node& node, const std::string& file) {
  if (!node.IsSequence()) fail(node, file, "'functions' must be a list of rules (- match: REGEX ...)");
  std::vector<FunctionRule> rules;
  for (const YAML::Node& item : node) {
    expect_map(item, file, "a 'functions' rule");
    reject_unknown_keys(item, file, "a 'functions' rule",
                        {"match", "metric", "max_increase_percent", "max_increase_absolute"});
    FunctionRule rule;
    rule.where = line_of(item, file);
    const YAML::Node match = item["match"];
    if (!match.IsDefined()) fail(item, file, "a 'functions' rule needs 'match: REGEX'");
    rule.pattern = scalar_text(match, file, "match");
    try {
      rule.regex = std::regex(rule.pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      fail(match, file, fmt::format("'match' is not a valid regular expression: {}", e.what()));
    }
    if (const YAML::Node metric = item["metric"]; metric.IsDefined()) {
      const std::string text = scalar_text(metric, file, "metric");
      if (text == "steps") {
        rule.metric = FunctionMetric::steps;
      } else if (text == "cost") {
        rule.metric = FunctionMetric::cost;
      } else {
        fail(metric, file, fmt::format("'metric' must be steps or cost, got '{}'", shown(text)));
      }
    }
    read_limit_keys(item, file, rule.limit);
    if (!rule.limit.active()) {
      fail(item, file, "a 'functions' rule needs max_increase_percent or max_increase_absolute");
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace

void apply_thresholds(Policy& policy, const YAML::Node& thresholds, const std::string& file) {
  if (!thresholds.IsDefined() || thresholds.IsNull()) return;
  expect_map(thresholds, file, "'thresholds'");
  reject_unknown_keys(thresholds, file, "'thresholds'",
                      {"total", "total_cost", "ram", "precompiles", "functions", "new_top_function", "crypto",
                       "noise_percent", "cases"});
  if (const YAML::Node node = thresholds["total"]; node.IsDefined()) read_limit(node, file, "'total'", policy.total);
  if (const YAML::Node node = thresholds["total_cost"]; node.IsDefined()) {
    read_limit(node, file, "'total_cost'", policy.total_cost);
  }
  if (const YAML::Node node = thresholds["ram"]; node.IsDefined()) read_limit(node, file, "'ram'", policy.ram);
  if (const YAML::Node node = thresholds["precompiles"]; node.IsDefined()) {
    expect_map(node, file, "'precompiles'");
    policy.precompiles.clear();
    for (YAML::const_iterator it = node.begin(); it != node.end(); ++it) {
      const std::string name = key_text(it->first, file, "'precompiles'");
      read_limit(it->second, file, fmt::format("precompile '{}'", name), policy.precompiles[name]);
    }
  }
  if (const YAML::Node node = thresholds["functions"]; node.IsDefined()) {
    policy.functions = read_function_rules(node, file);
  }
  if (const YAML::Node node = thresholds["new_top_function"]; node.IsDefined()) {
    expect_map(node, file, "'new_top_function'");
    reject_unknown_keys(node, file, "'new_top_function'", {"top", "action"});
    if (const YAML::Node top = node["top"]; top.IsDefined()) {
      const std::optional<std::uint64_t> value = read_count(top, file, "top");
      if (!value || *value == 0 || *value > 1000) fail(top, file, "'top' must be between 1 and 1000");
      policy.new_top_function.top = static_cast<unsigned>(*value);
    }
    if (const YAML::Node action = node["action"]; action.IsDefined()) {
      policy.new_top_function.action = read_action(action, file, "action");
    }
  }
  if (const YAML::Node node = thresholds["crypto"]; node.IsDefined()) policy.crypto = read_action(node, file, "crypto");
  if (const YAML::Node node = thresholds["noise_percent"]; node.IsDefined()) {
    policy.noise_percent = read_percent(node, file, "noise_percent").value_or(0.0);
  }
  if (const YAML::Node node = thresholds["cases"]; node.IsDefined()) {
    expect_map(node, file, "'cases'");
    for (YAML::const_iterator it = node.begin(); it != node.end(); ++it) {
      const std::string name = key_text(it->first, file, "'cases'");
      if (it->second.IsMap() && it->second["cases"].IsDefined()) {
        fail(it->second["cases"], file, "case overrides cannot hold 'cases' of their own");
      }
      // Validate now so a bad override fails when the policy is loaded, not when the case runs.
      Policy scratch = policy;
      apply_thresholds(scratch, it->second, file);
      policy.case_overrides[name] = it->second;
    }
  }
  policy.source = file;
}

Policy Policy::for_case(const std::string& case_name) const {
  Policy result = *this;
  const std::map<std::string, YAML::Node>::const_iterator found = case_overrides.find(case_name);
  if (found == case_overrides.end()) return result;
  apply_thresholds(result, found->second, source);
  result.source = fmt::format("{} (case '{}')", source, case_name);
  return result;
}

Policy load_policy_yaml(const YAML::Node& thresholds, const std::string& file) {
  Policy policy;
  try {
    apply_thresholds(policy, thresholds, file);
  } catch (const YAML::Exception& e) {
    // The net for a yaml-cpp conversion the checks above did not foresee: still file:line.
    throw util::InputError(util::yaml_location(file, e.mark), fmt::format("invalid thresholds: {}", e.msg));
  }
  return policy;
}

namespace {

YAML::Node load_yaml_file(const std::filesystem::path& path) {
  const std::string text = util::read_file(path);
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw util::InputError({path.string(), static_cast<std::size_t>(e.mark.line + 1), 0},
                           fmt::format("not valid YAML: {}", e.msg));
  }
}

}  // namespace

Policy load_policy_file(const std::filesystem::path& path) {
  const YAML::Node root = load_yaml_file(path);
  if (root.IsMap() && root["thresholds"].IsDefined()) return load_policy_yaml(root["thresholds"], path.string());
  return load_policy_yaml(root, path.string());
}

Policy load_policy_from_config(const std::filesystem::path& path) {
  const YAML::Node root = load_yaml_file(path);
  if (!root.IsNull() && !root.IsMap()) fail(root, path.string(), "expected a mapping (the .zkgate.yml keys)");
  if (root.IsMap() && root["thresholds"].IsDefined()) return load_policy_yaml(root["thresholds"], path.string());
  Policy policy;
  policy.source = path.string() + " (no thresholds: built-in defaults)";
  return policy;
}

std::string_view to_string(RuleAction action) {
  switch (action) {
    case RuleAction::off: return "off";
    case RuleAction::warn: return "warn";
    case RuleAction::fail: return "fail";
  }
  return "off";
}

std::string_view to_string(FunctionMetric metric) {
  return metric == FunctionMetric::cost ? "cost" : "steps";
}

}  // namespace zkgate::gate
