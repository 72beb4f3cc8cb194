#include "profile_test_support.h"  // first: it includes Boost.Test

#include <cstdint>
#include <string>
#include <vector>

#include "gate/profile/line_reader.h"
#include "gate/profile/text_fields.h"
#include "gate/profile/ziskemu_rows.h"

using zkgate::gate::split_fields;

namespace {

// The plain byte-by-byte definition the fast splitter must agree with.
std::vector<std::string> reference_split(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  for (const char c : line) {
    if (c == ' ' || c == '\t') {
      if (!field.empty()) fields.push_back(field);
      field.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty()) fields.push_back(field);
  return fields;
}

std::vector<std::string> fast_split(const std::string& line) {
  std::vector<std::string_view> views;
  split_fields(line, views);
  std::vector<std::string> fields;
  for (const std::string_view view : views) {
    // Every field is a view into the line itself (names are taken as "rest of the line").
    BOOST_TEST((view.data() >= line.data() && view.data() + view.size() <= line.data() + line.size()));
    fields.emplace_back(view);
  }
  return fields;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_fields)

BOOST_AUTO_TEST_CASE(split_fields_on_table_rows) {
  const std::vector<std::string> row = {"|", "OP", "keccak", "82,057", "10,512,158,156", "18.53%", "#1"};
  BOOST_TEST(fast_split("|    OP keccak                         82,057  10,512,158,156  18.53% #1") == row,
             boost::test_tools::per_element());
  BOOST_TEST(fast_split("").empty());
  BOOST_TEST(fast_split(" \t  ").empty());
  BOOST_TEST(fast_split("a\tb") == (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(split_fields_across_64_byte_blocks) {
  for (std::size_t at = 50; at < 140; ++at) {
    // A field starting, ending or running across the splitter's 16- and 64-byte blocks.
    const std::string line = std::string(at, ' ') + "field_" + std::to_string(at) + std::string(at % 7, '\t') + "x";
    BOOST_TEST(fast_split(line) == reference_split(line), boost::test_tools::per_element());
    const std::string long_word = "w" + std::string(at, 'y') + " z";
    BOOST_TEST(fast_split(long_word) == reference_split(long_word), boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(split_fields_agrees_with_the_byte_loop_on_random_lines) {
  std::uint32_t state = 12345;  // fixed seed: the same lines on every run
  const std::string alphabet = "  \t\ta1,.|#%\r";
  for (int round = 0; round < 3000; ++round) {
    state = state * 1664525u + 1013904223u;
    const std::size_t length = (state >> 8) % 300;
    std::string line;
    for (std::size_t i = 0; i < length; ++i) {
      state = state * 1664525u + 1013904223u;
      line += alphabet[(state >> 16) % alphabet.size()];
    }
    BOOST_TEST(fast_split(line) == reference_split(line), boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(rules_and_blank_lines) {
  using zkgate::gate::is_blank_line;
  using zkgate::gate::is_rule;
  BOOST_TEST(is_rule("---"));
  BOOST_TEST(is_rule("  " + std::string(69, '-') + " \r"));
  BOOST_TEST(is_rule(std::string(40, '='), '='));
  BOOST_TEST(!is_rule(std::string(40, '='), '-'));
  BOOST_TEST(!is_rule("--"));
  for (std::size_t at = 0; at < 40; ++at) {  // one odd byte anywhere, in the 8-byte words or the tail
    std::string line(40, '-');
    line[at] = at % 2 == 0 ? '+' : '=';
    BOOST_TEST(!is_rule(line), line);
  }
  BOOST_TEST(is_blank_line(""));
  BOOST_TEST(is_blank_line(" \t\r "));
  BOOST_TEST(!is_blank_line("   |"));
  BOOST_TEST(!is_blank_line("\r\na"));
}

// The percent column is checked without a floating-point parse when it has the usual
// shape; every other spelling keeps what util::parse_percent decides.
BOOST_AUTO_TEST_CASE(opcode_row_percent_column) {
  const std::string header = "COST BY OPCODE COUNT COST % RANK";
  zkgate::gate::LineReader in(std::string_view(header), "rows.txt");
  std::vector<std::string_view> fields;
  split_fields(header, fields);
  const zkgate::gate::zisk::OpcodeColumns columns = zkgate::gate::zisk::opcode_columns(fields, 3, in);
  const auto parses = [&](const std::string& percent) {
    const std::string row = "OP add 1,000 2,000 " + percent;
    split_fields(row, fields);
    try {
      zkgate::gate::zisk::parse_opcode_row(fields, 0, columns, false, in);
      return true;
    } catch (const zkgate::util::InputError&) {
      return false;
    }
  };
  BOOST_TEST(parses("2.92%"));
  BOOST_TEST(parses("100%"));
  BOOST_TEST(parses("0.00%"));
  BOOST_TEST(parses("2.%"));
  BOOST_TEST(parses("1e2%"));
  BOOST_TEST(!parses("2.92"));
  BOOST_TEST(!parses("%"));
  BOOST_TEST(!parses("-%"));
  BOOST_TEST(!parses("2..9%"));
  BOOST_TEST(!parses("abc%"));
  BOOST_TEST(!parses("inf%"));
  BOOST_TEST(!parses(std::string(400, '9') + "%"));  // out of range for a double
}

BOOST_AUTO_TEST_SUITE_END()
