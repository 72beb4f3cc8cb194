#define BOOST_TEST_MODULE zkgate gate run
#include <boost/test/unit_test.hpp>
