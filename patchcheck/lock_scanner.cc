// The canonical-layout fast path for Cargo.lock. toml++ reads about 17 MB/s, which puts a
// run over ethrex's guests (2 MB of locks) far past the 20 ms a pre-commit hook may take.
// Cargo writes every lock in one fixed layout, so this reads exactly that layout and gives
// up (nullopt) on the first line it does not recognise; the TOML parser then takes over.
#include <algorithm>
#include <charconv>

#include "patchcheck/lock.h"

namespace zkgate::patchcheck {
namespace {

// `"text"` -> text; nullopt when not a plain basic string (escapes, inner quotes).
std::optional<std::string_view> plain_string(std::string_view value) {
  if (value.size() < 2 || value.front() != '"' || value.back() != '"') return std::nullopt;
  const std::string_view inner = value.substr(1, value.size() - 2);
  // Two memchr scans: find_first_of with a set calls memchr once per character.
  if (inner.find('"') != std::string_view::npos || inner.find('\\') != std::string_view::npos) return std::nullopt;
  return inner;
}

enum class Section { kTop, kPackage, kUnused };

// Cargo writes ASCII only; anything else (UTF-8, NUL, tabs and other control bytes, DEL, a CR not
// ending a CRLF line) is left to the TOML parser, which validates it and reports the line. A bare
// CR inside a quoted value (found by fuzz_cargo_lock) is invalid TOML the fast path accepted.
bool is_plain_ascii(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x7f) return false;
    if (byte < 0x20 && byte != '\n' &&
        (byte != '\r' || i + 1 == text.size() || text[i + 1] != '\n')) {
      return false;
    }
  }
  return true;
}

// Keys seen in the current table: a repeated key is invalid TOML, which the TOML parser
// reports; reading on would let the second value silently win.
enum KeyBit : unsigned { kName = 1, kVersion = 2, kSource = 4, kChecksum = 8, kDependencies = 16 };

unsigned key_bit(std::string_view key) {
  if (key == "name") return kName;
  if (key == "version") return kVersion;
  if (key == "source") return kSource;
  if (key == "checksum") return kChecksum;
  if (key == "dependencies") return kDependencies;
  return 0;
}

}  // namespace

std::optional<RawLock> scan_canonical_lock(std::string_view text) {
  if (!is_plain_ascii(text)) return std::nullopt;
  RawLock raw;
  Section section = Section::kTop;
  unsigned seen_keys = 0;
  bool in_dependencies = false;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    if (in_dependencies) {
      if (line == "]") {
        in_dependencies = false;
        continue;
      }
      if (line.size() < 4 || line.front() != ' ' || line.back() != ',') return std::nullopt;
      const std::optional<std::string_view> reference = plain_string(line.substr(1, line.size() - 2));
      if (!reference) return std::nullopt;
      raw.packages.back().dependencies.push_back(*reference);
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    if (line == "[[package]]") {
      section = Section::kPackage;
      seen_keys = 0;
      raw.packages.emplace_back();
      raw.packages.back().line = line_number;
      continue;
    }
    if (line == "[[patch.unused]]") {
      section = Section::kUnused;
      seen_keys = 0;
      raw.unused.emplace_back();
      raw.unused.back().line = line_number;
      continue;
    }
    const std::size_t equals = line.find(" = ");
    if (equals == std::string_view::npos) return std::nullopt;
    const std::string_view key = line.substr(0, equals);
    const std::string_view value = line.substr(equals + 3);
    const unsigned bit = key_bit(key);
    if ((seen_keys & bit) != 0) return std::nullopt;
    seen_keys |= bit;

    if (section == Section::kTop) {
      if (key != "version" || !raw.packages.empty()) return std::nullopt;
      int version = 0;
      const std::from_chars_result parsed = std::from_chars(value.data(), value.data() + value.size(), version);
      if (parsed.ec != std::errc() || parsed.ptr != value.data() + value.size()) return std::nullopt;
      if (version < 0 || version > kNewestLockFormat) return std::nullopt;  // the TOML path says where
      raw.format_version = version;
      continue;
    }
    if (section == Section::kPackage && key == "dependencies") {
      if (value != "[") return std::nullopt;
      in_dependencies = true;
      continue;
    }
    const std::optional<std::string_view> string_value = plain_string(value);
    if (!string_value) return std::nullopt;
    if (section == Section::kPackage) {
      LockPackage& package = raw.packages.back();
      if (key == "name") package.name = std::string(*string_value);
      else if (key == "version") package.version = std::string(*string_value);
      else if (key == "source") package.source = raw.intern_source(*string_value);
      else if (key != "checksum") return std::nullopt;
    } else {
      UnusedPatch& patch = raw.unused.back();
      if (key == "name") patch.name = std::string(*string_value);
      else if (key == "version") patch.version = std::string(*string_value);
      else if (key == "source") patch.source = parse_lock_source(*string_value);
      else if (key != "checksum") return std::nullopt;
    }
  }
  if (in_dependencies) return std::nullopt;
  // Missing fields are the TOML path's job to report, with its own wording.
  for (LockPackage& package : raw.packages) {
    if (package.name.empty() || package.version.empty()) return std::nullopt;
    if (package.source == nullptr) package.source = raw.intern_source({});
  }
  for (const UnusedPatch& patch : raw.unused) {
    if (patch.name.empty() || patch.version.empty()) return std::nullopt;
  }
  return raw;
}

}  // namespace zkgate::patchcheck
