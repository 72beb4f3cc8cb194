#include "run_gate.h"

#include <fstream>

#include "gate/report/report_json.h"

using zkgate::test::quoted;
using zkgate::test::risc0_profile_path;
using zkgate::test::run_gate;

BOOST_AUTO_TEST_SUITE(gate_compare_command)

BOOST_AUTO_TEST_CASE(risc0_pair_reports_the_improvement, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const std::filesystem::path& path = scratch.path;
  const zkgate::test::GateRun run =
      run_gate("compare " + quoted(risc0_profile_path("before")) + " " + quoted(risc0_profile_path("after")), path);
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.out.rfind("gate: no regression (1 case: 1 improved)", 0) == 0u, run.out);
  BOOST_TEST(run.out.find("3,051,367,508 -> 2,552,318,509") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("-16.35%") != std::string::npos);
  BOOST_TEST(run.err.empty(), run.err);
}

BOOST_AUTO_TEST_CASE(risc0_pair_swapped_fails, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const std::filesystem::path& path = scratch.path;
  const zkgate::test::GateRun run =
      run_gate("compare " + quoted(risc0_profile_path("after")) + " " + quoted(risc0_profile_path("before")) +
                   " --markdown " + quoted(path / "report.md") + " --json " + quoted(path / "report.json"),
               path);
  BOOST_TEST(run.exit_code == 1);
  BOOST_TEST(run.out.find("exceeds the limit +1%") != std::string::npos, run.out);
  const std::string markdown = zkgate::util::read_file(path / "report.md");
  BOOST_TEST(markdown.rfind("<!-- zkgate -->", 0) == 0u);
  BOOST_TEST(markdown.find("+19.55%") != std::string::npos);
  const zkgate::gate::Report report =
      zkgate::gate::report_from_json_text(zkgate::util::read_file(path / "report.json"), "report.json");
  BOOST_TEST(zkgate::gate::exit_code(report.verdict()) == 1);
  BOOST_TEST(report.cases.at(0).name == "ethrex-e8b776a8-risc0-execute-block23350480");
}

BOOST_AUTO_TEST_CASE(policy_decides, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const std::filesystem::path& path = scratch.path;
  std::ofstream(path / "policy.yml") << "thresholds:\n  total: {max_increase_percent: 25}\n";
  const zkgate::test::GateRun run =
      run_gate("compare " + quoted(risc0_profile_path("after")) + " " + quoted(risc0_profile_path("before")) +
                   " --quiet --policy " + quoted(path / "policy.yml"),
               path);
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.out.empty());
}

BOOST_AUTO_TEST_CASE(markdown_and_json_to_stdout, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const std::filesystem::path& path = scratch.path;
  const zkgate::test::GateRun run = run_gate(
      "compare " + quoted(risc0_profile_path("before")) + " " + quoted(risc0_profile_path("after")) + " --json -",
      path);
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(zkgate::gate::report_from_json_text(run.out, "stdout").cases.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(gate_cli_errors)

BOOST_FIXTURE_TEST_CASE(unparseable_profile_cannot_be_judged, zkgate::test::TempDir) {
  std::ofstream(path / "empty.txt") << "";
  std::ofstream(path / "garbage.txt") << "hello\nworld\n";
  const zkgate::test::GateRun run = run_gate("compare " + quoted(path / "empty.txt") + " " +
                                                 quoted(path / "garbage.txt") + " --json " + quoted(path / "r.json"),
                                             path);
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.rfind("gate: error: base: " + (path / "empty.txt").string(), 0) == 0u, run.err);
  BOOST_TEST(run.out.find("could not judge") != std::string::npos);
  const zkgate::gate::Report report =
      zkgate::gate::report_from_json_text(zkgate::util::read_file(path / "r.json"), "r.json");
  BOOST_TEST(zkgate::gate::exit_code(report.verdict()) == 2);
}

BOOST_FIXTURE_TEST_CASE(bad_policy_stops_with_file_and_line, zkgate::test::TempDir) {
  std::ofstream(path / "p.yml") << "thresholds:\n  total:\n    max_increase: 3\n";
  std::ofstream(path / "a.json") << "{}";
  const zkgate::test::GateRun run = run_gate(
      "compare " + quoted(path / "a.json") + " " + quoted(path / "a.json") + " --policy " + quoted(path / "p.yml"),
      path);
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.rfind("gate: error: " + (path / "p.yml").string() + ":3: unknown key 'max_increase'", 0) == 0u,
             run.err);
}

BOOST_FIXTURE_TEST_CASE(usage_errors_and_help, zkgate::test::TempDir) {
  zkgate::test::GateRun run = run_gate("", path);
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.find("usage: gate SUBCOMMAND") != std::string::npos);
  run = run_gate("frobnicate", path);
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.rfind("gate: error: unknown subcommand 'frobnicate'", 0) == 0u);
  run = run_gate("--help", path);
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.out.find("compare") != std::string::npos);
  run = run_gate("compare --help", path);
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.out.find("Examples:") != std::string::npos);
  BOOST_TEST(run.out.find("--template") != std::string::npos);
  run = run_gate("compare only-one.txt", path);
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.rfind("gate: error: ", 0) == 0u);
  run = run_gate("compare a b --format nonsense", path);
  BOOST_TEST(run.exit_code == 2);
  run = run_gate("compare a b --policy x --config y", path);
  BOOST_TEST(run.exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
