#include "gate/report/text_report.h"

#include <fmt/format.h>

#include "gate/report/cells.h"
#include "util/printable.h"

namespace zkgate::gate {
namespace {

using util::printable_line;

constexpr std::size_t kFunctionLines = 10;
constexpr std::size_t kOpcodeLines = 12;

void append_figure(std::string& out, const std::string& label, const Delta& delta) {
  const DeltaCells cells = delta_cells(delta, "n/a");
  out += fmt::format("  {:<22} {:>18} -> {:<18} {:>16} {:>9}\n", label, cells.base, cells.head, cells.delta,
                     cells.percent);
}

void append_comparison(std::string& out, const Comparison& comparison) {
  append_figure(out, "total " + comparison.unit, comparison.total);
  if (comparison.total_cost.base || comparison.total_cost.head) append_figure(out, "total cost", comparison.total_cost);
  if (comparison.ram_bytes.base || comparison.ram_bytes.head) append_figure(out, "RAM usage", comparison.ram_bytes);
  if (comparison.gas.base || comparison.gas.head) append_figure(out, "gas", comparison.gas);
  if (!comparison.findings.empty()) {
    out += "  findings:\n";
    for (const Finding& finding : comparison.findings) {
      out += fmt::format("    {:<11} {}{}\n", to_string(finding.severity), printable_line(finding.message),
                         finding.subject.empty() ? "" : ": " + printable_line(finding.subject));
    }
  }
  const std::vector<const FunctionDelta*> functions = functions_to_show(comparison, kFunctionLines);
  if (!functions.empty()) {
    const bool use_cost = functions_use_cost(comparison);
    out += fmt::format("  top function deltas ({}; \"{}\" = outside that side's top-N list):\n",
                       use_cost ? std::string("cost") : comparison.unit, kNotRanked);
    for (const FunctionDelta* function : functions) {
      const DeltaCells cells = delta_cells(use_cost ? function->cost : function->steps, kNotRanked);
      out += fmt::format("    {:>16} {:>9}  {} -> {}  {}  [{}]\n", cells.delta, cells.percent, cells.base, cells.head,
                         printable_line(function->name), rank_change(*function));
    }
  }
  const std::vector<const OpcodeDelta*> opcodes = opcodes_to_show(comparison, kOpcodeLines);
  if (!opcodes.empty()) {
    out += "  opcode counts:\n";
    for (const OpcodeDelta* opcode : opcodes) {
      const DeltaCells cells = delta_cells(opcode->count, "n/a");
      out += fmt::format("    {:<20}{:<11} {:>14} -> {:<14} {:>14} {:>9}\n", printable_line(opcode->name),
                         opcode->is_precompile ? " precompile" : "", cells.base, cells.head, cells.delta, cells.percent);
    }
  }
  for (const FunctionDelta& function : comparison.functions) {
    if (function.entered_top) {
      out += fmt::format("  entered the top {}: {}\n", comparison.compared_top_n.value_or(0), printable_line(function.name));
    }
    if (function.left_top) {
      out += fmt::format("  left the top {}: {}\n", comparison.compared_top_n.value_or(0), printable_line(function.name));
    }
  }
  if (!comparison.crypto.empty()) {
    out += "  crypto diagnosis:\n";
    for (const CryptoFinding& finding : comparison.crypto) {
      out += fmt::format("    {:<11} {}: {} (check {})\n", to_string(finding.severity), finding.operation,
                         printable_line(finding.message), finding.patch);
    }
  } else if (comparison.crypto_checked) {
    out += "  crypto diagnosis: no sign of native crypto\n";
  }
  for (const std::string& note : comparison.notes) out += fmt::format("  note: {}\n", printable_line(note));
  if (comparison.advice_checked && comparison.advice.empty()) out += "  advice (head): nothing above the thresholds\n";
  for (const AdviceItem& item : comparison.advice) {
    out += fmt::format("  advice [{}] {}: {}\n", printable_line(item.rule_id), printable_line(item.title),
                       printable_line(item.message));
    for (const std::string& line : item.evidence) out += fmt::format("    {}\n", printable_line(line));
    if (!item.hint.empty()) out += fmt::format("    next: {}\n", printable_line(item.hint));
  }
}

}  // namespace

std::string render_text(const Report& report) {
  const Verdict verdict = report.verdict();
  std::string out = fmt::format("gate: {} ({})\n", verdict_title(verdict), state_summary(report));
  if (!report.base_label.empty() || !report.head_label.empty()) {
    out += fmt::format("base: {}  head: {}\n", printable_line(report.base_label), printable_line(report.head_label));
  }
  out += fmt::format("policy: {}\n", report.config_used);
  for (const CaseResult& result : report.cases) {
    std::string where = result.zkvm.empty() ? "" : result.zkvm;
    if (!result.input.empty()) where += (where.empty() ? "input " : ", input ") + result.input;
    out += fmt::format("\ncase {}{}: {}\n", printable_line(result.name), where.empty() ? "" : " (" + printable_line(where) + ")",
                       to_string(result.state()));
    if (result.comparison) {
      append_comparison(out, *result.comparison);
    } else {
      out += fmt::format("  error: {}\n", result.error);
      if (!result.log_tail.empty()) {
        out += "  log tail:\n";
        std::size_t start = 0;
        while (start < result.log_tail.size()) {
          const std::size_t end = result.log_tail.find('\n', start);
          out += "    | " + result.log_tail.substr(start, end == std::string::npos ? std::string::npos : end - start) + "\n";
          if (end == std::string::npos) break;
          start = end + 1;
        }
      }
    }
  }
  // Errors and log tails (multi-line) come from profiles and commands a PR controls too.
  return util::printable_text(out);
}

}  // namespace zkgate::gate
