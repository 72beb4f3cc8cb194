#include <boost/test/unit_test.hpp>

#include <string>

#include "gate/github/comment_body.h"

using zkgate::github::comment_length;
using zkgate::github::kMarker;
using zkgate::github::kMaxCommentChars;
using zkgate::github::make_comment_body;
using zkgate::github::starts_with_marker;

namespace {

// Strict UTF-8 check: every sequence complete, no stray continuation bytes.
bool valid_utf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    } else if (lead >= 0x80) {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(comment_body)

BOOST_AUTO_TEST_CASE(only_a_first_line_marker_counts) {
  BOOST_TEST(starts_with_marker("<!-- zkgate -->\n## report"));
  BOOST_TEST(starts_with_marker("<!-- zkgate -->\r\n## report"));
  BOOST_TEST(starts_with_marker("<!-- zkgate -->"));
  BOOST_TEST(!starts_with_marker("quoted: <!-- zkgate -->\n"));
  BOOST_TEST(!starts_with_marker(" <!-- zkgate -->\n"));
  BOOST_TEST(!starts_with_marker("<!-- zkgate --> trailing text\n"));
  BOOST_TEST(!starts_with_marker("<!-- zkgate-other -->\n"));
  BOOST_TEST(!starts_with_marker(""));
}

BOOST_AUTO_TEST_CASE(length_counts_utf16_units) {
  BOOST_TEST(comment_length("abc") == 3U);
  BOOST_TEST(comment_length("\xC3\xA9") == 1U);          // é
  BOOST_TEST(comment_length("\xE2\x9C\x93") == 1U);      // ✓
  BOOST_TEST(comment_length("\xF0\x9F\x9A\x80") == 2U);  // 🚀, a surrogate pair
  BOOST_TEST(comment_length("\xC3") == 1U);              // a truncated sequence, each byte counted
}

BOOST_AUTO_TEST_CASE(short_report_is_kept_whole_behind_the_marker) {
  const std::string body = make_comment_body("## zkgate: pass\n");
  BOOST_TEST(body == std::string(kMarker) + "\n## zkgate: pass\n");
  BOOST_TEST(starts_with_marker(body));
}

BOOST_AUTO_TEST_CASE(report_exactly_at_the_limit_is_not_cut) {
  const std::string report(kMaxCommentChars - kMarker.size() - 1, 'x');
  const std::string body = make_comment_body(report);
  BOOST_TEST(comment_length(body) == kMaxCommentChars);
  BOOST_TEST(!contains(body, "truncated"));
}

BOOST_AUTO_TEST_CASE(long_report_is_cut_on_a_line_with_a_note) {
  std::string report = "## zkgate\n<details><summary>functions</summary>\n\n```\n";
  // Multi-byte rows: a byte-oriented cut would land inside a sequence.
  while (comment_length(report) < 80000) report += "\xE2\x9C\x93 keccak \xF0\x9F\x9A\x80 \xC3\xA9t\xC3\xA9 row\n";
  const std::string body = make_comment_body(report);
  BOOST_TEST(comment_length(body) <= kMaxCommentChars);
  BOOST_TEST(comment_length(body) > kMaxCommentChars - 2048);
  BOOST_TEST(valid_utf8(body));
  BOOST_TEST(starts_with_marker(body));
  BOOST_TEST(contains(body, "truncated to fit GitHub's 65,536-character comment limit"));
  BOOST_TEST(contains(body, "row\n```\n</details>"));  // cut after a whole row; fence and details closed
}

BOOST_AUTO_TEST_CASE(cut_without_newlines_stays_on_a_code_point) {
  std::string report;
  while (report.size() < 300000) report += "\xF0\x9F\x9A\x80";
  const std::string body = make_comment_body(report);
  BOOST_TEST(comment_length(body) <= kMaxCommentChars);
  BOOST_TEST(valid_utf8(body));
}

BOOST_AUTO_TEST_CASE(smaller_limit_is_respected) {
  const std::string report(5000, 'a');
  const std::string body = make_comment_body(report, 2000);
  BOOST_TEST(comment_length(body) <= 2000U);
  BOOST_TEST(contains(body, "truncated"));
}

BOOST_AUTO_TEST_SUITE_END()
