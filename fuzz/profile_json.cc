// zkgate's own profile JSON (zkgate-profile/1: gate show --json, base cache entries) read
// by profile_from_json, after the JSON syntax itself.
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_support.h"
#include "gate/profile/profile_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nlohmann::json doc = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return 0;  // syntax errors are the profile parser's (fuzz_profile_zkgate_json)
  zkgate::fuzz::expect_parse_or_input_error([&] { (void)zkgate::gate::profile_from_json(doc, "profile.json"); });
  return 0;
}
