#include <boost/test/unit_test.hpp>

#include "gate/suite/json_input.h"
#include "gate/suite/path_facts.h"
#include "gate/suite/result_json.h"
#include "util/input_error.h"

namespace gs = zkgate::gate::suite;

namespace {

gs::Workload parse(const std::string& text, const std::string& path = "out/reth-v1.11.0/zisk-v0.16.1/t.json") {
  return gs::workload_from_result(gs::parse_json_text(text, path), path);
}

std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const zkgate::util::InputError& e) {
    return e.describe();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(result_json)

BOOST_AUTO_TEST_CASE(cycles_above_2_pow_32_and_duration_nanos_are_exact) {
  const gs::Workload w = parse(
      R"({"name":"t","timestamp_completed":"2025-10-01T13:28:52.106677Z","metadata":{"block_used_gas":0},)"
      R"("execution":{"success":{"total_num_cycles":224041852514,"region_cycles":{},)"
      R"("execution_duration":{"secs":14,"nanos":45215254}}}})");
  BOOST_TEST(*w.steps == 224041852514ull);
  BOOST_TEST(*w.execution_seconds == 14.045215254, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(w.zkvm == "zisk");
  BOOST_TEST(w.zkvm_version == "v0.16.1");
  BOOST_TEST(w.guest == "reth-v1.11.0");
  BOOST_TEST(w.run_kind == "execution");
  BOOST_TEST(!w.failed);
}

BOOST_AUTO_TEST_CASE(openvm_zero_cycles_is_no_data) {
  const gs::Workload w =
      parse(R"({"name":"t","metadata":null,"execution":{"success":{"total_num_cycles":0,"region_cycles":{},)"
            R"("execution_duration":{"secs":1,"nanos":0}}}})",
            "r/reth/openvm-v1.4.1/t.json");
  BOOST_TEST(!w.steps.has_value());
  BOOST_TEST(w.data_note.find("no cycle count was recorded") != std::string::npos);
  BOOST_TEST(!w.failed);
}

BOOST_AUTO_TEST_CASE(absent_optional_keys_are_absent_not_zero) {
  const gs::Workload w = parse(R"({"name":"t","proving":{"success":{"proof_size":5,"proving_time_ms":9}}})");
  BOOST_TEST(!w.verification_ms.has_value());
  BOOST_TEST(!w.steps.has_value());
  BOOST_TEST(*w.proving_ms == 9u);
  const gs::Workload v = parse(R"({"name":"t","metadata":null,"verification":{"success":{"proof_size":5,"verification_time_ms":19}}})");
  BOOST_TEST(*v.verification_ms == 19u);
  BOOST_TEST(v.run_kind == "verification");
}

BOOST_AUTO_TEST_CASE(metadata_variants_are_accepted) {
  BOOST_TEST(parse(R"({"name":"t","metadata":{"format":"Rlp","block_hash":"0x1","loop_count":3},"execution":{"crashed":{"reason":"x"}}})").failed);
  BOOST_TEST(*parse(R"({"name":"t","metadata":{"fixture_format":"eest","block_number":null,"block_used_gas":null,"opcode_count":{}},)"
        R"("execution":{"success":{"output_matched":true,"total_num_cycles":5,"region_cycles":{},"execution_duration":{"secs":0,"nanos":1}}}})").steps == 5u);
  BOOST_CHECK_THROW(parse(R"({"name":"t","metadata":[1],"execution":{"crashed":{"reason":"x"}}})"), zkgate::util::InputError);
}

BOOST_AUTO_TEST_CASE(crashed_is_a_failure_with_its_reason) {
  const gs::Workload w = parse(R"({"name":"t","execution":{"crashed":{"reason":"Server crashed\nline 2"}}})");
  BOOST_TEST(w.failed);
  BOOST_TEST(w.failure_reason == "execution crashed: Server crashed\nline 2");
  BOOST_TEST(!w.steps.has_value());
}

BOOST_AUTO_TEST_CASE(output_mismatch_is_a_failure) {
  const gs::Workload w = parse(R"({"name":"t","execution":{"success":{"output_matched":false,"total_num_cycles":5,)"
                               R"("region_cycles":{},"execution_duration":{"secs":0,"nanos":1}}}})");
  BOOST_TEST(w.failed);
  BOOST_TEST(!w.steps.has_value());
  BOOST_TEST(w.failure_reason.find("/execution/success/output_matched") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_values_name_their_json_path) {
  BOOST_TEST(error_of(R"({"name":"t","execution":{"success":{"total_num_cycles":-5}}})").find(
                 "/execution/success/total_num_cycles") != std::string::npos);
  BOOST_TEST(error_of(R"({"name":"t","execution":{"success":{"total_num_cycles":"5"}}})").find(
                 "expected a non-negative integer at /execution/success/total_num_cycles, found string") != std::string::npos);
  BOOST_TEST(error_of(R"({"name":"t","execution":{"success":{"total_num_cycles":1e30}}})").find("fits in 64 bits") !=
             std::string::npos);
  // Beyond a double's range nlohmann throws out_of_range, not parse_error (fuzz_report_json in CI).
  BOOST_TEST(error_of(R"({"name":"t","execution":{"success":{"total_num_cycles":1e400}}})").find(
                 "t.json:1:56: invalid JSON: number overflow parsing '1e400'") != std::string::npos);
  BOOST_TEST(error_of(R"({"name":"t","execution":{"success":{}}})").find("missing key \"total_num_cycles\"") !=
             std::string::npos);
  BOOST_TEST(error_of(R"({"name":"t","execution":{"success":{},"crashed":{}}})").find("exactly one") != std::string::npos);
  BOOST_TEST(error_of(R"({"name":"t","execution":{"pending":{}}})").find("\"pending\"") != std::string::npos);
  BOOST_TEST(error_of(R"({"name":"t","execution":{"success":{"total_num_cycles":5,"execution_duration":{"secs":1,"nanos":1000000000}}}})")
                 .find("/execution/success/execution_duration/nanos") != std::string::npos);
  BOOST_TEST(error_of(R"({"name":5,"execution":{"crashed":{"reason":"x"}}})").find("at /name") != std::string::npos);
  BOOST_TEST(error_of(R"({"name":"t","execution":{"crashed":{"reason":"x"}}})") == "no error");
}

BOOST_AUTO_TEST_CASE(folder_names_give_zkvm_version_and_guest) {
  const gs::PathFacts old_layout = gs::path_facts("proving/1xL40s/eest-benchmark-v0.0.9/sp1-v5.0.8/t.json");
  BOOST_TEST(old_layout.zkvm == "sp1");
  BOOST_TEST(old_layout.zkvm_version == "v5.0.8");
  BOOST_TEST(old_layout.guest.empty());
  const gs::PathFacts nested = gs::path_facts("proving/1xL40s/10M-gas-limit/reth/eest-benchmark/risc0-v3.0.1/t.json");
  BOOST_TEST(nested.guest == "reth");
  BOOST_TEST(gs::key_component("reth-v1.11.0") == "reth");
  BOOST_TEST(gs::key_component("ethrex-b9d3ef6") == "ethrex");
  BOOST_TEST(gs::key_component("zisk-v0.16.1") == "zisk");
  BOOST_TEST(gs::key_component("eest-fd1dd63") == "eest-fd1dd63");
  BOOST_TEST(gs::parse_zkvm_folder("reth-v1.11.0").zkvm.empty());
}

BOOST_AUTO_TEST_SUITE_END()
