#include "gate/profile/risc0_log_parser.h"

#include <fmt/format.h>

#include "gate/profile/string_index.h"
#include "gate/profile/text_fields.h"
#include "util/numbers.h"

namespace zkgate::gate {

namespace {

class Risc0LogParser {
 public:
  explicit Risc0LogParser(LineReader& in) : in_(in) {
    profile_.source = in.source();
    profile_.format = "risc0-log";
    profile_.zkvm = "risc0";
    profile_.unit = "cycles";
  }

  Profile run() {
    std::string_view line;
    while (in_.next(line)) {
      const std::string_view text = trim(line);
      if (text.substr(0, 14) == "total cycles: ") {
        total_line(text.substr(14));
      } else if (text.substr(0, 4) == "end " && text.find(", cycles: ") != std::string_view::npos) {
        phase_line(text);
      } else {
        info_line(text);
      }
    }
    return finish();
  }

 private:
  std::uint64_t number(std::string_view field, std::string_view what) {
    const std::optional<std::uint64_t> value = util::parse_grouped_u64(trim(field));
    if (!value) {
      in_.fail(fmt::format("expected {} (an unsigned integer), found \"{}\"", what, trim(field)),
               "the cycle count is garbled or cut");
    }
    return *value;
  }

  void total_line(std::string_view value) {
    if (total_) {
      in_.fail(fmt::format("a second \"total cycles:\" line (the first is on line {})", total_line_),
               "the log holds more than one run; keep one run per file");
    }
    total_ = number(value, "\"total cycles: <N>\"");
    total_line_ = in_.line_number();
  }

  // "end reading input, cycles: 623283163": the cycles of one guest phase.
  void phase_line(std::string_view text) {
    const std::size_t at = text.find(", cycles: ");
    const std::string_view name = trim(text.substr(4, at - 4));
    const std::uint64_t cycles = number(text.substr(at + 10), "\"end <phase>, cycles: <N>\"");
    const auto found = index_.find(name);
    if (found == index_.end()) {
      FunctionStat span;
      span.name = std::string(name);
      span.steps = cycles;
      span.calls = 1;
      index_.emplace(span.name, profile_.functions.size());
      profile_.functions.push_back(std::move(span));
    } else {
      FunctionStat& span = profile_.functions[found->second];
      if (*span.steps > UINT64_MAX - cycles) in_.fail("phase cycles overflow 64 bits");
      *span.steps += cycles;
      *span.calls += 1;
    }
  }

  // RISC0_INFO=1 executor lines, possibly behind a log prefix: "number of segments: 3",
  // "3051367508 total cycles", "2552318509 user cycles (83.65%)", paging, reserved.
  void info_line(std::string_view text) {
    const std::size_t segments = text.find("number of segments: ");
    if (segments != std::string_view::npos) {
      profile_.metadata["segments"] = std::to_string(number(text.substr(segments + 20), "the number of segments"));
      return;
    }
    // Most lines of a log are neither; one search for " cycles" rules them out.
    if (text.find(" cycles") == std::string_view::npos) return;
    struct Kind {
      std::string_view marker;
      const char* key;
    };
    static constexpr Kind kKinds[] = {{" total cycles", "executor_total_cycles"},
                                      {" user cycles", "executor_user_cycles"},
                                      {" paging cycles", "executor_paging_cycles"},
                                      {" reserved cycles", "executor_reserved_cycles"}};
    for (const Kind& kind : kKinds) {
      const std::size_t at = text.find(kind.marker);
      if (at == std::string_view::npos) continue;
      const std::size_t start = text.rfind(' ', at - 1);
      const std::string_view figure = text.substr(start == std::string_view::npos ? 0 : start + 1,
                                                  start == std::string_view::npos ? at : at - start - 1);
      const std::optional<std::uint64_t> value = util::parse_grouped_u64(figure);
      if (!value) {
        // Digits that do not fit are a broken executor line, not prose: saying "no user
        // cycles line" later would send the reader looking for the wrong fault.
        if (!figure.empty() && figure.find_first_not_of("0123456789,_") == std::string_view::npos) {
          in_.fail(fmt::format("the executor's{} figure \"{}\" does not fit in 64 bits", kind.marker, figure),
                   "the log is garbled");
        }
        continue;  // prose such as "the total cycles of ..." is not an executor line
      }
      profile_.metadata[kind.key] = std::to_string(*value);
      if (kind.marker == " user cycles") user_cycles_ = value;
      return;
    }
  }

  Profile finish() {
    if (total_) {
      profile_.total = *total_;
    } else if (user_cycles_) {
      profile_.total = *user_cycles_;
      profile_.total_note = "RISC0_INFO \"user cycles\" (the guest printed no \"total cycles:\" line)";
    } else {
      in_.fail_at(in_.line_number() == 0 ? 1 : in_.line_number(),
                  "no \"total cycles: <N>\" line (nor a RISC0_INFO \"<N> user cycles\" line) in this log",
                  "the guest prints its cycle count at the end of a successful run: the run failed or the log is "
                  "truncated; or set RISC0_INFO=1");
    }
    profile_.functions_known = !profile_.functions.empty();
    profile_.functions_complete = profile_.functions_known;  // every phase the guest ran is printed
    return std::move(profile_);
  }

  LineReader& in_;
  Profile profile_;
  std::optional<std::uint64_t> total_;
  std::size_t total_line_ = 0;
  std::optional<std::uint64_t> user_cycles_;
  StringMap<std::size_t> index_;
};

}  // namespace

Profile parse_risc0_log(LineReader& in) { return Risc0LogParser(in).run(); }

}  // namespace zkgate::gate
