// One profile parser, chosen at build time (ZKGATE_FUZZ_FORMAT: a --format id, or "auto"
// for detection), over text in memory; then the model's own JSON written and read back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz/fuzz_support.h"
#include "gate/profile/parse.h"
#include "gate/profile/profile_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  zkgate::fuzz::expect_parse_or_input_error([&] {
    const zkgate::gate::Profile profile =
        zkgate::gate::parse_profile_text(zkgate::fuzz::as_text(data, size), "profile", ZKGATE_FUZZ_FORMAT);
    // What the parser accepted must survive zkgate's own JSON (gate show --json, the cache).
    try {
      (void)zkgate::gate::profile_from_json(zkgate::gate::profile_to_json(profile), "round-trip");
    } catch (const zkgate::util::InputError&) {
      std::abort();
    }
  });
  return 0;
}
