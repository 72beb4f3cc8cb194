#include "gate/profile/zisk_precompiles.h"

#include <array>

namespace zkgate::gate {

bool is_zisk_precompile(std::string_view opcode) {
  static constexpr std::array<std::string_view, 14> kPrefixes = {
      "keccak", "sha256", "blake2", "poseidon", "arith256", "arith384", "add256",
      "secp256k1", "secp256r1", "bn254", "bls12_381", "dma_", "_dma_", "xmem"};
  for (const std::string_view prefix : kPrefixes) {
    if (opcode.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

}  // namespace zkgate::gate
