#include "gate/report/profile_report.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "gate/advice/advice_json.h"
#include "gate/advice/measure.h"
#include "gate/compare/format.h"
#include "gate/profile/profile_json.h"
#include "util/markdown.h"
#include "util/printable.h"

namespace zkgate::gate {
namespace {

struct TopRow {
  const FunctionStat* function = nullptr;
  std::uint64_t value = 0;
  double share_percent = 0;
};

// The largest functions by the same figure the advice rules take shares of.
std::vector<TopRow> top_functions(const Profile& profile, const std::optional<advice::Measure>& measure) {
  std::vector<TopRow> rows;
  if (!measure) return rows;
  for (const FunctionStat& function : profile.functions) {
    const std::optional<std::uint64_t> value = advice::inclusive_value(function, *measure);
    if (value) rows.push_back({&function, *value, advice::share_of(*value, *measure)});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const TopRow& a, const TopRow& b) { return a.value > b.value; });
  if (rows.size() > kShownTopFunctions) rows.resize(kShownTopFunctions);
  return rows;
}

std::string precompiles_used(const Profile& profile) {
  std::string out;
  for (const OpcodeStat& opcode : profile.opcodes) {
    if (!opcode.is_precompile || opcode.count == 0) continue;
    out += fmt::format("{}OP {} {}", out.empty() ? "" : ", ", opcode.name, grouped(opcode.count));
  }
  return out;
}

std::string zkvm_of(const Profile& profile) { return profile.zkvm.empty() ? "unknown zkVM" : profile.zkvm; }

std::string measure_label(const std::optional<advice::Measure>& measure, const Profile& profile) {
  if (!measure) return "";
  return measure->name == "cost" ? "ZisK cost" : profile.unit;
}

}  // namespace

std::string profile_report_text(const Profile& profile, const advice::Advice& advice) {
  using util::printable_line;
  std::string out = fmt::format("{}: {} profile ({}), {} {}", printable_line(profile.source), printable_line(zkvm_of(profile)),
                                profile.format, grouped(profile.total), printable_line(profile.unit));
  if (!profile.total_note.empty()) out += fmt::format(" ({})", printable_line(profile.total_note));
  out += "\n";
  if (profile.total_cost) out += fmt::format("  ZisK cost: {}\n", grouped(*profile.total_cost));
  if (profile.opcodes_known) {
    const std::string used = precompiles_used(profile);
    out += fmt::format("  precompiles used: {}\n", used.empty() ? "none" : printable_line(used));
  }
  const std::optional<advice::Measure> measure = advice::choose_measure(profile);
  const std::vector<TopRow> top = top_functions(profile, measure);
  if (!top.empty()) {
    out += fmt::format("  top functions by {} (inclusive):\n", measure_label(measure, profile));
    for (std::size_t i = 0; i < top.size(); ++i) {
      out += fmt::format("  {:>3}. {:>7}  {:>16}  {}\n", i + 1, advice::format_percent(top[i].share_percent),
                         grouped(top[i].value), printable_line(top[i].function->name));
    }
  } else {
    out += "  no per-function figures in this profile\n";
  }
  out += advice::advice_to_text(advice);
  return out;
}

std::string profile_report_markdown(const Profile& profile, const advice::Advice& advice) {
  using util::escape_markdown;
  std::string out = fmt::format("## zkgate profile: {}\n\n", escape_markdown(profile.source));
  out += "| | |\n| --- | --- |\n";
  out += fmt::format("| zkVM | {} |\n| format | {} |\n", escape_markdown(zkvm_of(profile)), escape_markdown(profile.format));
  out += fmt::format("| total {} | {} |\n", escape_markdown(profile.unit), grouped(profile.total));
  if (profile.total_cost) out += fmt::format("| ZisK cost | {} |\n", grouped(*profile.total_cost));
  if (profile.opcodes_known) {
    const std::string used = precompiles_used(profile);
    out += fmt::format("| precompiles used | {} |\n", used.empty() ? "none" : escape_markdown(used));
  }
  const std::optional<advice::Measure> measure = advice::choose_measure(profile);
  const std::vector<TopRow> top = top_functions(profile, measure);
  if (!top.empty()) {
    out += fmt::format("\n### Top functions by {} (inclusive)\n\n| # | share | {} | function |\n| ---: | ---: | ---: | --- |\n",
                       escape_markdown(measure_label(measure, profile)), escape_markdown(measure_label(measure, profile)));
    for (std::size_t i = 0; i < top.size(); ++i) {
      out += fmt::format("| {} | {} | {} | {} |\n", i + 1, advice::format_percent(top[i].share_percent),
                         grouped(top[i].value), escape_markdown(top[i].function->name));
    }
  }
  out += "\n" + advice::advice_to_markdown(advice);
  return out;
}

nlohmann::json profile_report_json(const Profile& profile, const advice::Advice& advice) {
  nlohmann::json document = profile_to_json(profile);
  document["advice"] = advice::advice_to_json(advice);
  return document;
}

}  // namespace zkgate::gate
