#pragma once

#include <string>

#include "gate/profile/profile.h"

// Profiles built in code, shaped like the real ones (ziskemu top-25 lists, RISC0 totals),
// so the comparison and the reports are tested without any parser.
namespace zkgate::test {

inline gate::FunctionStat ranked_function(const std::string& name, std::uint64_t steps, unsigned rank,
                                          std::uint64_t calls = 1) {
  gate::FunctionStat function;
  function.name = name;
  function.steps = steps;
  function.calls = calls;
  function.rank_by_steps = rank;
  return function;
}

inline gate::Profile risc0_profile(const std::string& source, std::uint64_t total_cycles) {
  gate::Profile profile;
  profile.source = source;
  profile.format = "risc0-log";
  profile.zkvm = "risc0";
  profile.unit = "cycles";
  profile.total = total_cycles;
  return profile;
}

// A ZisK profile with a cost distribution, opcodes (keccak a precompile) and a top-N
// steps list; `keccak_calls` = 0 models a broken keccak patch.
inline gate::Profile zisk_profile(const std::string& source, std::uint64_t steps, std::uint64_t keccak_calls,
                                  unsigned top_n = 5) {
  gate::Profile profile;
  profile.source = source;
  profile.format = "ziskemu";
  profile.zkvm = "zisk";
  profile.unit = "steps";
  profile.total = steps;
  profile.total_cost = steps * 100;
  profile.cost_distribution = {{"BASE", steps * 10}, {"MAIN", steps * 60}, {"OPCODES", steps * 30}};
  profile.ram_bytes = 268'369'936;
  profile.opcodes_known = true;
  profile.opcodes.push_back({"add", steps / 10, steps / 5, false});
  if (keccak_calls > 0) profile.opcodes.push_back({"keccak", keccak_calls, keccak_calls * 128'000, true});
  profile.functions_known = true;
  profile.top_n_by_steps = top_n;
  return profile;
}

}  // namespace zkgate::test
