#include <unordered_map>

#include <fmt/format.h>

#include "gate/profile/sp1_log_parser.h"
#include "gate/profile/text_fields.h"
#include "util/numbers.h"

// The text report of ethrex's bin/parse_sp1_profile.py over an SP1 trace (Gecko JSON):
// "Total cycles: N", then TOP n FUNCTIONS BY INCLUSIVE CYCLES (cycles, %, samples, name)
// and BY EXCLUSIVE CYCLES (cycles, %, name). Cycles are sampled, so figures are estimates.
namespace zkgate::gate {

namespace {

enum class Table { None, Inclusive, Exclusive };

class Sp1ReportParser {
 public:
  explicit Sp1ReportParser(LineReader& in)
      : in_(in), title_line_(in.line_number()), profile_(empty_sp1_profile(in.source())) {}

  Profile run() {
    std::string_view line;
    while (in_.next(line)) {
      const std::string_view text = trim(line);
      if (text.empty()) {
        table_ = Table::None;
        continue;
      }
      if (text == "COMPARISON SUMMARY" || text.substr(0, 22) == "Profile 1 (baseline):") {
        in_.fail("this is parse_sp1_profile.py --compare output (a comparison), not one profile",
                 "run the script without --compare on each trace and give the two reports to gate compare");
      }
      if (text.substr(0, 4) == "TOP " && text.find("FUNCTIONS BY INCLUSIVE CYCLES") != std::string_view::npos) {
        enter(Table::Inclusive);
      } else if (text.substr(0, 4) == "TOP " && text.find("FUNCTIONS BY EXCLUSIVE CYCLES") != std::string_view::npos) {
        enter(Table::Exclusive);
      } else if (table_ != Table::None) {
        table_line(line, text);
      } else {
        summary_line(text);
      }
    }
    return finish();
  }

 private:
  void enter(Table table) {
    table_ = table;
    rows_ = 0;
    (table == Table::Inclusive ? saw_inclusive_ : saw_exclusive_) = true;
  }

  void summary_line(std::string_view text) {
    if (text.substr(0, 8) == "Source: ") {
      profile_.metadata["trace"] = std::string(text.substr(8));
    } else if (text.substr(0, 15) == "Total samples: ") {
      profile_.metadata["samples"] = std::to_string(number(text.substr(15), "Total samples"));
    } else if (text.substr(0, 14) == "Total cycles: ") {
      total_ = number(text.substr(14), "Total cycles");
    }
  }

  std::uint64_t number(std::string_view field, const char* what) {
    const std::optional<std::uint64_t> value = util::parse_grouped_u64(trim(field));
    if (!value) in_.fail(fmt::format("expected \"{}: <N>\", found \"{}\"", what, field), "the report is garbled");
    return *value;
  }

  void table_line(std::string_view line, std::string_view text) {
    if (text.front() == '(' || is_rule(text) || text.substr(0, 6) == "CYCLES") return;  // captions and headers
    split_fields(text, fields_);
    const std::size_t name_at = table_ == Table::Inclusive ? 3 : 2;
    if (fields_.size() <= name_at || fields_[1].back() != '%' || !util::parse_percent(fields_[1])) {
      in_.fail(fmt::format("expected a row \"<cycles> <percent>%{} <function>\"",
                           table_ == Table::Inclusive ? " <samples>" : ""),
               "the report is garbled or cut");
    }
    const std::uint64_t cycles = number(fields_[0], "cycles");
    if (table_ == Table::Inclusive) number(fields_[2], "samples");
    const std::string name(rest_of_line(line, fields_[name_at]));
    ++rows_;
    FunctionStat& function = function_named(name, table_ == Table::Inclusive);
    if (table_ == Table::Inclusive) {
      function.steps = cycles;
      function.rank_by_steps = static_cast<unsigned>(rows_);
      profile_.top_n_by_steps = static_cast<unsigned>(rows_);
    } else {
      function.self_steps = cycles;
    }
  }

  // Names cut to 70 characters can collide: the second one becomes "name (2)".
  FunctionStat& function_named(const std::string& name, bool inclusive) {
    const auto found = index_.find(name);
    if (found != index_.end()) {
      FunctionStat& existing = profile_.functions[found->second];
      const bool taken = inclusive ? existing.steps.has_value() : existing.self_steps.has_value();
      if (!taken) return existing;
    }
    const std::size_t copies = ++copies_[name];
    FunctionStat& added = profile_.functions.emplace_back();
    added.name = copies == 1 ? name : fmt::format("{} ({})", name, copies);
    if (copies == 1) index_[name] = profile_.functions.size() - 1;
    return added;
  }

  Profile finish() {
    if (!total_) {
      in_.fail_at(title_line_, "SP1 profile report without its \"Total cycles: <N>\" line",
                  "the report is cut; rerun bin/parse_sp1_profile.py on the trace");
    }
    if (saw_inclusive_ && !saw_exclusive_) {
      in_.fail("the report ends before its EXCLUSIVE CYCLES table: it is truncated",
               "rerun bin/parse_sp1_profile.py on the trace");
    }
    profile_.total = *total_;
    profile_.total_note = "sampled SP1 trace (TRACE_SAMPLE_RATE): cycle figures are estimates";
    profile_.functions_known = !profile_.functions.empty();
    profile_.metadata["layout"] = "parse_sp1_profile.py";
    return std::move(profile_);
  }

  LineReader& in_;
  std::size_t title_line_;
  Profile profile_;
  Table table_ = Table::None;
  std::size_t rows_ = 0;
  bool saw_inclusive_ = false;
  bool saw_exclusive_ = false;
  std::optional<std::uint64_t> total_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::string, std::size_t> copies_;
  std::vector<std::string_view> fields_;
};

}  // namespace

Profile parse_sp1_profile_report(LineReader& in) { return Sp1ReportParser(in).run(); }

}  // namespace zkgate::gate
