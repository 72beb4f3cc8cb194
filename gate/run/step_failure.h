#pragma once

#include <filesystem>
#include <string>

namespace zkgate::gate::run {

// Why one side of a case produced no profile: what the report shows under "could not judge".
struct StepFailure {
  std::string step;               // "checkout", "build", "profile", "output", "parse"
  std::string command;            // the shell command, when a command failed
  std::string status;             // "exit status 2", "timed out after 600 s (process group killed)", ...
  std::string message;            // one line, e.g. "build failed: make (exit status 2)"
  std::string log_tail;           // the last lines of the failing command's output
  std::filesystem::path log;      // the log the tail comes from
};

}  // namespace zkgate::gate::run
