#include "run_gate.h"

#include <fstream>

#include <nlohmann/json.hpp>

using zkgate::test::quoted;
using zkgate::test::run_gate;
namespace fs = std::filesystem;

namespace {

fs::path zisk_profile() { return zkgate::test::corpus_dir() / "profiles" / "zisk" / "ethrex-05_avoid_nodetype_clone.txt"; }

// A scratch repository: "base" holds a.rs and b.rs; the head commit edits a.rs, renames
// b.rs to c.rs and adds new.rs, with a subject and a body.
void make_repository(const fs::path& repo) {
  const std::string git = "git -C " + quoted(repo) + " -c user.name=t -c user.email=t@example.com ";
  fs::create_directories(repo);
  std::ofstream(repo / "a.rs") << "fn a() {}\n";
  std::ofstream(repo / "b.rs") << "fn b() { /* a longer body so the rename is detected */ }\n";
  std::string script = "git init -q " + quoted(repo) + " && " + git + "add -A && " + git + "commit -qm base && " + git +
                       "mv b.rs c.rs && echo '// edited' >> " + quoted(repo / "a.rs") + " && echo 'fn n() {}' > " +
                       quoted(repo / "new.rs") + " && " + git + "add -A && " + git +
                       "commit -qm 'Avoid NodeType clone' -m 'memcpy was 19.7% of cost.'";
  BOOST_REQUIRE(std::system(script.c_str()) == 0);
}

boost::test_tools::assertion_result git_available(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result result(std::system("command -v git >/dev/null 2>&1") == 0);
  if (!result) result.message() << "skipped: git is not installed";
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gate_optimization_report)

BOOST_AUTO_TEST_CASE(change_files_results_advice_and_next_steps,
                     *zkgate::test::needs_corpus() * boost::unit_test::precondition(git_available)) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  make_repository(path / "repo");
  const zkgate::test::GateRun run =
      run_gate("compare " + quoted(zisk_profile()) + " " + quoted(zisk_profile()) +
                   " --report optimization --base-rev HEAD~1 --head-rev HEAD --repo " + quoted(path / "repo") +
                   " --markdown " + quoted(path / "it.md") + " --json " + quoted(path / "it.json"),
               path);
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(run.out.rfind("gate: no regression", 0) == 0u, run.out);  // the text report stays gate's
  const std::string markdown = zkgate::util::read_file(path / "it.md");
  BOOST_TEST(markdown.find("## Avoid NodeType clone\n") != std::string::npos, markdown);
  BOOST_TEST(markdown.find("memcpy was 19.7% of cost.") != std::string::npos, markdown);
  BOOST_TEST(markdown.find("- M a.rs\n") != std::string::npos, markdown);
  BOOST_TEST(markdown.find("- R c.rs (from b.rs)\n") != std::string::npos, markdown);
  BOOST_TEST(markdown.find("- A new.rs\n") != std::string::npos, markdown);
  BOOST_TEST(markdown.find("| total steps | 498,004,423 | 498,004,423 | 0 (0.00%) |") != std::string::npos, markdown);
  BOOST_TEST(markdown.find("| ZisK total cost | 57,038,392,183 | 57,038,392,183 |") != std::string::npos, markdown);
  // main and the guest's entry point hold ~100% inclusive: never "the top function".
  BOOST_TEST(markdown.find("zkvm\\_zisk\\_program::main (") == std::string::npos, markdown);
  BOOST_TEST(markdown.find("### Next steps\n\n1. memcpy/memmove/memset take a large share of cost: Look for excessive cloning") !=
                 std::string::npos,
             markdown);

  const nlohmann::json json = nlohmann::json::parse(zkgate::util::read_file(path / "it.json"));
  BOOST_TEST(json.at("schema").get<std::string>() == "zkgate-optimization");
  BOOST_TEST(json.at("title").get<std::string>() == "Avoid NodeType clone");
  BOOST_TEST(json.at("title_source").get<std::string>().rfind("head commit ", 0) == 0u);
  BOOST_TEST(json.at("files").size() == 3u);
  BOOST_TEST(json.at("head").at("top_function").get<std::string>() == "guest_program::execution::execution_program");
  BOOST_TEST(json.at("next_steps").at(0).at("rule_id").get<std::string>() == "memory-copy");

  // --title wins over the commit subject.
  const zkgate::test::GateRun titled =
      run_gate("compare " + quoted(zisk_profile()) + " " + quoted(zisk_profile()) +
                   " --report optimization --base-rev HEAD~1 --head-rev HEAD --repo " + quoted(path / "repo") +
                   " --title 'Borrow the node' --quiet --markdown -",
               path);
  BOOST_TEST(titled.out.find("## Borrow the node\n\n<sub>change from --title</sub>") != std::string::npos, titled.out);
}

BOOST_AUTO_TEST_CASE(without_revisions_the_files_are_said_unknown, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const fs::path before = zkgate::test::risc0_profile_path("before");
  const fs::path after = zkgate::test::risc0_profile_path("after");
  const zkgate::test::GateRun run = run_gate("compare " + quoted(before) + " " + quoted(after) +
                                                 " --report optimization --markdown - --record faster --journal " +
                                                 quoted(path / "journal"),
                                             path);
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(run.out.find("Not known: pass --base-rev and --head-rev") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("| total cycles | 3,051,367,508 | 2,552,318,509 | -499,048,999 (-16.35%) |") !=
                 std::string::npos,
             run.out);
  // The recorded report is the one written.
  std::vector<fs::path> folders;
  for (const fs::directory_entry& entry : fs::directory_iterator(path / "journal")) folders.push_back(entry.path());
  BOOST_REQUIRE(folders.size() == 1u);
  BOOST_TEST(zkgate::util::read_file(folders[0] / "report.md") == run.out);
}

BOOST_AUTO_TEST_CASE(bad_revisions_and_suites_are_exit_2, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const std::string pair = quoted(zkgate::test::risc0_profile_path("before")) + " " + quoted(zkgate::test::risc0_profile_path("after"));
  const zkgate::test::GateRun no_repo = run_gate(
      "compare " + pair + " --report optimization --base-rev a --head-rev b --repo " + quoted(path) + " --markdown " +
          quoted(path / "x.md"),
      path);
  BOOST_TEST(no_repo.exit_code == 2);
  BOOST_TEST(no_repo.err.find("cannot open a git repository") != std::string::npos, no_repo.err);
  BOOST_TEST(!fs::exists(path / "x.md"));
  const zkgate::test::GateRun half = run_gate("compare " + pair + " --base-rev a", path);
  BOOST_TEST(half.exit_code == 2);
  BOOST_TEST(half.err.find("--head-rev") != std::string::npos, half.err);
}

BOOST_AUTO_TEST_SUITE_END()
