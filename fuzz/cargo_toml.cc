// A guest's Cargo.toml as patchcheck models it: [patch] tables, renamed keys, sources,
// and the commented-out entries found by scanning the text beside the TOML parser.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "patchcheck/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  zkgate::fuzz::expect_parse_or_input_error(
      [&] { (void)zkgate::patchcheck::parse_manifest(zkgate::fuzz::as_text(data, size), "Cargo.toml"); });
  return 0;
}
