// The `thresholds` of .zkgate.yml (or a --policy file) as gate compare reads them, then
// the per-case policies built from its `cases` overrides. The `match` regexes are not
// run: the policy comes from the trusted base revision, and a pathological pattern is
// its author's choice (hostile symbol names against sane patterns are in tests/hostile).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.h"
#include "gate/compare/policy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const zkgate::fuzz::MemoryFile file(zkgate::fuzz::as_text(data, size));
  zkgate::fuzz::expect_parse_or_input_error([&] {
    const zkgate::gate::Policy policy = zkgate::gate::load_policy_file(file.path());
    for (const auto& [case_name, overrides] : policy.case_overrides) {
      (void)policy.for_case(case_name);
    }
  });
  zkgate::fuzz::expect_parse_or_input_error([&] { (void)zkgate::gate::load_policy_from_config(file.path()); });
  return 0;
}
