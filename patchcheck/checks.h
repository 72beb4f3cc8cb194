#pragma once

#include <vector>

#include "patchcheck/finding.h"
#include "patchcheck/guest.h"
#include "patchcheck/matrix.h"
#include "patchcheck/resolution.h"

namespace zkgate::patchcheck {

// Runs every check on one guest and appends what it finds.
void check_guest(const Guest& guest, const CryptoMatrix& matrix, std::vector<Finding>& findings);

// The passes check_guest runs, one concern each (exposed for unit tests).
void check_lock(const Resolution& resolution, const CryptoMatrix& matrix, std::vector<Finding>& findings);
void check_double_resolution(const Resolution& resolution, const CryptoMatrix& matrix, std::vector<Finding>& findings);
void check_patch_sources(const Resolution& resolution, const CryptoMatrix& matrix, std::vector<Finding>& findings);
void check_matrix_cells(const Resolution& resolution, const CryptoMatrix& matrix, std::vector<Finding>& findings);
void check_commented_out(const Resolution& resolution, std::vector<Finding>& findings);

// A finding about `guest` with its location filled in.
Finding make_finding(const Guest& guest, std::string_view id, Severity severity, const std::string& file, std::size_t line);

// The line of a commented-out patch for `crate`, 0 when there is none.
std::size_t commented_line_for(const Manifest& manifest, std::string_view crate);

}  // namespace zkgate::patchcheck
