#pragma once

#include <optional>
#include <string>
#include <vector>

#include "patchcheck/lock.h"
#include "patchcheck/manifest.h"
#include "patchcheck/matrix.h"

namespace zkgate::patchcheck {

// One zkVM guest program: its manifest, the Cargo.lock beside it (if any) and its zkVM.
struct Guest {
  std::string manifest_path;  // as shown in findings
  std::string lock_path;      // "" when the guest has no Cargo.lock
  Manifest manifest;
  std::optional<Lockfile> lock;
  std::string zkvm;           // a zkvms id of the matrix
  std::string zkvm_reason;    // "dependency sp1-zkvm" or "--zkvm"
  std::string sdk_version;    // "5.0.8" from `sp1-zkvm = "=5.0.8"` or a git tag "v0.15.0"; "" when unknown
  std::size_t sdk_line = 0;
};

// The matrix zkVM whose detect_dependencies the manifest depends on; nullopt when none.
// `dependency` receives the dependency that decided it.
std::optional<std::string> detect_zkvm(const Manifest& manifest, const CryptoMatrix& matrix, std::string* dependency);

// "5.0.8" from "=5.0.8", "^4.1", "v0.15.0"; "" when the text holds no version.
std::string version_from_requirement(std::string_view requirement);

// Fills sdk_version/sdk_line from the zkVM's detect dependency.
void fill_sdk_version(Guest& guest, const CryptoMatrix& matrix);

}  // namespace zkgate::patchcheck
