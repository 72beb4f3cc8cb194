#pragma once

#include <string>

#include "gate/compare/policy.h"
#include "gate/compare/report_model.h"
#include "gate/profile/profile.h"
#include "patchcheck/matrix.h"

namespace zkgate::gate {

// What a case is called and what it ran on; the zkVM comes from the profiles.
struct CaseLabel {
  std::string name;
  std::string input;
};

// One case from two parsed profiles, judged by the policy for that case name
// (Policy::for_case), with the crypto diagnosis when a matrix is given
// (patchcheck::CryptoMatrix::load_default() is the shared default). Profiles that cannot
// be compared give a "not comparable" case, not an exception: a report of many cases
// keeps the others.
CaseResult judge_case(const CaseLabel& label, const Profile& base, const Profile& head, const Policy& policy,
                      const patchcheck::CryptoMatrix* matrix = nullptr);

// A case that could not be judged (a side failed to build, run or parse).
CaseResult unjudged_case(const CaseLabel& label, CaseState state, std::string error, std::string log_tail = {});

}  // namespace zkgate::gate
