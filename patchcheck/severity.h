#pragma once

#include <optional>
#include <string_view>

namespace zkgate::patchcheck {

// Ordered: a finding is "at or above" a threshold when its value is >= the threshold's.
enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view to_string(Severity severity);
// "info", "warning" or "error"; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view text);

}  // namespace zkgate::patchcheck
