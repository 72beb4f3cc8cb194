#include <boost/test/unit_test.hpp>

#include "crafted_profile.h"
#include "gate/advice/advice.h"

namespace advice = zkgate::gate::advice;
using zkgate::gate::OpcodeStat;
using zkgate::gate::Profile;
using zkgate::test::add_function;
using zkgate::test::crafted_profile;

namespace {

advice::Pattern pattern(const std::string& text) { return {text, std::regex(text)}; }

// The keccak row of the crypto matrix, written out by hand so that this suite tests the
// rule's logic alone (the corpus suite uses the real matrix).
advice::CryptoKnowledge keccak_only() {
  advice::CryptoOperation keccak;
  keccak.id = "keccak256";
  keccak.evm = "KECCAK256 opcode, MPT node hashing";
  keccak.native_symbols = {pattern("^tiny_keccak::keccakf::keccakf$")};
  keccak.hot_even_when_patched = {"<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update"};
  advice::CryptoOnZkvm zisk;
  zisk.accelerated = true;
  zisk.crate = "tiny-keccak";
  zisk.repo = "https://github.com/0xPolygonHermez/zisk-patch-tiny-keccak";
  zisk.precompile_opcodes = {"keccak"};
  zisk.precompile_symbols = {pattern("^syscall_keccak_f$")};
  keccak.zkvms["zisk"] = zisk;
  return {"hand-written", {keccak}};
}

OpcodeStat op(const std::string& name, std::uint64_t count) {
  OpcodeStat stat;
  stat.name = name;
  stat.count = count;
  stat.is_precompile = name == "keccak";
  return stat;
}

std::vector<advice::RuleResult> crypto_results(const Profile& profile) {
  std::vector<advice::RuleResult> out;
  for (const advice::RuleResult& r : advice::advise(profile, advice::default_rules(), keccak_only()).results) {
    if (r.rule_id == "crypto-native") out.push_back(r);
  }
  return out;
}

int as_int(advice::Outcome o) { return static_cast<int>(o); }

const std::string kUpdate = "<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update";

}  // namespace

BOOST_AUTO_TEST_SUITE(advice_crypto)

BOOST_AUTO_TEST_CASE(hot_update_is_fine_when_the_precompile_counts) {
  Profile profile = crafted_profile();
  profile.opcodes_known = true;
  profile.opcodes = {op("add", 1000), op("keccak", 82'057)};
  add_function(profile, "main", 990'000);
  add_function(profile, kUpdate, 235'500);
  const std::vector<advice::RuleResult> results = crypto_results(profile);
  BOOST_REQUIRE(results.size() == 1u);
  BOOST_TEST(as_int(results[0].outcome) == as_int(advice::Outcome::kSilent));
}

BOOST_AUTO_TEST_CASE(hot_update_without_any_keccak_precompile_is_software) {
  Profile profile = crafted_profile();
  profile.opcodes_known = true;
  profile.opcodes = {op("add", 1000)};
  add_function(profile, "main", 990'000);
  add_function(profile, kUpdate, 235'500);
  const std::vector<advice::RuleResult> results = crypto_results(profile);
  BOOST_REQUIRE(results.size() == 1u);
  BOOST_TEST(as_int(results[0].outcome) == as_int(advice::Outcome::kFired));
  BOOST_TEST(results[0].evidence[0].function == kUpdate);
  BOOST_TEST(results[0].hint.find("tiny-keccak") != std::string::npos);
}

// The guest uses OP keccak for the EVM opcode, yet keccakf's own detail block has none:
// trie hashing runs keccak in software.
BOOST_AUTO_TEST_CASE(keccakf_whose_detail_block_lacks_op_keccak_is_software) {
  Profile profile = crafted_profile();
  profile.opcodes_known = true;
  profile.opcodes = {op("add", 1000), op("keccak", 40)};
  add_function(profile, "main", 990'000);
  add_function(profile, "tiny_keccak::keccakf::keccakf", 118'300).opcodes = {op("xor", 500), op("add", 90)};
  const std::vector<advice::RuleResult> results = crypto_results(profile);
  BOOST_REQUIRE(results.size() == 1u);
  BOOST_TEST(as_int(results[0].outcome) == as_int(advice::Outcome::kFired));
  BOOST_TEST(results[0].evidence[0].note.find("absent from its detail block") != std::string::npos);

  Profile patched = profile;
  patched.functions.back().opcodes.push_back(op("keccak", 59));
  BOOST_TEST(as_int(crypto_results(patched)[0].outcome) == as_int(advice::Outcome::kSilent));
}

BOOST_AUTO_TEST_CASE(a_native_symbol_outside_the_top_10_needs_a_zero_precompile_count) {
  Profile profile = crafted_profile();
  profile.opcodes_known = true;
  profile.opcodes = {op("add", 1000), op("keccak", 5)};
  for (int i = 0; i < 10; ++i) add_function(profile, "hot_" + std::to_string(i), 500'000 - 1000 * i);
  add_function(profile, "tiny_keccak::keccakf::keccakf", 1'000);  // rank 11, no detail block
  BOOST_TEST(as_int(crypto_results(profile)[0].outcome) == as_int(advice::Outcome::kSilent));

  profile.opcodes = {op("add", 1000)};  // the zkVM has OP keccak, and its count is 0
  BOOST_TEST(as_int(crypto_results(profile)[0].outcome) == as_int(advice::Outcome::kFired));
}

BOOST_AUTO_TEST_CASE(zkvms_without_the_precompile_and_missing_matrix_are_said) {
  Profile sp1 = crafted_profile("sp1");
  add_function(sp1, "tiny_keccak::keccakf::keccakf", 500'000);
  BOOST_TEST(as_int(crypto_results(sp1)[0].outcome) == as_int(advice::Outcome::kNotEvaluated));

  Profile zisk = crafted_profile();
  add_function(zisk, "tiny_keccak::keccakf::keccakf", 500'000);
  std::vector<advice::RuleResult> none;
  for (const advice::RuleResult& r : advice::advise(zisk, advice::default_rules(), {}).results) {
    if (r.rule_id == "crypto-native") none.push_back(r);
  }
  BOOST_REQUIRE(none.size() == 1u);
  BOOST_TEST(as_int(none[0].outcome) == as_int(advice::Outcome::kNotEvaluated));
}

BOOST_AUTO_TEST_SUITE_END()
