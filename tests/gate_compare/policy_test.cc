#include <boost/test/unit_test.hpp>

#include <fstream>

#include "gate/compare/policy.h"
#include "printers.h"
#include "test_support.h"
#include "util/input_error.h"

using namespace zkgate::gate;

namespace {

Policy load(const std::string& yaml) { return load_policy_yaml(YAML::Load(yaml), "policy.yml"); }

std::string error_of(const std::string& yaml) {
  try {
    load(yaml);
  } catch (const zkgate::util::InputError& e) {
    return e.describe();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(policy)

BOOST_AUTO_TEST_CASE(defaults_are_documented_values) {
  const Policy policy = load_policy_yaml(YAML::Node(), "none");
  BOOST_TEST(policy.total.max_increase_percent.value() == 1.0);
  BOOST_TEST(!policy.total.max_increase_absolute.has_value());
  BOOST_TEST(!policy.total_cost.active());
  BOOST_TEST(!policy.ram.active());
  BOOST_TEST(policy.precompiles.empty());
  BOOST_TEST(policy.new_top_function.top == 10u);
  BOOST_TEST(policy.new_top_function.action == RuleAction::warn);
  BOOST_TEST(policy.crypto == RuleAction::warn);
  BOOST_TEST(policy.noise_percent == 0.0);
}

BOOST_AUTO_TEST_CASE(every_key_is_read) {
  const Policy policy = load(R"(
total: {max_increase_percent: 0.5, max_increase_absolute: 1_000_000}
total_cost: {max_increase_percent: 2}
ram: {max_increase_absolute: 4096}
precompiles:
  "*": {max_increase_percent: 5}
  keccak: {max_increase_absolute: 10}
functions:
  - match: '^ethrex_trie::'
    metric: cost
    max_increase_percent: 10
new_top_function: {top: 5, action: fail}
crypto: fail
noise_percent: 0.05
)");
  BOOST_TEST(policy.total.max_increase_percent.value() == 0.5);
  BOOST_TEST(policy.total.max_increase_absolute.value() == 1'000'000u);
  BOOST_TEST(policy.total_cost.max_increase_percent.value() == 2.0);
  BOOST_TEST(policy.ram.max_increase_absolute.value() == 4096u);
  BOOST_TEST(policy.precompiles.at("*").max_increase_percent.value() == 5.0);
  BOOST_TEST(policy.precompiles.at("keccak").max_increase_absolute.value() == 10u);
  BOOST_REQUIRE(policy.functions.size() == 1u);
  BOOST_TEST(policy.functions[0].metric == FunctionMetric::cost);
  BOOST_TEST(std::regex_search("ethrex_trie::EncodedTrie::hash", policy.functions[0].regex));
  BOOST_TEST(policy.functions[0].where == "policy.yml:9");
  BOOST_TEST(policy.new_top_function.top == 5u);
  BOOST_TEST(policy.new_top_function.action == RuleAction::fail);
  BOOST_TEST(policy.crypto == RuleAction::fail);
  BOOST_TEST(policy.noise_percent == 0.05);
  BOOST_TEST(policy.source == "policy.yml");
}

BOOST_AUTO_TEST_CASE(null_switches_a_default_off) {
  const Policy policy = load("total: {max_increase_percent: null, max_increase_absolute: 100}");
  BOOST_TEST(!policy.total.max_increase_percent.has_value());
  BOOST_TEST(policy.total.max_increase_absolute.value() == 100u);
}

BOOST_AUTO_TEST_CASE(errors_carry_file_and_line) {
  BOOST_TEST(error_of("total:\n  max_increase_percnt: 1\n").find("policy.yml:2: unknown key 'max_increase_percnt'") ==
             0u);
  BOOST_TEST(error_of("totl: {}\n").find("policy.yml:1: unknown key 'totl' in 'thresholds'") == 0u);
  BOOST_TEST(error_of("total:\n  max_increase_percent: -1\n").find("policy.yml:2:") == 0u);
  BOOST_TEST(error_of("total:\n  max_increase_percent: lots\n").find("must be a percentage") != std::string::npos);
  BOOST_TEST(error_of("ram:\n  max_increase_absolute: 1.5\n").find("must be a whole number") != std::string::npos);
  BOOST_TEST(error_of("functions:\n  - match: '(unclosed'\n    max_increase_percent: 1\n").find("policy.yml:2:") ==
             0u);
  BOOST_TEST(error_of("functions:\n  - match: 'x'\n").find("needs max_increase_percent") != std::string::npos);
  BOOST_TEST(error_of("crypto: maybe\n").find("must be off, warn or fail") != std::string::npos);
  BOOST_TEST(error_of("new_top_function: {top: 0}\n").find("between 1 and 1000") != std::string::npos);
  BOOST_TEST(error_of("- a\n- b\n").find("must be a mapping") != std::string::npos);
  BOOST_TEST(error_of("cases:\n  blk:\n    total: {max_increase_percnt: 3}\n").find("policy.yml:3:") == 0u);
}

BOOST_AUTO_TEST_CASE(case_overrides_replace_keys_for_that_case_only) {
  const Policy policy = load(R"(
total: {max_increase_percent: 1}
cases:
  block-23350480:
    total: {max_increase_percent: 5}
    crypto: off
)");
  BOOST_TEST(policy.total.max_increase_percent.value() == 1.0);
  const Policy one = policy.for_case("block-23350480");
  BOOST_TEST(one.total.max_increase_percent.value() == 5.0);
  BOOST_TEST(one.crypto == RuleAction::off);
  BOOST_TEST(one.source == "policy.yml (case 'block-23350480')");
  BOOST_TEST(policy.for_case("other").total.max_increase_percent.value() == 1.0);
}

BOOST_FIXTURE_TEST_CASE(files_hold_thresholds_or_a_whole_config, zkgate::test::TempDir) {
  const std::filesystem::path config = path / ".zkgate.yml";
  std::ofstream(config) << "cases:\n  - name: a\nthresholds:\n  total: {max_increase_percent: 3}\n";
  BOOST_TEST(load_policy_file(config).total.max_increase_percent.value() == 3.0);
  BOOST_TEST(load_policy_from_config(config).total.max_increase_percent.value() == 3.0);
  const std::filesystem::path bare = path / "policy.yml";
  std::ofstream(bare) << "total: {max_increase_percent: 2}\n";
  BOOST_TEST(load_policy_file(bare).total.max_increase_percent.value() == 2.0);
  const std::filesystem::path no_thresholds = path / "plain.yml";
  std::ofstream(no_thresholds) << "cases:\n  - name: a\n";
  BOOST_TEST(load_policy_from_config(no_thresholds).total.max_increase_percent.value() == 1.0);
  const std::filesystem::path broken = path / "broken.yml";
  std::ofstream(broken) << "total: [\n";
  BOOST_CHECK_THROW(load_policy_file(broken), zkgate::util::InputError);
  BOOST_CHECK_THROW(load_policy_file(path / "missing.yml"), zkgate::util::InputError);
}

BOOST_AUTO_TEST_SUITE_END()
