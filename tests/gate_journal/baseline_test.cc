#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gate/journal/baseline.h"
#include "test_support.h"
#include "util/file_io.h"

namespace journal = zkgate::gate::journal;
namespace fs = std::filesystem;
using zkgate::test::TempDir;

BOOST_AUTO_TEST_SUITE(journal_baseline)

BOOST_AUTO_TEST_CASE(only_an_improvement_replaces_the_baseline) {
  BOOST_TEST(journal::baseline_action_name(journal::decide_baseline(std::nullopt, 500).action) == "created");
  BOOST_TEST(journal::baseline_action_name(journal::decide_baseline(1000, 999).action) == "replaced");
  BOOST_TEST(journal::baseline_action_name(journal::decide_baseline(1000, 1000).action) == "kept");
  BOOST_TEST(journal::baseline_action_name(journal::decide_baseline(1000, 1001).action) == "kept");
  BOOST_TEST(journal::decide_baseline(1000, 900).delta_percent() == -10.0, boost::test_tools::tolerance(1e-9));
}

// A process killed while writing the new baseline (here: by SIGXFSZ from a file-size limit
// smaller than the new profile, a real crash at a deterministic point) leaves the old
// baseline whole, and the next update still works.
BOOST_FIXTURE_TEST_CASE(the_baseline_survives_a_crash_mid_update, TempDir) {
  const fs::path baseline = path / ".zkgate" / "baseline.profile";
  const std::string old_content = "STEPS 1,000\n";
  journal::install_baseline(baseline, old_content);

  const std::string new_content(256 * 1024, 'x');
  const pid_t child = ::fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    ::signal(SIGXFSZ, SIG_DFL);
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    const rlimit small{64 * 1024, 64 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &small);
    try {
      journal::install_baseline(baseline, new_content);
    } catch (...) {
      ::_exit(3);
    }
    ::_exit(0);  // not reached: the write past the limit kills the process
  }
  int status = 0;
  BOOST_REQUIRE(::waitpid(child, &status, 0) == child);
  BOOST_TEST(WIFSIGNALED(status));
  BOOST_TEST(WTERMSIG(status) == SIGXFSZ);

  BOOST_TEST(zkgate::util::read_file(baseline) == old_content);
  journal::install_baseline(baseline, "STEPS 900\n");  // a leftover temporary file does not get in the way
  BOOST_TEST(zkgate::util::read_file(baseline) == "STEPS 900\n");
}

BOOST_FIXTURE_TEST_CASE(an_unwritable_location_is_an_error_that_keeps_the_old_baseline, TempDir) {
  const fs::path baseline = path / "baseline.profile";
  journal::install_baseline(baseline, "old");
  fs::create_directories(path / "blocker");
  BOOST_CHECK_THROW(journal::install_baseline(path / "blocker", "new"), std::exception);  // a folder is in the way
  BOOST_TEST(zkgate::util::read_file(baseline) == "old");
}

BOOST_FIXTURE_TEST_CASE(a_replaced_baseline_is_kept_in_the_journal, TempDir) {
  const fs::path baseline = path / "baseline.profile";
  const fs::path journal_dir = path / "journal";
  const std::chrono::system_clock::time_point now = std::chrono::system_clock::from_time_t(1'795'000'000);
  const journal::BaselineUpdate created = journal::update_baseline(baseline, journal_dir, std::nullopt, "steps", "A 1000", 1000, now);
  BOOST_TEST(journal::baseline_action_name(created.decision.action) == "created");
  BOOST_TEST(created.archived.empty());
  BOOST_TEST(!fs::exists(journal_dir));

  const journal::BaselineUpdate kept = journal::update_baseline(baseline, journal_dir, 1000, "steps", "B 1000", 1000, now);
  BOOST_TEST(journal::baseline_action_name(kept.decision.action) == "kept");
  BOOST_TEST(zkgate::util::read_file(baseline) == "A 1000");
  BOOST_TEST(!fs::exists(journal_dir));

  const journal::BaselineUpdate replaced = journal::update_baseline(baseline, journal_dir, 1000, "steps", "C 900", 900, now);
  BOOST_TEST(journal::baseline_action_name(replaced.decision.action) == "replaced");
  BOOST_TEST(zkgate::util::read_file(baseline) == "C 900");
  BOOST_TEST(replaced.archived == journal_dir / "baselines" / "20261118T110640Z-1000-steps.profile");
  BOOST_TEST(zkgate::util::read_file(replaced.archived) == "A 1000");

  // A second replacement in the same second keeps both old baselines.
  const journal::BaselineUpdate again = journal::update_baseline(baseline, journal_dir, 900, "steps", "D 800", 800, now);
  BOOST_TEST(again.archived.filename().string() == "20261118T110640Z-900-steps.profile");
  const fs::path same_name = journal::archive_baseline(journal_dir, baseline, 900, "steps", now);
  BOOST_TEST(same_name.filename().string() == "20261118T110640Z-900-steps-2.profile");
  BOOST_TEST(zkgate::util::read_file(again.archived) == "C 900");
  BOOST_TEST(zkgate::util::read_file(same_name) == "D 800");
  std::size_t hidden = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(journal_dir / "baselines")) {
    if (entry.path().filename().string().front() == '.') ++hidden;
  }
  BOOST_TEST(hidden == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
