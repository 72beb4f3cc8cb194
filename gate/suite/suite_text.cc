#include "gate/suite/suite_text.h"

#include <fmt/format.h>

#include "gate/compare/format.h"
#include "gate/suite/suite_cells.h"
#include "util/printable.h"

namespace zkgate::gate::suite {

std::string render_suite_text(const SuiteComparison& c, std::size_t max_rows) {
  const Metric metric = c.policy.metric;
  const Aggregates& a = c.aggregates;
  std::string out = fmt::format("gate: suite {} ({}): {}\n", verdict_title(c.verdict), verdict_id(c.verdict), c.verdict_reason);
  out += fmt::format("  base {}\n  head {}\n  metric {}, regression threshold {}%\n", util::printable_line(c.base_source), util::printable_line(c.head_source),
                     metric_id(metric), c.policy.threshold_pct);
  std::string counts;
  for (std::size_t i = 0; i < kStateCount; ++i) {
    if (a.counts[i] == 0) continue;
    counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", a.counts[i], state_label(static_cast<State>(i)));
  }
  out += fmt::format("  {} workloads: {}\n", c.results.size(), counts);
  if (a.judged > 0) {
    out += fmt::format("  sum over {} judged: {} -> {} ({}), geometric mean of head/base {:.4f}\n", a.judged,
                       metric_cell(a.base_sum, metric), metric_cell(a.head_sum, metric),
                       signed_percent(*a.sum_delta_pct), *a.geomean_ratio);
  }
  if (a.worst_regression) {
    const WorkloadResult& worst = c.results[*a.worst_regression];
    out += fmt::format("  worst regression: {} {}\n", util::printable_line(workload_label(worst)), delta_cell(worst));
  }
  for (const VersionChange& change : c.version_changes) {
    out += fmt::format("  version differs: {} {} -> {} ({} workloads)\n", change.what, change.base, change.head, change.workloads);
  }
  for (const std::string& rule : c.unused_renames) out += fmt::format("  rename rule matched nothing: {}\n", rule);
  std::size_t shown = 0;
  std::size_t hidden = 0;
  for (const WorkloadResult& r : c.results) {
    if (!state_fails(r.state)) continue;
    if (shown == max_rows) {
      ++hidden;
      continue;
    }
    ++shown;
    out += fmt::format("  {:<15} {} [{}] {} -> {} {} {}\n", state_label(r.state), util::printable_line(workload_label(r)),
                       zkvm_cell(r), side_cell(r, false, metric), side_cell(r, true, metric), delta_cell(r),
                       util::printable_line(r.reason));
  }
  if (hidden > 0) out += fmt::format("  ... and {} more (see --json)\n", hidden);
  return util::printable_text(out);  // workload names are file names a PR chooses
}

}  // namespace zkgate::gate::suite
