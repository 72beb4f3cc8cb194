#include "gate/suite/compare_suites.h"

#include <fnmatch.h>

#include <cmath>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "util/exit_codes.h"
#include "util/input_error.h"
#include "util/numbers.h"

namespace zkgate::gate::suite {

namespace {

bool pattern_matches(const std::string& pattern, const std::string& text) {
  return pattern == text || ::fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

double threshold_for(const SuitePolicy& policy, const Workload& w) {
  for (const ThresholdRule& rule : policy.rules) {
    if (pattern_matches(rule.pattern, w.key) || pattern_matches(rule.pattern, w.name)) return rule.threshold_pct;
  }
  return policy.threshold_pct;
}

std::string version_of(const Workload& w) { return w.zkvm_version.empty() ? "(unknown version)" : w.zkvm_version; }

void note_differences(WorkloadResult& r) {
  // zkVM and guest versions are summed up suite-wide (version_changes) and shown in the
  // zkVM column; what is listed here is particular to this pair.
  const Workload& b = *r.base;
  const Workload& h = *r.head;
  if (b.name != h.name) r.differences.push_back(fmt::format("renamed: {} -> {}", b.name, h.name));
  if (b.run_kind != h.run_kind) r.differences.push_back(fmt::format("{} vs {}", b.run_kind, h.run_kind));
}

std::string no_data_reason(const WorkloadResult& r, Metric metric) {
  std::vector<std::string> parts;
  const auto side = [&](const char* label, const Workload& w, const std::optional<long double>& value) {
    if (value && *value != 0) return;
    std::string part = fmt::format("{} has no {}", label, metric_id(metric));
    if (!w.data_note.empty()) part += fmt::format(" ({})", w.data_note);
    else if (w.run_kind != "execution" && w.run_kind != "profile" && metric == Metric::kSteps) part += fmt::format(" (a {} result carries no step count)", w.run_kind);
    parts.push_back(part);
  };
  side("base", *r.base, r.base_value);
  side("head", *r.head, r.head_value);
  return fmt::format("{}", fmt::join(parts, "; "));
}

// Decides the one state of a pair; order matters: a head that failed or is missing is
// never hidden behind another state.
void classify(WorkloadResult& r, const SuitePolicy& policy) {
  if (!r.head) {
    r.state = State::kMissingInHead;
    r.reason = r.base->failed ? "not in head (it also failed in base)" : "not in head";
    return;
  }
  if (r.head->failed) {
    r.state = State::kFailedInHead;
    r.reason = r.head->failure_reason.empty() ? "failed (no reason given)" : r.head->failure_reason;
    if (!r.base) r.reason = "new in head; " + r.reason;
    else if (r.base->failed) r.reason += " (also failed in base)";
    return;
  }
  if (!r.base) {
    r.state = State::kNewInHead;
    r.reason = "not in base";
    return;
  }
  note_differences(r);
  const Workload& b = *r.base;
  const Workload& h = *r.head;
  if (!b.zkvm.empty() && !h.zkvm.empty() && b.zkvm != h.zkvm) {
    r.state = State::kNotComparable;
    r.reason = fmt::format("different zkVMs: {} vs {}", b.zkvm, h.zkvm);
    return;
  }
  if (!b.guest.empty() && !h.guest.empty() && guest_family(b.guest) != guest_family(h.guest)) {
    r.state = State::kNotComparable;
    r.reason = fmt::format("different guest programs: {} vs {}", b.guest, h.guest);
    return;
  }
  if (b.failed) {
    r.state = State::kFailedInBase;
    r.reason = "no baseline: " + (b.failure_reason.empty() ? std::string("failed (no reason given)") : b.failure_reason);
    return;
  }
  r.base_value = metric_value(b, policy.metric);
  r.head_value = metric_value(h, policy.metric);
  if (!r.base_value || !r.head_value || *r.base_value == 0 || *r.head_value == 0) {
    r.state = State::kNoData;
    r.reason = no_data_reason(r, policy.metric);
    return;
  }
  r.threshold_pct = threshold_for(policy, b);
  const long double delta = (*r.head_value - *r.base_value) / *r.base_value * 100.0L;
  r.delta_pct = static_cast<double>(delta);
  if (*r.delta_pct > r.threshold_pct) {
    r.state = State::kRegressed;
  } else if (*r.delta_pct < -r.threshold_pct) {
    r.state = State::kImproved;
  } else {
    r.state = State::kUnchanged;
  }
}

Aggregates aggregate(const std::vector<WorkloadResult>& results) {
  Aggregates a;
  long double log_sum = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const WorkloadResult& r = results[i];
    ++a.counts[static_cast<std::size_t>(r.state)];
    if (!r.delta_pct) continue;
    ++a.judged;
    a.base_sum += *r.base_value;
    a.head_sum += *r.head_value;
    log_sum += std::log(*r.head_value / *r.base_value);
    if (r.state == State::kRegressed &&
        (!a.worst_regression || *r.delta_pct > *results[*a.worst_regression].delta_pct)) {
      a.worst_regression = i;
    }
  }
  if (a.judged > 0) {
    a.sum_delta_pct = static_cast<double>((a.head_sum - a.base_sum) / a.base_sum * 100.0L);
    a.geomean_ratio = static_cast<double>(std::exp(log_sum / static_cast<long double>(a.judged)));
  }
  return a;
}

std::vector<VersionChange> version_changes(const std::vector<WorkloadResult>& results) {
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> counts;
  for (const WorkloadResult& r : results) {
    if (!r.base || !r.head) continue;
    const Workload& b = *r.base;
    const Workload& h = *r.head;
    if (b.zkvm == h.zkvm && b.zkvm_version != h.zkvm_version) ++counts[{b.zkvm, version_of(b), version_of(h)}];
    if (b.guest != h.guest && !b.guest.empty() && !h.guest.empty()) {
      ++counts[{"guest " + guest_family(b.guest), b.guest, h.guest}];
    }
  }
  std::vector<VersionChange> changes;
  for (const auto& [change, count] : counts) {
    changes.push_back(VersionChange{std::get<0>(change), std::get<1>(change), std::get<2>(change), count});
  }
  return changes;
}

}  // namespace

std::string_view state_label(State state) {
  switch (state) {
    case State::kImproved: return "improved";
    case State::kUnchanged: return "unchanged";
    case State::kRegressed: return "regressed";
    case State::kNewInHead: return "new in head";
    case State::kMissingInHead: return "missing in head";
    case State::kFailedInBase: return "failed in base";
    case State::kFailedInHead: return "failed in head";
    case State::kNoData: return "no data";
    case State::kNotComparable: return "not comparable";
  }
  return "no data";
}

std::string_view state_id(State state) {
  switch (state) {
    case State::kImproved: return "improved";
    case State::kUnchanged: return "unchanged";
    case State::kRegressed: return "regressed";
    case State::kNewInHead: return "new_in_head";
    case State::kMissingInHead: return "missing_in_head";
    case State::kFailedInBase: return "failed_in_base";
    case State::kFailedInHead: return "failed_in_head";
    case State::kNoData: return "no_data";
    case State::kNotComparable: return "not_comparable";
  }
  return "no_data";
}

bool state_fails(State state) {
  return state == State::kRegressed || state == State::kFailedInHead || state == State::kMissingInHead;
}

ThresholdRule parse_threshold_rule(const std::string& text) {
  const std::size_t at = text.rfind('=');
  const util::SourceLocation where{"--threshold-for", 0, 0};
  if (at == std::string::npos || at == 0) {
    throw util::InputError(where, "expected PATTERN=PCT, got \"" + text + "\"", "e.g. --threshold-for 'rpc_block_*=0.5'");
  }
  const std::optional<double> pct = util::parse_percent(text.substr(at + 1));
  if (!pct || *pct < 0) {
    throw util::InputError(where, "expected a non-negative percentage after '=' in \"" + text + "\"");
  }
  return ThresholdRule{text.substr(0, at), *pct};
}

SuiteComparison compare_suites(const Suite& base, const Suite& head, const SuitePolicy& policy) {
  SuiteComparison out;
  out.base_source = base.source;
  out.head_source = head.source;
  out.policy = policy;
  const Matching matching = match_workloads(base, head, policy.renames);
  out.results.reserve(matching.pairs.size());
  for (const MatchedPair& pair : matching.pairs) {
    WorkloadResult r;
    r.key = pair.base != nullptr ? pair.base->key : pair.head->key;
    if (pair.base != nullptr) r.base = *pair.base;
    if (pair.head != nullptr) r.head = *pair.head;
    if (pair.rule != nullptr) r.rename = *pair.rule;
    classify(r, policy);
    out.results.push_back(std::move(r));
  }
  for (const RenameRule* rule : matching.unused) out.unused_renames.push_back(rule->origin);
  out.aggregates = aggregate(out.results);
  out.version_changes = version_changes(out.results);

  const std::array<std::size_t, kStateCount>& c = out.aggregates.counts;
  const std::size_t regressed = c[static_cast<std::size_t>(State::kRegressed)];
  const std::size_t failed = c[static_cast<std::size_t>(State::kFailedInHead)];
  const std::size_t missing = c[static_cast<std::size_t>(State::kMissingInHead)];
  if (regressed + failed + missing > 0) {
    out.verdict = SuiteVerdict::kFail;
    out.verdict_reason = fmt::format("{} regressed, {} failed in head, {} missing in head", regressed, failed, missing);
  } else if (out.aggregates.judged == 0) {
    out.verdict = SuiteVerdict::kCouldNotJudge;
    out.verdict_reason = "no workload has the metric on both sides, so nothing could be judged";
  } else {
    out.verdict = SuiteVerdict::kPass;
    out.verdict_reason = fmt::format("{} workloads judged, none regressed", out.aggregates.judged);
  }
  return out;
}

int exit_code(SuiteVerdict verdict) {
  switch (verdict) {
    case SuiteVerdict::kPass: return util::kExitOk;
    case SuiteVerdict::kFail: return util::kExitFail;
    case SuiteVerdict::kCouldNotJudge: return util::kExitError;
  }
  return util::kExitError;
}

std::string_view verdict_id(SuiteVerdict verdict) {
  switch (verdict) {
    case SuiteVerdict::kPass: return "pass";
    case SuiteVerdict::kFail: return "fail";
    case SuiteVerdict::kCouldNotJudge: return "could_not_judge";
  }
  return "could_not_judge";
}

}  // namespace zkgate::gate::suite
