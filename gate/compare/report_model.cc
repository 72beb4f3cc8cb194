#include "gate/compare/report_model.h"

#include <array>
#include <utility>

namespace zkgate::gate {
namespace {

constexpr std::array<std::pair<CaseState, std::string_view>, 10> kStateNames{{
    {CaseState::improved, "improved"},
    {CaseState::unchanged, "unchanged"},
    {CaseState::regressed, "regressed"},
    {CaseState::added, "new"},
    {CaseState::missing, "missing"},
    {CaseState::failed_in_base, "failed in base"},
    {CaseState::failed_in_head, "failed in head"},
    {CaseState::no_data, "no data"},
    {CaseState::not_comparable, "not comparable"},
    {CaseState::error, "could not judge"},
}};

}  // namespace

std::string_view to_string(CaseState state) {
  for (const std::pair<CaseState, std::string_view>& entry : kStateNames) {
    if (entry.first == state) return entry.second;
  }
  return "could not judge";
}

std::optional<CaseState> case_state_from_string(std::string_view text) {
  for (const std::pair<CaseState, std::string_view>& entry : kStateNames) {
    if (entry.second == text) return entry.first;
  }
  return std::nullopt;
}

CaseState CaseResult::state() const {
  if (!comparison) {
    // A judged state without a comparison would be a claim with nothing behind it.
    const bool judged_state = problem == CaseState::improved || problem == CaseState::unchanged ||
                              problem == CaseState::regressed;
    return judged_state ? CaseState::error : problem;
  }
  if (comparison->verdict() == Verdict::regression) return CaseState::regressed;
  return comparison->improved() ? CaseState::improved : CaseState::unchanged;
}

Verdict CaseResult::verdict() const {
  switch (state()) {
    case CaseState::regressed: return Verdict::regression;
    case CaseState::improved:
    case CaseState::unchanged:
    case CaseState::added: return Verdict::pass;
    default: return Verdict::error;
  }
}

Verdict Report::verdict() const {
  if (cases.empty()) return Verdict::error;
  Verdict verdict = Verdict::pass;
  for (const CaseResult& result : cases) verdict = combine(verdict, result.verdict());
  return verdict;
}

}  // namespace zkgate::gate
