// Every eth-act result and profiling-error file of ../shared/corpus/bulk read as a
// workload and checked against MANIFEST.tsv; every result-only pair of PAIRS.tsv compared.
#include <cmath>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "gate/suite/compare_suites.h"
#include "gate/suite/profile_error.h"
#include "gate/suite/read_folder.h"
#include "gate/suite/result_json.h"
#include "suite_test_support.h"
#include "test_support.h"

namespace gs = zkgate::gate::suite;
using zkgate::test::corpus_dir;
using zkgate::test::suite::read_tsv;
using zkgate::test::suite::TsvRow;

namespace {

std::filesystem::path bulk() { return corpus_dir() / "bulk"; }

std::vector<TsvRow> manifest_rows(const std::string& result_type_prefix) {
  std::vector<TsvRow> rows;
  if (!std::filesystem::exists(bulk() / "MANIFEST.tsv")) return rows;
  for (TsvRow& row : read_tsv(bulk() / "MANIFEST.tsv")) {
    if (row["result_type"].rfind(result_type_prefix, 0) == 0) rows.push_back(std::move(row));
  }
  return rows;
}

void check_result_row(const TsvRow& row) {
  BOOST_TEST_CONTEXT(row.at("path")) {
    const gs::Workload w = gs::read_result_file(bulk() / row.at("path"));
    BOOST_TEST(w.zkvm == row.at("zkvm"));
    BOOST_TEST(w.zkvm_version == row.at("zkvm_version"));
    const std::string guest = row.at("guest_label") == "(none in path)" ? "" : row.at("guest_label");
    BOOST_TEST(w.guest == guest);
    BOOST_TEST(w.run_kind == row.at("result_type"));
    BOOST_TEST(std::filesystem::path(row.at("path")).stem().string() == w.name);
    if (row.at("kind") == "result-crashed") {
      BOOST_TEST(w.failed);
      BOOST_TEST(w.failure_reason.find(" crashed: ") != std::string::npos);
      BOOST_TEST(!w.steps.has_value());
      return;
    }
    BOOST_TEST(!w.failed);
    const std::string& headline = row.at("headline_total");
    if (headline.empty()) {
      BOOST_TEST(!w.steps.has_value());  // proving and verification results carry no cycles
      BOOST_TEST((w.proving_ms.has_value() || w.verification_ms.has_value()));
    } else if (headline == "0") {
      BOOST_TEST(!w.steps.has_value());  // OpenVM's unrecorded 0
      BOOST_TEST(!w.data_note.empty());
    } else {
      BOOST_REQUIRE(w.steps.has_value());
      BOOST_TEST(*w.steps == std::stoull(headline));
      BOOST_TEST(w.execution_seconds.has_value());
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus_results, *zkgate::test::needs_corpus())

BOOST_AUTO_TEST_CASE(every_result_json_reads_to_its_manifest_headline) {
  std::size_t checked = 0;
  for (const std::string type : {"execution", "proving", "verification"}) {
    for (const TsvRow& row : manifest_rows(type)) {
      check_result_row(row);
      ++checked;
    }
  }
  BOOST_TEST(checked == 43u);
}

BOOST_AUTO_TEST_CASE(every_profiling_error_is_a_failure_with_its_reason) {
  const std::vector<TsvRow> rows = manifest_rows("zisk-profile-error");
  BOOST_TEST(rows.size() == 2u);
  for (const TsvRow& row : rows) {
    BOOST_TEST_CONTEXT(row.at("path")) {
      const std::filesystem::path file = bulk() / row.at("path");
      const gs::Workload w = gs::read_profile_error(file);
      BOOST_TEST(w.failed);
      BOOST_TEST(w.failure_reason.find("docker command exited with code 101") != std::string::npos);
      BOOST_TEST(w.failure_reason.find("panicked") != std::string::npos);
      BOOST_TEST(w.name == gs::profile_workload_name(file));
      BOOST_TEST(w.guest == row.at("guest_label"));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
