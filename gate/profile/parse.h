#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "gate/profile/profile.h"

// Entry points of the profile parsers: one call turns a saved profiler output into the
// Profile model, or throws util::InputError (file:line, what was expected, a hint).
namespace zkgate::gate {

// The parser ids --format accepts, in detection order:
// "ziskemu", "sp1-log", "risc0-log", "openvm-metrics", "callgrind", "zkgate-json".
std::vector<std::string> profile_format_ids();

// One line per format for --help: "id: what it reads".
std::vector<std::string> profile_format_descriptions();

// The id of the format `text` (the start of an input, at least its first lines) looks
// like, or "" when nothing matches.
std::string detect_profile_format(std::string_view text);

// Reads a profile file, streaming it line by line (JSON formats through a SAX parser), so
// memory holds the model, not the file. format = "auto" detects it from the first MiB.
// Throws util::InputError for a missing, empty, binary, truncated or unknown input.
Profile parse_profile(const std::filesystem::path& file, const std::string& format = "auto");

// The same for text already in memory; source_name is used in messages and Profile::source.
Profile parse_profile_text(std::string_view text, const std::string& source_name, const std::string& format = "auto");

}  // namespace zkgate::gate
