#include <boost/test/unit_test.hpp>

#include <csignal>

#include "gate/run/command_runner.h"
#include "gate/run/interrupt.h"
#include "scratch_repo.h"

namespace fs = std::filesystem;
using zkgate::gate::run::CommandResult;
using zkgate::gate::run::CommandSpec;
using zkgate::gate::run::ShellCommandRunner;
using zkgate::test::read_text;

namespace {

struct Fixture : zkgate::test::TempDir {
  CommandSpec spec(const std::string& command) const {
    CommandSpec s;
    s.command = command;
    s.working_dir = path;
    s.stdout_log = path / "out.log";
    s.stderr_log = path / "err.log";
    s.timeout = std::chrono::seconds(30);
    return s;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(command_runner)

BOOST_FIXTURE_TEST_CASE(runs_in_the_tree_with_the_environment_and_logs, Fixture) {
  CommandSpec s = spec("echo \"$ZKGATE_CASE in $(pwd)\"; echo oops >&2; exit 3");
  s.environment["ZKGATE_CASE"] = "fib";
  ShellCommandRunner runner;
  const CommandResult result = runner.run(s);
  BOOST_TEST(!result.ok());
  BOOST_TEST(result.exit_code == 3);
  BOOST_TEST(result.describe(s.timeout) == "exit status 3");
  BOOST_TEST(read_text(path / "out.log") == "fib in " + fs::canonical(path).string() + "\n");
  BOOST_TEST(read_text(path / "err.log") == "oops\n");
  BOOST_TEST(runner.run(spec("true")).ok());
}

BOOST_FIXTURE_TEST_CASE(timeout_kills_the_whole_process_group, Fixture) {
  // A background grandchild that would write a marker later: killing only the shell would leave it.
  CommandSpec s = spec("(sleep 2; echo late > marker) & sleep 30");
  s.timeout = std::chrono::seconds(1);
  ShellCommandRunner runner;
  const CommandResult result = runner.run(s);
  BOOST_TEST(result.timed_out);
  BOOST_TEST(!result.ok());
  BOOST_TEST(result.describe(s.timeout).find("timed out after 1 s") == 0u);
  ::sleep(2);
  BOOST_TEST(!fs::exists(path / "marker"));
}

BOOST_FIXTURE_TEST_CASE(stragglers_are_killed_when_the_command_exits, Fixture) {
  ShellCommandRunner runner;
  const CommandResult result = runner.run(spec("(sleep 1; echo late > marker) & exit 0"));
  BOOST_TEST(result.ok());
  ::sleep(2);
  BOOST_TEST(!fs::exists(path / "marker"));
}

BOOST_FIXTURE_TEST_CASE(signal_and_interrupt_are_reported, Fixture) {
  ShellCommandRunner runner;
  const CommandResult killed = runner.run(spec("kill -9 $$"));
  BOOST_TEST(killed.term_signal.value_or(0) == SIGKILL);
  BOOST_TEST(killed.describe(std::chrono::seconds(1)).find("killed by signal 9") == 0u);

  zkgate::gate::run::request_interrupt(SIGINT);
  const CommandResult stopped = runner.run(spec("sleep 30"));
  zkgate::gate::run::reset_interrupt_for_testing();
  BOOST_TEST(stopped.interrupted);
  BOOST_TEST(stopped.elapsed.count() < 30000);
}

BOOST_FIXTURE_TEST_CASE(missing_working_dir_is_a_spawn_failure, Fixture) {
  CommandSpec s = spec("true");
  s.working_dir = path / "absent";
  const CommandResult result = ShellCommandRunner().run(s);
  BOOST_TEST(result.spawn_failed);
  BOOST_TEST(!result.ok());
}

BOOST_FIXTURE_TEST_CASE(log_tail_keeps_the_last_lines, Fixture) {
  zkgate::test::write_text(path / "log", "1\n2\n3\n4\n5\n");
  BOOST_TEST(zkgate::gate::run::log_tail(path / "log", 2) == "4\n5");
  BOOST_TEST(zkgate::gate::run::log_tail(path / "log", 5) == "1\n2\n3\n4\n5");
  BOOST_TEST(zkgate::gate::run::log_tail(path / "log", 50) == "1\n2\n3\n4\n5");
  BOOST_TEST(zkgate::gate::run::log_tail(path / "missing", 5) == "");
  zkgate::test::write_text(path / "long", std::string(10000, 'x') + "\nend\n");
  BOOST_TEST(zkgate::gate::run::log_tail(path / "long", 5, 100).size() == 100u - 1u);
}

BOOST_AUTO_TEST_SUITE_END()
