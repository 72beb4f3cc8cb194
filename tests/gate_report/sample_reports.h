#pragma once

#include <string>

#include "gate/compare/report_model.h"
#include "gate_compare/sample_profiles.h"

// Reports built from in-code profiles: the golden files and the rendering tests use them,
// so they do not depend on the parsers or the corpus.
namespace zkgate::test {

inline const char* const kBoxSymbol =
    "<impl ethrex_levm::db::Database for alloc::boxed::Box<dyn ethrex_levm::db::Database>>::get_storage_value";
inline const char* const kKeccakUpdate = "<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update";

inline gate::Report risc0_improvement_report() {
  gate::Report report;
  report.tool_version = "test";
  report.base_label = "main";
  report.head_label = "perf/avoid_clone_*fast*";
  gate::CaseResult result;
  result.name = "ethrex block 23350480";
  result.zkvm = "risc0";
  result.input = "block 23350480";
  result.comparison = gate::compare_profiles(risc0_profile("before.log", 3051367508),
                                             risc0_profile("after.log", 2552318509), gate::Policy{});
  report.cases.push_back(result);
  return report;
}

// A ZisK regression: functions move in and out of the top-5 lists, keccak stops being a
// precompile, a symbol with '|' and backticks in its name.
inline gate::Report zisk_regression_report() {
  gate::Profile base = zisk_profile("base.txt", 498'004'423, 82'057, 5);
  base.functions = {ranked_function("zkvm_zisk_program::main", 497'906'973, 1),
                    ranked_function("ethrex_trie::encodedtrie::EncodedTrie::hash::recursive", 169'937'832, 2, 8'082),
                    ranked_function(kKeccakUpdate, 69'357'246, 3, 27'479),
                    ranked_function(kBoxSymbol, 40'000'000, 4, 1'200),
                    ranked_function("memcpy", 30'000'000, 5, 789'487)};
  gate::Profile head = zisk_profile("head.txt", 530'000'000, 0, 5);
  head.functions = {ranked_function("zkvm_zisk_program::main", 529'900'000, 1),
                    ranked_function("ethrex_trie::encodedtrie::EncodedTrie::hash::recursive", 170'000'000, 2, 8'082),
                    ranked_function(kKeccakUpdate, 99'000'000, 3, 27'479),
                    ranked_function("tiny_keccak::keccakf::keccakf", 60'000'000, 4, 82'057),
                    ranked_function(kBoxSymbol, 38'000'000, 5, 1'100)};
  head.ram_bytes = 270'000'000;
  gate::Policy policy;
  policy.precompiles["*"].max_increase_percent = 10.0;
  gate::Report report;
  report.tool_version = "test";
  report.config_used = "policy.yml";
  report.base_label = "main";
  report.head_label = "feature/`keccak`|swap";
  gate::CaseResult result;
  result.name = "ethrex zisk block 1";
  result.zkvm = "zisk";
  result.input = "block 1";
  result.comparison = gate::compare_profiles(base, head, policy);
  // Advice as gate compare adds it (gate/cli): symbols must render literally here too.
  result.comparison->advice_checked = true;
  result.comparison->advice.push_back({"crypto-native", "keccak256: Crypto runs natively instead of on the zkVM precompile",
                                       "keccak256 runs in software: tiny_keccak::keccakf::keccakf is #4 by cost (11.32%)",
                                       "check the tiny-keccak patch",
                                       {"tiny_keccak::keccakf::keccakf 11.32% of cost, 82057 calls (OP keccak count 0 in the profile)",
                                        std::string(kKeccakUpdate) + " 18.68% of cost, 27479 calls"}});
  report.cases.push_back(result);
  return report;
}

// Several cases: one judged, one whose head profile failed (with a log tail holding
// markup that must stay inert), one new.
inline gate::Report multi_case_report() {
  gate::Report report = risc0_improvement_report();
  gate::CaseResult failed;
  failed.name = "sp1 | block 23278512";
  failed.zkvm = "sp1";
  failed.input = "block 23278512";
  failed.problem = gate::CaseState::failed_in_head;
  failed.error = "profile command exited with status 101";
  failed.log_tail = "thread 'main' panicked at <impl Foo for Bar<T>>::run\n<!-- zkgate --> </pre> @octocat\n";
  report.cases.push_back(failed);
  gate::CaseResult added;
  added.name = "openvm ecrecover";
  added.zkvm = "openvm";
  added.problem = gate::CaseState::added;
  added.error = "only head has this case";
  report.cases.push_back(added);
  return report;
}

}  // namespace zkgate::test
