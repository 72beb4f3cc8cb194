#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gate/advice/advice.h"
#include "gate/profile/profile.h"

// Which figure shares are taken of: ZisK cost where the profile has it (what proving pays
// for), otherwise total steps/cycles. Internal to the advice rules.
namespace zkgate::gate::advice {

struct Measure {
  std::string name;         // "cost" or "steps"
  std::uint64_t total = 0;  // the denominator, never 0
};

// nullopt when the profile holds no function figure a share could be taken of.
std::optional<Measure> choose_measure(const Profile& profile);

std::optional<std::uint64_t> inclusive_value(const FunctionStat& function, const Measure& measure);
std::optional<std::uint64_t> self_value(const FunctionStat& function, const Measure& measure);
double share_of(std::uint64_t value, const Measure& measure);

// 1-based position by the inclusive measure among the profile's functions (ties share a rank).
std::optional<unsigned> rank_of(const Profile& profile, const FunctionStat& function, const Measure& measure);

// Evidence for one function by its inclusive figure.
Evidence inclusive_evidence(const Profile& profile, const FunctionStat& function, const Measure& measure);

// "12.34%" with two decimals, as the profilers print shares.
std::string format_percent(double percent);

}  // namespace zkgate::gate::advice
