#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <regex>

#include "gate/report/markdown_report.h"
#include "sample_reports.h"
#include "test_support.h"
#include "util/input_error.h"

using namespace zkgate::gate;

namespace {

// GitHub's renderer with the extensions github.com enables for comments. --unsafe passes
// raw HTML through as github.com does (its own sanitizer then keeps <details>); tagfilter
// is what neutralises dangerous tags.
std::string render_html(const std::filesystem::path& dir, const std::string& markdown) {
  const std::filesystem::path file = dir / "report.md";
  std::ofstream(file, std::ios::binary) << markdown;
  const std::string command = "cmark-gfm --unsafe -e table -e tagfilter '" + file.string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe != nullptr);
  std::string html;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) html.append(buffer.data(), n);
  BOOST_REQUIRE(::pclose(pipe) == 0);
  return html;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t found = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++found;
  return found;
}

// Every row of every table has as many cells as its header.
void check_tables_keep_their_columns(const std::string& html) {
  std::size_t tables = 0;
  for (std::size_t start = html.find("<table>"); start != std::string::npos;
       start = html.find("<table>", start + 1)) {
    ++tables;
    const std::string table = html.substr(start, html.find("</table>", start) - start);
    const std::size_t columns = count(table, "<th>") + count(table, "<th ");
    BOOST_TEST(columns > 0u);
    for (std::size_t row = table.find("<tr>", table.find("<tbody>")); row != std::string::npos;
         row = table.find("<tr>", row + 1)) {
      const std::string cells = table.substr(row, table.find("</tr>", row) - row);
      BOOST_TEST(count(cells, "<td>") + count(cells, "<td ") == columns, "row has " << count(cells, "<td") << " cells: " << cells);
    }
  }
  BOOST_TEST(tables > 0u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(markdown_report)

BOOST_AUTO_TEST_CASE(marker_and_verdict_come_first) {
  const std::string markdown = render_markdown(zkgate::test::risc0_improvement_report());
  BOOST_TEST(markdown.rfind("<!-- zkgate -->\n", 0) == 0u);
  BOOST_TEST(markdown.find("## ✅ zkgate: no regression") != std::string::npos);
  BOOST_TEST(markdown.find("| ethrex block 23350480 | risc0 | block 23350480 | 3,051,367,508 | 2,552,318,509 | "
                           "-499,048,999 | -16.35% | 🚀 improved |") != std::string::npos);
  BOOST_TEST(count(markdown, "<!-- zkgate -->") == 1u);
}

BOOST_FIXTURE_TEST_CASE(symbols_render_literally_on_github, zkgate::test::TempDir) {
  const std::string html = render_html(path, render_markdown(zkgate::test::zisk_regression_report()));
  // cmark-gfm writes < > & as entities in text: these are the literal symbols on the page.
  BOOST_TEST(html.find("&lt;impl ethrex_levm::db::Database for alloc::boxed::Box&lt;dyn "
                       "ethrex_levm::db::Database&gt;&gt;::get_storage_value") != std::string::npos);
  BOOST_TEST(html.find("&lt;tiny_keccak::keccak::Keccak as tiny_keccak::Hasher&gt;::update") != std::string::npos);
  BOOST_TEST(html.find("feature/`keccak`|swap") != std::string::npos);  // branch: backticks and '|' intact
  BOOST_TEST(html.find("<code>") == std::string::npos);                   // no backtick turned into code
  BOOST_TEST(html.find("<em>") == std::string::npos);                     // no underscore turned into emphasis
  BOOST_TEST(html.find("<details open>") != std::string::npos);
  BOOST_TEST(html.find("not ranked") != std::string::npos);
  BOOST_TEST(html.find("<pre><code class=\"language-mermaid\">xychart-beta") != std::string::npos);
  check_tables_keep_their_columns(html);
}

BOOST_FIXTURE_TEST_CASE(error_cases_keep_logs_inert, zkgate::test::TempDir) {
  const std::string markdown = render_markdown(zkgate::test::multi_case_report());
  BOOST_TEST(count(markdown, "<!-- zkgate -->") == 1u);
  const std::string html = render_html(path, markdown);
  BOOST_TEST(html.find("sp1 | block 23278512") != std::string::npos);
  BOOST_TEST(html.find("panicked at &lt;impl Foo for Bar&lt;T&gt;&gt;::run") != std::string::npos);
  BOOST_TEST(html.find("&lt;!-- zkgate --&gt; &lt;/pre&gt;") != std::string::npos);
  BOOST_TEST(html.find("⚠️ zkgate: could not judge") != std::string::npos);
  check_tables_keep_their_columns(html);
}

BOOST_AUTO_TEST_CASE(templates_can_be_replaced) {
  const std::string out =
      render_markdown(zkgate::test::risc0_improvement_report(), "{{verdict}}:{{#cases}}{{name}}={{state}};{{/cases}}");
  BOOST_TEST(out == "pass:ethrex block 23350480=improved;");
  // {{x}} escapes for markdown; {{{x}}} does not.
  const std::string raw =
      render_markdown(zkgate::test::zisk_regression_report(), "{{head_label}} {{{head_label}}}", "mine.mustache");
  BOOST_TEST(raw == "feature/\\`keccak\\`\\|swap feature/`keccak`|swap");
  try {
    render_markdown(zkgate::test::risc0_improvement_report(), "{{#cases}}", "mine.mustache");
    BOOST_FAIL("an unclosed section must be refused");
  } catch (const zkgate::util::InputError& e) {
    BOOST_TEST(e.describe().find("mine.mustache: invalid mustache template") == 0u);
  }
}

BOOST_AUTO_TEST_SUITE_END()
