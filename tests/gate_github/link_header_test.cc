#include <boost/test/unit_test.hpp>

#include "gate/github/link_header.h"

using zkgate::github::next_page_url;
using zkgate::github::same_origin;

BOOST_AUTO_TEST_SUITE(link_header)

BOOST_AUTO_TEST_CASE(finds_next_among_several_links) {
  const std::string header =
      "<https://api.github.com/repositories/1/issues/2/comments?per_page=100&page=1>; rel=\"prev\", "
      "<https://api.github.com/repositories/1/issues/2/comments?per_page=100&page=3>; rel=\"next\", "
      "<https://api.github.com/repositories/1/issues/2/comments?per_page=100&page=5>; rel=\"last\"";
  BOOST_TEST(next_page_url(header).value() == "https://api.github.com/repositories/1/issues/2/comments?per_page=100&page=3");
}

BOOST_AUTO_TEST_CASE(next_as_last_entry_and_rel_lists) {
  BOOST_TEST(next_page_url("<http://a/x?page=1>; rel=\"first\", <http://a/x?page=2>; rel=\"next\"").value() ==
             "http://a/x?page=2");
  BOOST_TEST(next_page_url("<http://a/x?page=2>; title=\"t\"; rel=\"prefetch next\"").value() == "http://a/x?page=2");
  BOOST_TEST(next_page_url("<http://a/x?page=2>;rel=next").value() == "http://a/x?page=2");
}

BOOST_AUTO_TEST_CASE(no_next_on_the_last_page) {
  BOOST_TEST(!next_page_url(""));
  BOOST_TEST(!next_page_url("<http://a/x?page=1>; rel=\"first\", <http://a/x?page=1>; rel=\"prev\""));
  BOOST_TEST(!next_page_url("<http://a/x?page=2>; rel=\"nextish\""));
  BOOST_TEST(!next_page_url("<http://a/x?page=2; rel=\"next\""));
}

BOOST_AUTO_TEST_CASE(origin_compares_scheme_host_and_port) {
  BOOST_TEST(same_origin("https://api.github.com/repos/a/b", "https://api.github.com"));
  BOOST_TEST(same_origin("https://api.github.com:443/x", "https://api.github.com/y"));
  BOOST_TEST(same_origin("http://127.0.0.1:8080/api/v3/x", "http://127.0.0.1:8080/api/v3"));
  BOOST_TEST(!same_origin("http://127.0.0.1:8081/x", "http://127.0.0.1:8080"));
  BOOST_TEST(!same_origin("https://evil.example/repos", "https://api.github.com"));
  BOOST_TEST(!same_origin("http://api.github.com/x", "https://api.github.com"));
  BOOST_TEST(!same_origin("not a url", "not a url"));
}

BOOST_AUTO_TEST_SUITE_END()
