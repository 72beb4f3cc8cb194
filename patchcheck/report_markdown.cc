#include <fmt/format.h>

#include "patchcheck/report.h"
#include "util/markdown.h"

namespace zkgate::patchcheck {
namespace {

using util::escape_markdown;

std::string_view severity_emoji(Severity severity) {
  switch (severity) {
    case Severity::kError: return "\u274c";
    case Severity::kWarning: return "\u26a0\ufe0f";
    case Severity::kInfo: return "\u2139\ufe0f";
  }
  return "";
}

std::string findings_table(const AuditResult& result) {
  if (result.findings.empty()) return "No findings.\n";
  std::string out = "| severity | id | where | finding | hint |\n| --- | --- | --- | --- | --- |\n";
  for (const Finding& finding : result.findings) {
    const std::string where = finding.line == 0 ? finding.file : fmt::format("{}:{}", finding.file, finding.line);
    out += fmt::format("| {} {} | {} | {} | {} | {} |\n", severity_emoji(finding.severity), to_string(finding.severity),
                       escape_markdown(finding.id), escape_markdown(where), escape_markdown(finding.message),
                       escape_markdown(finding.hint));
  }
  return out;
}

std::string matrix_table(const AuditResult& result) {
  if (result.guests.empty()) return {};
  std::string out = "| operation |";
  std::string rule = "| --- |";
  for (const GuestReport& report : result.guests) {
    out += fmt::format(" {} {} |", escape_markdown(report.guest.zkvm), escape_markdown(report.guest.manifest_path));
    rule += " --- |";
  }
  out += "\n" + rule + "\n";
  const std::vector<CellView>& first = result.guests.front().matrix;
  for (std::size_t row = 0; row < first.size(); ++row) {
    out += fmt::format("| {} |", escape_markdown(first[row].operation));
    for (const GuestReport& report : result.guests) {
      if (row >= report.matrix.size()) {
        out += " |";
        continue;
      }
      const CellView& cell = report.matrix[row];
      std::string text = fmt::format("{} ", emoji(cell.verdict));
      if (!cell.crate.empty()) text += fmt::format("{}: ", escape_markdown(cell.crate));
      if (!cell.resolved.empty()) text += escape_markdown(cell.resolved) + " \u2014 ";
      text += escape_markdown(cell.reason);
      out += " " + text + " |";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string render_markdown(const AuditResult& result) {
  const SeverityCounts counts = count_severities(result.findings);
  const std::string_view verdict = counts.errors > 0 ? "\u274c" : (counts.warnings > 0 ? "\u26a0\ufe0f" : "\u2705");
  std::string out = fmt::format("## {} patchcheck: {} error(s), {} warning(s), {} info in {} guest(s)\n\n", verdict, counts.errors,
                                counts.warnings, counts.infos, result.guests.size());
  out += "| guest | zkVM | SDK | Cargo.lock |\n| --- | --- | --- | --- |\n";
  for (const GuestReport& report : result.guests) {
    const Guest& guest = report.guest;
    out += fmt::format("| {} | {} | {} | {} |\n", escape_markdown(guest.manifest_path), escape_markdown(guest.zkvm),
                       escape_markdown(guest.sdk_version.empty() ? "unknown" : guest.sdk_version),
                       escape_markdown(guest.lock_path.empty() ? "none" : guest.lock_path));
  }
  out += "\n### Findings\n\n" + findings_table(result);
  out += "\n### Crypto operations per guest\n\n";
  out += "\u2705 accelerated \u00b7 \u274c runs natively although a patch exists \u00b7 \u26a0\ufe0f accepted exception, "
         "unverified or no patch published \u00b7 \u2014 not applicable\n\n";
  out += "<details><summary>operation \u00d7 zkVM matrix</summary>\n\n" + matrix_table(result) + "\n</details>\n";
  out += fmt::format("\nMatrix: {}\n", escape_markdown(result.matrix_origin));
  return out;
}

}  // namespace zkgate::patchcheck
