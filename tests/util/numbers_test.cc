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

BOOST_AUTO_TEST_CASE(percentages) {
  BOOST_TEST(parse_percent("23.55%").value() == 23.55);
  BOOST_TEST(!parse_percent("nan"));
  BOOST_TEST(!parse_percent("inf%"));
  BOOST_TEST(!parse_percent("%"));
}

BOOST_AUTO_TEST_SUITE_END()
