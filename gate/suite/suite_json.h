#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "gate/suite/suite.h"

// zkgate's own suite file ("schema": "zkgate-suite/1"): what `gate merge` writes from
// shards and what a `gate run` case may produce. Every Workload field round-trips;
// absent figures are absent keys, never 0.
namespace zkgate::gate::suite {

inline constexpr std::string_view kSuiteSchema = "zkgate-suite/1";

bool is_suite_json(const nlohmann::json& doc);

nlohmann::json suite_to_json(const Suite& suite);
nlohmann::json workload_to_json(const Workload& w);

// Throws util::InputError with file and JSON path; refuses another schema version.
Suite suite_from_json(const nlohmann::json& doc, const std::filesystem::path& file);

}  // namespace zkgate::gate::suite
