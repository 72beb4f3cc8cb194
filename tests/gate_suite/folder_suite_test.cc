// Suites assembled in a TempDir from real corpus files: a rename mapped with --match, a
// workload missing in head, a crashed head, a new workload, an OpenVM 0.
#include <boost/test/unit_test.hpp>

#include "gate/suite/compare_suites.h"
#include "gate/suite/read_suite.h"
#include "suite_test_support.h"
#include "test_support.h"
#include "util/input_error.h"

namespace gs = zkgate::gate::suite;
using zkgate::test::corpus_dir;
using zkgate::test::suite::no_profiles;
using zkgate::test::suite::place;

namespace {

std::filesystem::path bulk() { return corpus_dir() / "bulk"; }

const std::string kD1Name =
    "test_worst_stateful_opcodes.py::test_worst_address_state_warm[fork_Prague-benchmark-gas-value_10M-blockchain_"
    "test_from_state_test-absent_target_True-opcode_DELEGATECALL]";
const std::string kD2Name =
    "test_worst_stateful_opcodes.py::test_worst_storage_access_cold[fork_Prague-benchmark-gas-value_45M-blockchain_"
    "test-absent_slots_True-SSLOAD]";
const std::string kD3Base =
    "test_worst_compute.py::test_worst_mod[fork_Prague-benchmark-gas-value_10M-blockchain_test_from_state_test-op_SMOD-"
    "mod_bits_255]";
const std::string kD3Head = "test_arithmetic.py::test_mod[fork_Prague-benchmark-gas-value_10M-blockchain_test-op_SMOD-mod_bits_255]";
const std::string kEmptyBlock = "test_transaction_types.py::test_empty_block[fork_Osaka-blockchain_test-benchmark-gas-value_10M]";
const std::string kMsize = "test_memory.py::test_msize[fork_Osaka-blockchain_test-mem_size_100000-benchmark-gas-value_60M]";
const std::string kOpenvmAdd = "test_arithmetic.py::test_arithmetic[fork_Prague-benchmark-gas-value_10M-blockchain_test-opcode_ADD-]";
const std::string kRisc0New =
    "test_call_context.py::test_calldatacopy[fork_Prague-benchmark-gas-value_10M-blockchain_test-non_zero_data_True-"
    "fixed_src_dst_False-10KiB-call]";

// base/ and head/ as two runs of one results tree would be laid out.
struct Runs : zkgate::test::TempDir {
  Runs() {
    const std::filesystem::path b = path / "base";
    const std::filesystem::path h = path / "head";
    place(bulk() / "executions/1xL40s/10M-gas-limit/reth/zisk-v0.11.0" / (kD1Name + ".json"), b, "reth/zisk-v0.11.0/" + kD1Name + ".json");
    place(bulk() / "executions/1xL40s/10M-gas-limit/reth/zisk-v0.12.0" / (kD1Name + ".json"), h, "reth/zisk-v0.12.0/" + kD1Name + ".json");
    // Missing in head.
    place(bulk() / "executions/1xL40s/45M-gas-limit/reth/zisk-v0.11.0" / (kD2Name + ".json"), b, "reth/zisk-v0.11.0/" + kD2Name + ".json");
    // Renamed between EEST releases (D3), mapped with --match.
    place(bulk() / "data/executions/1xL40s/10M-gas-limit/ethrex/sp1-v5.2.1" / (kD3Base + ".json"), b, "ethrex/sp1-v5.2.1/" + kD3Base + ".json");
    place(bulk() / "data/executions/1xL40s/10M-gas-limit/ethrex/sp1-v5.2.3" / (kD3Head + ".json"), h, "ethrex/sp1-v5.2.3/" + kD3Head + ".json");
    // A crashed head: the base ran the empty block, the head crashed on msize (mapped).
    place(bulk() / "data/executions/1xL40s/eest-fd1dd63/ethrex-b9d3ef6/zisk-v0.16.1" / (kEmptyBlock + ".json"), b, "ethrex-b9d3ef6/zisk-v0.16.1/" + kEmptyBlock + ".json");
    place(bulk() / "data/executions/1xL40s/eest-fd1dd63/ethrex-b9d3ef6/zisk-v0.16.1" / (kMsize + ".json"), h, "ethrex-b9d3ef6/zisk-v0.16.1/" + kMsize + ".json");
    // OpenVM's 0 on both sides.
    place(bulk() / "data/executions/1xL40s/10M-gas-limit/reth/openvm-v1.4.1" / (kOpenvmAdd + ".json"), b, "reth/openvm-v1.4.1/" + kOpenvmAdd + ".json");
    place(bulk() / "data/executions/1xL40s/10M-gas-limit/reth/openvm-v1.4.1" / (kOpenvmAdd + ".json"), h, "reth/openvm-v1.4.1/" + kOpenvmAdd + ".json");
    // New in head.
    place(bulk() / "data/executions/1xL40s/10M-gas-limit/reth/risc0-v3.0.4" / (kRisc0New + ".json"), h, "reth/risc0-v3.0.4/" + kRisc0New + ".json");
    // Side files of a results tree are not workloads.
    place(bulk() / "data/executions/1xL40s/eest-fd1dd63/hardware.json", h, "hardware.json");
    place(bulk() / "data/executions/1xL40s/mainnet-23533500-23533999/ethrex/risc0-v3.0.3/_zkevm-benchmark-workload.txt", h,
          "reth/risc0-v3.0.4/_zkevm-benchmark-workload.txt");
  }

  gs::SuiteComparison compare(const gs::SuitePolicy& policy) const {
    return gs::compare_suites(gs::read_suite(path / "base", no_profiles), gs::read_suite(path / "head", no_profiles), policy);
  }
};

const gs::WorkloadResult& result_for(const gs::SuiteComparison& c, const std::string& key) {
  for (const gs::WorkloadResult& r : c.results) {
    if (r.key == key) return r;
  }
  throw std::runtime_error("no result for " + key);
}

gs::SuitePolicy with_renames() {
  gs::SuitePolicy policy;
  policy.renames.push_back(gs::parse_match_arg(kD3Base + "=" + kD3Head));
  policy.renames.push_back(gs::parse_match_arg(kEmptyBlock + "=" + kMsize));
  return policy;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(folder_suite, *zkgate::test::needs_corpus())

BOOST_FIXTURE_TEST_CASE(a_results_tree_reads_with_folder_keys, Runs) {
  const gs::Suite head = gs::read_suite(path / "head", no_profiles);
  BOOST_TEST(head.format == "eth-act-tree");
  BOOST_REQUIRE(head.workloads.size() == 5u);  // hardware.json and the provenance file skipped
  std::map<std::string, const gs::Workload*> by_key;
  for (const gs::Workload& w : head.workloads) by_key[w.key] = &w;
  BOOST_TEST(by_key.count("ethrex/sp1/" + kD3Head) == 1u);
  BOOST_REQUIRE(by_key.count("ethrex/zisk/" + kMsize) == 1u);
  BOOST_TEST(by_key["ethrex/zisk/" + kMsize]->guest == "ethrex-b9d3ef6");
  BOOST_TEST(by_key["ethrex/zisk/" + kMsize]->zkvm_version == "v0.16.1");
  BOOST_TEST(by_key.count("reth/openvm/" + kOpenvmAdd) == 1u);
}

BOOST_FIXTURE_TEST_CASE(every_case_ends_in_its_state, Runs) {
  const gs::SuiteComparison c = compare(with_renames());
  BOOST_TEST(c.results.size() == 6u);
  const gs::WorkloadResult& d1 = result_for(c, "reth/zisk/" + kD1Name);
  BOOST_TEST(gs::state_label(d1.state) == "improved");
  BOOST_TEST(*d1.delta_pct == -2.4716, boost::test_tools::tolerance(1e-3));
  BOOST_TEST(d1.differences.empty());
  BOOST_TEST(gs::state_label(result_for(c, "reth/zisk/" + kD2Name).state) == "missing in head");
  const gs::WorkloadResult& d3 = result_for(c, "ethrex/sp1/" + kD3Base);
  BOOST_TEST(gs::state_label(d3.state) == "unchanged");
  BOOST_TEST(*d3.delta_pct == -0.4809, boost::test_tools::tolerance(1e-3));
  BOOST_TEST(d3.rename.has_value());
  const gs::WorkloadResult& crashed = result_for(c, "ethrex/zisk/" + kEmptyBlock);
  BOOST_TEST(gs::state_label(crashed.state) == "failed in head");
  BOOST_TEST(crashed.reason.find("execution crashed") != std::string::npos);
  const gs::WorkloadResult& openvm = result_for(c, "reth/openvm/" + kOpenvmAdd);
  BOOST_TEST(gs::state_label(openvm.state) == "no data");
  BOOST_TEST(!openvm.delta_pct.has_value());
  BOOST_TEST(gs::state_label(result_for(c, "reth/risc0/" + kRisc0New).state) == "new in head");
  BOOST_TEST(gs::verdict_id(c.verdict) == "fail");
  BOOST_TEST(c.verdict_reason == "0 regressed, 1 failed in head, 1 missing in head");
  BOOST_TEST(c.version_changes.size() == 2u);  // sp1 5.2.1 -> 5.2.3, zisk 0.11.0 -> 0.12.0
}

BOOST_FIXTURE_TEST_CASE(without_the_renames_the_renamed_tests_are_missing_and_new, Runs) {
  const gs::SuiteComparison c = compare(gs::SuitePolicy{});
  BOOST_TEST(gs::state_label(result_for(c, "ethrex/sp1/" + kD3Base).state) == "missing in head");
  BOOST_TEST(gs::state_label(result_for(c, "ethrex/sp1/" + kD3Head).state) == "new in head");
  BOOST_TEST(gs::state_label(result_for(c, "ethrex/zisk/" + kMsize).state) == "failed in head");
}

BOOST_FIXTURE_TEST_CASE(two_runs_of_one_workload_in_one_suite_is_an_error, Runs) {
  place(bulk() / "executions/1xL40s/10M-gas-limit/reth/zisk-v0.12.0" / (kD1Name + ".json"), path / "base",
        "reth/zisk-v0.12.0/" + kD1Name + ".json");
  try {
    gs::read_suite(path / "base", no_profiles);
    BOOST_FAIL("expected an InputError");
  } catch (const zkgate::util::InputError& e) {
    BOOST_TEST(e.message().find("is already read from") != std::string::npos);
  }
}

BOOST_FIXTURE_TEST_CASE(an_empty_folder_is_an_error, zkgate::test::TempDir) {
  BOOST_CHECK_THROW(gs::read_suite(path, no_profiles), zkgate::util::InputError);
  BOOST_CHECK_THROW(gs::read_suite(path / "absent", no_profiles), zkgate::util::InputError);
}

BOOST_AUTO_TEST_SUITE_END()
