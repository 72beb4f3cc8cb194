#include "gate/compare/verdict.h"

#include "util/exit_codes.h"

namespace zkgate::gate {

int exit_code(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass: return util::kExitOk;
    case Verdict::regression: return util::kExitFail;
    case Verdict::error: return util::kExitError;
  }
  return util::kExitError;
}

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass: return "pass";
    case Verdict::regression: return "regression";
    case Verdict::error: return "error";
  }
  return "error";
}

std::optional<Verdict> verdict_from_string(std::string_view text) {
  if (text == "pass") return Verdict::pass;
  if (text == "regression") return Verdict::regression;
  if (text == "error") return Verdict::error;
  return std::nullopt;
}

Verdict combine(Verdict a, Verdict b) {
  if (a == Verdict::error || b == Verdict::error) return Verdict::error;
  if (a == Verdict::regression || b == Verdict::regression) return Verdict::regression;
  return Verdict::pass;
}

}  // namespace zkgate::gate
