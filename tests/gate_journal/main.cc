#define BOOST_TEST_MODULE zkgate gate journal
#include <boost/test/unit_test.hpp>
