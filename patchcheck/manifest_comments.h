#pragma once

#include <string>
#include <string_view>

#include "patchcheck/manifest.h"

namespace zkgate::patchcheck {

// TOML parsers drop comments, yet a commented-out patch line is exactly what a reviewer
// needs to see ("# k256 = { git = ... }  # does not compile currently"). Scans the text for
// `# key = { ... }` / `# key = "..."` lines inside [patch] tables (active or themselves
// commented out) and for commented `# [patch...]` headers, and appends them to manifest.
void scan_commented_patches(std::string_view text, const std::string& file, Manifest& manifest);

}  // namespace zkgate::patchcheck
