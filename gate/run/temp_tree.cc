#include "gate/run/temp_tree.h"

#include <stdlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "gate/run/interrupt.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

TempTree::TempTree(const std::string& tag) {
  std::string pattern = (fs::temp_directory_path() / fmt::format("zkgate-{}-XXXXXX", tag)).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error(fmt::format("cannot create a temporary folder {}: {}", pattern, std::strerror(errno)));
  }
  path_ = pattern;
  const fs::path to_remove = path_;
  cleanup_id_ = register_emergency_cleanup([to_remove] {
    std::error_code ec;
    fs::remove_all(to_remove, ec);
  });
}

TempTree::~TempTree() {
  std::error_code ec;
  fs::remove_all(path_, ec);
  if (ec) std::fprintf(stderr, "gate: warning: could not remove %s: %s\n", path_.c_str(), ec.message().c_str());
  unregister_emergency_cleanup(cleanup_id_);
}

}  // namespace zkgate::gate::run
