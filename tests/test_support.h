#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <boost/test/unit_test.hpp>

// Paths and decorators every suite shares.
namespace zkgate::test {

// ctest sets these variables (tests/CMakeLists.txt); run a test binary by hand with
// `ctest -R <suite> -V` or export them yourself.
inline std::filesystem::path path_from_environment(const char* variable) {
  const char* value = std::getenv(variable);
  if (value == nullptr || *value == '\0') {
    throw std::runtime_error(std::string(variable) + " is not set: run the tests through ctest");
  }
  return std::filesystem::path(value);
}

inline std::filesystem::path shared_dir() { return path_from_environment("ZKGATE_SHARED_DIR"); }
inline std::filesystem::path corpus_dir() { return shared_dir() / "corpus"; }
inline std::filesystem::path fixtures_dir() { return path_from_environment("ZKGATE_TESTS_DIR") / "fixtures"; }
inline std::filesystem::path source_dir() { return path_from_environment("ZKGATE_SOURCE_DIR"); }
inline std::filesystem::path binary_dir() { return path_from_environment("ZKGATE_BINARY_DIR"); }

// Precondition for tests over ../shared/corpus: where it is absent the test is reported
// as skipped with this reason, never as passed.
struct CorpusAvailable {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    boost::test_tools::assertion_result result(std::filesystem::is_directory(corpus_dir()));
    if (!result) {
      result.message() << "skipped: real-data corpus not found at " << corpus_dir().string()
                       << " (it sits beside the project root as ../shared/corpus)";
    }
    return result;
  }
};

inline auto needs_corpus() { return boost::unit_test::precondition(CorpusAvailable{}); }

// A fresh, empty temporary folder removed at scope exit (BOOST_FIXTURE_TEST_CASE fixture).
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path;
};

inline TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "zkgate-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path = pattern;
}

inline TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

}  // namespace zkgate::test
