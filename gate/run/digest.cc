#include "gate/run/digest.h"

#include <fmt/format.h>

#include "gate/run/git_handles.h"
#include "util/input_error.h"

namespace zkgate::gate::run {

std::string digest_bytes(std::string_view bytes) {
  LibGit2Session session;
  git_oid oid;
  const int rc = git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB);
  if (rc != 0) throw std::runtime_error(fmt::format("cannot hash {} bytes: {}", bytes.size(), last_git_error(rc)));
  return oid_to_hex(oid);
}

std::string digest_file(const std::filesystem::path& path) {
  LibGit2Session session;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw util::InputError({path.string()}, "no such file", "the case's `input` is taken relative to the repository root");
  }
  git_oid oid;
  const int rc = git_odb_hashfile(&oid, path.c_str(), GIT_OBJECT_BLOB);
  if (rc != 0) throw util::InputError({path.string()}, fmt::format("cannot read to hash it: {}", last_git_error(rc)));
  return oid_to_hex(oid);
}

}  // namespace zkgate::gate::run
