#include <regex>
#include <string>

#include <boost/test/unit_test.hpp>

#include "util/bounded_regex.h"
#include "util/printable.h"

using zkgate::util::printable_text;

namespace {
const std::string kFffd = "\xEF\xBF\xBD";
}

BOOST_AUTO_TEST_SUITE(printable)

BOOST_AUTO_TEST_CASE(valid_text_is_kept_byte_for_byte) {
  for (const std::string& text : {std::string("guest::main"), std::string("<k256::Scalar as Mul>::mul\n\tx"),
                                 std::string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"), std::string()}) {
    BOOST_TEST(printable_text(text) == text);
  }
}

BOOST_AUTO_TEST_CASE(control_characters_are_replaced) {
  BOOST_TEST(printable_text(std::string("a\0b", 3)) == "a" + kFffd + "b");
  BOOST_TEST(printable_text("\x1b[2J\r\x7f") == kFffd + "[2J" + kFffd + kFffd);
  BOOST_TEST(printable_text("\xC2\x9B" "31m") == kFffd + "31m");  // C1 CSI
}

BOOST_AUTO_TEST_CASE(each_invalid_byte_becomes_one_replacement) {
  BOOST_TEST(printable_text("a\xFF\xFE") == "a" + kFffd + kFffd);
  BOOST_TEST(printable_text("\xC0\xAF") == kFffd + kFffd);                  // overlong '/'
  BOOST_TEST(printable_text("\xED\xA0\x80") == kFffd + kFffd + kFffd);      // a surrogate
  BOOST_TEST(printable_text("\xF4\x90\x80\x80") == kFffd + kFffd + kFffd + kFffd);  // past U+10FFFF
  BOOST_TEST(printable_text("x\xE2\x82") == "x" + kFffd + kFffd);           // cut sequence
  BOOST_TEST(printable_text("\xC3(") == kFffd + "(");
}

BOOST_AUTO_TEST_CASE(regex_subjects_past_the_limit_are_not_matched) {
  const std::regex pattern("g.*x", std::regex::ECMAScript);
  const std::string fits(zkgate::util::kMaxRegexSubjectBytes - 1, 'g');
  BOOST_TEST(zkgate::util::regex_search_bounded(fits + "x", pattern).value_or(false));
  BOOST_TEST(!zkgate::util::regex_search_bounded(fits, pattern).value_or(true));
  // 100 KB overflowed the stack inside std::regex before the limit existed.
  BOOST_TEST(!zkgate::util::regex_search_bounded(std::string(100000, 'g') + "x", pattern).has_value());
  std::smatch match;
  BOOST_TEST(!zkgate::util::regex_match_bounded(std::string(100000, 'g'), match, pattern).has_value());
}

BOOST_AUTO_TEST_CASE(a_printable_line_holds_no_line_break) {
  BOOST_TEST(zkgate::util::printable_line("a\n::error::forged\tb\r") == "a ::error::forged b" + kFffd);
}

BOOST_AUTO_TEST_SUITE_END()
