#include "gate/profile/ziskemu_rows.h"

#include <fmt/format.h>

#include "gate/profile/text_fields.h"
#include "gate/profile/zisk_precompiles.h"
#include "util/numbers.h"

namespace zkgate::gate::zisk {

namespace {

std::uint64_t number_or_fail(std::string_view field, const char* what, const LineReader& in) {
  const std::optional<std::uint64_t> value = util::parse_grouped_u64(field);
  if (!value) {
    in.fail(fmt::format("expected {} (an unsigned integer such as 1,234,567), found \"{}\"", what, field),
            "the row is garbled or cut; regenerate the profile");
  }
  return *value;
}

// "12.34%", the shape every ziskemu row prints, checked without a floating-point parse;
// any other spelling goes through util::parse_percent, which decides.
bool is_plain_percent(std::string_view field) {
  if (field.size() < 2 || field.size() > 16 || field.back() != '%') return false;
  field.remove_suffix(1);
  std::size_t digits_before = 0;
  std::size_t i = 0;
  for (; i < field.size() && field[i] >= '0' && field[i] <= '9'; ++i) ++digits_before;
  if (digits_before == 0) return false;
  if (i == field.size()) return true;
  if (field[i] != '.' || i + 1 == field.size()) return false;
  for (++i; i < field.size(); ++i) {
    if (field[i] < '0' || field[i] > '9') return false;
  }
  return true;
}

void percent_or_fail(std::string_view field, const LineReader& in) {
  if (is_plain_percent(field)) return;
  if (field.empty() || field.back() != '%' || !util::parse_percent(field)) {
    in.fail(fmt::format("expected a percentage such as 12.34%, found \"{}\"", field),
            "the row is garbled or cut; regenerate the profile");
  }
}

bool is_grouped_number(std::string_view field) { return util::parse_grouped_u64(field).has_value(); }

}  // namespace

OpcodeColumns opcode_columns(const std::vector<std::string_view>& header_fields, std::size_t title_fields,
                             const LineReader& in) {
  OpcodeColumns columns;
  bool have_count = false;
  bool have_cost = false;
  for (std::size_t i = title_fields; i < header_fields.size(); ++i) {
    const std::string_view name = header_fields[i];
    if (name == "RANK") continue;
    if (name == "COUNT") {
      columns.count_index = columns.value_count;
      have_count = true;
    } else if (name == "COST") {
      columns.cost_index = columns.value_count;
      have_cost = true;
    }
    ++columns.value_count;
  }
  if (!have_count || !have_cost) {
    in.fail("opcode table header without COUNT and COST columns",
            "expected a header such as \"COST BY OPCODE  COUNT  COST  %  RANK\"");
  }
  return columns;
}

OpcodeStat parse_opcode_row(const std::vector<std::string_view>& fields, std::size_t first, const OpcodeColumns& columns,
                            bool precompile_table, const LineReader& in) {
  const std::size_t values = fields.size() - first;  // "OP", name, numbers..., rank?
  if (values < 2 + columns.value_count || values > 3 + columns.value_count) {
    in.fail(fmt::format("expected an opcode row \"OP <name>\" with {} figures and an optional #rank, found {} fields",
                        columns.value_count, values));
  }
  OpcodeStat op;
  op.name = std::string(fields[first + 1]);
  for (std::size_t i = 0; i < columns.value_count; ++i) {
    const std::string_view field = fields[first + 2 + i];
    if (i == columns.count_index) {
      op.count = number_or_fail(field, "an opcode COUNT", in);
    } else if (i == columns.cost_index) {
      op.cost = number_or_fail(field, "an opcode COST", in);
    } else {
      percent_or_fail(field, in);
    }
  }
  if (values == 3 + columns.value_count && !parse_rank(fields.back())) {
    in.fail(fmt::format("expected a rank such as #1 at the end of the opcode row, found \"{}\"", fields.back()));
  }
  op.is_precompile = precompile_table || is_zisk_precompile(op.name);
  return op;
}

bool row_has_per_call_column(const std::vector<std::string_view>& fields) {
  return fields.size() >= 5 && is_grouped_number(fields[3]);
}

FunctionRow parse_function_row(std::string_view line, const std::vector<std::string_view>& fields, bool per_call,
                               const LineReader& in) {
  const std::size_t name_index = per_call ? 4 : 3;
  if (fields.size() <= name_index) {
    in.fail(fmt::format("expected a function row with {} figures and a name, found {} fields", name_index,
                        fields.size()),
            "the row is cut or garbled; regenerate the profile");
  }
  FunctionRow row;
  row.figure = number_or_fail(fields[0], "the function's steps or cost", in);
  percent_or_fail(fields[1], in);
  row.calls = number_or_fail(fields[2], "the function's CALLS", in);
  if (per_call) number_or_fail(fields[3], "the per-call figure", in);
  row.name = rest_of_line(line, fields[name_index]);
  return row;
}

CallerStat parse_caller_row(std::string_view line, const std::vector<std::string_view>& fields, std::size_t first,
                            const LineReader& in) {
  if (fields.size() < first + 4) {
    in.fail("expected a caller row \"| calls steps pct name\"");
  }
  CallerStat caller;
  caller.calls = number_or_fail(fields[first], "the caller's call count", in);
  caller.steps = number_or_fail(fields[first + 1], "the caller's steps", in);
  percent_or_fail(fields[first + 2], in);
  caller.name = std::string(rest_of_line(line, fields[first + 3]));
  return caller;
}

std::uint64_t parse_figure(const std::vector<std::string_view>& fields, std::size_t name_fields, bool percent_required,
                           const LineReader& in) {
  const std::size_t expected = name_fields + 1 + (percent_required ? 1 : 0);
  if (fields.size() != expected && !(fields.size() == expected + 1 && !percent_required)) {
    in.fail(fmt::format("expected \"{} <number>{}\"", fields.empty() ? "" : std::string(fields[0]),
                        percent_required ? " <percent>" : ""));
  }
  const std::uint64_t value = number_or_fail(fields[name_fields], "a number", in);
  if (fields.size() > name_fields + 1) percent_or_fail(fields[name_fields + 1], in);
  return value;
}

TagRow parse_tag_row(const std::vector<std::string_view>& fields, const LineReader& in) {
  // Long tag names overrun the INDEX column: read the ten figures from the right.
  if (fields.size() < 11) in.fail(fmt::format("expected a profile-tag row with 11 columns, found {}", fields.size()));
  const std::size_t base = fields.size() - 10;
  TagRow row;
  for (std::size_t i = 0; i < base; ++i) {
    if (i > 0) row.name += ' ';
    row.name += fields[i];
  }
  number_or_fail(fields[base], "the tag INDEX", in);
  number_or_fail(fields[base + 1], "the tag COUNT", in);
  row.steps = number_or_fail(fields[base + 2], "the tag STEPS", in);
  percent_or_fail(fields[base + 3], in);
  row.cost = number_or_fail(fields[base + 4], "the tag TOTAL COST", in);
  percent_or_fail(fields[base + 5], in);
  for (std::size_t i = base + 6; i < fields.size(); ++i) number_or_fail(fields[i], "a tag cost", in);
  return row;
}

}  // namespace zkgate::gate::zisk
