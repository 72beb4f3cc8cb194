#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_support.h"
#include "util/file_io.h"

extern char** environ;

// Runs one of the real binaries on a hostile input, the way a CI job does: stdout and
// stderr captured together, a hard time limit (coreutils `timeout`) so a hang fails the
// test instead of blocking ctest, and the peak memory of the run (GNU time) so "bounded
// memory" is checked, not assumed.
namespace zkgate::test::hostile {

struct BinaryResult {
  int exit_code = -1;  // 128 + signal when killed (137: the time limit)
  std::string output;  // stdout and stderr, interleaved
  long peak_rss_kib = 0;
};

inline std::filesystem::path patchcheck_binary() { return binary_dir() / "patchcheck" / "patchcheck"; }
inline std::filesystem::path gate_binary() { return binary_dir() / "gate" / "cli" / "gate"; }

// `output_file` receives the output (a scratch path of the caller's TempDir). The peak RSS
// is GNU time's %M for the binary: time forks it from its own small image, so the figure is
// the binary's own, not this (possibly large, sanitized) test process's inherited one.
inline BinaryResult run_binary(const std::filesystem::path& binary, const std::vector<std::string>& arguments,
                               const std::filesystem::path& output_file) {
  const std::filesystem::path rss_file = output_file.string() + ".rss";
  std::vector<std::string> command = {"/usr/bin/time", "-f", "%M", "-o", rss_file.string(),
                                      "timeout", "-s", "KILL", "120", binary.string()};
  command.insert(command.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& word : command) argv.push_back(word.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_addopen(&actions, 1, output_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, command[0].c_str(), &actions, nullptr, argv.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  BOOST_REQUIRE_MESSAGE(spawned == 0, "cannot start /usr/bin/time (Debian package `time`) for " << binary.string());

  int status = 0;
  BOOST_REQUIRE(::waitpid(pid, &status, 0) == pid);
  BinaryResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.output = util::read_file(output_file);
  // The last line of time's file is the figure ("Command exited with non-zero status" precedes it).
  const std::string rss = util::read_file(rss_file);
  const std::size_t last = rss.find_last_of('\n', rss.size() >= 2 ? rss.size() - 2 : 0);
  result.peak_rss_kib = std::atol(rss.c_str() + (last == std::string::npos ? 0 : last + 1));
  BOOST_TEST_MESSAGE("exit " << result.exit_code << ", peak RSS " << result.peak_rss_kib << " KiB: "
                             << result.output.substr(0, 600));
  return result;
}

}  // namespace zkgate::test::hostile
