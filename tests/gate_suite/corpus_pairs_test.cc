// Every pair of ../shared/corpus/bulk/PAIRS.tsv compared as a one-workload suite on each
// side: the expected delta (rounded to 2 decimals) or, for a cross-guest pair, "not
// comparable". Renamed tests are paired with a --match rule, as a user would.
#include <cmath>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "gate/suite/compare_suites.h"
#include "gate/suite/read_suite.h"
#include "gate/suite/result_json.h"
#include "suite_test_support.h"
#include "test_support.h"

namespace gs = zkgate::gate::suite;
using zkgate::test::corpus_dir;
using zkgate::test::suite::read_tsv;
using zkgate::test::suite::TsvRow;

namespace {

std::filesystem::path bulk() { return corpus_dir() / "bulk"; }

gs::Suite one(const std::filesystem::path& file, const zkgate::gate::suite::ProfileReader& read_profile) {
  gs::Workload w = file.extension() == ".json" ? gs::read_result_file(file)
                                               : gs::workload_from_profile(read_profile(file), file);
  w.key = w.name;
  gs::Suite s;
  s.source = file.string();
  s.workloads.push_back(std::move(w));
  return s;
}

gs::Metric metric_of(const std::string& column) {
  if (column == "proving_time_ms") return gs::Metric::kProvingTime;
  return gs::Metric::kSteps;  // total_num_cycles, STEPS, STEPS|total_num_cycles
}

}  // namespace

namespace zkgate::test::suite {

// Checks one PAIRS.tsv row; profiles are read with read_profile.
void check_pair(const TsvRow& row, const gs::ProfileReader& read_profile) {
  BOOST_TEST_CONTEXT(row.at("pair_id")) {
    const gs::Suite base = one(bulk() / row.at("base_path"), read_profile);
    const gs::Suite head = one(bulk() / row.at("head_path"), read_profile);
    gs::SuitePolicy policy;
    policy.metric = metric_of(row.at("metric"));
    if (base.workloads[0].name != head.workloads[0].name) {
      policy.renames.push_back(gs::parse_match_arg(base.workloads[0].name + "=" + head.workloads[0].name));
    }
    const gs::SuiteComparison c = gs::compare_suites(base, head, policy);
    BOOST_REQUIRE(c.results.size() == 1u);
    const gs::WorkloadResult& r = c.results[0];
    if (row.at("guest").find(" vs ") != std::string::npos) {
      BOOST_TEST(gs::state_label(r.state) == "not comparable");
      BOOST_TEST(r.reason.find("different guest programs") != std::string::npos);
      return;
    }
    BOOST_REQUIRE(r.delta_pct.has_value());
    BOOST_TEST(static_cast<double>(*r.base_value) == std::stod(row.at("base_value")));
    BOOST_TEST(static_cast<double>(*r.head_value) == std::stod(row.at("head_value")));
    const double rounded = std::round(*r.delta_pct * 100.0) / 100.0;
    BOOST_TEST(rounded == std::stod(row.at("expected_delta_pct")), boost::test_tools::tolerance(1e-9));
    const double expected = std::stod(row.at("expected_delta_pct"));
    const std::string state = expected > 1.0 ? "regressed" : (expected < -1.0 ? "improved" : "unchanged");
    BOOST_TEST(gs::state_label(r.state) == state);
  }
}

}  // namespace zkgate::test::suite

BOOST_AUTO_TEST_SUITE(corpus_pairs, *zkgate::test::needs_corpus())

BOOST_AUTO_TEST_CASE(every_result_pair_gives_its_expected_delta) {
  std::size_t checked = 0;
  for (const TsvRow& row : read_tsv(bulk() / "PAIRS.tsv")) {
    if (std::filesystem::path(row.at("base_path")).extension() != ".json" ||
        std::filesystem::path(row.at("head_path")).extension() != ".json") {
      continue;  // profile pairs: corpus_profile_pairs (needs gate's profile parser)
    }
    zkgate::test::suite::check_pair(row, zkgate::test::suite::no_profiles);
    ++checked;
  }
  BOOST_TEST(checked == 6u);
}

BOOST_AUTO_TEST_SUITE_END()
