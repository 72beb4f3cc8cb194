#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <functional>

#include "gate/report/markdown_report.h"
#include "gate/report/report_json.h"
#include "gate/report/text_report.h"
#include "sample_reports.h"
#include "test_support.h"
#include "util/file_io.h"

// Golden reports, reviewed like code: tests/fixtures/compare/<name>.{md,json,txt} hold the
// exact output. After an intended change, regenerate with
//   ZKGATE_UPDATE_GOLDEN=1 build/tests/gate_report/gate_report_tests
// and review the diff.
using namespace zkgate::gate;

namespace {

void check_golden(const std::string& file_name, const std::string& actual) {
  const std::filesystem::path golden = zkgate::test::fixtures_dir() / "compare" / file_name;
  const char* update = std::getenv("ZKGATE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    zkgate::util::atomic_write_file(golden, actual);
    return;
  }
  BOOST_REQUIRE_MESSAGE(std::filesystem::exists(golden), "missing golden file " << golden.string());
  const std::string expected = zkgate::util::read_file(golden);
  BOOST_TEST(actual == expected, "output differs from " << golden.string());
}

void check_all_formats(const std::string& name, const Report& report) {
  check_golden(name + ".md", render_markdown(report));
  check_golden(name + ".json", report_to_json_text(report));
  check_golden(name + ".txt", render_text(report));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden_reports)

BOOST_AUTO_TEST_CASE(risc0_improvement) {
  check_all_formats("risc0-improvement", zkgate::test::risc0_improvement_report());
}

BOOST_AUTO_TEST_CASE(zisk_regression) { check_all_formats("zisk-regression", zkgate::test::zisk_regression_report()); }

BOOST_AUTO_TEST_CASE(multi_case) { check_all_formats("multi-case", zkgate::test::multi_case_report()); }

BOOST_AUTO_TEST_SUITE_END()
