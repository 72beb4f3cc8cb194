// Cargo.toml, Cargo.lock and source-string models on small inputs and on the real corpus.
#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>

#include "patchcheck/lock.h"
#include "patchcheck/manifest.h"
#include "patchcheck/source_url.h"
#include "test_support.h"
#include "util/file_io.h"
#include "util/input_error.h"

// GCC 12 at -O2 warns inside boost::function when it copies the empty needs_corpus()
// functor (a false positive in Boost 1.74's function_template.hpp).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace fs = std::filesystem;
using namespace zkgate::patchcheck;
using zkgate::util::InputError;

BOOST_AUTO_TEST_SUITE(source_strings)

BOOST_AUTO_TEST_CASE(git_urls_normalise_trailing_slash_dot_git_double_slash_and_case) {
  BOOST_TEST(normalize_git_url("https://github.com/0xPolygonHermez/zisk-patch-tiny-keccak/") ==
             "https://github.com/0xpolygonhermez/zisk-patch-tiny-keccak");
  BOOST_TEST(normalize_git_url("https://github.com/0xPolygonHermez/zisk-patch-hashes.git") ==
             "https://github.com/0xpolygonhermez/zisk-patch-hashes");
  BOOST_TEST(normalize_git_url("https://github.com/openvm-org//openvm.git") == "https://github.com/openvm-org/openvm");
  BOOST_TEST(org_of("https://github.com/sp1-patches/bn") == "github.com/sp1-patches");
  BOOST_TEST(short_repo("https://github.com/sp1-patches/bn") == "sp1-patches/bn");
}

BOOST_AUTO_TEST_CASE(percent_decoding) {
  BOOST_TEST(percent_decode("k256%2Fv0.13.4-risczero.1") == "k256/v0.13.4-risczero.1");
  BOOST_TEST(percent_decode("zisk-patch%2fv0.8.0") == "zisk-patch/v0.8.0");
  BOOST_TEST(percent_decode("100%") == "100%");
  BOOST_TEST(percent_decode("%zz") == "%zz");
}

BOOST_AUTO_TEST_CASE(lock_sources) {
  const LockSource git = parse_lock_source("git+https://github.com/risc0/RustCrypto-elliptic-curves?tag=k256%2Fv0.13.4-risczero.1#abc");
  BOOST_TEST((git.kind == LockSource::Kind::kGit));
  BOOST_TEST(git.url == "https://github.com/risc0/rustcrypto-elliptic-curves");
  BOOST_TEST((git.ref == GitRef{RefKind::kTag, "k256/v0.13.4-risczero.1"}));
  BOOST_TEST(git.commit == "abc");
  BOOST_TEST(git.without_fragment() == "git+https://github.com/risc0/RustCrypto-elliptic-curves?tag=k256%2Fv0.13.4-risczero.1");
  const LockSource head = parse_lock_source("git+https://github.com/brevis-network/pico#123");
  BOOST_TEST((head.ref.kind == RefKind::kNone));
  const LockSource registry = parse_lock_source("registry+https://github.com/rust-lang/crates.io-index");
  BOOST_TEST(registry.is_crates_io());
  BOOST_TEST(describe(registry) == "crates.io");
  BOOST_TEST((parse_lock_source("").kind == LockSource::Kind::kPath));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(manifest_model)

BOOST_AUTO_TEST_CASE(patch_keys_differ_from_crate_names) {
  const Manifest manifest = parse_manifest(R"([package]
name = "g"

[dependencies]
sp1-zkvm = { version = "=5.0.8" }

[patch.crates-io]
sha2-v0-10-9 = { git = "https://github.com/sp1-patches/RustCrypto-hashes", package = "sha2", tag = "patch-sha2-0.10.9-sp1-4.0.0" }
bn = { git = "https://github.com/brevis-network/bn", branch = "patch-v1.0.1", package = "substrate-bn" }
secp256k1 = { git = "https://github.com/openvm-org/openvm.git", tag = "v1.4.0", package = "k256" }

[patch."https://github.com/lambdaclass/bls12_381"]
bls12_381 = { git = "https://github.com/lambdaclass/bls12_381-patch/", rev = "f2242f7" }
)",
                                           "Cargo.toml");
  BOOST_TEST_REQUIRE(manifest.patches.size() == 4u);
  BOOST_TEST(manifest.patches[0].spec.key == "sha2-v0-10-9");
  BOOST_TEST(manifest.patches[0].spec.crate == "sha2");
  BOOST_TEST(manifest.patches[0].spec.line == 8u);
  BOOST_TEST(manifest.patches[1].spec.crate == "substrate-bn");
  BOOST_TEST((manifest.patches[1].spec.ref == GitRef{RefKind::kBranch, "patch-v1.0.1"}));
  BOOST_TEST(manifest.patches[2].spec.crate == "k256");
  BOOST_TEST(manifest.patches[3].table_normalized == "https://github.com/lambdaclass/bls12_381");
  BOOST_TEST((manifest.patches[3].spec.ref.kind == RefKind::kRev));
  BOOST_TEST(manifest.first_patch_header_line == 7u);
  BOOST_TEST(manifest.find_dependency("sp1-zkvm")->version_req == "=5.0.8");
}

BOOST_AUTO_TEST_CASE(invalid_toml_is_an_input_error_with_line_and_column) {
  try {
    parse_manifest("[package]\nname = \"g\"\n[patch.crates-io]\nsha2 = { git = }\n", "bad/Cargo.toml");
    BOOST_FAIL("no error");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().file == "bad/Cargo.toml");
    BOOST_TEST(error.where().line == 4u);
    BOOST_TEST(error.where().column > 0u);
  }
}

BOOST_AUTO_TEST_CASE(a_patch_without_source_is_rejected_like_cargo_does) {
  BOOST_CHECK_THROW(parse_manifest("[patch.crates-io]\nsha2 = { version = \"0.10\" }\n", "Cargo.toml"), InputError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lock_model)

BOOST_AUTO_TEST_CASE(three_reference_forms_resolve_to_their_package) {
  const Lockfile lock = Lockfile::parse(R"lock(version = 3

[[package]]
name = "app"
version = "0.1.0"
dependencies = [
 "k256",
 "sha2 0.9.9",
 "sha2 0.10.8 (git+https://github.com/sp1-patches/RustCrypto-hashes?tag=patch-sha2-0.10.8-sp1-4.0.0)",
]

[[package]]
name = "k256"
version = "0.13.4"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "sha2 0.10.8 (registry+https://github.com/rust-lang/crates.io-index)",
]

[[package]]
name = "sha2"
version = "0.9.9"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "sha2"
version = "0.10.8"
source = "git+https://github.com/sp1-patches/RustCrypto-hashes?tag=patch-sha2-0.10.8-sp1-4.0.0#abc"

[[package]]
name = "sha2"
version = "0.10.8"
source = "registry+https://github.com/rust-lang/crates.io-index"
)lock",
                                        "Cargo.lock");
  BOOST_TEST(lock.format_version() == 3);
  const std::vector<std::size_t> sha2 = lock.find("sha2");
  BOOST_TEST_REQUIRE(sha2.size() == 3u);
  BOOST_TEST(lock.dependents(sha2[0]).size() == 1u);                            // 0.9.9 <- app
  BOOST_TEST(lock.packages()[lock.dependents(sha2[1]).front()].name == "app");  // git 0.10.8 <- app
  BOOST_TEST(lock.packages()[lock.dependents(sha2[2]).front()].name == "k256");  // registry 0.10.8 <- k256
  BOOST_TEST(lock.packages()[3].line == 25u);
}

BOOST_AUTO_TEST_CASE(damaged_locks_are_input_errors) {
  const std::string base = "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"gone\",\n]\n";
  BOOST_CHECK_THROW(Lockfile::parse(base, "Cargo.lock"), InputError);                   // names no package
  BOOST_CHECK_THROW(Lockfile::parse("version = 4\n\n[[package]]\nname = \"app\n", "Cargo.lock"), InputError);  // truncated
  BOOST_CHECK_THROW(Lockfile::parse("version = 9\n\n[[package]]\nname = \"a\"\nversion = \"1\"\n", "Cargo.lock"), InputError);
  BOOST_CHECK_THROW(Lockfile::parse("# empty\n", "Cargo.lock"), InputError);
  try {
    Lockfile::parse("version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\n", "x/Cargo.lock");
    BOOST_FAIL("no error");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().line == 5u);
    BOOST_TEST(error.where().column > 0u);
  }
}

// The canonical fast path and the TOML parser must read every real lock identically.
BOOST_AUTO_TEST_CASE(fast_path_equals_toml_parser_on_every_corpus_lock, *zkgate::test::needs_corpus()) {
  std::size_t locks = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(zkgate::test::corpus_dir())) {
    if (entry.path().filename() != "Cargo.lock") continue;
    ++locks;
    BOOST_TEST_CONTEXT(entry.path().string()) {
      const std::string text = zkgate::util::read_file(entry.path());
      const std::optional<RawLock> fast = scan_canonical_lock(text);
      BOOST_TEST_REQUIRE(fast.has_value());
      const RawLock slow = parse_lock_toml(text, entry.path().string());
      BOOST_TEST(fast->format_version == slow.format_version);
      BOOST_TEST_REQUIRE(fast->packages.size() == slow.packages.size());
      for (std::size_t i = 0; i < slow.packages.size(); ++i) {
        const LockPackage& a = fast->packages[i];
        const LockPackage& b = slow.packages[i];
        BOOST_TEST((a.name == b.name && a.version == b.version && a.source->raw == b.source->raw && a.line == b.line), a.name);
        BOOST_TEST((a.dependencies == b.dependencies), a.name);
      }
      BOOST_TEST_REQUIRE(fast->unused.size() == slow.unused.size());
      for (std::size_t i = 0; i < slow.unused.size(); ++i) {
        BOOST_TEST(fast->unused[i].name == slow.unused[i].name);
        BOOST_TEST(fast->unused[i].source.raw == slow.unused[i].source.raw);
        BOOST_TEST(fast->unused[i].line == slow.unused[i].line);
      }
    }
  }
  BOOST_TEST(locks >= 20u);
}

BOOST_AUTO_TEST_CASE(hand_edited_layouts_take_the_toml_path) {
  BOOST_TEST(!scan_canonical_lock("[[package]]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"b\"]\n").has_value());
  BOOST_TEST(!scan_canonical_lock("[[package]]\nname = 'a'\nversion = \"1\"\n").has_value());
  BOOST_TEST(!scan_canonical_lock("[metadata]\n\"checksum a 1\" = \"x\"\n").has_value());
}

// Found by fuzz_cargo_lock: a bare CR inside a quoted value is invalid TOML that the fast path
// used to accept. CRLF line endings still take the fast path.
BOOST_AUTO_TEST_CASE(a_bare_carriage_return_takes_the_toml_path) {
  const std::string lock = "version = 3\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n";
  BOOST_TEST(scan_canonical_lock(lock).has_value());
  std::string crlf;
  for (const char c : lock) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  BOOST_TEST(scan_canonical_lock(crlf).has_value());
  std::string bare_cr = lock;
  bare_cr.replace(bare_cr.find("1.0.0"), 1, "1\r");
  BOOST_TEST(!scan_canonical_lock(bare_cr).has_value());
  BOOST_CHECK_THROW(parse_lock_toml(bare_cr, "Cargo.lock"), InputError);
}

BOOST_AUTO_TEST_SUITE_END()
