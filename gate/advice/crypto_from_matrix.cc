// rules.h first: it brings in <regex> without GCC 12's sanitizer false positive.
#include "gate/advice/rules.h"

#include "gate/advice/crypto_from_matrix.h"

namespace zkgate::gate::advice {

namespace {

Pattern compile(const std::string& text) {
  // The matrix reader has already rejected every bad regex with its file:line.
  return Pattern{text, std::regex(text, std::regex::ECMAScript | std::regex::optimize)};
}

}  // namespace

CryptoKnowledge crypto_knowledge_from_matrix(const patchcheck::CryptoMatrix& matrix) {
  CryptoKnowledge knowledge;
  knowledge.source = matrix.origin();
  for (const patchcheck::Operation& op : matrix.operations()) {
    CryptoOperation operation;
    operation.id = op.id;
    operation.evm = op.evm;
    for (const std::string& symbol : op.native_fallback_symbols) operation.native_symbols.push_back(compile(symbol));
    operation.hot_even_when_patched = op.hot_even_when_patched;
    for (const patchcheck::ZkvmCell& cell : op.cells) {
      CryptoOnZkvm on_zkvm;
      on_zkvm.accelerated = patchcheck::has_accelerated_path(cell.expected) &&
                            cell.expected != patchcheck::Expectation::kException;
      on_zkvm.crate = cell.crate;
      on_zkvm.repo = cell.repo;
      on_zkvm.precompile_opcodes = cell.precompile_opcodes;
      for (const std::string& symbol : cell.precompile_symbols) on_zkvm.precompile_symbols.push_back(compile(symbol));
      operation.zkvms[cell.zkvm] = std::move(on_zkvm);
    }
    knowledge.operations.push_back(std::move(operation));
  }
  return knowledge;
}

const CryptoKnowledge& default_crypto_knowledge() {
  static const CryptoKnowledge knowledge = crypto_knowledge_from_matrix(patchcheck::CryptoMatrix::load_default());
  return knowledge;
}

}  // namespace zkgate::gate::advice
