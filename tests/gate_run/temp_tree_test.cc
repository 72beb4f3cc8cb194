#include <boost/test/unit_test.hpp>

#include <csignal>

#include "gate/run/interrupt.h"
#include "gate/run/temp_tree.h"
#include "scratch_repo.h"

namespace fs = std::filesystem;
using zkgate::gate::run::TempTree;

BOOST_AUTO_TEST_SUITE(temp_tree)

BOOST_AUTO_TEST_CASE(removed_with_its_content_when_it_dies) {
  fs::path where;
  {
    TempTree tree("base");
    where = tree.path();
    BOOST_TEST(where.filename().string().find("zkgate-base-") == 0u);
    zkgate::test::write_text(tree.path() / "deep/file.txt", "x");
    BOOST_TEST(fs::exists(tree.path() / "deep/file.txt"));
  }
  BOOST_TEST(!fs::exists(where));
}

BOOST_AUTO_TEST_CASE(removed_on_an_exception_path) {
  fs::path where;
  try {
    TempTree tree("head");
    where = tree.path();
    throw std::runtime_error("build failed");
  } catch (const std::runtime_error&) {
  }
  BOOST_TEST(!where.empty());
  BOOST_TEST(!fs::exists(where));
}

BOOST_AUTO_TEST_CASE(emergency_cleanup_removes_live_trees) {
  TempTree tree("head");
  zkgate::test::write_text(tree.path() / "f", "x");
  zkgate::gate::run::run_emergency_cleanups();
  BOOST_TEST(!fs::exists(tree.path()));
}

BOOST_AUTO_TEST_CASE(interrupt_flag) {
  BOOST_TEST(!zkgate::gate::run::interrupt_requested());
  BOOST_CHECK_NO_THROW(zkgate::gate::run::throw_if_interrupted());
  zkgate::gate::run::request_interrupt(SIGTERM);
  BOOST_TEST(zkgate::gate::run::interrupt_signal() == SIGTERM);
  BOOST_CHECK_THROW(zkgate::gate::run::throw_if_interrupted(), zkgate::gate::run::Interrupted);
  zkgate::gate::run::reset_interrupt_for_testing();
  BOOST_TEST(!zkgate::gate::run::interrupt_requested());
}

BOOST_AUTO_TEST_SUITE_END()
