#include "gate/run/progress.h"

#include <fmt/format.h>

namespace zkgate::gate::run {

Progress::Progress(bool quiet, std::FILE* stream)
    : quiet_(quiet), stream_(stream), start_(std::chrono::steady_clock::now()) {}

double Progress::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::print(const std::string& line) {
  std::lock_guard<std::mutex> lock(mutex_);
  fmt::print(stream_, "{}\n", line);
  std::fflush(stream_);
}

void Progress::step(const std::string& line) {
  if (!quiet_) print(fmt::format("gate: [{:6.1f} s] {}", elapsed_seconds(), line));
}

void Progress::warning(const std::string& line) { print("gate: warning: " + line); }

}  // namespace zkgate::gate::run
