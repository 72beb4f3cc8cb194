#include "profile_test_support.h"  // first: it includes Boost.Test

#include <fstream>
#include <set>

using zkgate::gate::Profile;
using namespace zkgate::test;

namespace {

struct BadInput {
  std::string file;
  std::string format;
  std::string outcome;
};

// tests/fixtures/profiles/bad/EXPECTED.tsv: file, forced format (or auto), outcome.
std::vector<BadInput> expected_outcomes() {
  std::ifstream in(profile_fixtures() / "bad" / "EXPECTED.tsv");
  std::vector<BadInput> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    rows.push_back({line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1), line.substr(tab2 + 1)});
  }
  return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_inputs)

BOOST_AUTO_TEST_CASE(every_bad_input_has_its_documented_outcome) {
  const std::vector<BadInput> rows = expected_outcomes();
  BOOST_TEST_REQUIRE(rows.size() >= 20u);
  for (const BadInput& row : rows) {
    BOOST_TEST_CONTEXT(row.file) {
      const std::filesystem::path file = profile_fixtures() / "bad" / row.file;
      BOOST_TEST_REQUIRE(std::filesystem::exists(file));
      if (row.outcome.rfind("error:", 0) == 0) {
        const std::string error = parse_error_of(file, row.format);
        BOOST_TEST(!error.empty(), "parsed without an error");
        BOOST_TEST(error.find(row.outcome.substr(6)) != std::string::npos, error);
        BOOST_TEST(error.find(file.string()) == 0u, error);  // messages start with the file name
        BOOST_TEST(error.find("hint:") != std::string::npos, error);
      } else {
        BOOST_TEST(row.outcome == "no-function-data");
        const Profile p = zkgate::gate::parse_profile(file, row.format);
        BOOST_TEST(!p.functions_known);
        BOOST_TEST(p.functions.empty());
        BOOST_TEST(p.total > 0u);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_file_in_the_set_is_listed) {
  std::set<std::string> listed;
  for (const BadInput& row : expected_outcomes()) listed.insert(row.file);
  for (const std::filesystem::directory_entry& entry : std::filesystem::directory_iterator(profile_fixtures() / "bad")) {
    const std::string name = entry.path().filename().string();
    if (name == "EXPECTED.tsv") continue;
    BOOST_TEST(listed.count(name) == 1u, name << " has no documented outcome in EXPECTED.tsv");
  }
}

BOOST_AUTO_TEST_CASE(missing_file_and_unknown_format) {
  const std::string missing = parse_error_of(profile_fixtures() / "bad" / "does-not-exist.txt");
  BOOST_TEST(missing.find("no such file") != std::string::npos, missing);
  const std::string format = parse_error_of(profile_fixtures() / "zisk-ere-functions.txt", "perf");
  BOOST_TEST(format.find("unknown profile format \"perf\"") != std::string::npos, format);
  BOOST_TEST(format.find("ziskemu, sp1-log, risc0-log, openvm-metrics, callgrind, zkgate-json") != std::string::npos,
             format);
}

// Cutting the real ethrex report at the start of every section must never yield a profile.
BOOST_AUTO_TEST_CASE(corpus_report_cut_at_every_section, *needs_corpus()) {
  const std::string text =
      zkgate::util::read_file(corpus_dir() / "profiles/zisk/ethrex-05_avoid_nodetype_clone.txt");
  // A cut right after the FROPS or RAM USAGE line cannot be told from a summary-only
  // report (-X without tables), so those two points are not in the list.
  const std::vector<std::string> titles = {"\nSTEPS", "\nCOST DISTRIBUTION", "\nTOTAL",
                                           "\nCOST BY OPCODE", "\nFROPS BY OPCODE", "\nTOP STEP FUNCTIONS",
                                           "\nTOP COST FUNCTIONS", "\nDETAIL FUNCTION", "\n|    TOP STEP CALLERS"};
  std::size_t cuts = 0;
  for (const std::string& title : titles) {
    std::size_t at = text.find(title);
    for (int occurrence = 0; occurrence < 3 && at != std::string::npos; ++occurrence) {
      // Cut just after the title line: the section has started but its rows are missing.
      const std::string cut = text.substr(0, text.find('\n', at + 1) + 1);
      BOOST_TEST_CONTEXT(title.substr(1) << " at byte " << at) {
        const std::string error = text_error_of(cut, "ziskemu");
        BOOST_TEST(!error.empty(), "a cut report was accepted");
      }
      ++cuts;
      at = text.find(title, at + 1);
    }
  }
  BOOST_TEST(cuts >= 10u);
}

BOOST_AUTO_TEST_SUITE_END()
