#include <boost/test/unit_test.hpp>

#include "gate/run/output_locator.h"
#include "scratch_repo.h"

namespace fs = std::filesystem;
using zkgate::gate::run::expand_output_pattern;
using zkgate::gate::run::locate_profile_output;
using zkgate::gate::run::LocatedOutput;

BOOST_AUTO_TEST_SUITE(output_locator)

BOOST_AUTO_TEST_CASE(expands_only_the_zkgate_variables) {
  BOOST_TEST(expand_output_pattern("$ZKGATE_OUT/a.txt", "/t", "/o") == "/o/a.txt");
  BOOST_TEST(expand_output_pattern("${ZKGATE_OUT}/a-${ZKGATE_TREE}", "/t", "/o") == "/o/a-/t");
  BOOST_TEST(expand_output_pattern("$ZKGATE_TREE/$HOME/x", "/t", "/o") == "/t/$HOME/x");
}

BOOST_FIXTURE_TEST_CASE(stdout_relative_glob_and_errors, zkgate::test::TempDir) {
  const fs::path tree = path / "tree";
  const fs::path out = path / "out";
  zkgate::test::write_text(tree / "profiles/zisk/stats_1.txt", "x");
  zkgate::test::write_text(out / "callgrind.out", "y");

  BOOST_TEST(locate_profile_output("stdout", tree, out, path / "log").file.value() == path / "log");
  BOOST_TEST(locate_profile_output("profiles/zisk/stats_*.txt", tree, out, {}).file.value() ==
             tree / "profiles/zisk/stats_1.txt");
  BOOST_TEST(locate_profile_output("$ZKGATE_OUT/callgrind.*", tree, out, {}).file.value() == out / "callgrind.out");

  const LocatedOutput none = locate_profile_output("profiles/*.json", tree, out, {});
  BOOST_TEST(!none.file.has_value());
  BOOST_TEST(none.error.find("wrote no file matching") != std::string::npos);

  zkgate::test::write_text(tree / "profiles/zisk/stats_2.txt", "x");
  const LocatedOutput two = locate_profile_output("profiles/zisk/stats_*.txt", tree, out, {});
  BOOST_TEST(!two.file.has_value());
  BOOST_TEST(two.error.find("2 files match") == 0u, two.error);

  const LocatedOutput folder = locate_profile_output("profiles", tree, out, {});
  BOOST_TEST(folder.error.find("not a regular file") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
