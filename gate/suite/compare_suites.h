#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gate/suite/match.h"
#include "gate/suite/suite.h"

// One verdict over two runs of a suite: every workload ends in exactly one State, the
// aggregates summarise the judged ones, and missing or failed heads never pass.
namespace zkgate::gate::suite {

enum class State {
  kImproved,
  kUnchanged,
  kRegressed,
  kNewInHead,
  kMissingInHead,
  kFailedInBase,   // no baseline: nothing to judge the head against
  kFailedInHead,
  kNoData,         // the metric is absent (or an unrecorded 0) on a side that ran
  kNotComparable,  // different zkVM or different guest program
};
inline constexpr std::size_t kStateCount = 9;

// Human words ("failed in base") and JSON ids ("failed_in_base").
std::string_view state_label(State state);
std::string_view state_id(State state);
// True for the states that fail the gate on their own.
bool state_fails(State state);

// Workloads whose key or name matches pattern (fnmatch glob; an exact string also
// matches, so names with [brackets] can be given literally) get threshold_pct.
struct ThresholdRule {
  std::string pattern;
  double threshold_pct = 0;
};

struct SuitePolicy {
  Metric metric = Metric::kSteps;
  double threshold_pct = 1.0;          // |delta %| above this is a regression/improvement
  std::vector<ThresholdRule> rules;    // first match wins
  std::vector<RenameRule> renames;
};

// "PATTERN=PCT" (split at the last '='; PCT may end in '%'). Throws util::InputError.
ThresholdRule parse_threshold_rule(const std::string& text);

struct WorkloadResult {
  State state = State::kNoData;
  std::string key;                       // base key, or head key for a new workload
  std::optional<Workload> base;
  std::optional<Workload> head;
  std::optional<RenameRule> rename;      // set when a --match rule paired them
  std::optional<long double> base_value;
  std::optional<long double> head_value;
  std::optional<double> delta_pct;       // only for improved/unchanged/regressed
  double threshold_pct = 0;
  std::string reason;                    // why this state (failure reason, missing data, mismatch)
  std::vector<std::string> differences;  // zkVM/guest versions, renames, run kinds
};

// A zkVM or guest version that differs between base and head, with how many pairs show it.
struct VersionChange {
  std::string what;  // "zisk" or "guest ethrex"
  std::string base;
  std::string head;
  std::size_t workloads = 0;
};

struct Aggregates {
  std::array<std::size_t, kStateCount> counts{};
  std::size_t judged = 0;            // improved + unchanged + regressed
  long double base_sum = 0;          // over judged workloads
  long double head_sum = 0;
  std::optional<double> sum_delta_pct;
  std::optional<double> geomean_ratio;        // geometric mean of head/base over judged
  std::optional<std::size_t> worst_regression;  // index into results
};

enum class SuiteVerdict { kPass, kFail, kCouldNotJudge };

struct SuiteComparison {
  std::string base_source;
  std::string head_source;
  SuitePolicy policy;
  std::vector<WorkloadResult> results;  // pairing order
  Aggregates aggregates;
  std::vector<VersionChange> version_changes;
  std::vector<std::string> unused_renames;  // rule origins that matched nothing
  SuiteVerdict verdict = SuiteVerdict::kCouldNotJudge;
  std::string verdict_reason;
};

// Fail when any workload regressed, failed in head or is missing in head; could not
// judge when no workload could be judged at all; pass otherwise.
SuiteComparison compare_suites(const Suite& base, const Suite& head, const SuitePolicy& policy);

// 0 pass, 1 fail, 2 could not judge (util/exit_codes.h).
int exit_code(SuiteVerdict verdict);
std::string_view verdict_id(SuiteVerdict verdict);

}  // namespace zkgate::gate::suite
