#define BOOST_TEST_MODULE zkgate gate advice
#include <boost/test/unit_test.hpp>
