#include "run_gate.h"

#include <fstream>

#include <nlohmann/json.hpp>

using zkgate::test::quoted;
using zkgate::test::risc0_profile_path;
using zkgate::test::run_gate;
namespace fs = std::filesystem;

namespace {

fs::path zisk_profile() { return zkgate::test::corpus_dir() / "profiles" / "zisk" / "ethrex-05_avoid_nodetype_clone.txt"; }

// The comparison part of a report JSON: the labels name the files compared, which differ
// by construction between the two runs.
nlohmann::json comparison_of(const fs::path& report_json) {
  nlohmann::json report = nlohmann::json::parse(zkgate::util::read_file(report_json));
  report.erase("base_label");
  report.erase("head_label");
  return report;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gate_show_command)

// `gate show --json` is the drop-in for ethrex's to-json.sh: comparing the JSON of two
// profiles must judge exactly like comparing the profiles.
BOOST_AUTO_TEST_CASE(show_json_round_trips_through_compare, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const fs::path before = risc0_profile_path("before");
  const fs::path after = risc0_profile_path("after");
  BOOST_REQUIRE(run_gate("show " + quoted(before) + " --quiet --json " + quoted(path / "before.json"), path).exit_code == 0);
  const zkgate::test::GateRun shown = run_gate("show " + quoted(after) + " --json -", path);
  BOOST_REQUIRE(shown.exit_code == 0);
  std::ofstream(path / "after.json") << shown.out;
  const nlohmann::json document = nlohmann::json::parse(shown.out);
  BOOST_TEST(document.at("schema").get<std::string>() == "zkgate-profile/1");
  BOOST_TEST(document.at("advice").at("results").is_array());

  BOOST_TEST(run_gate("compare " + quoted(before) + " " + quoted(after) + " --name block --quiet --json " +
                          quoted(path / "direct.json"), path).exit_code == 0);
  BOOST_TEST(run_gate("compare " + quoted(path / "before.json") + " " + quoted(path / "after.json") +
                          " --name block --quiet --json " + quoted(path / "via-show.json"), path).exit_code == 0);
  BOOST_TEST(comparison_of(path / "direct.json") == comparison_of(path / "via-show.json"));

  // Swapped, so the regression path (failing verdict, exit 1) round-trips too.
  const zkgate::test::GateRun direct = run_gate("compare " + quoted(after) + " " + quoted(before) + " --name block --quiet --json " + quoted(path / "direct-r.json"), path);
  const zkgate::test::GateRun via = run_gate("compare " + quoted(path / "after.json") + " " + quoted(path / "before.json") + " --name block --quiet --json " + quoted(path / "via-r.json"), path);
  BOOST_TEST(direct.exit_code == 1);
  BOOST_TEST(via.exit_code == 1);
  BOOST_TEST(comparison_of(path / "direct-r.json") == comparison_of(path / "via-r.json"));
}

BOOST_AUTO_TEST_CASE(zisk_profile_json_round_trips_exactly, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  BOOST_REQUIRE(run_gate("show " + quoted(zisk_profile()) + " -q --json " + quoted(path / "a.json"), path).exit_code == 0);
  // Shown again from its own JSON: the profile part is identical.
  BOOST_REQUIRE(run_gate("show " + quoted(path / "a.json") + " -q --json " + quoted(path / "b.json"), path).exit_code == 0);
  nlohmann::json a = nlohmann::json::parse(zkgate::util::read_file(path / "a.json"));
  nlohmann::json b = nlohmann::json::parse(zkgate::util::read_file(path / "b.json"));
  BOOST_TEST(a.at("format").get<std::string>() == "ziskemu");
  BOOST_TEST(b.at("format").get<std::string>() == "ziskemu");
  BOOST_TEST(a == b);
}

BOOST_AUTO_TEST_CASE(text_and_markdown_carry_the_advice, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const zkgate::test::GateRun run = run_gate("show " + quoted(zisk_profile()) + " --markdown " + quoted(path / "p.md"), path);
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.out.find("498,004,423 steps") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("OP keccak 82,057") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("advice [memory-copy]") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("crypto-native") == std::string::npos, run.out);
  const std::string markdown = zkgate::util::read_file(path / "p.md");
  BOOST_TEST(markdown.find("### What to look at next") != std::string::npos);
  BOOST_TEST(markdown.find("(`memory-copy`)") != std::string::npos, markdown);
}

BOOST_AUTO_TEST_CASE(list_rules_follows_the_rules_file) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const zkgate::test::GateRun defaults = run_gate("show --list-rules", path);
  BOOST_TEST(defaults.exit_code == 0);
  BOOST_TEST(defaults.out.find("crypto-native") != std::string::npos, defaults.out);
  BOOST_TEST(defaults.out.find("memory-alloc") != std::string::npos, defaults.out);
  std::ofstream(path / "team.yml") << "extends: default\ndisable: [memory-alloc]\n";
  const zkgate::test::GateRun team = run_gate("show --list-rules --rules " + quoted(path / "team.yml"), path);
  BOOST_TEST(team.exit_code == 0);
  BOOST_TEST(team.out.find("memory-alloc               disabled") != std::string::npos, team.out);
  std::ofstream(path / "bad.yml") << "extends: default\ndisable: [no-such-rule]\n";
  const zkgate::test::GateRun bad = run_gate("show --list-rules --rules " + quoted(path / "bad.yml"), path);
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.err.find("no-such-rule") != std::string::npos, bad.err);
  const zkgate::test::GateRun yaml = run_gate("show --default-rules", path);
  BOOST_TEST(yaml.exit_code == 0);
  BOOST_TEST(yaml.out.find("schema_version: 1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_or_broken_input_is_exit_2) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const zkgate::test::GateRun no_file = run_gate("show", path);
  BOOST_TEST(no_file.exit_code == 2);
  BOOST_TEST(no_file.err.find("FILE is required") != std::string::npos, no_file.err);
  std::ofstream(path / "cut.json") << "{\"schema\": \"zkgate-profile/1\", \"format\":";
  const zkgate::test::GateRun cut = run_gate("show " + quoted(path / "cut.json") + " --json " + quoted(path / "out.json"), path);
  BOOST_TEST(cut.exit_code == 2);
  BOOST_TEST(cut.err.rfind("gate: error: ", 0) == 0u, cut.err);
  BOOST_TEST(!fs::exists(path / "out.json"));
}

BOOST_AUTO_TEST_SUITE_END()
