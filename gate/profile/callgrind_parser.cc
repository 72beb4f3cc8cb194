#include "gate/profile/callgrind_parser.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "gate/profile/string_index.h"
#include "gate/profile/text_fields.h"
#include "util/numbers.h"

// valgrind --tool=callgrind output (format: valgrind.org/docs/manual/cl-format.html).
// Cost lines "<positions> <cost>..." belong to the current fn=; the cost line after a
// calls= line is the inclusive cost of that call. fn/cfn names are compressed as
// "(id) name" on first use and "(id)" afterwards. Self cost of every function is summed
// and checked against summary:/totals:, which catches a file cut anywhere.
namespace zkgate::gate {

namespace {

struct Node {
  std::uint64_t self = 0;
  std::uint64_t outgoing = 0;  // inclusive cost of calls to other functions
  std::uint64_t calls_in = 0;
  bool called = false;
  std::unordered_map<std::size_t, CallerStat> callers;  // by caller index
};

class CallgrindParser {
 public:
  explicit CallgrindParser(LineReader& in) : in_(in) {}

  Profile run() {
    std::string_view line;
    while (in_.next(line)) {
      if (line.empty() || line[0] == '#') continue;
      const char c = line[0];
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '*') {
        cost_line(line);
      } else if (pending_call_) {
        in_.fail("expected the cost line of the call on the previous line", "the file is garbled or cut");
      } else if (has_prefix(line, "fn=")) {
        current_ = function_index(line.substr(3));
      } else if (has_prefix(line, "cfn=")) {
        callee_ = function_index(line.substr(4));
      } else if (has_prefix(line, "calls=")) {
        calls_line(line.substr(6));
      } else if (has_prefix(line, "jump=") || has_prefix(line, "jcnd=")) {
        in_.fail("jump= / jcnd= lines (callgrind --collect-jumps) are not supported",
                 "profile without --collect-jumps");
      } else {
        header_line(line);
      }
    }
    return finish();
  }

 private:
  // "(12) name", "(12)" or "name": fn and cfn share one id space.
  std::size_t function_index(std::string_view spec) {
    spec = trim(spec);
    std::string_view name = spec;
    std::optional<std::string_view> id;
    if (!spec.empty() && spec[0] == '(') {
      const std::size_t close = spec.find(')');
      if (close == std::string_view::npos) in_.fail(fmt::format("expected \"(id) name\", found \"{}\"", spec));
      id = spec.substr(1, close - 1);
      name = trim(spec.substr(close + 1));
      if (name.empty()) {
        const std::optional<std::size_t> known = function_of_id(*id);
        if (!known) in_.fail(fmt::format("function id ({}) is used before it is named", *id), "the file is garbled or cut");
        return *known;
      }
    }
    if (name.empty()) in_.fail("a function line without a name");
    std::size_t index = 0;
    const auto found = by_name_.find(name);
    if (found != by_name_.end()) {
      index = found->second;
    } else {
      index = names_.size();
      names_.emplace_back(name);
      nodes_.emplace_back();
      by_name_.emplace(std::string(name), index);
    }
    if (id) name_id(*id, index);
    return index;
  }

  // valgrind numbers ids 1, 2, 3 ... in order: such an id (decimal, no leading zero, below
  // a bound that grows with the functions read) indexes a vector; any other text is a key
  // of ids_. An id's place can move from ids_ to the vector as the bound grows, never
  // back, so the vector is searched first.
  std::optional<std::size_t> small_id(std::string_view id) const {
    if (id.empty() || id.size() > 9 || (id.size() > 1 && id[0] == '0')) return std::nullopt;
    std::size_t value = 0;
    for (const char c : id) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    if (value >= 4 * names_.size() + 1024) return std::nullopt;  // memory bounded by the model
    return value;
  }

  std::optional<std::size_t> function_of_id(std::string_view id) const {
    const std::optional<std::size_t> small = small_id(id);
    if (small && *small < by_small_id_.size() && by_small_id_[*small] != 0) return by_small_id_[*small] - 1;
    const auto known = ids_.find(id);
    if (known == ids_.end()) return std::nullopt;
    return known->second;
  }

  void name_id(std::string_view id, std::size_t index) {
    if (const std::optional<std::size_t> small = small_id(id)) {
      if (*small >= by_small_id_.size()) by_small_id_.resize(*small + 1, 0);
      by_small_id_[*small] = index + 1;
      return;
    }
    const auto known = ids_.find(id);
    if (known != ids_.end()) {
      known->second = index;
    } else {
      ids_.emplace(std::string(id), index);
    }
  }

  void calls_line(std::string_view spec) {
    if (!callee_) in_.fail("calls= without a cfn= naming the called function");
    if (!current_) in_.fail("calls= before any fn=");
    split_fields(spec, fields_);
    const std::optional<std::uint64_t> count = fields_.empty() ? std::nullopt : util::parse_grouped_u64(fields_[0]);
    if (!count) in_.fail(fmt::format("expected \"calls=<count> <target position>\", found \"calls={}\"", spec));
    pending_call_ = *count;
  }

  // Cost lines are most of a callgrind file and a few bytes long: read field by field.
  std::uint64_t event_cost(std::string_view line) {
    const std::size_t column = positions_ + event_;
    std::size_t count = 0;
    std::string_view wanted;
    const char* p = line.data();
    const char* const line_end = p + line.size();
    while (true) {
      while (p != line_end && (*p == ' ' || *p == '\t')) ++p;
      if (p == line_end) break;
      const char* const start = p;
      while (p != line_end && *p != ' ' && *p != '\t') ++p;
      if (count++ == column) wanted = std::string_view(start, static_cast<std::size_t>(p - start));
    }
    if (count < positions_) in_.fail(fmt::format("expected {} position column(s) on a cost line", positions_));
    if (count > positions_ + events_) in_.fail("a cost line with more costs than events: declares");
    if (column >= count) return 0;  // trailing costs of 0 may be left out
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(wanted.data(), wanted.data() + wanted.size(), value);
    if (ec != std::errc() || end != wanted.data() + wanted.size()) {
      in_.fail(fmt::format("expected a cost (an unsigned integer), found \"{}\"", wanted), "the file is garbled");
    }
    return value;
  }

  std::uint64_t checked_sum(std::uint64_t sum, std::uint64_t more, std::string_view what) {
    if (sum > UINT64_MAX - more) in_.fail(fmt::format("{} overflow 64 bits", what), "the file is garbled");
    return sum + more;
  }

  void cost_line(std::string_view line) {
    if (!events_) in_.fail("a cost line before the events: header", "this is not a complete callgrind file");
    if (!current_) in_.fail("a cost line before any fn=");
    const std::uint64_t cost = event_cost(line);
    Node& caller = nodes_[*current_];
    if (pending_call_) {
      const std::size_t callee = *callee_;
      Node& target = nodes_[callee];
      target.called = true;
      CallerStat& edge = target.callers[*current_];
      // Call counts and inclusive costs are summed over every call site: each sum is checked,
      // since a wrapped sum would be a plausible, wrong figure.
      target.calls_in = checked_sum(target.calls_in, *pending_call_, "call counts");
      edge.calls = checked_sum(edge.calls.value_or(0), *pending_call_, "call counts");
      edge.steps = checked_sum(edge.steps.value_or(0), cost, "call costs");
      // A call to itself (recursion) is already inside this function's own figures.
      if (callee != *current_) {
        caller.outgoing = checked_sum(caller.outgoing, cost, "call costs");
        (void)checked_sum(caller.self, caller.outgoing, "a function's inclusive cost");
      }
      pending_call_.reset();
      callee_.reset();
      return;
    }
    self_sum_ = checked_sum(self_sum_, cost, "costs");
    caller.self = checked_sum(caller.self, cost, "costs");
    (void)checked_sum(caller.self, caller.outgoing, "a function's inclusive cost");
  }

  void header_line(std::string_view line) {
    // fl= fi= fe= ob= cob= cfi= cfl= and other name lines: files and objects are not
    // modelled. (A "key:" header has no "=" before its colon.)
    const std::size_t colon = line.find_first_of(":=");
    if (colon == std::string_view::npos) {
      in_.fail(fmt::format("unexpected line \"{}\"", line.substr(0, 80)), "this is not callgrind output");
    }
    if (line[colon] == '=') return;
    const std::string_view key = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == "events") {
      split_fields(value, fields_);
      events_ = fields_.size();
      event_ = 0;
      for (std::size_t i = 0; i < fields_.size(); ++i) {
        if (fields_[i] == "Ir") event_ = i;
      }
      event_name_ = fields_.empty() ? "" : std::string(fields_[event_]);
    } else if (key == "positions") {
      split_fields(value, fields_);
      positions_ = fields_.size();
    } else if (key == "summary" || key == "totals") {
      split_fields(value, fields_);
      const std::optional<std::uint64_t> total =
          event_ < fields_.size() ? util::parse_grouped_u64(fields_[event_]) : std::nullopt;
      if (!total) in_.fail(fmt::format("expected \"{}: <cost>...\", found \"{}\"", key, line));
      (key == "summary" ? summary_ : totals_) = (key == "summary" ? summary_ : totals_).value_or(0) + *total;
    } else if (key == "cmd" || key == "creator" || key == "version") {
      metadata_[std::string(key)] = std::string(value);
    }
  }

  Profile finish() {
    const std::string hint = "the callgrind file is truncated or garbled; rerun valgrind --tool=callgrind";
    if (pending_call_) in_.fail("the file ends after a calls= line, before its cost line", hint);
    if (!events_) in_.fail_at(1, "no \"events:\" header: not a callgrind file", hint);
    if (!totals_ && !summary_) in_.fail("no \"summary:\" or \"totals:\" line (valgrind writes totals: last)", hint);
    const std::uint64_t expected = totals_ ? *totals_ : *summary_;
    if (self_sum_ != expected) {
      in_.fail(fmt::format("the cost lines add up to {} {}, but {} says {}", self_sum_, event_name_,
                           totals_ ? "totals:" : "summary:", expected),
               hint);
    }
    Profile profile;
    profile.source = in_.source();
    profile.format = "callgrind";
    profile.zkvm = "native";
    profile.unit = event_name_ == "Ir" ? "instructions" : event_name_;
    profile.total = expected;
    profile.metadata = std::move(metadata_);
    profile.metadata["event"] = event_name_;
    profile.functions_known = true;
    profile.functions_complete = true;
    profile.functions.reserve(names_.size());
    for (std::size_t i = 0; i < names_.size(); ++i) {
      const Node& node = nodes_[i];
      FunctionStat function;
      function.name = names_[i];
      function.self_steps = node.self;
      function.steps = node.self + node.outgoing;
      if (node.called) function.calls = node.calls_in;
      for (const auto& [caller, edge] : node.callers) {
        CallerStat stat = edge;
        stat.name = names_[caller];
        function.callers.push_back(std::move(stat));
      }
      std::sort(function.callers.begin(), function.callers.end(),
                [](const CallerStat& a, const CallerStat& b) { return a.name < b.name; });
      profile.functions.push_back(std::move(function));
    }
    return profile;
  }

  LineReader& in_;
  std::vector<std::string> names_;
  std::vector<Node> nodes_;
  StringMap<std::size_t> by_name_;
  StringMap<std::size_t> ids_;
  std::vector<std::size_t> by_small_id_;  // 1 + function index by small id, 0: not named
  std::optional<std::size_t> current_;
  std::optional<std::size_t> callee_;
  std::optional<std::uint64_t> pending_call_;
  std::size_t events_ = 0;
  std::size_t event_ = 0;
  std::string event_name_;
  std::size_t positions_ = 1;
  std::optional<std::uint64_t> summary_;
  std::optional<std::uint64_t> totals_;
  std::uint64_t self_sum_ = 0;
  std::map<std::string, std::string> metadata_;
  std::vector<std::string_view> fields_;
};

}  // namespace

Profile parse_callgrind(LineReader& in) { return CallgrindParser(in).run(); }

}  // namespace zkgate::gate
