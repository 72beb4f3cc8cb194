#include "gate/suite/suite.h"

#include <cctype>

namespace zkgate::gate::suite {

std::string_view metric_id(Metric metric) {
  switch (metric) {
    case Metric::kSteps: return "steps";
    case Metric::kAirCost: return "air_cost";
    case Metric::kExecutionTime: return "execution_time";
    case Metric::kProvingTime: return "proving_time";
  }
  return "steps";
}

std::optional<Metric> parse_metric(std::string_view text) {
  if (text == "steps" || text == "cycles") return Metric::kSteps;
  if (text == "air_cost") return Metric::kAirCost;
  if (text == "execution_time") return Metric::kExecutionTime;
  if (text == "proving_time") return Metric::kProvingTime;
  return std::nullopt;
}

bool is_wall_clock(Metric metric) { return metric == Metric::kExecutionTime || metric == Metric::kProvingTime; }

std::optional<long double> metric_value(const Workload& w, Metric metric) {
  if (w.failed) return std::nullopt;
  switch (metric) {
    case Metric::kSteps:
      if (w.steps) return static_cast<long double>(*w.steps);
      return std::nullopt;
    case Metric::kAirCost:
      if (w.air_cost) return static_cast<long double>(*w.air_cost);
      return std::nullopt;
    case Metric::kExecutionTime:
      if (w.execution_seconds) return static_cast<long double>(*w.execution_seconds);
      return std::nullopt;
    case Metric::kProvingTime:
      if (w.proving_ms) return static_cast<long double>(*w.proving_ms);
      return std::nullopt;
  }
  return std::nullopt;
}

namespace {

// A label suffix that names a build rather than a program: "v1.11.0", "b9d3ef6".
bool is_build_suffix(std::string_view suffix) {
  if (suffix.size() >= 2 && suffix[0] == 'v' && std::isdigit(static_cast<unsigned char>(suffix[1]))) return true;
  if (suffix.size() < 7 || suffix.size() > 40) return false;
  for (const char c : suffix) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::string guest_family(std::string_view guest) {
  const std::size_t dash = guest.rfind('-');
  if (dash != std::string_view::npos && is_build_suffix(guest.substr(dash + 1))) {
    return std::string(guest.substr(0, dash));
  }
  return std::string(guest);
}

}  // namespace zkgate::gate::suite
