#include "patchcheck/matrix.h"

#include <algorithm>

#include "patchcheck/source_url.h"
#include "util/file_io.h"

namespace zkgate::patchcheck {

namespace {

struct ExpectationName {
  Expectation value;
  std::string_view name;
};

constexpr ExpectationName kExpectationNames[] = {
    {Expectation::kPatchRequired, "patch_required"},
    {Expectation::kException, "exception"},
    {Expectation::kSdkCall, "sdk_call"},
    {Expectation::kAcceleratedViaRegistryCrate, "accelerated_via_registry_crate"},
    {Expectation::kNoPatchAvailable, "no_patch_available"},
    {Expectation::kNotApplicable, "not_applicable"},
    {Expectation::kUnknown, "unknown"},
};

}  // namespace

std::string_view to_string(Expectation expectation) {
  for (const ExpectationName& entry : kExpectationNames) {
    if (entry.value == expectation) return entry.name;
  }
  return "unknown";
}

std::optional<Expectation> parse_expectation(std::string_view text) {
  for (const ExpectationName& entry : kExpectationNames) {
    if (entry.name == text) return entry.value;
  }
  return std::nullopt;
}

bool has_accelerated_path(Expectation expectation) {
  switch (expectation) {
    case Expectation::kPatchRequired:
    case Expectation::kSdkCall:
    case Expectation::kAcceleratedViaRegistryCrate:
    case Expectation::kException:
      return true;
    case Expectation::kNoPatchAvailable:
    case Expectation::kNotApplicable:
    case Expectation::kUnknown:
      return false;
  }
  return false;
}

const ZkvmCell* Operation::cell(std::string_view zkvm) const {
  for (const ZkvmCell& candidate : cells) {
    if (candidate.zkvm == zkvm) return &candidate;
  }
  return nullptr;
}

std::size_t TagGrammar::group_index(std::string_view name) const {
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i] == name) return i + 1;
  }
  return 0;
}

CryptoMatrix CryptoMatrix::load_file(const std::filesystem::path& path) {
  const std::string text = util::read_file(path);
  return parse(text, path.string());
}

const Operation* CryptoMatrix::find_operation(std::string_view id) const {
  for (const Operation& operation : operations_) {
    if (operation.id == id) return &operation;
  }
  return nullptr;
}

const ZkvmSpec* CryptoMatrix::find_zkvm(std::string_view id) const {
  for (const ZkvmSpec& zkvm : zkvms_) {
    if (zkvm.id == id) return &zkvm;
  }
  return nullptr;
}

bool CryptoMatrix::is_crypto_crate(std::string_view name) const {
  return std::find(crypto_crates_.begin(), crypto_crates_.end(), name) != crypto_crates_.end();
}

std::vector<std::string> CryptoMatrix::known_repos(std::string_view zkvm) const {
  std::vector<std::string> repos;
  for (const Operation& operation : operations_) {
    const ZkvmCell* cell = operation.cell(zkvm);
    if (cell != nullptr && !cell->repo.empty()) repos.push_back(normalize_git_url(cell->repo));
  }
  for (const SupportCrate& support : support_crates_) {
    for (const SupportCrate::PerZkvm& entry : support.zkvms) {
      if (entry.zkvm == zkvm && !entry.repo.empty()) repos.push_back(normalize_git_url(entry.repo));
    }
  }
  std::sort(repos.begin(), repos.end());
  repos.erase(std::unique(repos.begin(), repos.end()), repos.end());
  return repos;
}

}  // namespace zkgate::patchcheck
