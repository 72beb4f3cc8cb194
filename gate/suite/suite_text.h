#pragma once

#include <cstddef>
#include <string>

#include "gate/suite/compare_suites.h"

// The terminal summary of a suite comparison: verdict, counts, aggregates, version
// changes and the workloads that need attention (at most max_rows; the rest are counted).
namespace zkgate::gate::suite {

std::string render_suite_text(const SuiteComparison& comparison, std::size_t max_rows = 50);

}  // namespace zkgate::gate::suite
