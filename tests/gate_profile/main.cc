#define BOOST_TEST_MODULE zkgate gate profile
#include <boost/test/unit_test.hpp>
