#include "run_gate.h"

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

using zkgate::test::quoted;
using zkgate::test::run_gate;
namespace fs = std::filesystem;

namespace {

// A small zkgate profile JSON (what `gate show --json` writes) with `total` steps.
fs::path write_profile(const fs::path& folder, const std::string& name, std::uint64_t total) {
  const nlohmann::json profile = {{"schema", "zkgate-profile/1"}, {"source", name},          {"format", "ziskemu"},
                                  {"zkvm", "zisk"},               {"unit", "steps"},         {"total", total},
                                  {"cost_distribution", nlohmann::json::array()},
                                  {"opcodes_known", false},       {"opcodes", nlohmann::json::array()},
                                  {"functions_known", false},     {"functions_complete", false},
                                  {"functions", nlohmann::json::array()}};
  const fs::path file = folder / (name + ".json");
  std::ofstream(file) << profile.dump(2);
  return file;
}

std::string record(const fs::path& base, const fs::path& head, const std::string& name, const fs::path& journal) {
  return "compare " + quoted(base) + " " + quoted(head) + " --quiet --record " + quoted(fs::path(name)) + " --journal " +
         quoted(journal);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gate_compare_record)

BOOST_AUTO_TEST_CASE(three_iterations_list_with_cumulative_figures) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const fs::path journal = path / "journal";
  const fs::path v0 = write_profile(path, "v0", 1000);
  const fs::path v1 = write_profile(path, "v1", 900);
  const fs::path v2 = write_profile(path, "v2", 850);
  const fs::path v3 = write_profile(path, "v3", 845);
  const zkgate::test::GateRun first = run_gate(record(v0, v1, "Avoid NodeType clone!", journal) + " --title 'clone less'", path);
  BOOST_TEST(first.exit_code == 0);
  BOOST_TEST(first.out.empty(), first.out);
  BOOST_TEST(first.err.find("gate: recorded iteration 'Avoid NodeType clone!' in ") != std::string::npos, first.err);
  BOOST_TEST(run_gate(record(v1, v2, "cache hashes", journal) + " --note 'keccak of cached nodes'", path).exit_code == 0);
  BOOST_TEST(run_gate(record(v2, v3, "inline rlp", journal), path).exit_code == 0);

  const zkgate::test::GateRun listing = run_gate("journal --json --journal " + quoted(journal), path);
  BOOST_REQUIRE(listing.exit_code == 0);
  const nlohmann::json rows = nlohmann::json::parse(listing.out).at("iterations");
  BOOST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(rows[0].at("name").get<std::string>() == "Avoid NodeType clone!");
  BOOST_TEST(rows[0].at("folder").get<std::string>().find("-avoid-nodetype-clone") != std::string::npos);
  BOOST_TEST(rows[0].at("delta_previous").get<std::int64_t>() == -100);
  BOOST_TEST(rows[1].at("delta_previous").get<std::int64_t>() == -50);
  BOOST_TEST(rows[2].at("delta_previous").get<std::int64_t>() == -5);
  BOOST_TEST(rows[0].at("delta_cumulative").get<std::int64_t>() == -100);
  BOOST_TEST(rows[1].at("delta_cumulative").get<std::int64_t>() == -150);
  BOOST_TEST(rows[2].at("delta_cumulative").get<std::int64_t>() == -155);
  BOOST_TEST(rows[2].at("delta_cumulative_percent").get<double>() == -15.5, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(rows[1].at("delta_previous_percent").get<double>() == -50.0 / 9.0, boost::test_tools::tolerance(1e-9));

  // The iteration folder holds both profiles byte for byte, the reports and the summary.
  const fs::path folder = journal / rows[0].at("folder").get<std::string>();
  BOOST_TEST(zkgate::util::read_file(folder / "base.json") == zkgate::util::read_file(v0));
  BOOST_TEST(zkgate::util::read_file(folder / "head.json") == zkgate::util::read_file(v1));
  BOOST_TEST(zkgate::util::read_file(folder / "report.md").rfind("<!-- zkgate -->", 0) == 0u);
  const nlohmann::json summary = nlohmann::json::parse(zkgate::util::read_file(folder / "summary.json"));
  BOOST_TEST(summary.at("title").get<std::string>() == "clone less");
  BOOST_TEST(summary.at("verdict").get<std::string>() == "pass");
  BOOST_TEST(summary.at("kept").get<bool>());

  const zkgate::test::GateRun text = run_gate("journal --journal " + quoted(journal) + " --window 2 --diminishing-below 6", path);
  BOOST_TEST(text.out.find("DIMINISHING RETURNS") != std::string::npos, text.out);
  const zkgate::test::GateRun not_yet = run_gate("journal --journal " + quoted(journal), path);
  BOOST_TEST(not_yet.out.find("DIMINISHING RETURNS") == std::string::npos, not_yet.out);
}

// Eight recordings of the same name at once: eight distinct, complete iterations.
BOOST_AUTO_TEST_CASE(concurrent_records_never_clobber_each_other) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const fs::path journal = path / "journal";
  const fs::path base = write_profile(path, "base", 1000);
  const fs::path head = write_profile(path, "head", 990);
  std::string script;
  for (int i = 0; i < 8; ++i) {
    script += zkgate::test::quoted(zkgate::test::gate_binary()) + " " + record(base, head, "same", journal) + " 2>/dev/null & ";
  }
  script += "wait";
  BOOST_REQUIRE(std::system(script.c_str()) == 0);
  const zkgate::test::GateRun listing = run_gate("journal --json --journal " + quoted(journal), path);
  BOOST_REQUIRE(listing.exit_code == 0);
  const nlohmann::json rows = nlohmann::json::parse(listing.out).at("iterations");
  BOOST_TEST(rows.size() == 8u);
  std::set<std::string> folders;
  for (const nlohmann::json& row : rows) folders.insert(row.at("folder").get<std::string>());
  BOOST_TEST(folders.size() == 8u);
  for (const std::string& folder : folders) {
    BOOST_TEST(zkgate::util::read_file(journal / folder / "head.json") == zkgate::util::read_file(head));
  }
}

BOOST_AUTO_TEST_CASE(keep_if_better_replaces_the_baseline_only_with_an_improvement) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const fs::path baseline = path / "baseline.profile";
  const std::string where = " --quiet --keep-if-better --baseline " + quoted(baseline) + " --journal " + quoted(path / "journal");
  const fs::path v0 = write_profile(path, "v0", 1000);
  const fs::path v1 = write_profile(path, "v1", 900);
  const fs::path worse = write_profile(path, "worse", 950);

  const zkgate::test::GateRun created = run_gate("compare " + quoted(v0) + " " + quoted(v0) + where, path);
  BOOST_TEST(created.exit_code == 0);
  BOOST_TEST(created.err.find("gate: baseline created") != std::string::npos, created.err);
  const zkgate::test::GateRun replaced =
      run_gate("compare " + quoted(baseline) + " " + quoted(v1) + where + " --record faster", path);
  BOOST_TEST(replaced.exit_code == 0);
  BOOST_TEST(replaced.err.find("gate: baseline replaced: 1,000 -> 900 steps (-10.00%)") != std::string::npos, replaced.err);
  BOOST_TEST(zkgate::util::read_file(baseline) == zkgate::util::read_file(v1));
  const zkgate::test::GateRun listing = run_gate("journal --json --journal " + quoted(path / "journal"), path);
  const nlohmann::json rows = nlohmann::json::parse(listing.out).at("iterations");
  BOOST_REQUIRE(rows.size() == 1u);
  const nlohmann::json summary = nlohmann::json::parse(
      zkgate::util::read_file(path / "journal" / rows[0].at("folder").get<std::string>() / "summary.json"));
  BOOST_TEST(summary.at("baseline_replaced").get<bool>());
  // The iteration keeps the baseline as it was when compared, not the one that replaced it.
  const fs::path folder = path / "journal" / rows[0].at("folder").get<std::string>();
  BOOST_TEST(zkgate::util::read_file(folder / "base.profile") == zkgate::util::read_file(v0));
  BOOST_TEST(zkgate::util::read_file(folder / "head.json") == zkgate::util::read_file(v1));

  // A regression fails the gate and never becomes the baseline.
  const zkgate::test::GateRun regression = run_gate("compare " + quoted(baseline) + " " + quoted(worse) + where, path);
  BOOST_TEST(regression.exit_code == 1);
  BOOST_TEST(regression.err.find("gate: baseline kept") != std::string::npos, regression.err);
  BOOST_TEST(zkgate::util::read_file(baseline) == zkgate::util::read_file(v1));
}

BOOST_AUTO_TEST_CASE(the_compare_report_carries_the_advice_on_head, *zkgate::test::needs_corpus()) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  const fs::path zisk = zkgate::test::corpus_dir() / "profiles" / "zisk" / "ethrex-05_avoid_nodetype_clone.txt";
  const zkgate::test::GateRun run = run_gate("compare " + quoted(zisk) + " " + quoted(zisk) + " --markdown " +
                                                 quoted(path / "r.md") + " --json " + quoted(path / "r.json"),
                                             path);
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.out.find("advice [memory-copy]") != std::string::npos, run.out);
  BOOST_TEST(zkgate::util::read_file(path / "r.md").find("#### What to look at next (head)") != std::string::npos);
  const nlohmann::json report = nlohmann::json::parse(zkgate::util::read_file(path / "r.json"));
  const nlohmann::json& comparison = report.at("cases").at(0).at("comparison");
  BOOST_TEST(comparison.at("advice_checked").get<bool>());
  BOOST_TEST(comparison.at("advice").at(0).at("rule_id").get<std::string>() == "memory-copy");

  std::ofstream(path / "quiet.yml") << "extends: default\ndisable: [memory-copy]\n";
  const zkgate::test::GateRun quiet =
      run_gate("compare " + quoted(zisk) + " " + quoted(zisk) + " --rules " + quoted(path / "quiet.yml"), path);
  BOOST_TEST(quiet.out.find("advice (head): nothing above the thresholds") != std::string::npos, quiet.out);
}

BOOST_AUTO_TEST_CASE(nothing_is_recorded_when_a_side_cannot_be_parsed) {
  const zkgate::test::TempDir scratch;
  const fs::path& path = scratch.path;
  std::ofstream(path / "broken.txt") << "not a profile\n";
  const fs::path v0 = write_profile(path, "v0", 1000);
  const zkgate::test::GateRun run = run_gate(record(v0, path / "broken.txt", "x", path / "journal"), path);
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err.find("nothing recorded") != std::string::npos, run.err);
  BOOST_TEST(!fs::exists(path / "journal"));
}

BOOST_AUTO_TEST_SUITE_END()
