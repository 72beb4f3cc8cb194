#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gate/compare/delta.h"
#include "gate/compare/policy.h"
#include "gate/compare/verdict.h"
#include "gate/profile/profile.h"

// The result of judging one head profile against its base: every delta the report
// shows, and the findings the policy and the crypto diagnosis produced.
namespace zkgate::gate {

enum class Severity {
  info,         // worth saying, no judgement (e.g. a rule that could not be checked)
  improvement,  // a figure went down by more than the noise margin
  warning,      // shown prominently, does not fail the gate
  failure,      // fails the gate: the case is a regression
};

std::string_view to_string(Severity severity);
std::optional<Severity> severity_from_string(std::string_view text);

// One rule outcome. Ids are stable (README "gate finding ids").
struct Finding {
  std::string id;       // "total", "total-cost", "ram", "precompile", "function", "new-top-function", ...
  Severity severity = Severity::info;
  std::string subject;  // function or opcode name; empty for whole-profile figures
  std::string message;  // one line, plain text (escaped by the renderers)
};

// A sign that crypto runs natively where the zkVM has a precompile for it.
struct CryptoFinding {
  std::string operation;  // matrix operation id, e.g. "keccak"
  std::string kind;       // "precompile-dropped" or "native-symbol-hot"
  std::string evidence;   // the opcode or symbol that shows it
  std::string patch;      // what to check, e.g. "tiny-keccak [patch] (https://github.com/...)"
  Severity severity = Severity::warning;
  std::string message;
};

// What the report says about one side's profile.
struct ProfileSide {
  std::string source;
  std::string format;
  std::string zkvm;
  std::string unit;
  std::string total_note;
  bool opcodes_known = false;
  bool functions_known = false;
  bool functions_complete = false;
  std::optional<unsigned> top_n_by_steps;
  std::optional<unsigned> top_n_by_cost;
};

struct CostComponentDelta {
  std::string name;
  Delta cost;
};

struct OpcodeDelta {
  std::string name;
  bool is_precompile = false;
  Delta count;
  Delta cost;
};

struct FunctionDelta {
  std::string name;
  Delta steps;  // a side is nullopt when the function is not ranked there ("not ranked")
  Delta cost;
  Delta calls;
  std::optional<unsigned> base_rank;  // best (smallest) rank by steps or by cost, where ranked
  std::optional<unsigned> head_rank;
  bool entered_top = false;  // ranked within the compared top N in head, not in base
  bool left_top = false;     // ranked within the compared top N in base, not in head
};

// One advice item on head (gate/advice, "what to look at next"), as the report shows it.
struct AdviceItem {
  std::string rule_id;
  std::string title;
  std::string message;                // what was found, with the share that crossed the threshold
  std::string hint;                   // what to check next
  std::vector<std::string> evidence;  // one line per function: name, share, calls, note

  friend bool operator==(const AdviceItem&, const AdviceItem&) = default;
};

struct Comparison {
  ProfileSide base;
  ProfileSide head;
  std::string unit;  // "steps", "cycles" or "instructions"

  Delta total;
  Delta total_cost;
  Delta ram_bytes;
  Delta gas;
  std::vector<CostComponentDelta> cost_distribution;
  std::vector<OpcodeDelta> opcodes;      // empty when neither side has an opcode table
  std::vector<FunctionDelta> functions;  // largest known change first, then not-ranked ones
  std::optional<unsigned> compared_top_n;  // the top-N depth both sides cover, for entered/left

  std::vector<Finding> findings;
  std::vector<CryptoFinding> crypto;
  bool crypto_checked = false;  // false: no crypto matrix was applied, so `crypto` says nothing
  std::vector<std::string> notes;  // facts a reader needs (how totals were derived, what "not ranked" means)
  // Advice on head, largest share first. advice_checked false: no rules were evaluated
  // (gate run, reports written before advice existed), so `advice` says nothing.
  std::vector<AdviceItem> advice;
  bool advice_checked = false;

  // regression when any finding or crypto finding is a failure, else pass.
  Verdict verdict() const;
  // true when the total went down by more than the noise margin (an improvement finding exists for it).
  bool improved() const;
};

// Compares two profiles of the same workload under `policy`. Throws util::InputError
// when they cannot be compared (different units, or different zkVMs).
Comparison compare_profiles(const Profile& base, const Profile& head, const Policy& policy);

}  // namespace zkgate::gate
