// .zkgate.yml as gate run reads it (cases, commands, timeouts, cache, thresholds), the
// cache fingerprint of every case and the thresholds through the policy reader.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "gate/compare/policy.h"
#include "gate/run/config.h"

namespace run = zkgate::gate::run;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  zkgate::fuzz::expect_parse_or_input_error([&] {
    const run::RunConfig config = run::parse_run_config(zkgate::fuzz::as_text(data, size), ".zkgate.yml");
    const zkgate::gate::Policy policy = zkgate::gate::load_policy_yaml(config.thresholds, config.source);
    for (const run::CaseConfig& one : config.cases) {
      (void)run::case_fingerprint(one);
      (void)config.find_case(one.name);
      zkgate::gate::Policy for_case = policy;
      zkgate::gate::apply_thresholds(for_case, one.thresholds, config.source);
    }
  });
  return 0;
}
