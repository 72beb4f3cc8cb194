#include <fmt/color.h>
#include <fmt/format.h>

#include "patchcheck/report.h"
#include "util/printable.h"

namespace zkgate::patchcheck {
namespace {

using util::printable_text;

std::string paint(bool color, fmt::text_style style, std::string_view text) {
  if (!color) return std::string(text);
  return fmt::format(style, "{}", text);
}

fmt::text_style style_for(Severity severity) {
  switch (severity) {
    case Severity::kError: return fmt::fg(fmt::terminal_color::bright_red) | fmt::emphasis::bold;
    case Severity::kWarning: return fmt::fg(fmt::terminal_color::yellow) | fmt::emphasis::bold;
    case Severity::kInfo: return fmt::fg(fmt::terminal_color::cyan);
  }
  return {};
}

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view text) {
  if (text == "text") return OutputFormat::kText;
  if (text == "markdown") return OutputFormat::kMarkdown;
  if (text == "json") return OutputFormat::kJson;
  if (text == "github") return OutputFormat::kGithub;
  return std::nullopt;
}

std::string render_text(const AuditResult& result, bool color) {
  std::string out;
  for (const GuestReport& report : result.guests) {
    const Guest& guest = report.guest;
    out += paint(color, fmt::emphasis::bold, fmt::format("{} guest {}", guest.zkvm, printable_text(guest.manifest_path)));
    out += printable_text(fmt::format(" ({}{}; {})\n", guest.zkvm_reason,
                                      guest.sdk_version.empty() ? "" : ", SDK " + guest.sdk_version,
                                      guest.lock_path.empty() ? "no Cargo.lock" : guest.lock_path));
    bool any = false;
    for (const Finding& finding : result.findings) {
      if (finding.guest != guest.manifest_path) continue;
      any = true;
      // TOML strings may hold escapes (\u001b): every field is made printable, colours come after.
      const std::string where = printable_text(finding.line == 0 ? finding.file : fmt::format("{}:{}", finding.file, finding.line));
      out += fmt::format("  {}: {} {}\n", where, paint(color, style_for(finding.severity), to_string(finding.severity)),
                         paint(color, fmt::emphasis::faint, "[" + finding.id + "]"));
      out += fmt::format("    {}\n", printable_text(finding.message));
      if (!finding.hint.empty()) out += fmt::format("    hint: {}\n", printable_text(finding.hint));
    }
    if (!any) out += "  no findings\n";
  }
  const SeverityCounts counts = count_severities(result.findings);
  out += fmt::format("patchcheck: {} error(s), {} warning(s), {} info in {} guest(s) (matrix: {})\n", counts.errors, counts.warnings,
                     counts.infos, result.guests.size(), result.matrix_origin);
  return out;
}

}  // namespace zkgate::patchcheck
