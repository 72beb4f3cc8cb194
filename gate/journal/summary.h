#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// The small JSON summary stored with every recorded iteration (summary.json): enough to
// list the journal without parsing the stored profiles again.
namespace zkgate::gate::journal {

inline constexpr int kSummarySchema = 1;

struct SideSummary {
  std::string stored_as;                    // file name inside the iteration folder, e.g. "base.txt"
  std::string original_path;                // where the profile was read from
  std::string format;                       // parser id
  std::string zkvm;
  std::string unit;                         // "steps", "cycles", "instructions"
  std::uint64_t total = 0;
  std::optional<std::uint64_t> total_cost;  // ZisK cost
  std::string top_function;                 // largest function by cost (or steps), empty if unknown
  double top_share_percent = 0;
};

struct IterationSummary {
  std::string name;         // as given to --record
  std::string slug;         // name as it appears in the folder name
  std::string recorded_at;  // UTC, RFC 3339 with microseconds: sorts as text
  std::string title;        // --title, or the head commit's subject
  std::string note;         // --note
  std::string verdict;      // the comparison's verdict ("pass", "regression", ...)
  bool kept = false;        // head improved on base: the change is kept (and may become the baseline)
  bool baseline_replaced = false;
  SideSummary base;
  SideSummary head;
  std::vector<std::string> advice;  // ids of the advice rules that fired on head

  std::int64_t delta() const;          // head - base
  double delta_percent() const;        // (head - base) / base * 100
};

nlohmann::json summary_to_json(const IterationSummary& summary);

// Throws util::InputError naming `source` when a field is missing or has the wrong type, or
// the schema is not one this zkgate reads.
IterationSummary summary_from_json(const nlohmann::json& json, const std::string& source);

}  // namespace zkgate::gate::journal
