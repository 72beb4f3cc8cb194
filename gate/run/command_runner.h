#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

// Runs one shell command of a case (build or profile). An interface so the orchestration is
// unit-tested without spawning anything; ShellCommandRunner is the real one.
namespace zkgate::gate::run {

struct CommandSpec {
  std::string command;                              // run as /bin/sh -c <command>
  std::filesystem::path working_dir;                // the revision's temporary tree
  std::map<std::string, std::string> environment;   // added to the inherited environment
  std::filesystem::path stdout_log;                 // both logs are (re)created
  std::filesystem::path stderr_log;
  std::chrono::seconds timeout{3600};
  // Called about every heartbeat_interval while the command runs (progress lines).
  std::function<void(std::chrono::seconds elapsed)> on_heartbeat;
  std::chrono::seconds heartbeat_interval{30};
};

struct CommandResult {
  int exit_code = 0;               // meaningful when the command ended on its own
  std::optional<int> term_signal;  // the signal that ended it, if any
  bool timed_out = false;          // killed (with its process group) at the timeout
  bool interrupted = false;        // killed because gate itself was interrupted
  bool spawn_failed = false;       // /bin/sh could not be started
  std::string spawn_error;
  std::chrono::milliseconds elapsed{0};

  bool ok() const { return !spawn_failed && !timed_out && !interrupted && !term_signal && exit_code == 0; }
  // "exit status 2", "killed by signal 9", "timed out after 600 s", ...
  std::string describe(std::chrono::seconds timeout) const;
};

class CommandRunner {
 public:
  virtual ~CommandRunner() = default;
  virtual CommandResult run(const CommandSpec& spec) = 0;
};

// Boost.Process: the command gets its own process group, so a timeout or an interrupt
// kills everything it started (make, cargo, their children), and stragglers are killed
// when it exits. Stdin is /dev/null.
class ShellCommandRunner : public CommandRunner {
 public:
  CommandResult run(const CommandSpec& spec) override;
};

// The last `lines` lines of a log file (at most max_bytes from its end), "" if unreadable.
std::string log_tail(const std::filesystem::path& log, std::size_t lines = 20, std::size_t max_bytes = 8192);

}  // namespace zkgate::gate::run
