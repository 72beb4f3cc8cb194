#pragma once

#include <filesystem>
#include <string>
#include <string_view>

// Content digests for cache keys and entry checksums: git blob ids (SHA-1 over
// "blob <size>\0<bytes>", computed by libgit2), so an input's digest is the id git itself
// would give the file.
namespace zkgate::gate::run {

std::string digest_bytes(std::string_view bytes);

// Throws util::InputError naming the file when it cannot be read.
std::string digest_file(const std::filesystem::path& path);

}  // namespace zkgate::gate::run
