#include "gate/run/base_cache.h"

#include <cstdlib>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "gate/run/digest.h"
#include "util/file_io.h"
#include "util/input_error.h"
#include "util/json_text.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSchema = "zkgate-base-cache-1";

nlohmann::json key_json(const CacheKey& key) {
  return {{"base_commit", key.base_commit}, {"case", key.case_name}, {"config_digest", key.config_digest},
          {"input_digest", key.input_digest}, {"zkgate_version", key.zkgate_version}};
}

// Why an entry cannot be used, or "" when it can.
std::string check_fields(const std::string& text, const CacheKey& key, CachedProfile& out) {
  const std::size_t newline = text.find('\n');
  if (newline == std::string::npos) return "no header line";
  const nlohmann::json header = nlohmann::json::parse(text.substr(0, newline), nullptr, false);
  if (header.is_discarded() || !header.is_object()) return "header is not JSON";
  if (header.value("schema", "") != kSchema) return "unknown schema";
  if (header.value("key", nlohmann::json()) != key_json(key)) return "header is for another key";
  const std::string payload = text.substr(newline + 1);
  if (!header.contains("payload_bytes") || !header["payload_bytes"].is_number_unsigned() ||
      header["payload_bytes"].get<std::size_t>() != payload.size()) {
    return "payload size differs from the header (truncated?)";
  }
  if (header.value("payload_digest", "") != digest_bytes(payload)) return "payload digest differs from the header";
  out.format = header.value("format", "");
  if (out.format.empty()) return "header has no format";
  out.content = payload;
  return "";
}

std::string check_entry(const std::string& text, const CacheKey& key, CachedProfile& out) {
  try {
    return check_fields(text, key, out);
  } catch (const nlohmann::json::exception&) {
    return "header fields have the wrong types";
  }
}

}  // namespace

std::string CacheKey::id() const { return digest_bytes(util::dump_json(key_json(*this))); }

BaseCache::BaseCache(fs::path dir) : dir_(std::move(dir)) {}

fs::path BaseCache::entry_path(const CacheKey& key) const { return dir_ / (key.id() + ".profile"); }

CacheLookup BaseCache::load(const CacheKey& key) const {
  CacheLookup lookup;
  const fs::path path = entry_path(key);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return lookup;
  std::string text;
  try {
    text = util::read_file(path);
  } catch (const util::InputError& error) {
    lookup.problem = fmt::format("cache entry {} unreadable ({}); recomputing", path.string(), error.message());
    return lookup;
  }
  CachedProfile profile;
  const std::string why = check_entry(text, key, profile);
  if (!why.empty()) {
    lookup.problem = fmt::format("corrupt cache entry {} ({}); removed and recomputing", path.string(), why);
    fs::remove(path, ec);
    return lookup;
  }
  lookup.hit = std::move(profile);
  return lookup;
}

void BaseCache::store(const CacheKey& key, const CachedProfile& profile) const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot create the cache folder {}: {}", dir_.string(), ec.message()));
  const nlohmann::json header = {{"schema", kSchema},
                                 {"key", key_json(key)},
                                 {"format", profile.format},
                                 {"payload_bytes", profile.content.size()},
                                 {"payload_digest", digest_bytes(profile.content)}};
  util::atomic_write_file(entry_path(key), util::dump_json(header) + "\n" + profile.content);
}

fs::path default_cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') return fs::path(xdg) / "zkgate";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return fs::path(home) / ".cache" / "zkgate";
  return fs::current_path() / ".zkgate-cache";
}

}  // namespace zkgate::gate::run
