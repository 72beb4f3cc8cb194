#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "gate/cli/compare_run.h"
#include "gate/cli/revision_change.h"
#include "gate/report/optimization_report.h"

// `gate compare --report optimization`: the seed's optimization report from a comparison
// of two parsed profiles and, when --base-rev/--head-rev were given, their revisions.
namespace zkgate::gate::cli {

// --title and --note win; without them, the head commit's subject and body (when known).
CompareRequest with_commit_message(const CompareRequest& request, const std::optional<RevisionChange>& revisions);

// Needs both profiles parsed (compared.base and compared.head).
OptimizationReport optimization_report(const CompareRequest& request, const ComparedFiles& compared,
                                       const std::optional<RevisionChange>& revisions);

// gate's text report to `out` (unless --quiet or stdout carries markdown or JSON), then the
// optimization markdown and JSON where --markdown/--json point (files atomically, "-" = out).
void write_optimization_outputs(const ReportOutputs& outputs, const Report& report, const std::string& markdown,
                                const std::string& json, std::ostream& out);

}  // namespace zkgate::gate::cli
