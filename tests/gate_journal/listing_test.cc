#include <boost/test/unit_test.hpp>

#include "gate/journal/listing.h"
#include "journal_fixture.h"

namespace journal = zkgate::gate::journal;
using zkgate::test::JournalFixture;
using boost::test_tools::tolerance;

BOOST_AUTO_TEST_SUITE(journal_listing)

// Three recorded iterations: 1000 -> 900 -> 850 -> 846 steps.
BOOST_FIXTURE_TEST_CASE(three_iterations_give_previous_and_cumulative_deltas, JournalFixture) {
  journal::record_iteration(journal, input("avoid clone", 1000, 900), at_minute(0));
  journal::record_iteration(journal, input("cache decoded nodes", 900, 850), at_minute(1));
  journal::record_iteration(journal, input("inline hash", 850, 846), at_minute(2));
  const journal::Listing listing = journal::build_listing(journal::read_journal(journal));
  BOOST_REQUIRE(listing.rows.size() == 3u);

  BOOST_TEST(listing.rows[0].name == "avoid clone");
  BOOST_TEST(*listing.rows[0].delta_previous == -100);  // vs its own base
  BOOST_TEST(*listing.rows[0].delta_previous_percent == -10.0, tolerance(1e-9));
  BOOST_TEST(*listing.rows[0].delta_cumulative == -100);

  BOOST_TEST(listing.rows[1].steps == 850u);
  BOOST_TEST(*listing.rows[1].delta_previous == -50);
  BOOST_TEST(*listing.rows[1].delta_previous_percent == -50.0 / 9.0, tolerance(1e-9));
  BOOST_TEST(*listing.rows[1].delta_cumulative == -150);
  BOOST_TEST(*listing.rows[1].delta_cumulative_percent == -15.0, tolerance(1e-9));

  BOOST_TEST(*listing.rows[2].delta_previous == -4);
  BOOST_TEST(*listing.rows[2].delta_cumulative == -154);
  BOOST_TEST(*listing.rows[2].delta_cumulative_percent == -15.4, tolerance(1e-9));
  BOOST_TEST(listing.rows[2].improvement_percent == 400.0 / 850.0, tolerance(1e-9));
  BOOST_TEST(!listing.diminishing_returns);  // 10% and 5.6% are among the last three

  const std::string text = journal::listing_to_text(listing);
  BOOST_TEST(text.find("-154 (-15.40%)") != std::string::npos, text);
  BOOST_TEST(text.find("-50 (-5.56%)") != std::string::npos, text);
  const nlohmann::json json = journal::listing_to_json(listing);
  BOOST_TEST(json["iterations"][2]["delta_cumulative"].get<std::int64_t>() == -154);
}

BOOST_FIXTURE_TEST_CASE(three_small_kept_gains_in_a_row_are_diminishing_returns, JournalFixture) {
  journal::record_iteration(journal, input("big win", 1000, 800), at_minute(0));
  journal::record_iteration(journal, input("small 1", 800, 795), at_minute(1));    // 0.63%
  journal::record_iteration(journal, input("reverted", 795, 900), at_minute(2));   // regression: not kept
  journal::record_iteration(journal, input("small 2", 795, 790), at_minute(3));    // 0.63%
  BOOST_TEST(!journal::build_listing(journal::read_journal(journal)).diminishing_returns);  // only two small kept
  journal::record_iteration(journal, input("small 3", 790, 785), at_minute(4));    // 0.63%
  const journal::Listing listing = journal::build_listing(journal::read_journal(journal));
  BOOST_TEST(listing.diminishing_returns);
  BOOST_TEST(journal::listing_to_text(listing).find("DIMINISHING RETURNS") != std::string::npos);

  // The threshold and the window are configurable.
  BOOST_TEST(!journal::build_listing(journal::read_journal(journal), {0.5, 3}).diminishing_returns);
  BOOST_TEST(!journal::build_listing(journal::read_journal(journal), {1.0, 4}).diminishing_returns);
}

BOOST_FIXTURE_TEST_CASE(different_units_are_not_compared, JournalFixture) {
  journal::record_iteration(journal, input("zisk", 1000, 900), at_minute(0));
  journal::RecordInput sp1 = input("sp1", 5000, 4000);
  sp1.summary.base.unit = sp1.summary.head.unit = "cycles";
  journal::record_iteration(journal, sp1, at_minute(1));
  const journal::Listing listing = journal::build_listing(journal::read_journal(journal));
  BOOST_TEST(!listing.rows[1].delta_previous.has_value());
  BOOST_TEST(!listing.rows[1].delta_cumulative.has_value());
  BOOST_TEST(journal::listing_to_text(listing).find("n/a (different units)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
