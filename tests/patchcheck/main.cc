#define BOOST_TEST_MODULE zkgate patchcheck
#include <boost/test/unit_test.hpp>
