#include "profile_test_support.h"  // first: it includes Boost.Test

#include <string>

using zkgate::gate::Profile;
using zkgate::gate::parse_profile_text;
using namespace zkgate::test;

namespace {

std::string text_error(const std::string& text, const std::string& format) {
  try {
    parse_profile_text(text, "doc.json", format);
  } catch (const zkgate::util::InputError& error) {
    return error.describe();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_formats)

// The OpenVM reader sees the document as SAX events; these pin what it makes of unusual
// but valid JSON: the last ["group", name] label wins, labels that are not exactly a
// [string, string] pair are ignored, a later duplicate key replaces the earlier one, and
// entries two levels down count wherever they are.
BOOST_AUTO_TEST_CASE(openvm_entries_labels_and_duplicate_keys) {
  const std::string text = R"({"gauge": [
    {"metric": "total_cycles", "labels": [["group", "a"], ["group", {"x": [1]}], [["group"], "b"]], "value": "5", "value": "6"},
    {"metric": "total_cycles", "labels": [["group", "b", "c"], ["group", "b"]], "value": 7},
    {"metric": "num_segments", "labels": [{"group": "a"}], "value": "1"},
    3, "x", [{"metric": "total_cycles", "labels": [["group", "deep"]], "value": "9"}]],
    "other": {"inner": {"metric": "total_cycles", "labels": [["air", "q"], ["group", "o"]], "value": "2"}}})";
  const Profile p = parse_profile_text(text, "doc.json", "openvm-metrics");
  BOOST_TEST(p.total == 6u + 7u + 2u);
  BOOST_TEST_REQUIRE(p.functions.size() == 3u);
  BOOST_TEST(p.functions[0].name == "a");
  BOOST_TEST(p.functions[0].steps.value() == 6u);
  BOOST_TEST(p.functions[1].name == "b");
  BOOST_TEST(p.functions[2].name == "o");
  BOOST_TEST(p.metadata.at("group.a.total_cycles_entries") == "1");
}

BOOST_AUTO_TEST_CASE(openvm_value_errors_quote_the_value) {
  const std::string structured =
      R"({"counter": [{"metric": "total_cycles", "labels": [["group", "a"]], "value": [1, {"k": "v"}, null]}]})";
  BOOST_TEST(text_error(structured, "openvm-metrics").find(R"(has value [1,{"k":"v"},null], expected an unsigned)") !=
             std::string::npos);
  const std::string negative = R"({"counter": [{"metric": "total_cycles", "labels": [["group", "a"]], "value": -4}]})";
  BOOST_TEST(text_error(negative, "openvm-metrics").find("has value -4,") != std::string::npos);
  const std::string metric_not_string = R"({"counter": [{"metric": 1, "labels": [], "value": "1"}]})";
  BOOST_TEST(text_error(metric_not_string, "openvm-metrics").find("metric entry 1 lacks") != std::string::npos);
  const std::string root_array = R"([[{"metric": "x", "labels": [], "value": "1"}]])";
  BOOST_TEST(text_error(root_array, "openvm-metrics").find("no \"counter\" or \"gauge\" list") != std::string::npos);
  const std::string cut = R"({"counter": [{"metric": "total_cycles", "labels": [["group", "a"]], "val)";
  BOOST_TEST(text_error(cut, "openvm-metrics").find("doc.json: parse error at line 1, column 73: syntax error") == 0u);
  const std::string labels_object = R"({"counter": [{"metric": "x", "labels": {"group": "a"}, "value": "1"}]})";
  BOOST_TEST(text_error(labels_object, "openvm-metrics").find("metric entry 1 lacks") != std::string::npos);
}

// zkgate JSON is read with the "functions" list taken out of the DOM element by element;
// errors still come in the order the whole-document reader gives them.
BOOST_AUTO_TEST_CASE(zkgate_json_streamed_functions_keep_the_error_order) {
  const std::string head = R"({"schema": "zkgate-profile/1", "format": "ziskemu", "total": 10, )";
  const Profile p = parse_profile_text(head + R"("functions": [{"name": "a", "steps": 4}, {"name": "b"}]})", "doc.json",
                                       "zkgate-json");
  BOOST_TEST_REQUIRE(p.functions.size() == 2u);
  BOOST_TEST(p.functions[0].steps.value() == 4u);
  // A later duplicate key replaces the list, and its elements are numbered from 0.
  const std::string duplicate = head + R"("functions": [{"name": "a"}, {"name": "b"}], "functions": [{"steps": 1}]})";
  BOOST_TEST(text_error(duplicate, "zkgate-json").find("/functions/0: missing required key \"name\"") != std::string::npos,
             text_error(duplicate, "zkgate-json"));
  const std::string replaced = head + R"("functions": [{"steps": 1}], "functions": [{"name": "c"}]})";
  BOOST_TEST(parse_profile_text(replaced, "doc.json", "zkgate-json").functions.at(0).name == "c");
  // A bad key before the list wins over a bad function; a bad function wins over metadata.
  const std::string bad_total = R"({"schema": "zkgate-profile/1", "format": "x", "total": -1, "functions": [{}]})";
  BOOST_TEST(text_error(bad_total, "zkgate-json").find("/total: expected an unsigned integer") != std::string::npos);
  const std::string bad_both = head + R"("functions": [{"name": "a"}, {"name": 3}], "metadata": {"k": 1}})";
  BOOST_TEST(text_error(bad_both, "zkgate-json").find("/functions/1/name: expected a string") != std::string::npos,
             text_error(bad_both, "zkgate-json"));
  const std::string not_a_list = head + R"("functions": {"name": "a"}})";
  BOOST_TEST(text_error(not_a_list, "zkgate-json").find("/functions: expected an array") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
