#include "patchcheck/resolution.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "util/input_error.h"

namespace zkgate::patchcheck {

Resolution::Resolution(const Guest& guest, const CryptoMatrix& matrix)
    : guest_(guest), zkvm_(matrix.find_zkvm(guest.zkvm)), known_repos_(matrix.known_repos(guest.zkvm)) {
  if (zkvm_ == nullptr) {
    throw util::InputError({guest.manifest_path, 0, 0}, fmt::format("the crypto matrix has no zkVM '{}'", guest.zkvm));
  }
}

bool Resolution::is_trusted_repo(std::string_view normalized_url) const {
  const std::string org = org_of(normalized_url);
  if (std::find(zkvm_->trusted_orgs.begin(), zkvm_->trusted_orgs.end(), org) != zkvm_->trusted_orgs.end()) return true;
  return std::find(known_repos_.begin(), known_repos_.end(), normalized_url) != known_repos_.end();
}

bool Resolution::is_patch_source(const LockSource& source) const {
  if (source.kind != LockSource::Kind::kGit) return false;
  if (is_trusted_repo(source.url)) return true;
  for (const PatchEntry& entry : guest_.manifest.patches) {
    if (!entry.spec.git.empty() && entry.spec.git_normalized == source.url) return true;
  }
  return false;
}

PatchStatus Resolution::status(const PatchEntry& entry) const {
  PatchStatus result;
  if (!guest_.lock) return result;
  const Lockfile& lock = *guest_.lock;
  const bool is_git = !entry.spec.git.empty();
  bool ref_matches = false;
  for (const std::size_t index : lock.find(entry.spec.crate)) {
    const LockSource& source = *lock.packages()[index].source;
    if (is_git) {
      if (source.kind != LockSource::Kind::kGit || source.url != entry.spec.git_normalized) continue;
      if (source.ref == entry.spec.ref) ref_matches = true;
    } else if (source.kind != LockSource::Kind::kPath) {
      continue;
    }
    result.packages.push_back(index);
  }
  if (!result.packages.empty()) {
    result.state = (!is_git || ref_matches) ? PatchState::kApplied : PatchState::kRefDiffers;
    return result;
  }
  for (std::size_t i = 0; i < lock.unused().size(); ++i) {
    const UnusedPatch& unused = lock.unused()[i];
    if (unused.name != entry.spec.crate) continue;
    const bool same_source = is_git ? (unused.source.kind == LockSource::Kind::kGit && unused.source.url == entry.spec.git_normalized)
                                    : unused.source.kind == LockSource::Kind::kPath;
    if (!same_source) continue;
    result.state = PatchState::kUnused;
    result.unused_index = i;
    return result;
  }
  result.state = PatchState::kAbsent;
  return result;
}

CrateCopies Resolution::copies(std::string_view crate) const {
  CrateCopies result;
  if (!guest_.lock) return result;
  for (const std::size_t index : guest_.lock->find(crate)) {
    if (is_patch_source(*guest_.lock->packages()[index].source)) result.accelerated.push_back(index);
    else result.native.push_back(index);
  }
  return result;
}

const PatchEntry* Resolution::active_patch(std::string_view crate, std::string_view table) const {
  for (const PatchEntry& entry : guest_.manifest.patches) {
    if (entry.spec.crate != crate) continue;
    if (!table.empty() && entry.table_normalized != table) continue;
    return &entry;
  }
  return nullptr;
}

std::vector<std::string> Resolution::dependent_names(const std::vector<std::size_t>& packages) const {
  std::set<std::string> names;
  if (!guest_.lock) return {};
  for (const std::size_t index : packages) {
    for (const std::size_t dependent : guest_.lock->dependents(index)) names.insert(guest_.lock->packages()[dependent].name);
  }
  return {names.begin(), names.end()};
}

std::string Resolution::describe_copies(const std::vector<std::size_t>& packages) const {
  std::string out;
  if (!guest_.lock) return out;
  for (const std::size_t index : packages) {
    const LockPackage& package = guest_.lock->packages()[index];
    if (!out.empty()) out += "; ";
    out += fmt::format("{} {}", package.version, describe(*package.source));
  }
  return out;
}

}  // namespace zkgate::patchcheck
