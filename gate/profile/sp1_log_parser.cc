#include "gate/profile/sp1_log_parser.h"

#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "gate/profile/text_fields.h"
#include "util/numbers.h"

// ethrex-replay `--zkvm sp1 --action execute` logs: SP1's executor prints each
// cycle-tracker span as "┌╴name" when it opens and "└╴N cycles" when it closes, indented
// by one "│ " per enclosing span. Guest "stderr:" lines are interleaved.
namespace zkgate::gate {

namespace {

constexpr std::string_view kOpen = "\u250c\u2574";   // ┌╴
constexpr std::string_view kClose = "\u2514\u2574";  // └╴
constexpr std::string_view kPipe = "\u2502 ";        // "│ "

struct OpenSpan {
  std::string name;
  std::size_t line = 0;
};

class Sp1LogParser {
 public:
  explicit Sp1LogParser(LineReader& in) : in_(in), profile_(empty_sp1_profile(in.source())) {}

  Profile run() {
    std::string_view line;
    while (in_.next(line)) {
      if (line.substr(0, 7) == "stderr:" || line.substr(0, 7) == "stdout:") continue;  // guest output
      if (profile_.functions.empty() && open_.empty() && trim(line) == "SP1 Profile Analysis") {
        return parse_sp1_profile_report(in_);  // ethrex's bin/parse_sp1_profile.py text output
      }
      const std::size_t open = line.find(kOpen);
      if (open != std::string_view::npos) {
        open_span(trim(line.substr(open + kOpen.size())), depth_before(line, open));
        continue;
      }
      const std::size_t close = line.find(kClose);
      if (close != std::string_view::npos) {
        close_span(trim(line.substr(close + kClose.size())), depth_before(line, close));
        continue;
      }
      other_line(line);
    }
    return finish();
  }

 private:
  // Nesting depth = the number of "│ " right before the marker.
  static int depth_before(std::string_view line, std::size_t marker) {
    int depth = 0;
    while (marker >= kPipe.size() && line.substr(marker - kPipe.size(), kPipe.size()) == kPipe) {
      marker -= kPipe.size();
      ++depth;
    }
    return depth;
  }

  void open_span(std::string_view name, int depth) {
    if (name.empty()) in_.fail("a span opening (\u250c\u2574) without a name");
    if (static_cast<std::size_t>(depth) != open_.size()) {
      in_.fail(fmt::format("span \"{}\" opens at depth {} while {} span(s) are open", name, depth, open_.size()),
               "the span tree is broken: lines are missing or the log interleaves two runs");
    }
    open_.push_back({std::string(name), in_.line_number()});
  }

  void close_span(std::string_view text, int depth) {
    if (open_.empty()) in_.fail("a span closing (\u2514\u2574) with no open span", "the log is cut at its start");
    if (static_cast<std::size_t>(depth) + 1 != open_.size()) {
      in_.fail(fmt::format("span \"{}\" closes at depth {}, expected depth {}", open_.back().name, depth,
                           open_.size() - 1),
               "the span tree is broken: lines are missing or the log interleaves two runs");
    }
    split_fields(text, fields_);
    const std::optional<std::uint64_t> cycles =
        fields_.size() == 2 && fields_[1] == "cycles" ? util::parse_grouped_u64(fields_[0]) : std::nullopt;
    if (!cycles) {
      in_.fail(fmt::format("expected \"\u2514\u2574<N> cycles\" closing span \"{}\", found \"{}\"", open_.back().name, text),
               "the cycle count is garbled");
    }
    record(*cycles);
    open_.pop_back();
  }

  // A span's name is its identity in a comparison: a derived name that a label (or another
  // derived name) already took gets a counter, so two spans never merge into one row.
  std::string unique_name(const std::string& wanted) {
    std::string name = wanted;
    for (int n = 2; !names_used_.insert(name).second; ++n) name = fmt::format("{} #{}", wanted, n);
    return name;
  }

  // Spans are aggregated by their path: a label opened again under the same parent (a loop)
  // adds its cycles and counts one more call.
  void record(std::uint64_t cycles) {
    std::string path;
    for (const OpenSpan& span : open_) path += span.name + '\x1f';
    const auto found = by_path_.find(path);
    if (found != by_path_.end()) {
      FunctionStat& span = profile_.functions[found->second];
      if (*span.steps > UINT64_MAX - cycles) in_.fail("span cycles overflow 64 bits");
      *span.steps += cycles;
      *span.calls += 1;
    } else {
      FunctionStat span;
      const std::string& label = open_.back().name;
      // A label already taken gets its parent's name in front; a top-level span has no parent
      // (found by fuzz_profile_sp1_log: open_[-1] when a label was first used nested).
      if (names_used_.insert(label).second) {
        span.name = label;
      } else {
        span.name = unique_name(open_.size() > 1 ? fmt::format("{} \u203a {}", open_[open_.size() - 2].name, label)
                                                 : fmt::format("{} (top level)", label));
      }
      span.steps = cycles;
      span.calls = 1;
      span.depth = static_cast<int>(open_.size()) - 1;
      if (open_.size() > 1) span.parent = open_[open_.size() - 2].name;
      by_path_.emplace(path, profile_.functions.size());
      profile_.functions.push_back(std::move(span));
    }
    if (open_.size() == 1) {
      if (total_ > UINT64_MAX - cycles) in_.fail("total cycles overflow 64 bits");
      total_ += cycles;
      top_level_.push_back(open_.back().name);
    }
  }

  void other_line(std::string_view line) {
    // "... sp1_prover: gas: 1687294509"
    const std::size_t gas = line.rfind(" gas: ");
    if (gas != std::string_view::npos) {
      const std::optional<std::uint64_t> value = util::parse_grouped_u64(trim(line.substr(gas + 6)));
      if (!value) in_.fail(fmt::format("expected \"gas: <N>\", found \"{}\"", trim(line.substr(gas))));
      if (profile_.gas) in_.fail("a second \"gas:\" line: the log holds more than one run", "keep one run per file");
      profile_.gas = value;
      return;
    }
    const std::size_t executed = line.find("Successfully executed SP1 program in ");
    if (executed != std::string_view::npos) {
      profile_.metadata["execution_time"] = std::string(trim(line.substr(executed + 37)));
    }
    const std::size_t block = line.find("Block: ");
    if (block != std::string_view::npos && line.find("ethrex_replay") != std::string_view::npos) {
      split_fields(line.substr(block + 7), fields_);
      if (!fields_.empty()) profile_.metadata["block"] = std::string(trim_right(fields_[0].substr(0, fields_[0].find(','))));
    }
  }

  Profile finish() {
    if (!open_.empty()) {
      in_.fail_at(open_.back().line,
                  fmt::format("span \"{}\" is never closed (no \u2514\u2574<N> cycles line): the log is truncated",
                              open_.back().name),
                  "rerun the SP1 execution and keep the whole log");
    }
    if (profile_.functions.empty()) {
      in_.fail_at(1, "no SP1 cycle-tracker spans (\u250c\u2574name / \u2514\u2574N cycles lines) in this log",
                  "SP1 prints cycles only for cycle-tracker spans: build the guest with its cycle-tracking feature "
                  "(ethrex: sp1-cycles) and run with --verbose");
    }
    profile_.total = total_;
    std::string names;
    std::unordered_set<std::string> listed;
    for (const std::string& name : top_level_) {
      if (listed.insert(name).second) names += (names.empty() ? "" : ", ") + name;
    }
    profile_.total_note = fmt::format(
        "sum of the depth-0 cycle-tracker spans ({}); SP1 prints no total, so cycles outside spans are not counted",
        names);
    profile_.functions_known = true;
    profile_.functions_complete = true;  // every span that ran is logged
    return std::move(profile_);
  }

  LineReader& in_;
  Profile profile_;
  std::vector<OpenSpan> open_;
  std::unordered_map<std::string, std::size_t> by_path_;
  std::unordered_set<std::string> names_used_;
  std::vector<std::string> top_level_;
  std::uint64_t total_ = 0;
  std::vector<std::string_view> fields_;
};

}  // namespace

Profile empty_sp1_profile(const std::string& source) {
  Profile profile;
  profile.source = source;
  profile.format = "sp1-log";
  profile.zkvm = "sp1";
  profile.unit = "cycles";
  return profile;
}

Profile parse_sp1_log(LineReader& in) { return Sp1LogParser(in).run(); }

}  // namespace zkgate::gate
