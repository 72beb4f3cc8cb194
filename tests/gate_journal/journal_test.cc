#include <boost/test/unit_test.hpp>

#include <set>
#include <thread>

#include "journal_fixture.h"
#include "util/input_error.h"

namespace journal = zkgate::gate::journal;
namespace fs = std::filesystem;
using zkgate::test::JournalFixture;

BOOST_AUTO_TEST_SUITE(journal_storage)

BOOST_AUTO_TEST_CASE(slugs_and_timestamps) {
  BOOST_TEST(journal::slugify("Avoid NodeType clone!") == "avoid-nodetype-clone");
  BOOST_TEST(journal::slugify("  ../../etc/passwd ") == "etc-passwd");
  BOOST_TEST(journal::slugify("ümlaut") == "mlaut");
  BOOST_TEST(journal::slugify("!!!") == "iteration");
  BOOST_TEST(journal::slugify(std::string(200, 'a')).size() == 48u);
  const auto t = JournalFixture::at_minute(0);  // 2026-09-21T14:13:20Z
  BOOST_TEST(journal::folder_timestamp(t) == "20260921T141320Z");
  BOOST_TEST(journal::rfc3339_utc(t + std::chrono::microseconds(42)) == "2026-09-21T14:13:20.000042Z");
}

BOOST_FIXTURE_TEST_CASE(a_recorded_iteration_holds_profiles_report_and_summary, JournalFixture) {
  const journal::RecordedIteration recorded = journal::record_iteration(journal, input("Avoid clone", 1000, 900), at_minute(0));
  BOOST_TEST(recorded.folder.filename().string() == "20260921T141320Z-avoid-clone");
  BOOST_TEST(zkgate::util::read_file(recorded.folder / "base.txt") == "STEPS 1000\n");
  BOOST_TEST(zkgate::util::read_file(recorded.folder / "head.txt") == "STEPS 900\n");
  BOOST_TEST(zkgate::util::read_file(recorded.folder / "report.md") == "# Avoid clone\n");
  BOOST_TEST(!fs::exists(recorded.folder / "report.json"));  // none given

  const std::vector<journal::RecordedIteration> read = journal::read_journal(journal);
  BOOST_REQUIRE(read.size() == 1u);
  BOOST_TEST(read[0].summary.name == "Avoid clone");
  BOOST_TEST(read[0].summary.head.total == 900u);
  BOOST_TEST(read[0].summary.delta() == -100);
  BOOST_TEST(read[0].summary.head.original_path == (path / "Avoid clone-head.txt").string());
  BOOST_TEST(read[0].summary.recorded_at == "2026-09-21T14:13:20.000000Z");
}

BOOST_FIXTURE_TEST_CASE(the_same_name_in_the_same_second_never_overwrites, JournalFixture) {
  const fs::path first = journal::record_iteration(journal, input("x", 10, 9), at_minute(0)).folder;
  const fs::path second = journal::record_iteration(journal, input("x", 10, 8), at_minute(0)).folder;
  BOOST_TEST(first.filename().string() == "20260921T141320Z-x");
  BOOST_TEST(second.filename().string() == "20260921T141320Z-x-2");
  BOOST_TEST(zkgate::util::read_file(first / "head.txt") == "STEPS 9\n");
  BOOST_TEST(zkgate::util::read_file(second / "head.txt") == "STEPS 8\n");
}

// Many recordings racing for the same folder name: each lands whole in a folder of its own.
BOOST_FIXTURE_TEST_CASE(concurrent_records_never_clobber_each_other, JournalFixture) {
  constexpr int kWriters = 8;
  std::vector<journal::RecordInput> inputs;
  for (int i = 0; i < kWriters; ++i) inputs.push_back(input("race-" + std::to_string(i), 1000, 900 - i));
  for (journal::RecordInput& in : inputs) in.summary.name = "race";  // same slug, same second
  std::vector<std::thread> threads;
  std::vector<std::string> errors(kWriters);
  for (int i = 0; i < kWriters; ++i) {
    threads.emplace_back([&, i] {
      try {
        journal::record_iteration(journal, inputs[static_cast<std::size_t>(i)], at_minute(0));
      } catch (const std::exception& e) {
        errors[static_cast<std::size_t>(i)] = e.what();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& e : errors) BOOST_TEST(e.empty(), e);

  const std::vector<journal::RecordedIteration> read = journal::read_journal(journal);
  BOOST_REQUIRE(read.size() == static_cast<std::size_t>(kWriters));
  std::set<std::uint64_t> heads;
  std::set<std::string> folders;
  for (const journal::RecordedIteration& it : read) {
    heads.insert(it.summary.head.total);
    folders.insert(it.folder.filename().string());
    // the stored profile belongs to the same recording as the summary beside it
    BOOST_TEST(zkgate::util::read_file(it.folder / "head.txt") == "STEPS " + std::to_string(it.summary.head.total) + "\n");
  }
  BOOST_TEST(heads.size() == static_cast<std::size_t>(kWriters));
  BOOST_TEST(folders.size() == static_cast<std::size_t>(kWriters));
  for (const fs::directory_entry& e : fs::directory_iterator(journal)) {
    BOOST_TEST(e.path().filename().string().front() != '.', "temporary folder left: " << e.path());
  }
}

BOOST_FIXTURE_TEST_CASE(damaged_entries_fail_and_half_written_ones_are_skipped, JournalFixture) {
  journal::record_iteration(journal, input("good", 10, 9), at_minute(0));
  fs::create_directories(journal / ".tmp-record-abc123");  // a recording killed half-way
  zkgate::util::atomic_write_file(journal / ".tmp-record-abc123" / "base.txt", "partial");
  BOOST_TEST(journal::read_journal(journal).size() == 1u);

  fs::create_directories(journal / "20260101T000000Z-broken");
  zkgate::util::atomic_write_file(journal / "20260101T000000Z-broken" / "summary.json", "{\"schema\": 1, \"name\": ");
  BOOST_CHECK_THROW(journal::read_journal(journal), zkgate::util::InputError);
  zkgate::util::atomic_write_file(journal / "20260101T000000Z-broken" / "summary.json", "{\"schema\": 1, \"name\": \"x\"}");
  BOOST_CHECK_THROW(journal::read_journal(journal), zkgate::util::InputError);
  fs::remove(journal / "20260101T000000Z-broken" / "summary.json");
  BOOST_CHECK_THROW(journal::read_journal(journal), zkgate::util::InputError);

  BOOST_TEST(journal::read_journal(path / "no-journal-yet").empty());
}

BOOST_FIXTURE_TEST_CASE(a_missing_profile_fails_and_leaves_nothing, JournalFixture) {
  journal::RecordInput in = input("gone", 10, 9);
  in.head_file = path / "absent.txt";
  BOOST_CHECK_THROW(journal::record_iteration(journal, in, at_minute(0)), zkgate::util::InputError);
  BOOST_TEST(fs::is_empty(journal));
}

BOOST_AUTO_TEST_SUITE_END()
