#include "gate/compare/crypto_diagnosis.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "gate/compare/format.h"
#include "util/bounded_regex.h"

namespace zkgate::gate {
namespace {

using patchcheck::CryptoMatrix;
using patchcheck::Expectation;
using patchcheck::Operation;
using patchcheck::ZkvmCell;

// Where ziskemu's default -T is 25: deeper than that a function is not "among the top".
constexpr unsigned kTopFunctions = 25;

// Compiles each matrix regex once per diagnosis (callgrind listings hold thousands of names).
class Patterns {
 public:
  bool matches_any(const std::string& name, const std::vector<std::string>& patterns) {
    for (const std::string& pattern : patterns) {
      const std::regex* regex = compiled(pattern);
      // A name too long to match is no real symbol: not evidence of native crypto.
      if (regex != nullptr && util::regex_search_bounded(name, *regex).value_or(false)) return true;
    }
    return false;
  }

 private:
  const std::regex* compiled(const std::string& pattern) {
    std::map<std::string, std::optional<std::regex>>::iterator found = cache_.find(pattern);
    if (found == cache_.end()) {
      std::optional<std::regex> regex;
      // The matrix reader validated every pattern; a bad one would be a matrix bug, never a match.
      try {
        regex.emplace(pattern, std::regex::ECMAScript);
      } catch (const std::regex_error&) {
      }
      found = cache_.emplace(pattern, std::move(regex)).first;
    }
    return found->second ? &*found->second : nullptr;
  }

  std::map<std::string, std::optional<std::regex>> cache_;
};

std::optional<std::uint64_t> opcode_count(const Profile& profile, const std::string& name) {
  if (!profile.opcodes_known) return std::nullopt;
  for (const OpcodeStat& opcode : profile.opcodes) {
    if (opcode.name == name) return opcode.count;
  }
  return 0;  // a known opcode table lists every executed opcode
}

// Functions "among the top": listed in a top list (ranked within kTopFunctions), or for
// complete listings the kTopFunctions largest by cost (else steps).
std::vector<const FunctionStat*> top_functions(const Profile& profile) {
  std::vector<const FunctionStat*> top;
  if (!profile.functions_known) return top;
  for (const FunctionStat& function : profile.functions) {
    const bool ranked = (function.rank_by_cost && *function.rank_by_cost <= kTopFunctions) ||
                        (function.rank_by_steps && *function.rank_by_steps <= kTopFunctions);
    if (ranked) top.push_back(&function);
  }
  if (!top.empty() || profile.functions.empty()) return top;
  std::vector<const FunctionStat*> all;
  for (const FunctionStat& function : profile.functions) all.push_back(&function);
  std::stable_sort(all.begin(), all.end(), [](const FunctionStat* a, const FunctionStat* b) {
    return a->cost.value_or(a->steps.value_or(0)) > b->cost.value_or(b->steps.value_or(0));
  });
  if (all.size() > kTopFunctions) all.resize(kTopFunctions);
  return all;
}

// Whether head shows the operation's precompile in use: true/false, nullopt = cannot tell.
std::optional<bool> precompile_in_use(Patterns& patterns, const Profile& head, const ZkvmCell& cell) {
  if (!cell.precompile_opcodes.empty() && head.opcodes_known) {
    for (const std::string& opcode : cell.precompile_opcodes) {
      if (opcode_count(head, opcode).value_or(0) > 0) return true;
    }
    return false;
  }
  if (!cell.precompile_symbols.empty() && head.functions_known) {
    for (const FunctionStat& function : head.functions) {
      if (patterns.matches_any(function.name, cell.precompile_symbols)) return true;
    }
    if (head.functions_complete) return false;
  }
  return std::nullopt;
}

std::string patch_text(const ZkvmCell& cell) {
  if (cell.crate.empty()) return "the zkVM's accelerated crate";
  const std::string how = cell.expected == Expectation::kPatchRequired ? " [patch]" : "";
  return cell.repo.empty() ? fmt::format("{}{}", cell.crate, how) : fmt::format("{}{} ({})", cell.crate, how, cell.repo);
}

class Diagnosis {
 public:
  Diagnosis(Comparison& comparison, RuleAction action) : comparison_(comparison), action_(action) {}

  void add(const Operation& operation, const ZkvmCell& cell, std::string kind, std::string evidence,
           std::string message) {
    // One finding per (kind, evidence): keccak's opcode serves tiny-keccak and sha3 alike.
    const std::string key = kind + '\n' + evidence;
    const std::map<std::string, std::size_t>::iterator found = index_.find(key);
    if (found != index_.end()) {
      CryptoFinding& existing = comparison_.crypto[found->second];
      existing.operation += ", " + operation.id;
      existing.patch += " or " + patch_text(cell);
      return;
    }
    CryptoFinding finding;
    finding.operation = operation.id;
    finding.kind = std::move(kind);
    finding.evidence = std::move(evidence);
    finding.patch = patch_text(cell);
    finding.severity = action_ == RuleAction::fail ? Severity::failure : Severity::warning;
    finding.message = std::move(message);
    if (cell.expected == Expectation::kException) {
      finding.severity = Severity::info;
      finding.message += fmt::format(" Accepted exception in the matrix: {}", cell.reason);
    }
    index_.emplace(key, comparison_.crypto.size());
    comparison_.crypto.push_back(std::move(finding));
  }

 private:
  Comparison& comparison_;
  RuleAction action_;
  std::map<std::string, std::size_t> index_;
};

void check_dropped_precompiles(Diagnosis& diagnosis, Patterns& patterns, const Operation& operation, const ZkvmCell& cell,
                               const Profile& base, const Profile& head) {
  for (const std::string& opcode : cell.precompile_opcodes) {
    const std::optional<std::uint64_t> before = opcode_count(base, opcode);
    const std::optional<std::uint64_t> after = opcode_count(head, opcode);
    if (before && after && *before > 0 && *after == 0) {
      diagnosis.add(operation, cell, "precompile-dropped", fmt::format("OP {} {} -> 0", opcode, grouped(*before)),
                    fmt::format("precompile {} ran {} times in base and never in head: {} now runs natively.", opcode,
                                grouped(*before), operation.id));
    }
  }
  // Formats without opcodes: a complete function listing proves a syscall stopped running.
  if (cell.precompile_symbols.empty() || !head.functions_complete || !base.functions_known) return;
  for (const FunctionStat& function : base.functions) {
    if (!patterns.matches_any(function.name, cell.precompile_symbols)) continue;
    const bool still_runs = std::any_of(head.functions.begin(), head.functions.end(), [&](const FunctionStat& f) {
      return f.name == function.name;
    });
    if (!still_runs) {
      diagnosis.add(operation, cell, "precompile-dropped", function.name,
                    fmt::format("precompile symbol {} ran in base and not in head: {} now runs natively.",
                                function.name, operation.id));
    }
  }
}

void check_hot_native_symbols(Diagnosis& diagnosis, Patterns& patterns, const Operation& operation, const ZkvmCell& cell,
                              const std::vector<const FunctionStat*>& top, const Profile& head) {
  const std::optional<bool> in_use = precompile_in_use(patterns, head, cell);
  for (const FunctionStat* function : top) {
    const bool hot_anyway = std::find(operation.hot_even_when_patched.begin(), operation.hot_even_when_patched.end(),
                                      function->name) != operation.hot_even_when_patched.end();
    const std::string rank =
        function->rank_by_cost ? fmt::format("#{} by cost", *function->rank_by_cost)
        : function->rank_by_steps ? fmt::format("#{} by steps", *function->rank_by_steps)
                                  : std::string("among the top functions");
    if (hot_anyway) {
      // Hot with a working patch too: only the absence of any precompile use says "native".
      if (in_use == false) {
        diagnosis.add(operation, cell, "native-symbol-hot", function->name,
                      fmt::format("{} is hot ({}) and head shows no use of the {} precompile.", function->name, rank,
                                  operation.id));
      }
      continue;
    }
    if (!patterns.matches_any(function->name, operation.native_fallback_symbols)) continue;
    std::string message = fmt::format("native {} code {} is among the top functions ({}).", operation.id,
                                      function->name, rank);
    if (in_use == true) message += " The precompile also runs, so some callers bypass the patch.";
    diagnosis.add(operation, cell, "native-symbol-hot", function->name, std::move(message));
  }
}

}  // namespace

void diagnose_crypto(Comparison& comparison, const Profile& base, const Profile& head,
                     const patchcheck::CryptoMatrix& matrix, RuleAction action) {
  if (action == RuleAction::off) {
    comparison.notes.push_back("crypto diagnosis switched off by the policy (crypto: off)");
    return;
  }
  if (matrix.find_zkvm(head.zkvm) == nullptr) {
    comparison.notes.push_back(
        fmt::format("crypto diagnosis: the crypto matrix has no zkVM '{}'", head.zkvm.empty() ? "?" : head.zkvm));
    return;
  }
  comparison.crypto_checked = true;
  Diagnosis diagnosis(comparison, action);
  Patterns patterns;
  const std::vector<const FunctionStat*> top = top_functions(head);
  for (const Operation& operation : matrix.operations()) {
    const ZkvmCell* cell = operation.cell(head.zkvm);
    if (cell == nullptr || !patchcheck::has_accelerated_path(cell->expected)) continue;
    check_dropped_precompiles(diagnosis, patterns, operation, *cell, base, head);
    check_hot_native_symbols(diagnosis, patterns, operation, *cell, top, head);
  }
}

}  // namespace zkgate::gate
