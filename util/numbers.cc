#include "util/numbers.h"

#include <charconv>
#include <cmath>
#include <string>

namespace zkgate::util {

namespace {

// Up to 19 digits fit in 64 bits (10^19 - 1 < 2^64), so a text this short is read without
// overflow checks: the profile parsers read millions of such figures.
constexpr std::size_t kDigitsThatAlwaysFit = 19;

// Any length, every digit checked for overflow.
std::optional<std::uint64_t> checked_grouped_u64(std::string_view text) {
  std::uint64_t value = 0;
  bool previous_was_digit = false;
  for (const char c : text) {
    const unsigned digit = static_cast<unsigned>(static_cast<unsigned char>(c)) - unsigned{'0'};
    if (digit <= 9) {
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

// The same grammar for text of at most kDigitsThatAlwaysFit bytes: runs of digits, each
// but the last followed by one separator.
std::optional<std::uint64_t> short_grouped_u64(std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  std::uint64_t value = 0;
  while (true) {
    unsigned digit = static_cast<unsigned>(static_cast<unsigned char>(*p)) - unsigned{'0'};
    if (digit > 9) return std::nullopt;  // a run must start with a digit
    do {
      value = value * 10 + digit;
      if (++p == end) return value;
      digit = static_cast<unsigned>(static_cast<unsigned char>(*p)) - unsigned{'0'};
    } while (digit <= 9);
    if ((*p != ',' && *p != '_') || ++p == end) return std::nullopt;
  }
}

}  // namespace

std::optional<std::uint64_t> parse_grouped_u64(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.size() <= kDigitsThatAlwaysFit) return short_grouped_u64(text);
  return checked_grouped_u64(text);
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
