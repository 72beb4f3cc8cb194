#pragma once

#include <string>
#include <string_view>

// Git references, git URLs and Cargo.lock `source` strings, normalised so that what
// Cargo.toml says and what Cargo.lock records can be compared.
namespace zkgate::patchcheck {

enum class RefKind { kNone, kTag, kBranch, kRev };

struct GitRef {
  RefKind kind = RefKind::kNone;
  std::string value;

  bool operator==(const GitRef&) const = default;
};

// "tag patch-0.6.0-sp1-5.0.0", "branch zisk", "rev 1a2b", "no tag/branch/rev".
std::string describe(const GitRef& ref);

// Decodes %XX escapes ("k256%2Fv0.13.4" -> "k256/v0.13.4"); malformed escapes stay as written.
std::string percent_decode(std::string_view text);

// Lower-cases scheme and host (and the path on github.com, which ignores case), collapses
// "//" inside the path, drops a trailing "/" and ".git": the manifest's
// "https://github.com/x/zisk-patch-tiny-keccak/" equals the lock's "...tiny-keccak".
std::string normalize_git_url(std::string_view url);

// "github.com/sp1-patches" for "https://github.com/sp1-patches/bn"; "" when the URL has no
// host and first path segment. Expects a normalised URL.
std::string org_of(std::string_view normalized_url);

// "sp1-patches/bn" for a github.com URL, else the URL without scheme. Expects a normalised URL.
std::string short_repo(std::string_view normalized_url);

// A Cargo.lock `source` value.
struct LockSource {
  enum class Kind { kPath, kRegistry, kGit, kOther };
  Kind kind = Kind::kPath;
  std::string url;     // normalised for git; the index URL for registries
  GitRef ref;          // git only, percent-decoded
  std::string commit;  // git only: the resolved commit after '#'
  std::string raw;     // as written, "" for path packages

  bool is_crates_io() const;
  // The raw source without "#commit", as dependency references spell it.
  std::string_view without_fragment() const;
};

// Parses "registry+https://...", "git+https://...?tag=x#sha" or "" (path).
LockSource parse_lock_source(std::string_view raw);

// "crates.io", "sp1-patches/bn tag patch-0.6.0-sp1-5.0.0", "path".
std::string describe(const LockSource& source);

}  // namespace zkgate::patchcheck
