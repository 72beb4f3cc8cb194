#define BOOST_TEST_MODULE zkgate github
#include <boost/test/unit_test.hpp>
