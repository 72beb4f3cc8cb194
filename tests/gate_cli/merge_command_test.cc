#include "run_gate.h"

#include <nlohmann/json.hpp>

// `gate merge` of suite shards (parallel benchmark jobs): one suite JSON, failures kept,
// a workload in two shards and a mix with gate run results refused.
using zkgate::test::quoted;
using zkgate::test::run_gate;

namespace {

std::filesystem::path suite_fixture(const std::string& name) { return zkgate::test::fixtures_dir() / "suite" / name; }

}  // namespace

BOOST_AUTO_TEST_SUITE(gate_merge_command)

BOOST_AUTO_TEST_CASE(suite_shards_become_one_suite_with_the_failed_workload) {
  const zkgate::test::TempDir scratch;
  const std::filesystem::path merged = scratch.path / "merged.json";
  const zkgate::test::GateRun run =
      run_gate("merge " + quoted(suite_fixture("result_sp1_ok.json")) + " " +
                   quoted(suite_fixture("result_sp1_crashed.json")) + " --json " + quoted(merged),
               scratch.path);
  BOOST_TEST(run.exit_code == 0, run.err);
  const nlohmann::json doc = nlohmann::json::parse(zkgate::util::read_file(merged));
  BOOST_TEST(doc.at("schema").get<std::string>() == "zkgate-suite/1");
  BOOST_REQUIRE(doc.at("workloads").size() == 2u);
  BOOST_TEST(doc["workloads"][0]["steps"].get<std::uint64_t>() == 5240452688u);
  BOOST_TEST(doc["workloads"][1]["failed"].get<bool>());

  // The merged suite is a suite gate compare reads, and the crashed workload still fails it.
  const zkgate::test::GateRun compared = run_gate("compare " + quoted(merged) + " " + quoted(merged), scratch.path);
  BOOST_TEST(compared.exit_code == 1, compared.out << compared.err);
  BOOST_TEST(compared.out.find("failed in head  fixture_b") != std::string::npos, compared.out);
}

BOOST_AUTO_TEST_CASE(a_workload_in_two_shards_is_an_error) {
  const zkgate::test::TempDir scratch;
  const std::filesystem::path shard = suite_fixture("zkevm_bench_base.json");
  const zkgate::test::GateRun run = run_gate("merge " + quoted(shard) + " " + quoted(shard), scratch.path);
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.find("is in two shards") != std::string::npos, run.err);
  BOOST_TEST(run.out.empty(), run.out);
}

BOOST_AUTO_TEST_CASE(suites_and_run_results_are_not_mixed) {
  const zkgate::test::TempDir scratch;
  const std::filesystem::path report = zkgate::test::fixtures_dir() / "compare" / "risc0-improvement.json";
  const zkgate::test::GateRun run =
      run_gate("merge " + quoted(suite_fixture("zkevm_bench_base.json")) + " " + quoted(report), scratch.path);
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.find("not both") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_CASE(a_missing_run_result_is_reported_not_dropped) {
  const zkgate::test::TempDir scratch;
  const std::filesystem::path report = zkgate::test::fixtures_dir() / "compare" / "risc0-improvement.json";
  const zkgate::test::GateRun run =
      run_gate("merge " + quoted(report) + " " + quoted(scratch.path / "never-uploaded.json"), scratch.path);
  BOOST_TEST(run.exit_code == 2, run.out << run.err);
  BOOST_TEST(run.out.find("never-uploaded.json") != std::string::npos, run.out);
}

BOOST_AUTO_TEST_SUITE_END()
