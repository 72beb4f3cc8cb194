#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

namespace zkgate::util {

// Inputs larger than this are refused with a clear error instead of exhausting memory.
inline constexpr std::uintmax_t kDefaultMaxInputBytes = 2ULL * 1024 * 1024 * 1024;

// Reads a whole file. Throws InputError naming the file when it is missing, not a regular
// file, unreadable, or larger than max_bytes.
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes = kDefaultMaxInputBytes);

// Writes content so that readers see either the old file or the whole new one, never a
// torn write: a unique temporary file in the same folder, flushed, then renamed over path.
// Throws std::runtime_error (with the OS reason) when any step fails; the temp file is removed.
void atomic_write_file(const std::filesystem::path& path, std::string_view content);

// Where every report goes: "-" writes content to out (stdout for the tools), any other path
// is written atomically (atomic_write_file).
void write_output(const std::string& path, std::string_view content, std::ostream& out);

}  // namespace zkgate::util
