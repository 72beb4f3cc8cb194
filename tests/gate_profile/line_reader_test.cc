#include "profile_test_support.h"  // first: it includes Boost.Test

#include <sstream>
#include <string>
#include <vector>

#include "gate/profile/line_reader.h"

using zkgate::gate::LineReader;

namespace {

struct ReadResult {
  std::vector<std::string> lines;
  bool ended_with_newline = true;
};

ReadResult read_all(LineReader& reader) {
  ReadResult result;
  std::string_view line;
  while (reader.next(line)) {
    result.lines.emplace_back(line);
    BOOST_TEST(reader.line_number() == result.lines.size());
  }
  result.ended_with_newline = reader.ended_with_newline();
  return result;
}

// The same text read from memory and streamed from an istream (in 1 MiB chunks).
ReadResult read_from_memory(const std::string& text) {
  LineReader reader(std::string_view(text), "memory.txt");
  return read_all(reader);
}

ReadResult read_streamed(const std::string& text) {
  std::istringstream in(text);
  LineReader reader(in, "stream.txt");
  return read_all(reader);
}

void check_both(const std::string& text, const std::vector<std::string>& expected, bool ended_with_newline) {
  for (const ReadResult& got : {read_from_memory(text), read_streamed(text)}) {
    BOOST_TEST(got.lines == expected, boost::test_tools::per_element());
    BOOST_TEST(got.ended_with_newline == ended_with_newline);
  }
}

std::string nul_error(const std::string& text) {
  std::istringstream in(text);
  try {
    LineReader reader(in, "stream.txt");
    std::string_view line;
    while (reader.next(line)) {
    }
  } catch (const zkgate::util::InputError& error) {
    return error.describe();
  }
  return "";
}

constexpr std::size_t kMiB = 1 << 20;

}  // namespace

BOOST_AUTO_TEST_SUITE(line_reader)

BOOST_AUTO_TEST_CASE(crlf_line_ends_are_dropped) {
  check_both("STEPS 1\r\n\r\nTOTAL 2\r\n", {"STEPS 1", "", "TOTAL 2"}, true);
}

BOOST_AUTO_TEST_CASE(a_last_line_without_newline_is_returned_and_flagged) {
  check_both("one\ntwo", {"one", "two"}, false);
  check_both("one\ntwo\r", {"one", "two"}, false);
  check_both("one\n", {"one"}, true);
  check_both("", {}, true);
}

BOOST_AUTO_TEST_CASE(lines_across_chunk_boundaries_match_the_in_memory_reading) {
  std::string text;
  std::vector<std::string> expected;
  for (std::size_t i = 0; text.size() < 3 * kMiB + 1000; ++i) {
    std::string line = "line " + std::to_string(i) + std::string(i % 997, i % 2 == 0 ? ' ' : 'x');
    text += line + (i % 3 == 0 ? "\r\n" : "\n");
    expected.push_back(line);
  }
  check_both(text, expected, true);
}

BOOST_AUTO_TEST_CASE(a_crlf_split_by_the_chunk_boundary_is_one_line_end) {
  std::string first(kMiB - 1, 'a');  // its "\r" is the chunk's last byte, "\n" the next chunk's first
  check_both(first + "\r\nb\n", {first, "b"}, true);
}

BOOST_AUTO_TEST_CASE(a_10_mib_line_is_read_whole) {
  const std::string long_line(10 * kMiB, 'z');
  check_both("before\n" + long_line + "\nafter\n", {"before", long_line, "after"}, true);
  check_both("before\n" + long_line, {"before", long_line}, false);
}

BOOST_AUTO_TEST_CASE(a_nul_byte_is_refused_with_its_line) {
  BOOST_TEST(nul_error(std::string("a\nb\nc") + '\0' + "\n") != "");
  BOOST_TEST(nul_error(std::string("a\nb\nc") + '\0' + "\n").find("stream.txt:3") != std::string::npos);
  // In the second chunk: the line count covers the lines already handed out.
  std::string text;
  std::size_t lines = 0;
  while (text.size() < kMiB + 5000) {
    text += "row " + std::to_string(lines++) + "\n";
  }
  text += std::string("bad") + '\0' + "\n";
  const std::string error = nul_error(text);
  BOOST_TEST(error.find("stream.txt:" + std::to_string(lines + 1) + ":") != std::string::npos, error);
}

BOOST_AUTO_TEST_SUITE_END()
