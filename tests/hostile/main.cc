#define BOOST_TEST_MODULE zkgate hostile inputs
#include <boost/test/unit_test.hpp>
