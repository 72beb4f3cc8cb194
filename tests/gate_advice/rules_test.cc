#include <boost/test/unit_test.hpp>

#include <set>

#include "gate/advice/rules.h"
#include "test_support.h"
#include "util/input_error.h"

namespace advice = zkgate::gate::advice;
using zkgate::test::fixtures_dir;

namespace {

const advice::Rule* find_rule(const advice::RuleSet& set, const std::string& id) {
  for (const advice::Rule& rule : set.rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

// The error's line, or 0 when the loader threw something else.
std::size_t error_line(const std::filesystem::path& file) {
  try {
    advice::load_rules(file);
  } catch (const zkgate::util::InputError& e) {
    return e.where().line;
  }
  return 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(advice_rules)

BOOST_AUTO_TEST_CASE(default_rules_cover_the_decision_framework) {
  const advice::RuleSet& set = advice::default_rules();
  std::set<std::string> ids;
  for (const advice::Rule& rule : set.rules) {
    BOOST_TEST(!rule.id.empty());
    BOOST_TEST(ids.insert(rule.id).second, "duplicate id " << rule.id);
    BOOST_TEST(rule.where.line > 0);
  }
  for (const char* id : {"crypto-native", "fallback-ark-bn254", "fallback-sha256-software", "fallback-malachite-modexp",
                         "fallback-k256", "memory-copy", "memory-alloc", "serialization", "single-function"}) {
    BOOST_TEST(ids.count(id) == 1, "missing default rule " << id);
  }
  BOOST_TEST(find_rule(set, "memory-copy")->threshold_percent == 15.0);
  BOOST_TEST(find_rule(set, "memory-copy")->sum_terms);
  BOOST_TEST(find_rule(set, "serialization")->threshold_percent == 10.0);
  BOOST_TEST(find_rule(set, "single-function")->threshold_percent == 20.0);
  BOOST_TEST(find_rule(set, "crypto-native")->top_n == 10u);
  BOOST_TEST(!set.entry_points.empty());
}

BOOST_AUTO_TEST_CASE(a_team_file_disables_and_overrides_by_id) {
  const advice::RuleSet set = advice::load_rules(fixtures_dir() / "advice" / "disable_alloc.yml");
  BOOST_TEST(find_rule(set, "memory-alloc") == nullptr);
  BOOST_TEST(set.disabled == std::vector<std::string>{"memory-alloc"});
  BOOST_REQUIRE(find_rule(set, "memory-copy") != nullptr);
  BOOST_TEST(find_rule(set, "memory-copy")->threshold_percent == 5.0);
  BOOST_TEST(find_rule(set, "serialization") != nullptr);  // inherited from the default
  BOOST_TEST(set.rules.size() + 1 == advice::default_rules().rules.size());
}

BOOST_AUTO_TEST_CASE(bad_rules_files_fail_with_their_line) {
  BOOST_TEST(error_line(fixtures_dir() / "advice" / "bad_regex.yml") == 4u);
  BOOST_TEST(error_line(fixtures_dir() / "advice" / "unknown_disable.yml") == 2u);
  BOOST_TEST(error_line(fixtures_dir() / "advice" / "unknown_key.yml") == 5u);
  BOOST_CHECK_THROW(advice::load_rules(fixtures_dir() / "advice" / "absent.yml"), zkgate::util::InputError);
  BOOST_CHECK_THROW(advice::parse_rules("rules: [", "inline"), zkgate::util::InputError);
  BOOST_CHECK_THROW(advice::parse_rules("- just a list", "inline"), zkgate::util::InputError);
  BOOST_CHECK_THROW(advice::parse_rules("rules:\n  - id: x\n    kind: share\n    terms: [a]\n", "inline"),
                    zkgate::util::InputError);  // no threshold
  BOOST_CHECK_THROW(advice::parse_rules("rules:\n  - id: x\n    kind: guess\n", "inline"), zkgate::util::InputError);
  BOOST_CHECK_THROW(advice::parse_rules("rules:\n  - kind: share\n    terms: [a]\n    threshold_percent: 1\n", "inline"),
                    zkgate::util::InputError);  // no id
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(advice_pattern_bounds)

// std::regex recursed once per character and overflowed the stack on a 40 KB name with a
// `.*` pattern; names are PR-controlled, so over-long ones are simply not matched.
BOOST_AUTO_TEST_CASE(an_over_long_name_is_not_matched_and_does_not_crash) {
  const advice::Pattern pattern{"g.*x", std::regex("g.*x", std::regex::ECMAScript | std::regex::optimize)};
  BOOST_TEST(pattern.matches("g::inner::x"));
  const std::string long_name = "g" + std::string(200'000, 'a') + "x";
  BOOST_TEST(!pattern.matches(long_name));
}

BOOST_AUTO_TEST_SUITE_END()
