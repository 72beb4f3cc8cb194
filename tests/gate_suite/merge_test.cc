#include <boost/test/unit_test.hpp>

#include "gate/suite/merge.h"
#include "gate/suite/read_suite.h"
#include "gate/suite/suite_json.h"
#include "suite_test_support.h"
#include "test_support.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace gs = zkgate::gate::suite;
using zkgate::test::suite::failed;
using zkgate::test::suite::no_profiles;
using zkgate::test::suite::suite_of;
using zkgate::test::suite::workload;

BOOST_AUTO_TEST_SUITE(merge)

BOOST_AUTO_TEST_CASE(shards_concatenate_in_order) {
  const gs::Suite merged = gs::merge_suites({suite_of({workload("a", 1), workload("b", 2)}, "shard1.json"),
                                             suite_of({failed("c", "boom")}, "shard2.json")});
  BOOST_REQUIRE(merged.workloads.size() == 3u);
  BOOST_TEST(merged.workloads[2].key == "c");
  BOOST_TEST(merged.source == "shard1.json + shard2.json");
}

BOOST_AUTO_TEST_CASE(a_workload_in_two_shards_is_an_error) {
  BOOST_CHECK_THROW(gs::merge_suites({suite_of({workload("a", 1)}), suite_of({workload("a", 2)})}),
                    zkgate::util::InputError);
  BOOST_CHECK_THROW(gs::merge_suites({}), zkgate::util::InputError);
}

BOOST_FIXTURE_TEST_CASE(suite_json_round_trips_every_field, zkgate::test::TempDir) {
  gs::Workload w = workload("reth/zisk/t", 224041852514ull);
  w.name = "t";
  w.air_cost = 7;
  w.execution_seconds = 14.045215254;
  w.proving_ms = 3;
  w.verification_ms = 4;
  w.proof_size = 5;
  w.ram_bytes = 6;
  w.data_note = "note";
  const gs::Suite original = suite_of({w, failed("f", "why")}, "x");
  const std::filesystem::path file = path / "suite.json";
  zkgate::util::atomic_write_file(file, gs::suite_to_json(original).dump(2));
  const gs::Suite back = gs::read_suite(file, no_profiles);
  BOOST_TEST(back.format == "zkgate-suite");
  BOOST_REQUIRE(back.workloads.size() == 2u);
  BOOST_TEST(gs::workload_to_json(back.workloads[0]) == gs::workload_to_json(original.workloads[0]));
  BOOST_TEST(gs::workload_to_json(back.workloads[1]) == gs::workload_to_json(original.workloads[1]));
  BOOST_TEST(!back.workloads[1].steps.has_value());
}

BOOST_FIXTURE_TEST_CASE(suite_json_refuses_other_schemas_and_figures_on_failures, zkgate::test::TempDir) {
  const std::filesystem::path file = path / "suite.json";
  zkgate::util::atomic_write_file(file, R"({"schema":"zkgate-suite/9","workloads":[]})");
  BOOST_CHECK_THROW(gs::read_suite(file, no_profiles), zkgate::util::InputError);
  zkgate::util::atomic_write_file(
      file, R"({"schema":"zkgate-suite/1","workloads":[{"key":"a","name":"a","failed":true,"steps":0}]})");
  try {
    gs::read_suite(file, no_profiles);
    BOOST_FAIL("expected an InputError");
  } catch (const zkgate::util::InputError& e) {
    BOOST_TEST(e.describe().find("/workloads/0") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
