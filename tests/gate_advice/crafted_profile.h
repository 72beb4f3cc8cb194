#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gate/profile/profile.h"

// Small hand-made profiles for the advice rules: total cost 1,000,000, so a function's
// cost of 150,000 is exactly 15%.
namespace zkgate::test {

inline gate::Profile crafted_profile(const std::string& zkvm = "zisk") {
  gate::Profile profile;
  profile.source = "crafted";
  profile.format = "crafted";
  profile.zkvm = zkvm;
  profile.unit = "steps";
  profile.total = 100'000;
  profile.total_cost = 1'000'000;
  profile.functions_known = true;
  profile.top_n_by_cost = 25;
  return profile;
}

inline gate::FunctionStat& add_function(gate::Profile& profile, const std::string& name, std::uint64_t cost,
                                        std::optional<std::uint64_t> self_cost = std::nullopt) {
  gate::FunctionStat function;
  function.name = name;
  function.cost = cost;
  function.steps = cost / 10;
  function.calls = 7;
  function.self_cost = self_cost;
  profile.functions.push_back(function);
  return profile.functions.back();
}

}  // namespace zkgate::test
