#pragma once

#include <nlohmann/json.hpp>

#include "gate/suite/compare_suites.h"

// `gate compare --json` for suites: every workload with its state, both sides in full,
// the aggregates and the verdict ("schema": "zkgate-suite-comparison/1"). Never cut.
namespace zkgate::gate::suite {

inline constexpr std::string_view kComparisonSchema = "zkgate-suite-comparison/1";

nlohmann::json comparison_to_json(const SuiteComparison& comparison);

// The same document as text, built one workload at a time so that a suite of tens of
// thousands of workloads never exists as one JSON tree in memory. One workload per line.
std::string comparison_json_text(const SuiteComparison& comparison);

}  // namespace zkgate::gate::suite
