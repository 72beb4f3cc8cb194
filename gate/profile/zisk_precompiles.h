#pragma once

#include <string_view>

namespace zkgate::gate {

// Whether a ziskemu opcode name is a precompile (ZisK prints these in its "COST BY
// PRECOMPILED OPCODE" table where it splits the tables): hashes (keccak, sha256, blake2,
// poseidon2), 256/384-bit arithmetic (arith256*, arith384*, add256), elliptic curves
// (secp256k1_*, secp256r1_*, bn254_*, bls12_381_*) and DMA (dma_*, _dma_*).
bool is_zisk_precompile(std::string_view opcode);

}  // namespace zkgate::gate
