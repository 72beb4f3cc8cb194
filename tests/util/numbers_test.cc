#include <boost/test/unit_test.hpp>

#include "util/numbers.h"

using zkgate::util::parse_grouped_u64;
using zkgate::util::parse_percent;

BOOST_AUTO_TEST_SUITE(numbers)

BOOST_AUTO_TEST_CASE(grouped_and_plain_integers) {
  BOOST_TEST(parse_grouped_u64("498,004,423").value() == 498004423u);
  BOOST_TEST(parse_grouped_u64("57038392183").value() == 57038392183u);
  BOOST_TEST(parse_grouped_u64("0").value() == 0u);
}

BOOST_AUTO_TEST_CASE(junk_is_rejected_not_zero) {
  BOOST_TEST(!parse_grouped_u64(""));
  BOOST_TEST(!parse_grouped_u64(","));
  BOOST_TEST(!parse_grouped_u64("12,"));
  BOOST_TEST(!parse_grouped_u64("-5"));
  BOOST_TEST(!parse_grouped_u64("1.5"));
  BOOST_TEST(!parse_grouped_u64("12a"));
}

BOOST_AUTO_TEST_CASE(overflow_is_rejected_not_wrapped) {
  BOOST_TEST(parse_grouped_u64("18446744073709551615").value() == UINT64_MAX);
  BOOST_TEST(!parse_grouped_u64("18446744073709551616"));
  BOOST_TEST(!parse_grouped_u64("99999999999999999999999"));
}

// The byte-by-byte definition the (faster) parser must agree with on every input.
std::optional<std::uint64_t> reference_grouped(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  bool previous_was_digit = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
      if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
      value = value * 10 + digit;
      previous_was_digit = true;
    } else if ((c == ',' || c == '_') && previous_was_digit) {
      previous_was_digit = false;
    } else {
      return std::nullopt;
    }
  }
  if (!previous_was_digit) return std::nullopt;
  return value;
}

BOOST_AUTO_TEST_CASE(agrees_with_the_byte_by_byte_definition) {
  std::uint32_t state = 99;  // fixed seed: the same texts on every run
  const std::string alphabet = "0123456789012345678,,_ -a9";
  for (int round = 0; round < 50000; ++round) {
    state = state * 1664525u + 1013904223u;
    const std::size_t length = (state >> 8) % 26;
    std::string text;
    for (std::size_t i = 0; i < length; ++i) {
      state = state * 1664525u + 1013904223u;
      text += alphabet[(state >> 16) % alphabet.size()];
    }
    const std::optional<std::uint64_t> got = parse_grouped_u64(text);
    const std::optional<std::uint64_t> expected = reference_grouped(text);
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(got.has_value() == expected.has_value());
      if (got && expected) BOOST_TEST(*got == *expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(percentages) {
  BOOST_TEST(parse_percent("23.55%").value() == 23.55);
  BOOST_TEST(!parse_percent("nan"));
  BOOST_TEST(!parse_percent("inf%"));
  BOOST_TEST(!parse_percent("%"));
}

BOOST_AUTO_TEST_SUITE_END()
