#include "gate/cli/optimization_run.h"

#include <ostream>

#include "gate/cli/compare_record.h"
#include "util/file_io.h"

namespace zkgate::gate::cli {

namespace {

OptimizationSide side_of(const journal::SideSummary& summary, const std::string& label) {
  return {label, summary.total, summary.total_cost, summary.top_function, summary.top_share_percent};
}

}  // namespace

CompareRequest with_commit_message(const CompareRequest& request, const std::optional<RevisionChange>& revisions) {
  CompareRequest effective = request;
  if (revisions && effective.title.empty()) effective.title = revisions->head_subject;
  if (revisions && effective.note.empty()) effective.note = revisions->head_body;
  return effective;
}

OptimizationReport optimization_report(const CompareRequest& request, const ComparedFiles& compared,
                                       const std::optional<RevisionChange>& revisions) {
  const journal::IterationSummary summary = iteration_summary(request, compared);
  OptimizationReport report;
  report.title = request.title;
  if (!request.title.empty()) {
    const bool from_commit = revisions && request.title == revisions->head_subject;
    report.title_source = from_commit ? "head commit " + revisions->head_commit.substr(0, 12) : "--title";
  }
  report.note = request.note;
  if (revisions) {
    report.files_known = true;
    report.base_revision = revisions->base_commit;
    report.head_revision = revisions->head_commit;
    report.files = revisions->files;
  }
  report.zkvm = compared.head->zkvm;
  report.unit = compared.head->unit;
  report.base = side_of(summary.base, request.base.string());
  report.head = side_of(summary.head, request.head.string());
  report.verdict = summary.verdict;
  const CaseResult& result = compared.report.cases.front();
  if (result.comparison) {
    report.advice = result.comparison->advice;
    report.advice_checked = result.comparison->advice_checked;
  }
  return report;
}

void write_optimization_outputs(const ReportOutputs& outputs, const Report& report, const std::string& markdown,
                                const std::string& json, std::ostream& out) {
  ReportOutputs text_only;
  text_only.quiet = outputs.quiet || outputs.json_path == "-" || outputs.markdown_path == "-";
  write_report_outputs(report, text_only, out);
  if (!outputs.markdown_path.empty()) util::write_output(outputs.markdown_path, markdown, out);
  if (!outputs.json_path.empty()) util::write_output(outputs.json_path, json, out);
  out.flush();
}

}  // namespace zkgate::gate::cli
