// The crypto rule with the real crypto matrix (the one patchcheck embeds) on real profiles.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/test/unit_test.hpp>
#include "test_support.h"
#pragma GCC diagnostic pop

#include "gate/advice/advice.h"
#include "gate/advice/crypto_from_matrix.h"
#include "gate/profile/parse.h"

namespace advice = zkgate::gate::advice;
namespace fs = std::filesystem;
using zkgate::gate::Profile;

namespace {

std::vector<advice::RuleResult> crypto_results(const Profile& profile) {
  std::vector<advice::RuleResult> out;
  for (const advice::RuleResult& r :
       advice::advise(profile, advice::default_rules(), advice::default_crypto_knowledge()).results) {
    if (r.rule_id == "crypto-native") out.push_back(r);
  }
  return out;
}

// A real ZisK profile (EEST empty block on ethrex b9d3ef6) whose guest hashes with
// tiny_keccak::keccakf in software: ranked #3 by cost, no OP keccak anywhere.
fs::path software_keccak_profile() {
  return zkgate::test::corpus_dir() / "bulk" / "data" / "profiles" / "zisk" / "eest-fd1dd63" / "ethrex-b9d3ef6" /
         "zisk_profile_test_transaction_types.py::test_empty_block[fork_Osaka-blockchain_test-benchmark-gas-value_10M].prof";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(advice_crypto_matrix)

BOOST_AUTO_TEST_CASE(the_embedded_matrix_accelerates_keccak_on_zisk_with_op_keccak) {
  const advice::CryptoKnowledge& knowledge = advice::default_crypto_knowledge();
  BOOST_TEST(knowledge.source.find("crypto-matrix") != std::string::npos, knowledge.source);
  const std::vector<advice::CryptoOperation>::const_iterator keccak =
      std::find_if(knowledge.operations.begin(), knowledge.operations.end(),
                   [](const advice::CryptoOperation& op) { return op.id == "keccak256"; });
  BOOST_REQUIRE(keccak != knowledge.operations.end());
  const advice::CryptoOnZkvm& zisk = keccak->zkvms.at("zisk");
  BOOST_TEST(zisk.accelerated);
  BOOST_TEST((std::find(zisk.precompile_opcodes.begin(), zisk.precompile_opcodes.end(), "keccak") !=
              zisk.precompile_opcodes.end()));
  BOOST_TEST(std::any_of(keccak->native_symbols.begin(), keccak->native_symbols.end(),
                         [](const advice::Pattern& p) { return p.matches("tiny_keccak::keccakf::keccakf"); }));
}

// ethrex's own ZisK profile uses the keccak precompile (OP keccak 82,057): a hot
// tiny_keccak Hasher::update there is the patched path, never advice.
BOOST_AUTO_TEST_CASE(ethrex_ziskemu_profile_gets_no_keccak_advice, *zkgate::test::needs_corpus()) {
  const Profile profile =
      zkgate::gate::parse_profile(zkgate::test::corpus_dir() / "profiles" / "zisk" / "ethrex-05_avoid_nodetype_clone.txt");
  const std::vector<advice::RuleResult> results = crypto_results(profile);
  BOOST_REQUIRE(results.size() == 1u);
  BOOST_TEST(std::string(advice::outcome_name(results[0].outcome)) == "silent", results[0].message);
  BOOST_TEST(results[0].message.find("keccak256") != std::string::npos, results[0].message);
}

BOOST_AUTO_TEST_CASE(software_keccakf_in_a_real_profile_is_advice, *zkgate::test::needs_corpus()) {
  const Profile profile = zkgate::gate::parse_profile(software_keccak_profile());
  const std::vector<advice::RuleResult> results = crypto_results(profile);
  const std::vector<advice::RuleResult>::const_iterator keccak =
      std::find_if(results.begin(), results.end(), [](const advice::RuleResult& r) {
        return r.outcome == advice::Outcome::kFired && r.title.rfind("keccak256:", 0) == 0;
      });
  BOOST_REQUIRE(keccak != results.end());
  BOOST_TEST(keccak->evidence.at(0).function == "tiny_keccak::keccakf::keccakf");
  BOOST_TEST(keccak->evidence.at(0).rank.value_or(0) == 3u);
  BOOST_TEST(keccak->evidence.at(0).note == "OP keccak absent from its detail block");
  BOOST_TEST(keccak->hint.find("tiny-keccak") != std::string::npos, keccak->hint);
}

// The same profile with one OP keccak in keccakf's detail block: the patched path ran.
BOOST_AUTO_TEST_CASE(the_precompile_in_the_detail_block_silences_it, *zkgate::test::needs_corpus()) {
  Profile profile = zkgate::gate::parse_profile(software_keccak_profile());
  for (zkgate::gate::FunctionStat& function : profile.functions) {
    if (function.name == "tiny_keccak::keccakf::keccakf" ||
        function.name == "<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update") {
      zkgate::gate::OpcodeStat keccak;
      keccak.name = "keccak";
      keccak.count = 59;
      keccak.is_precompile = true;
      function.opcodes.push_back(keccak);
    }
  }
  for (const advice::RuleResult& result : crypto_results(profile)) {
    BOOST_TEST(result.title.rfind("keccak256:", 0) != 0u, result.message);
  }
}

BOOST_AUTO_TEST_SUITE_END()
