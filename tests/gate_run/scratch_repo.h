#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "test_support.h"

// A scratch git repository built with the git command line (the tool users have), so the
// libgit2 code is checked against repositories git itself wrote.
namespace zkgate::test {

// Runs a shell command in dir; throws with the command when it fails.
inline void shell(const std::filesystem::path& dir, const std::string& command) {
  const std::string full = "cd '" + dir.string() + "' && { " + command + " ; } >/dev/null 2>&1";
  if (std::system(full.c_str()) != 0) throw std::runtime_error("command failed: " + command);
}

inline void write_text(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << text;
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// git with a fixed identity and no user/system config, so tests behave the same everywhere.
inline std::string git() {
  return "env GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com "
         "GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com git";
}

struct ScratchRepo : TempDir {
  std::filesystem::path repo;
  ScratchRepo() : repo(path / "repo") {
    std::filesystem::create_directories(repo);
    shell(repo, git() + " init -q -b main");
  }
  void commit_all(const std::string& message) { shell(repo, git() + " add -A && " + git() + " commit -q -m '" + message + "'"); }
};

}  // namespace zkgate::test
