#include <boost/test/unit_test.hpp>

#include "util/markdown.h"

using zkgate::util::escape_markdown;

BOOST_AUTO_TEST_SUITE(markdown)

BOOST_AUTO_TEST_CASE(rust_symbols_lose_their_html_meaning) {
  BOOST_TEST(escape_markdown("<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update") ==
             "&lt;tiny\\_keccak::keccak::Keccak as tiny\\_keccak::Hasher&gt;::update");
}

BOOST_AUTO_TEST_CASE(table_breakers_and_code_are_escaped) {
  BOOST_TEST(escape_markdown("a|b`c`") == "a\\|b\\`c\\`");
  BOOST_TEST(escape_markdown("line1\nline2") == "line1 line2");
}

BOOST_AUTO_TEST_CASE(marker_cannot_be_forged) {
  const std::string out = escape_markdown("<!-- zkgate -->");
  BOOST_TEST(out.find("<!--") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(mentions_do_not_ping) {
  const std::string out = escape_markdown("thanks @octocat");
  BOOST_TEST(out.find("@octocat") == std::string::npos);
  BOOST_TEST(escape_markdown("a @ b") == "a @ b");
}

BOOST_AUTO_TEST_CASE(html_escaping_keeps_symbols_and_newlines) {
  BOOST_TEST(zkgate::util::escape_html("<impl A for Box<dyn B>>::get & \"x\"\n</pre>") ==
             "&lt;impl A for Box&lt;dyn B&gt;&gt;::get &amp; &quot;x&quot;\n&lt;/pre&gt;");
}

BOOST_AUTO_TEST_SUITE_END()
