#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gate/profile/line_reader.h"
#include "gate/profile/profile.h"

namespace zkgate::gate {

// ziskemu -X [-S -D -T N] statistics: the ethrex ~0.15 layout, the newer eth-act/ere
// layout (no separators, "COUNT % COST % RANK", VARIABLE subtotal, per-call columns,
// empty function tables without -S), the ZisK book's boxed "REPORT SUMMARY". Guest output
// before REPORT and output words after it are ignored. An eth-act "Zisk profiling failed"
// sidecar (.error.txt) is an InputError carrying the harness's reason.
Profile parse_ziskemu(LineReader& in);

namespace zisk {
// The boxed Unicode summary (ZisK book): "REPORT SUMMARY" and "COST DISTRIBUTION SUMMARY"
// boxes, read one line at a time, then checked (parts add up to the total) and applied.
struct BoxedSummary {
  std::string box;  // title of the box being read
  std::optional<std::uint64_t> steps;
  std::optional<std::uint64_t> cost;
  std::optional<std::uint64_t> distribution_total;
  std::vector<CostComponent> components;
  std::string ram;
  std::size_t first_line = 0;
};
bool is_box_line(std::string_view line);
void read_box_line(std::string_view line, BoxedSummary& summary, const LineReader& in);
void apply_boxed_summary(const BoxedSummary& summary, Profile& profile, const LineReader& in);
// An eth-act failure sidecar from its first line on; always throws util::InputError.
[[noreturn]] void throw_profiling_failure(LineReader& in, std::string_view first_line);
}  // namespace zisk

}  // namespace zkgate::gate
