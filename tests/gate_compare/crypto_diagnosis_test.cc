#include <boost/test/unit_test.hpp>

#include "gate/compare/comparison.h"
#include "gate/compare/crypto_diagnosis.h"
#include "gate/compare/judge.h"
#include "printers.h"
#include "sample_profiles.h"

using namespace zkgate::gate;
using zkgate::test::ranked_function;
using zkgate::test::zisk_profile;

namespace {

const char* const kUpdate = "<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update";

const zkgate::patchcheck::CryptoMatrix& matrix() {
  static const zkgate::patchcheck::CryptoMatrix kMatrix = zkgate::patchcheck::CryptoMatrix::load_default();
  return kMatrix;
}

// The ethrex ZisK shape: tiny_keccak's update ranks #11 by cost while OP keccak runs.
Profile ethrex_like(std::uint64_t keccak_calls) {
  Profile profile = zisk_profile("ethrex.txt", 498'004'423, keccak_calls, 25);
  profile.top_n_by_cost = 25;
  FunctionStat update = ranked_function(kUpdate, 69'357'246, 14, 27'479);
  update.rank_by_cost = 11;
  FunctionStat main_fn = ranked_function("zkvm_zisk_program::main", 497'906'973, 1);
  main_fn.rank_by_cost = 1;
  profile.functions = {main_fn, update};
  if (keccak_calls > 0) {
    FunctionStat syscall = ranked_function("syscall_keccak_f", 10'000'000, 20, keccak_calls);
    syscall.rank_by_cost = 14;
    profile.functions.push_back(syscall);
  }
  return profile;
}

Comparison diagnose(const Profile& base, const Profile& head, RuleAction action = RuleAction::warn) {
  Comparison comparison = compare_profiles(base, head, Policy{});
  diagnose_crypto(comparison, base, head, matrix(), action);
  return comparison;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_diagnosis)

BOOST_AUTO_TEST_CASE(hot_keccak_update_with_the_precompile_running_is_not_flagged) {
  const Comparison c = diagnose(ethrex_like(82'057), ethrex_like(82'057));
  BOOST_TEST(c.crypto_checked);
  BOOST_TEST(c.crypto.empty(), c.crypto.size() << " findings, first: " << (c.crypto.empty() ? "" : c.crypto[0].message));
}

BOOST_AUTO_TEST_CASE(precompile_dropping_to_zero_is_flagged_with_the_patch_to_check) {
  const Comparison c = diagnose(ethrex_like(82'057), ethrex_like(0));
  BOOST_REQUIRE(!c.crypto.empty());
  const CryptoFinding& dropped = c.crypto.front();
  BOOST_TEST(dropped.kind == "precompile-dropped");
  BOOST_TEST(dropped.evidence == "OP keccak 82,057 -> 0");
  BOOST_TEST(dropped.operation.find("keccak256") != std::string::npos);
  BOOST_TEST(dropped.patch.find("tiny-keccak") != std::string::npos, dropped.patch);
  BOOST_TEST(dropped.severity == Severity::warning);
  // With no precompile use left, the hot update is now a native signal too.
  bool update_flagged = false;
  for (const CryptoFinding& finding : c.crypto) {
    update_flagged = update_flagged || (finding.kind == "native-symbol-hot" && finding.evidence == kUpdate);
  }
  BOOST_TEST(update_flagged);
  BOOST_TEST(c.verdict() == Verdict::pass);  // warn by default
}

BOOST_AUTO_TEST_CASE(native_fallback_symbol_among_top_functions_is_flagged) {
  Profile head = ethrex_like(82'057);
  FunctionStat native = ranked_function("tiny_keccak::keccakf::keccakf", 5'000'000, 22, 1'000);
  head.functions.push_back(native);
  const Comparison c = diagnose(ethrex_like(82'057), head, RuleAction::fail);
  BOOST_REQUIRE(c.crypto.size() == 1u);
  BOOST_TEST(c.crypto[0].kind == "native-symbol-hot");
  BOOST_TEST(c.crypto[0].evidence == "tiny_keccak::keccakf::keccakf");
  BOOST_TEST(c.crypto[0].message.find("some callers bypass the patch") != std::string::npos);
  BOOST_TEST(c.crypto[0].severity == Severity::failure);
  BOOST_TEST(c.verdict() == Verdict::regression);
}

BOOST_AUTO_TEST_CASE(switched_off_or_unknown_zkvm_checks_nothing) {
  Comparison c = diagnose(ethrex_like(82'057), ethrex_like(0), RuleAction::off);
  BOOST_TEST(!c.crypto_checked);
  BOOST_TEST(c.crypto.empty());
  Profile native_base = zkgate::test::risc0_profile("a", 10);
  native_base.zkvm = "native";
  Profile native_head = native_base;
  c = diagnose(native_base, native_head);
  BOOST_TEST(!c.crypto_checked);
  BOOST_TEST(c.notes.back() == "crypto diagnosis: the crypto matrix has no zkVM 'native'");
}

BOOST_AUTO_TEST_CASE(judge_case_runs_the_diagnosis_with_the_case_policy) {
  const Policy policy = load_policy_yaml(YAML::Load("crypto: fail\ncases: {quiet: {crypto: off}}"), "p.yml");
  const CaseResult loud = judge_case({"loud", ""}, ethrex_like(82'057), ethrex_like(0), policy, &matrix());
  BOOST_TEST(loud.state() == CaseState::regressed);
  const CaseResult quiet = judge_case({"quiet", ""}, ethrex_like(82'057), ethrex_like(0), policy, &matrix());
  BOOST_TEST(quiet.state() == CaseState::unchanged);
  BOOST_TEST(quiet.zkvm == "zisk");
}

BOOST_AUTO_TEST_SUITE_END()
