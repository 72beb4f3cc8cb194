// Hostile .zkgate.yml thresholds (a --policy file, or the base config's thresholds).
#include <boost/test/unit_test.hpp>

#include "gate/compare/policy.h"
#include "hostile_support.h"

namespace zkgate::test::hostile {
namespace {

void require_policy_refused(const std::filesystem::path& dir, std::string_view yaml, std::string_view expected) {
  const std::filesystem::path file = dir / "policy.yml";
  write_file(file, yaml);
  require_input_error(
      [&] {
        const gate::Policy policy = gate::load_policy_file(file);
        for (const auto& [name, overrides] : policy.case_overrides) (void)policy.for_case(name);
      },
      expected);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_policy, *boost::unit_test::timeout(60))

BOOST_FIXTURE_TEST_CASE(negative_nan_and_infinite_percentages_are_refused, TempDir) {
  for (std::string_view value : {"-1", "-0.5", ".nan", "NaN", "nan", ".inf", "-.inf", "inf", "1e999"}) {
    BOOST_TEST_CONTEXT("max_increase_percent: " << value) {
      require_policy_refused(path, "total:\n  max_increase_percent: " + std::string(value) + "\n",
                             "must be a percentage >= 0");
    }
  }
}

BOOST_FIXTURE_TEST_CASE(counts_overflowing_64_bits_are_refused, TempDir) {
  for (std::string_view value : {"18446744073709551616", "99999999999999999999999", "-1", "1e30", "0x10"}) {
    BOOST_TEST_CONTEXT("max_increase_absolute: " << value) {
      require_policy_refused(path, "total:\n  max_increase_absolute: " + std::string(value) + "\n",
                             "must be a whole number >= 0");
    }
  }
}

BOOST_FIXTURE_TEST_CASE(largest_64_bit_count_is_accepted, TempDir) {
  write_file(path / "policy.yml", "total:\n  max_increase_absolute: 18446744073709551615\n");
  const gate::Policy policy = gate::load_policy_file(path / "policy.yml");
  BOOST_TEST(policy.total.max_increase_absolute.value_or(0) == 18446744073709551615ULL);
}

BOOST_FIXTURE_TEST_CASE(deeply_nested_yaml_is_refused, TempDir) {
  const std::size_t depth = 100000;
  require_policy_refused(path, "total: " + repeat("[", depth) + repeat("]", depth) + "\n", "policy.yml");
  require_policy_refused(path, "total: " + repeat("{a: ", depth) + "1" + repeat("}", depth) + "\n", "policy.yml");
}

BOOST_FIXTURE_TEST_CASE(alias_bomb_is_refused_without_expanding, TempDir) {
  // The aliases are shared nodes; the reader must reject the shape, not walk 10^9 leaves.
  require_policy_refused(path, yaml_alias_bomb() + "functions: *a9\n", "unknown key 'a0'");
  require_policy_refused(path, yaml_alias_bomb() + "thresholds:\n  functions: *a9\n", "must be a mapping");
  require_policy_refused(path, yaml_alias_bomb() + "thresholds:\n  precompiles: *a9\n", "policy.yml");
  require_policy_refused(path, yaml_alias_bomb() + "thresholds:\n  cases: {x: {functions: *a9}}\n", "policy.yml");
}

BOOST_FIXTURE_TEST_CASE(nul_bytes_are_refused, TempDir) {
  require_policy_refused(path, std::string("total:\n  max_increase_percent: 1\0\n", 33), "policy.yml");
}

// yaml-cpp scans about 1 MB/s, so a 10 MB line takes ~10 s: the 10 MB line is tested on the
// profile parsers, whose input a PR controls; the trusted policy gets 1 MB. The value is
// quoted cut in the message, so it cannot flood a CI log.
BOOST_FIXTURE_TEST_CASE(megabyte_line_is_refused_with_a_short_message, TempDir) {
  const std::string huge = repeat("9", 1024 * 1024);
  require_policy_refused(path, "total:\n  max_increase_percent: " + huge + "\n", "(1048576 bytes)");
  require_policy_refused(path, huge + ": 1\n", "policy.yml:1: not valid YAML");  // keys stop at 1024 chars
  require_policy_refused(path, "? " + huge + "\n: 1\n", "(1048576 bytes)");  // an explicit key has no limit
  write_file(path / "policy.yml", huge + ": 1\n");
  try {
    (void)gate::load_policy_file(path / "policy.yml");
  } catch (const util::InputError& error) {
    BOOST_TEST(error.describe().size() < 1000u);
  }
}

// Found by fuzz_policy_yaml: a non-scalar key escaped as yaml-cpp's "bad conversion"
// without a line number.
BOOST_FIXTURE_TEST_CASE(non_scalar_keys_are_refused_with_their_line, TempDir) {
  require_policy_refused(path, "[]:\n", "policy.yml:1: keys in 'thresholds' must be plain names");
  require_policy_refused(path, "precompiles:\n  {a: 1}: {max_increase_percent: 1}\n",
                         "policy.yml:2: keys in 'precompiles' must be plain names");
  require_policy_refused(path, "cases:\n  [x]: {}\n", "policy.yml:2: keys in 'cases' must be plain names");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace zkgate::test::hostile
