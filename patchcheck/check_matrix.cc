// The matrix's demands: every accelerated operation has its patch; documented gaps are
// shown as accepted exceptions and open questions as unverified, never as a pass.
#include <map>

#include <fmt/format.h>

#include "patchcheck/checks.h"

namespace zkgate::patchcheck {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::size_t anchor_line(const Manifest& manifest, std::string_view crate) {
  const std::size_t commented = commented_line_for(manifest, crate);
  return commented != 0 ? commented : manifest.first_patch_header_line;
}

struct MissingCrate {
  std::vector<std::string> operations;
  std::string table;  // "" = any, else the [patch."<url>"] the matrix demands
};

void report_missing(const Resolution& resolution, const std::string& crate, const MissingCrate& missing,
                    std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  const std::string table = missing.table.empty() ? "[patch.crates-io]" : fmt::format("[patch.\"{}\"]", missing.table);
  Finding finding = make_finding(guest, "patch-missing", Severity::kError, guest.manifest_path, anchor_line(guest.manifest, crate));
  finding.crate = crate;
  const std::size_t commented = commented_line_for(guest.manifest, crate);
  const std::string note = commented != 0 ? fmt::format(" (the patch is commented out at line {})", commented) : std::string();
  if (guest.lock) {
    const CrateCopies copies = resolution.copies(crate);
    finding.dependents = resolution.dependent_names(copies.native);
    finding.message = fmt::format("{} needs a patched {} on {} ({}), but {} resolves {} natively{}; used by {}",
                                  join(missing.operations), crate, guest.zkvm, table, guest.lock_path,
                                  resolution.describe_copies(copies.native), note, join(finding.dependents));
  } else {
    finding.message = fmt::format("{} needs a patched {} on {}, but Cargo.toml has no {} entry for it{}", join(missing.operations),
                                  crate, guest.zkvm, table, note);
  }
  finding.hint = fmt::format("add {} to {} from the {} patch repo (see the crypto matrix)", crate, table, guest.zkvm);
  findings.push_back(std::move(finding));
}

}  // namespace

void check_matrix_cells(const Resolution& resolution, const CryptoMatrix& matrix, std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  std::map<std::string, MissingCrate> missing;
  for (const Operation& operation : matrix.operations()) {
    const ZkvmCell* cell = operation.cell(guest.zkvm);
    if (cell == nullptr) continue;
    if (cell->expected == Expectation::kPatchRequired) {
      if (resolution.active_patch(cell->crate, cell->patch_table) != nullptr) continue;
      if (guest.lock && resolution.copies(cell->crate).native.empty()) continue;  // accelerated anyway, or unused
      MissingCrate& entry = missing[cell->crate];
      entry.operations.push_back(operation.id);
      entry.table = cell->patch_table;
      continue;
    }
    if (cell->expected != Expectation::kException && cell->expected != Expectation::kUnknown) continue;
    // With a lock we know whether the guest uses the crate at all; a gap in an unused crate is no news.
    if (guest.lock && guest.lock->find(cell->crate).empty()) continue;
    const bool exception = cell->expected == Expectation::kException;
    Finding finding = make_finding(guest, exception ? "accepted-exception" : "unverified",
                                   exception ? Severity::kInfo : Severity::kWarning, guest.manifest_path,
                                   anchor_line(guest.manifest, cell->crate));
    finding.crate = cell->crate;
    finding.message = fmt::format("{} on {} ({}): {}: {}", operation.id, guest.zkvm, cell->crate,
                                  exception ? "accepted exception" : "unverified", cell->reason);
    finding.hint = exception ? fmt::format("documented at {}; runs natively by design", cell->where.to_string())
                             : "run the guest under the profiler and check the precompile counts (gate)";
    findings.push_back(std::move(finding));
  }
  for (const auto& [crate, entry] : missing) report_missing(resolution, crate, entry, findings);
}

}  // namespace zkgate::patchcheck
