#include "patchcheck/manifest.h"

#include <algorithm>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "patchcheck/manifest_comments.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::patchcheck {
namespace {

util::SourceLocation location_of(const toml::source_region& region, const std::string& file) {
  return {file, static_cast<std::size_t>(region.begin.line), static_cast<std::size_t>(region.begin.column)};
}

std::string string_field(const toml::table& table, std::string_view key, const std::string& file) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return {};
  const std::optional<std::string> value = node->value<std::string>();
  if (!value) throw util::InputError(location_of(node->source(), file), fmt::format("'{}' must be a string", key));
  return *value;
}

// One `name = "1.0"` or `name = { ... }` entry of a dependency or patch table.
CrateSpec read_spec(std::string_view key, const toml::node& value, std::size_t line, const std::string& file) {
  CrateSpec spec;
  spec.key = std::string(key);
  spec.crate = spec.key;
  spec.line = line;
  if (const std::optional<std::string> version = value.value<std::string>()) {
    spec.version_req = *version;
    return spec;
  }
  const toml::table* table = value.as_table();
  if (table == nullptr) {
    throw util::InputError(location_of(value.source(), file),
                           fmt::format("'{}' must be a version string or a table", key));
  }
  const std::string package = string_field(*table, "package", file);
  if (!package.empty()) spec.crate = package;
  spec.version_req = string_field(*table, "version", file);
  spec.git = string_field(*table, "git", file);
  if (!spec.git.empty()) spec.git_normalized = normalize_git_url(spec.git);
  spec.path = string_field(*table, "path", file);
  if (const std::string tag = string_field(*table, "tag", file); !tag.empty()) spec.ref = {RefKind::kTag, tag};
  if (const std::string branch = string_field(*table, "branch", file); !branch.empty()) spec.ref = {RefKind::kBranch, branch};
  if (const std::string rev = string_field(*table, "rev", file); !rev.empty()) spec.ref = {RefKind::kRev, rev};
  return spec;
}

void read_dependency_table(const toml::table& table, const std::string& file, std::vector<CrateSpec>& out) {
  for (const auto& [key, value] : table) {
    out.push_back(read_spec(key.str(), value, key.source().begin.line, file));
  }
}

void read_patch_tables(const toml::table& patch, const std::string& file, Manifest& manifest) {
  for (const auto& [table_key, table_node] : patch) {
    const toml::table* entries = table_node.as_table();
    if (entries == nullptr) {
      throw util::InputError(location_of(table_node.source(), file),
                             fmt::format("[patch.{}] must be a table", table_key.str()));
    }
    const std::size_t header_line = table_key.source().begin.line;
    if (manifest.first_patch_header_line == 0 || header_line < manifest.first_patch_header_line) {
      manifest.first_patch_header_line = header_line;
    }
    for (const auto& [key, value] : *entries) {
      PatchEntry entry;
      entry.table = std::string(table_key.str());
      entry.table_normalized = entry.table == "crates-io" ? entry.table : normalize_git_url(entry.table);
      entry.spec = read_spec(key.str(), value, key.source().begin.line, file);
      if (entry.spec.git.empty() && entry.spec.path.empty()) {
        throw util::InputError(location_of(key.source(), file),
                               fmt::format("patch '{}' has neither git nor path: Cargo rejects it", key.str()),
                               "a [patch] entry needs git = \"...\" (with tag/branch/rev) or path = \"...\"");
      }
      manifest.patches.push_back(std::move(entry));
    }
  }
}

}  // namespace

const CrateSpec* Manifest::find_dependency(std::string_view crate) const {
  for (const CrateSpec& spec : dependencies) {
    if (spec.crate == crate) return &spec;
  }
  return nullptr;
}

Manifest parse_manifest(std::string_view text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& error) {
    throw util::InputError(location_of(error.source(), file), fmt::format("invalid TOML: {}", error.description()),
                           "fix the syntax; Cargo would reject this manifest too");
  }
  Manifest manifest;
  manifest.file = file;
  if (const toml::table* package = root["package"].as_table()) {
    manifest.package_name = string_field(*package, "name", file);
  }
  if (const toml::table* dependencies = root["dependencies"].as_table()) {
    read_dependency_table(*dependencies, file, manifest.dependencies);
  }
  if (const toml::table* targets = root["target"].as_table()) {
    for (const auto& [target, node] : *targets) {
      if (const toml::table* target_table = node.as_table()) {
        if (const toml::table* dependencies = (*target_table)["dependencies"].as_table()) {
          read_dependency_table(*dependencies, file, manifest.dependencies);
        }
      }
    }
  }
  if (const toml::table* patch = root["patch"].as_table()) read_patch_tables(*patch, file, manifest);
  // toml++ tables iterate in key order; findings and reports follow the file.
  const auto by_line = [](const auto& a, const auto& b) { return a.line < b.line; };
  std::sort(manifest.dependencies.begin(), manifest.dependencies.end(), by_line);
  std::stable_sort(manifest.patches.begin(), manifest.patches.end(),
                   [](const PatchEntry& a, const PatchEntry& b) { return a.spec.line < b.spec.line; });
  scan_commented_patches(text, file, manifest);
  return manifest;
}

Manifest load_manifest(const std::string& file) { return parse_manifest(util::read_file(file), file); }

}  // namespace zkgate::patchcheck
