#include "gate/profile/ziskemu_parser.h"

#include <algorithm>
#include <iterator>
#include <memory_resource>
#include <tuple>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "gate/profile/string_index.h"
#include "gate/profile/text_fields.h"
#include "gate/profile/ziskemu_names.h"
#include "gate/profile/ziskemu_rows.h"
#include "util/numbers.h"

namespace zkgate::gate {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// Where the reader is in the report. Tables end at a blank line; a DETAIL block ends at
// the next top-level title.
enum class Section { Prelude, Boxed, Top, CostDistribution, Opcodes, Frops, TopSteps, TopCost, Detail, Tags, Skip };

class ZiskReportParser {
 public:
  explicit ZiskReportParser(LineReader& in) : in_(in) {
    profile_.source = in.source();
    profile_.format = "ziskemu";
    profile_.zkvm = "zisk";
    profile_.unit = "steps";
  }

  Profile run() {
    std::string_view line;
    while (in_.next(line)) {
      if (expect_rule_) {
        expect_rule_ = false;
        if (!is_rule(line[0] == '|' ? line.substr(1) : line)) {
          in_.fail(fmt::format("expected a \"----\" line under \"{}\"", section_title_),
                   "the section header is not followed by its rule; the file is garbled or cut");
        }
        continue;
      }
      handle(line);
    }
    return finish();
  }

 private:
  void handle(std::string_view line) {
    switch (section_) {
      case Section::Prelude: return prelude(line);
      case Section::Boxed: return boxed(line);
      case Section::Top: return top(line);
      case Section::Skip:
        if (is_blank_line(line)) section_ = Section::Top;
        return;
      case Section::CostDistribution: return cost_distribution(line);
      case Section::Opcodes: return table_row(line, [this](std::string_view l) { opcode_row(l); });
      case Section::Frops: return table_row(line, [this](std::string_view l) { frop_row(l); });
      case Section::TopSteps:
      case Section::TopCost: return table_row(line, [this](std::string_view l) { function_row(l); });
      case Section::Tags: return table_row(line, [this](std::string_view l) { tag_row(l); });
      case Section::Detail: return detail(line);
    }
  }

  void enter(Section section, std::string_view title, bool has_rule = true) {
    section_ = section;
    section_title_.assign(trim(title));
    section_line_ = in_.line_number();
    expect_rule_ = has_rule;
    table_rows_ = 0;
  }

  void prelude(std::string_view line) {
    const std::string_view text = trim(line);
    if (text == "REPORT") {
      report_line_ = in_.line_number();
      return enter(Section::Top, "REPORT");
    }
    if (zisk::is_box_line(line) || text.find("REPORT SUMMARY") != std::string_view::npos) {
      report_line_ = in_.line_number();
      section_ = Section::Boxed;
      return zisk::read_box_line(line, boxed_, in_);
    }
    if (starts_with(text, "Zisk profiling failed") || (in_.line_number() == 1 && starts_with(text, "fixture:"))) {
      zisk::throw_profiling_failure(in_, line);
    }
    split_fields(text, fields_);
    // "Loaded 9 profile tags": the tag table at the end must then hold 9 rows.
    if (fields_.size() == 4 && fields_[0] == "Loaded" && fields_[2] == "profile" && fields_[3] == "tags") {
      expected_tags_ = util::parse_grouped_u64(fields_[1]);
    } else if (fields_.size() >= 4 && fields_[0] == "Loaded" && fields_[2] == "function" && fields_[3] == "symbols") {
      profile_.metadata["function_symbols"] = std::string(fields_[1]);
    }
  }

  void boxed(std::string_view line) {
    if (zisk::is_box_line(line)) return zisk::read_box_line(line, boxed_, in_);
    if (!is_blank_line(line)) {
      zisk::apply_boxed_summary(boxed_, profile_, in_);
      have_cost_distribution_ = true;
      section_ = Section::Top;
      return top(line);
    }
  }

  void top(std::string_view line) {
    const std::string_view text = trim(line);
    if (text.empty()) {
      section_ = Section::Top;
      return;
    }
    split_fields(text, fields_);
    const std::string_view first = fields_[0];
    const std::string_view second = fields_.size() > 1 ? fields_[1] : std::string_view();
    if (text == "REPORT") {
      in_.fail(fmt::format("a second REPORT block (the first is on line {})", report_line_),
               "the file holds more than one ziskemu run; keep one report per file");
    }
    if (first == "STEPS" && fields_.size() == 2) return steps_line();
    if (starts_with(text, "COST DISTRIBUTION")) return enter(Section::CostDistribution, text);
    if (first == "FROPS" && fields_.size() == 3) {
      have_frops_ = true;
      profile_.metadata["frops_cost"] = std::to_string(zisk::parse_figure(fields_, 1, true, in_));
      return;
    }
    if (first == "RAM" && second == "USAGE") {
      profile_.ram_bytes = zisk::parse_figure(fields_, 2, false, in_);
      return;
    }
    if (first == "ROM" && second == "USAGE") {
      profile_.metadata["rom_usage"] = std::to_string(zisk::parse_figure(fields_, 2, false, in_));
      return;
    }
    if (starts_with(text, "COST BY OPCODE") || starts_with(text, "COST BY BASE OPCODE") ||
        starts_with(text, "COST BY PRECOMPILED OPCODE")) {
      const std::size_t title_fields = first == "COST" && fields_[2] == "OPCODE" ? 3 : 4;
      opcode_columns_ = zisk::opcode_columns(fields_, title_fields, in_);
      precompile_table_ = fields_[2] == "PRECOMPILED";
      profile_.opcodes_known = true;
      return enter(Section::Opcodes, text);
    }
    if (starts_with(text, "FROPS BY OPCODE")) return enter(Section::Frops, text);
    if (starts_with(text, "TOP STEP FUNCTIONS")) return enter_function_table(Section::TopSteps, text);
    if (starts_with(text, "TOP COST FUNCTIONS")) return enter_function_table(Section::TopCost, text);
    if (starts_with(text, "DETAIL FUNCTION ")) return enter_detail(line);
    if (first == "MARK_ID") return enter(Section::Tags, text);
    if (section_ == Section::Top && fields_.size() == 1 && is_hex_word(first)) return;  // guest output words
    // An unknown section (MEM COST BY TYPE, PROFILE TAGS, ...): skipped up to its blank line,
    // so its rows (including their own TOTAL rows) never reach the model.
    section_ = Section::Skip;
  }

  void steps_line() {
    if (have_steps_) {
      in_.fail(fmt::format("a second top-level STEPS line (the first is on line {})", steps_line_),
               "the file holds more than one ziskemu run; keep one report per file");
    }
    profile_.total = zisk::parse_figure(fields_, 1, false, in_);
    have_steps_ = true;
    steps_line_ = in_.line_number();
  }

  // BASE MAIN OPCODES PRECOMPILES MEMORY [---- VARIABLE BASE ----] (blank) TOTAL.
  void cost_distribution(std::string_view line) {
    const std::string_view text = trim(line);
    if (text.empty() || is_rule(text)) return;
    split_fields(text, fields_);
    if (fields_.size() != 3) {
      in_.fail(fmt::format("expected a cost row \"<NAME> <cost> <percent>\" in COST DISTRIBUTION, found \"{}\"", text),
               "the cost distribution is garbled or cut; regenerate the profile");
    }
    const std::uint64_t cost = zisk::parse_figure(fields_, 1, true, in_);
    if (fields_[0] == "TOTAL") {
      check_cost_sums(cost);
      profile_.total_cost = cost;
      have_cost_distribution_ = true;
      section_ = Section::Top;
    } else if (fields_[0] == "VARIABLE") {
      variable_cost_ = cost;
      variable_parts_ = profile_.cost_distribution.size();
      profile_.metadata["variable_cost"] = std::to_string(cost);
    } else {
      profile_.cost_distribution.push_back({std::string(fields_[0]), cost});
    }
  }

  // The parts must add up (ziskemu prints them from one computation); a mismatch means a
  // garbled number, which must not reach a comparison.
  void check_cost_sums(std::uint64_t total) {
    std::uint64_t sum = 0;
    std::uint64_t variable_sum = 0;
    for (std::size_t i = 0; i < profile_.cost_distribution.size(); ++i) {
      // A wrapped sum could equal the printed total by accident of the garbling.
      const std::uint64_t part = profile_.cost_distribution[i].cost;
      bool wrapped = __builtin_add_overflow(sum, part, &sum);
      if (i < variable_parts_) wrapped = __builtin_add_overflow(variable_sum, part, &variable_sum) || wrapped;
      if (wrapped) in_.fail("cost distribution parts overflow 64 bits", "a cost figure is garbled; regenerate the profile");
    }
    if (variable_cost_ && variable_sum != *variable_cost_) {
      in_.fail(fmt::format("cost distribution parts above VARIABLE add up to {}, not to VARIABLE {}", variable_sum,
                           *variable_cost_),
               "a cost figure is garbled; regenerate the profile");
    }
    if (sum != total) {
      in_.fail(fmt::format("cost distribution parts add up to {}, not to TOTAL {}", sum, total),
               "a cost figure is garbled; regenerate the profile");
    }
  }

  template <typename RowReader>
  void table_row(std::string_view line, RowReader read_row) {
    if (is_blank_line(line)) {
      section_ = Section::Top;
      return;
    }
    ++table_rows_;
    read_row(line);
  }

  void opcode_row(std::string_view line) {
    split_fields(line, fields_);
    if (fields_[0] == "\u251c" || fields_[0] == "\u2514") return;  // variant rows: a subset of the row above
    if (fields_[0] != "OP") in_.fail(fmt::format("expected an \"OP <name> ...\" row in {}", section_title_));
    OpcodeStat op = zisk::parse_opcode_row(fields_, 0, opcode_columns_, precompile_table_, in_);
    if (!opcode_names_.insert(op.name).second) {
      in_.fail(fmt::format("opcode \"{}\" is listed twice", op.name), "the file holds more than one report");
    }
    profile_.opcodes.push_back(std::move(op));
  }

  void frop_row(std::string_view line) {
    split_fields(line, fields_);
    if (fields_.size() < 5 || fields_[0] != "FROP" || !util::parse_grouped_u64(fields_[2])) {
      in_.fail(fmt::format("expected a \"FROP <name> <count> ...\" row in {}", section_title_));
    }
  }

  void enter_function_table(Section section, std::string_view title) {
    enter(section, title);
    // The newer layout names the per-call column; the eth-act one prints it unnamed.
    per_call_ = title.find("/CALL") != std::string_view::npos ? std::optional<bool>(true) : std::nullopt;
  }

  // Two symbols can print the same name (monomorphizations); they stay apart as "name",
  // "name (2)", ... in order of first appearance.
  std::size_t add_function(std::string_view name, zisk::NameUse& use) {
    FunctionStat& added = profile_.functions.emplace_back();
    added.name = use.functions == 0 ? std::string(name) : fmt::format("{} ({})", name, use.functions + 1);
    if (use.functions != 0) ++duplicate_names_;
    const std::size_t index = profile_.functions.size() - 1;
    use.add(index);
    detailed_.push_back(false);
    return index;
  }

  // One hash lookup per row or block, without building a std::string for it.
  zisk::NameUse& use_of(std::string_view name) {
    auto found = names_.find(name);
    if (found == names_.end()) {
      found = names_.emplace(std::piecewise_construct, std::forward_as_tuple(name), std::forward_as_tuple()).first;
    }
    return found->second;
  }

  // The entry a top-list row belongs to: one not yet ranked in this list, preferring the
  // one with the same call count (the two lists rank the same symbols differently).
  std::size_t function_for_row(std::string_view name, bool by_steps, std::uint64_t calls) {
    zisk::NameUse& use = use_of(name);
    std::optional<std::size_t> fallback;
    for (std::size_t i = 0; i < use.functions; ++i) {
      const std::size_t index = use.function(i);
      const FunctionStat& candidate = profile_.functions[index];
      if ((by_steps ? candidate.rank_by_steps : candidate.rank_by_cost).has_value()) continue;
      if (candidate.calls == calls) return index;
      if (!fallback) fallback = index;
    }
    return fallback ? *fallback : add_function(name, use);
  }

  void function_row(std::string_view line) {
    split_fields(line, fields_);
    if (!per_call_) per_call_ = zisk::row_has_per_call_column(fields_);
    const zisk::FunctionRow row = zisk::parse_function_row(line, fields_, *per_call_, in_);
    const bool by_steps = section_ == Section::TopSteps;
    const std::size_t index = function_for_row(row.name, by_steps, *row.calls);
    FunctionStat& function = profile_.functions[index];
    (by_steps ? function.rank_by_steps : function.rank_by_cost) = static_cast<unsigned>(table_rows_);
    (by_steps ? function.steps : function.cost) = row.figure;
    if (!function.calls) function.calls = row.calls;
    (by_steps ? profile_.top_n_by_steps : profile_.top_n_by_cost) = static_cast<unsigned>(table_rows_);
    if (!by_steps) cost_ranked_.push_back(index);
    profile_.functions_known = true;
  }

  // ziskemu -D prints the DETAIL blocks in TOP COST order, so the k-th block named X is the
  // k-th row named X of that list.
  // Every DETAIL block holds STEPS, COST and at least one "|" table; less means a cut.
  void close_detail() {
    if (detail_line_ == 0) return;
    if (!detail_has_steps_ || !detail_has_cost_ || !detail_has_table_) {
      in_.fail_at(detail_line_,
                  fmt::format("DETAIL FUNCTION {} lacks its {}", profile_.functions[detail_index_].name,
                              !detail_has_steps_ ? "STEPS line" : !detail_has_cost_ ? "COST line" : "opcode and caller tables"),
                  "the profile is truncated; rerun the profiler and keep its whole output");
    }
    detail_line_ = 0;
    FunctionStat& function = profile_.functions[detail_index_];
    append_exactly(function.opcodes, detail_opcodes_);
    append_exactly(function.callers, detail_callers_);
  }

  // A block's rows gather in reused lists and move into exactly sized ones: growing each
  // function's vector by doubling freed ~70,000 blocks per 100 MB and left glibc coalescing
  // them (perf: ~12% of the parse), with up to twice the memory the rows need.
  template <typename Row>
  static void append_exactly(std::vector<Row>& rows, std::vector<Row>& gathered) {
    if (rows.empty()) rows.reserve(gathered.size());
    rows.insert(rows.end(), std::make_move_iterator(gathered.begin()), std::make_move_iterator(gathered.end()));
    gathered.clear();
  }

  void enter_detail(std::string_view line) {
    close_detail();
    const std::string_view name = trim_right(line.substr(std::string_view("DETAIL FUNCTION ").size()));
    enter(Section::Detail, line);
    detail_line_ = in_.line_number();
    detail_has_steps_ = detail_has_cost_ = detail_has_table_ = false;
    zisk::NameUse& use = use_of(name);
    const std::size_t seen = use.detail_blocks++;
    std::size_t matched = 0;
    std::optional<std::size_t> index;
    for (const std::size_t ranked : cost_ranked_) {
      if (use.functions == 0) break;
      if (!use.has(ranked)) continue;
      if (matched++ == seen) index = ranked;
    }
    if (!index) {
      if (matched > 0 || seen > 0) {
        in_.fail(fmt::format("more DETAIL FUNCTION blocks for \"{}\" than TOP COST FUNCTIONS rows", name),
                 "the file holds more than one report");
      }
      index = add_function(name, use);
    }
    detail_index_ = *index;
    detailed_[*index] = true;
    any_detail_ = true;
    detail_table_ = DetailTable::None;
    profile_.functions_known = true;
  }

  // STEPS and COST lines, then "|"-prefixed sub-tables (COST BY OPCODE, TOP STEP CALLERS).
  void detail(std::string_view line) {
    FunctionStat& function = profile_.functions[detail_index_];
    if (is_blank_line(line)) {
      detail_table_ = DetailTable::None;
      return;
    }
    if (line[0] == '|') return detail_table_line(line);
    split_fields(line, fields_);
    if (fields_.size() == 3 && (fields_[0] == "STEPS" || fields_[0] == "COST")) {
      const std::uint64_t value = zisk::parse_figure(fields_, 1, true, in_);
      std::optional<std::uint64_t>& slot = fields_[0] == "STEPS" ? function.steps : function.cost;
      if (slot && *slot != value) {
        in_.fail(fmt::format("DETAIL FUNCTION {} gives {} {}, the top list gave {}", function.name, fields_[0], value,
                             *slot),
                 "the figures of one function disagree; the file is garbled");
      }
      slot = value;
      (fields_[0] == "STEPS" ? detail_has_steps_ : detail_has_cost_) = true;
      return;
    }
    close_detail();
    section_ = Section::Top;
    top(line);
  }

  void detail_table_line(std::string_view line) {
    const std::string_view body = trim(line.substr(1));
    if (body.empty()) {
      detail_table_ = DetailTable::None;
      return;
    }
    split_fields(body, fields_);
    if (detail_table_ == DetailTable::None) {
      detail_has_table_ = true;
      section_title_.assign(body);
      expect_rule_ = true;
      if (starts_with(body, "COST BY") && body.find("OPCODE") != std::string_view::npos) {
        const std::size_t title_fields = fields_[2] == "OPCODE" ? 3 : 4;
        detail_columns_ = zisk::opcode_columns(fields_, title_fields, in_);
        detail_precompiles_ = fields_[2] == "PRECOMPILED";
        detail_table_ = DetailTable::Opcodes;
      } else if (starts_with(body, "TOP STEP CALLERS")) {
        detail_table_ = DetailTable::Callers;
      } else {
        detail_table_ = DetailTable::Other;
      }
      return;
    }
    if (detail_table_ == DetailTable::Opcodes) {
      if (fields_[0] == "\u251c" || fields_[0] == "\u2514") return;
      if (fields_[0] != "OP") in_.fail("expected an \"| OP <name> ...\" row in the DETAIL block's opcode table");
      detail_opcodes_.push_back(zisk::parse_opcode_row(fields_, 0, detail_columns_, detail_precompiles_, in_));
    } else if (detail_table_ == DetailTable::Callers) {
      detail_callers_.push_back(zisk::parse_caller_row(body, fields_, 0, in_));
    }
  }

  void tag_row(std::string_view line) {
    split_fields(line, fields_);
    const zisk::TagRow row = zisk::parse_tag_row(fields_, in_);
    profile_.metadata["tag." + row.name + ".steps"] = std::to_string(row.steps);
    profile_.metadata["tag." + row.name + ".cost"] = std::to_string(row.cost);
    ++tags_seen_;
  }

  Profile finish();

  enum class DetailTable { None, Opcodes, Callers, Other };

  LineReader& in_;
  Profile profile_;
  Section section_ = Section::Prelude;
  std::string section_title_;
  std::size_t section_line_ = 0;
  std::size_t table_rows_ = 0;
  bool expect_rule_ = false;
  std::vector<std::string_view> fields_;
  std::size_t report_line_ = 0;
  zisk::BoxedSummary boxed_;
  bool have_steps_ = false;
  std::size_t steps_line_ = 0;
  bool have_cost_distribution_ = false;
  bool have_frops_ = false;
  std::size_t detail_line_ = 0;
  bool detail_has_steps_ = false;
  bool detail_has_cost_ = false;
  bool detail_has_table_ = false;
  std::optional<std::uint64_t> variable_cost_;
  std::size_t variable_parts_ = 0;
  zisk::OpcodeColumns opcode_columns_;
  bool precompile_table_ = false;
  std::unordered_set<std::string> opcode_names_;
  std::optional<bool> per_call_;
  // A 100 MB report names ~47,000 functions: per-node allocations and frees of this map
  // cost ~15% of the parse (perf), an arena a few large blocks.
  std::pmr::monotonic_buffer_resource names_arena_;
  ArenaStringMap<zisk::NameUse> names_{&names_arena_};
  std::vector<std::size_t> cost_ranked_;
  std::vector<bool> detailed_;  // per function: a DETAIL block was read for it
  bool any_detail_ = false;
  std::size_t detail_index_ = 0;
  DetailTable detail_table_ = DetailTable::None;
  zisk::OpcodeColumns detail_columns_;
  bool detail_precompiles_ = false;
  std::vector<OpcodeStat> detail_opcodes_;  // the open DETAIL block's rows
  std::vector<CallerStat> detail_callers_;
  std::size_t duplicate_names_ = 0;
  std::optional<std::uint64_t> expected_tags_;
  std::size_t tags_seen_ = 0;
};

Profile ZiskReportParser::finish() {
  const std::string cut_hint = "the profile is truncated; rerun the profiler and keep its whole output";
  if (!in_.ended_with_newline()) {
    in_.fail("the last line has no newline: the file was cut mid-line", cut_hint);
  }
  if (section_ == Section::Prelude) {
    in_.fail_at(in_.line_number() == 0 ? 1 : in_.line_number(),
                "no ziskemu REPORT block (expected a \"REPORT\" line followed by \"----\" and \"STEPS <n>\")",
                "run ziskemu with -X (and -S -D for functions); guest output alone holds no statistics");
  }
  if (section_ == Section::Boxed) {
    zisk::apply_boxed_summary(boxed_, profile_, in_);
    have_cost_distribution_ = true;
  }
  if (expect_rule_ || section_ == Section::Opcodes || section_ == Section::Frops || section_ == Section::TopSteps ||
      section_ == Section::TopCost || section_ == Section::Tags || section_ == Section::CostDistribution ||
      (section_ == Section::Detail && detail_table_ != DetailTable::None)) {
    in_.fail_at(section_line_,
                fmt::format("the file ends inside \"{}\" (expected the rest of it and the blank line that closes it)",
                            section_title_),
                cut_hint);
  }
  if (section_ == Section::Detail) close_detail();
  if (!have_steps_ && profile_.metadata.count("layout") == 0) {
    in_.fail_at(report_line_, "REPORT block without a top-level \"STEPS <n>\" line", cut_hint);
  }
  if (!have_cost_distribution_) {
    in_.fail_at(report_line_, "REPORT block without a COST DISTRIBUTION table ending in TOTAL", cut_hint);
  }
  if (have_cost_distribution_ && !have_frops_ && profile_.metadata.count("layout") == 0) {
    in_.fail_at(report_line_, "REPORT block without the FROPS line that follows the cost distribution", cut_hint);
  }
  if (any_detail_) {
    // ziskemu -D prints one DETAIL block per TOP COST function: a missing one means a cut.
    std::size_t missing = 0;
    std::string first_missing;
    for (const std::size_t index : cost_ranked_) {
      if (detailed_[index]) continue;
      if (missing++ == 0) first_missing = profile_.functions[index].name;
    }
    if (missing > 0) {
      in_.fail(fmt::format("{} of the {} TOP COST FUNCTIONS have no DETAIL FUNCTION block (first missing: {})", missing,
                           cost_ranked_.size(), first_missing),
               cut_hint);
    }
  }
  if (expected_tags_ && tags_seen_ < *expected_tags_) {
    in_.fail(fmt::format("the loader announced {} profile tags but the tag table holds {}", *expected_tags_, tags_seen_),
             cut_hint);
  }
  if (!profile_.functions_known) profile_.metadata["functions"] = "none printed (ziskemu run without -S?)";
  if (duplicate_names_ > 0) profile_.metadata["duplicate_function_names"] = std::to_string(duplicate_names_);
  if (profile_.metadata.count("layout") == 0) {
    profile_.metadata["layout"] = variable_cost_ ? "zisk-variable" : "zisk-plain";
  }
  return std::move(profile_);
}

}  // namespace

Profile parse_ziskemu(LineReader& in) { return ZiskReportParser(in).run(); }

}  // namespace zkgate::gate
