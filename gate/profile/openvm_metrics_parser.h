#pragma once

#include <istream>
#include <string>

#include "gate/profile/profile.h"

namespace zkgate::gate {

// OpenVM metrics.json ({"counter": [...], "gauge": [...]}, entries {labels: [[k, v]...],
// metric, value}). total_cycles is reported per group (app program, leaf, internal ...):
// each group becomes one function and the total is their sum (said in total_note).
// Read as SAX events (no DOM): memory does not grow with the file.
Profile parse_openvm_metrics(std::istream& in, const std::string& source);

}  // namespace zkgate::gate
