#include "gate/profile/zisk_precompiles.h"

namespace zkgate::gate {

// Switched on the first byte: this runs for every opcode row of every DETAIL block.
bool is_zisk_precompile(std::string_view opcode) {
  if (opcode.empty()) return false;
  switch (opcode[0]) {
    case 'k': return opcode.starts_with("keccak");
    case 's': return opcode.starts_with("sha256") || opcode.starts_with("secp256k1") || opcode.starts_with("secp256r1");
    case 'b': return opcode.starts_with("blake2") || opcode.starts_with("bn254") || opcode.starts_with("bls12_381");
    case 'p': return opcode.starts_with("poseidon");
    case 'a': return opcode.starts_with("arith256") || opcode.starts_with("arith384") || opcode.starts_with("add256");
    case 'd': return opcode.starts_with("dma_");
    case '_': return opcode.starts_with("_dma_");
    case 'x': return opcode.starts_with("xmem");
    default: return false;
  }
}

}  // namespace zkgate::gate
