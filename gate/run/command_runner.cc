#include "gate/run/command_runner.h"

#include <signal.h>
#include <sys/wait.h>

#include <fstream>
#include <system_error>
#include <thread>
#include <vector>

#include <boost/filesystem/path.hpp>
#include <boost/process.hpp>
#include <fmt/format.h>

#include "gate/run/interrupt.h"

namespace zkgate::gate::run {

namespace bp = boost::process;
namespace fs = std::filesystem;

namespace {

constexpr std::chrono::milliseconds kPollInterval{20};

// Kills whatever is left of the command's process group; it may already be gone.
void kill_group(pid_t group) {
  if (group > 0) ::killpg(group, SIGKILL);
}

}  // namespace

std::string CommandResult::describe(std::chrono::seconds timeout) const {
  if (spawn_failed) return fmt::format("could not start /bin/sh: {}", spawn_error);
  if (interrupted) return "stopped because gate was interrupted";
  if (timed_out) return fmt::format("timed out after {} s (process group killed)", timeout.count());
  if (term_signal) return fmt::format("killed by signal {} ({})", *term_signal, ::strsignal(*term_signal));
  return fmt::format("exit status {}", exit_code);
}

CommandResult ShellCommandRunner::run(const CommandSpec& spec) {
  CommandResult result;
  const std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  bp::environment environment = boost::this_process::environment();
  for (const std::pair<const std::string, std::string>& entry : spec.environment) {
    environment[entry.first] = entry.second;
  }
  std::error_code ec;
  if (!fs::is_directory(spec.working_dir, ec)) {
    result.spawn_failed = true;
    result.spawn_error = fmt::format("working folder {} does not exist", spec.working_dir.string());
    return result;
  }
  bp::group group;
  bp::child child(bp::exe = "/bin/sh", bp::args = std::vector<std::string>{"-c", spec.command},
                  bp::start_dir = spec.working_dir.string(),
                  bp::std_in < bp::null,
                  bp::std_out > boost::filesystem::path(spec.stdout_log.string()),
                  bp::std_err > boost::filesystem::path(spec.stderr_log.string()),
                  bp::env = environment, group, ec);
  if (ec) {
    result.spawn_failed = true;
    result.spawn_error = ec.message();
    return result;
  }
  const pid_t group_id = group.native_handle();
  const int cleanup_id = register_emergency_cleanup([group_id] { kill_group(group_id); });

  const std::chrono::steady_clock::time_point deadline = start + spec.timeout;
  std::chrono::steady_clock::time_point next_heartbeat = start + spec.heartbeat_interval;
  while (child.running(ec) && !ec) {
    const std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now();
    if (interrupt_requested()) {
      result.interrupted = true;
      break;
    }
    if (now >= deadline) {
      result.timed_out = true;
      break;
    }
    if (spec.on_heartbeat && now >= next_heartbeat) {
      spec.on_heartbeat(std::chrono::duration_cast<std::chrono::seconds>(now - start));
      next_heartbeat = now + spec.heartbeat_interval;
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  // Whether it ended or not, nothing the command started may outlive it: background
  // children would keep writing into a tree that is about to be removed.
  kill_group(group_id);
  child.wait(ec);
  unregister_emergency_cleanup(cleanup_id);
  group.detach();

  const int status = child.native_exit_code();
  if (!result.timed_out && !result.interrupted) {
    if (WIFSIGNALED(status)) {
      result.term_signal = WTERMSIG(status);
    } else {
      result.exit_code = WEXITSTATUS(status);
    }
  }
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  return result;
}

std::string log_tail(const fs::path& log, std::size_t lines, std::size_t max_bytes) {
  std::ifstream in(log, std::ios::binary);
  if (!in) return {};
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  const std::streamoff from = size > static_cast<std::streamoff>(max_bytes) ? size - static_cast<std::streamoff>(max_bytes) : 0;
  in.seekg(from);
  std::string text(static_cast<std::size_t>(size - from), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  // Walk back over `lines` newlines; the tail starts after the last one passed.
  std::size_t cut = text.size();
  std::size_t kept = 0;
  while (kept < lines) {
    const std::size_t newline = cut == 0 ? std::string::npos : text.rfind('\n', cut - 1);
    if (newline == std::string::npos) {
      cut = 0;
      break;
    }
    ++kept;
    cut = kept == lines ? newline + 1 : newline;
  }
  return text.substr(cut);
}

}  // namespace zkgate::gate::run
