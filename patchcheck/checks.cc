#include "patchcheck/checks.h"

#include <fmt/format.h>

namespace zkgate::patchcheck {

Finding make_finding(const Guest& guest, std::string_view id, Severity severity, const std::string& file, std::size_t line) {
  Finding finding;
  finding.id = std::string(id);
  finding.severity = severity;
  finding.file = file;
  finding.line = line;
  finding.guest = guest.manifest_path;
  return finding;
}

std::size_t commented_line_for(const Manifest& manifest, std::string_view crate) {
  for (const PatchEntry& entry : manifest.commented_patches) {
    if (entry.spec.crate == crate) return entry.spec.line;
  }
  return 0;
}

void check_commented_out(const Resolution& resolution, std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  for (const PatchEntry& entry : guest.manifest.commented_patches) {
    Finding finding = make_finding(guest, "patch-commented-out", Severity::kInfo, guest.manifest_path, entry.spec.line);
    finding.crate = entry.spec.crate;
    const std::string source = entry.spec.git.empty() ? entry.spec.path
                                                      : fmt::format("{} {}", short_repo(entry.spec.git_normalized), describe(entry.spec.ref));
    finding.message = source.empty() ? fmt::format("commented-out patch line for {}", entry.spec.crate)
                                     : fmt::format("commented-out patch for {} ({})", entry.spec.crate, source);
    finding.hint = "Cargo ignores it; keep the reason next to it, or delete the line";
    findings.push_back(std::move(finding));
  }
  for (const CommentedHeader& header : guest.manifest.commented_headers) {
    Finding finding = make_finding(guest, "patch-commented-out", Severity::kInfo, guest.manifest_path, header.line);
    finding.message = fmt::format("commented-out patch table header: {}", header.text);
    finding.hint = "every entry under it is inactive too";
    findings.push_back(std::move(finding));
  }
}

void check_guest(const Guest& guest, const CryptoMatrix& matrix, std::vector<Finding>& findings) {
  const Resolution resolution(guest, matrix);
  check_matrix_cells(resolution, matrix, findings);
  check_lock(resolution, matrix, findings);
  check_double_resolution(resolution, matrix, findings);
  check_patch_sources(resolution, matrix, findings);
  check_commented_out(resolution, findings);
}

}  // namespace zkgate::patchcheck
