#pragma once

#include <istream>
#include <span>
#include <string>
#include <string_view>

#include "gate/profile/line_reader.h"
#include "gate/profile/profile.h"

// The table of profile formats (ninja-style: one row per parser), in detection order.
namespace zkgate::gate {

struct ProfileFormat {
  const char* id;
  const char* description;
  bool (*detect)(std::string_view head);
  // Exactly one of the two is set: line-oriented text, or a JSON document from a stream.
  Profile (*parse_lines)(LineReader& in);
  Profile (*parse_stream)(std::istream& in, const std::string& source);
};

std::span<const ProfileFormat> profile_formats();
const ProfileFormat* find_profile_format(std::string_view id);

}  // namespace zkgate::gate
