#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace zkgate::util {

// Where in an input file something was found; line and column are 1-based, 0 = unknown.
struct SourceLocation {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;

  // "file:line:col", "file:line" or "file", as much as is known.
  std::string to_string() const;
};

// Thrown when an input cannot be used at all ("cannot continue"); caught once in main
// and printed as "<tool>: error: <where>: <what>" plus the hint, with exit code 2.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& message, std::string hint = {});

  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }
  const std::string& hint() const { return hint_; }

  // The whole diagnostic, e.g. "Cargo.toml:12:3: expected a table (hint: ...)".
  std::string describe() const;

 private:
  SourceLocation where_;
  std::string message_;
  std::string hint_;
};

}  // namespace zkgate::util
