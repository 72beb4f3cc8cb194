#include "gate/profile/format_table.h"

#include <array>

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

bool looks_like_zkgate_json(std::string_view head) {
  const std::string_view start = json_start(head);
  return !start.empty() && start.front() == '{' && contains(head, "\"zkgate-profile/");
}

const std::array<ProfileFormat, 2> kFormats = {{
    {"ziskemu", "ziskemu -X [-S -D -T N] statistics (ethrex ~0.15, eth-act/ere and ZisK book layouts)",
     &looks_like_ziskemu, &parse_ziskemu, nullptr},
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
