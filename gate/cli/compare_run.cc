#include "gate/cli/compare_run.h"

#include <ostream>

#include "gate/compare/judge.h"
#include "gate/profile/parse.h"
#include "patchcheck/matrix.h"
#include "util/input_error.h"

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

Report compare_profile_files(const CompareRequest& request, const Policy& policy) {
  Report report;
  report.config_used = policy.source;
  report.base_label = request.base.string();
  report.head_label = request.head.string();
  CaseLabel label{request.case_name.empty() ? default_case_name(request.base, request.head) : request.case_name,
                  request.input};
  Profile base;
  Profile head;
  try {
    base = parse_profile(request.base, request.format);
  } catch (const util::InputError& e) {
    report.cases.push_back(unjudged_case(label, CaseState::error, "base: " + e.describe()));
    return report;
  }
  try {
    head = parse_profile(request.head, request.format);
  } catch (const util::InputError& e) {
    report.cases.push_back(unjudged_case(label, CaseState::error, "head: " + e.describe()));
    return report;
  }
  if (label.input.empty()) label.input = input_from(head);
  const patchcheck::CryptoMatrix matrix = request.matrix_file.empty()
                                              ? patchcheck::CryptoMatrix::load_default()
                                              : patchcheck::CryptoMatrix::load_file(request.matrix_file);
  report.cases.push_back(judge_case(label, base, head, policy, &matrix));
  return report;
}

int run_compare(const CompareRequest& request, std::ostream& out, std::ostream& err) {
  const Policy policy = load_request_policy(request);
  const Report report = compare_profile_files(request, policy);
  write_report_outputs(report, request.outputs, out);
  for (const CaseResult& result : report.cases) {
    if (!result.comparison) err << "gate: error: " << result.error << "\n";
  }
  return exit_code(report.verdict());
}

}  // namespace zkgate::gate::cli
