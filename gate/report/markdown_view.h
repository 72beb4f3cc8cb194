#pragma once

#include <kainjow/mustache.hpp>

#include "gate/compare/report_model.h"

namespace zkgate::gate {

// The mustache data of a report: raw text values (the template's escape function makes
// them safe), plus *_html and chart values already escaped for their context.
kainjow::mustache::data markdown_view(const Report& report);

// One advice item as the report templates show it (rule_id, title, message, hint, evidence):
// the comparison report and the optimization report render the same rows.
kainjow::mustache::data advice_row(const AdviceItem& item);

// The mermaid xychart of the largest known function deltas; "" when there are fewer than two.
std::string function_delta_chart(const Comparison& comparison);

}  // namespace zkgate::gate
