#include "gate/run/git_handles.h"

#include <fmt/format.h>

namespace zkgate::gate::run {

LibGit2Session::LibGit2Session() { git_libgit2_init(); }

LibGit2Session::~LibGit2Session() { git_libgit2_shutdown(); }

std::string last_git_error(int code) {
  const git_error* error = git_error_last();
  if (error != nullptr && error->message != nullptr) return error->message;
  return fmt::format("libgit2 error code {}", code);
}

std::string oid_to_hex(const git_oid& oid) {
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

}  // namespace zkgate::gate::run
