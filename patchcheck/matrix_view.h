#pragma once

#include <string>
#include <vector>

#include "patchcheck/matrix.h"
#include "patchcheck/resolution.h"

// The operation x zkVM matrix as one guest really resolves it: the crate behind each
// operation, where the lock takes it from, and whether that is accelerated.
namespace zkgate::patchcheck {

enum class CellVerdict { kAccelerated, kNative, kCaveat, kNotApplicable };

// "ok", "fail", "warn", "n/a" (JSON); the emoji for markdown.
std::string_view to_string(CellVerdict verdict);
std::string_view emoji(CellVerdict verdict);

struct CellView {
  std::string operation;
  Expectation expected = Expectation::kUnknown;
  std::string crate;
  std::string resolved;  // "0.13.4 sp1-patches/elliptic-curves tag ..."; "" when not in the lock
  CellVerdict verdict = CellVerdict::kNotApplicable;
  std::string reason;
};

std::vector<CellView> build_matrix_view(const Resolution& resolution, const CryptoMatrix& matrix);

}  // namespace zkgate::patchcheck
