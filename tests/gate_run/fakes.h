#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "gate/run/command_runner.h"
#include "gate/run/revisions.h"
#include "scratch_repo.h"

// Injected stand-ins for git and the process runner: the orchestration is tested without
// a repository and without spawning anything.
namespace zkgate::test {

class FakeRevisionSource : public gate::run::RevisionSource {
 public:
  std::map<std::string, std::map<std::string, std::string>> files;  // role -> path -> content
  int materialized = 0;

  gate::run::Revision resolve_head(const std::string& spec) override {
    return {"head", spec, std::string(40, 'a'), spec == "WORKTREE"};
  }
  gate::run::Revision resolve_base(const gate::run::Revision&, const std::optional<std::string>& spec) override {
    return {"base", spec.value_or("main"), std::string(40, 'b'), false};
  }
  std::optional<std::string> read_file(const gate::run::Revision& revision, const std::string& path) override {
    const std::map<std::string, std::string>& tree = files[revision.role];
    const std::map<std::string, std::string>::const_iterator found = tree.find(path);
    if (found == tree.end()) return std::nullopt;
    return found->second;
  }
  void materialize(const gate::run::Revision& revision, const std::filesystem::path& target,
                   gate::run::SubmodulePolicy) override {
    std::lock_guard<std::mutex> lock(mutex_);
    ++materialized;
    for (const std::pair<const std::string, std::string>& file : files[revision.role]) {
      write_text(target / file.first, file.second);
    }
  }
  std::vector<std::string> notes() const override { return {}; }

 private:
  std::mutex mutex_;
};

// Records every command; `behaviour` decides what each one does (write files, fail, ...).
class FakeRunner : public gate::run::CommandRunner {
 public:
  std::function<gate::run::CommandResult(const gate::run::CommandSpec&)> behaviour;
  std::vector<std::string> ran;  // "<ZKGATE_ROLE> <ZKGATE_CASE> <command>"

  gate::run::CommandResult run(const gate::run::CommandSpec& spec) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ran.push_back(env(spec, "ZKGATE_ROLE") + " " + env(spec, "ZKGATE_CASE") + " " + spec.command);
    }
    write_text(spec.stdout_log, "");
    write_text(spec.stderr_log, "");
    return behaviour ? behaviour(spec) : gate::run::CommandResult{};
  }

  std::size_t count(const std::string& prefix) const {
    std::size_t n = 0;
    for (const std::string& line : ran) n += line.rfind(prefix, 0) == 0 ? 1 : 0;
    return n;
  }

  static std::string env(const gate::run::CommandSpec& spec, const std::string& name) {
    const std::map<std::string, std::string>::const_iterator found = spec.environment.find(name);
    return found == spec.environment.end() ? "" : found->second;
  }

 private:
  std::mutex mutex_;
};

}  // namespace zkgate::test
