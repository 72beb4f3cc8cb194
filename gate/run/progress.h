#pragma once

#include <chrono>
#include <mutex>
#include <string>

// Progress lines on stderr for long steps ("gate: [head 1a2b3c4d5e6f] fib: profile ... 12.3 s"),
// one whole line at a time from any thread; --quiet silences them. Problems the user must
// see (warnings) are printed even when quiet.
namespace zkgate::gate::run {

class Progress {
 public:
  explicit Progress(bool quiet, std::FILE* stream = stderr);

  void step(const std::string& line);     // a step starts or ends
  void warning(const std::string& line);  // always printed
  // Seconds since this object was created, for "[12.3 s]" stamps.
  double elapsed_seconds() const;

 private:
  void print(const std::string& line);

  bool quiet_;
  std::FILE* stream_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
};

}  // namespace zkgate::gate::run
