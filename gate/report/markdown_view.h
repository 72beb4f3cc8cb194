#pragma once

#include <kainjow/mustache.hpp>

#include "gate/compare/report_model.h"

namespace zkgate::gate {

// The mustache data of a report: raw text values (the template's escape function makes
// them safe), plus *_html and chart values already escaped for their context.
kainjow::mustache::data markdown_view(const Report& report);

// The mermaid xychart of the largest known function deltas; "" when there are fewer than two.
std::string function_delta_chart(const Comparison& comparison);

}  // namespace zkgate::gate
