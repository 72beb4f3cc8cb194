#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "patchcheck/source_url.h"

// A guest's Cargo.toml as far as patchcheck cares: dependencies (to recognise the zkVM and
// its SDK version) and [patch] entries with their lines, including the entries that are
// commented out (the TOML parser drops comments, so the text is scanned as well).
namespace zkgate::patchcheck {

// What a dependency or patch entry points at.
struct CrateSpec {
  std::string key;          // as written in the table ("sha2-v0-10-9")
  std::string crate;        // `package = ...` or else the key ("sha2")
  std::string version_req;  // "=5.0.8", "0.10.9", "" when absent
  std::string git;          // as written; "" when not a git source
  std::string git_normalized;
  GitRef ref;
  std::string path;
  std::size_t line = 0;     // 1-based line of the key
};

struct PatchEntry {
  std::string table;       // "crates-io" or the URL of [patch."<url>"] as written
  std::string table_normalized;  // "crates-io" or the normalised URL
  CrateSpec spec;
  bool commented_out = false;
  std::string text;        // the line as written (commented-out entries)
};

// A commented-out `# [patch...]` header line.
struct CommentedHeader {
  std::size_t line = 0;
  std::string text;
};

struct Manifest {
  std::string file;                      // as given, for messages
  std::string package_name;
  std::vector<CrateSpec> dependencies;   // [dependencies] and [target.*.dependencies]
  std::vector<PatchEntry> patches;       // active entries, in file order
  std::vector<PatchEntry> commented_patches;
  std::vector<CommentedHeader> commented_headers;
  std::size_t first_patch_header_line = 0;  // 0 when the manifest has no [patch] table

  const CrateSpec* find_dependency(std::string_view crate) const;
};

// Parses Cargo.toml text. Throws util::InputError with file:line:col for invalid TOML and
// for [patch] entries Cargo would reject (not a table, no source).
Manifest parse_manifest(std::string_view text, const std::string& file);
Manifest load_manifest(const std::string& file);

}  // namespace zkgate::patchcheck
