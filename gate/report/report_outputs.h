#pragma once

#include <iosfwd>
#include <string>

#include "gate/compare/report_model.h"

namespace zkgate::gate {

// Where a report goes: what `gate compare`, `gate run` and `gate merge` share.
struct ReportOutputs {
  std::string json_path;      // --json FILE ("-" = stdout), "" = none
  std::string markdown_path;  // --markdown FILE ("-" = stdout), "" = none
  std::string template_path;  // --template FILE: replaces the default markdown template
  bool quiet = false;         // --quiet: no text report on stdout
};

// Renders and writes the report: files atomically, "-" to `out`; the text report to `out`
// unless quiet or stdout already carries JSON or markdown. Throws util::InputError for an
// unreadable or invalid template, std::runtime_error when a file cannot be written.
void write_report_outputs(const Report& report, const ReportOutputs& outputs, std::ostream& out);

}  // namespace zkgate::gate
