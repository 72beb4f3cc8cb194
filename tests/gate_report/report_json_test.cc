#include <boost/test/unit_test.hpp>

#include "gate/report/report_json.h"
#include "sample_reports.h"
#include "util/input_error.h"

using namespace zkgate::gate;
using nlohmann::json;

namespace {

std::string error_of(const std::string& text) {
  try {
    report_from_json_text(text, "result.json");
  } catch (const zkgate::util::InputError& e) {
    return e.describe();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_json)

BOOST_AUTO_TEST_CASE(every_report_round_trips) {
  for (const Report& report : {zkgate::test::risc0_improvement_report(), zkgate::test::zisk_regression_report(),
                               zkgate::test::multi_case_report()}) {
    const std::string first = report_to_json_text(report);
    const Report back = report_from_json_text(first, "result.json");
    BOOST_TEST(report_to_json_text(back) == first);
    BOOST_TEST(static_cast<int>(back.verdict()) == static_cast<int>(report.verdict()));
  }
}

BOOST_AUTO_TEST_CASE(schema_fields) {
  const json document = report_to_json(zkgate::test::risc0_improvement_report());
  BOOST_TEST(document["schema"] == "zkgate-report");
  BOOST_TEST(document["schema_version"] == kReportSchemaVersion);
  BOOST_TEST(document["verdict"] == "pass");
  BOOST_TEST(document["exit_code"] == 0);
  const json& the_case = document["cases"][0];
  BOOST_TEST(the_case["state"] == "improved");
  BOOST_TEST(the_case["comparison"]["total"]["base"] == 3051367508u);
  BOOST_TEST(the_case["comparison"]["total"]["change"] == -499048999);
  BOOST_TEST(the_case["comparison"]["unit"] == "cycles");
}

BOOST_AUTO_TEST_CASE(not_ranked_is_null_not_zero) {
  const json document = report_to_json(zkgate::test::zisk_regression_report());
  bool saw_not_ranked = false;
  for (const json& function : document["cases"][0]["comparison"]["functions"]) {
    if (function["name"] == "memcpy") {
      BOOST_TEST(function["steps"]["head"].is_null());
      BOOST_TEST(function["steps"]["change"].is_null());
      saw_not_ranked = true;
    }
  }
  BOOST_TEST(saw_not_ranked);
}

BOOST_AUTO_TEST_CASE(bad_documents_are_refused_with_their_path) {
  BOOST_TEST(error_of("{\n\"schema\": }").find("result.json:2:11: invalid JSON: syntax error") == 0u);
  BOOST_TEST(error_of("[]").find("expected a JSON object") != std::string::npos);
  // nlohmann throws out_of_range for it, which escaped as a crash (fuzz_report_json in CI).
  BOOST_TEST(error_of(R"({"schema": 1e400})").find("result.json:1:12: invalid JSON: number overflow") == 0u);
  BOOST_TEST(error_of(R"({"schema": "other"})").find("/schema") != std::string::npos);
  json document = report_to_json(zkgate::test::risc0_improvement_report());
  document["schema_version"] = 99;
  BOOST_TEST(error_of(document.dump()).find("schema version 1") != std::string::npos);
  document = report_to_json(zkgate::test::risc0_improvement_report());
  document["cases"][0]["comparison"]["total"]["head"] = -5;
  BOOST_TEST(error_of(document.dump()).find("/cases/0/comparison/total/head") != std::string::npos);
  document = report_to_json(zkgate::test::risc0_improvement_report());
  document["cases"][0]["comparison"]["total"]["head"] = nullptr;
  BOOST_TEST(error_of(document.dump()).find("needs both totals") != std::string::npos);
  document = report_to_json(zkgate::test::risc0_improvement_report());
  document["cases"][0]["state"] = "regressed";  // edited by hand: content says improved
  BOOST_TEST(error_of(document.dump()).find("says 'regressed'") != std::string::npos);
  document = report_to_json(zkgate::test::risc0_improvement_report());
  document["cases"][0].erase("zkvm");
  BOOST_TEST(error_of(document.dump()).find("/cases/0: missing key 'zkvm'") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
