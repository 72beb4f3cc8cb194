#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include <sys/wait.h>

// Boost 1.74's boost::function copy trips GCC 12's -Wuninitialized (a false positive in
// the precondition decorator behind needs_corpus()); silenced for these headers only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/test/unit_test.hpp>
#include "test_support.h"
#pragma GCC diagnostic pop
#include "util/file_io.h"

// Runs the real `gate` binary with a shell command line and captures its exit code,
// stdout and stderr.
namespace zkgate::test {

struct GateRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::filesystem::path gate_binary() { return binary_dir() / "gate" / "cli" / "gate"; }

inline std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

inline GateRun run_gate(const std::string& arguments, const std::filesystem::path& scratch) {
  const std::filesystem::path out = scratch / "stdout.txt";
  const std::filesystem::path err = scratch / "stderr.txt";
  const std::string command = quoted(gate_binary()) + " " + arguments + " >" + quoted(out) + " 2>" + quoted(err);
  const int status = std::system(command.c_str());
  GateRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = util::read_file(out);
  run.err = util::read_file(err);
  return run;
}

inline std::filesystem::path risc0_profile_path(const std::string& which) {
  return corpus_dir() / "profiles" / "risc0" / ("ethrex-e8b776a8-risc0-execute-block23350480-" + which + ".log");
}

}  // namespace zkgate::test
