#include <boost/test/unit_test.hpp>

#include <string>

#include "util/input_error.h"
#include "util/json_text.h"

using zkgate::util::InputError;
using zkgate::util::parse_json_input;

namespace {

std::string refusal_of(const std::string& text) {
  try {
    (void)parse_json_input(text, "in.json", "a hint");
  } catch (const InputError& e) {
    BOOST_TEST(e.hint() == "a hint");
    return e.describe();
  }
  BOOST_FAIL("accepted: " + text);
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_input)

BOOST_AUTO_TEST_CASE(valid_documents_parse) {
  BOOST_TEST(parse_json_input(R"({"a": [1, 2.5, "x"]})", "in.json", "").at("a").size() == 3u);
}

BOOST_AUTO_TEST_CASE(syntax_errors_point_at_line_and_column) {
  const std::string error = refusal_of("{\n  \"a\": }");
  BOOST_TEST(error.find("in.json:2:8: invalid JSON: syntax error") == 0u, error);
  BOOST_TEST(error.find("[json.exception") == std::string::npos, error);
}

// nlohmann throws out_of_range (not parse_error) for a number beyond a double's range;
// found by fuzz_report_json in CI, where it escaped as an uncaught exception.
BOOST_AUTO_TEST_CASE(numbers_beyond_double_range_are_input_errors_at_their_token) {
  BOOST_TEST(refusal_of("{\"a\":\n  1e400}").find("in.json:2:3: invalid JSON: number overflow parsing '1e400'") == 0u);
  BOOST_TEST(refusal_of("[-1E+999]").find("in.json:1:2:") == 0u);
}

BOOST_AUTO_TEST_CASE(truncated_and_empty_documents_are_refused) {
  BOOST_TEST(refusal_of("").find("in.json:1:1: invalid JSON") == 0u);
  BOOST_TEST(refusal_of("{\"a\": [1, 2").find("invalid JSON") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
