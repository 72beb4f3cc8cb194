// The ZisK profiles of ../shared/corpus/bulk read through gate's profile parser as suite
// workloads: every .prof gives its MANIFEST.tsv STEPS, the profile pairs of PAIRS.tsv
// (D7 profile vs result, D8 cross-guest, D9 another gas limit) give their delta or state,
// and a folder of profiles with a failed-profiling sidecar compares as a suite.
#include <boost/test/unit_test.hpp>

#include "gate/profile/parse.h"
#include "gate/suite/compare_suites.h"
#include "gate/suite/read_suite.h"
#include "suite_test_support.h"
#include "test_support.h"

namespace gs = zkgate::gate::suite;
using zkgate::test::corpus_dir;
using zkgate::test::suite::place;
using zkgate::test::suite::read_tsv;
using zkgate::test::suite::TsvRow;

namespace zkgate::test::suite {
void check_pair(const TsvRow& row, const gs::ProfileReader& read_profile);
}

namespace {

std::filesystem::path bulk() { return corpus_dir() / "bulk"; }

zkgate::gate::Profile parse(const std::filesystem::path& file) { return zkgate::gate::parse_profile(file); }

const std::string kProfiles = "data/profiles/zisk/eest-fd1dd63/ethrex-b9d3ef6/";
const std::string kEmptyBlock = "zisk_profile_test_transaction_types.py::test_empty_block[fork_Osaka-blockchain_test-benchmark-gas-value_10M].prof";
const std::string kSha10 = "test_sha256.py::test_sha256[fork_Osaka-blockchain_test-benchmark-gas-value_10M]";
const std::string kSha60 = "test_sha256.py::test_sha256[fork_Osaka-blockchain_test-benchmark-gas-value_60M]";
const std::string kError =
    "data/profiles/zisk/eest-bloatnet-90M/ethrex-b9d3ef6/zisk_profile_test_account_query.py__test_account_query[fork_"
    "Osaka-benchmark_test-EXTCODECOPY-False-0-max_code_size-0-benchmark_90M]_90M.txt.error.txt";

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus_profiles, *zkgate::test::needs_corpus())

BOOST_AUTO_TEST_CASE(every_profile_reads_to_its_manifest_steps) {
  std::size_t checked = 0;
  for (const TsvRow& row : read_tsv(bulk() / "MANIFEST.tsv")) {
    if (row.at("result_type") != "zisk-profile") continue;
    BOOST_TEST_CONTEXT(row.at("path")) {
      const std::filesystem::path file = bulk() / row.at("path");
      const gs::Workload w = gs::workload_from_profile(parse(file), file);
      BOOST_REQUIRE(w.steps.has_value());
      BOOST_TEST(*w.steps == std::stoull(row.at("headline_total")));
      BOOST_TEST(w.zkvm == "zisk");
      BOOST_TEST(w.guest == row.at("guest_label"));
      BOOST_TEST(w.air_cost.has_value());
      BOOST_TEST(w.name.rfind("zisk_profile_", 0) == std::string::npos);
      ++checked;
    }
  }
  BOOST_TEST(checked == 13u);
}

BOOST_AUTO_TEST_CASE(every_profile_pair_gives_its_expected_delta_or_state) {
  std::size_t checked = 0;
  for (const TsvRow& row : read_tsv(bulk() / "PAIRS.tsv")) {
    if (std::filesystem::path(row.at("base_path")).extension() != ".prof") continue;
    zkgate::test::suite::check_pair(row, parse);
    ++checked;
  }
  BOOST_TEST(checked == 3u);
}

BOOST_FIXTURE_TEST_CASE(a_profile_folder_with_a_failed_profiling_run, zkgate::test::TempDir) {
  place(bulk() / kProfiles / kEmptyBlock, path / "base", "ethrex-b9d3ef6/" + kEmptyBlock);
  place(bulk() / kProfiles / ("zisk_profile_" + kSha10 + ".prof"), path / "base", "ethrex-b9d3ef6/zisk_profile_" + kSha10 + ".prof");
  place(bulk() / kProfiles / kEmptyBlock, path / "head", "ethrex-b9d3ef6/" + kEmptyBlock);
  place(bulk() / kProfiles / ("zisk_profile_" + kSha60 + ".prof"), path / "head", "ethrex-b9d3ef6/zisk_profile_" + kSha60 + ".prof");
  place(bulk() / kError, path / "head", "ethrex-b9d3ef6/" + std::filesystem::path(kError).filename().string());
  gs::SuitePolicy policy;
  policy.renames.push_back(gs::parse_match_arg(kSha10 + "=" + kSha60));
  const gs::Suite base = gs::read_suite(path / "base", parse);
  const gs::Suite head = gs::read_suite(path / "head", parse);
  BOOST_TEST(base.format == "profile-folder");
  const gs::SuiteComparison c = gs::compare_suites(base, head, policy);
  BOOST_REQUIRE(c.results.size() == 3u);
  std::map<std::string, const gs::WorkloadResult*> by_key;
  for (const gs::WorkloadResult& r : c.results) by_key[r.key] = &r;
  const gs::WorkloadResult& sha = *by_key.at("ethrex/" + kSha10);
  BOOST_TEST(gs::state_label(sha.state) == "regressed");
  BOOST_TEST(*sha.delta_pct == 299.29, boost::test_tools::tolerance(1e-4));
  BOOST_TEST(gs::state_label(by_key.at("ethrex/test_transaction_types.py::test_empty_block[fork_Osaka-blockchain_test-benchmark-gas-value_10M]")->state) == "unchanged");
  const gs::WorkloadResult& failed =
      *by_key.at("ethrex/test_account_query.py__test_account_query[fork_Osaka-benchmark_test-EXTCODECOPY-False-0-max_code_size-0-benchmark_90M]_90M.txt");
  BOOST_TEST(gs::state_label(failed.state) == "failed in head");
  BOOST_TEST(failed.reason.find("input size too big") != std::string::npos);
  BOOST_TEST(gs::verdict_id(c.verdict) == "fail");
}

BOOST_AUTO_TEST_SUITE_END()
