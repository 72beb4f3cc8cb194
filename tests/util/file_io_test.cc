#include <boost/test/unit_test.hpp>

#include <fstream>

#include "test_support.h"
#include "util/file_io.h"
#include "util/input_error.h"

using zkgate::test::TempDir;
namespace util = zkgate::util;

BOOST_AUTO_TEST_SUITE(file_io)

BOOST_FIXTURE_TEST_CASE(atomic_write_replaces_whole_file, TempDir) {
  const auto file = path / "out.txt";
  util::atomic_write_file(file, "first");
  util::atomic_write_file(file, "second, longer");
  BOOST_TEST(util::read_file(file) == "second, longer");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(path)) ++entries;
  BOOST_TEST(entries == 1);  // no temporary file left behind
}

BOOST_FIXTURE_TEST_CASE(missing_and_oversized_files_are_errors, TempDir) {
  BOOST_CHECK_THROW(util::read_file(path / "absent"), util::InputError);
  BOOST_CHECK_THROW(util::read_file(path), util::InputError);
  util::atomic_write_file(path / "big", std::string(100, 'x'));
  BOOST_CHECK_THROW(util::read_file(path / "big", 10), util::InputError);
}

BOOST_FIXTURE_TEST_CASE(write_into_missing_folder_fails_loudly, TempDir) {
  BOOST_CHECK_THROW(util::atomic_write_file(path / "no" / "such" / "f", "x"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(error_location_formats) {
  const util::InputError e({"Cargo.toml", 12, 3}, "expected a table", "fix it");
  BOOST_TEST(e.describe() == "Cargo.toml:12:3: expected a table\n  hint: fix it");
}

BOOST_AUTO_TEST_SUITE_END()
