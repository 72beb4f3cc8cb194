#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gate/compare/comparison.h"
#include "gate/compare/verdict.h"

// A report is a verdict over a list of cases. `gate compare` fills one case; `gate run`,
// suites and `gate merge` fill several. Renderers (gate/report) read only this model.
namespace zkgate::gate {

// Where a case ended. The first three are judged (a Comparison exists); the others
// explain why there is nothing to judge.
enum class CaseState {
  improved,        // total went down past the noise margin, no failure
  unchanged,       // judged, no failure, no improvement of the total
  regressed,       // judged, at least one failure
  added,           // only head has this case: nothing to compare it with (does not fail)
  missing,         // base has it, head does not
  failed_in_base,  // building or profiling base failed
  failed_in_head,  // building or profiling head failed
  no_data,         // the profiler ran but gave no usable figure
  not_comparable,  // the two profiles measure different things
  error,           // could not judge for another reason (bad input, config, git)
};

// "improved", "unchanged", "regressed", "new", "missing", "failed in base",
// "failed in head", "no data", "not comparable", "could not judge".
std::string_view to_string(CaseState state);
std::optional<CaseState> case_state_from_string(std::string_view text);

struct CaseResult {
  std::string name;   // case name from the config, or derived from the file names
  std::string zkvm;
  std::string input;  // the workload (block, fixture), "" when unknown
  std::optional<Comparison> comparison;
  // Only when comparison is empty: why, the error line and the failing command's log tail.
  CaseState problem = CaseState::error;
  std::string error;
  std::string log_tail;

  CaseState state() const;
  Verdict verdict() const;  // regressed -> regression; improved/unchanged/new -> pass; else error
};

struct Report {
  std::vector<CaseResult> cases;
  std::string config_used = "built-in defaults";  // where the policy came from
  std::string base_label;  // e.g. a branch, commit or file name; escaped when rendered
  std::string head_label;
  std::string tool_version = ZKGATE_VERSION;

  // error when there are no cases or any case could not be judged, else regression when
  // any case regressed, else pass.
  Verdict verdict() const;
};

}  // namespace zkgate::gate
