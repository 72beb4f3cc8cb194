#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "patchcheck/guest.h"
#include "patchcheck/matrix.h"

// Turns the command line's paths into guests: repository roots are searched with globs,
// explicit Cargo.toml/Cargo.lock files (as a pre-commit hook passes them) map to their guest.
namespace zkgate::patchcheck {

// Globs that find ethrex's three historical guest layouts.
std::vector<std::string> default_globs();

// Matches a '/'-separated relative path against a glob: '*', '?' and '[...]' within one
// segment (fnmatch), '**' for any number of segments.
bool glob_match(std::string_view pattern, std::string_view relative_path);

// `--zkvm NAME` (every guest) or `--zkvm DIR=NAME` (the guest in DIR).
struct ZkvmOverride {
  std::string dir;  // "" = every guest
  std::string zkvm;
};

struct DiscoveryOptions {
  std::vector<std::string> globs;  // empty = default_globs()
  std::vector<ZkvmOverride> overrides;
};

struct Discovery {
  std::vector<Guest> guests;
  std::vector<std::string> skipped;  // "path: why", for --verbose and the "no guest" error
  bool had_explicit_files = false;
};

// Throws util::InputError when a path does not exist, a manifest or lock is invalid, an
// override names an unknown zkVM, or a searched root holds no guest at all.
Discovery discover_guests(const std::vector<std::string>& paths, const DiscoveryOptions& options,
                          const CryptoMatrix& matrix);

}  // namespace zkgate::patchcheck
