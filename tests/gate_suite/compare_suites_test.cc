#include <cmath>

#include <boost/test/unit_test.hpp>

#include "gate/suite/compare_suites.h"
#include "suite_test_support.h"
#include "util/input_error.h"

namespace gs = zkgate::gate::suite;
using zkgate::test::suite::failed;
using zkgate::test::suite::suite_of;
using zkgate::test::suite::workload;

namespace {

const gs::WorkloadResult& result_for(const gs::SuiteComparison& c, const std::string& key) {
  for (const gs::WorkloadResult& r : c.results) {
    if (r.key == key) return r;
  }
  throw std::runtime_error("no result for " + key);
}

std::size_t count(const gs::SuiteComparison& c, gs::State state) {
  return c.aggregates.counts[static_cast<std::size_t>(state)];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compare_suites)

BOOST_AUTO_TEST_CASE(every_state_is_reached_exactly_once_per_workload) {
  gs::Workload other_zkvm = workload("zkvm", 100, "sp1");
  gs::Workload other_guest = workload("guest", 100);
  other_guest.guest = "reth-v1.11.0";
  const gs::Suite base = suite_of({workload("up", 1000), workload("down", 1000), workload("flat", 1000),
                                   workload("gone", 1000), failed("brokenbase", "panic"), workload("brokenhead", 1000),
                                   workload("nodata", std::nullopt), workload("zkvm", 100), workload("guest", 100)});
  const gs::Suite head = suite_of({workload("up", 1100), workload("down", 900), workload("flat", 1005),
                                   workload("fresh", 5), workload("brokenbase", 10), failed("brokenhead", "timeout"),
                                   workload("nodata", 10), other_zkvm, other_guest});
  const gs::SuiteComparison c = gs::compare_suites(base, head, gs::SuitePolicy{});
  BOOST_TEST(c.results.size() == 10u);
  BOOST_TEST(gs::state_label(result_for(c, "up").state) == "regressed");
  BOOST_TEST(gs::state_label(result_for(c, "down").state) == "improved");
  BOOST_TEST(gs::state_label(result_for(c, "flat").state) == "unchanged");
  BOOST_TEST(gs::state_label(result_for(c, "gone").state) == "missing in head");
  BOOST_TEST(gs::state_label(result_for(c, "fresh").state) == "new in head");
  BOOST_TEST(gs::state_label(result_for(c, "brokenbase").state) == "failed in base");
  BOOST_TEST(result_for(c, "brokenbase").reason == "no baseline: panic");
  BOOST_TEST(gs::state_label(result_for(c, "brokenhead").state) == "failed in head");
  BOOST_TEST(result_for(c, "brokenhead").reason == "timeout");
  BOOST_TEST(gs::state_label(result_for(c, "nodata").state) == "no data");
  BOOST_TEST(gs::state_label(result_for(c, "zkvm").state) == "not comparable");
  BOOST_TEST(gs::state_label(result_for(c, "guest").state) == "not comparable");
  std::size_t total = 0;
  for (const std::size_t n : c.aggregates.counts) total += n;
  BOOST_TEST(total == c.results.size());
  BOOST_TEST(c.aggregates.judged == 3u);
  BOOST_TEST(gs::verdict_id(c.verdict) == "fail");
  BOOST_TEST(gs::exit_code(c.verdict) == 1);
}

BOOST_AUTO_TEST_CASE(a_failed_or_missing_head_never_reads_as_zero_or_minus_100_percent) {
  const gs::Suite base = suite_of({workload("a", 1000), workload("b", 1000)});
  const gs::Suite head = suite_of({failed("a", "Guest panicked")});
  const gs::SuiteComparison c = gs::compare_suites(base, head, gs::SuitePolicy{});
  for (const gs::WorkloadResult& r : c.results) {
    BOOST_TEST(!r.delta_pct.has_value());
    BOOST_TEST(!r.head_value.has_value());
  }
  BOOST_TEST(c.aggregates.judged == 0u);
  BOOST_TEST(!c.aggregates.geomean_ratio.has_value());
  BOOST_TEST(gs::verdict_id(c.verdict) == "fail");
}

BOOST_AUTO_TEST_CASE(a_zero_is_no_data_never_a_ratio) {
  gs::Workload zero = workload("openvm", 0, "openvm");
  const gs::SuiteComparison c = gs::compare_suites(suite_of({zero}), suite_of({zero}), gs::SuitePolicy{});
  BOOST_TEST(gs::state_label(c.results[0].state) == "no data");
  BOOST_TEST(!c.results[0].delta_pct.has_value());
  BOOST_TEST(gs::verdict_id(c.verdict) == "could_not_judge");
  BOOST_TEST(gs::exit_code(c.verdict) == 2);
}

BOOST_AUTO_TEST_CASE(failed_base_is_no_baseline_and_not_a_pass) {
  const gs::SuiteComparison c =
      gs::compare_suites(suite_of({failed("x", "crashed")}), suite_of({workload("x", 10)}), gs::SuitePolicy{});
  BOOST_TEST(gs::state_label(c.results[0].state) == "failed in base");
  BOOST_TEST(gs::verdict_id(c.verdict) == "could_not_judge");
}

BOOST_AUTO_TEST_CASE(failed_in_both_is_failed_in_head) {
  const gs::SuiteComparison c =
      gs::compare_suites(suite_of({failed("x", "a")}), suite_of({failed("x", "b")}), gs::SuitePolicy{});
  BOOST_TEST(gs::state_label(c.results[0].state) == "failed in head");
  BOOST_TEST(c.results[0].reason == "b (also failed in base)");
}

BOOST_AUTO_TEST_CASE(a_new_workload_that_fails_is_failed_in_head) {
  const gs::SuiteComparison c = gs::compare_suites(suite_of({workload("a", 10)}),
                                                   suite_of({workload("a", 10), failed("n", "boom")}), gs::SuitePolicy{});
  BOOST_TEST(gs::state_label(c.results[1].state) == "failed in head");
  BOOST_TEST(c.results[1].reason == "new in head; boom");
}

BOOST_AUTO_TEST_CASE(aggregates_sum_geomean_and_worst_regression) {
  const gs::Suite base = suite_of({workload("a", 100), workload("b", 400), workload("c", 1000)});
  const gs::Suite head = suite_of({workload("a", 200), workload("b", 100), workload("c", 1100)});
  const gs::SuiteComparison c = gs::compare_suites(base, head, gs::SuitePolicy{});
  BOOST_TEST(static_cast<double>(c.aggregates.base_sum) == 1500.0);
  BOOST_TEST(static_cast<double>(c.aggregates.head_sum) == 1400.0);
  BOOST_TEST(*c.aggregates.sum_delta_pct == -6.666666, boost::test_tools::tolerance(1e-4));
  // (2 * 0.25 * 1.1)^(1/3)
  BOOST_TEST(*c.aggregates.geomean_ratio == std::cbrt(0.55), boost::test_tools::tolerance(1e-9));
  BOOST_REQUIRE(c.aggregates.worst_regression.has_value());
  BOOST_TEST(c.results[*c.aggregates.worst_regression].key == "a");
  BOOST_TEST(count(c, gs::State::kRegressed) == 2u);
  BOOST_TEST(count(c, gs::State::kImproved) == 1u);
}

BOOST_AUTO_TEST_CASE(thresholds_per_workload_pattern_first_match_wins) {
  gs::SuitePolicy policy;
  policy.threshold_pct = 1.0;
  policy.rules.push_back(gs::parse_threshold_rule("rpc_block_*=5%"));
  policy.rules.push_back(gs::parse_threshold_rule("*=0"));
  const gs::Suite base = suite_of({workload("rpc_block_1", 100), workload("test_x[fork_Osaka]", 1000)});
  const gs::Suite head = suite_of({workload("rpc_block_1", 104), workload("test_x[fork_Osaka]", 1001)});
  const gs::SuiteComparison c = gs::compare_suites(base, head, policy);
  BOOST_TEST(gs::state_label(c.results[0].state) == "unchanged");
  BOOST_TEST(c.results[0].threshold_pct == 5.0);
  BOOST_TEST(gs::state_label(c.results[1].state) == "regressed");
  BOOST_TEST(c.results[1].threshold_pct == 0.0);
}

BOOST_AUTO_TEST_CASE(a_literal_name_with_brackets_is_a_pattern_too) {
  gs::SuitePolicy policy;
  policy.rules.push_back(gs::parse_threshold_rule("test_x[fork_Osaka]=50"));
  const gs::SuiteComparison c = gs::compare_suites(suite_of({workload("test_x[fork_Osaka]", 100)}),
                                                   suite_of({workload("test_x[fork_Osaka]", 140)}), policy);
  BOOST_TEST(gs::state_label(c.results[0].state) == "unchanged");
}

BOOST_AUTO_TEST_CASE(bad_threshold_rules_are_input_errors) {
  BOOST_CHECK_THROW(gs::parse_threshold_rule("nopct"), zkgate::util::InputError);
  BOOST_CHECK_THROW(gs::parse_threshold_rule("x=-1"), zkgate::util::InputError);
  BOOST_CHECK_THROW(gs::parse_threshold_rule("x=abc"), zkgate::util::InputError);
  BOOST_CHECK_THROW(gs::parse_threshold_rule("=3"), zkgate::util::InputError);
}

BOOST_AUTO_TEST_CASE(wall_clock_metric_only_when_selected) {
  gs::Workload b = workload("p", std::nullopt);
  b.run_kind = "proving";
  b.proving_ms = 190769;
  gs::Workload h = b;
  h.proving_ms = 53458;
  const gs::SuiteComparison by_steps = gs::compare_suites(suite_of({b}), suite_of({h}), gs::SuitePolicy{});
  BOOST_TEST(gs::state_label(by_steps.results[0].state) == "no data");
  BOOST_TEST(by_steps.results[0].reason.find("a proving result carries no step count") != std::string::npos);
  gs::SuitePolicy policy;
  policy.metric = gs::Metric::kProvingTime;
  const gs::SuiteComparison by_time = gs::compare_suites(suite_of({b}), suite_of({h}), policy);
  BOOST_TEST(gs::state_label(by_time.results[0].state) == "improved");
  BOOST_TEST(*by_time.results[0].delta_pct == -71.977, boost::test_tools::tolerance(1e-3));
}

BOOST_AUTO_TEST_CASE(version_changes_are_reported) {
  gs::Workload b = workload("a", 100);
  gs::Workload h = workload("a", 100);
  h.zkvm_version = "v2";
  h.guest = "ethrex-33695e2";
  const gs::SuiteComparison c = gs::compare_suites(suite_of({b}), suite_of({h}), gs::SuitePolicy{});
  BOOST_REQUIRE(c.version_changes.size() == 2u);
  BOOST_TEST(c.version_changes[0].what == "guest ethrex");
  BOOST_TEST(c.version_changes[1].what == "zisk");
  BOOST_TEST(c.version_changes[1].base == "v1");
  BOOST_TEST(c.version_changes[1].head == "v2");
  BOOST_TEST(gs::state_label(c.results[0].state) == "unchanged");
  BOOST_TEST(gs::verdict_id(c.verdict) == "pass");
}

BOOST_AUTO_TEST_SUITE_END()
