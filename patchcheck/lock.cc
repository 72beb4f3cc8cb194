#include "patchcheck/lock.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::patchcheck {
namespace {

std::string required_string(const toml::table& table, std::string_view key, const std::string& file, std::string_view what) {
  const std::optional<std::string> value = table[key].value<std::string>();
  if (!value) {
    throw util::InputError({file, table.source().begin.line, 0}, fmt::format("{} without a '{}' string", what, key),
                           "the lock is damaged: regenerate it with `cargo generate-lockfile` or `cargo update -w`");
  }
  return *value;
}

}  // namespace

const LockSource* RawLock::intern_source(std::string_view raw) {
  const auto found = source_index_.find(raw);
  if (found != source_index_.end()) return found->second;
  const LockSource* source = &sources.emplace_back(parse_lock_source(raw));
  source_index_.emplace(std::string(raw), source);
  return source;
}

RawLock parse_lock_toml(std::string_view text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& error) {
    throw util::InputError({file, error.source().begin.line, error.source().begin.column},
                           fmt::format("invalid TOML: {}", error.description()),
                           "the lock is damaged: regenerate it with `cargo generate-lockfile`");
  }
  RawLock raw;
  if (const toml::node* version = root.get("version")) {
    const std::optional<std::int64_t> number = version->value<std::int64_t>();
    const util::SourceLocation where{file, version->source().begin.line, version->source().begin.column};
    if (!number) throw util::InputError(where, "'version' must be an integer");
    // Checked before narrowing: 2^32 + 3 must not pass as format 3.
    if (*number < 0 || *number > kNewestLockFormat) {
      throw util::InputError(where, fmt::format("unsupported Cargo.lock format version {}", *number),
                             fmt::format("this patchcheck reads formats 1 to {}", kNewestLockFormat));
    }
    raw.format_version = static_cast<int>(*number);
  }
  if (const toml::array* packages = root["package"].as_array()) {
    for (const toml::node& node : *packages) {
      const toml::table* table = node.as_table();
      if (table == nullptr) throw util::InputError({file, node.source().begin.line, 0}, "[[package]] entries must be tables");
      LockPackage package;
      package.line = table->source().begin.line;
      package.name = required_string(*table, "name", file, "[[package]]");
      package.version = required_string(*table, "version", file, "[[package]]");
      package.source = raw.intern_source((*table)["source"].value_or(std::string()));
      if (const toml::array* dependencies = (*table)["dependencies"].as_array()) {
        for (const toml::node& dependency : *dependencies) {
          const std::optional<std::string> reference = dependency.value<std::string>();
          if (!reference) throw util::InputError({file, dependency.source().begin.line, 0}, "dependencies must be strings");
          package.dependencies.push_back(raw.strings.emplace_back(*reference));
        }
      }
      raw.packages.push_back(std::move(package));
    }
  }
  if (const toml::array* unused = root["patch"]["unused"].as_array()) {
    for (const toml::node& node : *unused) {
      const toml::table* table = node.as_table();
      if (table == nullptr) throw util::InputError({file, node.source().begin.line, 0}, "[[patch.unused]] entries must be tables");
      UnusedPatch patch;
      patch.line = table->source().begin.line;
      patch.name = required_string(*table, "name", file, "[[patch.unused]]");
      patch.version = required_string(*table, "version", file, "[[patch.unused]]");
      patch.source = parse_lock_source((*table)["source"].value_or(std::string()));
      raw.unused.push_back(std::move(patch));
    }
  }
  return raw;
}

Lockfile Lockfile::parse(std::string text, const std::string& file) {
  Lockfile lock;
  lock.file_ = file;
  lock.text_ = std::make_shared<const std::string>(std::move(text));
  std::optional<RawLock> fast = scan_canonical_lock(*lock.text_);
  lock.raw_ = std::make_shared<const RawLock>(fast ? std::move(*fast) : parse_lock_toml(*lock.text_, file));
  if (lock.raw_->format_version > kNewestLockFormat || lock.raw_->format_version < 0) {
    throw util::InputError({file, 0, 0}, fmt::format("unsupported Cargo.lock format version {}", lock.raw_->format_version),
                           fmt::format("this patchcheck reads formats 1 to {}", kNewestLockFormat));
  }
  if (lock.raw_->packages.empty()) {
    throw util::InputError({file, 0, 0}, "Cargo.lock holds no [[package]] entries",
                           "the lock is empty or truncated: regenerate it with `cargo generate-lockfile`");
  }
  lock.link(file);
  return lock;
}

Lockfile Lockfile::load(const std::string& file) { return parse(util::read_file(file), file); }

std::vector<std::size_t> Lockfile::find(std::string_view name) const {
  const auto it = by_name_.find(name);
  if (it == by_name_.end()) return {};
  return it->second;
}

// Resolves each dependency reference to the package it names, in the three forms Cargo
// writes: "name" (unique name), "name version" (unique name+version) and
// "name version (source)" (several sources of the same name and version).
void Lockfile::link(const std::string& file) {
  const std::vector<LockPackage>& packages = raw_->packages;
  by_name_.reserve(packages.size());
  for (std::size_t i = 0; i < packages.size(); ++i) by_name_[packages[i].name].push_back(i);
  dependents_.assign(packages.size(), {});
  for (std::size_t i = 0; i < packages.size(); ++i) {
    for (const std::string_view ref : packages[i].dependencies) {
      const std::size_t first_space = ref.find(' ');
      const std::string_view name = ref.substr(0, first_space);
      std::string_view version;
      std::string_view source;
      if (first_space != std::string_view::npos) {
        const std::string_view rest = ref.substr(first_space + 1);
        const std::size_t second_space = rest.find(' ');
        version = rest.substr(0, second_space);
        if (second_space != std::string_view::npos) {
          source = rest.substr(second_space + 1);
          if (source.size() >= 2 && source.front() == '(' && source.back() == ')') source = source.substr(1, source.size() - 2);
        }
      }
      std::size_t match = packages.size();
      std::size_t candidates = 0;
      const auto it = by_name_.find(name);
      if (it != by_name_.end()) {
        for (const std::size_t index : it->second) {
          const LockPackage& candidate = packages[index];
          if (!version.empty() && candidate.version != version) continue;
          if (!source.empty() && candidate.source->without_fragment() != source) continue;
          match = index;
          ++candidates;
        }
      }
      if (candidates != 1) {
        throw util::InputError({file, packages[i].line, 0},
                               fmt::format("dependency '{}' of {} {} {}", ref, packages[i].name, packages[i].version,
                                           candidates == 0 ? "names no package in the lock" : "is ambiguous"),
                               "the lock is inconsistent: regenerate it with `cargo generate-lockfile`");
      }
      dependents_[match].push_back(i);
    }
  }
}

}  // namespace zkgate::patchcheck
