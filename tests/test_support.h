#pragma once

#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>

// Paths and decorators every suite shares.
namespace zkgate::test {

inline std::filesystem::path shared_dir() { return std::filesystem::path(ZKGATE_SHARED_DIR); }
inline std::filesystem::path corpus_dir() { return shared_dir() / "corpus"; }
inline std::filesystem::path fixtures_dir() { return std::filesystem::path(ZKGATE_TESTS_DIR) / "fixtures"; }
inline std::filesystem::path source_dir() { return std::filesystem::path(ZKGATE_SOURCE_DIR); }
inline std::filesystem::path binary_dir() { return std::filesystem::path(ZKGATE_BINARY_DIR); }

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
