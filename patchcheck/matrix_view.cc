#include "patchcheck/matrix_view.h"

#include <fmt/format.h>

namespace zkgate::patchcheck {
namespace {

std::string declared_source(const PatchEntry& entry) {
  if (entry.spec.git.empty()) return fmt::format("path {}", entry.spec.path);
  return fmt::format("{} {}", short_repo(entry.spec.git_normalized), describe(entry.spec.ref));
}

// patch_required: is the patch there, applied, and the only copy?
void judge_patch(const Resolution& resolution, const ZkvmCell& cell, CellView& view) {
  const Guest& guest = resolution.guest();
  const PatchEntry* entry = resolution.active_patch(cell.crate, cell.patch_table);
  const CrateCopies copies = resolution.copies(cell.crate);
  if (guest.lock) {
    std::vector<std::size_t> all = copies.accelerated;
    all.insert(all.end(), copies.native.begin(), copies.native.end());
    view.resolved = resolution.describe_copies(all);
  }
  if (entry == nullptr) {
    if (guest.lock && copies.native.empty()) {
      view.verdict = copies.accelerated.empty() ? CellVerdict::kNotApplicable : CellVerdict::kAccelerated;
      view.reason = copies.accelerated.empty() ? "not in the dependency graph" : "resolved from a patch source";
      return;
    }
    view.verdict = CellVerdict::kNative;
    view.reason = "no [patch] entry: runs natively";
    return;
  }
  if (!guest.lock) {
    view.resolved = "declared: " + declared_source(*entry);
    view.verdict = CellVerdict::kCaveat;
    view.reason = "patch declared; no Cargo.lock to confirm it applies";
    return;
  }
  const PatchStatus status = resolution.status(*entry);
  switch (status.state) {
    case PatchState::kUnused:
      view.verdict = CellVerdict::kNative;
      view.reason = "patch listed in [[patch.unused]]: Cargo ignored it";
      return;
    case PatchState::kRefDiffers:
    case PatchState::kAbsent:
      view.verdict = CellVerdict::kNative;
      view.reason = "Cargo.lock is stale for this patch";
      return;
    case PatchState::kApplied:
    case PatchState::kNoLock:
      break;
  }
  if (!copies.native.empty()) {
    view.verdict = CellVerdict::kNative;
    view.reason = fmt::format("patched, but a native copy remains ({})", resolution.describe_copies(copies.native));
    return;
  }
  view.verdict = CellVerdict::kAccelerated;
  view.reason = "patched";
}

}  // namespace

std::string_view to_string(CellVerdict verdict) {
  switch (verdict) {
    case CellVerdict::kAccelerated: return "ok";
    case CellVerdict::kNative: return "fail";
    case CellVerdict::kCaveat: return "warn";
    case CellVerdict::kNotApplicable: return "n/a";
  }
  return "n/a";
}

std::string_view emoji(CellVerdict verdict) {
  switch (verdict) {
    case CellVerdict::kAccelerated: return "\u2705";
    case CellVerdict::kNative: return "\u274c";
    case CellVerdict::kCaveat: return "\u26a0\ufe0f";
    case CellVerdict::kNotApplicable: return "\u2014";
  }
  return "\u2014";
}

std::vector<CellView> build_matrix_view(const Resolution& resolution, const CryptoMatrix& matrix) {
  std::vector<CellView> views;
  const Guest& guest = resolution.guest();
  for (const Operation& operation : matrix.operations()) {
    const ZkvmCell* cell = operation.cell(guest.zkvm);
    if (cell == nullptr) continue;
    CellView view;
    view.operation = operation.id;
    view.expected = cell->expected;
    view.crate = cell->crate;
    const bool unused_crate = guest.lock && !cell->crate.empty() && guest.lock->find(cell->crate).empty();
    if (unused_crate && cell->expected != Expectation::kSdkCall && cell->expected != Expectation::kAcceleratedViaRegistryCrate) {
      view.verdict = CellVerdict::kNotApplicable;
      view.reason = "not in the dependency graph";
      views.push_back(std::move(view));
      continue;
    }
    switch (cell->expected) {
      case Expectation::kPatchRequired:
        judge_patch(resolution, *cell, view);
        break;
      case Expectation::kException:
        view.verdict = CellVerdict::kCaveat;
        view.reason = "accepted exception: " + cell->reason;
        break;
      case Expectation::kUnknown:
        view.verdict = CellVerdict::kCaveat;
        view.reason = "unverified: " + cell->reason;
        break;
      case Expectation::kNoPatchAvailable:
        view.verdict = CellVerdict::kCaveat;
        view.reason = "no accelerated crate published: runs natively";
        break;
      case Expectation::kNotApplicable:
        view.verdict = CellVerdict::kNotApplicable;
        view.reason = "no precompile on this zkVM";
        break;
      case Expectation::kSdkCall:
      case Expectation::kAcceleratedViaRegistryCrate: {
        const bool in_manifest = guest.manifest.find_dependency(cell->crate) != nullptr;
        const std::vector<std::size_t> copies = guest.lock ? guest.lock->find(cell->crate) : std::vector<std::size_t>();
        view.resolved = resolution.describe_copies(copies);
        const bool present = in_manifest || !copies.empty();
        const bool sdk = cell->expected == Expectation::kSdkCall;
        view.verdict = present ? CellVerdict::kAccelerated : CellVerdict::kCaveat;
        view.reason = present ? (sdk ? "SDK call" : "the registry crate calls the zkVM")
                              : fmt::format("{} is not a dependency: check how this operation is served", cell->crate);
        if (!guest.lock && !in_manifest && !sdk) view.reason = "no Cargo.lock to confirm the registry crate is used";
        break;
      }
    }
    views.push_back(std::move(view));
  }
  return views;
}

}  // namespace zkgate::patchcheck
