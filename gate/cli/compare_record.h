#pragma once

#include <iosfwd>
#include <string>

#include "gate/cli/compare_run.h"
#include "gate/journal/summary.h"

// `gate compare --keep-if-better` and `--record NAME`: what the optimization loop does with
// a comparison once its report is written.
namespace zkgate::gate::cli {

// The journal's summary of one comparison: name, title, note, verdict, kept (head has fewer
// total steps than base), both sides' totals and top function, the advice ids on head.
journal::IterationSummary iteration_summary(const CompareRequest& request, const ComparedFiles& compared);

// --keep-if-better first (so the summary can say whether the baseline was replaced), then
// --record. Both need two parsed profiles; when a side could not be parsed nothing is
// written and `err` says so. Says what it did on `err` ("gate: ..."). Throws
// util::InputError or std::runtime_error when the baseline or the journal cannot be written.
// `markdown` and `json` are the report as written (gate's or the optimization report),
// stored as report.md and report.json.
void keep_and_record(const CompareRequest& request, const ComparedFiles& compared, const std::string& markdown,
                     const std::string& json, std::ostream& err);

}  // namespace zkgate::gate::cli
