#include <boost/test/unit_test.hpp>

#include "gate/report/text_report.h"
#include "sample_reports.h"

using namespace zkgate::gate;

BOOST_AUTO_TEST_SUITE(text_report)

BOOST_AUTO_TEST_CASE(verdict_line_and_totals) {
  const std::string text = render_text(zkgate::test::risc0_improvement_report());
  BOOST_TEST(text.rfind("gate: no regression (1 case: 1 improved)\n", 0) == 0u);
  BOOST_TEST(text.find("3,051,367,508 -> 2,552,318,509") != std::string::npos);
  BOOST_TEST(text.find("-16.35%") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(not_ranked_and_failures_are_spelled_out) {
  const std::string text = render_text(zkgate::test::zisk_regression_report());
  BOOST_TEST(text.rfind("gate: regression", 0) == 0u);
  BOOST_TEST(text.find("not ranked") != std::string::npos);
  BOOST_TEST(text.find("failure") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(errors_show_the_log_tail) {
  const std::string text = render_text(zkgate::test::multi_case_report());
  BOOST_TEST(text.find("case sp1 | block 23278512 (sp1, input block 23278512): failed in head") != std::string::npos);
  BOOST_TEST(text.find("    | thread 'main' panicked") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
