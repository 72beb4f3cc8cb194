#define BOOST_TEST_MODULE zkgate gate compare
#include <boost/test/unit_test.hpp>
