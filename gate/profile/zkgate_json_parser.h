#pragma once

#include <istream>
#include <string>

#include "gate/profile/profile.h"

namespace zkgate::gate {

// zkgate's own JSON (profile_json.h) from a stream; syntax errors carry line and column.
// The "functions" list is read element by element and dropped from the DOM, so memory
// holds the model, not the document.
Profile parse_zkgate_json(std::istream& in, const std::string& source);

}  // namespace zkgate::gate
