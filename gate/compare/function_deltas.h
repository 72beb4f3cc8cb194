#pragma once

#include <optional>
#include <vector>

#include "gate/compare/comparison.h"
#include "gate/profile/profile.h"

namespace zkgate::gate {

struct FunctionMatch {
  std::vector<FunctionDelta> deltas;       // largest known change first
  std::optional<unsigned> compared_top_n;  // depth used for entered/left top (steps list, else cost list)
};

// Pairs the functions of base and head by name. A figure is known on a side only when the
// function is listed there with that figure, or when the side lists every function
// (functions_complete: absence then means it did not run, i.e. 0). `top` is the policy's
// "new function in top N" depth, clipped to what both lists cover.
FunctionMatch match_functions(const Profile& base, const Profile& head, unsigned top);

}  // namespace zkgate::gate
