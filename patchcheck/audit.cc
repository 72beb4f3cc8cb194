#include "patchcheck/audit.h"

#include "patchcheck/checks.h"
#include "util/exit_codes.h"

namespace zkgate::patchcheck {

AuditResult run_audit(Discovery discovery, const CryptoMatrix& matrix) {
  AuditResult result;
  result.matrix_origin = matrix.origin();
  result.skipped = std::move(discovery.skipped);
  for (Guest& guest : discovery.guests) {
    GuestReport report;
    report.guest = std::move(guest);
    check_guest(report.guest, matrix, result.findings);
    const Resolution resolution(report.guest, matrix);
    report.matrix = build_matrix_view(resolution, matrix);
    result.guests.push_back(std::move(report));
  }
  sort_findings(result.findings);
  return result;
}

int exit_code_for(const std::vector<Finding>& findings, std::optional<Severity> fail_on) {
  if (!fail_on) return util::kExitOk;
  for (const Finding& finding : findings) {
    if (finding.severity >= *fail_on) return util::kExitFail;
  }
  return util::kExitOk;
}

SeverityCounts count_severities(const std::vector<Finding>& findings) {
  SeverityCounts counts;
  for (const Finding& finding : findings) {
    if (finding.severity == Severity::kError) ++counts.errors;
    if (finding.severity == Severity::kWarning) ++counts.warnings;
    if (finding.severity == Severity::kInfo) ++counts.infos;
  }
  return counts;
}

}  // namespace zkgate::patchcheck
