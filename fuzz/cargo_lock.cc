// Cargo.lock as patchcheck reads it: the canonical-layout fast path, the toml++ path, and
// the dependents index. Where the fast path accepts an input, the TOML parser must read
// the same packages and unused patches: otherwise the audit depends on which path ran.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "patchcheck/lock.h"

namespace pc = zkgate::patchcheck;

namespace {

void require_same(const pc::RawLock& fast, const pc::RawLock& toml) {
  if (fast.format_version != toml.format_version) std::abort();
  if (fast.packages.size() != toml.packages.size() || fast.unused.size() != toml.unused.size()) std::abort();
  for (std::size_t i = 0; i < fast.packages.size(); ++i) {
    const pc::LockPackage& a = fast.packages[i];
    const pc::LockPackage& b = toml.packages[i];
    if (a.name != b.name || a.version != b.version || a.dependencies != b.dependencies) std::abort();
  }
  for (std::size_t i = 0; i < fast.unused.size(); ++i) {
    if (fast.unused[i].name != toml.unused[i].name || fast.unused[i].version != toml.unused[i].version) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = zkgate::fuzz::as_text(data, size);
  zkgate::fuzz::expect_parse_or_input_error([&] {
    const pc::Lockfile lock = pc::Lockfile::parse(std::string(text), "Cargo.lock");
    for (std::size_t i = 0; i < lock.packages().size(); ++i) {
      (void)lock.dependents(i);
      (void)lock.find(lock.packages()[i].name);
    }
  });
  const std::optional<pc::RawLock> fast = pc::scan_canonical_lock(text);
  if (fast) {
    try {
      require_same(*fast, pc::parse_lock_toml(text, "Cargo.lock"));
    } catch (const zkgate::util::InputError&) {
      std::abort();  // the fast path accepted what the TOML parser refuses
    }
  }
  return 0;
}
