#include <algorithm>

#include <boost/test/unit_test.hpp>

#include "gate/compare/comparison.h"
#include "gate/compare/format.h"
#include "printers.h"
#include "sample_profiles.h"
#include "util/input_error.h"

using namespace zkgate::gate;
using zkgate::test::ranked_function;
using zkgate::test::risc0_profile;
using zkgate::test::zisk_profile;

namespace {

const Finding* find(const Comparison& comparison, const std::string& id, Severity severity) {
  for (const Finding& finding : comparison.findings) {
    if (finding.id == id && finding.severity == severity) return &finding;
  }
  return nullptr;
}

const FunctionDelta* function(const Comparison& comparison, const std::string& name) {
  for (const FunctionDelta& delta : comparison.functions) {
    if (delta.name == name) return &delta;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(comparison)

BOOST_AUTO_TEST_CASE(risc0_pair_is_a_16_35_percent_improvement) {
  const Comparison c = compare_profiles(risc0_profile("before.log", 3051367508), risc0_profile("after.log", 2552318509),
                                        Policy{});
  BOOST_TEST(c.verdict() == Verdict::pass);
  BOOST_TEST(c.improved());
  BOOST_TEST(*c.total.change() == -499048999);
  BOOST_TEST(signed_percent(*c.total.percent()) == "-16.35%");
  const Finding* improvement = find(c, "total", Severity::improvement);
  BOOST_REQUIRE(improvement != nullptr);
  BOOST_TEST(improvement->message == "total cycles -16.35% (-499,048,999)");
}

BOOST_AUTO_TEST_CASE(risc0_pair_swapped_is_a_regression) {
  const Comparison c = compare_profiles(risc0_profile("after.log", 2552318509), risc0_profile("before.log", 3051367508),
                                        Policy{});
  BOOST_TEST(c.verdict() == Verdict::regression);
  const Finding* failure = find(c, "total", Severity::failure);
  BOOST_REQUIRE(failure != nullptr);
  BOOST_TEST(failure->message == "total cycles +19.55% (+499,048,999) exceeds the limit +1%");
}

BOOST_AUTO_TEST_CASE(percent_limit_is_inclusive) {
  BOOST_TEST(compare_profiles(risc0_profile("a", 1'000'000), risc0_profile("b", 1'010'000), Policy{}).verdict() ==
             Verdict::pass);
  BOOST_TEST(compare_profiles(risc0_profile("a", 1'000'000), risc0_profile("b", 1'010'001), Policy{}).verdict() ==
             Verdict::regression);
}

BOOST_AUTO_TEST_CASE(absolute_limit_fails_even_under_the_percent_limit) {
  Policy policy;
  policy.total.max_increase_absolute = 500;
  const Comparison c = compare_profiles(risc0_profile("a", 1'000'000), risc0_profile("b", 1'000'501), policy);
  BOOST_TEST(c.verdict() == Verdict::regression);
  BOOST_TEST(find(c, "total", Severity::failure)->message.find("limit +500") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(growth_within_the_limit_is_reported_not_failed) {
  const Comparison c = compare_profiles(risc0_profile("a", 1'000'000), risc0_profile("b", 1'005'000), Policy{});
  BOOST_TEST(c.verdict() == Verdict::pass);
  BOOST_TEST(!c.improved());
  BOOST_REQUIRE(find(c, "total", Severity::info) != nullptr);
  BOOST_TEST(find(c, "total", Severity::info)->message == "total cycles +0.50% (+5,000), within the +1% limit");
}

BOOST_AUTO_TEST_CASE(noise_margin_hides_tiny_improvements) {
  Policy policy;
  policy.noise_percent = 0.1;
  const Comparison c = compare_profiles(risc0_profile("a", 1'000'000), risc0_profile("b", 999'500), policy);
  BOOST_TEST(!c.improved());
}

BOOST_AUTO_TEST_CASE(different_units_cannot_be_compared) {
  zkgate::gate::Profile zisk = zisk_profile("z.txt", 100, 1);
  BOOST_CHECK_THROW(compare_profiles(risc0_profile("r.log", 100), zisk, Policy{}), zkgate::util::InputError);
  zkgate::gate::Profile other_zkvm = risc0_profile("sp1.log", 100);
  other_zkvm.zkvm = "sp1";
  BOOST_CHECK_THROW(compare_profiles(risc0_profile("r.log", 100), other_zkvm, Policy{}), zkgate::util::InputError);
}

BOOST_AUTO_TEST_CASE(function_outside_a_top_list_is_not_ranked_never_zero) {
  Profile base = zisk_profile("base.txt", 1000, 10, 2);
  base.functions = {ranked_function("main", 990, 1), ranked_function("hash", 400, 2)};
  Profile head = zisk_profile("head.txt", 1000, 10, 2);
  head.functions = {ranked_function("main", 995, 1), ranked_function("memcpy", 420, 2)};
  const Comparison c = compare_profiles(base, head, Policy{});
  const FunctionDelta* hash = function(c, "hash");
  BOOST_REQUIRE(hash != nullptr);
  BOOST_TEST(hash->steps.base.value() == 400u);
  BOOST_TEST(!hash->steps.head.has_value());
  BOOST_TEST(!hash->steps.change().has_value());
  BOOST_TEST(hash->left_top);
  const FunctionDelta* memcpy_fn = function(c, "memcpy");
  BOOST_TEST(!memcpy_fn->steps.base.has_value());
  BOOST_TEST(memcpy_fn->entered_top);
  BOOST_TEST(*function(c, "main")->steps.change() == 5);
  // Known changes come first.
  BOOST_TEST(c.functions.front().name == "main");
  BOOST_TEST(std::any_of(c.notes.begin(), c.notes.end(),
                         [](const std::string& note) { return note.find("not ranked") != std::string::npos; }));
}

BOOST_AUTO_TEST_CASE(complete_function_lists_make_absence_zero) {
  Profile base = risc0_profile("base.out", 1000);
  Profile head = risc0_profile("head.out", 1000);
  for (Profile* p : {&base, &head}) {
    p->functions_known = true;
    p->functions_complete = true;
  }
  FunctionStat gone;
  gone.name = "old_helper";
  gone.steps = 70;
  base.functions = {gone};
  const Comparison c = compare_profiles(base, head, Policy{});
  BOOST_TEST(*function(c, "old_helper")->steps.change() == -70);
}

BOOST_AUTO_TEST_CASE(new_top_function_warns_or_fails_by_policy) {
  Profile base = zisk_profile("base.txt", 1000, 10, 3);
  base.functions = {ranked_function("a", 900, 1), ranked_function("b", 500, 2), ranked_function("c", 100, 3)};
  Profile head = base;
  head.functions[2] = ranked_function("native_keccakf", 300, 3);
  Policy policy;
  Comparison c = compare_profiles(base, head, policy);
  BOOST_TEST(c.verdict() == Verdict::pass);
  BOOST_REQUIRE(find(c, "new-top-function", Severity::warning) != nullptr);
  BOOST_TEST(find(c, "new-top-function", Severity::warning)->subject == "native_keccakf");
  BOOST_TEST(c.compared_top_n.value() == 3u);
  policy.new_top_function.action = RuleAction::fail;
  BOOST_TEST(compare_profiles(base, head, policy).verdict() == Verdict::regression);
  policy.new_top_function.action = RuleAction::off;
  c = compare_profiles(base, head, policy);
  BOOST_TEST(find(c, "new-top-function", Severity::warning) == nullptr);
}

BOOST_AUTO_TEST_CASE(shorter_list_limits_what_counts_as_new) {
  // Base lists 2 functions, head 3: rank 3 in head says nothing about base.
  Profile base = zisk_profile("base.txt", 1000, 10, 2);
  base.functions = {ranked_function("a", 900, 1), ranked_function("b", 500, 2)};
  Profile head = zisk_profile("head.txt", 1000, 10, 3);
  head.functions = {ranked_function("a", 900, 1), ranked_function("b", 500, 2), ranked_function("c", 100, 3)};
  const Comparison c = compare_profiles(base, head, Policy{});
  BOOST_TEST(!function(c, "c")->entered_top);
  BOOST_TEST(c.compared_top_n.value() == 2u);
}

BOOST_AUTO_TEST_CASE(precompile_count_rule) {
  Policy policy;
  policy.precompiles["*"].max_increase_percent = 10.0;
  const Comparison c = compare_profiles(zisk_profile("a", 1000, 100), zisk_profile("b", 1000, 150), policy);
  BOOST_TEST(c.verdict() == Verdict::regression);
  BOOST_REQUIRE(find(c, "precompile", Severity::failure) != nullptr);
  BOOST_TEST(find(c, "precompile", Severity::failure)->message ==
             "precompile keccak count +50.00% (+50) exceeds the limit +10%");
}

BOOST_AUTO_TEST_CASE(opcode_absent_from_a_known_table_ran_zero_times) {
  const Comparison c = compare_profiles(zisk_profile("a", 1000, 100), zisk_profile("b", 1000, 0), Policy{});
  const std::vector<OpcodeDelta>::const_iterator keccak =
      std::find_if(c.opcodes.begin(), c.opcodes.end(), [](const OpcodeDelta& o) { return o.name == "keccak"; });
  BOOST_REQUIRE(keccak != c.opcodes.end());
  BOOST_TEST(keccak->count.head.value() == 0u);
  BOOST_TEST(keccak->is_precompile);
}

BOOST_AUTO_TEST_CASE(function_rule_by_regex) {
  Profile base = zisk_profile("base.txt", 1000, 10, 3);
  base.functions = {ranked_function("ethrex_trie::hash", 400, 1), ranked_function("memcpy", 200, 2)};
  Profile head = zisk_profile("head.txt", 1000, 10, 3);
  head.functions = {ranked_function("ethrex_trie::hash", 480, 1), ranked_function("other", 210, 2)};
  Policy policy;
  FunctionRule trie;
  trie.pattern = "^ethrex_trie::";
  trie.regex = std::regex(trie.pattern);
  trie.limit.max_increase_percent = 10.0;
  trie.where = "policy.yml:4";
  FunctionRule mem = trie;
  mem.pattern = "^memcpy$";
  mem.regex = std::regex(mem.pattern);
  policy.functions = {trie, mem};
  const Comparison c = compare_profiles(base, head, policy);
  BOOST_TEST(c.verdict() == Verdict::regression);
  BOOST_TEST(find(c, "function", Severity::failure)->subject == "ethrex_trie::hash");
  const Finding* unchecked = find(c, "function", Severity::info);
  BOOST_REQUIRE(unchecked != nullptr);
  BOOST_TEST(unchecked->message == "steps rule (policy.yml:4) not checked: steps not ranked in head");
}

BOOST_AUTO_TEST_CASE(cost_and_ram_rules_only_when_known) {
  Policy policy;
  policy.total_cost.max_increase_percent = 0.0;
  Comparison c = compare_profiles(risc0_profile("a", 10), risc0_profile("b", 10), policy);
  BOOST_TEST(c.verdict() == Verdict::pass);
  BOOST_TEST(find(c, "total-cost", Severity::info)->message ==
             "total cost rule not checked: the base profile has no total cost");
  c = compare_profiles(zisk_profile("a", 1000, 1), zisk_profile("b", 1001, 1), policy);
  BOOST_TEST(find(c, "total-cost", Severity::failure) != nullptr);
}

BOOST_AUTO_TEST_CASE(number_spelling) {
  BOOST_TEST(grouped(0) == "0");
  BOOST_TEST(grouped(999) == "999");
  BOOST_TEST(grouped(1000) == "1,000");
  BOOST_TEST(grouped(57038392183ULL) == "57,038,392,183");
  BOOST_TEST(signed_grouped(-499048999) == "-499,048,999");
  BOOST_TEST(signed_grouped(std::numeric_limits<std::int64_t>::min()) == "-9,223,372,036,854,775,808");
  BOOST_TEST(signed_percent(-0.001) == "0.00%");
  BOOST_TEST(signed_percent(19.5526) == "+19.55%");
}

BOOST_AUTO_TEST_CASE(delta_edges) {
  const Delta from_zero{0, 5};
  BOOST_TEST(!from_zero.percent().has_value());
  BOOST_TEST(*from_zero.change() == 5);
  const Delta huge{0, std::numeric_limits<std::uint64_t>::max()};
  BOOST_TEST(*huge.change() == std::numeric_limits<std::int64_t>::max());
  const Delta unknown{std::nullopt, 5};
  BOOST_TEST(!unknown.change().has_value());
}

BOOST_AUTO_TEST_SUITE_END()
