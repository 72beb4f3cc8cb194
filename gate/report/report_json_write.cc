#include "gate/report/report_json.h"

#include "util/exit_codes.h"
#include "util/json_text.h"

namespace zkgate::gate {
namespace {

using nlohmann::json;

template <typename T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

// change and percent are derived, written for readers of the JSON; ignored when read back.
json delta_json(const Delta& delta) {
  return {{"base", optional_json(delta.base)},
          {"head", optional_json(delta.head)},
          {"change", optional_json(delta.change())},
          {"percent", optional_json(delta.percent())}};
}

json side_json(const ProfileSide& side) {
  return {{"source", side.source},
          {"format", side.format},
          {"zkvm", side.zkvm},
          {"unit", side.unit},
          {"total_note", side.total_note},
          {"opcodes_known", side.opcodes_known},
          {"functions_known", side.functions_known},
          {"functions_complete", side.functions_complete},
          {"top_n_by_steps", optional_json(side.top_n_by_steps)},
          {"top_n_by_cost", optional_json(side.top_n_by_cost)}};
}

json comparison_json(const Comparison& comparison) {
  json cost_distribution = json::array();
  for (const CostComponentDelta& row : comparison.cost_distribution) {
    cost_distribution.push_back({{"name", row.name}, {"cost", delta_json(row.cost)}});
  }
  json opcodes = json::array();
  for (const OpcodeDelta& row : comparison.opcodes) {
    opcodes.push_back({{"name", row.name},
                       {"is_precompile", row.is_precompile},
                       {"count", delta_json(row.count)},
                       {"cost", delta_json(row.cost)}});
  }
  json functions = json::array();
  for (const FunctionDelta& row : comparison.functions) {
    functions.push_back({{"name", row.name},
                         {"steps", delta_json(row.steps)},
                         {"cost", delta_json(row.cost)},
                         {"calls", delta_json(row.calls)},
                         {"base_rank", optional_json(row.base_rank)},
                         {"head_rank", optional_json(row.head_rank)},
                         {"entered_top", row.entered_top},
                         {"left_top", row.left_top}});
  }
  json findings = json::array();
  for (const Finding& finding : comparison.findings) {
    findings.push_back({{"id", finding.id},
                        {"severity", to_string(finding.severity)},
                        {"subject", finding.subject},
                        {"message", finding.message}});
  }
  json crypto = json::array();
  for (const CryptoFinding& finding : comparison.crypto) {
    crypto.push_back({{"operation", finding.operation},
                      {"kind", finding.kind},
                      {"evidence", finding.evidence},
                      {"patch", finding.patch},
                      {"severity", to_string(finding.severity)},
                      {"message", finding.message}});
  }
  json advice = json::array();
  for (const AdviceItem& item : comparison.advice) {
    advice.push_back({{"rule_id", item.rule_id},
                      {"title", item.title},
                      {"message", item.message},
                      {"hint", item.hint},
                      {"evidence", item.evidence}});
  }
  return {{"verdict", to_string(comparison.verdict())},
          {"unit", comparison.unit},
          {"base", side_json(comparison.base)},
          {"head", side_json(comparison.head)},
          {"total", delta_json(comparison.total)},
          {"total_cost", delta_json(comparison.total_cost)},
          {"ram_bytes", delta_json(comparison.ram_bytes)},
          {"gas", delta_json(comparison.gas)},
          {"cost_distribution", cost_distribution},
          {"opcodes", opcodes},
          {"functions", functions},
          {"compared_top_n", optional_json(comparison.compared_top_n)},
          {"findings", findings},
          {"crypto_checked", comparison.crypto_checked},
          {"crypto", crypto},
          {"notes", comparison.notes},
          {"advice_checked", comparison.advice_checked},
          {"advice", advice}};
}

json case_json(const CaseResult& result) {
  json out = {{"name", result.name},
              {"zkvm", result.zkvm},
              {"input", result.input},
              {"state", to_string(result.state())},
              {"verdict", to_string(result.verdict())}};
  if (result.comparison) {
    out["comparison"] = comparison_json(*result.comparison);
  } else {
    out["comparison"] = nullptr;
    out["error"] = result.error;
    out["log_tail"] = result.log_tail;
  }
  return out;
}

}  // namespace

nlohmann::json report_to_json(const Report& report) {
  json cases = json::array();
  for (const CaseResult& result : report.cases) cases.push_back(case_json(result));
  return {{"schema", "zkgate-report"},
          {"schema_version", kReportSchemaVersion},
          {"tool_version", report.tool_version},
          {"verdict", to_string(report.verdict())},
          {"exit_code", exit_code(report.verdict())},
          {"config_used", report.config_used},
          {"base_label", report.base_label},
          {"head_label", report.head_label},
          {"cases", cases}};
}

std::string report_to_json_text(const Report& report) {
  // Replacement of invalid UTF-8 keeps a report with a mangled symbol writable.
  return util::dump_json(report_to_json(report), 2) + "\n";
}

}  // namespace zkgate::gate
