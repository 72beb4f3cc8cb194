#include <nlohmann/json.hpp>

#include "patchcheck/report.h"
#include "util/json_text.h"

namespace zkgate::patchcheck {
namespace {

using nlohmann::json;

json string_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

std::string_view ref_kind_name(RefKind kind) {
  switch (kind) {
    case RefKind::kTag: return "tag";
    case RefKind::kBranch: return "branch";
    case RefKind::kRev: return "rev";
    case RefKind::kNone: break;
  }
  return "none";
}

json patch_json(const PatchEntry& entry) {
  return json{{"key", entry.spec.key},
              {"crate", entry.spec.crate},
              {"table", entry.table},
              {"git", string_or_null(entry.spec.git)},
              {"ref_kind", ref_kind_name(entry.spec.ref.kind)},
              {"ref", string_or_null(entry.spec.ref.value)},
              {"path", string_or_null(entry.spec.path)},
              {"line", entry.spec.line}};
}

json guest_json(const GuestReport& report) {
  const Guest& guest = report.guest;
  json patches = json::array();
  for (const PatchEntry& entry : guest.manifest.patches) patches.push_back(patch_json(entry));
  json commented = json::array();
  for (const PatchEntry& entry : guest.manifest.commented_patches) commented.push_back(patch_json(entry));
  json cells = json::array();
  for (const CellView& cell : report.matrix) {
    cells.push_back({{"operation", cell.operation},
                     {"expected", to_string(cell.expected)},
                     {"crate", string_or_null(cell.crate)},
                     {"resolved", string_or_null(cell.resolved)},
                     {"verdict", to_string(cell.verdict)},
                     {"reason", cell.reason}});
  }
  return json{{"manifest", guest.manifest_path},
              {"lock", string_or_null(guest.lock_path)},
              {"lock_format", guest.lock ? json(guest.lock->format_version()) : json(nullptr)},
              {"zkvm", guest.zkvm},
              {"zkvm_reason", guest.zkvm_reason},
              {"sdk_version", string_or_null(guest.sdk_version)},
              {"patches", patches},
              {"commented_out_patches", commented},
              {"matrix", cells}};
}

}  // namespace

std::string render_json(const AuditResult& result, const CryptoMatrix& matrix, int exit_code, std::optional<Severity> fail_on) {
  const SeverityCounts counts = count_severities(result.findings);
  json guests = json::array();
  for (const GuestReport& report : result.guests) guests.push_back(guest_json(report));
  json findings = json::array();
  for (const Finding& finding : result.findings) {
    findings.push_back({{"id", finding.id},
                        {"severity", to_string(finding.severity)},
                        {"file", finding.file},
                        {"line", finding.line == 0 ? json(nullptr) : json(finding.line)},
                        {"message", finding.message},
                        {"hint", finding.hint},
                        {"guest", finding.guest},
                        {"crate", string_or_null(finding.crate)},
                        {"dependents", finding.dependents}});
  }
  const json document = {
      {"schema", "zkgate.patchcheck"},
      {"schema_version", kJsonSchemaVersion},
      {"tool_version", ZKGATE_VERSION},
      {"matrix", {{"origin", matrix.origin()}, {"schema_version", matrix.schema_version()}}},
      {"fail_on", fail_on ? json(to_string(*fail_on)) : json("never")},
      {"exit_code", exit_code},
      {"summary", {{"guests", result.guests.size()}, {"errors", counts.errors}, {"warnings", counts.warnings}, {"infos", counts.infos}}},
      {"guests", guests},
      {"findings", findings},
      {"skipped", result.skipped},
  };
  // Paths are folder names a PR chooses: invalid UTF-8 is replaced (U+FFFD), never thrown.
  return util::dump_json(document, 2) + "\n";
}

}  // namespace zkgate::patchcheck
