#include <boost/test/unit_test.hpp>

#include "gate/suite/compare_suites.h"
#include "gate/suite/match.h"
#include "suite_test_support.h"
#include "test_support.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace gs = zkgate::gate::suite;
using zkgate::test::suite::suite_of;
using zkgate::test::suite::workload;

namespace {

gs::Workload in_folder(const std::string& folder, const std::string& name, std::uint64_t steps) {
  gs::Workload w = workload(folder + name, steps);
  w.name = name;
  return w;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(match)

BOOST_AUTO_TEST_CASE(a_rename_by_name_applies_in_every_folder) {
  const gs::Suite base = suite_of({in_folder("reth/zisk/", "old", 100), in_folder("ethrex/zisk/", "old", 200)});
  const gs::Suite head = suite_of({in_folder("reth/zisk/", "new", 100), in_folder("ethrex/zisk/", "new", 200)});
  const gs::Matching m = gs::match_workloads(base, head, {gs::parse_match_arg("old=new")});
  BOOST_REQUIRE(m.pairs.size() == 2u);
  BOOST_TEST(m.pairs[0].head->key == "reth/zisk/new");
  BOOST_TEST(m.pairs[1].head->key == "ethrex/zisk/new");
  BOOST_TEST(m.unused.empty());
}

BOOST_AUTO_TEST_CASE(a_rename_by_full_key) {
  const gs::Suite base = suite_of({in_folder("reth/zisk/", "old", 100)});
  const gs::Suite head = suite_of({in_folder("reth/zisk/", "new", 100)});
  const gs::Matching m = gs::match_workloads(base, head, {gs::parse_match_arg("reth/zisk/old=reth/zisk/new")});
  BOOST_REQUIRE(m.pairs.size() == 1u);
  BOOST_TEST(m.pairs[0].head != nullptr);
}

BOOST_AUTO_TEST_CASE(without_a_rule_renamed_tests_are_missing_and_new) {
  const gs::Suite base = suite_of({workload("old", 100)});
  const gs::Suite head = suite_of({workload("new", 100)});
  const gs::SuiteComparison c = gs::compare_suites(base, head, gs::SuitePolicy{});
  BOOST_REQUIRE(c.results.size() == 2u);
  BOOST_TEST(gs::state_label(c.results[0].state) == "missing in head");
  BOOST_TEST(gs::state_label(c.results[1].state) == "new in head");
}

BOOST_AUTO_TEST_CASE(a_renamed_pair_says_the_names_differ) {
  gs::SuitePolicy policy;
  policy.renames.push_back(gs::parse_match_arg("old=new"));
  const gs::SuiteComparison c =
      gs::compare_suites(suite_of({workload("old", 100)}), suite_of({workload("new", 100)}), policy);
  BOOST_REQUIRE(c.results.size() == 1u);
  BOOST_TEST(c.results[0].rename.has_value());
  BOOST_REQUIRE(c.results[0].differences.size() == 1u);
  BOOST_TEST(c.results[0].differences[0] == "renamed: old -> new");
}

BOOST_AUTO_TEST_CASE(unused_rules_are_listed) {
  // Matching::unused points into the rules: they must outlive it (ASan: a temporary list
  // here was a heap-use-after-free).
  const std::vector<gs::RenameRule> rules = {gs::parse_match_arg("zz=yy")};
  const gs::Matching m = gs::match_workloads(suite_of({workload("a", 1)}), suite_of({workload("a", 1)}), rules);
  BOOST_REQUIRE(m.unused.size() == 1u);
  BOOST_TEST(m.unused[0]->origin == "--match zz=yy");
}

BOOST_AUTO_TEST_CASE(malformed_rules_are_input_errors) {
  BOOST_CHECK_THROW(gs::parse_match_arg("no-separator"), zkgate::util::InputError);
  BOOST_CHECK_THROW(gs::parse_match_arg("=new"), zkgate::util::InputError);
  BOOST_CHECK_THROW(gs::parse_match_arg("old="), zkgate::util::InputError);
}

BOOST_FIXTURE_TEST_CASE(match_file_takes_tabs_equals_and_comments, zkgate::test::TempDir) {
  const std::filesystem::path file = path / "renames.tsv";
  zkgate::util::atomic_write_file(file, "# EEST renames\n\nold_a\tnew=a\nold_b=new_b\r\n");
  const std::vector<gs::RenameRule> rules = gs::read_match_file(file);
  BOOST_REQUIRE(rules.size() == 2u);
  BOOST_TEST(rules[0].base == "old_a");
  BOOST_TEST(rules[0].head == "new=a");
  BOOST_TEST(rules[1].head == "new_b");
  BOOST_TEST(rules[1].origin == file.string() + ":4");
  zkgate::util::atomic_write_file(file, "ok=fine\nbroken\n");
  try {
    gs::read_match_file(file);
    BOOST_FAIL("expected an InputError");
  } catch (const zkgate::util::InputError& e) {
    BOOST_TEST(e.where().line == 2u);
  }
}

BOOST_AUTO_TEST_SUITE_END()
