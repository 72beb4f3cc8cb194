#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "gate/suite/suite.h"

// Pairing BASE and HEAD workloads: by key, plus explicit renames (EEST renames tests
// between fixture releases: test_worst_compute.py::test_worst_mod[...] became
// test_arithmetic.py::test_mod[...]).
namespace zkgate::gate::suite {

struct RenameRule {
  std::string base;    // a base key, or a workload name (then every folder holding it)
  std::string head;    // the head key, or the head workload name in the same folder
  std::string origin;  // "--match" or "file:line", for messages
};

// "OLD=NEW" (split at the first '='). Throws util::InputError when either side is empty.
RenameRule parse_match_arg(const std::string& text);

// One rule per line, "OLD<TAB>NEW" (or "OLD=NEW" on lines without a tab); empty lines and
// lines starting with '#' are skipped. Throws util::InputError with file:line.
std::vector<RenameRule> read_match_file(const std::filesystem::path& file);

struct MatchedPair {
  const Workload* base = nullptr;  // null: new in head
  const Workload* head = nullptr;  // null: missing in head
  const RenameRule* rule = nullptr;  // the rename that paired them, if any
};

struct Matching {
  std::vector<MatchedPair> pairs;           // base order, then head-only workloads in head order
  std::vector<const RenameRule*> unused;    // rules that matched no base workload
};

// Pairs workloads; a head workload is paired at most once. The suites must outlive the result.
Matching match_workloads(const Suite& base, const Suite& head, const std::vector<RenameRule>& rules);

}  // namespace zkgate::gate::suite
