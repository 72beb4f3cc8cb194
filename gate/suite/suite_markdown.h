#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "gate/suite/compare_suites.h"

// The suite report as GitHub markdown (PR comment, step summary), rendered from a
// mustache template: verdict, state counts, aggregates, version changes, the workloads
// that need attention, the top movers with a mermaid chart, the rest collapsed.
namespace zkgate::gate::suite {

// GitHub refuses comments longer than 65,536 characters; the report stays below this
// many bytes (bytes >= characters), leaving room for what a caller wraps around it.
inline constexpr std::size_t kMaxReportBytes = 65'000;

// How many workloads the "Top movers" table and chart show.
inline constexpr std::size_t kTopMovers = 10;

// The embedded default template (templates/suite-report.md.mustache).
std::string_view default_suite_template();

// Renders the report. {{field}} is escaped with util::escape_markdown. When the full
// report would exceed max_bytes, rows are dropped from the end of the priority order
// (attention, movers, rest) and a visible note says how many and where the full list is.
// Throws util::InputError naming template_name when the template does not parse.
std::string render_suite_markdown(const SuiteComparison& comparison, std::string_view template_text,
                                  const std::string& template_name = "default suite template",
                                  std::size_t max_bytes = kMaxReportBytes);

std::string render_suite_markdown(const SuiteComparison& comparison);

}  // namespace zkgate::gate::suite
