#include "gate/compare/format.h"

#include <cmath>

#include <fmt/format.h>

namespace zkgate::gate {

std::string grouped(std::uint64_t value) {
  const std::string digits = std::to_string(value);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  const std::size_t lead = digits.size() % 3;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (i + 3 - lead) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string signed_grouped(std::int64_t value) {
  if (value == 0) return "0";
  const std::uint64_t magnitude =
      value < 0 ? static_cast<std::uint64_t>(-(value + 1)) + 1 : static_cast<std::uint64_t>(value);
  return (value < 0 ? "-" : "+") + grouped(magnitude);
}

std::string signed_percent(double percent) {
  // Rounds first so that a tiny negative change never reads "-0.00%".
  const double rounded = std::round(percent * 100.0) / 100.0;
  if (rounded == 0.0) return "0.00%";
  return fmt::format("{:+.2f}%", rounded);
}

std::string plain_percent(double percent) {
  return fmt::format("{:g}%", percent);
}

std::string optional_grouped(const std::optional<std::uint64_t>& value, const std::string& unknown) {
  return value ? grouped(*value) : unknown;
}

}  // namespace zkgate::gate
