#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>

#include "audit_helpers.h"
#include "patchcheck/matrix.h"
#include "test_support.h"
#include "util/input_error.h"

using zkgate::patchcheck::CryptoMatrix;
using zkgate::patchcheck::Expectation;
using zkgate::patchcheck::Operation;
using zkgate::patchcheck::SdkVersionRule;
using zkgate::patchcheck::ZkvmCell;
using zkgate::util::InputError;

namespace {

std::string fixture(const std::string& name) { return (zkgate::test::fixtures_dir() / "patchcheck/matrix" / name).string(); }

// The error a broken matrix file raises (fails the test when none is raised).
InputError load_error(const std::string& name) {
  try {
    CryptoMatrix::load_file(fixture(name));
  } catch (const InputError& error) {
    return error;
  }
  BOOST_FAIL("loading " << name << " did not fail");
  throw std::logic_error("unreachable");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_matrix)

BOOST_AUTO_TEST_CASE(default_matrix_covers_five_zkvms_and_the_evm_crypto_operations) {
  const CryptoMatrix& matrix = zkgate::patchcheck::test::default_matrix();
  BOOST_TEST(matrix.schema_version() == 1);
  for (const char* zkvm : {"zisk", "sp1", "risc0", "openvm", "pico"}) BOOST_TEST(matrix.find_zkvm(zkvm) != nullptr, zkvm);
  for (const char* id : {"ecrecover", "keccak256", "sha256", "bn254_add", "bn254_mul", "bn254_pairing", "bls12_381",
                         "kzg_point_evaluation", "p256verify", "modexp"}) {
    const Operation* operation = matrix.find_operation(id);
    BOOST_TEST_REQUIRE(operation != nullptr, id);
    BOOST_TEST(operation->cells.size() == matrix.zkvms().size());
    BOOST_TEST(!operation->native_fallback_symbols.empty(), id);
  }
}

BOOST_AUTO_TEST_CASE(cells_carry_what_the_gate_needs) {
  const CryptoMatrix& matrix = zkgate::patchcheck::test::default_matrix();
  const Operation* keccak = matrix.find_operation("keccak256");
  BOOST_TEST_REQUIRE(keccak != nullptr);
  BOOST_TEST(keccak->hot_even_when_patched.front() == "<tiny_keccak::keccak::Keccak as tiny_keccak::Hasher>::update");
  const ZkvmCell* zisk = keccak->cell("zisk");
  BOOST_TEST_REQUIRE(zisk != nullptr);
  BOOST_TEST((zisk->expected == Expectation::kPatchRequired));
  BOOST_TEST(zisk->crate == "tiny-keccak");
  BOOST_TEST(zisk->repo == "https://github.com/0xPolygonHermez/zisk-patch-tiny-keccak");
  BOOST_TEST(zisk->precompile_opcodes.front() == "keccak");
  BOOST_TEST(zisk->precompile_symbols.front() == "syscall_keccak_f");
  const ZkvmCell* risc0 = keccak->cell("risc0");
  BOOST_TEST_REQUIRE(risc0 != nullptr);
  BOOST_TEST((risc0->expected == Expectation::kException));
  BOOST_TEST(!risc0->reason.empty());
  BOOST_TEST(risc0->where.line > 0u);
  BOOST_TEST(keccak->cell("jolt") == nullptr);
  const ZkvmCell* sp1_bls = matrix.find_operation("bls12_381")->cell("sp1");
  BOOST_TEST(sp1_bls->patch_table == "https://github.com/lambdaclass/bls12_381");
}

BOOST_AUTO_TEST_CASE(zkvm_rules_match_the_corpus_facts) {
  const CryptoMatrix& matrix = zkgate::patchcheck::test::default_matrix();
  const auto* zisk = matrix.find_zkvm("zisk");
  BOOST_TEST((zisk->sdk_version_rule.compare == SdkVersionRule::Compare::kMajorMinor));
  const auto* sp1 = matrix.find_zkvm("sp1");
  BOOST_TEST((sp1->sdk_version_rule.compare == SdkVersionRule::Compare::kMajor));
  BOOST_TEST(sp1->sdk_version_rule.allow_older_majors == 1);
  BOOST_TEST(sp1->trusted_orgs.front() == "github.com/sp1-patches");
  BOOST_TEST(matrix.is_crypto_crate("k256"));
  BOOST_TEST(!matrix.is_crypto_crate("p3-field"));
  const std::vector<std::string> repos = matrix.known_repos("sp1");
  BOOST_TEST((std::find(repos.begin(), repos.end(), "https://github.com/lambdaclass/bls12_381-patch") != repos.end()));
}

BOOST_AUTO_TEST_CASE(symbol_regexes_compile_and_match_real_symbols) {
  const CryptoMatrix& matrix = zkgate::patchcheck::test::default_matrix();
  const Operation* ecrecover = matrix.find_operation("ecrecover");
  const std::regex native(ecrecover->native_fallback_symbols.front());
  BOOST_TEST(std::regex_search("k256::arithmetic::mul::lincomb", native));
  const std::regex risc0(ecrecover->cell("risc0")->precompile_symbols.front());
  BOOST_TEST(std::regex_search("sys_bigint2_3", risc0));
}

BOOST_AUTO_TEST_CASE(invalid_yaml_reports_file_line_and_column) {
  const InputError error = load_error("bad-syntax.yml");
  BOOST_TEST(error.where().file == fixture("bad-syntax.yml"));
  BOOST_TEST(error.where().line == 5u);  // where the unclosed [ is noticed
  BOOST_TEST(error.where().column > 0u);
}

BOOST_AUTO_TEST_CASE(semantic_errors_point_at_the_offending_line) {
  struct Case {
    const char* file;
    std::size_t line;
    const char* words;
  };
  const Case cases[] = {
      {"unknown-expected.yml", 19, "unknown expected status"},
      {"missing-cell.yml", 18, "no cell for zkVM 'sp1'"},
      {"bad-regex.yml", 16, "not a valid regex"},
      {"example-mismatch.yml", 9, "does not match the tag regex"},
      {"unknown-key.yml", 19, "unknown key 'expcted'"},
      {"exception-without-reason.yml", 19, "missing required key 'reason'"},
      {"wrong-schema.yml", 1, "unsupported schema_version"},
  };
  for (const Case& item : cases) {
    BOOST_TEST_CONTEXT(item.file) {
      const InputError error = load_error(item.file);
      BOOST_TEST(error.where().line == item.line);
      BOOST_TEST(error.message().find(item.words) != std::string::npos, error.message());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_missing_matrix_file_is_an_input_error) {
  BOOST_CHECK_THROW(CryptoMatrix::load_file(fixture("does-not-exist.yml")), InputError);
}

BOOST_AUTO_TEST_SUITE_END()
