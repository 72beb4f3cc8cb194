#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "gate/suite/comparison_json.h"
#include "gate/suite/compare_suites.h"
#include "gate/suite/suite_markdown.h"
#include "suite_test_support.h"
#include "util/input_error.h"

namespace gs = zkgate::gate::suite;
using zkgate::test::suite::failed;
using zkgate::test::suite::suite_of;
using zkgate::test::suite::workload;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A suite of n EEST-like workloads with long names; every 40th regresses, every 7th
// improves, one fails in head, one is missing.
std::pair<gs::Suite, gs::Suite> large_suites(std::size_t n) {
  std::vector<gs::Workload> base;
  std::vector<gs::Workload> head;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string name = fmt::format(
        "reth/zisk/test_arithmetic.py::test_mod_arithmetic[fork_Osaka-blockchain_test-opcode_MULMOD-mod_bits_{}-"
        "benchmark-gas-value_35M]",
        i);
    const std::uint64_t steps = 1'000'000 + i * 1000;
    base.push_back(workload(name, steps));
    if (i == 3) continue;
    if (i == 5) {
      head.push_back(failed(name, "Operation timed out after 300s"));
      continue;
    }
    std::uint64_t head_steps = steps;
    if (i % 40 == 0) head_steps = steps + steps / 10 + i;
    else if (i % 7 == 0) head_steps = steps - steps / 20;
    head.push_back(workload(name, head_steps));
  }
  return {suite_of(base, "base"), suite_of(head, "head")};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(suite_report)

BOOST_AUTO_TEST_CASE(report_leads_with_marker_verdict_and_what_needs_attention) {
  const gs::Suite base = suite_of({workload("a", 1000), workload("b", 1000), workload("c", 1000), workload("d", 5)});
  const gs::Suite head = suite_of({workload("a", 1200), workload("b", 900), failed("c", "Server crashed")});
  const gs::SuiteComparison c = gs::compare_suites(base, head, gs::SuitePolicy{});
  const std::string md = gs::render_suite_markdown(c);
  BOOST_TEST(md.rfind("<!-- zkgate -->\n", 0) == 0u);
  BOOST_TEST(contains(md, "zkgate suite: regression"));
  BOOST_TEST(contains(md, "### Needs attention (3)"));
  BOOST_TEST(contains(md, "| a | zisk v1 | 🔴 regressed | 1,000 | 1,200 | +20.00% |"));
  BOOST_TEST(contains(md, "💥 failed in head | 1,000 | failed |  | Server crashed |"));
  BOOST_TEST(contains(md, "❓ missing in head | 5 | missing |"));
  BOOST_TEST(contains(md, "```mermaid\nxychart-beta"));
  BOOST_TEST(contains(md, "bar [20.00, -10.00]"));
  BOOST_TEST(md.find("Needs attention") < md.find("Top movers"));
  BOOST_TEST(!contains(md, "Cut here"));
}

BOOST_AUTO_TEST_CASE(names_from_code_are_escaped) {
  const gs::Suite base = suite_of({workload("<script>alert(1)</script>|*x*_[y]", 100)});
  const gs::Suite head = suite_of({workload("<script>alert(1)</script>|*x*_[y]", 200)});
  const std::string md = gs::render_suite_markdown(gs::compare_suites(base, head, gs::SuitePolicy{}));
  BOOST_TEST(!contains(md, "<script>"));
  BOOST_TEST(contains(md, "&lt;script&gt;alert(1)&lt;/script&gt;\\|\\*x\\*\\_\\[y\\]"));
}

BOOST_AUTO_TEST_CASE(a_2000_workload_suite_stays_under_the_comment_limit_with_a_visible_cut) {
  const std::pair<gs::Suite, gs::Suite> suites = large_suites(2000);
  const gs::SuiteComparison c = gs::compare_suites(suites.first, suites.second, gs::SuitePolicy{});
  BOOST_TEST(c.aggregates.counts[static_cast<std::size_t>(gs::State::kRegressed)] == 50u);
  const std::string md = gs::render_suite_markdown(c);
  BOOST_TEST(md.size() <= gs::kMaxReportBytes);
  BOOST_TEST(md.size() > gs::kMaxReportBytes - 2000);  // cut close to the limit, not far below
  BOOST_TEST(contains(md, "> **Cut here:**"));
  BOOST_TEST(contains(md, "workloads are not listed, to stay under GitHub's 65,536-character comment limit"));
  BOOST_TEST(contains(md, "### Needs attention (52)"));
  BOOST_TEST(contains(md, "Operation timed out after 300s"));
  BOOST_TEST(contains(md, "mod\\_bits\\_3-"));  // the missing one is listed
  BOOST_TEST(contains(md, "<sub>base: base &middot; head: head</sub>"));
}

BOOST_AUTO_TEST_CASE(a_custom_template_and_a_broken_one) {
  const gs::SuiteComparison c = gs::compare_suites(suite_of({workload("a", 1)}), suite_of({workload("a", 1)}), gs::SuitePolicy{});
  BOOST_TEST(gs::render_suite_markdown(c, "{{verdict_title}}: {{judged}}") == "no regression: 1");
  BOOST_CHECK_THROW(gs::render_suite_markdown(c, "{{#open}}", "mine.mustache"), zkgate::util::InputError);
}

BOOST_AUTO_TEST_CASE(json_lists_every_workload_with_nulls_for_absent_values) {
  const gs::Suite base = suite_of({workload("a", 1000), workload("gone", 7)});
  const gs::Suite head = suite_of({workload("a", 1100), workload("new", 3)});
  const nlohmann::json j = gs::comparison_to_json(gs::compare_suites(base, head, gs::SuitePolicy{}));
  BOOST_TEST(j["schema"] == "zkgate-suite-comparison/1");
  BOOST_TEST(j["verdict"] == "fail");
  BOOST_TEST(j["exit_code"] == 1);
  BOOST_TEST(j["aggregates"]["counts"]["missing_in_head"] == 1);
  BOOST_TEST(j["aggregates"]["counts"]["new_in_head"] == 1);
  BOOST_TEST(j["aggregates"]["worst_regression"] == "a");
  BOOST_REQUIRE(j["workloads"].size() == 3u);
  BOOST_TEST(j["workloads"][0]["base_value"] == 1000);
  BOOST_TEST(j["workloads"][0]["head_value"] == 1100);
  BOOST_TEST(j["workloads"][1]["state"] == "missing_in_head");
  BOOST_TEST(j["workloads"][1]["head"].is_null());
  BOOST_TEST(j["workloads"][1]["delta_pct"].is_null());
  BOOST_TEST(j["workloads"][2]["state"] == "new_in_head");
}

BOOST_AUTO_TEST_CASE(streamed_json_text_equals_the_json_tree) {
  const std::pair<gs::Suite, gs::Suite> suites = large_suites(300);
  const gs::SuiteComparison c = gs::compare_suites(suites.first, suites.second, gs::SuitePolicy{});
  BOOST_TEST(nlohmann::json::parse(gs::comparison_json_text(c)) == gs::comparison_to_json(c));
}

BOOST_AUTO_TEST_SUITE_END()
