#include "patchcheck/finding.h"

#include <algorithm>
#include <tuple>

namespace zkgate::patchcheck {

const std::vector<FindingKind>& finding_kinds() {
  static const std::vector<FindingKind> kinds = {
      {"patch-missing", "error", "the matrix requires a patch for this crate on this zkVM and none is applied"},
      {"patch-unused", "error", "a declared patch is listed in [[patch.unused]]: Cargo silently ignored it"},
      {"double-resolution", "error",
       "a crypto crate resolves from a patch source and from crates.io/another source: the dependents named run it "
       "natively (warning when no copy is accelerated)"},
      {"lock-stale", "error",
       "Cargo.lock disagrees with Cargo.toml: a patch neither applied nor unused, another tag/branch/rev, or a patch "
       "source no manifest entry declares"},
      {"untrusted-source", "warning", "the patch repository is not in the zkVM's trusted orgs nor listed in the matrix"},
      {"unpinned", "warning", "a git patch pinned by branch or not at all where a tag is expected: not reproducible"},
      {"tag-unparsable", "warning", "the patch tag matches none of the zkVM's tag grammars"},
      {"tag-wrong-zkvm", "warning", "the patch tag names another zkVM (e.g. an -sp1- tag on a RISC Zero guest)"},
      {"sdk-version-mismatch", "matrix",
       "the zkVM version in the patch tag breaks the zkVM's rule against the guest's SDK version (ZisK: major.minor "
       "must match, error; SP1: up to one major behind, warning)"},
      {"accepted-exception", "info", "the matrix documents why this zkVM does not accelerate this operation"},
      {"unverified", "warning", "the matrix cannot tell whether this operation is accelerated: check a profile"},
      {"patch-commented-out", "info", "a commented-out [patch] line or header, shown so a reviewer sees it"},
      {"lock-missing", "warning", "the guest has no Cargo.lock: lock checks were skipped"},
  };
  return kinds;
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::make_tuple(a.guest, a.file, a.line, -static_cast<int>(a.severity), a.id) <
           std::make_tuple(b.guest, b.file, b.line, -static_cast<int>(b.severity), b.id);
  });
}

}  // namespace zkgate::patchcheck
