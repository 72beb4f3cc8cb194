#pragma once

#include <map>
#include <string>
#include <vector>

#include "gate/advice/rules.h"

// What the crypto rule needs to know about each operation, taken from patchcheck's crypto
// matrix (crypto_knowledge_from_matrix) so that both tools read one source of truth.
namespace zkgate::gate::advice {

struct CryptoOnZkvm {
  bool accelerated = false;                     // the matrix says this zkVM has a precompile/patch for it
  std::string crate;                            // the crate whose patch makes it work
  std::string repo;                             // where that patch lives
  std::vector<std::string> precompile_opcodes;  // ZisK opcode names, e.g. "keccak"
  std::vector<Pattern> precompile_symbols;      // e.g. syscall_keccak_f
};

struct CryptoOperation {
  std::string id;                                // "keccak256"
  std::string evm;                               // "KECCAK256 opcode, MPT node hashing"
  std::vector<Pattern> native_symbols;           // seen only when the operation runs in software
  std::vector<std::string> hot_even_when_patched;  // exact names that are hot either way
  std::map<std::string, CryptoOnZkvm> zkvms;
};

struct CryptoKnowledge {
  std::string source;  // where it came from, for the report
  std::vector<CryptoOperation> operations;
};

}  // namespace zkgate::gate::advice
