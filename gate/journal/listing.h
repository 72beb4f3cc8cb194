#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gate/journal/journal.h"

// `gate journal`: the recorded iterations as a table with the gain of each and the gain so
// far, and the "diminishing returns" flag that tells a performance engineer to stop.
namespace zkgate::gate::journal {

struct DiminishingPolicy {
  double threshold_percent = 1.0;  // an iteration "improved < 1%"...
  unsigned window = 3;             // ...for each of the last 3 kept iterations
};

struct ListingRow {
  std::string folder;         // folder name inside the journal
  std::string date;           // recorded_at
  std::string name;
  std::string unit;
  std::uint64_t steps = 0;    // head total
  bool kept = false;
  // vs the previous iteration's head (the first iteration: vs its own base); nullopt when
  // the units differ, so the figures cannot be compared
  std::optional<std::int64_t> delta_previous;
  std::optional<double> delta_previous_percent;
  // vs the first iteration's base: what the whole loop has gained so far
  std::optional<std::int64_t> delta_cumulative;
  std::optional<double> delta_cumulative_percent;
  double improvement_percent = 0;  // this iteration alone, base -> head (positive = fewer steps)
};

struct Listing {
  std::vector<ListingRow> rows;
  bool diminishing_returns = false;
  std::string diminishing_note;  // why (or why not yet)
  DiminishingPolicy policy;
};

Listing build_listing(const std::vector<RecordedIteration>& iterations, const DiminishingPolicy& policy = {});

std::string listing_to_text(const Listing& listing);
std::string listing_to_markdown(const Listing& listing);
nlohmann::json listing_to_json(const Listing& listing);

}  // namespace zkgate::gate::journal
