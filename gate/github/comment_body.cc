#include "gate/github/comment_body.h"


namespace zkgate::github {

namespace {

constexpr std::string_view kTruncatedNote =
    "\n\n---\n:warning: **zkgate:** this report was truncated to fit GitHub's 65,536-character "
    "comment limit. The full report is in the workflow run's job summary.\n";

// Room kept for the closing fence and </details> tags appended after a cut.
constexpr std::size_t kClosingReserve = 512;

// A line-boundary cut is preferred when it loses at most this many characters.
constexpr std::size_t kLineCutWindow = 4096;

bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

// Byte length of the UTF-8 sequence starting with this lead byte (1 for invalid bytes).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0U && lead <= 0xF4U) return 4;
  if (lead >= 0xE0U) return lead <= 0xEFU ? 3 : 1;
  if (lead >= 0xC2U) return 2;
  return 1;
}

// Whether the bytes at [pos, pos+length) form one well-shaped sequence.
bool whole_sequence(std::string_view text, std::size_t pos, std::size_t length) {
  if (pos + length > text.size()) return false;
  for (std::size_t i = 1; i < length; ++i) {
    if (!is_continuation(static_cast<unsigned char>(text[pos + i]))) return false;
  }
  return true;
}

// The longest prefix of text (in bytes) whose comment_length is at most budget, ending on
// a sequence boundary.
std::size_t prefix_within(std::string_view text, std::size_t budget) {
  std::size_t pos = 0;
  std::size_t used = 0;
  while (pos < text.size()) {
    std::size_t length = sequence_length(static_cast<unsigned char>(text[pos]));
    if (length > 1 && !whole_sequence(text, pos, length)) length = 1;
    const std::size_t units = length == 4 ? 2 : 1;
    if (used + units > budget) break;
    used += units;
    pos += length;
  }
  return pos;
}

std::size_t count_occurrences(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t pos = text.find(needle); pos != std::string_view::npos; pos = text.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

// Lines that open or close a fenced code block (``` or ~~~ at the line start).
bool inside_code_fence(std::string_view text) {
  bool open = false;
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.starts_with("```") || line.starts_with("~~~")) open = !open;
    line_start = line_end + 1;
  }
  return open;
}

// What a cut report needs appended so the rest of the comment renders as intended.
std::string closing_markup(std::string_view kept) {
  std::string closing;
  if (inside_code_fence(kept)) closing += "\n```";
  const std::size_t opened = count_occurrences(kept, "<details");
  const std::size_t closed = count_occurrences(kept, "</details>");
  for (std::size_t i = closed; i < opened && closing.size() + 11 <= kClosingReserve; ++i) closing += "\n</details>";
  return closing;
}

}  // namespace

bool starts_with_marker(std::string_view body) {
  if (!body.starts_with(kMarker)) return false;
  const std::string_view rest = body.substr(kMarker.size());
  return rest.empty() || rest.starts_with("\n") || rest.starts_with("\r\n");
}

std::size_t comment_length(std::string_view text) {
  std::size_t units = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length = sequence_length(static_cast<unsigned char>(text[pos]));
    if (length > 1 && !whole_sequence(text, pos, length)) length = 1;
    units += length == 4 ? 2 : 1;
    pos += length;
  }
  return units;
}

std::string make_comment_body(std::string_view report, std::size_t max_chars) {
  std::string body(kMarker);
  body += '\n';
  if (comment_length(body) + comment_length(report) <= max_chars) {
    body += report;
    return body;
  }
  const std::size_t fixed = comment_length(body) + comment_length(kTruncatedNote) + kClosingReserve;
  const std::size_t budget = max_chars > fixed ? max_chars - fixed : 0;
  std::size_t cut = prefix_within(report, budget);
  const std::size_t last_newline = report.substr(0, cut).rfind('\n');
  if (last_newline != std::string_view::npos && cut - last_newline <= kLineCutWindow) cut = last_newline;
  const std::string_view kept = report.substr(0, cut);
  body += kept;
  body += closing_markup(kept);
  body += kTruncatedNote;
  return body;
}

}  // namespace zkgate::github
