#pragma once

#include <filesystem>
#include <string>

namespace zkgate::gate::run {

// A fresh folder under the system temp dir ($TMPDIR), "zkgate-<tag>-XXXXXX", removed with
// everything in it when the object dies, and by the interrupt watchdog should the process
// be stopped before that.
class TempTree {
 public:
  explicit TempTree(const std::string& tag);
  ~TempTree();
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int cleanup_id_ = 0;
};

}  // namespace zkgate::gate::run
