#include "util/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>
#include <stdexcept>

#include <fmt/format.h>

#include "util/input_error.h"

namespace zkgate::util {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    throw InputError({path.string()}, "no such file", "check the path; relative paths are taken from the current directory");
  }
  if (fs::is_directory(status)) {
    throw InputError({path.string()}, "is a directory, expected a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({path.string()}, fmt::format("cannot open: {}", std::strerror(errno)));
  }
  const std::uintmax_t size = fs::is_regular_file(status) ? fs::file_size(path, ec) : 0;
  if (!ec && size > max_bytes) {
    throw InputError({path.string()}, fmt::format("file is {} bytes, more than the limit of {} bytes", size, max_bytes),
                     "this is not a profile zkgate can hold; check that the right file was given");
  }
  std::string content;
  if (size > 0) content.reserve(static_cast<std::size_t>(size));
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    content.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (content.size() > max_bytes) {
      throw InputError({path.string()}, fmt::format("input exceeds the limit of {} bytes", max_bytes));
    }
  }
  if (in.bad()) {
    throw InputError({path.string()}, fmt::format("read failed: {}", std::strerror(errno)));
  }
  return content;
}

void atomic_write_file(const fs::path& path, std::string_view content) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string temp = (folder / ("." + path.filename().string() + ".tmp.XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    throw std::runtime_error(fmt::format("cannot create a temporary file in {}: {}", folder.string(), std::strerror(errno)));
  }
  auto fail = [&](const char* step) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    throw std::runtime_error(fmt::format("cannot write {} ({}): {}", path.string(), step, std::strerror(saved)));
  };
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) fail("chmod");
  if (::fsync(fd) != 0) fail("fsync");
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    throw std::runtime_error(fmt::format("cannot write {} (close): {}", path.string(), std::strerror(saved)));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    throw std::runtime_error(fmt::format("cannot write {} (rename): {}", path.string(), std::strerror(saved)));
  }
}

void write_output(const std::string& path, std::string_view content, std::ostream& out) {
  if (path == "-") {
    out << content;
  } else {
    atomic_write_file(path, content);
  }
}

}  // namespace zkgate::util
