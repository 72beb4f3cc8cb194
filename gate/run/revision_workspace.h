#pragma once

#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "gate/run/command_runner.h"
#include "gate/run/progress.h"
#include "gate/run/revisions.h"
#include "gate/run/step_failure.h"
#include "gate/run/temp_tree.h"

// One revision's temporary tree, made on first use (a base whose cases all hit the cache
// is never checked out), and the builds run in it: each distinct build command runs once,
// however many cases share it (e.g. one guest build for several blocks).
namespace zkgate::gate::run {

class RevisionWorkspace {
 public:
  RevisionWorkspace(Revision revision, RevisionSource& source, SubmodulePolicy submodules, Progress& progress);

  const Revision& revision() const { return revision_; }

  // The materialised tree. The first call checks it out; a checkout failure is
  // rethrown (util::InputError) to every caller.
  std::filesystem::path tree();

  // Runs spec.command in the tree unless the same command already ran here; returns the
  // (first) outcome. Throws Interrupted when gate is being stopped.
  std::optional<StepFailure> build(const CommandSpec& spec, CommandRunner& runner, const std::string& case_name);

 private:
  std::optional<StepFailure> run_build(const CommandSpec& spec, CommandRunner& runner, const std::string& case_name);

  Revision revision_;
  RevisionSource& source_;
  SubmodulePolicy submodules_;
  Progress& progress_;

  std::mutex tree_mutex_;
  std::unique_ptr<TempTree> tree_;
  std::exception_ptr tree_error_;

  std::mutex builds_mutex_;
  std::map<std::string, std::shared_future<std::optional<StepFailure>>> builds_;
};

// "build failed: make (exit status 2)" with the log tail: the failure record of a command.
StepFailure command_failure(const std::string& step, const CommandSpec& spec, const CommandResult& result);

}  // namespace zkgate::gate::run
