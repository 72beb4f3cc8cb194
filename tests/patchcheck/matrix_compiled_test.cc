// The embedded default is the compiled form of patchcheck/crypto-matrix.yml: it must say
// exactly what the YAML says, including the YAML lines findings point at.
#include <boost/test/unit_test.hpp>

#include "patchcheck/matrix.h"
#include "test_support.h"
#include "util/file_io.h"

using zkgate::patchcheck::CryptoMatrix;

BOOST_AUTO_TEST_SUITE(compiled_matrix)

BOOST_AUTO_TEST_CASE(embedded_default_equals_the_yaml_source) {
  const std::string yaml = zkgate::util::read_file(zkgate::test::source_dir() / "patchcheck/crypto-matrix.yml");
  const CryptoMatrix from_yaml = CryptoMatrix::parse(yaml, "crypto-matrix.yml");
  const CryptoMatrix embedded = CryptoMatrix::load_default();
  BOOST_TEST(embedded.to_json() == from_yaml.to_json());
  BOOST_TEST(embedded.find_operation("keccak256")->cell("risc0")->where.line ==
             from_yaml.find_operation("keccak256")->cell("risc0")->where.line);
  BOOST_TEST(embedded.find_zkvm("zisk")->tag_grammars.size() == 1u);
  BOOST_TEST(std::regex_match(std::string("patch-2.0.2-zisk-0.15.0"), embedded.find_zkvm("zisk")->tag_grammars.front().regex));
}

BOOST_AUTO_TEST_CASE(damaged_compiled_text_is_an_input_error) {
  BOOST_CHECK_THROW(CryptoMatrix::from_json("{\"schema_version\": 1}", "x"), zkgate::util::InputError);
  BOOST_CHECK_THROW(CryptoMatrix::from_json("not json", "x"), zkgate::util::InputError);
}

BOOST_AUTO_TEST_SUITE_END()
