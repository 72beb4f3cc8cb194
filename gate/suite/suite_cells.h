#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gate/suite/compare_suites.h"

// How a suite comparison spells its figures and states, shared by the markdown and text
// views: "641,243,893", "14.29 s", "+2.47%", "missing".
namespace zkgate::gate::suite {

// A metric value: grouped integer for steps, cost and milliseconds; seconds with 3 decimals.
std::string metric_cell(long double value, Metric metric);

// The base or head cell of a result: the value, or why there is none ("failed", "missing",
// "no data").
std::string side_cell(const WorkloadResult& r, bool head, Metric metric);

// "+2.47%", "-71.98%", "0.00%"; empty when there is no delta.
std::string delta_cell(const WorkloadResult& r);

// "14.293 s → 15.750 s" / "190,769 ms → 53,458 ms" for the wall-clock figures the gated
// metric does not cover; empty when neither side has one.
std::string wall_clock_cell(const WorkloadResult& r, Metric gated);

// The workload as a reader should see it: the key, with " → <head name>" for a rename.
std::string workload_label(const WorkloadResult& r);

// The zkVM (and version change) of a result: "zisk v0.11.0 → v0.12.0", "sp1 v5.2.3".
std::string zkvm_cell(const WorkloadResult& r);

std::string_view state_icon(State state);
std::string_view verdict_icon(SuiteVerdict verdict);
std::string_view verdict_title(SuiteVerdict verdict);

}  // namespace zkgate::gate::suite
