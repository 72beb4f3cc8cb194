#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gate/profile/line_reader.h"
#include "gate/profile/profile.h"

// Row readers for the tables of a ziskemu -X report. Columns are found by splitting on
// whitespace (costs of 10^12 overflow their fixed columns), never by cutting fixed widths.
// Every reader throws util::InputError at the reader's current line for a malformed row.
namespace zkgate::gate::zisk {

// Column layout of an opcode table, from its header: "COUNT COST % RANK" (ethrex ~0.15)
// or "COUNT % COST % RANK" (newer), RANK optional.
struct OpcodeColumns {
  std::size_t value_count = 0;  // numeric columns before the optional "#rank"
  std::size_t count_index = 0;
  std::size_t cost_index = 0;
};
OpcodeColumns opcode_columns(const std::vector<std::string_view>& header_fields, std::size_t title_fields,
                             const LineReader& in);
// "OP keccak 82,057 10,512,158,156 18.43% #1" -> OpcodeStat; fields start at "OP".
OpcodeStat parse_opcode_row(const std::vector<std::string_view>& fields, std::size_t first, const OpcodeColumns& columns,
                            bool precompile_table, const LineReader& in);

// One row of TOP STEP / TOP COST FUNCTIONS: "figure pct calls [per-call] name".
struct FunctionRow {
  std::uint64_t figure = 0;
  std::optional<std::uint64_t> calls;
  std::string_view name;
};
// per_call: whether rows carry the per-call column; decided from the header or first row.
FunctionRow parse_function_row(std::string_view line, const std::vector<std::string_view>& fields, bool per_call,
                               const LineReader& in);
bool row_has_per_call_column(const std::vector<std::string_view>& fields);

// "calls steps pct name" of a DETAIL block's TOP STEP CALLERS table; fields after "|".
CallerStat parse_caller_row(std::string_view line, const std::vector<std::string_view>& fields, std::size_t first,
                            const LineReader& in);

// "NAME  figure  pct" of the summary (STEPS in a DETAIL block, FROPS, RAM USAGE ...):
// the figure of a line with `name_fields` leading words and a required/optional percent.
std::uint64_t parse_figure(const std::vector<std::string_view>& fields, std::size_t name_fields, bool percent_required,
                           const LineReader& in);

// Profile-tag table row: "MARK_ID INDEX COUNT STEPS % TOTAL COST % MAIN OPCODE PRECOMPILE MEMORY".
struct TagRow {
  std::string name;
  std::uint64_t steps = 0;
  std::uint64_t cost = 0;
};
TagRow parse_tag_row(const std::vector<std::string_view>& fields, const LineReader& in);

}  // namespace zkgate::gate::zisk
