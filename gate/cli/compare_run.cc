#include "gate/cli/compare_run.h"

#include <ostream>

#include <fmt/format.h>

#include "gate/advice/crypto_from_matrix.h"
#include "gate/advice/measure.h"
#include "gate/cli/compare_record.h"
#include "gate/cli/optimization_run.h"
#include "gate/cli/revision_change.h"
#include "gate/cli/show_run.h"
#include "gate/compare/judge.h"
#include "gate/profile/parse.h"
#include "patchcheck/matrix.h"
#include "gate/report/markdown_report.h"
#include "gate/report/report_json.h"
#include "util/file_io.h"
#include "util/input_error.h"
#include "util/json_text.h"

namespace zkgate::gate::cli {
namespace {

std::string input_from(const Profile& profile) {
  for (const char* key : {"input", "block"}) {
    const std::map<std::string, std::string>::const_iterator found = profile.metadata.find(key);
    if (found != profile.metadata.end() && !found->second.empty()) {
      return key == std::string("block") ? "block " + found->second : found->second;
    }
  }
  return "";
}

}  // namespace

Policy load_request_policy(const CompareRequest& request) {
  if (!request.policy_file.empty()) return load_policy_file(request.policy_file);
  if (!request.config_file.empty()) return load_policy_from_config(request.config_file);
  return Policy{};
}

std::string default_case_name(const std::filesystem::path& base, const std::filesystem::path& head) {
  const std::string a = base.stem().string();
  const std::string b = head.stem().string();
  std::size_t shared = 0;
  while (shared < a.size() && shared < b.size() && a[shared] == b[shared]) ++shared;
  std::string name = a.substr(0, shared);
  while (!name.empty() && (name.back() == '-' || name.back() == '_' || name.back() == '.' || name.back() == ' ')) {
    name.pop_back();
  }
  // Too little in common (e.g. "base" and "head"): name the case after the head file.
  return name.size() >= 3 ? name : b;
}

std::vector<AdviceItem> advice_items(const advice::Advice& advice) {
  std::vector<AdviceItem> items;
  for (const advice::RuleResult* result : advice.items()) {
    AdviceItem item{result->rule_id, result->title, result->message, result->hint, {}};
    for (const advice::Evidence& e : result->evidence) {
      std::string line = fmt::format("{} {} of {}", e.function, advice::format_percent(e.share_percent), result->measure);
      if (e.calls) line += fmt::format(", {} calls", *e.calls);
      if (!e.note.empty()) line += fmt::format(" ({})", e.note);
      item.evidence.push_back(std::move(line));
    }
    items.push_back(std::move(item));
  }
  return items;
}

ComparedFiles compare_files_with_advice(const CompareRequest& request, const Policy& policy) {
  // Rules and matrix first: a bad file there is a usage problem, reported before any parsing.
  const advice::RuleSet rules = load_request_rules(request.rules_file);
  const patchcheck::CryptoMatrix matrix = request.matrix_file.empty()
                                              ? patchcheck::CryptoMatrix::load_default()
                                              : patchcheck::CryptoMatrix::load_file(request.matrix_file);
  ComparedFiles compared;
  Report& report = compared.report;
  report.config_used = policy.source;
  report.base_label = request.base.string();
  report.head_label = request.head.string();
  CaseLabel label{request.case_name.empty() ? default_case_name(request.base, request.head) : request.case_name,
                  request.input};
  try {
    compared.base = parse_profile(request.base, request.format);
  } catch (const util::InputError& e) {
    report.cases.push_back(unjudged_case(label, CaseState::error, "base: " + e.describe()));
    return compared;
  }
  try {
    compared.head = parse_profile(request.head, request.format);
  } catch (const util::InputError& e) {
    report.cases.push_back(unjudged_case(label, CaseState::error, "head: " + e.describe()));
    return compared;
  }
  if (label.input.empty()) label.input = input_from(*compared.head);
  report.cases.push_back(judge_case(label, *compared.base, *compared.head, policy, &matrix));
  CaseResult& result = report.cases.back();
  if (result.comparison) {
    const advice::CryptoKnowledge crypto = request.matrix_file.empty() ? advice::default_crypto_knowledge()
                                                                       : advice::crypto_knowledge_from_matrix(matrix);
    compared.head_advice = advice::advise(*compared.head, rules, crypto);
    result.comparison->advice = advice_items(*compared.head_advice);
    result.comparison->advice_checked = true;
  }
  return compared;
}

int run_compare(const CompareRequest& given, std::ostream& out, std::ostream& err) {
  const Policy policy = load_request_policy(given);
  // Revisions are read first: a name that does not resolve stops before anything is written.
  std::optional<RevisionChange> revisions;
  if (!given.base_rev.empty() && !given.head_rev.empty()) {
    revisions = describe_revisions(given.repo, given.base_rev, given.head_rev);
  }
  const CompareRequest request = with_commit_message(given, revisions);
  const ComparedFiles compared = compare_files_with_advice(request, policy);
  const Report& report = compared.report;
  const bool optimization = request.report_kind == "optimization" && compared.base && compared.head;
  std::string markdown;
  std::string json;
  if (optimization) {
    const OptimizationReport model = optimization_report(request, compared, revisions);
    markdown = request.outputs.template_path.empty()
                   ? render_optimization_markdown(model)
                   : render_optimization_markdown(model, util::read_file(request.outputs.template_path),
                                                  request.outputs.template_path);
    json = util::dump_json(optimization_to_json(model), 2) + "\n";
    write_optimization_outputs(request.outputs, report, markdown, json, out);
  } else {
    write_report_outputs(report, request.outputs, out);
    if (!request.record_name.empty()) {
      markdown = render_markdown(report);
      json = report_to_json_text(report);
    }
  }
  for (const CaseResult& result : report.cases) {
    if (!result.comparison) err << "gate: error: " << result.error << "\n";
  }
  keep_and_record(request, compared, markdown, json, err);
  return exit_code(report.verdict());
}

}  // namespace zkgate::gate::cli
