#include "gate/report/cells.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "gate/compare/format.h"

namespace zkgate::gate {
namespace {

std::uint64_t magnitude(std::optional<std::int64_t> change) {
  if (!change) return 0;
  return *change < 0 ? static_cast<std::uint64_t>(-(*change + 1)) + 1 : static_cast<std::uint64_t>(*change);
}

}  // namespace

DeltaCells delta_cells(const Delta& delta, std::string_view unknown) {
  DeltaCells cells;
  cells.base = delta.base ? grouped(*delta.base) : std::string(unknown);
  cells.head = delta.head ? grouped(*delta.head) : std::string(unknown);
  const std::optional<std::int64_t> change = delta.change();
  cells.delta = change ? signed_grouped(*change) : "unknown";
  if (const std::optional<double> percent = delta.percent()) {
    cells.percent = signed_percent(*percent);
  } else {
    cells.percent = change ? "n/a" : "unknown";
  }
  return cells;
}

std::string rank_change(const FunctionDelta& function) {
  const auto rank = [](const std::optional<unsigned>& value) {
    return value ? fmt::format("#{}", *value) : std::string(kNotRanked);
  };
  return rank(function.base_rank) + " → " + rank(function.head_rank);
}

bool functions_use_cost(const Comparison& comparison) {
  for (const FunctionDelta& function : comparison.functions) {
    if (function.steps.base || function.steps.head) return false;
  }
  for (const FunctionDelta& function : comparison.functions) {
    if (function.cost.base || function.cost.head) return true;
  }
  return false;
}

std::vector<const FunctionDelta*> functions_to_show(const Comparison& comparison, std::size_t limit) {
  const bool use_cost = functions_use_cost(comparison);
  std::vector<const FunctionDelta*> shown;
  for (const FunctionDelta& function : comparison.functions) {
    const Delta& delta = use_cost ? function.cost : function.steps;
    if (!delta.base && !delta.head) continue;
    const std::optional<std::int64_t> change = delta.change();
    if (change && *change == 0) continue;
    shown.push_back(&function);
  }
  // Known changes by size first, then one-sided ("not ranked") rows by best rank.
  std::stable_sort(shown.begin(), shown.end(), [use_cost](const FunctionDelta* a, const FunctionDelta* b) {
    const Delta& da = use_cost ? a->cost : a->steps;
    const Delta& db = use_cost ? b->cost : b->steps;
    if (da.known() != db.known()) return da.known();
    if (da.known()) return magnitude(da.change()) > magnitude(db.change());
    const unsigned ra = std::min(a->base_rank.value_or(~0u), a->head_rank.value_or(~0u));
    const unsigned rb = std::min(b->base_rank.value_or(~0u), b->head_rank.value_or(~0u));
    return ra < rb;
  });
  if (shown.size() > limit) shown.resize(limit);
  return shown;
}

std::vector<const OpcodeDelta*> opcodes_to_show(const Comparison& comparison, std::size_t limit) {
  std::vector<const OpcodeDelta*> precompiles;
  std::vector<const OpcodeDelta*> others;
  for (const OpcodeDelta& opcode : comparison.opcodes) {
    if (opcode.is_precompile) {
      precompiles.push_back(&opcode);
    } else if (opcode.count.change().value_or(1) != 0 || opcode.cost.change().value_or(0) != 0) {
      others.push_back(&opcode);
    }
  }
  const auto weight = [](const OpcodeDelta* opcode) {
    return opcode->cost.known() ? magnitude(opcode->cost.change()) : magnitude(opcode->count.change());
  };
  std::stable_sort(others.begin(), others.end(),
                   [&weight](const OpcodeDelta* a, const OpcodeDelta* b) { return weight(a) > weight(b); });
  std::vector<const OpcodeDelta*> shown = precompiles;
  for (const OpcodeDelta* opcode : others) {
    if (shown.size() >= limit) break;
    shown.push_back(opcode);
  }
  return shown;
}

std::string_view verdict_title(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass: return "no regression";
    case Verdict::regression: return "regression";
    case Verdict::error: return "could not judge";
  }
  return "could not judge";
}

std::string_view verdict_icon(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass: return "✅";
    case Verdict::regression: return "❌";
    case Verdict::error: return "⚠️";
  }
  return "⚠️";
}

std::string_view state_icon(CaseState state) {
  switch (state) {
    case CaseState::improved: return "🚀";
    case CaseState::unchanged: return "✅";
    case CaseState::regressed: return "❌";
    case CaseState::added: return "🆕";
    default: return "⚠️";
  }
}

std::string_view severity_icon(Severity severity) {
  switch (severity) {
    case Severity::info: return "ℹ️";
    case Severity::improvement: return "🚀";
    case Severity::warning: return "⚠️";
    case Severity::failure: return "❌";
  }
  return "ℹ️";
}

std::string state_summary(const Report& report) {
  std::map<CaseState, std::size_t> counts;
  for (const CaseResult& result : report.cases) ++counts[result.state()];
  std::string parts;
  for (const std::pair<const CaseState, std::size_t>& entry : counts) {
    parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", entry.second, to_string(entry.first));
  }
  const std::size_t total = report.cases.size();
  if (total == 0) return "no cases to judge";
  return fmt::format("{} case{}: {}", total, total == 1 ? "" : "s", parts);
}

}  // namespace zkgate::gate
