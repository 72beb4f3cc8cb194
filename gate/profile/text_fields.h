#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

// Small helpers the text-profile parsers share: whitespace fields that stay views into
// the line (so a name can be taken as "the rest of the line" with its inner spaces).
namespace zkgate::gate {

std::string_view trim(std::string_view text);
std::string_view trim_right(std::string_view text);

// Whether `text` starts with the literal `prefix` (a constant-length compare the compiler
// inlines, for dispatching lines on their first word).
template <std::size_t N>
bool has_prefix(std::string_view text, const char (&prefix)[N]) {
  return text.size() >= N - 1 && std::memcmp(text.data(), prefix, N - 1) == 0;
}

// Splits on spaces and tabs; `fields` is cleared first and its capacity reused.
void split_fields(std::string_view line, std::vector<std::string_view>& fields);

// The line from the start of `field` (a view into `line`) to its end, right-trimmed.
std::string_view rest_of_line(std::string_view line, std::string_view field);

// Whether trim(line) is empty (only spaces, tabs and "\r"), decided at the first other byte.
bool is_blank_line(std::string_view line);

// A line made of one repeated character ("-----", "=====") with optional indentation.
bool is_rule(std::string_view line, char c = '-');

// "#3" -> 3.
std::optional<unsigned> parse_rank(std::string_view field);

bool is_hex_word(std::string_view field);

}  // namespace zkgate::gate
