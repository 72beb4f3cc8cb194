#include <boost/test/unit_test.hpp>

#include "fakes.h"
#include "gate/profile/profile_json.h"
#include "gate/run/gate_run.h"
#include "gate/run/interrupt.h"
#include "util/input_error.h"

namespace fs = std::filesystem;
using zkgate::gate::CaseState;
using zkgate::gate::Report;
using zkgate::gate::Verdict;
using zkgate::gate::run::CommandResult;
using zkgate::gate::run::CommandSpec;
using zkgate::gate::run::RunOptions;
using zkgate::test::FakeRunner;

namespace {

std::string case_yaml(const std::string& name, const std::string& build = "make guest") {
  return "  - name: " + name + "\n    zkvm: native\n    build: " + build +
         "\n    profile: run-profiler\n    output: $ZKGATE_OUT/profile.json\n    format: zkgate-json\n";
}

struct Fixture : zkgate::test::TempDir {
  zkgate::test::FakeRevisionSource source;
  FakeRunner runner;
  zkgate::gate::run::Progress progress{true};
  RunOptions options;
  std::map<std::string, std::uint64_t> totals = {{"base", 1000}, {"head", 1000}};

  Fixture() {
    source.files["base"][".zkgate.yml"] =
        "thresholds:\n  total:\n    max_increase_percent: 1\ncases:\n" + case_yaml("one") + case_yaml("two");
    source.files["head"][".zkgate.yml"] =
        "thresholds:\n  total:\n    max_increase_percent: 1000\ncases:\n" + case_yaml("one") + case_yaml("two");
    options.out_dir = path / "out";
    options.cache_dir = path / "cache";
    options.repo_root = path;
    runner.behaviour = [this](const CommandSpec& spec) {
      if (spec.command == "run-profiler") {
        zkgate::gate::Profile profile;
        profile.format = "zkgate-json";
        profile.zkvm = "native";
        profile.unit = "instructions";
        profile.total = totals.at(FakeRunner::env(spec, "ZKGATE_ROLE"));
        zkgate::test::write_text(fs::path(FakeRunner::env(spec, "ZKGATE_OUT")) / "profile.json",
                                 zkgate::gate::profile_to_json(profile).dump());
      }
      return CommandResult{};
    };
  }

  Report run() { return zkgate::gate::run::run_gate(options, source, runner, progress); }
};

template <typename F>
std::string error_of(F&& call) {
  try {
    call();
  } catch (const zkgate::util::InputError& error) {
    return error.describe();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gate_run)

BOOST_FIXTURE_TEST_CASE(judges_every_case_with_the_base_config, Fixture) {
  totals["head"] = 1100;  // +10%: past the base's 1%, within the head's own 1000%
  const Report report = run();
  BOOST_TEST(report.cases.size() == 2u);
  BOOST_TEST(report.cases[0].name == "one");
  BOOST_TEST(report.cases[1].name == "two");
  BOOST_TEST((report.cases[0].state() == CaseState::regressed));
  BOOST_TEST((report.verdict() == Verdict::regression));
  BOOST_TEST(report.config_used == ".zkgate.yml at base bbbbbbbbbbbb");
  BOOST_TEST(report.base_label == "bbbbbbbbbbbb (merge base with main)");
  BOOST_TEST(report.head_label == "working tree on aaaaaaaaaaaa");
  // One shared build and one checkout per side; every profile ran in its own case folder.
  BOOST_TEST(runner.count("base one make guest") == 1u);
  BOOST_TEST(runner.count("base two make guest") == 0u);
  BOOST_TEST(runner.count("head one make guest") == 1u);
  BOOST_TEST(runner.count("base two run-profiler") == 1u);
  BOOST_TEST(source.materialized == 2);
  BOOST_TEST(fs::exists(path / "out/head/two/profile.out"));
}

BOOST_FIXTURE_TEST_CASE(second_run_on_the_same_base_profiles_only_the_head, Fixture) {
  totals["head"] = 900;
  BOOST_TEST((run().verdict() == Verdict::pass));
  runner.ran.clear();
  source.materialized = 0;
  const Report again = run();
  BOOST_TEST((again.verdict() == Verdict::pass));
  BOOST_TEST((again.cases[0].state() == CaseState::improved));
  BOOST_TEST(runner.count("base") == 0u);
  BOOST_TEST(runner.count("head") == 3u);  // one shared build, two profiles
  BOOST_TEST(source.materialized == 1);   // the base tree was never checked out
  options.use_cache = false;
  runner.ran.clear();
  run();
  BOOST_TEST(runner.count("base") == 3u);  // one shared build, two profiles
}

BOOST_FIXTURE_TEST_CASE(a_failed_build_is_could_not_judge_with_its_log, Fixture) {
  const std::function<CommandResult(const CommandSpec&)> profile = runner.behaviour;
  runner.behaviour = [profile](const CommandSpec& spec) {
    if (spec.command == "make guest" && FakeRunner::env(spec, "ZKGATE_ROLE") == "head") {
      zkgate::test::write_text(spec.stderr_log, "error[E0425]: cannot find value `x`\n");
      CommandResult result;
      result.exit_code = 101;
      return result;
    }
    return profile(spec);
  };
  options.use_cache = false;
  options.cases = {"two"};
  const Report report = run();
  BOOST_TEST(report.cases.size() == 1u);
  BOOST_TEST((report.cases[0].state() == CaseState::failed_in_head));
  BOOST_TEST(report.cases[0].error.find("head: build failed: `make guest` (exit status 101)") == 0u,
             report.cases[0].error);
  BOOST_TEST(report.cases[0].log_tail == "error[E0425]: cannot find value `x`");
  BOOST_TEST((report.verdict() == Verdict::error));
}

BOOST_FIXTURE_TEST_CASE(parallel_jobs_give_the_same_report, Fixture) {
  totals["head"] = 1005;
  options.use_cache = false;
  const Report serial = run();
  options.jobs = 3;
  const Report parallel = run();
  BOOST_TEST(parallel.cases.size() == serial.cases.size());
  for (std::size_t i = 0; i < serial.cases.size(); ++i) {
    BOOST_TEST(parallel.cases[i].name == serial.cases[i].name);
    BOOST_TEST((parallel.cases[i].state() == serial.cases[i].state()));
  }
}

BOOST_FIXTURE_TEST_CASE(config_and_selection_errors_stop_the_run, Fixture) {
  options.cases = {"three"};
  BOOST_TEST(error_of([&] { run(); }).find("no case named 'three'") != std::string::npos);
  options.cases.clear();
  source.files["base"].erase(".zkgate.yml");
  const std::string message = error_of([&] { run(); });
  BOOST_TEST(message.find("the base revision has no .zkgate.yml") != std::string::npos, message);
  BOOST_TEST(message.find("--config") != std::string::npos);
  // --config reads a local file instead, and the report says so.
  zkgate::test::write_text(path / "local.yml", source.files["head"][".zkgate.yml"]);
  options.config_file = path / "local.yml";
  totals["head"] = 1100;
  const Report report = run();
  BOOST_TEST(report.config_used == (path / "local.yml").string() + " (--config override)");
  BOOST_TEST((report.verdict() == Verdict::pass));
}

BOOST_FIXTURE_TEST_CASE(input_file_is_passed_and_keys_the_cache, Fixture) {
  source.files["base"][".zkgate.yml"] = "cases:\n" + case_yaml("one") + "    input: inputs/block.bin\n";
  BOOST_TEST(error_of([&] { run(); }).find("input " + (path / "inputs/block.bin").string() + " not found") !=
             std::string::npos);
  zkgate::test::write_text(path / "inputs/block.bin", "block 1");
  std::string seen_input;
  const std::function<CommandResult(const CommandSpec&)> profile = runner.behaviour;
  runner.behaviour = [&](const CommandSpec& spec) {
    seen_input = FakeRunner::env(spec, "ZKGATE_INPUT");
    return profile(spec);
  };
  run();
  BOOST_TEST(seen_input == (path / "inputs/block.bin").string());
  runner.ran.clear();
  run();
  BOOST_TEST(runner.count("base") == 0u);  // same input: cached
  zkgate::test::write_text(path / "inputs/block.bin", "block 2");
  runner.ran.clear();
  run();
  BOOST_TEST(runner.count("base") == 2u);  // new input digest: profiled again
}

BOOST_FIXTURE_TEST_CASE(profile_that_writes_nothing_or_garbage_is_could_not_judge, Fixture) {
  options.use_cache = false;
  options.cases = {"one"};
  runner.behaviour = [](const CommandSpec& spec) {
    if (spec.command == "run-profiler" && FakeRunner::env(spec, "ZKGATE_ROLE") == "head") {
      zkgate::test::write_text(fs::path(FakeRunner::env(spec, "ZKGATE_OUT")) / "profile.json", "{\"total\": ");
    }
    return CommandResult{};
  };
  const Report report = run();
  BOOST_TEST((report.cases[0].state() == CaseState::failed_in_base));
  BOOST_TEST(report.cases[0].error.find("base: the profile command wrote no file matching") == 0u, report.cases[0].error);
  BOOST_TEST(report.cases[0].error.find("head: the profile does not parse") != std::string::npos, report.cases[0].error);
}

BOOST_AUTO_TEST_CASE(error_report_keeps_every_requested_case) {
  const Report report = zkgate::gate::run::error_report({"a", "b"}, "no merge base");
  BOOST_TEST(report.cases.size() == 2u);
  BOOST_TEST((report.cases[1].state() == CaseState::error));
  BOOST_TEST(report.cases[1].error == "no merge base");
  BOOST_TEST(zkgate::gate::run::error_report({}, "x").cases[0].name == "gate run");
  BOOST_TEST((zkgate::gate::run::error_report({}, "x").verdict() == Verdict::error));
}

BOOST_AUTO_TEST_SUITE_END()
