#pragma once

#include <string>
#include <string_view>

// Text a PR controls (symbol names from profiles, file names, TOML strings with escapes)
// reaches terminals, CI logs and report files. This makes it safe to print there: valid
// UTF-8, with every invalid byte and every control character except newline and tab
// (C0, DEL, C1: ESC sequences that move the cursor, recolour or hide log lines) replaced
// by U+FFFD. Renderers apply it to their whole output (text) or to each field (markdown).
namespace zkgate::util {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

std::string printable_text(std::string_view text);

// The same for one field of a one-line-per-item text (a symbol, a file name): newlines and
// tabs become spaces too, so a name cannot start a line of its own (such as a forged
// "::error::" workflow command in a CI log).
std::string printable_line(std::string_view text);

}  // namespace zkgate::util
