#include "gate/report/markdown_view.h"

#include <fmt/format.h>

#include "gate/compare/format.h"
#include "gate/report/cells.h"
#include "util/markdown.h"

namespace zkgate::gate {
namespace {

using kainjow::mustache::data;

constexpr std::size_t kFunctionRows = 15;
constexpr std::size_t kOpcodeRows = 25;
constexpr std::size_t kChartBars = 10;
constexpr std::size_t kChartLabelBytes = 40;

data text_list(const std::vector<std::string>& items) {
  data list{data::type::list};
  for (const std::string& item : items) {
    data entry;
    entry.set("text", item);
    list.push_back(entry);
  }
  return list;
}

data delta_row(const std::string& name, const Delta& delta, std::string_view unknown) {
  const DeltaCells cells = delta_cells(delta, unknown);
  data row;
  row.set("name", name);
  row.set("label", name);
  row.set("base", cells.base);
  row.set("head", cells.head);
  row.set("delta", cells.delta);
  row.set("percent", cells.percent);
  return row;
}

// The end of a symbol says most (the function name), so long labels keep their tail.
// Inside a fenced block only a double quote (ends the label) and a newline matter.
std::string chart_label(const std::string& name) {
  std::string label = name;
  if (label.size() > kChartLabelBytes) {
    std::size_t cut = label.size() - (kChartLabelBytes - 1);
    while (cut < label.size() && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) ++cut;  // UTF-8 boundary
    label = "…" + label.substr(cut);
  }
  for (char& c : label) {
    if (c == '"') c = '\'';
    if (c == '\n' || c == '\r') c = ' ';
  }
  return label;
}

void set_figures(data& view, const Comparison& comparison) {
  data figures{data::type::list};
  figures.push_back(delta_row("total " + comparison.unit, comparison.total, "n/a"));
  if (comparison.total_cost.base || comparison.total_cost.head) {
    figures.push_back(delta_row("total cost", comparison.total_cost, "n/a"));
  }
  if (comparison.ram_bytes.base || comparison.ram_bytes.head) {
    figures.push_back(delta_row("RAM usage (bytes)", comparison.ram_bytes, "n/a"));
  }
  if (comparison.gas.base || comparison.gas.head) figures.push_back(delta_row("gas", comparison.gas, "n/a"));
  view.set("has_figures", true);
  view.set("figures", figures);
}

void set_functions(data& view, const Comparison& comparison) {
  const bool use_cost = functions_use_cost(comparison);
  const std::vector<const FunctionDelta*> shown = functions_to_show(comparison, kFunctionRows);
  data rows{data::type::list};
  for (const FunctionDelta* function : shown) {
    data row = delta_row(function->name, use_cost ? function->cost : function->steps, kNotRanked);
    row.set("ranks", rank_change(*function));
    rows.push_back(row);
  }
  view.set("has_functions", !shown.empty());
  view.set("functions", rows);
  view.set("function_metric", use_cost ? std::string("cost") : comparison.unit);
  view.set("functions_shown", fmt::format("{} of {} listed functions shown, largest change first; \"{}\" = outside "
                                          "that side's top-N list, figure unknown.",
                                          shown.size(), comparison.functions.size(), kNotRanked));
  const std::string chart = function_delta_chart(comparison);
  view.set("has_chart", !chart.empty());
  view.set("chart", chart);
}

void set_opcodes(data& view, const Comparison& comparison) {
  const std::vector<const OpcodeDelta*> shown = opcodes_to_show(comparison, kOpcodeRows);
  data rows{data::type::list};
  for (const OpcodeDelta* opcode : shown) {
    data row = delta_row(opcode->name, opcode->count, "n/a");
    row.set("kind", opcode->is_precompile ? "precompile" : "opcode");
    const std::optional<std::int64_t> cost_change = opcode->cost.change();
    row.set("cost_delta", cost_change ? signed_grouped(*cost_change) : std::string("n/a"));
    rows.push_back(row);
  }
  view.set("has_opcodes", !shown.empty());
  view.set("opcodes", rows);
  view.set("opcodes_shown", fmt::format("{} of {} opcodes shown: every precompile, then the largest changes.",
                                        shown.size(), comparison.opcodes.size()));
}

void set_top_changes(data& view, const Comparison& comparison) {
  data entered{data::type::list};
  data left{data::type::list};
  const auto rank = [](const std::optional<unsigned>& value) {
    return value ? fmt::format("#{}", *value) : std::string(kNotRanked);
  };
  for (const FunctionDelta& function : comparison.functions) {
    data row;
    row.set("name", function.name);
    row.set("base_rank", rank(function.base_rank));
    row.set("head_rank", rank(function.head_rank));
    if (function.entered_top) entered.push_back(row);
    if (function.left_top) left.push_back(row);
  }
  view.set("has_top_changes", !entered.is_empty_list() || !left.is_empty_list());
  view.set("entered", entered);
  view.set("left", left);
  view.set("top_n", comparison.compared_top_n ? std::to_string(*comparison.compared_top_n) : std::string("N"));
}

void set_crypto(data& view, const Comparison& comparison) {
  data rows{data::type::list};
  for (const CryptoFinding& finding : comparison.crypto) {
    data row;
    row.set("icon", std::string(severity_icon(finding.severity)));
    row.set("operation", finding.operation);
    row.set("kind", finding.kind);
    row.set("evidence", finding.evidence);
    row.set("patch", finding.patch);
    row.set("message", finding.message);
    rows.push_back(row);
  }
  view.set("has_crypto", !comparison.crypto.empty());
  view.set("crypto", rows);
  view.set("crypto_status", comparison.crypto_checked
                                ? std::string("No sign of native crypto among the top functions or precompiles.")
                                : std::string("Not checked: no crypto matrix was applied to this comparison."));
}

void set_advice(data& view, const Comparison& comparison) {
  data rows{data::type::list};
  for (const AdviceItem& item : comparison.advice) rows.push_back(advice_row(item));
  view.set("advice_checked", comparison.advice_checked);
  view.set("has_advice", !comparison.advice.empty());
  view.set("advice", rows);
}

data judged_view(const Comparison& comparison) {
  data view;
  data findings{data::type::list};
  for (const Finding& finding : comparison.findings) {
    data row;
    row.set("icon", std::string(severity_icon(finding.severity)));
    row.set("severity", std::string(to_string(finding.severity)));
    row.set("id", finding.id);
    row.set("message", finding.message);
    row.set("subject", finding.subject);
    row.set("has_subject", !finding.subject.empty());
    findings.push_back(row);
  }
  view.set("has_findings", !comparison.findings.empty());
  view.set("findings", findings);
  view.set("unit", comparison.unit);
  set_figures(view, comparison);
  data cost_distribution{data::type::list};
  for (const CostComponentDelta& row : comparison.cost_distribution) {
    cost_distribution.push_back(delta_row(row.name, row.cost, "n/a"));
  }
  view.set("has_cost_distribution", !comparison.cost_distribution.empty());
  view.set("cost_distribution", cost_distribution);
  set_functions(view, comparison);
  set_opcodes(view, comparison);
  set_top_changes(view, comparison);
  set_crypto(view, comparison);
  set_advice(view, comparison);
  view.set("has_notes", !comparison.notes.empty());
  view.set("notes", text_list(comparison.notes));
  return view;
}

std::string case_summary(const CaseResult& result) {
  if (!result.comparison) {
    const std::string first_line = result.error.substr(0, result.error.find('\n'));
    return fmt::format("{} · {}", to_string(result.state()), first_line);
  }
  const Comparison& comparison = *result.comparison;
  const DeltaCells total = delta_cells(comparison.total, "n/a");
  std::size_t failures = 0;
  for (const Finding& finding : comparison.findings) failures += finding.severity == Severity::failure ? 1 : 0;
  for (const CryptoFinding& finding : comparison.crypto) failures += finding.severity == Severity::failure ? 1 : 0;
  std::string summary = fmt::format("{} · total {} {}", to_string(result.state()), comparison.unit, total.percent);
  if (failures > 0) summary += fmt::format(" · {} failed rule{}", failures, failures == 1 ? "" : "s");
  return summary;
}

data case_view(const CaseResult& result, bool single_case) {
  data view;
  const CaseState state = result.state();
  view.set("name", result.name);
  view.set("name_html", util::escape_html(result.name));
  view.set("zkvm", result.zkvm.empty() ? std::string("-") : result.zkvm);
  view.set("input", result.input.empty() ? std::string("-") : result.input);
  view.set("state", std::string(to_string(state)));
  view.set("state_icon", std::string(state_icon(state)));
  view.set("verdict", std::string(to_string(result.verdict())));
  view.set("summary_html", util::escape_html(case_summary(result)));
  view.set("open", single_case || state == CaseState::regressed || !result.comparison);
  if (result.comparison) {
    const DeltaCells total = delta_cells(result.comparison->total, "n/a");
    view.set("base_total", total.base);
    view.set("head_total", total.head);
    view.set("delta", total.delta);
    view.set("delta_percent", total.percent);
    view.set("judged", judged_view(*result.comparison));
    view.set("has_error", false);
  } else {
    for (const char* key : {"base_total", "head_total", "delta", "delta_percent"}) view.set(key, "-");
    view.set("has_error", true);
    view.set("error", result.error);
    view.set("has_log_tail", !result.log_tail.empty());
    view.set("log_tail_html", util::escape_html(result.log_tail));
    view.set("judged", false);
  }
  return view;
}

}  // namespace

data advice_row(const AdviceItem& item) {
  data row;
  row.set("rule_id", item.rule_id);
  row.set("title", item.title);
  row.set("message", item.message);
  row.set("hint", item.hint);
  row.set("has_hint", !item.hint.empty());
  row.set("evidence", text_list(item.evidence));
  return row;
}

std::string function_delta_chart(const Comparison& comparison) {
  const bool use_cost = functions_use_cost(comparison);
  std::vector<const FunctionDelta*> bars;
  for (const FunctionDelta* function : functions_to_show(comparison, kFunctionRows)) {
    const Delta& delta = use_cost ? function->cost : function->steps;
    if (delta.known() && bars.size() < kChartBars) bars.push_back(function);
  }
  if (bars.size() < 2) return "";
  std::string labels;
  std::string values;
  for (const FunctionDelta* function : bars) {
    const Delta& delta = use_cost ? function->cost : function->steps;
    labels += fmt::format("{}\"{}\"", labels.empty() ? "" : ", ", chart_label(function->name));
    values += fmt::format("{}{}", values.empty() ? "" : ", ", delta.change().value_or(0));
  }
  const std::string metric = use_cost ? std::string("cost") : comparison.unit;
  return fmt::format(
      "xychart-beta horizontal\n"
      "    title \"Largest function deltas ({})\"\n"
      "    x-axis [{}]\n"
      "    y-axis \"head - base ({})\"\n"
      "    bar [{}]",
      metric, labels, metric, values);
}

kainjow::mustache::data markdown_view(const Report& report) {
  data view;
  const Verdict verdict = report.verdict();
  view.set("verdict", std::string(to_string(verdict)));
  view.set("verdict_icon", std::string(verdict_icon(verdict)));
  view.set("verdict_title", std::string(verdict_title(verdict)));
  view.set("verdict_summary", state_summary(report));
  view.set("has_labels", !report.base_label.empty() || !report.head_label.empty());
  view.set("base_label", report.base_label.empty() ? std::string("base") : report.base_label);
  view.set("head_label", report.head_label.empty() ? std::string("head") : report.head_label);
  view.set("config_used", report.config_used);
  view.set("version", report.tool_version);
  data cases{data::type::list};
  for (const CaseResult& result : report.cases) cases.push_back(case_view(result, report.cases.size() == 1));
  view.set("cases", cases);
  return view;
}

}  // namespace zkgate::gate
