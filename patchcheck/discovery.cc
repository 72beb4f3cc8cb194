#include "patchcheck/discovery.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "util/input_error.h"

namespace zkgate::patchcheck {
namespace fs = std::filesystem;
namespace {

std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) segments.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

bool match_segments(const std::vector<std::string_view>& pattern, std::size_t p, const std::vector<std::string_view>& path,
                    std::size_t s) {
  if (p == pattern.size()) return s == path.size();
  if (pattern[p] == "**") {
    for (std::size_t skip = s; skip <= path.size(); ++skip) {
      if (match_segments(pattern, p + 1, path, skip)) return true;
    }
    return false;
  }
  if (s == path.size()) return false;
  const std::string segment_pattern(pattern[p]);
  const std::string segment(path[s]);
  if (::fnmatch(segment_pattern.c_str(), segment.c_str(), FNM_PERIOD) != 0) return false;
  return match_segments(pattern, p + 1, path, s + 1);
}

bool has_wildcard(std::string_view segment) { return segment.find_first_of("*?[") != std::string_view::npos; }

// Folders never holding guest manifests, skipped so a search stays fast in a built tree.
bool is_skipped_dir(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return name == ".git" || name == "target" || name == "node_modules" || name == ".zkgate";
}

// The literal leading folders of a glob ("crates/guest-program/bin" for ".../bin/*/Cargo.toml").
std::string literal_prefix(std::string_view glob) {
  std::string prefix;
  for (const std::string_view segment : split_segments(glob)) {
    if (has_wildcard(segment)) break;
    if (!prefix.empty()) prefix += '/';
    prefix += std::string(segment);
  }
  return prefix;
}

std::string display_path(const fs::path& path) {
  std::error_code error;
  const fs::path current = fs::current_path(error);
  if (!error) {
    const fs::path relative = path.lexically_normal().lexically_relative(current);
    if (!relative.empty() && relative.native().rfind("..", 0) != 0) return relative.generic_string();
  }
  return path.lexically_normal().generic_string();
}

// The repository a path named on the command line belongs to: the nearest folder at or
// above it holding .git, else the named folder itself. Canonical, so links are resolved.
fs::path repository_root(const fs::path& named_folder) {
  std::error_code error;
  const fs::path start = fs::weakly_canonical(fs::absolute(named_folder), error);
  for (fs::path folder = start; !folder.empty(); folder = folder.parent_path()) {
    if (fs::exists(fs::symlink_status(folder / ".git", error))) return folder;
    if (folder == folder.root_path()) break;
  }
  return start;
}

bool is_inside(const fs::path& canonical, const fs::path& root) {
  const auto [root_end, path_end] = std::mismatch(root.begin(), root.end(), canonical.begin(), canonical.end());
  (void)path_end;
  return root_end == root.end();
}

// A manifest or lock is a PR author's file: a symbolic link (of the file or of a folder
// above it) can point at anything the CI runner can read, such as a key or a token. Such
// a file is refused before it is opened, so its content never reaches a log or a report.
void require_inside(const fs::path& path, const fs::path& root) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(path, error);
  if (!error && is_inside(canonical, root)) return;
  throw util::InputError({display_path(path)},
                         fmt::format("leads outside the repository {} through a symbolic link; patchcheck does not "
                                     "read files outside it",
                                     root.generic_string()),
                         "replace the link by the file itself, or audit the folder it points to as its own path");
}

// A manifest to audit: the path it was found at (links not resolved, shown in findings)
// and the repository it must stay in. Keyed by canonical path: one guest per real file.
struct Candidate {
  fs::path path;
  fs::path root;
};
using Candidates = std::map<fs::path, Candidate>;

void add_candidate(Candidates& candidates, const fs::path& path, const fs::path& root) {
  const fs::path lexical = fs::absolute(path).lexically_normal();
  std::error_code error;
  candidates.emplace(fs::weakly_canonical(lexical, error), Candidate{lexical, root});
}

void search_root(const fs::path& root, const std::vector<std::string>& globs, Candidates& manifests) {
  const fs::path repository = repository_root(root);
  for (const std::string& glob : globs) {
    const std::string prefix = literal_prefix(glob);
    fs::path base = prefix.empty() ? root : root / prefix;
    std::error_code error;
    if (!fs::exists(base, error)) {
      // A glob that is a plain file path is literal all the way down.
      continue;
    }
    if (!prefix.empty()) require_inside(base, repository);  // a linked folder is not searched
    if (fs::is_regular_file(base, error)) {
      if (glob_match(glob, prefix)) add_candidate(manifests, base, repository);
      continue;
    }
    fs::recursive_directory_iterator it(base, fs::directory_options::skip_permission_denied, error);
    if (error) throw util::InputError({base.string(), 0, 0}, fmt::format("cannot read folder: {}", error.message()));
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) break;
      const fs::directory_entry& entry = *it;
      if (entry.is_directory(error) && is_skipped_dir(entry.path())) {
        it.disable_recursion_pending();
        continue;
      }
      if (entry.path().filename() != "Cargo.toml") continue;
      const std::string relative = entry.path().lexically_relative(root).generic_string();
      if (glob_match(glob, relative)) add_candidate(manifests, entry.path(), repository);
    }
  }
}

const ZkvmOverride* override_for(const fs::path& guest_dir, const std::vector<ZkvmOverride>& overrides) {
  const ZkvmOverride* fallback = nullptr;
  for (const ZkvmOverride& entry : overrides) {
    if (entry.dir.empty()) {
      fallback = &entry;
      continue;
    }
    std::error_code error;
    if (fs::weakly_canonical(entry.dir, error) == guest_dir) return &entry;
  }
  return fallback;
}

}  // namespace

std::vector<std::string> default_globs() {
  return {
      "crates/l2/prover/zkvm/interface/*/Cargo.toml",  // 2025 layout
      "crates/l2/prover/src/guest_program/**/Cargo.toml",  // src/<zkvm>/ and the short-lived <zkvm>/
      "crates/guest-program/bin/*/Cargo.toml",  // 2026 layout
  };
}

bool glob_match(std::string_view pattern, std::string_view relative_path) {
  return match_segments(split_segments(pattern), 0, split_segments(relative_path), 0);
}

Discovery discover_guests(const std::vector<std::string>& paths, const DiscoveryOptions& options, const CryptoMatrix& matrix) {
  for (const ZkvmOverride& entry : options.overrides) {
    if (matrix.find_zkvm(entry.zkvm) == nullptr) {
      std::string known;
      for (const ZkvmSpec& spec : matrix.zkvms()) known += (known.empty() ? "" : ", ") + spec.id;
      throw util::InputError({}, fmt::format("--zkvm names unknown zkVM '{}'", entry.zkvm), "known zkVMs: " + known);
    }
  }
  const std::vector<std::string> globs = options.globs.empty() ? default_globs() : options.globs;
  Discovery discovery;
  Candidates manifests;  // found by search or named on the command line
  bool searched = false;
  for (const std::string& path_text : paths) {
    const fs::path path(path_text);
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) throw util::InputError({path_text, 0, 0}, "no such file or folder");
    if (fs::is_directory(status)) {
      // A guest folder given directly is audited as such; otherwise it is a root to search.
      if (fs::exists(fs::symlink_status(path / "Cargo.toml", error))) {
        const fs::path root = repository_root(path);
        require_inside(path / "Cargo.toml", root);
        const Manifest probe = load_manifest((path / "Cargo.toml").string());
        if (detect_zkvm(probe, matrix, nullptr) || override_for(fs::weakly_canonical(path), options.overrides) != nullptr) {
          add_candidate(manifests, path / "Cargo.toml", root);
          continue;
        }
      }
      searched = true;
      search_root(path, globs, manifests);
      continue;
    }
    discovery.had_explicit_files = true;
    const std::string name = path.filename().string();
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (name == "Cargo.toml") {
      add_candidate(manifests, path, repository_root(folder));
    } else if (name == "Cargo.lock") {
      const fs::path sibling = folder / "Cargo.toml";
      if (fs::exists(fs::symlink_status(sibling, error))) add_candidate(manifests, sibling, repository_root(folder));
      else discovery.skipped.push_back(fmt::format("{}: no Cargo.toml beside it", path_text));
    } else {
      throw util::InputError({path_text, 0, 0}, "not a Cargo.toml, a Cargo.lock or a folder",
                             "pass a repository root, a guest folder or guest Cargo.toml/Cargo.lock files");
    }
  }

  for (const auto& [canonical, candidate] : manifests) {
    require_inside(candidate.path, candidate.root);
    Guest guest;
    guest.manifest_path = display_path(candidate.path);
    guest.manifest = load_manifest(guest.manifest_path);
    const fs::path dir = canonical.parent_path();
    std::string dependency;
    const std::optional<std::string> detected = detect_zkvm(guest.manifest, matrix, &dependency);
    const ZkvmOverride* forced = override_for(dir, options.overrides);
    if (forced != nullptr) {
      guest.zkvm = forced->zkvm;
      guest.zkvm_reason = "--zkvm";
    } else if (detected) {
      guest.zkvm = *detected;
      guest.zkvm_reason = "dependency " + dependency;
    } else {
      discovery.skipped.push_back(fmt::format("{}: not a zkVM guest (no dependency on a zkVM SDK; use --zkvm to force)",
                                              guest.manifest_path));
      continue;
    }
    fill_sdk_version(guest, matrix);
    const fs::path lock_path = candidate.path.parent_path() / "Cargo.lock";
    std::error_code error;
    if (fs::exists(fs::symlink_status(lock_path, error))) {  // a dangling link fails in load, not silently
      require_inside(lock_path, candidate.root);
      guest.lock_path = display_path(lock_path);
      guest.lock = Lockfile::load(guest.lock_path);
    }
    discovery.guests.push_back(std::move(guest));
  }
  if (searched && discovery.guests.empty() && !discovery.had_explicit_files) {
    std::string tried;
    for (const std::string& glob : globs) tried += (tried.empty() ? "" : ", ") + glob;
    throw util::InputError({}, "no zkVM guest manifest found", "searched with " + tried + "; pass --glob PATTERN or guest paths");
  }
  return discovery;
}

}  // namespace zkgate::patchcheck
