#include <boost/test/unit_test.hpp>

#include "crafted_profile.h"
#include "gate/advice/advice.h"

namespace advice = zkgate::gate::advice;
using zkgate::test::add_function;
using zkgate::test::crafted_profile;

namespace {

advice::RuleResult single_function(const zkgate::gate::Profile& profile) {
  for (const advice::RuleResult& r : advice::advise(profile, advice::default_rules(), {}).results) {
    if (r.rule_id == "single-function") return r;
  }
  throw std::runtime_error("single-function rule did not run");
}

int as_int(advice::Outcome o) { return static_cast<int>(o); }

}  // namespace

BOOST_AUTO_TEST_SUITE(advice_single_function)

BOOST_AUTO_TEST_CASE(fires_on_self_cost_above_20_percent) {
  zkgate::gate::Profile profile = crafted_profile();
  add_function(profile, "main", 999'000, 1'000);
  add_function(profile, "ethrex_trie::node::Node::compute_hash", 400'000, 200'010);
  add_function(profile, "small", 10'000, 10'000);
  const advice::RuleResult result = single_function(profile);
  BOOST_TEST(as_int(result.outcome) == as_int(advice::Outcome::kFired));
  BOOST_REQUIRE(result.evidence.size() == 1u);
  BOOST_TEST(result.evidence[0].function == "ethrex_trie::node::Node::compute_hash");
  BOOST_TEST(result.evidence[0].share_percent == 20.001, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(*result.evidence[0].value == 200'010u);
}

BOOST_AUTO_TEST_CASE(silent_just_under_20_percent_self_even_when_inclusive_is_higher) {
  zkgate::gate::Profile profile = crafted_profile();
  add_function(profile, "main", 999'000, 1'000);
  add_function(profile, "ethrex_trie::node::Node::compute_hash", 400'000, 199'990);
  add_function(profile, "small", 10'000, 10'000);  // the ranked list reaches below 20%
  BOOST_TEST(as_int(single_function(profile).outcome) == as_int(advice::Outcome::kSilent));
}

// A top-N list whose every entry is above 20% inclusive says nothing about the functions
// below it, so the rule cannot clear them.
BOOST_AUTO_TEST_CASE(a_ranked_list_entirely_above_the_threshold_is_not_evaluated) {
  zkgate::gate::Profile profile = crafted_profile();
  add_function(profile, "main", 999'000, 1'000);
  add_function(profile, "ethrex_trie::node::Node::compute_hash", 400'000, 199'990);
  BOOST_TEST(as_int(single_function(profile).outcome) == as_int(advice::Outcome::kNotEvaluated));
  profile.functions_complete = true;  // callgrind lists every function
  BOOST_TEST(as_int(single_function(profile).outcome) == as_int(advice::Outcome::kSilent));
}

BOOST_AUTO_TEST_CASE(entry_points_never_trigger_it) {
  for (const char* entry : {"main", "zkvm_zisk_program::main", "_start"}) {
    zkgate::gate::Profile profile = crafted_profile();
    add_function(profile, entry, 999'000, 990'000);  // 99% inclusive and even 99% self
    add_function(profile, "helper", 9'000, 9'000);
    const advice::RuleResult result = single_function(profile);
    BOOST_TEST(as_int(result.outcome) == as_int(advice::Outcome::kSilent), entry);
  }
}

// ziskemu prints inclusive figures only: a function above 20% inclusive with no self figure
// cannot be judged, and the rule says so instead of guessing either way.
BOOST_AUTO_TEST_CASE(inclusive_only_profiles_are_not_evaluated_unless_inclusive_clears_them) {
  zkgate::gate::Profile undecided = crafted_profile();
  add_function(undecided, "zkvm_zisk_program::main", 995'000);
  add_function(undecided, "guest_program::execution::execution_program", 950'000);
  add_function(undecided, "memcpy", 100'000);
  const advice::RuleResult result = single_function(undecided);
  BOOST_TEST(as_int(result.outcome) == as_int(advice::Outcome::kNotEvaluated));
  BOOST_TEST(result.message.find("guest_program::execution::execution_program") != std::string::npos);

  zkgate::gate::Profile cleared = crafted_profile();
  add_function(cleared, "zkvm_zisk_program::main", 995'000);
  add_function(cleared, "memcpy", 150'000);
  add_function(cleared, "keccak", 120'000);
  BOOST_TEST(as_int(single_function(cleared).outcome) == as_int(advice::Outcome::kSilent));
}

BOOST_AUTO_TEST_SUITE_END()
