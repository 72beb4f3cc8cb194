#pragma once

#include <cstdint>
#include <optional>

namespace zkgate::gate {

// One figure in base and head. A side is nullopt when the profile did not give it
// (a function outside a top-N list is "not ranked"): the change is then unknown, never
// computed against an invented 0.
struct Delta {
  std::optional<std::uint64_t> base;
  std::optional<std::uint64_t> head;

  bool known() const { return base.has_value() && head.has_value(); }
  // head - base, saturated to the int64 range; nullopt when a side is unknown.
  std::optional<std::int64_t> change() const;
  // 100 * (head - base) / base; nullopt when a side is unknown or base is 0.
  std::optional<double> percent() const;
};

}  // namespace zkgate::gate
