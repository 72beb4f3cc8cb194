// Double resolution: a crypto crate that resolves from a patch source and also from
// somewhere else means some dependents still run it natively.
#include <set>

#include <fmt/format.h>

#include "patchcheck/checks.h"

namespace zkgate::patchcheck {
namespace {

// Cargo's compatibility series: "0.10" for 0.10.8, "1" for 1.2.3, "0.0.3" for 0.0.3.
std::string semver_series(const std::string& version) {
  const std::size_t first = version.find('.');
  if (first == std::string::npos) return version;
  if (version.compare(0, first, "0") != 0) return version.substr(0, first);
  const std::size_t second = version.find('.', first + 1);
  const std::string minor = version.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
  if (minor != "0" || second == std::string::npos) return version.substr(0, second);
  return version.substr(0, version.find_first_of("-+", second));
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string hint_for(const Resolution& resolution, const std::string& crate, const CrateCopies& copies) {
  const Lockfile& lock = *resolution.guest().lock;
  const LockPackage& patched = lock.packages()[copies.accelerated.front()];
  for (const std::size_t index : copies.native) {
    const LockPackage& native = lock.packages()[index];
    if (native.source->kind == LockSource::Kind::kGit) {
      return fmt::format("[patch.crates-io] cannot redirect a git dependency: add [patch.\"{}\"] {} = {{ git = ... }}",
                         native.source->url, crate);
    }
    if (semver_series(native.version) != semver_series(patched.version)) {
      return fmt::format("the native copy is the {} series, which a {} patch cannot reach: patch that version too, or "
                         "upgrade its dependents",
                         semver_series(native.version), semver_series(patched.version));
    }
  }
  const PatchEntry* entry = resolution.active_patch(crate);
  if (entry == nullptr) return fmt::format("add (or restore) a [patch.crates-io] entry for {} so every dependent gets the accelerated crate", crate);
  return fmt::format("make the patch's version match the one these dependents require (`cargo tree -i {}`)", crate);
}

}  // namespace

void check_double_resolution(const Resolution& resolution, const CryptoMatrix& matrix, std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  if (!guest.lock) return;
  const Lockfile& lock = *guest.lock;
  std::set<std::string> crates(matrix.crypto_crates().begin(), matrix.crypto_crates().end());
  for (const PatchEntry& entry : guest.manifest.patches) crates.insert(entry.spec.crate);
  for (const PatchEntry& entry : guest.manifest.commented_patches) crates.insert(entry.spec.crate);

  for (const std::string& crate : crates) {
    const std::vector<std::size_t> all = lock.find(crate);
    std::set<std::string_view> sources;
    for (const std::size_t index : all) sources.insert(lock.packages()[index].source->without_fragment());
    if (sources.size() < 2) continue;
    const CrateCopies copies = resolution.copies(crate);
    const std::size_t anchor = copies.native.empty() ? all.front() : copies.native.front();
    Finding finding = make_finding(guest, "double-resolution", Severity::kError, guest.lock_path, lock.packages()[anchor].line);
    finding.crate = crate;
    if (!copies.accelerated.empty() && !copies.native.empty()) {
      finding.dependents = resolution.dependent_names(copies.native);
      finding.message = fmt::format("{} resolves from a patch source ({}) and natively ({}); native copy used by {}", crate,
                                    resolution.describe_copies(copies.accelerated), resolution.describe_copies(copies.native),
                                    join(finding.dependents));
      finding.hint = hint_for(resolution, crate, copies);
    } else {
      finding.severity = Severity::kWarning;
      finding.dependents = resolution.dependent_names(all);
      const bool none_accelerated = copies.accelerated.empty();
      finding.message = fmt::format("{} resolves {} times ({}) and {}; used by {}", crate, sources.size(),
                                    resolution.describe_copies(all),
                                    none_accelerated ? "no copy is accelerated" : "every copy comes from a patch source",
                                    join(finding.dependents));
      finding.hint = none_accelerated ? "duplicate native crypto costs cycles and code size; unify the versions if you can"
                                      : "two patched copies build twice; align the patch tags";
    }
    findings.push_back(std::move(finding));
  }
}

}  // namespace zkgate::patchcheck
