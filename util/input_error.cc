#include "util/input_error.h"

#include <fmt/format.h>

namespace zkgate::util {

std::string SourceLocation::to_string() const {
  if (line == 0) return file;
  if (column == 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

InputError::InputError(SourceLocation where, const std::string& message, std::string hint)
    : std::runtime_error(message), where_(std::move(where)), message_(message), hint_(std::move(hint)) {}

std::string InputError::describe() const {
  std::string out = where_.file.empty() ? message_ : fmt::format("{}: {}", where_.to_string(), message_);
  if (!hint_.empty()) out += fmt::format("\n  hint: {}", hint_);
  return out;
}

}  // namespace zkgate::util
