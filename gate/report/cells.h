#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gate/compare/comparison.h"
#include "gate/compare/report_model.h"

// The words and numbers every renderer shows for a delta, a rank, a state: one spelling
// for markdown, text and templates alike.
namespace zkgate::gate {

inline constexpr std::string_view kNotRanked = "not ranked";

struct DeltaCells {
  std::string base;
  std::string head;
  std::string delta;
  std::string percent;
};

// `unknown` is what an unknown side reads as ("not ranked" for functions, "n/a" otherwise).
DeltaCells delta_cells(const Delta& delta, std::string_view unknown);

// "#3 → #5", "not ranked → #4".
std::string rank_change(const FunctionDelta& function);

// Shown function rows: changed or ranked on one side only, largest change first.
std::vector<const FunctionDelta*> functions_to_show(const Comparison& comparison, std::size_t limit);
// The metric the function table uses: steps when any function has steps, else cost.
bool functions_use_cost(const Comparison& comparison);

// Shown opcode rows: every precompile, then the other opcodes with the largest change.
std::vector<const OpcodeDelta*> opcodes_to_show(const Comparison& comparison, std::size_t limit);

std::string_view verdict_title(Verdict verdict);     // "no regression", "regression", "could not judge"
std::string_view verdict_icon(Verdict verdict);
std::string_view state_icon(CaseState state);
std::string_view severity_icon(Severity severity);
// "2 cases: 1 improved, 1 regressed".
std::string state_summary(const Report& report);

}  // namespace zkgate::gate
