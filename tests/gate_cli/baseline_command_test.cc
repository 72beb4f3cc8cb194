#include "run_gate.h"

using zkgate::test::quoted;
using zkgate::test::risc0_profile_path;
using zkgate::test::run_gate;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(gate_baseline_command)

BOOST_AUTO_TEST_CASE(only_an_improvement_replaces_the_baseline, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const std::string where = " --baseline " + quoted(path / "baseline.profile") + " --journal " + quoted(path / "journal");
  const fs::path before = risc0_profile_path("before");
  const fs::path after = risc0_profile_path("after");

  const zkgate::test::GateRun created = run_gate("baseline set " + quoted(before) + where, path);
  BOOST_TEST(created.exit_code == 0);
  BOOST_TEST(created.out.rfind("baseline created:", 0) == 0u, created.out);
  BOOST_TEST(zkgate::util::read_file(path / "baseline.profile") == zkgate::util::read_file(before));

  const zkgate::test::GateRun replaced = run_gate("baseline set " + quoted(after) + where, path);
  BOOST_TEST(replaced.exit_code == 0);
  BOOST_TEST(replaced.out.find("3,051,367,508 -> 2,552,318,509 cycles (-16.35%)") != std::string::npos, replaced.out);
  BOOST_TEST(zkgate::util::read_file(path / "baseline.profile") == zkgate::util::read_file(after));
  // The replaced baseline is kept in the journal, byte for byte.
  std::vector<fs::path> kept;
  for (const fs::directory_entry& entry : fs::directory_iterator(path / "journal" / "baselines")) kept.push_back(entry.path());
  BOOST_REQUIRE(kept.size() == 1u);
  BOOST_TEST(kept[0].filename().string().find("-3051367508-cycles.profile") != std::string::npos, kept[0].string());
  BOOST_TEST(zkgate::util::read_file(kept[0]) == zkgate::util::read_file(before));

  // A regression never replaces it; nothing is written.
  const zkgate::test::GateRun regression = run_gate("baseline set " + quoted(before) + where, path);
  BOOST_TEST(regression.exit_code == 1);
  BOOST_TEST(regression.out.find("baseline kept") != std::string::npos, regression.out);
  BOOST_TEST(zkgate::util::read_file(path / "baseline.profile") == zkgate::util::read_file(after));
  // The same figure is not better either.
  BOOST_TEST(run_gate("baseline set " + quoted(after) + where, path).exit_code == 1);
  std::size_t archives = 0;
  for ([[maybe_unused]] const fs::directory_entry& entry : fs::directory_iterator(path / "journal" / "baselines")) ++archives;
  BOOST_TEST(archives == 1u);

  // The journal listing ignores the kept baselines.
  const zkgate::test::GateRun listing = run_gate("journal --journal " + quoted(path / "journal"), path);
  BOOST_TEST(listing.exit_code == 0);
  BOOST_TEST(listing.out.find("no recorded iterations") != std::string::npos, listing.out);
}

BOOST_AUTO_TEST_CASE(different_zkvms_and_bad_candidates_are_exit_2, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const std::string where = " --baseline " + quoted(path / "baseline.profile") + " --journal " + quoted(path / "journal");
  BOOST_REQUIRE(run_gate("baseline set " + quoted(risc0_profile_path("before")) + where, path).exit_code == 0);
  const fs::path zisk = zkgate::test::corpus_dir() / "profiles" / "zisk" / "ethrex-05_avoid_nodetype_clone.txt";
  const zkgate::test::GateRun other = run_gate("baseline set " + quoted(zisk) + where, path);
  BOOST_TEST(other.exit_code == 2);
  BOOST_TEST(other.err.find("cannot replace a risc0 baseline in cycles with a zisk profile in steps") != std::string::npos,
             other.err);
  const zkgate::test::GateRun missing = run_gate("baseline set " + quoted(path / "nope.txt") + where, path);
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(zkgate::util::read_file(path / "baseline.profile") == zkgate::util::read_file(risc0_profile_path("before")));
  BOOST_TEST(run_gate("baseline", path).exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
