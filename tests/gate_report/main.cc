#define BOOST_TEST_MODULE zkgate gate report
#include <boost/test/unit_test.hpp>
