#include "patchcheck/guest.h"

#include <cctype>

namespace zkgate::patchcheck {

std::optional<std::string> detect_zkvm(const Manifest& manifest, const CryptoMatrix& matrix, std::string* dependency) {
  for (const CrateSpec& spec : manifest.dependencies) {
    for (const ZkvmSpec& zkvm : matrix.zkvms()) {
      for (const std::string& name : zkvm.detect_dependencies) {
        if (spec.crate == name) {
          if (dependency != nullptr) *dependency = name;
          return zkvm.id;
        }
      }
    }
  }
  return std::nullopt;
}

std::string version_from_requirement(std::string_view requirement) {
  std::size_t start = 0;
  while (start < requirement.size() && !std::isdigit(static_cast<unsigned char>(requirement[start]))) {
    const char c = requirement[start];
    if (c != '=' && c != '^' && c != '~' && c != '>' && c != '<' && c != 'v' && c != ' ') return {};
    ++start;
  }
  std::size_t end = start;
  while (end < requirement.size() && requirement[end] != ',' && requirement[end] != ' ') ++end;
  return std::string(requirement.substr(start, end - start));
}

void fill_sdk_version(Guest& guest, const CryptoMatrix& matrix) {
  const ZkvmSpec* spec = matrix.find_zkvm(guest.zkvm);
  if (spec == nullptr) return;
  for (const std::string& name : spec->detect_dependencies) {
    const CrateSpec* dependency = guest.manifest.find_dependency(name);
    if (dependency == nullptr) continue;
    guest.sdk_line = dependency->line;
    if (!dependency->version_req.empty()) {
      guest.sdk_version = version_from_requirement(dependency->version_req);
    } else if (dependency->ref.kind == RefKind::kTag) {
      guest.sdk_version = version_from_requirement(dependency->ref.value);
    }
    return;
  }
}

}  // namespace zkgate::patchcheck
