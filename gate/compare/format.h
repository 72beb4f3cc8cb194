#pragma once

#include <cstdint>
#include <optional>
#include <string>

// How figures are spelled in findings and reports: "3,051,367,508", "-499,048,999", "-16.35%".
namespace zkgate::gate {

std::string grouped(std::uint64_t value);
std::string signed_grouped(std::int64_t value);       // "+1,234", "-1,234", "0"
std::string signed_percent(double percent);           // "+1.23%", "-16.35%", "0.00%"
std::string plain_percent(double percent);            // "1.23%" (limits)
std::string optional_grouped(const std::optional<std::uint64_t>& value, const std::string& unknown);

}  // namespace zkgate::gate
