#include "gate/cli/compare_record.h"

#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "gate/advice/measure.h"
#include "gate/cli/baseline_run.h"
#include "gate/cli/show_run.h"
#include "util/file_io.h"

namespace zkgate::gate::cli {
namespace {

bool is_entry_point(const std::string& name, const advice::RuleSet& rules) {
  for (const advice::Pattern& pattern : rules.entry_points) {
    if (pattern.matches(name)) return true;
  }
  return false;
}

journal::SideSummary side_summary(const Profile& profile, const advice::RuleSet& rules) {
  journal::SideSummary side;
  side.format = profile.format;
  side.zkvm = profile.zkvm;
  side.unit = profile.unit;
  side.total = profile.total;
  side.total_cost = profile.total_cost;
  // The top function by the figure the advice takes shares of (cost where known, else
  // steps), so the journal and the advice speak of the same "largest". The entry points
  // (main, the guest's entry) hold ~100% inclusive and say nothing about the change.
  const std::optional<advice::Measure> measure = advice::choose_measure(profile);
  if (!measure) return side;
  std::uint64_t largest = 0;
  for (const FunctionStat& function : profile.functions) {
    if (is_entry_point(function.name, rules)) continue;
    const std::optional<std::uint64_t> value = advice::inclusive_value(function, *measure);
    if (value && (*value > largest || side.top_function.empty())) {
      largest = *value;
      side.top_function = function.name;
      side.top_share_percent = advice::share_of(*value, *measure);
    }
  }
  return side;
}

}  // namespace

journal::IterationSummary iteration_summary(const CompareRequest& request, const ComparedFiles& compared) {
  journal::IterationSummary summary;
  summary.name = request.record_name;
  summary.title = request.title;
  summary.note = request.note;
  summary.verdict = std::string(to_string(compared.report.verdict()));
  const advice::RuleSet rules = load_request_rules(request.rules_file);
  summary.base = side_summary(*compared.base, rules);
  summary.head = side_summary(*compared.head, rules);
  summary.kept = compared.head->total < compared.base->total;
  if (compared.head_advice) {
    for (const advice::RuleResult* item : compared.head_advice->items()) summary.advice.push_back(item->rule_id);
  }
  return summary;
}

void keep_and_record(const CompareRequest& request, const ComparedFiles& compared, const std::string& markdown,
                     const std::string& json, std::ostream& err) {
  if (!request.keep_if_better && request.record_name.empty()) return;
  if (!compared.base || !compared.head) {
    err << "gate: error: nothing recorded and the baseline left alone: a profile could not be parsed\n";
    return;
  }
  // Read both before the baseline moves: BASE is often the baseline file itself.
  const std::string base_content = util::read_file(request.base);
  const std::string head_content = util::read_file(request.head);
  bool baseline_replaced = false;
  if (request.keep_if_better) {
    std::ostringstream said;
    const journal::BaselineUpdate update =
        offer_baseline(request.baseline_file, request.journal_dir, request.head, head_content, *compared.head, said);
    baseline_replaced = update.decision.action != journal::BaselineAction::kKeptNotBetter;
    err << "gate: " << said.str();
  }
  if (request.record_name.empty()) return;
  journal::RecordInput input;
  input.summary = iteration_summary(request, compared);
  input.summary.baseline_replaced = baseline_replaced;
  input.base_file = request.base;
  input.head_file = request.head;
  input.base_content = base_content;
  input.head_content = head_content;
  input.report_markdown = markdown;
  input.report_json = json;
  const journal::RecordedIteration recorded = journal::record_iteration(request.journal_dir, std::move(input));
  err << fmt::format("gate: recorded iteration '{}' in {}\n", request.record_name, recorded.folder.string());
}

}  // namespace zkgate::gate::cli
