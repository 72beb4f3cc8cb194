#include "patchcheck/manifest_comments.h"

#include <cctype>

#include <toml++/toml.h>

namespace zkgate::patchcheck {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// "[patch.crates-io]" -> "patch.crates-io"; "" when the line is not a table header.
std::string_view header_name(std::string_view line) {
  if (line.size() < 2 || line.front() != '[') return {};
  const std::size_t close = line.rfind(']');
  if (close == std::string_view::npos) return {};
  std::string_view inner = line.substr(1, close - 1);
  if (!inner.empty() && inner.front() == '[') inner.remove_prefix(1);
  if (!inner.empty() && inner.back() == ']') inner.remove_suffix(1);
  return trim(inner);
}

bool is_patch_header(std::string_view name) { return name == "patch" || name.rfind("patch.", 0) == 0; }

// The table a patch header names: `patch.crates-io` -> "crates-io", `patch."url"` -> "url".
std::string patch_table_of(std::string_view name) {
  if (name.rfind("patch.", 0) != 0) return {};
  std::string_view table = trim(name.substr(6));
  if (table.size() >= 2 && (table.front() == '"' || table.front() == '\'') && table.back() == table.front()) {
    table = table.substr(1, table.size() - 2);
  }
  return std::string(table);
}

bool is_key_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

// Fills entry from "key = { git = ..., tag = ... }"; false when the text is not a
// single-line entry that TOML can read (prose that happens to contain '=').
bool read_commented_entry(std::string_view body, PatchEntry& entry) {
  std::size_t key_end = 0;
  while (key_end < body.size() && is_key_char(body[key_end])) ++key_end;
  if (key_end == 0) return false;
  const std::string_view after_key = trim(body.substr(key_end));
  if (after_key.empty() || after_key.front() != '=') return false;
  const std::string_view value = trim(after_key.substr(1));
  if (value.empty() || (value.front() != '{' && value.front() != '"')) return false;
  entry.spec.key = std::string(body.substr(0, key_end));
  entry.spec.crate = entry.spec.key;
  try {
    const toml::table parsed = toml::parse(body);
    const toml::node* node = parsed.get(entry.spec.key);
    if (node == nullptr) return true;
    if (const toml::table* table = node->as_table()) {
      if (std::optional<std::string> package = (*table)["package"].value<std::string>()) entry.spec.crate = *package;
      if (std::optional<std::string> git = (*table)["git"].value<std::string>()) {
        entry.spec.git = *git;
        entry.spec.git_normalized = normalize_git_url(*git);
      }
      if (std::optional<std::string> path = (*table)["path"].value<std::string>()) entry.spec.path = *path;
      if (std::optional<std::string> tag = (*table)["tag"].value<std::string>()) entry.spec.ref = {RefKind::kTag, *tag};
      if (std::optional<std::string> branch = (*table)["branch"].value<std::string>()) entry.spec.ref = {RefKind::kBranch, *branch};
      if (std::optional<std::string> rev = (*table)["rev"].value<std::string>()) entry.spec.ref = {RefKind::kRev, *rev};
    } else if (std::optional<std::string> version = node->value<std::string>()) {
      entry.spec.version_req = *version;
    }
  } catch (const toml::parse_error&) {
    // A multi-line inline table that was commented out line by line: keep the key and text.
  }
  return true;
}

}  // namespace

void scan_commented_patches(std::string_view text, const std::string& file, Manifest& manifest) {
  (void)file;
  bool in_patch = false;
  std::string table;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw_line = text.substr(start, end - start);
    ++line_number;
    start = end + 1;
    const std::string_view line = trim(raw_line);
    if (line.empty()) {
      if (end == text.size()) break;
      continue;
    }
    if (line.front() == '[') {
      const std::string_view name = header_name(line);
      in_patch = is_patch_header(name);
      table = patch_table_of(name);
    } else if (line.front() == '#') {
      std::string_view body = line;
      while (!body.empty() && body.front() == '#') body.remove_prefix(1);
      body = trim(body);
      if (!body.empty() && body.front() == '[') {
        const std::string_view name = header_name(body);
        if (!name.empty()) {
          in_patch = is_patch_header(name);
          table = patch_table_of(name);
          if (in_patch) manifest.commented_headers.push_back({line_number, std::string(line)});
        }
      } else if (in_patch) {
        PatchEntry entry;
        entry.table = table;
        entry.table_normalized = table == "crates-io" || table.empty() ? table : normalize_git_url(table);
        entry.commented_out = true;
        entry.text = std::string(line);
        entry.spec.line = line_number;
        if (read_commented_entry(body, entry)) manifest.commented_patches.push_back(std::move(entry));
      }
    }
    if (end == text.size()) break;
  }
}

}  // namespace zkgate::patchcheck
