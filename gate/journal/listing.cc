#include "gate/journal/listing.h"

#include <fmt/format.h>

#include "util/markdown.h"

namespace zkgate::gate::journal {

namespace {

double percent(std::int64_t delta, std::uint64_t reference) {
  return reference == 0 ? 0.0 : 100.0 * static_cast<double>(delta) / static_cast<double>(reference);
}

std::int64_t signed_delta(std::uint64_t to, std::uint64_t from) {
  return static_cast<std::int64_t>(to) - static_cast<std::int64_t>(from);
}

std::string grouped(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string signed_grouped(std::int64_t value) {
  const std::uint64_t magnitude = value < 0 ? static_cast<std::uint64_t>(-(value + 1)) + 1 : static_cast<std::uint64_t>(value);
  return (value < 0 ? "-" : "+") + grouped(magnitude);
}

std::string delta_cell(const std::optional<std::int64_t>& delta, const std::optional<double>& pct) {
  if (!delta || !pct) return "n/a (different units)";
  return fmt::format("{} ({:+.2f}%)", signed_grouped(*delta), *pct);
}

}  // namespace

Listing build_listing(const std::vector<RecordedIteration>& iterations, const DiminishingPolicy& policy) {
  Listing listing;
  listing.policy = policy;
  const IterationSummary* first = iterations.empty() ? nullptr : &iterations.front().summary;
  const IterationSummary* previous = nullptr;
  for (const RecordedIteration& iteration : iterations) {
    const IterationSummary& s = iteration.summary;
    ListingRow row;
    row.folder = iteration.folder.filename().string();
    row.date = s.recorded_at;
    row.name = s.name;
    row.unit = s.head.unit;
    row.steps = s.head.total;
    row.kept = s.kept;
    row.improvement_percent = -s.delta_percent();
    const SideSummary& reference = previous != nullptr ? previous->head : s.base;
    if (reference.unit == s.head.unit) {
      row.delta_previous = signed_delta(s.head.total, reference.total);
      row.delta_previous_percent = percent(*row.delta_previous, reference.total);
    }
    if (first->base.unit == s.head.unit) {
      row.delta_cumulative = signed_delta(s.head.total, first->base.total);
      row.delta_cumulative_percent = percent(*row.delta_cumulative, first->base.total);
    }
    listing.rows.push_back(row);
    previous = &s;
  }

  std::vector<const ListingRow*> kept;
  for (const ListingRow& row : listing.rows) {
    if (row.kept) kept.push_back(&row);
  }
  if (policy.window == 0 || kept.size() < policy.window) {
    listing.diminishing_note = fmt::format("{} kept iteration(s); diminishing returns are judged over the last {}",
                                           kept.size(), policy.window);
    return listing;
  }
  bool all_small = true;
  for (std::size_t i = kept.size() - policy.window; i < kept.size(); ++i) {
    all_small = all_small && kept[i]->improvement_percent < policy.threshold_percent;
  }
  listing.diminishing_returns = all_small;
  listing.diminishing_note =
      all_small ? fmt::format("diminishing returns: each of the last {} kept iterations improved less than {:.2f}%",
                              policy.window, policy.threshold_percent)
                : fmt::format("the last {} kept iterations include one that improved by {:.2f}% or more", policy.window,
                              policy.threshold_percent);
  return listing;
}

std::string listing_to_text(const Listing& listing) {
  if (listing.rows.empty()) return "journal: no recorded iterations (record one with `gate compare BASE HEAD --record NAME`)\n";
  std::string out = fmt::format("{:<28} {:<28} {:>16} {:>26} {:>26} {}\n", "date", "name", "steps", "vs previous",
                                "vs first", "kept");
  for (const ListingRow& row : listing.rows) {
    out += fmt::format("{:<28} {:<28} {:>16} {:>26} {:>26} {}\n", row.date, row.name, grouped(row.steps),
                       delta_cell(row.delta_previous, row.delta_previous_percent),
                       delta_cell(row.delta_cumulative, row.delta_cumulative_percent), row.kept ? "yes" : "no");
  }
  out += (listing.diminishing_returns ? "DIMINISHING RETURNS: " : "") + listing.diminishing_note + "\n";
  return out;
}

std::string listing_to_markdown(const Listing& listing) {
  std::string out = "| date | name | steps | vs previous | vs first | kept |\n| --- | --- | ---: | ---: | ---: | --- |\n";
  for (const ListingRow& row : listing.rows) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", row.date, util::escape_markdown(row.name), grouped(row.steps),
                       delta_cell(row.delta_previous, row.delta_previous_percent),
                       delta_cell(row.delta_cumulative, row.delta_cumulative_percent), row.kept ? "yes" : "no");
  }
  out += fmt::format("\n{}{}\n", listing.diminishing_returns ? "**Diminishing returns:** " : "",
                     util::escape_markdown(listing.diminishing_note));
  return out;
}

nlohmann::json listing_to_json(const Listing& listing) {
  nlohmann::json rows = nlohmann::json::array();
  auto optional_json = [](const auto& value) { return value ? nlohmann::json(*value) : nlohmann::json(nullptr); };
  for (const ListingRow& row : listing.rows) {
    rows.push_back({{"folder", row.folder},
                    {"date", row.date},
                    {"name", row.name},
                    {"unit", row.unit},
                    {"steps", row.steps},
                    {"kept", row.kept},
                    {"improvement_percent", row.improvement_percent},
                    {"delta_previous", optional_json(row.delta_previous)},
                    {"delta_previous_percent", optional_json(row.delta_previous_percent)},
                    {"delta_cumulative", optional_json(row.delta_cumulative)},
                    {"delta_cumulative_percent", optional_json(row.delta_cumulative_percent)}});
  }
  return {{"schema", "zkgate-journal/1"},
          {"iterations", rows},
          {"diminishing_returns", listing.diminishing_returns},
          {"diminishing_note", listing.diminishing_note},
          {"policy", {{"threshold_percent", listing.policy.threshold_percent}, {"window", listing.policy.window}}}};
}

}  // namespace zkgate::gate::journal
