#include "gate/run/revision_workspace.h"

#include <fmt/format.h>

#include "gate/run/interrupt.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

RevisionWorkspace::RevisionWorkspace(Revision revision, RevisionSource& source, SubmodulePolicy submodules,
                                     Progress& progress)
    : revision_(std::move(revision)), source_(source), submodules_(submodules), progress_(progress) {}

fs::path RevisionWorkspace::tree() {
  std::lock_guard<std::mutex> lock(tree_mutex_);
  if (tree_error_) std::rethrow_exception(tree_error_);
  if (tree_) return tree_->path();
  throw_if_interrupted();
  progress_.step(fmt::format("[{} {}] checking out", revision_.role, revision_.label()));
  std::unique_ptr<TempTree> made = std::make_unique<TempTree>(revision_.role);
  try {
    source_.materialize(revision_, made->path(), submodules_);
  } catch (...) {
    tree_error_ = std::current_exception();
    throw;
  }
  tree_ = std::move(made);
  throw_if_interrupted();
  return tree_->path();
}

std::optional<StepFailure> RevisionWorkspace::build(const CommandSpec& spec, CommandRunner& runner,
                                                    const std::string& case_name) {
  std::promise<std::optional<StepFailure>> promise;
  std::shared_future<std::optional<StepFailure>> outcome;
  bool runs_here = false;
  {
    std::lock_guard<std::mutex> lock(builds_mutex_);
    std::map<std::string, std::shared_future<std::optional<StepFailure>>>::iterator found = builds_.find(spec.command);
    if (found == builds_.end()) {
      outcome = promise.get_future().share();
      builds_.emplace(spec.command, outcome);
      runs_here = true;
    } else {
      outcome = found->second;
    }
  }
  if (runs_here) {
    try {
      promise.set_value(run_build(spec, runner, case_name));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  } else {
    progress_.step(fmt::format("[{} {}] {}: build shared with an earlier case", revision_.role, revision_.label(),
                               case_name));
  }
  return outcome.get();
}

std::optional<StepFailure> RevisionWorkspace::run_build(const CommandSpec& spec, CommandRunner& runner,
                                                        const std::string& case_name) {
  const std::string what = fmt::format("[{} {}] {}: build", revision_.role, revision_.label(), case_name);
  progress_.step(what + ": " + spec.command);
  CommandSpec with_heartbeat = spec;
  with_heartbeat.on_heartbeat = [this, what](std::chrono::seconds elapsed) {
    progress_.step(fmt::format("{} still running ({} s)", what, elapsed.count()));
  };
  const CommandResult result = runner.run(with_heartbeat);
  if (result.interrupted) throw_if_interrupted();
  progress_.step(fmt::format("{} {} in {:.1f} s", what, result.ok() ? "done" : "FAILED",
                             static_cast<double>(result.elapsed.count()) / 1000.0));
  if (result.ok()) return std::nullopt;
  return command_failure("build", spec, result);
}

StepFailure command_failure(const std::string& step, const CommandSpec& spec, const CommandResult& result) {
  StepFailure failure;
  failure.step = step;
  failure.command = spec.command;
  failure.status = result.describe(spec.timeout);
  failure.message = fmt::format("{} failed: `{}` ({})", step, spec.command, failure.status);
  // The error stream usually says why; fall back to stdout when it is empty.
  failure.log = spec.stderr_log;
  failure.log_tail = log_tail(spec.stderr_log);
  if (failure.log_tail.empty()) {
    failure.log = spec.stdout_log;
    failure.log_tail = log_tail(spec.stdout_log);
  }
  return failure;
}

}  // namespace zkgate::gate::run
