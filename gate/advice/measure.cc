#include "gate/advice/measure.h"

#include <fmt/format.h>

namespace zkgate::gate::advice {

std::optional<Measure> choose_measure(const Profile& profile) {
  bool any_cost = false;
  bool any_steps = false;
  for (const FunctionStat& function : profile.functions) {
    any_cost = any_cost || function.cost.has_value() || function.self_cost.has_value();
    any_steps = any_steps || function.steps.has_value() || function.self_steps.has_value();
  }
  if (any_cost && profile.total_cost.has_value() && *profile.total_cost > 0) return Measure{"cost", *profile.total_cost};
  if (any_steps && profile.total > 0) return Measure{"steps", profile.total};
  return std::nullopt;
}

std::optional<std::uint64_t> inclusive_value(const FunctionStat& function, const Measure& measure) {
  return measure.name == "cost" ? function.cost : function.steps;
}

std::optional<std::uint64_t> self_value(const FunctionStat& function, const Measure& measure) {
  return measure.name == "cost" ? function.self_cost : function.self_steps;
}

double share_of(std::uint64_t value, const Measure& measure) {
  return 100.0 * static_cast<double>(value) / static_cast<double>(measure.total);
}

std::optional<unsigned> rank_of(const Profile& profile, const FunctionStat& function, const Measure& measure) {
  const std::optional<std::uint64_t> value = inclusive_value(function, measure);
  if (!value) return std::nullopt;
  unsigned above = 0;
  for (const FunctionStat& other : profile.functions) {
    const std::optional<std::uint64_t> other_value = inclusive_value(other, measure);
    if (other_value && *other_value > *value) ++above;
  }
  return above + 1;
}

Evidence inclusive_evidence(const Profile& profile, const FunctionStat& function, const Measure& measure) {
  Evidence evidence;
  evidence.function = function.name;
  evidence.value = inclusive_value(function, measure);
  if (evidence.value) evidence.share_percent = share_of(*evidence.value, measure);
  evidence.calls = function.calls;
  evidence.rank = rank_of(profile, function, measure);
  return evidence;
}

std::string format_percent(double percent) { return fmt::format("{:.2f}%", percent); }

}  // namespace zkgate::gate::advice
