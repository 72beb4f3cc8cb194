#pragma once

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "patchcheck/audit.h"
#include "patchcheck/matrix.h"

namespace zkgate::patchcheck {
// Lets Boost.Test print severities in failed assertions.
inline std::ostream& operator<<(std::ostream& out, Severity severity) { return out << to_string(severity); }
}  // namespace zkgate::patchcheck

// Small helpers the patchcheck suites share: run an audit on paths, pick findings.
namespace zkgate::patchcheck::test {

inline const CryptoMatrix& default_matrix() {
  static const CryptoMatrix matrix = CryptoMatrix::load_default();
  return matrix;
}

inline AuditResult audit_paths(const std::vector<std::string>& paths, const DiscoveryOptions& options = {}) {
  return run_audit(discover_guests(paths, options, default_matrix()), default_matrix());
}

inline std::vector<Finding> with_id(const AuditResult& result, const std::string& id) {
  std::vector<Finding> out;
  for (const Finding& finding : result.findings) {
    if (finding.id == id) out.push_back(finding);
  }
  return out;
}

inline std::set<std::string> crates_with_id(const AuditResult& result, const std::string& id) {
  std::set<std::string> out;
  for (const Finding& finding : with_id(result, id)) out.insert(finding.crate);
  return out;
}

inline std::set<std::string> ids_of(const AuditResult& result) {
  std::set<std::string> out;
  for (const Finding& finding : result.findings) out.insert(finding.id);
  return out;
}

}  // namespace zkgate::patchcheck::test
