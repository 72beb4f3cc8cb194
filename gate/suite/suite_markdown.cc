#include "gate/suite/suite_markdown.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "gate/compare/format.h"
#include "gate/suite/suite_cells.h"
#include "util/input_error.h"
#include "util/markdown.h"

namespace zkgate::gate::suite {

extern const std::string_view kDefaultSuiteReportTemplate;

namespace {

namespace mstch = kainjow::mustache;

enum class Section { kAttention, kMover, kRest };

struct Row {
  Section section;
  const WorkloadResult* result;
  std::size_t rank = 0;  // 1-based position among movers
};

std::size_t state_order(State state) {
  switch (state) {
    case State::kRegressed: return 0;
    case State::kFailedInHead: return 1;
    case State::kMissingInHead: return 2;
    case State::kNotComparable: return 3;
    case State::kFailedInBase: return 4;
    case State::kNoData: return 5;
    case State::kNewInHead: return 6;
    case State::kImproved: return 7;
    case State::kUnchanged: return 8;
  }
  return 9;
}

// Rows in the order they are kept when the report must be cut: what fails the gate
// first, then the largest changes, then everything else.
std::vector<Row> ordered_rows(const SuiteComparison& c) {
  std::vector<const WorkloadResult*> attention;
  std::vector<const WorkloadResult*> judged;
  std::vector<const WorkloadResult*> rest;
  for (const WorkloadResult& r : c.results) {
    if (state_fails(r.state)) attention.push_back(&r);
    if (r.delta_pct && *r.delta_pct != 0) judged.push_back(&r);
  }
  std::stable_sort(attention.begin(), attention.end(), [](const WorkloadResult* a, const WorkloadResult* b) {
    if (state_order(a->state) != state_order(b->state)) return state_order(a->state) < state_order(b->state);
    return a->delta_pct.value_or(0) > b->delta_pct.value_or(0);
  });
  std::stable_sort(judged.begin(), judged.end(), [](const WorkloadResult* a, const WorkloadResult* b) {
    return std::fabs(*a->delta_pct) > std::fabs(*b->delta_pct);
  });
  // Movers are the largest changes of all, regressions included (they also stay listed
  // under attention); the rest is what neither table shows.
  const std::size_t movers = std::min(judged.size(), kTopMovers);
  std::unordered_set<const WorkloadResult*> shown(attention.begin(), attention.end());
  shown.insert(judged.begin(), judged.begin() + static_cast<std::ptrdiff_t>(movers));
  for (const WorkloadResult& r : c.results) {
    if (shown.count(&r) == 0) rest.push_back(&r);
  }
  std::stable_sort(rest.begin(), rest.end(), [](const WorkloadResult* a, const WorkloadResult* b) {
    if (state_order(a->state) != state_order(b->state)) return state_order(a->state) < state_order(b->state);
    return a->key < b->key;
  });
  std::vector<Row> rows;
  rows.reserve(c.results.size());
  for (const WorkloadResult* r : attention) rows.push_back(Row{Section::kAttention, r});
  for (std::size_t i = 0; i < movers; ++i) rows.push_back(Row{Section::kMover, judged[i], i + 1});
  for (const WorkloadResult* r : rest) rows.push_back(Row{Section::kRest, r});
  return rows;
}

mstch::data row_data(const Row& row, Metric metric) {
  const WorkloadResult& r = *row.result;
  mstch::data d;
  d.set("rank", std::to_string(row.rank));
  d.set("name", workload_label(r));
  d.set("zkvm", zkvm_cell(r));
  d.set("icon", std::string(state_icon(r.state)));
  d.set("state", std::string(state_label(r.state)));
  d.set("base", side_cell(r, false, metric));
  d.set("head", side_cell(r, true, metric));
  d.set("delta", delta_cell(r));
  std::string reason = r.reason;
  for (const std::string& difference : r.differences) reason += (reason.empty() ? "" : "; ") + difference;
  d.set("reason", reason);
  d.set("wall_clock", wall_clock_cell(r, metric));
  return d;
}

// A mermaid bar chart of the movers' changes; labels are their # in the table.
std::string chart(const std::vector<Row>& rows, Metric metric) {
  std::vector<std::string> labels;
  std::vector<std::string> values;
  for (const Row& row : rows) {
    if (row.section != Section::kMover) continue;
    labels.push_back(fmt::format("\"#{}\"", row.rank));
    values.push_back(fmt::format("{:.2f}", *row.result->delta_pct));
  }
  if (labels.empty()) return {};
  return fmt::format(
      "xychart-beta\n    title \"{}\"\n    x-axis [{}]\n    y-axis \"change (%)\"\n    bar [{}]",
      util::escape_mermaid_label(fmt::format("Largest changes in {} (% of base)", metric_id(metric))),
      fmt::join(labels, ", "), fmt::join(values, ", "));
}

mstch::data summary_data(const SuiteComparison& c) {
  const Metric metric = c.policy.metric;
  const Aggregates& a = c.aggregates;
  mstch::data d;
  d.set("verdict_icon", std::string(verdict_icon(c.verdict)));
  d.set("verdict_title", std::string(verdict_title(c.verdict)));
  d.set("verdict_reason", c.verdict_reason);
  d.set("metric", std::string(metric_id(metric)));
  d.set("threshold", fmt::format("{}%", c.policy.threshold_pct));
  std::vector<std::string> rules;
  for (const ThresholdRule& rule : c.policy.rules) rules.push_back(fmt::format("{} {}%", rule.pattern, rule.threshold_pct));
  d.set("has_rules", !rules.empty());
  d.set("rules", fmt::format("{}", fmt::join(rules, ", ")));
  mstch::data counts{mstch::data::type::list};
  for (std::size_t i = 0; i < kStateCount; ++i) {
    if (a.counts[i] == 0) continue;
    mstch::data item;
    item.set("icon", std::string(state_icon(static_cast<State>(i))));
    item.set("label", std::string(state_label(static_cast<State>(i))));
    item.set("count", std::to_string(a.counts[i]));
    counts.push_back(item);
  }
  d.set("state_counts", counts);
  d.set("judged", std::to_string(a.judged));
  d.set("base_sum", a.judged > 0 ? metric_cell(a.base_sum, metric) : "n/a");
  d.set("head_sum", a.judged > 0 ? metric_cell(a.head_sum, metric) : "n/a");
  d.set("sum_delta", a.sum_delta_pct ? signed_percent(*a.sum_delta_pct) : "n/a");
  d.set("geomean", a.geomean_ratio ? fmt::format("{:.4f} ({})", *a.geomean_ratio, signed_percent((*a.geomean_ratio - 1) * 100)) : "n/a");
  if (a.worst_regression) {
    const WorkloadResult& worst = c.results[*a.worst_regression];
    d.set("worst_name", workload_label(worst));
    d.set("worst_delta", delta_cell(worst));
  } else {
    d.set("worst_name", "none");
    d.set("worst_delta", "");
  }
  mstch::data changes{mstch::data::type::list};
  for (const VersionChange& change : c.version_changes) {
    mstch::data item;
    item.set("what", change.what);
    item.set("base", change.base);
    item.set("head", change.head);
    item.set("workloads", std::to_string(change.workloads));
    changes.push_back(item);
  }
  d.set("has_version_changes", !c.version_changes.empty());
  d.set("version_changes", changes);
  d.set("has_unused_renames", !c.unused_renames.empty());
  d.set("unused_renames", fmt::format("{}", fmt::join(c.unused_renames, ", ")));
  d.set("base_source", c.base_source);
  d.set("head_source", c.head_source);
  return d;
}

std::string render_with(mstch::mustache& tmpl, mstch::data data, const std::vector<Row>& rows, std::size_t keep,
                        Metric metric) {
  mstch::data attention{mstch::data::type::list};
  mstch::data movers{mstch::data::type::list};
  mstch::data rest{mstch::data::type::list};
  std::size_t attention_total = 0;
  std::size_t rest_total = 0;
  bool wall_clock = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    attention_total += row.section == Section::kAttention ? 1 : 0;
    rest_total += row.section == Section::kRest ? 1 : 0;
    if (i >= keep) continue;
    mstch::data item = row_data(row, metric);
    if (row.section == Section::kMover && !wall_clock_cell(*row.result, metric).empty()) wall_clock = true;
    (row.section == Section::kAttention ? attention : row.section == Section::kMover ? movers : rest).push_back(item);
  }
  data.set("has_attention", attention_total > 0);
  data.set("attention_total", std::to_string(attention_total));
  data.set("attention", attention);
  data.set("has_movers", !movers.is_empty_list());
  data.set("movers", movers);
  data.set("has_wall_clock", wall_clock);
  const std::string mermaid = chart(std::vector<Row>(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(keep)), metric);
  data.set("has_chart", !mermaid.empty());
  data.set("chart", mermaid);
  data.set("has_rest", rest_total > 0);
  data.set("rest_total", std::to_string(rest_total));
  data.set("rest", rest);
  data.set("truncated", keep < rows.size());
  data.set("truncated_note",
           fmt::format("{} of {} workloads are not listed, to stay under GitHub's 65,536-character comment limit. "
                       "The full list is in the --json output.",
                       rows.size() - keep, rows.size()));
  return tmpl.render(data);
}

}  // namespace

std::string_view default_suite_template() { return kDefaultSuiteReportTemplate; }

std::string render_suite_markdown(const SuiteComparison& comparison, std::string_view template_text,
                                  const std::string& template_name, std::size_t max_bytes) {
  mstch::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) {
    throw util::InputError({template_name, 0, 0}, "invalid mustache template: " + tmpl.error_message());
  }
  tmpl.set_custom_escape([](const std::string& text) { return util::escape_markdown(text); });
  const std::vector<Row> rows = ordered_rows(comparison);
  const mstch::data summary = summary_data(comparison);
  const Metric metric = comparison.policy.metric;
  // Rendering is monotonic in the rows kept. Small suites are rendered whole; for large
  // ones the row count that fits is found by doubling then bisecting, so no render is
  // much larger than the one that is kept.
  std::size_t fits = 0;                 // a row count known to fit (0 always counts)
  std::size_t too_many = rows.size() + 1;  // a row count known not to fit
  std::string best;
  const auto attempt = [&](std::size_t keep) {
    std::string text = render_with(tmpl, summary, rows, keep, metric);
    if (text.size() <= max_bytes || keep == 0) {
      fits = keep;
      best = std::move(text);
      return true;
    }
    too_many = keep;
    return false;
  };
  for (std::size_t keep = std::min<std::size_t>(rows.size(), 256);; keep = std::min(rows.size(), keep * 2)) {
    if (!attempt(keep) || keep == rows.size()) break;
  }
  if (best.empty()) attempt(0);
  while (too_many - fits > 1) attempt(fits + (too_many - fits) / 2);
  return best;
}

std::string render_suite_markdown(const SuiteComparison& comparison) {
  return render_suite_markdown(comparison, default_suite_template());
}

}  // namespace zkgate::gate::suite
