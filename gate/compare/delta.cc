#include "gate/compare/delta.h"

#include <limits>

namespace zkgate::gate {

std::optional<std::int64_t> Delta::change() const {
  if (!known()) return std::nullopt;
  constexpr std::uint64_t kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (*head >= *base) {
    const std::uint64_t up = *head - *base;
    return up > kMax ? std::numeric_limits<std::int64_t>::max() : static_cast<std::int64_t>(up);
  }
  const std::uint64_t down = *base - *head;
  return down > kMax ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(down);
}

std::optional<double> Delta::percent() const {
  if (!known() || *base == 0) return std::nullopt;
  const double b = static_cast<double>(*base);
  const double h = static_cast<double>(*head);
  return (h - b) / b * 100.0;
}

}  // namespace zkgate::gate
