#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "gate/compare/report_model.h"

// The --json report (schema "zkgate-report", documented in README.md "gate JSON report").
// gate merge reads these files back, so reading is as strict as writing is complete.
namespace zkgate::gate {

inline constexpr int kReportSchemaVersion = 1;

nlohmann::json report_to_json(const Report& report);
// Pretty-printed, newline-terminated.
std::string report_to_json_text(const Report& report);

// Throws util::InputError naming `source` (and the JSON path of the offending value) when
// the document is not a zkgate report of a schema version this build reads.
Report report_from_json(const nlohmann::json& document, const std::string& source);
Report report_from_json_text(std::string_view text, const std::string& source);

}  // namespace zkgate::gate
