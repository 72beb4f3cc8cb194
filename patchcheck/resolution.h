#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "patchcheck/guest.h"
#include "patchcheck/matrix.h"

// What a guest's Cargo.lock says about its patches and crypto crates: the shared facts
// the checks and the matrix view are built from.
namespace zkgate::patchcheck {

enum class PatchState {
  kNoLock,      // no Cargo.lock to look at
  kApplied,     // the lock resolves the crate from the patch's source and ref
  kRefDiffers,  // same source, another tag/branch/rev: the lock is stale
  kUnused,      // listed in [[patch.unused]]
  kAbsent,      // neither resolved nor unused: the lock predates the patch
};

struct PatchStatus {
  PatchState state = PatchState::kNoLock;
  std::vector<std::size_t> packages;  // lock packages from the patch's source
  std::size_t unused_index = 0;       // kUnused: index into lock.unused()
};

// The copies of one crate in the lock, split by whether they come from a patch source.
struct CrateCopies {
  std::vector<std::size_t> accelerated;
  std::vector<std::size_t> native;
};

class Resolution {
 public:
  Resolution(const Guest& guest, const CryptoMatrix& matrix);

  const Guest& guest() const { return guest_; }
  const ZkvmSpec& zkvm() const { return *zkvm_; }

  // A git source from the zkVM's trusted orgs, a repo the matrix lists for the zkVM, or the
  // source of an active [patch] entry.
  bool is_patch_source(const LockSource& source) const;
  bool is_trusted_repo(std::string_view normalized_url) const;

  PatchStatus status(const PatchEntry& entry) const;
  CrateCopies copies(std::string_view crate) const;
  // The active patch for `crate`; `table` "" = any [patch] table, else the normalised URL.
  const PatchEntry* active_patch(std::string_view crate, std::string_view table = {}) const;
  // Sorted, distinct names of the packages depending on any of `packages`.
  std::vector<std::string> dependent_names(const std::vector<std::size_t>& packages) const;
  // "0.13.4 crates.io; 0.13.4 sp1-patches/elliptic-curves tag ..." for lock packages.
  std::string describe_copies(const std::vector<std::size_t>& packages) const;

 private:
  const Guest& guest_;
  const ZkvmSpec* zkvm_;
  std::vector<std::string> known_repos_;
};

}  // namespace zkgate::patchcheck
