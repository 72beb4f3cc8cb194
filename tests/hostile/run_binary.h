#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <filesystem>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_support.h"
#include "util/file_io.h"

extern char** environ;

// Runs one of the real binaries on a hostile input, the way a CI job does: stdout and
// stderr captured together, a hard time limit (coreutils `timeout`) so a hang fails the
// test instead of blocking ctest, and the peak memory of the run so "bounded memory" is
// checked, not assumed.
namespace zkgate::test::hostile {

struct BinaryResult {
  int exit_code = -1;  // 128 + signal when killed (137: the time limit)
  std::string output;  // stdout and stderr, interleaved
  long peak_rss_kib = 0;
};

inline std::filesystem::path patchcheck_binary() { return binary_dir() / "patchcheck" / "patchcheck"; }
inline std::filesystem::path gate_binary() { return binary_dir() / "gate" / "cli" / "gate"; }

// `output_file` receives the output (a scratch path of the caller's TempDir).
inline BinaryResult run_binary(const std::filesystem::path& binary, const std::vector<std::string>& arguments,
                               const std::filesystem::path& output_file) {
  std::vector<std::string> command = {"timeout", "-s", "KILL", "120", binary.string()};
  command.insert(command.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& word : command) argv.push_back(word.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_addopen(&actions, 1, output_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "timeout", &actions, nullptr, argv.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  BOOST_REQUIRE_MESSAGE(spawned == 0, "cannot start " << binary.string());

  int status = 0;
  rusage usage{};
  BOOST_REQUIRE(::wait4(pid, &status, 0, &usage) == pid);
  BinaryResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.output = util::read_file(output_file);
  // The child's peak includes `timeout`'s waited-for child (the binary) and, as Linux
  // counts it, this test's own RSS at fork: an upper bound of the binary's peak.
  result.peak_rss_kib = usage.ru_maxrss;
  BOOST_TEST_MESSAGE("exit " << result.exit_code << ", peak RSS " << result.peak_rss_kib << " KiB: "
                             << result.output.substr(0, 600));
  return result;
}

}  // namespace zkgate::test::hostile
