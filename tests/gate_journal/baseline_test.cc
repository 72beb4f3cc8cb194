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

BOOST_AUTO_TEST_SUITE_END()
