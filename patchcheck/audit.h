#pragma once

#include <optional>
#include <string>
#include <vector>

#include "patchcheck/discovery.h"
#include "patchcheck/finding.h"
#include "patchcheck/matrix.h"
#include "patchcheck/matrix_view.h"

namespace zkgate::patchcheck {

struct GuestReport {
  Guest guest;
  std::vector<CellView> matrix;
};

// Everything one run found, ready for any output format.
struct AuditResult {
  std::vector<GuestReport> guests;
  std::vector<Finding> findings;  // sorted
  std::vector<std::string> skipped;
  std::string matrix_origin;
};

// Runs every check on every discovered guest.
AuditResult run_audit(Discovery discovery, const CryptoMatrix& matrix);

// kExitFail when any finding is at or above fail_on (nullopt = never), else kExitOk.
int exit_code_for(const std::vector<Finding>& findings, std::optional<Severity> fail_on);

struct SeverityCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
};
SeverityCounts count_severities(const std::vector<Finding>& findings);

}  // namespace zkgate::patchcheck
