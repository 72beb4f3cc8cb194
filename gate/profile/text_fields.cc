#include "gate/profile/text_fields.h"

#include "util/numbers.h"

namespace zkgate::gate {

namespace {
bool is_blank(char c) { return c == ' ' || c == '\t'; }
}  // namespace

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && (is_blank(text.back()) || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  return trim_right(text);
}

void split_fields(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  std::size_t i = 0;
  const std::size_t n = line.size();
  while (i < n) {
    while (i < n && is_blank(line[i])) ++i;
    const std::size_t start = i;
    while (i < n && !is_blank(line[i])) ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
}

std::string_view rest_of_line(std::string_view line, std::string_view field) {
  const std::size_t offset = static_cast<std::size_t>(field.data() - line.data());
  return trim_right(line.substr(offset));
}

bool is_rule(std::string_view line, char c) {
  const std::string_view body = trim(line);
  if (body.size() < 3) return false;
  for (const char ch : body) {
    if (ch != c) return false;
  }
  return true;
}

std::optional<unsigned> parse_rank(std::string_view field) {
  if (field.size() < 2 || field.front() != '#') return std::nullopt;
  const std::optional<std::uint64_t> value = util::parse_grouped_u64(field.substr(1));
  if (!value || *value == 0 || *value > 1000000) return std::nullopt;
  return static_cast<unsigned>(*value);
}

bool is_hex_word(std::string_view field) {
  if (field.empty() || field.size() > 16) return false;
  for (const char c : field) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) return false;
  }
  return true;
}

}  // namespace zkgate::gate
