#include <boost/test/unit_test.hpp>

#include <thread>

#include "fakes.h"
#include "gate/run/revision_workspace.h"
#include "util/input_error.h"

namespace fs = std::filesystem;
using zkgate::gate::run::CommandResult;
using zkgate::gate::run::CommandSpec;
using zkgate::gate::run::Progress;
using zkgate::gate::run::RevisionWorkspace;
using zkgate::gate::run::StepFailure;

namespace {

struct Fixture : zkgate::test::TempDir {
  zkgate::test::FakeRevisionSource source;
  zkgate::test::FakeRunner runner;
  Progress progress{true};

  CommandSpec spec(const std::string& command) const {
    CommandSpec s;
    s.command = command;
    s.working_dir = path;
    s.stdout_log = path / "logs/out.log";
    s.stderr_log = path / "logs/err.log";
    s.timeout = std::chrono::seconds(5);
    s.environment["ZKGATE_ROLE"] = "head";
    return s;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(revision_workspace)

BOOST_FIXTURE_TEST_CASE(tree_is_made_once_on_first_use_and_removed_after, Fixture) {
  source.files["head"]["src/main.c"] = "int main;";
  fs::path made;
  {
    RevisionWorkspace space(source.resolve_head("feature"), source, zkgate::gate::run::SubmodulePolicy::kCheckout,
                            progress);
    BOOST_TEST(source.materialized == 0);
    made = space.tree();
    BOOST_TEST(space.tree() == made);
    BOOST_TEST(source.materialized == 1);
    BOOST_TEST(zkgate::test::read_text(made / "src/main.c") == "int main;");
  }
  BOOST_TEST(!fs::exists(made));
}

BOOST_FIXTURE_TEST_CASE(each_build_command_runs_once_even_from_several_threads, Fixture) {
  RevisionWorkspace space(source.resolve_head("feature"), source, zkgate::gate::run::SubmodulePolicy::kCheckout,
                          progress);
  runner.behaviour = [](const CommandSpec&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return CommandResult{};
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] { BOOST_CHECK(!space.build(spec("make guest"), runner, "case").has_value()); });
  }
  for (std::thread& t : threads) t.join();
  BOOST_TEST(!space.build(spec("make other"), runner, "case").has_value());
  BOOST_TEST(runner.count("head  make guest") == 1u);
  BOOST_TEST(runner.count("head  make other") == 1u);
}

BOOST_FIXTURE_TEST_CASE(a_failed_build_is_shared_with_its_log_tail, Fixture) {
  RevisionWorkspace space(source.resolve_head("feature"), source, zkgate::gate::run::SubmodulePolicy::kCheckout,
                          progress);
  runner.behaviour = [](const CommandSpec& s) {
    zkgate::test::write_text(s.stderr_log, "compiling\nerror: no such crate\n");
    CommandResult r;
    r.exit_code = 101;
    return r;
  };
  const std::optional<StepFailure> first = space.build(spec("cargo build"), runner, "one");
  const std::optional<StepFailure> second = space.build(spec("cargo build"), runner, "two");
  BOOST_TEST(first.has_value());
  BOOST_TEST(first->message == "build failed: `cargo build` (exit status 101)");
  BOOST_TEST(first->log_tail == "compiling\nerror: no such crate");
  BOOST_TEST(second->message == first->message);
  BOOST_TEST(runner.ran.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(checkout_failure_is_rethrown_to_every_caller, Fixture) {
  struct Failing : zkgate::test::FakeRevisionSource {
    void materialize(const zkgate::gate::run::Revision&, const fs::path&, zkgate::gate::run::SubmodulePolicy) override {
      ++materialized;
      throw zkgate::util::InputError({"repo"}, "submodule vendor/x is not initialised");
    }
  } failing;
  RevisionWorkspace space(failing.resolve_head("feature"), failing, zkgate::gate::run::SubmodulePolicy::kCheckout,
                          progress);
  BOOST_CHECK_THROW(space.tree(), zkgate::util::InputError);
  BOOST_CHECK_THROW(space.tree(), zkgate::util::InputError);
  BOOST_TEST(failing.materialized == 1);
}

BOOST_AUTO_TEST_SUITE_END()
