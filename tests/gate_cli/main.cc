#define BOOST_TEST_MODULE zkgate gate cli
#include <boost/test/unit_test.hpp>
