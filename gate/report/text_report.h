#pragma once

#include <string>

#include "gate/compare/report_model.h"

namespace zkgate::gate {

// The report for a terminal: verdict line, one block per case with its totals, findings,
// largest function and opcode changes and crypto diagnosis. No colour, no markup.
std::string render_text(const Report& report);

}  // namespace zkgate::gate
