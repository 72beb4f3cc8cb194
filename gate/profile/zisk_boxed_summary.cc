#include <fmt/format.h>

#include "gate/profile/text_fields.h"
#include "gate/profile/ziskemu_parser.h"
#include "util/numbers.h"

namespace zkgate::gate::zisk {

namespace {

constexpr std::string_view kVertical = "\u2551";  // ║

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::uint64_t number_or_fail(std::string_view field, std::string_view row, const LineReader& in) {
  const std::optional<std::uint64_t> value = util::parse_grouped_u64(field);
  if (!value) in.fail(fmt::format("expected a number in the boxed \"{}\" row, found \"{}\"", row, field));
  return *value;
}

}  // namespace

bool is_box_line(std::string_view line) {
  return starts_with(line, "\u2554") || starts_with(line, "\u2560") || starts_with(line, "\u255a") ||
         starts_with(line, kVertical);
}

void read_box_line(std::string_view line, BoxedSummary& summary, const LineReader& in) {
  if (summary.first_line == 0) summary.first_line = in.line_number();
  if (!starts_with(line, kVertical)) return;  // top, middle and bottom borders
  std::string_view body = trim_right(line.substr(kVertical.size()));
  if (body.size() >= kVertical.size() && body.substr(body.size() - kVertical.size()) == kVertical) {
    body.remove_suffix(kVertical.size());
  } else {
    in.fail("boxed summary row without its closing \u2551", "the boxed report is cut; regenerate it");
  }
  body = trim(body);
  const std::size_t diamond = body.find("\u25c6");  // ◆ marks a box title
  if (diamond != std::string_view::npos) {
    summary.box = std::string(trim(body.substr(diamond + std::string_view("\u25c6").size())));
    return;
  }
  std::vector<std::string_view> fields;
  split_fields(body, fields);
  if (fields.empty() || starts_with(fields[0], "\u2504")) return;  // ┄ separators
  if (summary.box == "REPORT SUMMARY") {
    if (fields[0] == "STEPS" && fields.size() == 2) summary.steps = number_or_fail(fields[1], "STEPS", in);
    if (fields[0] == "COST" && fields.size() == 2) summary.cost = number_or_fail(fields[1], "COST", in);
    // A bare "RAM" row (found by fuzz_profile_ziskemu: read past the fields) says nothing.
    if (fields[0] == "RAM" && fields.size() >= 2) summary.ram = std::string(rest_of_line(body, fields[1]));
  } else if (summary.box == "COST DISTRIBUTION SUMMARY") {
    if (fields[0] == "CATEGORY") return;
    if (fields.size() < 3 || fields.back().back() != '%' || !util::parse_percent(fields.back())) {
      in.fail(fmt::format("expected \"<category> ... <cost> <percent>\" in the boxed cost distribution, found \"{}\"",
                          body));
    }
    const std::uint64_t cost = number_or_fail(fields[fields.size() - 2], fields[0], in);
    if (upper(fields[0]) == "TOTAL") {
      summary.distribution_total = cost;
    } else {
      summary.components.push_back({upper(fields[0]), cost});
    }
  }
}

void apply_boxed_summary(const BoxedSummary& summary, Profile& profile, const LineReader& in) {
  const std::string hint = "the boxed REPORT SUMMARY is incomplete or garbled; rerun ziskemu with -X for the plain report";
  if (!summary.steps) in.fail_at(summary.first_line, "boxed REPORT SUMMARY without a STEPS row", hint);
  if (summary.distribution_total) {
    std::uint64_t sum = 0;
    for (const CostComponent& part : summary.components) {
      // A wrapped sum could equal the printed Total by accident of the garbling.
      if (__builtin_add_overflow(sum, part.cost, &sum)) in.fail_at(summary.first_line, "boxed cost distribution parts overflow 64 bits", hint);
    }
    if (sum != *summary.distribution_total) {
      in.fail_at(summary.first_line,
                 fmt::format("boxed cost distribution parts add up to {}, not to its Total {}", sum,
                             *summary.distribution_total),
                 hint);
    }
    if (summary.cost && *summary.cost != *summary.distribution_total) {
      in.fail_at(summary.first_line,
                 fmt::format("boxed COST {} differs from the cost distribution Total {}", *summary.cost,
                             *summary.distribution_total),
                 hint);
    }
  }
  profile.total = *summary.steps;
  profile.total_cost = summary.distribution_total ? summary.distribution_total : summary.cost;
  profile.cost_distribution = summary.components;
  if (!summary.ram.empty()) profile.metadata["ram"] = summary.ram;  // rounded MB: not exact bytes
  profile.metadata["layout"] = "boxed";
}

}  // namespace zkgate::gate::zisk
