#pragma once

#include <istream>
#include <string>

#include "gate/profile/profile.h"

namespace zkgate::gate {

// zkgate's own JSON (profile_json.h) from a stream; syntax errors carry line and column.
Profile parse_zkgate_json(std::istream& in, const std::string& source);

}  // namespace zkgate::gate
