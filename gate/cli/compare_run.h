#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

#include <optional>

#include "gate/advice/advice.h"
#include "gate/compare/policy.h"
#include "gate/compare/report_model.h"
#include "gate/journal/baseline.h"
#include "gate/journal/journal.h"
#include "gate/profile/profile.h"
#include "gate/report/report_outputs.h"

// `gate compare BASE HEAD` for two single profiles, as a library call (the command file
// only parses flags).
namespace zkgate::gate::cli {

struct CompareRequest {
  std::filesystem::path base;
  std::filesystem::path head;
  std::string format = "auto";  // --format, for both sides
  std::string policy_file;      // --policy: a thresholds file (or a .zkgate.yml)
  std::string config_file;      // --config: a .zkgate.yml, its `thresholds` key
  std::string case_name;        // --name; default: what the two file names share
  std::string input;            // --input; default: the profile's block/input metadata
  std::string matrix_file;      // --matrix: crypto matrix YAML; default: the one patchcheck embeds
  std::string rules_file;       // --rules: advice rules YAML; default: the embedded rules
  ReportOutputs outputs;
  // The optimization loop (gate/journal): --record NAME stores the iteration in the
  // journal; --keep-if-better offers head to the baseline file.
  std::string record_name;
  std::string title;  // --title: what changed, for the journal and the report
  std::string note;   // --note
  std::filesystem::path journal_dir = journal::kDefaultJournalDir;
  bool keep_if_better = false;
  std::filesystem::path baseline_file = journal::kDefaultBaselineFile;
  // --report optimization: --markdown/--json (and the recorded report) take the
  // optimization report's format; the text report stays gate's.
  std::string report_kind = "gate";
  std::string base_rev;  // --base-rev/--head-rev: the revisions BASE and HEAD were built from
  std::string head_rev;  // (files modified, head commit message as the default --title)
  std::filesystem::path repo = ".";
};

// A comparison of two profile files with what the journal needs besides the report.
struct ComparedFiles {
  Report report;
  std::optional<Profile> base;  // nullopt when it could not be parsed (the report says why)
  std::optional<Profile> head;
  std::optional<advice::Advice> head_advice;
};

// The policy the request names, or the built-in defaults. Throws util::InputError.
Policy load_request_policy(const CompareRequest& request);

// "ethrex-block23350480" from "ethrex-block23350480-before.log" and "...-after.log".
std::string default_case_name(const std::filesystem::path& base, const std::filesystem::path& head);

// Parses both profiles, judges them and evaluates the advice rules on head. A profile that
// cannot be parsed makes the case "could not judge" with the parser's message (file:line),
// not an exception; an unreadable rules file or matrix throws util::InputError.
ComparedFiles compare_files_with_advice(const CompareRequest& request, const Policy& policy);

// The advice as the report shows it: fired rules, largest share first, evidence as lines.
std::vector<AdviceItem> advice_items(const advice::Advice& advice);

// The whole command: report to `out` (and files), parse errors also to `err` as
// "gate: error: ...", then --keep-if-better and --record (what they did goes to `err`, so
// a report on stdout stays clean). Returns the exit code of the report's verdict.
int run_compare(const CompareRequest& request, std::ostream& out, std::ostream& err);

}  // namespace zkgate::gate::cli
