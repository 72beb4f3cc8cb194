#pragma once

#include <filesystem>
#include <optional>
#include <string>

// Profiles of base commits, reused across runs so a PR run profiles only its head. One
// file per key: a JSON header line (key, format, payload size and digest) and the raw
// profile bytes exactly as the profiler wrote them (parsed again on use, so the cache
// never holds a stale model). Writes are atomic (temp file + rename): concurrent gate
// processes each write a whole entry and readers never see a torn one. An entry whose
// header, size or digest does not check out is removed and reported as a miss.
namespace zkgate::gate::run {

struct CacheKey {
  std::string base_commit;
  std::string case_name;
  std::string config_digest;   // digest of the case's fingerprint (commands, output, format, ...)
  std::string input_digest;    // digest of the input file, "none" without one
  std::string zkgate_version;

  // Digest of all fields: the entry's file name.
  std::string id() const;
};

struct CachedProfile {
  std::string format;          // the case's format as configured ("auto", "callgrind", ...)
  std::string content;         // the profiler's output, byte for byte
};

struct CacheLookup {
  std::optional<CachedProfile> hit;
  std::string problem;         // set when a corrupt entry was found (and removed)
};

class BaseCache {
 public:
  explicit BaseCache(std::filesystem::path dir);

  CacheLookup load(const CacheKey& key) const;
  // Throws std::runtime_error when the folder or file cannot be written.
  void store(const CacheKey& key, const CachedProfile& profile) const;

  std::filesystem::path entry_path(const CacheKey& key) const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

// $XDG_CACHE_HOME/zkgate, else $HOME/.cache/zkgate, else ./.zkgate-cache.
std::filesystem::path default_cache_dir();

}  // namespace zkgate::gate::run
