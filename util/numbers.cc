#include "util/numbers.h"

#include <charconv>
#include <cmath>
#include <string>

namespace zkgate::util {

std::optional<std::uint64_t> parse_grouped_u64(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  bool previous_was_digit = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
      if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
      value = value * 10 + digit;
      previous_was_digit = true;
    } else if ((c == ',' || c == '_') && previous_was_digit) {
      previous_was_digit = false;
    } else {
      return std::nullopt;
    }
  }
  if (!previous_was_digit) return std::nullopt;
  return value;
}

std::optional<double> parse_percent(std::string_view text) {
  if (!text.empty() && text.back() == '%') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace zkgate::util
