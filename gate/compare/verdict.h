#pragma once

#include <optional>
#include <string_view>

// The gate's answer for one case or a whole report, and the exit code it maps to.
namespace zkgate::gate {

enum class Verdict {
  pass,        // judged; nothing past the policy (improvements included)
  regression,  // judged; at least one rule failed
  error,       // could not judge (bad input, failed build or profile, nothing to compare)
};

// util::kExitOk, kExitFail or kExitError.
int exit_code(Verdict verdict);

// "pass", "regression", "error": the stable spelling used in JSON.
std::string_view to_string(Verdict verdict);
std::optional<Verdict> verdict_from_string(std::string_view text);

// The verdict of several judged parts: error dominates (something was not judged),
// then regression, then pass.
Verdict combine(Verdict a, Verdict b);

}  // namespace zkgate::gate
