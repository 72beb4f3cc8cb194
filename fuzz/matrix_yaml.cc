// The crypto operation matrix (patchcheck --matrix FILE): operations x zkVMs, tag
// grammars with their regexes, SDK version rules.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "patchcheck/matrix.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  zkgate::fuzz::expect_parse_or_input_error(
      [&] { (void)zkgate::patchcheck::CryptoMatrix::parse(zkgate::fuzz::as_text(data, size), "matrix.yml"); });
  return 0;
}
