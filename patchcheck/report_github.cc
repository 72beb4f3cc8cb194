#include <fmt/format.h>

#include "patchcheck/report.h"

namespace zkgate::patchcheck {
namespace {

// Workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
std::string escape_data(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (const char c : escape_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view command_for(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "notice";
  }
  return "error";
}

}  // namespace

std::string render_github(const AuditResult& result) {
  std::string out;
  for (const Finding& finding : result.findings) {
    std::string properties = "file=" + escape_property(finding.file);
    if (finding.line != 0) properties += fmt::format(",line={}", finding.line);
    properties += ",title=" + escape_property("patchcheck " + finding.id);
    std::string message = finding.message;
    if (!finding.hint.empty()) message += "\nhint: " + finding.hint;
    out += fmt::format("::{} {}::{}\n", command_for(finding.severity), properties, escape_data(message));
  }
  const SeverityCounts counts = count_severities(result.findings);
  out += fmt::format("patchcheck: {} error(s), {} warning(s), {} info in {} guest(s)\n", counts.errors, counts.warnings, counts.infos,
                     result.guests.size());
  return out;
}

}  // namespace zkgate::patchcheck
