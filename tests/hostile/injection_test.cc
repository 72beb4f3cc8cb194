// Report injection: names a PR author controls (Rust symbols, branch names, commit
// subjects, case inputs, log tails) rendered by the real markdown renderer and then by
// GitHub's own renderer (cmark-gfm -e table -e tagfilter, with --unsafe so raw HTML
// passes as GitHub passes it) must stay inert.
#include <array>
#include <cstdio>
#include <vector>
#include <string>

#include <boost/test/unit_test.hpp>

#include "gate/compare/comparison.h"
#include "gate/compare/report_model.h"
#include "gate/report/markdown_report.h"
#include "gate_compare/sample_profiles.h"
#include "hostile_support.h"

namespace zkgate::test::hostile {
namespace {

const char* const kHostile[] = {
    "<script>alert(1)</script>",
    "--> <!-- zkgate --> <img src=x onerror=alert(1)>",
    "a|b|c` rm -rf / `",
    "@octocat please look",
    "[click](https://evil.example/x) ![img](https://evil.example/p.png) <https://evil.example/auto>",
    "line\n<!-- zkgate -->\n| forged | row |",
};

std::string hostile(std::size_t i, std::string_view tail = "") {
  return std::string(kHostile[i % std::size(kHostile)]) + std::string(tail);
}

gate::Report hostile_report() {
  gate::Profile base = zisk_profile("base.txt", 498'004'423, 82'057, 6);
  gate::Profile head = zisk_profile("head.txt", 530'000'000, 0, 6);
  for (std::size_t i = 0; i < std::size(kHostile); ++i) {
    const unsigned rank = static_cast<unsigned>(i + 1);
    base.functions.push_back(ranked_function(hostile(i, "::base"), 400'000'000 - i * 1'000'000, rank));
    head.functions.push_back(ranked_function(hostile(i, "::head"), 500'000'000 - i * 1'000'000, rank));
  }
  gate::Report report;
  report.tool_version = "test";
  report.base_label = hostile(1);
  report.head_label = hostile(2) + " " + hostile(3);
  gate::CaseResult regressed;
  regressed.name = hostile(0);
  regressed.zkvm = "zisk";
  regressed.input = hostile(4);
  regressed.comparison = gate::compare_profiles(base, head, gate::Policy{});
  report.cases.push_back(regressed);
  gate::CaseResult failed;
  failed.name = hostile(5);
  failed.zkvm = "zisk";
  failed.error = "profile command failed: " + hostile(1);
  failed.log_tail = hostile(0) + "\n" + hostile(5) + "\n</pre></details><script>x</script>";
  report.cases.push_back(failed);
  return report;
}

std::string cmark_gfm(const std::filesystem::path& markdown) {
  const std::string command = "cmark-gfm --unsafe -e table -e tagfilter '" + markdown.string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe != nullptr);
  std::string html;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) html.append(buffer.data(), n);
  BOOST_REQUIRE_EQUAL(::pclose(pipe), 0);
  return html;
}

// Every `<open ...>...</close>` span of html, in order (no std::regex over whole
// documents: libstdc++'s recursive matcher is not made for inputs this long).
std::vector<std::string> spans(const std::string& html, const std::string& open, const std::string& close) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while ((from = html.find(open, from)) != std::string::npos) {
    const std::size_t to = html.find(close, from);
    if (to == std::string::npos) break;
    out.push_back(html.substr(from, to + close.size() - from));
    from = to + close.size();
  }
  return out;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Text outside tags and outside <code>/<pre>, where GitHub looks for @mentions.
std::string prose_text(std::string html) {
  for (const char* tag : {"code", "pre"}) {
    for (const std::string& span : spans(html, std::string("<") + tag, std::string("</") + tag + ">")) {
      html.replace(html.find(span), span.size(), " ");
    }
  }
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) text += c;
    if (c == '>') in_tag = false;
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_injection, *boost::unit_test::timeout(60))

BOOST_FIXTURE_TEST_CASE(hostile_names_render_inert_through_cmark_gfm, TempDir) {
  const std::string markdown = gate::render_markdown(hostile_report());
  write_file(path / "report.md", markdown);
  const std::string html = cmark_gfm(path / "report.md");
  BOOST_TEST_MESSAGE("html bytes: " << html.size());

  // The marker can only come from gate comment, never from a name inside the report.
  // The report opens with zkgate's marker; a name must not add a second one.
  BOOST_TEST(count(markdown, "<!-- zkgate") == 1u);
  BOOST_TEST(markdown.rfind("<!-- zkgate", 0) == 0u);
  BOOST_TEST(count(html, "<!-- zkgate") == 1u);
  // No HTML from a name survives: no script, no img, no event handler, no comment close.
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(html.find("<img") == std::string::npos);
  std::string tags;  // every tag of the page, where an event handler or a URL would act
  for (const std::string& tag : spans(html, "<", ">")) tags += tag;
  BOOST_TEST(tags.find("onerror") == std::string::npos);
  BOOST_TEST(tags.find("evil.example") == std::string::npos);
  // No link or image to the attacker's site.
  BOOST_TEST(html.find("href=\"https://evil") == std::string::npos);
  BOOST_TEST(html.find("src=\"https://evil") == std::string::npos);
  // No @mention GitHub would turn into a ping.
  const std::string prose = prose_text(html);
  BOOST_TEST(prose.find("@octocat") == std::string::npos, "a ping survives in: " << prose.substr(0, 2000));
  // No forged table row: every row of a table has as many cells as its header.
  const std::vector<std::string> tables = spans(html, "<table>", "</table>");
  BOOST_TEST(!tables.empty());
  for (const std::string& table : tables) {
    std::size_t header_cells = 0;
    bool first = true;
    for (const std::string& row : spans(table, "<tr>", "</tr>")) {
      const std::size_t cells = count(row, "<td>") + count(row, "<td ") + count(row, "<th>") + count(row, "<th ");
      if (first) header_cells = cells;
      first = false;
      BOOST_TEST(cells == header_cells, "row with " << cells << " cells in a table of " << header_cells << ": " << row);
    }
  }
  // The names are still there, as text.
  BOOST_TEST(html.find("octocat") != std::string::npos);
  BOOST_TEST(html.find("alert(1)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace zkgate::test::hostile
