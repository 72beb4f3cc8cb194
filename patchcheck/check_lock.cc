// Lock consistency: does Cargo.lock apply what Cargo.toml declares, and nothing else?
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "patchcheck/checks.h"

namespace zkgate::patchcheck {
namespace {

const char* kRegenerateHint = "run `cargo update -w` (or any cargo build) in the guest folder and commit the new Cargo.lock";

const PatchEntry* manifest_entry_for(const Manifest& manifest, const UnusedPatch& unused) {
  for (const PatchEntry& entry : manifest.patches) {
    if (entry.spec.crate != unused.name) continue;
    if (entry.spec.git.empty() ? unused.source.kind == LockSource::Kind::kPath
                               : unused.source.kind == LockSource::Kind::kGit && unused.source.url == entry.spec.git_normalized) {
      return &entry;
    }
  }
  return nullptr;
}

void check_unused(const Resolution& resolution, std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  const Lockfile& lock = *guest.lock;
  for (const UnusedPatch& unused : lock.unused()) {
    const PatchEntry* entry = manifest_entry_for(guest.manifest, unused);
    const std::vector<std::size_t> copies = lock.find(unused.name);
    const std::string in_graph = copies.empty() ? std::string("nothing in the graph uses it")
                                                : fmt::format("the graph uses {} {}", unused.name, resolution.describe_copies(copies));
    Finding finding = entry != nullptr ? make_finding(guest, "patch-unused", Severity::kError, guest.manifest_path, entry->spec.line)
                                       : make_finding(guest, "patch-unused", Severity::kError, guest.lock_path, unused.line);
    finding.crate = unused.name;
    finding.message = fmt::format("patch {} {} ({}) is listed in [[patch.unused]] of {}: Cargo ignored it; {}", unused.name,
                                  unused.version, describe(unused.source), guest.lock_path, in_graph);
    finding.hint = copies.empty()
                       ? "remove the patch, or check that the crate is still a dependency"
                       : fmt::format("a patch applies only to the semver series it provides ({}); use a tag for the version the "
                                     "graph resolves (see `cargo tree -i {}`)",
                                     unused.version, unused.name);
    findings.push_back(std::move(finding));
    if (entry == nullptr) {
      Finding stale = make_finding(guest, "lock-stale", Severity::kError, guest.lock_path, unused.line);
      stale.crate = unused.name;
      stale.message = fmt::format("Cargo.lock records an unused patch {} ({}) that Cargo.toml does not declare", unused.name,
                                  describe(unused.source));
      stale.hint = kRegenerateHint;
      findings.push_back(std::move(stale));
    }
  }
}

void check_declared_patches(const Resolution& resolution, std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  for (const PatchEntry& entry : guest.manifest.patches) {
    const PatchStatus status = resolution.status(entry);
    if (status.state != PatchState::kRefDiffers && status.state != PatchState::kAbsent) continue;
    Finding finding = make_finding(guest, "lock-stale", Severity::kError, guest.manifest_path, entry.spec.line);
    finding.crate = entry.spec.crate;
    if (status.state == PatchState::kRefDiffers) {
      finding.message = fmt::format("Cargo.toml pins {} to {} but {} resolves {}", entry.spec.crate, describe(entry.spec.ref),
                                    guest.lock_path, resolution.describe_copies(status.packages));
    } else {
      finding.message = fmt::format("patch {} ({}) is neither resolved nor listed as unused in {}: the lock predates it",
                                    entry.spec.key, entry.spec.git.empty() ? entry.spec.path : short_repo(entry.spec.git_normalized),
                                    guest.lock_path);
    }
    finding.hint = kRegenerateHint;
    findings.push_back(std::move(finding));
  }
}

bool declared_by_manifest(const Manifest& manifest, const LockSource& source, const std::string& name) {
  for (const PatchEntry& entry : manifest.patches) {
    if (entry.spec.git_normalized != source.url) continue;
    // Same repo, same crate, another ref: reported as a stale ref already.
    if (entry.spec.ref == source.ref || entry.spec.crate == name) return true;
  }
  for (const CrateSpec& dependency : manifest.dependencies) {
    if (dependency.git_normalized == source.url && dependency.ref == source.ref) return true;
  }
  return false;
}

// A git package that no manifest entry declares can only be in the lock through a patch
// if a crates.io package depends on it, or if it is a crypto crate from a patch repo that
// only workspace (path) crates use. Packages pulled in solely by such packages follow.
void check_undeclared_sources(const Resolution& resolution, const CryptoMatrix& matrix, std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  const Lockfile& lock = *guest.lock;
  const std::vector<LockPackage>& packages = lock.packages();
  std::vector<bool> candidate(packages.size(), false);
  for (std::size_t i = 0; i < packages.size(); ++i) {
    const LockSource& source = *packages[i].source;
    candidate[i] = source.kind == LockSource::Kind::kGit && !declared_by_manifest(guest.manifest, source, packages[i].name);
  }
  std::vector<bool> flagged(packages.size(), false);
  for (std::size_t i = 0; i < packages.size(); ++i) {
    if (!candidate[i]) continue;
    bool registry_dependent = false;
    bool git_dependent = false;
    for (const std::size_t dependent : lock.dependents(i)) {
      const LockSource::Kind kind = packages[dependent].source->kind;
      registry_dependent = registry_dependent || kind == LockSource::Kind::kRegistry;
      git_dependent = git_dependent || kind == LockSource::Kind::kGit;
    }
    const bool patched_crypto = resolution.is_patch_source(*packages[i].source) && matrix.is_crypto_crate(packages[i].name) &&
                                !git_dependent && !lock.dependents(i).empty();
    flagged[i] = registry_dependent || patched_crypto;
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < packages.size(); ++i) {
      if (flagged[i] || !candidate[i] || !resolution.is_patch_source(*packages[i].source)) continue;
      const std::vector<std::size_t>& dependents = lock.dependents(i);
      bool all_git_flagged = false;
      for (const std::size_t dependent : dependents) {
        if (packages[dependent].source->kind != LockSource::Kind::kGit) continue;
        all_git_flagged = flagged[dependent];
        if (!all_git_flagged) break;
      }
      if (all_git_flagged) {
        flagged[i] = true;
        changed = true;
      }
    }
  }
  for (std::size_t i = 0; i < packages.size(); ++i) {
    if (!flagged[i]) continue;
    Finding finding = make_finding(guest, "lock-stale", Severity::kError, guest.lock_path, packages[i].line);
    finding.crate = packages[i].name;
    finding.dependents = resolution.dependent_names({i});
    finding.message = fmt::format("Cargo.lock resolves {} {} from {} but no entry in Cargo.toml declares that source", packages[i].name,
                                  packages[i].version, describe(*packages[i].source));
    finding.hint = "restore the [patch] entry if the guest needs it, else regenerate the lock (`cargo update -w`) and commit it";
    findings.push_back(std::move(finding));
  }
}

}  // namespace

void check_lock(const Resolution& resolution, const CryptoMatrix& matrix, std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  if (!guest.lock) {
    Finding finding = make_finding(guest, "lock-missing", Severity::kWarning, guest.manifest_path, 0);
    finding.message = "no Cargo.lock beside this guest: unused patches and native copies cannot be checked";
    finding.hint = "commit the guest's Cargo.lock (guests are binaries; their lock decides what gets proven)";
    findings.push_back(std::move(finding));
    return;
  }
  check_unused(resolution, findings);
  check_declared_patches(resolution, findings);
  check_undeclared_sources(resolution, matrix, findings);
}

}  // namespace zkgate::patchcheck
