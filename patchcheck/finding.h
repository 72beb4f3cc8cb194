#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "patchcheck/severity.h"

namespace zkgate::patchcheck {

// One result of an audit: data, collected for every guest before the exit code is decided.
struct Finding {
  std::string id;  // stable, one of finding_kinds()
  Severity severity = Severity::kError;
  std::string file;
  std::size_t line = 0;  // 1-based, 0 = the whole file
  std::string message;
  std::string hint;
  std::string guest;                    // the guest's manifest path
  std::string crate;                    // the crate concerned, "" when none
  std::vector<std::string> dependents;  // double-resolution: who gets the native copy
};

// A finding id with its usual severity and a one-line description (--help, README, JSON).
struct FindingKind {
  std::string_view id;
  std::string_view default_severity;
  std::string_view summary;
};

const std::vector<FindingKind>& finding_kinds();

// Sorts findings by file, line, severity (highest first) and id, for stable output.
void sort_findings(std::vector<Finding>& findings);

}  // namespace zkgate::patchcheck
