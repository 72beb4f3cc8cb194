#include "run_gate.h"

#include <fstream>

using zkgate::test::quoted;
using zkgate::test::risc0_profile_path;
namespace fs = std::filesystem;

namespace {

// The ```make block of the README section for ethrex's zkvm-bench Makefile, as users copy it.
std::string readme_snippet() {
  const std::string readme = zkgate::util::read_file(zkgate::test::source_dir() / "README.md");
  const std::string start = "```make\n# zkgate drop-in for ethrex's scripts/zkvm-bench/Makefile";
  const std::size_t begin = readme.find(start);
  BOOST_REQUIRE_MESSAGE(begin != std::string::npos, "README.md has no zkvm-bench Makefile snippet");
  const std::size_t body = begin + std::string("```make\n").size();
  const std::size_t end = readme.find("```", body);
  BOOST_REQUIRE(end != std::string::npos);
  return readme.substr(body, end - body);
}

int make(const fs::path& folder, const std::string& arguments) {
  const std::string command = "make --no-print-directory -C " + quoted(folder) + " ZKGATE=" + quoted(zkgate::test::gate_binary()) +
                              " " + arguments + " >" + quoted(folder / "make.out") + " 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

boost::test_tools::assertion_result make_available(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result result(std::system("command -v make >/dev/null 2>&1") == 0);
  if (!result) result.message() << "skipped: GNU make is not installed";
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(zkvm_bench_makefile_snippet)

BOOST_AUTO_TEST_CASE(compare_and_to_json_targets_work_as_documented, *zkgate::test::needs_corpus() *
                                                                         boost::unit_test::precondition(make_available)) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  std::ofstream(path / "Makefile") << readme_snippet();
  fs::copy_file(risc0_profile_path("before"), path / "before.log");
  fs::copy_file(risc0_profile_path("after"), path / "after.log");

  BOOST_TEST(make(path, "compare BASELINE=before.log CURRENT=after.log NAME=first") == 0);
  BOOST_TEST(zkgate::util::read_file(path / "make.out").find("-16.35%") != std::string::npos);
  BOOST_TEST(fs::is_directory(path / ".zkgate" / "journal"));
  BOOST_TEST(make(path, "compare BASELINE=after.log CURRENT=before.log") == 2);  // gate exit 1 fails make
  BOOST_TEST(zkgate::util::read_file(path / "make.out").find("Error 1") != std::string::npos,
             zkgate::util::read_file(path / "make.out"));
  BOOST_TEST(make(path, "compare BASELINE=before.log") == 2);
  BOOST_TEST(zkgate::util::read_file(path / "make.out").find("usage: make compare") != std::string::npos);

  BOOST_TEST(make(path, "to-json FILE=before.log") == 0);
  BOOST_TEST(make(path, "to-json FILE=after.log") == 0);
  BOOST_TEST(make(path, "compare BASELINE=before.json CURRENT=after.json") == 0);
  BOOST_TEST(zkgate::util::read_file(path / "make.out").find("3,051,367,508 -> 2,552,318,509") != std::string::npos);
  BOOST_TEST(make(path, "to-json") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
