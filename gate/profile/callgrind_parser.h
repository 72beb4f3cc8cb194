#pragma once

#include "gate/profile/line_reader.h"
#include "gate/profile/profile.h"

namespace zkgate::gate {

// valgrind --tool=callgrind output files: every function with its self and inclusive cost
// of the Ir event (else the first event), call counts and callers. functions_complete is
// true: a function absent from the file did not run. The total is totals: (or summary:),
// checked against the sum of all cost lines.
Profile parse_callgrind(LineReader& in);

}  // namespace zkgate::gate
