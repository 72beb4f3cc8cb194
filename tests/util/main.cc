#define BOOST_TEST_MODULE zkgate util
#include <boost/test/unit_test.hpp>
