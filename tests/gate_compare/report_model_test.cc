#include <boost/test/unit_test.hpp>

#include "gate/compare/report_model.h"
#include "printers.h"
#include "sample_profiles.h"
#include "util/exit_codes.h"

using namespace zkgate::gate;
using zkgate::test::risc0_profile;

namespace {

CaseResult judged(std::uint64_t base, std::uint64_t head) {
  CaseResult result;
  result.name = "block";
  result.comparison = compare_profiles(risc0_profile("b", base), risc0_profile("h", head), Policy{});
  return result;
}

CaseResult unjudged(CaseState state) {
  CaseResult result;
  result.name = "broken";
  result.problem = state;
  result.error = "profile failed";
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_model)

BOOST_AUTO_TEST_CASE(case_states_follow_the_comparison) {
  BOOST_TEST(judged(100, 80).state() == CaseState::improved);
  BOOST_TEST(judged(100, 100).state() == CaseState::unchanged);
  BOOST_TEST(judged(100, 200).state() == CaseState::regressed);
  BOOST_TEST(unjudged(CaseState::failed_in_head).state() == CaseState::failed_in_head);
  // A judged state without a comparison is not believed.
  BOOST_TEST(unjudged(CaseState::improved).state() == CaseState::error);
}

BOOST_AUTO_TEST_CASE(verdict_and_exit_codes) {
  Report report;
  BOOST_TEST(report.verdict() == Verdict::error);  // nothing judged is not a pass
  report.cases = {judged(100, 80)};
  BOOST_TEST(exit_code(report.verdict()) == zkgate::util::kExitOk);
  report.cases.push_back(unjudged(CaseState::added));
  BOOST_TEST(report.verdict() == Verdict::pass);
  report.cases.push_back(judged(100, 200));
  BOOST_TEST(exit_code(report.verdict()) == zkgate::util::kExitFail);
  report.cases.push_back(unjudged(CaseState::missing));
  BOOST_TEST(exit_code(report.verdict()) == zkgate::util::kExitError);
}

BOOST_AUTO_TEST_CASE(state_and_verdict_names_round_trip) {
  for (CaseState state : {CaseState::improved, CaseState::unchanged, CaseState::regressed, CaseState::added,
                          CaseState::missing, CaseState::failed_in_base, CaseState::failed_in_head, CaseState::no_data,
                          CaseState::not_comparable, CaseState::error}) {
    BOOST_TEST(case_state_from_string(to_string(state)).value() == state);
  }
  for (Verdict verdict : {Verdict::pass, Verdict::regression, Verdict::error}) {
    BOOST_TEST(verdict_from_string(to_string(verdict)).value() == verdict);
  }
  BOOST_TEST(!case_state_from_string("fine").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
