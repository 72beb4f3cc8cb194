#define BOOST_TEST_MODULE zkgate gate suite
#include <boost/test/unit_test.hpp>
