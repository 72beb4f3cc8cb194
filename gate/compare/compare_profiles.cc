#include <map>
#include <set>

#include <fmt/format.h>

#include "gate/compare/comparison.h"
#include "gate/compare/function_deltas.h"
#include "gate/compare/rules.h"
#include "util/input_error.h"

namespace zkgate::gate {
namespace {

ProfileSide describe(const Profile& profile) {
  ProfileSide side;
  side.source = profile.source;
  side.format = profile.format;
  side.zkvm = profile.zkvm;
  side.unit = profile.unit;
  side.total_note = profile.total_note;
  side.opcodes_known = profile.opcodes_known;
  side.functions_known = profile.functions_known;
  side.functions_complete = profile.functions_complete;
  side.top_n_by_steps = profile.top_n_by_steps;
  side.top_n_by_cost = profile.top_n_by_cost;
  return side;
}

// Refuses pairs whose totals do not measure the same thing.
void check_comparable(const Profile& base, const Profile& head) {
  if (base.unit != head.unit) {
    throw util::InputError({head.source, 0, 0},
                           fmt::format("cannot compare {} ({}) with {} ({})", base.source, base.unit, head.source,
                                       head.unit),
                           "compare two profiles from the same zkVM and profiler");
  }
  if (!base.zkvm.empty() && !head.zkvm.empty() && base.zkvm != head.zkvm) {
    throw util::InputError({head.source, 0, 0},
                           fmt::format("cannot compare a {} profile ({}) with a {} profile ({})", base.zkvm,
                                       base.source, head.zkvm, head.source),
                           "compare two profiles from the same zkVM");
  }
}

std::vector<CostComponentDelta> compare_cost_distribution(const Profile& base, const Profile& head) {
  std::vector<CostComponentDelta> rows;
  std::map<std::string, std::size_t> row_of;
  const auto add = [&](const std::vector<CostComponent>& components, bool is_base) {
    for (const CostComponent& component : components) {
      std::map<std::string, std::size_t>::iterator found = row_of.find(component.name);
      if (found == row_of.end()) {
        found = row_of.emplace(component.name, rows.size()).first;
        rows.push_back({component.name, {}});
      }
      (is_base ? rows[found->second].cost.base : rows[found->second].cost.head) = component.cost;
    }
  };
  add(base.cost_distribution, true);
  add(head.cost_distribution, false);
  return rows;
}

// An opcode table lists every executed opcode, so an opcode absent from a known table ran 0 times.
std::vector<OpcodeDelta> compare_opcodes(const Profile& base, const Profile& head) {
  std::vector<OpcodeDelta> rows;
  if (!base.opcodes_known && !head.opcodes_known) return rows;
  std::map<std::string, std::size_t> row_of;
  const auto add = [&](const Profile& profile, bool is_base) {
    for (const OpcodeStat& opcode : profile.opcodes) {
      std::map<std::string, std::size_t>::iterator found = row_of.find(opcode.name);
      if (found == row_of.end()) {
        found = row_of.emplace(opcode.name, rows.size()).first;
        OpcodeDelta row;
        row.name = opcode.name;
        rows.push_back(row);
      }
      OpcodeDelta& row = rows[found->second];
      row.is_precompile = row.is_precompile || opcode.is_precompile;
      (is_base ? row.count.base : row.count.head) = opcode.count;
      (is_base ? row.cost.base : row.cost.head) = opcode.cost;
    }
  };
  add(base, true);
  add(head, false);
  for (OpcodeDelta& row : rows) {
    if (base.opcodes_known && !row.count.base) row.count.base = 0;
    if (head.opcodes_known && !row.count.head) row.count.head = 0;
    if (base.opcodes_known && !row.cost.base && row.cost.head) row.cost.base = 0;
    if (head.opcodes_known && !row.cost.head && row.cost.base) row.cost.head = 0;
  }
  return rows;
}

std::vector<std::string> reading_notes(const Profile& base, const Profile& head, const Comparison& comparison) {
  std::vector<std::string> notes;
  for (const Profile* profile : {&base, &head}) {
    const std::string_view side = profile == &base ? "base" : "head";
    if (!profile->total_note.empty()) notes.push_back(fmt::format("{} total: {}", side, profile->total_note));
    if (!profile->functions_known) notes.push_back(fmt::format("{} profile has no function data", side));
  }
  const bool top_lists = (base.functions_known && !base.functions_complete) ||
                         (head.functions_known && !head.functions_complete);
  if (top_lists && !comparison.functions.empty()) {
    notes.push_back(
        "functions come from top-N lists: \"not ranked\" means the function is outside that side's list, so its "
        "figure is unknown (not 0)");
  }
  if (base.opcodes_known != head.opcodes_known) {
    notes.push_back(fmt::format("only the {} profile has an opcode table", base.opcodes_known ? "base" : "head"));
  }
  return notes;
}

}  // namespace

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::improvement: return "improvement";
    case Severity::warning: return "warning";
    case Severity::failure: return "failure";
  }
  return "info";
}

std::optional<Severity> severity_from_string(std::string_view text) {
  for (Severity severity : {Severity::info, Severity::improvement, Severity::warning, Severity::failure}) {
    if (to_string(severity) == text) return severity;
  }
  return std::nullopt;
}

Verdict Comparison::verdict() const {
  for (const Finding& finding : findings) {
    if (finding.severity == Severity::failure) return Verdict::regression;
  }
  for (const CryptoFinding& finding : crypto) {
    if (finding.severity == Severity::failure) return Verdict::regression;
  }
  return Verdict::pass;
}

bool Comparison::improved() const {
  for (const Finding& finding : findings) {
    if (finding.id == "total" && finding.severity == Severity::improvement) return true;
  }
  return false;
}

Comparison compare_profiles(const Profile& base, const Profile& head, const Policy& policy) {
  check_comparable(base, head);
  Comparison comparison;
  comparison.base = describe(base);
  comparison.head = describe(head);
  comparison.unit = head.unit;
  comparison.total = {base.total, head.total};
  comparison.total_cost = {base.total_cost, head.total_cost};
  comparison.ram_bytes = {base.ram_bytes, head.ram_bytes};
  comparison.gas = {base.gas, head.gas};
  comparison.cost_distribution = compare_cost_distribution(base, head);
  comparison.opcodes = compare_opcodes(base, head);
  FunctionMatch match = match_functions(base, head, policy.new_top_function.top);
  comparison.functions = std::move(match.deltas);
  comparison.compared_top_n = match.compared_top_n;
  comparison.notes = reading_notes(base, head, comparison);
  apply_policy(comparison, policy);
  return comparison;
}

}  // namespace zkgate::gate
