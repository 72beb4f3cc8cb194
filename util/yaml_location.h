#pragma once

#include <cstddef>
#include <string>

#include <yaml-cpp/mark.h>

#include "util/input_error.h"

namespace zkgate::util {

// Where a yaml-cpp mark points, 1-based; a null mark (yaml-cpp knows no place) is the file alone.
// Header-only: every reader that includes it already links yaml-cpp; zkgate_util does not.
inline SourceLocation yaml_location(const std::string& file, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0) return {file, 0, 0};
  return {file, static_cast<std::size_t>(mark.line) + 1, static_cast<std::size_t>(mark.column) + 1};
}

}  // namespace zkgate::util
