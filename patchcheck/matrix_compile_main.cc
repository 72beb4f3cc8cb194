// Build-time tool: validates the crypto matrix YAML (a broken default fails the build with
// file:line) and writes its compiled JSON form, which patchcheck embeds.
//   zkgate_matrix_compile crypto-matrix.yml out.json
#include <cstdio>
#include <string>

#include "patchcheck/matrix.h"
#include "util/file_io.h"
#include "util/input_error.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: zkgate_matrix_compile MATRIX.yml OUT.json\n");
    return 2;
  }
  try {
    const std::string yaml = zkgate::util::read_file(argv[1]);
    const zkgate::patchcheck::CryptoMatrix matrix = zkgate::patchcheck::CryptoMatrix::parse(yaml, "crypto-matrix.yml");
    zkgate::util::atomic_write_file(argv[2], matrix.to_json());
  } catch (const zkgate::util::InputError& error) {
    std::fprintf(stderr, "zkgate_matrix_compile: error: %s\n", error.describe().c_str());
    return 2;
  }
  return 0;
}
