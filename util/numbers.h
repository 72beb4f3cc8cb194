#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace zkgate::util {

// Parses an unsigned integer as profilers print it: "498,004,423", "498004423" or
// "1_000". Returns nullopt for anything else, including an empty string, a sign, a
// misplaced separator and values that do not fit in 64 bits (never wraps, never 0).
std::optional<std::uint64_t> parse_grouped_u64(std::string_view text);

// Parses "23.55%" or "23.55" as a finite double; nullopt for NaN, infinities or junk.
std::optional<double> parse_percent(std::string_view text);

}  // namespace zkgate::util
