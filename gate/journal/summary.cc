#include "gate/journal/summary.h"

#include <fmt/format.h>

#include "util/input_error.h"

namespace zkgate::gate::journal {

namespace {

nlohmann::json side_to_json(const SideSummary& side) {
  return {{"stored_as", side.stored_as},
          {"original_path", side.original_path},
          {"format", side.format},
          {"zkvm", side.zkvm},
          {"unit", side.unit},
          {"total", side.total},
          {"total_cost", side.total_cost ? nlohmann::json(*side.total_cost) : nlohmann::json(nullptr)},
          {"top_function", side.top_function},
          {"top_share_percent", side.top_share_percent}};
}

template <typename T>
T field(const nlohmann::json& object, const char* key, const std::string& source) {
  const auto it = object.find(key);
  if (it == object.end()) {
    throw util::InputError({source}, fmt::format("journal summary lacks '{}'", key),
                           "the iteration folder is damaged; move it out of the journal");
  }
  try {
    return it->get<T>();
  } catch (const nlohmann::json::exception&) {
    throw util::InputError({source}, fmt::format("journal summary field '{}' has the wrong type", key),
                           "the iteration folder is damaged; move it out of the journal");
  }
}

SideSummary side_from_json(const nlohmann::json& json, const std::string& source) {
  if (!json.is_object()) throw util::InputError({source}, "journal summary: base/head must be objects");
  SideSummary side;
  side.stored_as = field<std::string>(json, "stored_as", source);
  side.original_path = field<std::string>(json, "original_path", source);
  side.format = field<std::string>(json, "format", source);
  side.zkvm = field<std::string>(json, "zkvm", source);
  side.unit = field<std::string>(json, "unit", source);
  side.total = field<std::uint64_t>(json, "total", source);
  const nlohmann::json& cost = json.value("total_cost", nlohmann::json(nullptr));
  if (!cost.is_null()) side.total_cost = field<std::uint64_t>(json, "total_cost", source);
  side.top_function = field<std::string>(json, "top_function", source);
  side.top_share_percent = field<double>(json, "top_share_percent", source);
  return side;
}

}  // namespace

std::int64_t IterationSummary::delta() const {
  return static_cast<std::int64_t>(head.total) - static_cast<std::int64_t>(base.total);
}

double IterationSummary::delta_percent() const {
  if (base.total == 0) return 0;
  return 100.0 * static_cast<double>(delta()) / static_cast<double>(base.total);
}

nlohmann::json summary_to_json(const IterationSummary& summary) {
  return {{"schema", kSummarySchema},
          {"name", summary.name},
          {"slug", summary.slug},
          {"recorded_at", summary.recorded_at},
          {"title", summary.title},
          {"note", summary.note},
          {"verdict", summary.verdict},
          {"kept", summary.kept},
          {"baseline_replaced", summary.baseline_replaced},
          {"base", side_to_json(summary.base)},
          {"head", side_to_json(summary.head)},
          {"delta", summary.delta()},
          {"delta_percent", summary.delta_percent()},
          {"advice", summary.advice}};
}

IterationSummary summary_from_json(const nlohmann::json& json, const std::string& source) {
  if (!json.is_object()) throw util::InputError({source}, "journal summary is not a JSON object");
  const int schema = field<int>(json, "schema", source);
  if (schema != kSummarySchema) {
    throw util::InputError({source}, fmt::format("journal summary schema {} is not {} (written by another zkgate version)",
                                                 schema, kSummarySchema));
  }
  IterationSummary summary;
  summary.name = field<std::string>(json, "name", source);
  summary.slug = field<std::string>(json, "slug", source);
  summary.recorded_at = field<std::string>(json, "recorded_at", source);
  summary.title = field<std::string>(json, "title", source);
  summary.note = field<std::string>(json, "note", source);
  summary.verdict = field<std::string>(json, "verdict", source);
  summary.kept = field<bool>(json, "kept", source);
  summary.baseline_replaced = field<bool>(json, "baseline_replaced", source);
  summary.base = side_from_json(field<nlohmann::json>(json, "base", source), source);
  summary.head = side_from_json(field<nlohmann::json>(json, "head", source), source);
  summary.advice = field<std::vector<std::string>>(json, "advice", source);
  return summary;
}

}  // namespace zkgate::gate::journal
