#pragma once

// First, so that no other header pulls in <regex> without the warning fix.
#include "gate/advice/std_regex.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "util/input_error.h"

// The advice rules: the optimization decision framework as data (default_rules.yml is
// embedded; `--rules FILE` replaces or extends it). Thresholds and patterns live in the
// YAML, only the way each kind of rule is evaluated lives in code.
namespace zkgate::gate::advice {

// A regular expression together with the text it was written as (for messages and JSON).
struct Pattern {
  std::string text;
  std::regex regex;

  bool matches(std::string_view name) const;
};

enum class RuleKind {
  kNativeCrypto,  // matrix native symbols hot while the precompile shows no use
  kShare,         // functions matching patterns above a share of cost
  kSelfShare,     // one function above a share of cost by its own (self) cost
};

std::string_view rule_kind_name(RuleKind kind);

struct Rule {
  std::string id;
  RuleKind kind = RuleKind::kShare;
  std::string category;
  std::string title;
  std::string hint;
  std::vector<Pattern> terms;        // kShare
  bool sum_terms = false;            // kShare: combine: sum (else max)
  double threshold_percent = 0;      // kShare, kSelfShare
  unsigned top_n = 10;               // kNativeCrypto
  std::vector<std::string> zkvms;    // evaluated only for these zkVMs; empty = every zkVM
  util::SourceLocation where;        // where the rule was written
};

struct RuleSet {
  std::string source;                   // "embedded default rules" or the file's path
  std::vector<Rule> rules;              // enabled rules, in file order
  std::vector<std::string> disabled;    // ids a rules file disabled (shown, never evaluated)
  std::vector<Pattern> entry_points;    // never advice for the single-function rule
};

// The rules embedded in the binary (gate/advice/default_rules.yml).
const RuleSet& default_rules();

// The text of that file, for `gate show --default-rules` (a starting point for a team's own).
std::string_view default_rules_yaml();

// Reads a rules file. `extends: default` starts from the default rules; `disable: [ids]`
// switches rules off; `rules:` adds rules or replaces those with the same id. Throws
// util::InputError with file:line for unreadable YAML, unknown keys or kinds, bad regexes,
// duplicate ids, or a `disable` id that no rule has.
RuleSet load_rules(const std::filesystem::path& path);

// The same from text; `source_name` names it in messages.
RuleSet parse_rules(std::string_view text, const std::string& source_name);

}  // namespace zkgate::gate::advice
