#include <boost/test/unit_test.hpp>

#include "gate/suite/compare_suites.h"
#include "gate/suite/read_suite.h"
#include "suite_test_support.h"
#include "test_support.h"
#include "util/input_error.h"

namespace gs = zkgate::gate::suite;
using zkgate::test::fixtures_dir;
using zkgate::test::suite::no_profiles;

namespace {

gs::Suite fixture(const std::string& name) { return gs::read_suite(fixtures_dir() / "suite" / name, no_profiles); }

const gs::WorkloadResult& result_for(const gs::SuiteComparison& c, const std::string& key) {
  for (const gs::WorkloadResult& r : c.results) {
    if (r.key == key) return r;
  }
  throw std::runtime_error("no result for " + key);
}

std::string error_of(const std::string& name) {
  try {
    fixture(name);
  } catch (const zkgate::util::InputError& e) {
    return e.describe();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(zkevm_bench)

BOOST_AUTO_TEST_CASE(reads_meta_and_workloads) {
  const gs::Suite s = fixture("zkevm_bench_base.json");
  BOOST_TEST(s.format == "zkevm-bench");
  BOOST_REQUIRE(s.workloads.size() == 4u);
  const gs::Workload& block = s.workloads[0];
  BOOST_TEST(block.key == "mainnet_23533500");
  BOOST_TEST(block.zkvm == "zisk");
  BOOST_TEST(block.zkvm_version == "0.15.0");
  BOOST_TEST(block.guest == "ethrex-b9d3ef6");
  BOOST_TEST(*block.steps == 641243893u);
  BOOST_TEST(*block.air_cost == 10500000u);
  BOOST_TEST(*block.ram_bytes == 402653184u);
}

BOOST_AUTO_TEST_CASE(a_failed_workload_with_zeros_is_failed_not_zero) {
  const gs::Suite s = fixture("zkevm_bench_base.json");
  const gs::Workload& w = s.workloads[3];
  BOOST_TEST(w.failed);
  BOOST_TEST(!w.steps.has_value());
  BOOST_TEST(!w.air_cost.has_value());
  BOOST_TEST(w.failure_reason.find("guest_output_ok is false") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(failed_head_with_zeros_fails_the_gate) {
  const gs::SuiteComparison c =
      gs::compare_suites(fixture("zkevm_bench_base.json"), fixture("zkevm_bench_head.json"), gs::SuitePolicy{});
  BOOST_TEST(gs::state_label(result_for(c, "eest_keccak_10M").state) == "failed in head");
  BOOST_TEST(!result_for(c, "eest_keccak_10M").delta_pct.has_value());
  BOOST_TEST(gs::state_label(result_for(c, "mainnet_23533500").state) == "unchanged");
  BOOST_TEST(gs::state_label(result_for(c, "eest_sha256_10M").state) == "improved");
  BOOST_TEST(gs::state_label(result_for(c, "eest_modexp_10M").state) == "failed in base");
  BOOST_TEST(gs::verdict_id(c.verdict) == "fail");
  BOOST_TEST(gs::exit_code(c.verdict) == 1);
  BOOST_REQUIRE(!c.version_changes.empty());
}

BOOST_AUTO_TEST_CASE(failed_base_is_no_baseline_not_a_pass) {
  const gs::SuiteComparison c = gs::compare_suites(fixture("zkevm_bench_base_failed_only.json"),
                                                   fixture("zkevm_bench_head_modexp_only.json"), gs::SuitePolicy{});
  BOOST_REQUIRE(c.results.size() == 1u);
  BOOST_TEST(gs::state_label(c.results[0].state) == "failed in base");
  BOOST_TEST(c.results[0].reason.rfind("no baseline", 0) == 0u);
  BOOST_TEST(gs::verdict_id(c.verdict) != "pass");
  BOOST_TEST(gs::exit_code(c.verdict) == 2);
}

BOOST_AUTO_TEST_CASE(air_cost_is_selectable_like_ethrex_gates_it) {
  gs::SuitePolicy policy;
  policy.metric = gs::Metric::kAirCost;
  policy.threshold_pct = 3.0;
  const gs::SuiteComparison c =
      gs::compare_suites(fixture("zkevm_bench_base.json"), fixture("zkevm_bench_head.json"), policy);
  const gs::WorkloadResult& sha = result_for(c, "eest_sha256_10M");
  BOOST_TEST(gs::state_label(sha.state) == "regressed");
  BOOST_TEST(*sha.delta_pct == 5.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(errors_name_the_file_and_json_path) {
  const std::string bad = error_of("zkevm_bench_bad_steps.json");
  BOOST_TEST(bad.find("zkevm_bench_bad_steps.json") != std::string::npos);
  BOOST_TEST(bad.find("/workloads/1/steps") != std::string::npos);
  const std::string cut = error_of("zkevm_bench_truncated.json");
  BOOST_TEST(cut.find("zkevm_bench_truncated.json:4:") != std::string::npos);
  BOOST_TEST(cut.find("invalid JSON") != std::string::npos);
  const std::string dup = error_of("zkevm_bench_duplicate.json");
  BOOST_TEST(dup.find("appears twice") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
