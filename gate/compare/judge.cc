#include "gate/compare/judge.h"

#include "gate/compare/comparison.h"
#include "gate/compare/crypto_diagnosis.h"
#include "util/input_error.h"

namespace zkgate::gate {

CaseResult judge_case(const CaseLabel& label, const Profile& base, const Profile& head, const Policy& policy,
                      const patchcheck::CryptoMatrix* matrix) {
  CaseResult result;
  result.name = label.name;
  result.input = label.input;
  result.zkvm = head.zkvm.empty() ? base.zkvm : head.zkvm;
  const Policy case_policy = policy.for_case(label.name);
  try {
    result.comparison = compare_profiles(base, head, case_policy);
  } catch (const util::InputError& e) {
    result.problem = CaseState::not_comparable;
    result.error = e.describe();
    return result;
  }
  if (matrix != nullptr) diagnose_crypto(*result.comparison, base, head, *matrix, case_policy.crypto);
  return result;
}

CaseResult unjudged_case(const CaseLabel& label, CaseState state, std::string error, std::string log_tail) {
  CaseResult result;
  result.name = label.name;
  result.input = label.input;
  result.problem = state;
  result.error = std::move(error);
  result.log_tail = std::move(log_tail);
  return result;
}

}  // namespace zkgate::gate
