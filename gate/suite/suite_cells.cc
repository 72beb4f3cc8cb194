#include "gate/suite/suite_cells.h"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "gate/compare/format.h"

namespace zkgate::gate::suite {

namespace {

std::string version_text(const Workload& w) {
  return w.zkvm_version.empty() ? w.zkvm : fmt::format("{} {}", w.zkvm, w.zkvm_version);
}

}  // namespace

std::string metric_cell(long double value, Metric metric) {
  if (metric == Metric::kExecutionTime) return fmt::format("{:.3f} s", static_cast<double>(value));
  const std::string number = grouped(static_cast<std::uint64_t>(std::llround(value)));
  return metric == Metric::kProvingTime ? number + " ms" : number;
}

std::string side_cell(const WorkloadResult& r, bool head, Metric metric) {
  const std::optional<Workload>& w = head ? r.head : r.base;
  if (!w) return head ? "missing" : "new";
  if (w->failed) return "failed";
  const std::optional<long double> value = metric_value(*w, metric);
  if (!value || *value == 0) return "no data";
  return metric_cell(*value, metric);
}

std::string delta_cell(const WorkloadResult& r) {
  if (!r.delta_pct) return "";
  return signed_percent(*r.delta_pct);
}

std::string wall_clock_cell(const WorkloadResult& r, Metric gated) {
  const auto side = [&](const std::optional<Workload>& w, Metric metric) -> std::string {
    if (!w || w->failed) return "-";
    const std::optional<long double> value = metric_value(*w, metric);
    return value ? metric_cell(*value, metric) : "-";
  };
  std::string out;
  for (const Metric metric : {Metric::kExecutionTime, Metric::kProvingTime}) {
    if (metric == gated) continue;
    const bool any = (r.base && metric_value(*r.base, metric)) || (r.head && metric_value(*r.head, metric));
    if (!any) continue;
    if (!out.empty()) out += "; ";
    out += side(r.base, metric) + " → " + side(r.head, metric);
  }
  return out;
}

std::string workload_label(const WorkloadResult& r) {
  if (r.base && r.head && r.base->name != r.head->name) return r.key + " → " + r.head->name;
  return r.key;
}

std::string zkvm_cell(const WorkloadResult& r) {
  if (r.base && r.head) {
    const std::string base = version_text(*r.base);
    if (r.base->zkvm == r.head->zkvm && r.base->zkvm_version != r.head->zkvm_version) {
      return fmt::format("{} → {}", base, r.head->zkvm_version.empty() ? "?" : r.head->zkvm_version);
    }
    const std::string head = version_text(*r.head);
    return base == head ? base : fmt::format("{} / {}", base, head);
  }
  return version_text(r.base ? *r.base : *r.head);
}

std::string_view state_icon(State state) {
  switch (state) {
    case State::kImproved: return "🟢";
    case State::kUnchanged: return "⚪";
    case State::kRegressed: return "🔴";
    case State::kNewInHead: return "🆕";
    case State::kMissingInHead: return "❓";
    case State::kFailedInBase: return "🟡";
    case State::kFailedInHead: return "💥";
    case State::kNoData: return "➖";
    case State::kNotComparable: return "🔀";
  }
  return "";
}

std::string_view verdict_icon(SuiteVerdict verdict) {
  switch (verdict) {
    case SuiteVerdict::kPass: return "✅";
    case SuiteVerdict::kFail: return "❌";
    case SuiteVerdict::kCouldNotJudge: return "⚠️";
  }
  return "";
}

std::string_view verdict_title(SuiteVerdict verdict) {
  switch (verdict) {
    case SuiteVerdict::kPass: return "no regression";
    case SuiteVerdict::kFail: return "regression";
    case SuiteVerdict::kCouldNotJudge: return "could not judge";
  }
  return "";
}

}  // namespace zkgate::gate::suite
