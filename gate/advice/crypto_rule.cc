#include <algorithm>

#include <fmt/format.h>

#include "gate/advice/evaluators.h"

namespace zkgate::gate::advice {

namespace {

// Sum of the counts of `names` in `opcodes`; a name absent from the table counts 0.
std::uint64_t count_of(const std::vector<OpcodeStat>& opcodes, const std::vector<std::string>& names) {
  std::uint64_t total = 0;
  for (const OpcodeStat& op : opcodes) {
    if (std::find(names.begin(), names.end(), op.name) != names.end()) total += op.count;
  }
  return total;
}

std::string opcode_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "OP " : "/OP ") + name;
  return out;
}

bool is_candidate(const CryptoOperation& op, const std::string& name) {
  return std::find(op.hot_even_when_patched.begin(), op.hot_even_when_patched.end(), name) != op.hot_even_when_patched.end() ||
         std::any_of(op.native_symbols.begin(), op.native_symbols.end(), [&](const Pattern& p) { return p.matches(name); });
}

// What the profile says about whether the precompile served this function. The function's
// own ZisK DETAIL block is the best evidence (a guest can use OP keccak for the EVM opcode
// while hashing its trie in software), then the whole profile's opcode table, then a
// precompile symbol among the ranked functions.
struct PrecompileUse {
  std::optional<bool> used;  // nullopt: the profile cannot tell
  std::string note;
};

PrecompileUse precompile_use(const Profile& profile, const FunctionStat& function, const CryptoOnZkvm& on_zkvm) {
  const std::string ops = opcode_list(on_zkvm.precompile_opcodes);
  if (!on_zkvm.precompile_opcodes.empty() && !function.opcodes.empty()) {
    const std::uint64_t local = count_of(function.opcodes, on_zkvm.precompile_opcodes);
    if (local > 0) return {true, fmt::format("{} count {} in its detail block", ops, local)};
    return {false, fmt::format("{} absent from its detail block", ops)};
  }
  if (!on_zkvm.precompile_opcodes.empty() && profile.opcodes_known) {
    const std::uint64_t global = count_of(profile.opcodes, on_zkvm.precompile_opcodes);
    if (global > 0) return {true, fmt::format("{} count {} in the profile", ops, global)};
    return {false, fmt::format("{} count 0 in the profile", ops)};
  }
  for (const FunctionStat& other : profile.functions) {
    for (const Pattern& symbol : on_zkvm.precompile_symbols) {
      if (symbol.matches(other.name)) return {true, fmt::format("precompile symbol {} is ranked", other.name)};
    }
  }
  return {std::nullopt, "no opcode table and no precompile symbol ranked"};
}

}  // namespace

// Symbol names alone cannot tell patched from native (a patched tiny_keccak update is hot
// too); the precompile's count is the evidence, so a candidate only fires when the profile
// shows the precompile did not serve it.
std::vector<RuleResult> evaluate_native_crypto(const Rule& rule, const Profile& profile, const Measure& measure,
                                               const CryptoKnowledge& crypto) {
  std::vector<RuleResult> fired;
  std::vector<std::string> checked;
  std::vector<std::string> undecided;
  for (const CryptoOperation& op : crypto.operations) {
    const auto zkvm_entry = op.zkvms.find(profile.zkvm);
    if (zkvm_entry == op.zkvms.end() || !zkvm_entry->second.accelerated) continue;
    const CryptoOnZkvm& on_zkvm = zkvm_entry->second;
    checked.push_back(op.id);
    RuleResult result = result_for(rule, &measure);
    for (const FunctionStat& function : profile.functions) {
      if (!inclusive_value(function, measure) || !is_candidate(op, function.name)) continue;
      const PrecompileUse use = precompile_use(profile, function, on_zkvm);
      Evidence evidence = inclusive_evidence(profile, function, measure);
      const bool hot = evidence.rank && *evidence.rank <= rule.top_n;
      const bool ambiguous_name = std::find(op.hot_even_when_patched.begin(), op.hot_even_when_patched.end(),
                                            function.name) != op.hot_even_when_patched.end();
      const bool precompile_count_zero = profile.opcodes_known && !on_zkvm.precompile_opcodes.empty() &&
                                         count_of(profile.opcodes, on_zkvm.precompile_opcodes) == 0;
      if (!use.used.has_value()) {
        if (ambiguous_name) {
          if (hot) undecided.push_back(function.name);
          continue;
        }
      } else if (*use.used) {
        continue;
      }
      if (!hot && !precompile_count_zero) continue;
      evidence.note = use.note;
      result.evidence.push_back(std::move(evidence));
    }
    if (result.evidence.empty()) continue;
    std::sort(result.evidence.begin(), result.evidence.end(),
              [](const Evidence& a, const Evidence& b) { return a.share_percent > b.share_percent; });
    const Evidence& top = result.evidence.front();
    result.outcome = Outcome::kFired;
    result.share_percent = top.share_percent;
    result.title = fmt::format("{}: {}", op.id, rule.title);
    result.message = fmt::format("{} ({}) runs in software: {} is #{} by {} ({}); {}", op.id, op.evm, top.function,
                                 top.rank.value_or(0), measure.name, format_percent(top.share_percent), top.note);
    if (!on_zkvm.crate.empty()) {
      result.hint = fmt::format("check the {} patch{}{}", on_zkvm.crate, on_zkvm.repo.empty() ? "" : " (", on_zkvm.repo);
      if (!on_zkvm.repo.empty()) result.hint += ")";
      result.hint += "; " + rule.hint;
    }
    fired.push_back(std::move(result));
  }
  if (!fired.empty()) return fired;

  RuleResult result = result_for(rule, &measure);
  if (crypto.operations.empty()) {
    result.outcome = Outcome::kNotEvaluated;
    result.message = "no crypto matrix loaded";
  } else if (checked.empty()) {
    result.outcome = Outcome::kNotEvaluated;
    result.message = fmt::format("the crypto matrix lists no accelerated operation for zkVM '{}'", profile.zkvm);
  } else if (!undecided.empty()) {
    result.outcome = Outcome::kNotEvaluated;
    result.message = fmt::format("{} is hot but the profile has no opcode table or precompile symbol to tell patched from native",
                                 undecided.front());
  } else {
    result.outcome = Outcome::kSilent;
    std::string list;
    for (const std::string& id : checked) list += (list.empty() ? "" : ", ") + id;
    result.message = fmt::format("no native crypto symbol hot without its precompile ({} checked)", list);
  }
  return {result};
}

}  // namespace zkgate::gate::advice
