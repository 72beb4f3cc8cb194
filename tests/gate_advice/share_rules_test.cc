#include <boost/test/unit_test.hpp>

#include "crafted_profile.h"
#include "gate/advice/advice.h"

namespace advice = zkgate::gate::advice;
using zkgate::test::add_function;
using zkgate::test::crafted_profile;

namespace {

advice::RuleResult result_of(const advice::Advice& advice, const std::string& id) {
  for (const advice::RuleResult& result : advice.results) {
    if (result.rule_id == id) return result;
  }
  throw std::runtime_error("no result for rule " + id);
}

advice::Outcome outcome(const zkgate::gate::Profile& profile, const std::string& id) {
  return result_of(advice::advise(profile, advice::default_rules(), {}), id).outcome;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(advice_share_rules)

// memcpy/memmove/memset together > 15%: 10% + 5.001% fires, 10% + 5% does not.
BOOST_AUTO_TEST_CASE(memory_copy_fires_above_15_percent_and_not_at_it) {
  zkgate::gate::Profile above = crafted_profile();
  add_function(above, "main", 990'000);
  add_function(above, "compiler_builtins::mem::memcpy", 100'000);
  add_function(above, "memset", 50'010);
  const advice::Advice fired = advice::advise(above, advice::default_rules(), {});
  const advice::RuleResult& result = result_of(fired, "memory-copy");
  BOOST_TEST(static_cast<int>(result.outcome) == static_cast<int>(advice::Outcome::kFired));
  BOOST_TEST(result.share_percent == 15.001, boost::test_tools::tolerance(1e-9));
  BOOST_REQUIRE(result.evidence.size() == 2u);
  BOOST_TEST(result.evidence[0].function == "compiler_builtins::mem::memcpy");
  BOOST_TEST(*result.evidence[0].calls == 7u);
  BOOST_TEST(fired.items().front()->rule_id == "memory-copy");

  zkgate::gate::Profile under = crafted_profile();
  add_function(under, "main", 990'000);
  add_function(under, "compiler_builtins::mem::memcpy", 100'000);
  add_function(under, "memset", 50'000);
  BOOST_TEST(static_cast<int>(outcome(under, "memory-copy")) == static_cast<int>(advice::Outcome::kSilent));
}

// `memcpy` wraps `compiler_builtins::mem::memcpy`: inclusive figures nest, so the pair is
// 10% of cost, not 19.9%.
BOOST_AUTO_TEST_CASE(nested_wrappers_are_not_counted_twice) {
  zkgate::gate::Profile profile = crafted_profile();
  add_function(profile, "memcpy", 100'000);
  add_function(profile, "compiler_builtins::mem::memcpy", 99'000);
  const advice::RuleResult& result = result_of(advice::advise(profile, advice::default_rules(), {}), "memory-copy");
  BOOST_TEST(static_cast<int>(result.outcome) == static_cast<int>(advice::Outcome::kSilent));
  BOOST_TEST(result.share_percent == 10.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(serialization_fires_above_10_percent_and_not_just_under) {
  zkgate::gate::Profile above = crafted_profile();
  add_function(above, "<ethrex_common::types::Transaction as ethrex_rlp::decode::RLPDecode>::decode", 60'000);
  add_function(above, "serde_json::de::from_slice", 40'010);
  add_function(above, "ethrex_trie::Trie::hash", 300'000);
  BOOST_TEST(static_cast<int>(outcome(above, "serialization")) == static_cast<int>(advice::Outcome::kFired));

  zkgate::gate::Profile under = crafted_profile();
  add_function(under, "<ethrex_common::types::Transaction as ethrex_rlp::decode::RLPDecode>::decode", 60'000);
  add_function(under, "serde_json::de::from_slice", 39'990);
  add_function(under, "ethrex_trie::Trie::hash", 300'000);
  BOOST_TEST(static_cast<int>(outcome(under, "serialization")) == static_cast<int>(advice::Outcome::kSilent));
}

BOOST_AUTO_TEST_CASE(known_fallbacks_respect_their_zkvm_lists) {
  zkgate::gate::Profile zisk = crafted_profile("zisk");
  add_function(zisk, "malachite_nz::natural::arithmetic::mod_pow::mod_pow", 50'000);
  add_function(zisk, "<ark_bn254::curves::g1::Parameters as ark_ec::models::short_weierstrass::SWCurveConfig>::mul", 30'000);
  add_function(zisk, "k256::arithmetic::field::FieldElement::mul", 40'000);
  BOOST_TEST(static_cast<int>(outcome(zisk, "fallback-malachite-modexp")) == static_cast<int>(advice::Outcome::kFired));
  BOOST_TEST(static_cast<int>(outcome(zisk, "fallback-ark-bn254")) == static_cast<int>(advice::Outcome::kFired));
  BOOST_TEST(static_cast<int>(outcome(zisk, "fallback-k256")) == static_cast<int>(advice::Outcome::kSilent));  // 4% < 5%

  // RISC0 has no modexp precompile: malachite there is no advice.
  zkgate::gate::Profile risc0 = zisk;
  risc0.zkvm = "risc0";
  BOOST_TEST(static_cast<int>(outcome(risc0, "fallback-malachite-modexp")) == static_cast<int>(advice::Outcome::kSilent));
}

BOOST_AUTO_TEST_CASE(a_profile_without_function_data_is_not_evaluated) {
  zkgate::gate::Profile profile = crafted_profile();
  profile.functions_known = false;
  const advice::Advice result = advice::advise(profile, advice::default_rules(), {});
  BOOST_TEST(result.items().empty());
  for (const advice::RuleResult& r : result.results) {
    if (r.rule_id == "fallback-ark-bn254" || r.rule_id == "fallback-malachite-modexp") continue;  // zkvm filter first
    BOOST_TEST(static_cast<int>(r.outcome) == static_cast<int>(advice::Outcome::kNotEvaluated), r.rule_id);
  }
}

BOOST_AUTO_TEST_SUITE_END()
