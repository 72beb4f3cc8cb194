#include "gate/suite/comparison_json.h"

#include <cmath>

#include "gate/suite/suite_json.h"
#include "util/json_text.h"

namespace zkgate::gate::suite {

namespace {

nlohmann::json value_json(const std::optional<long double>& value, Metric metric) {
  if (!value) return nullptr;
  if (metric == Metric::kExecutionTime) return static_cast<double>(*value);
  return static_cast<std::uint64_t>(std::llround(*value));
}

nlohmann::json optional_number(const std::optional<double>& value) {
  if (!value) return nullptr;
  return *value;
}

nlohmann::json result_json(const WorkloadResult& r, Metric metric) {
  nlohmann::json out = nlohmann::json::object();
  out["key"] = r.key;
  out["state"] = state_id(r.state);
  out["base"] = r.base ? workload_to_json(*r.base) : nlohmann::json(nullptr);
  out["head"] = r.head ? workload_to_json(*r.head) : nlohmann::json(nullptr);
  out["base_value"] = value_json(r.base_value, metric);
  out["head_value"] = value_json(r.head_value, metric);
  out["delta_pct"] = optional_number(r.delta_pct);
  out["threshold_pct"] = r.delta_pct ? nlohmann::json(r.threshold_pct) : nlohmann::json(nullptr);
  out["reason"] = r.reason;
  out["differences"] = r.differences;
  out["renamed_by"] = r.rename ? nlohmann::json(r.rename->origin) : nlohmann::json(nullptr);
  return out;
}

nlohmann::json aggregates_json(const SuiteComparison& c) {
  const Aggregates& a = c.aggregates;
  const Metric metric = c.policy.metric;
  nlohmann::json counts = nlohmann::json::object();
  for (std::size_t i = 0; i < kStateCount; ++i) counts[std::string(state_id(static_cast<State>(i)))] = a.counts[i];
  nlohmann::json out = nlohmann::json::object();
  out["counts"] = counts;
  out["workloads"] = c.results.size();
  out["judged"] = a.judged;
  out["base_sum"] = a.judged > 0 ? value_json(a.base_sum, metric) : nlohmann::json(nullptr);
  out["head_sum"] = a.judged > 0 ? value_json(a.head_sum, metric) : nlohmann::json(nullptr);
  out["sum_delta_pct"] = optional_number(a.sum_delta_pct);
  out["geomean_ratio"] = optional_number(a.geomean_ratio);
  out["worst_regression"] = a.worst_regression ? nlohmann::json(c.results[*a.worst_regression].key) : nlohmann::json(nullptr);
  return out;
}

nlohmann::json comparison_head(const SuiteComparison& c) {
  nlohmann::json out = nlohmann::json::object();
  out["schema"] = kComparisonSchema;
  out["verdict"] = verdict_id(c.verdict);
  out["exit_code"] = exit_code(c.verdict);
  out["verdict_reason"] = c.verdict_reason;
  out["base"] = c.base_source;
  out["head"] = c.head_source;
  out["metric"] = metric_id(c.policy.metric);
  out["threshold_pct"] = c.policy.threshold_pct;
  nlohmann::json rules = nlohmann::json::array();
  for (const ThresholdRule& rule : c.policy.rules) rules.push_back({{"pattern", rule.pattern}, {"threshold_pct", rule.threshold_pct}});
  out["threshold_rules"] = rules;
  out["aggregates"] = aggregates_json(c);
  nlohmann::json changes = nlohmann::json::array();
  for (const VersionChange& change : c.version_changes) {
    changes.push_back({{"what", change.what}, {"base", change.base}, {"head", change.head}, {"workloads", change.workloads}});
  }
  out["version_changes"] = changes;
  out["unused_match_rules"] = c.unused_renames;
  return out;
}

}  // namespace

nlohmann::json comparison_to_json(const SuiteComparison& c) {
  nlohmann::json out = comparison_head(c);
  nlohmann::json workloads = nlohmann::json::array();
  for (const WorkloadResult& r : c.results) workloads.push_back(result_json(r, c.policy.metric));
  out["workloads"] = std::move(workloads);
  return out;
}

namespace {

// Workload names are file names a PR chooses: invalid UTF-8 is replaced (U+FFFD), never thrown.
std::string dump_json(const nlohmann::json& value) {
  return util::dump_json(value);
}

}  // namespace

std::string comparison_json_text(const SuiteComparison& c) {
  std::string text = dump_json(comparison_head(c));
  text.pop_back();  // the closing brace; the workloads follow
  text += ",\"workloads\":[\n";
  for (std::size_t i = 0; i < c.results.size(); ++i) {
    text += dump_json(result_json(c.results[i], c.policy.metric));
    text += i + 1 < c.results.size() ? ",\n" : "\n";
  }
  text += "]}\n";
  return text;
}

}  // namespace zkgate::gate::suite
