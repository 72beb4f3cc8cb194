#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "patchcheck/source_url.h"

// A Cargo.lock (format v1 to v4): every resolved package with its source and the packages
// that depend on it, and the [[patch.unused]] entries Cargo records for patches it ignored.
namespace zkgate::patchcheck {

struct LockPackage {
  std::string name;
  std::string version;
  const LockSource* source = nullptr;          // shared by every package from the same source
  std::vector<std::string_view> dependencies;  // as written: "name", "name version" or "name version (source)"
  std::size_t line = 0;                        // line of its [[package]] header
};

struct UnusedPatch {
  std::string name;
  std::string version;
  LockSource source;
  std::size_t line = 0;
};

// Hashes std::string keys so that lookups by std::string_view need no allocation.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// What a parser extracts before dependency references are resolved. Dependency references
// point into the lock's text or into `strings`; LockPackage::source points into `sources`.
// The newest Cargo.lock format this reader knows (Cargo 1.78+ writes 4).
inline constexpr int kNewestLockFormat = 4;

struct RawLock {
  int format_version = 0;  // the `version = N` line; 0 when absent (formats v1 and v2)
  std::vector<LockPackage> packages;
  std::vector<UnusedPatch> unused;
  std::deque<LockSource> sources;
  std::deque<std::string> strings;

  // The one LockSource for `raw` (parsed on first sight).
  const LockSource* intern_source(std::string_view raw);

 private:
  std::unordered_map<std::string, const LockSource*, StringHash, std::equal_to<>> source_index_;
};

class Lockfile {
 public:
  // Throws util::InputError (file:line) for invalid TOML, an unsupported format version,
  // a package without name/version, or a dependency reference that names no package.
  static Lockfile parse(std::string text, const std::string& file);
  static Lockfile load(const std::string& file);

  const std::string& file() const { return file_; }
  int format_version() const { return raw_->format_version; }
  const std::vector<LockPackage>& packages() const { return raw_->packages; }
  const std::vector<UnusedPatch>& unused() const { return raw_->unused; }

  // Indices into packages() of every package named `name` (all versions and sources).
  std::vector<std::size_t> find(std::string_view name) const;
  // Indices of the packages that depend on packages()[index].
  const std::vector<std::size_t>& dependents(std::size_t index) const { return dependents_[index]; }

 private:
  void link(const std::string& file);

  std::string file_;
  std::shared_ptr<const std::string> text_;  // what the dependency references point into
  std::shared_ptr<const RawLock> raw_;
  std::unordered_map<std::string, std::vector<std::size_t>, StringHash, std::equal_to<>> by_name_;
  std::vector<std::vector<std::size_t>> dependents_;
};

// The fast path: Cargo writes Cargo.lock in one canonical layout, which this reads line by
// line. Returns nullopt for anything outside that layout (hand edits, [metadata] of v1,
// escapes, truncation); the caller then uses the TOML parser, which reports real errors.
std::optional<RawLock> scan_canonical_lock(std::string_view text);
// The general path through toml++.
RawLock parse_lock_toml(std::string_view text, const std::string& file);

}  // namespace zkgate::patchcheck
