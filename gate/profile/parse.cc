#include "gate/profile/parse.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <streambuf>

#include <fmt/format.h>

#include "gate/profile/format_table.h"
#include "gate/profile/line_reader.h"
#include "util/input_error.h"

namespace zkgate::gate {

namespace fs = std::filesystem;

namespace {

// Detection looks at the start of a file only: enough for every format's first marker
// (ziskemu's REPORT follows the guest output, which is short in practice).
constexpr std::size_t kDetectBytes = 1 << 20;

// An istream over text already in memory, for the JSON formats' stream parsers.
class ViewStreamBuf : public std::streambuf {
 public:
  explicit ViewStreamBuf(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

std::string known_formats() {
  std::string out;
  for (const std::string& id : profile_format_ids()) out += (out.empty() ? "" : ", ") + id;
  return out;
}

const ProfileFormat& format_or_fail(const std::string& id, const std::string& source) {
  const ProfileFormat* format = find_profile_format(id);
  if (format == nullptr) {
    throw util::InputError({source}, fmt::format("unknown profile format \"{}\"", id),
                           fmt::format("use one of: auto, {}", known_formats()));
  }
  return *format;
}

// Empty, whitespace-only and binary inputs are refused before any parser sees them.
void check_head(std::string_view head, bool whole, const std::string& source) {
  if (head.empty()) {
    throw util::InputError({source}, "empty file: no profile in it",
                           "the profiler wrote nothing; check that its command succeeded and its output path");
  }
  const void* nul = std::memchr(head.data(), '\0', head.size());
  if (nul != nullptr) {
    const std::size_t offset = static_cast<std::size_t>(static_cast<const char*>(nul) - head.data());
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    throw util::InputError({source, line, 0}, "binary data (a NUL byte): not a text or JSON profile",
                           "give the profiler's text output or metrics JSON; compressed or binary files cannot be read");
  }
  if (whole && head.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw util::InputError({source}, "file holds only whitespace: no profile in it",
                           "the profiler wrote nothing; check that its command succeeded");
  }
}

std::string resolve_format(std::string_view head, const std::string& format, const std::string& source) {
  if (format != "auto") return format_or_fail(format, source).id;
  const std::string detected = detect_profile_format(head);
  if (detected.empty()) {
    throw util::InputError({source}, "unknown profile layout: none of the known formats matches its first lines",
                           fmt::format("expected the output of ziskemu -X, an SP1 or RISC0 execute log, OpenVM "
                                       "metrics.json, a callgrind.out file or zkgate JSON; force one with --format "
                                       "({})",
                                       known_formats()));
  }
  return detected;
}

Profile run_parser(const ProfileFormat& format, std::istream* stream, std::string_view text, const std::string& source) {
  Profile profile;
  if (format.parse_lines != nullptr) {
    if (stream != nullptr) {
      LineReader reader(*stream, source);
      profile = format.parse_lines(reader);
    } else {
      LineReader reader(text, source);
      profile = format.parse_lines(reader);
    }
  } else if (stream != nullptr) {
    profile = format.parse_stream(*stream, source);
  } else {
    ViewStreamBuf buffer(text);
    std::istream in(&buffer);
    profile = format.parse_stream(in, source);
  }
  return profile;
}

}  // namespace

std::vector<std::string> profile_format_ids() {
  std::vector<std::string> ids;
  for (const ProfileFormat& format : profile_formats()) ids.push_back(format.id);
  return ids;
}

std::vector<std::string> profile_format_descriptions() {
  std::vector<std::string> lines;
  for (const ProfileFormat& format : profile_formats()) lines.push_back(fmt::format("{}: {}", format.id, format.description));
  return lines;
}

std::string detect_profile_format(std::string_view text) {
  for (const ProfileFormat& format : profile_formats()) {
    if (format.detect(text)) return format.id;
  }
  return {};
}

Profile parse_profile_text(std::string_view text, const std::string& source_name, const std::string& format) {
  check_head(text, true, source_name);
  const std::string id = resolve_format(text.substr(0, kDetectBytes), format, source_name);
  return run_parser(format_or_fail(id, source_name), nullptr, text, source_name);
}

Profile parse_profile(const fs::path& file, const std::string& format) {
  const std::string source = file.string();
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (ec || !fs::exists(status)) {
    throw util::InputError({source}, "no such file", "check the path; relative paths are taken from the current directory");
  }
  if (fs::is_directory(status)) throw util::InputError({source}, "is a directory, expected a profile file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw util::InputError({source}, fmt::format("cannot open: {}", std::strerror(errno)));

  std::string head(kDetectBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const bool whole = in.eof();
  check_head(head, whole, source);
  const std::string id = resolve_format(head, format, source);
  if (whole) return run_parser(format_or_fail(id, source), nullptr, head, source);
  // Larger files are streamed from the start again, so memory holds one chunk at a time.
  head.clear();
  head.shrink_to_fit();
  in.clear();
  in.seekg(0);
  return run_parser(format_or_fail(id, source), &in, {}, source);
}

}  // namespace zkgate::gate
