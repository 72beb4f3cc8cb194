#pragma once

#include <ostream>

#include "gate/compare/comparison.h"
#include "gate/compare/policy.h"
#include "gate/compare/report_model.h"

// Lets BOOST_TEST print the enums it compares.
namespace zkgate::gate {

inline std::ostream& operator<<(std::ostream& out, Verdict verdict) { return out << to_string(verdict); }
inline std::ostream& operator<<(std::ostream& out, CaseState state) { return out << to_string(state); }
inline std::ostream& operator<<(std::ostream& out, Severity severity) { return out << to_string(severity); }
inline std::ostream& operator<<(std::ostream& out, RuleAction action) { return out << to_string(action); }
inline std::ostream& operator<<(std::ostream& out, FunctionMetric metric) { return out << to_string(metric); }

}  // namespace zkgate::gate
