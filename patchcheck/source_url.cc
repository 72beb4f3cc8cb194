#include "patchcheck/source_url.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace zkgate::patchcheck {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::string describe(const GitRef& ref) {
  switch (ref.kind) {
    case RefKind::kTag: return fmt::format("tag {}", ref.value);
    case RefKind::kBranch: return fmt::format("branch {}", ref.value);
    case RefKind::kRev: return fmt::format("rev {}", ref.value);
    case RefKind::kNone: break;
  }
  return "no tag/branch/rev";
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string normalize_git_url(std::string_view url) {
  std::string_view rest = url;
  std::string scheme;
  const std::size_t scheme_end = rest.find("://");
  if (scheme_end != std::string_view::npos) {
    scheme = lower(rest.substr(0, scheme_end));
    rest.remove_prefix(scheme_end + 3);
  }
  const std::size_t host_end = rest.find('/');
  std::string host = lower(rest.substr(0, host_end));
  std::string path = host_end == std::string_view::npos ? std::string() : std::string(rest.substr(host_end));
  // Collapse "//" (the openvm-org//openvm.git trick) and trailing "/" and ".git".
  std::string collapsed;
  for (const char c : path) {
    if (c == '/' && !collapsed.empty() && collapsed.back() == '/') continue;
    collapsed += c;
  }
  while (!collapsed.empty() && collapsed.back() == '/') collapsed.pop_back();
  if (collapsed.size() >= 4 && collapsed.compare(collapsed.size() - 4, 4, ".git") == 0) collapsed.resize(collapsed.size() - 4);
  while (!collapsed.empty() && collapsed.back() == '/') collapsed.pop_back();
  if (host == "github.com" || host == "www.github.com") {
    host = "github.com";
    collapsed = lower(collapsed);
  }
  if (scheme.empty()) return host + collapsed;
  return scheme + "://" + host + collapsed;
}

std::string org_of(std::string_view normalized_url) {
  std::string_view rest = normalized_url;
  const std::size_t scheme_end = rest.find("://");
  if (scheme_end != std::string_view::npos) rest.remove_prefix(scheme_end + 3);
  const std::size_t host_end = rest.find('/');
  if (host_end == std::string_view::npos || host_end + 1 >= rest.size()) return {};
  const std::size_t org_end = rest.find('/', host_end + 1);
  return std::string(rest.substr(0, org_end));
}

std::string short_repo(std::string_view normalized_url) {
  std::string_view rest = normalized_url;
  const std::size_t scheme_end = rest.find("://");
  if (scheme_end != std::string_view::npos) rest.remove_prefix(scheme_end + 3);
  if (rest.rfind("github.com/", 0) == 0) rest.remove_prefix(11);
  return std::string(rest);
}

bool LockSource::is_crates_io() const {
  return kind == Kind::kRegistry && (url == "https://github.com/rust-lang/crates.io-index" || url == "sparse+https://index.crates.io/");
}

std::string_view LockSource::without_fragment() const {
  std::string_view view = raw;
  return view.substr(0, view.find('#'));
}

LockSource parse_lock_source(std::string_view raw) {
  LockSource source;
  source.raw = std::string(raw);
  if (raw.empty()) return source;
  if (raw.rfind("registry+", 0) == 0) {
    source.kind = LockSource::Kind::kRegistry;
    source.url = std::string(raw.substr(9));
    return source;
  }
  if (raw.rfind("sparse+", 0) == 0) {
    source.kind = LockSource::Kind::kRegistry;
    source.url = std::string(raw);
    return source;
  }
  if (raw.rfind("git+", 0) != 0) {
    source.kind = LockSource::Kind::kOther;
    source.url = std::string(raw);
    return source;
  }
  source.kind = LockSource::Kind::kGit;
  std::string_view rest = raw.substr(4);
  const std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    source.commit = std::string(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  }
  const std::size_t query = rest.find('?');
  if (query != std::string_view::npos) {
    const std::string_view param = rest.substr(query + 1);
    const std::size_t eq = param.find('=');
    const std::string_view key = param.substr(0, eq);
    const std::string value = eq == std::string_view::npos ? std::string() : percent_decode(param.substr(eq + 1));
    if (key == "tag") source.ref = {RefKind::kTag, value};
    if (key == "branch") source.ref = {RefKind::kBranch, value};
    if (key == "rev") source.ref = {RefKind::kRev, value};
    rest = rest.substr(0, query);
  }
  source.url = normalize_git_url(rest);
  return source;
}

std::string describe(const LockSource& source) {
  switch (source.kind) {
    case LockSource::Kind::kPath: return "path";
    case LockSource::Kind::kRegistry: return source.is_crates_io() ? "crates.io" : source.url;
    case LockSource::Kind::kOther: return source.raw;
    case LockSource::Kind::kGit: break;
  }
  if (source.ref.kind == RefKind::kNone) return short_repo(source.url);
  return fmt::format("{} {}", short_repo(source.url), describe(source.ref));
}

}  // namespace zkgate::patchcheck
