#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "util/input_error.h"

// What every fuzz target shares. The contract under test is the one main() relies on:
// any input either parses or throws util::InputError (printed, exit 2). Any other
// exception escaping, a sanitizer report, a hang or a blow-up of memory is a finding.
namespace zkgate::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The input as a file for entry points that take a path (they must go through
// util::read_file like the product does): an anonymous in-memory file, no disk traffic.
class MemoryFile {
 public:
  explicit MemoryFile(std::string_view content) : fd_(::memfd_create("zkgate-fuzz", 0)) {
    if (fd_ < 0) std::abort();
    std::size_t written = 0;
    while (written < content.size()) {
      const ssize_t n = ::write(fd_, content.data() + written, content.size() - written);
      if (n <= 0) std::abort();
      written += static_cast<std::size_t>(n);
    }
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  std::filesystem::path path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_;
};

// Runs one parse; InputError is the documented refusal, everything else propagates to
// libFuzzer, which reports an uncaught exception as a crash with the input saved.
template <typename Parse>
void expect_parse_or_input_error(Parse&& parse) {
  try {
    parse();
  } catch (const util::InputError& error) {
    // The message main() would print must be buildable for every refusal.
    if (error.describe().empty()) std::abort();
  }
}

}  // namespace zkgate::fuzz
