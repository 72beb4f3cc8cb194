#pragma once

#include "gate/compare/comparison.h"
#include "gate/compare/policy.h"

namespace zkgate::gate {

// Judges the deltas of `comparison` against `policy` and appends the findings
// (failures, warnings, improvements, and rules that could not be checked).
void apply_policy(Comparison& comparison, const Policy& policy);

}  // namespace zkgate::gate
