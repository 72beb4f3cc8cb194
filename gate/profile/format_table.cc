#include "gate/profile/format_table.h"

#include <array>

#include "gate/profile/callgrind_parser.h"
#include "gate/profile/openvm_metrics_parser.h"
#include "gate/profile/risc0_log_parser.h"
#include "gate/profile/sp1_log_parser.h"
#include "gate/profile/text_fields.h"
#include "gate/profile/ziskemu_parser.h"
#include "gate/profile/zkgate_json_parser.h"

namespace zkgate::gate {

namespace {

bool contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

std::string_view json_start(std::string_view head) {
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view() : head.substr(first);
}

// A line "REPORT" (padded) followed by a rule, the boxed summary, or the eth-act sidecar.
bool looks_like_ziskemu(std::string_view head) {
  if (contains(head, "REPORT SUMMARY") && contains(head, "\u2551")) return true;
  if (contains(head, "Zisk profiling failed for fixture")) return true;
  std::size_t at = 0;
  while ((at = head.find("REPORT", at)) != std::string_view::npos) {
    const bool line_start = at == 0 || head[at - 1] == '\n';
    const std::size_t end = head.find('\n', at);
    if (line_start && end != std::string_view::npos && trim(head.substr(at, end - at)) == "REPORT") {
      const std::size_t next_end = head.find('\n', end + 1);
      if (is_rule(head.substr(end + 1, next_end == std::string_view::npos ? std::string_view::npos : next_end - end - 1))) {
        return true;
      }
    }
    at += 6;
  }
  return false;
}

bool has_line_starting(std::string_view head, std::string_view prefix) {
  if (head.substr(0, prefix.size()) == prefix) return true;
  return contains(head, "\n" + std::string(prefix));
}

bool looks_like_sp1_log(std::string_view head) {
  return contains(head, "\u250c\u2574") || has_line_starting(head, "SP1 Profile Analysis");
}

bool looks_like_risc0_log(std::string_view head) {
  return has_line_starting(head, "total cycles: ") || contains(head, " user cycles (") ||
         (has_line_starting(head, "end ") && contains(head, ", cycles: "));
}

bool looks_like_openvm_metrics(std::string_view head) {
  const std::string_view start = json_start(head);
  return !start.empty() && start.front() == '{' && contains(head, "\"metric\"") &&
         (contains(head, "\"counter\"") || contains(head, "\"gauge\""));
}

bool looks_like_callgrind(std::string_view head) {
  return has_line_starting(head, "events: ") &&
         (has_line_starting(head, "# callgrind format") || contains(head, "creator: callgrind"));
}

bool looks_like_zkgate_json(std::string_view head) {
  const std::string_view start = json_start(head);
  return !start.empty() && start.front() == '{' && contains(head, "\"zkgate-profile/");
}

const std::array<ProfileFormat, 6> kFormats = {{
    {"ziskemu", "ziskemu -X [-S -D -T N] statistics (ethrex ~0.15, eth-act/ere and ZisK book layouts)",
     &looks_like_ziskemu, &parse_ziskemu, nullptr},
    {"sp1-log", "SP1 execute log with cycle-tracker spans (ethrex-replay --verbose), or parse_sp1_profile.py output",
     &looks_like_sp1_log, &parse_sp1_log, nullptr},
    {"risc0-log", "RISC0 execute log: guest-printed \"total cycles: N\" and phase lines, RISC0_INFO lines",
     &looks_like_risc0_log, &parse_risc0_log, nullptr},
    {"openvm-metrics", "OpenVM metrics.json (total_cycles per group)", &looks_like_openvm_metrics, nullptr,
     &parse_openvm_metrics},
    {"callgrind", "valgrind --tool=callgrind output file (Ir per function, self and inclusive)",
     &looks_like_callgrind, &parse_callgrind, nullptr},
    {"zkgate-json", "zkgate's own profile JSON (schema zkgate-profile/1), as written by gate show --json",
     &looks_like_zkgate_json, nullptr, &parse_zkgate_json},
}};

}  // namespace

std::span<const ProfileFormat> profile_formats() { return kFormats; }

const ProfileFormat* find_profile_format(std::string_view id) {
  for (const ProfileFormat& format : kFormats) {
    if (id == format.id) return &format;
  }
  return nullptr;
}

}  // namespace zkgate::gate
