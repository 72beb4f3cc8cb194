#include <boost/test/unit_test.hpp>

#include "gate/report/report_json.h"
#include "gate/run/merge.h"
#include "scratch_repo.h"

namespace fs = std::filesystem;
using zkgate::gate::CaseResult;
using zkgate::gate::CaseState;
using zkgate::gate::Report;
using zkgate::gate::Verdict;
using zkgate::gate::run::merge_shards;

namespace {

Report shard(const std::string& name, CaseState problem, const std::string& base = "b1") {
  Report report;
  report.base_label = base;
  report.head_label = "h1";
  report.config_used = ".zkgate.yml at base b1";
  CaseResult result;
  result.name = name;
  result.problem = problem;
  result.error = problem == CaseState::error ? "boom" : "";
  report.cases.push_back(result);
  return report;
}

struct Fixture : zkgate::test::TempDir {
  fs::path write(const std::string& file, const Report& report) {
    zkgate::test::write_text(path / file, zkgate::gate::report_to_json_text(report));
    return path / file;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(merge)

BOOST_FIXTURE_TEST_CASE(every_shard_and_every_failure_is_kept, Fixture) {
  const Report merged = merge_shards({{write("a.json", shard("a", CaseState::added)),
                                       write("b.json", shard("b", CaseState::added)),
                                       write("c.json", shard("c", CaseState::failed_in_head))},
                                      {}});
  BOOST_TEST(merged.cases.size() == 3u);
  BOOST_TEST(merged.cases[2].name == "c");
  BOOST_TEST((merged.cases[2].state() == CaseState::failed_in_head));
  BOOST_TEST((merged.verdict() == Verdict::error));
  BOOST_TEST(merged.base_label == "b1");
  BOOST_TEST(merged.config_used == ".zkgate.yml at base b1");
  const Report fine = merge_shards({{path / "a.json", path / "b.json"}, {}});
  BOOST_TEST((fine.verdict() == Verdict::pass));
}

BOOST_FIXTURE_TEST_CASE(missing_unreadable_duplicate_and_foreign_shards_are_errors, Fixture) {
  write("a.json", shard("a", CaseState::added));
  zkgate::test::write_text(path / "bad.json", "{\"schema\": ");
  write("again.json", shard("a", CaseState::added));
  write("other-run.json", shard("z", CaseState::added, "b2"));
  const Report merged = merge_shards(
      {{path / "a.json", path / "gone.json", path / "bad.json", path / "again.json", path / "other-run.json"},
       {"a", "never-ran"}});
  BOOST_TEST(merged.cases.size() == 6u);
  BOOST_TEST((merged.verdict() == Verdict::error));
  std::string all;
  for (const CaseResult& c : merged.cases) all += c.name + ": " + c.error + "\n";
  BOOST_TEST(all.find("shard " + (path / "gone.json").string() + ": shard result unusable") != std::string::npos, all);
  BOOST_TEST(all.find("shard " + (path / "bad.json").string() + ": shard result unusable") != std::string::npos, all);
  BOOST_TEST(all.find("a: case judged twice") != std::string::npos, all);
  BOOST_TEST(all.find("results of different runs cannot be merged") != std::string::npos, all);
  BOOST_TEST(all.find("never-ran: no shard result for this case") != std::string::npos, all);
  BOOST_TEST((merge_shards({{}, {}}).verdict() == Verdict::error));
}

BOOST_AUTO_TEST_SUITE_END()
