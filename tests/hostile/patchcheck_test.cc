// Hostile guest manifests and locks: what a PR can put in Cargo.toml / Cargo.lock.
#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>

#include "hostile_support.h"
#include "patchcheck/lock.h"
#include "patchcheck/manifest.h"
#include "patchcheck/matrix.h"
#include "run_binary.h"
#include "util/exit_codes.h"

namespace zkgate::test::hostile {
namespace {

namespace fs = std::filesystem;

// A ZisK guest (detected through ziskos) with one patch: 12 lines.
const char* const kGuestToml =
    "[package]\nname = \"guest\"\nversion = \"0.1.0\"\n\n[workspace]\n\n[dependencies]\n"
    "ziskos = { git = \"https://github.com/0xPolygonHermez/zisk.git\", tag = \"v0.15.0\" }\n"
    "tiny-keccak = { version = \"2.0.2\", features = [\"keccak\"] }\n\n[patch.crates-io]\n"
    "tiny-keccak = { git = \"https://github.com/0xPolygonHermez/zisk-patch-tiny-keccak/\", tag = "
    "\"patch-2.0.2-zisk-0.15.0\" }\n";

const char* const kGuestLock = "version = 3\n\n[[package]]\nname = \"guest\"\nversion = \"0.1.0\"\n";

// What a PR could link to: a file of the CI runner that must never reach a log.
const char* const kSecret = "SECRET-RUNNER-TOKEN-0123456789 = [\n";

void require_manifest_refused(std::string_view text, std::string_view expected) {
  require_input_error([&] { (void)patchcheck::parse_manifest(text, "Cargo.toml"); }, expected);
}

void require_lock_refused(std::string_view text, std::string_view expected) {
  require_input_error([&] { (void)patchcheck::Lockfile::parse(std::string(text), "Cargo.lock"); }, expected);
}

// repo/.git, repo/guest/Cargo.toml (+ Cargo.lock), and outside/secret beside the repo.
struct LinkedRepo : TempDir {
  LinkedRepo() : repo(path / "repo"), guest(path / "repo" / "guest") {
    fs::create_directories(guest);
    fs::create_directories(repo / ".git");
    fs::create_directories(path / "outside");
    write_file(guest / "Cargo.toml", kGuestToml);
    write_file(guest / "Cargo.lock", kGuestLock);
    write_file(path / "outside" / "secret", kSecret);
  }
  BinaryResult patchcheck(const std::vector<std::string>& arguments) {
    return run_binary(patchcheck_binary(), arguments, path / "output.txt");
  }
  BinaryResult search_repo() { return patchcheck({"--glob", "**/Cargo.toml", repo.string()}); }
  fs::path repo;
  fs::path guest;
};

void require_refused_without_leak(const BinaryResult& result, std::string_view file) {
  BOOST_TEST(result.exit_code == util::kExitError);
  BOOST_TEST(result.output.find(std::string(file) + ": leads outside the repository") != std::string::npos);
  BOOST_TEST(result.output.find("SECRET-RUNNER-TOKEN") == std::string::npos);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_patchcheck, *boost::unit_test::timeout(120))

BOOST_AUTO_TEST_CASE(duplicate_toml_keys_are_refused_with_their_line) {
  require_manifest_refused(std::string(kGuestToml) + "tiny-keccak = { path = \"../evil\" }\n", "Cargo.toml:13");
  require_manifest_refused("[package]\nname = \"a\"\nname = \"b\"\n", "Cargo.toml:3");
  // Canonical layout (the fast path) and hand-written TOML alike: the second value must not win.
  require_lock_refused("version = 3\n\n[[package]]\nname = \"a\"\nname = \"b\"\nversion = \"1.0.0\"\n", "Cargo.lock:5");
  require_lock_refused("version = 3\nversion = 4\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n", "Cargo.lock:2");
  require_lock_refused(
      "version = 3\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = \"registry+x\"\nsource = \"git+y\"\n",
      "Cargo.lock:7");
  require_lock_refused(std::string(kGuestLock) + "dependencies = [\n]\ndependencies = [\n]\n", "Cargo.lock:8");
}

BOOST_AUTO_TEST_CASE(deeply_nested_toml_is_refused) {
  const std::size_t depth = 100000;
  require_manifest_refused("a = " + repeat("[", depth) + repeat("]", depth) + "\n", "Cargo.toml:1");
  require_manifest_refused("a = " + repeat("{b = ", depth) + "1" + repeat("}", depth) + "\n", "Cargo.toml:1");
  require_lock_refused("version = 3\nx = " + repeat("[", depth) + repeat("]", depth) + "\n", "Cargo.lock:2");
}

BOOST_AUTO_TEST_CASE(nul_bytes_and_invalid_utf8_are_refused) {
  require_manifest_refused(std::string(kGuestToml) + std::string("x = \"a\0b\"\n", 10), "Cargo.toml:13");
  require_manifest_refused(std::string(kGuestToml) + "x = \"\xff\xfe\"\n", "Cargo.toml:13");
  // Each in the canonical layout, which the fast path must hand to the validating parser.
  require_lock_refused("version = 3\n\n[[package]]\nname = \"\xc3\x28\"\nversion = \"1.0.0\"\n", "Cargo.lock:4");
  require_lock_refused(std::string("version = 3\n\n[[package]]\nname = \"a\0\"\nversion = \"1.0.0\"\n", 50), "Cargo.lock:4");
}

BOOST_AUTO_TEST_CASE(lock_format_versions_overflowing_their_range_are_refused) {
  for (std::string_view version : {"99999999999999999999", "4294967299", "-1", "9223372036854775807"}) {
    BOOST_TEST_CONTEXT("version = " << version) {
      require_lock_refused("version = " + std::string(version) + "\n\n" + std::string(kGuestLock).substr(13), "Cargo.lock:1");
    }
  }
}

// Found by fuzz_matrix_yaml (60 s): a tag grammar without 'groups' made the error point at
// the missing node, whose yaml-cpp Mark() throws InvalidNode instead of the InputError.
BOOST_AUTO_TEST_CASE(matrix_tag_grammar_without_groups_is_refused_with_its_line) {
  const std::string matrix =
      "schema_version: 1\nzkvms:\n  zisk:\n    detect_dependencies: [ziskos]\n"
      "    trusted_orgs: ['github.com/0xPolygonHermez']\n    tag_grammars:\n"
      "      - regex: '^patch-([0-9]+)-zisk-([0-9]+)$'\n        examples: [patch-2-zisk-15]\n";
  require_input_error([&] { (void)patchcheck::CryptoMatrix::parse(matrix, "matrix.yml"); },
                      "matrix.yml:7:9: invalid crypto matrix: the regex has 2 capture groups but 'groups' names 0");
}

// Found by fuzz_matrix_yaml on its re-run: a complex key escaped as "bad conversion".
BOOST_AUTO_TEST_CASE(matrix_complex_keys_are_refused_with_their_line) {
  const std::string zkvms = "schema_version: 1\nzkvms:\n  zisk:\n    detect_dependencies: [ziskos]\n";
  require_input_error([&] { (void)patchcheck::CryptoMatrix::parse(zkvms + "operations:\n  ? [keccak256]\n  : {}\n", "matrix.yml"); },
                      "matrix.yml:6:5: invalid crypto matrix: keys in operations must be plain names");
  require_input_error([&] { (void)patchcheck::CryptoMatrix::parse(zkvms + "    ? {a: 1}: 2\noperations: {}\n", "matrix.yml"); },
                      "matrix.yml:5");
  require_input_error([&] { (void)patchcheck::CryptoMatrix::parse("? [x]\n: 1\n", "matrix.yml"); }, "matrix.yml:1");
}

// A PR can replace Cargo.lock by a link to any file of the CI runner (a key, a token):
// patchcheck must not read it, so its content can never reach a log or a report.
BOOST_FIXTURE_TEST_CASE(lock_linked_outside_the_repository_is_refused, LinkedRepo) {
  fs::remove(guest / "Cargo.lock");
  fs::create_symlink(path / "outside" / "secret", guest / "Cargo.lock");
  require_refused_without_leak(search_repo(), "guest/Cargo.lock");
  // As a pre-commit hook passes it, and as a guest folder.
  require_refused_without_leak(patchcheck({(guest / "Cargo.lock").string()}), "guest/Cargo.lock");
  require_refused_without_leak(patchcheck({guest.string()}), "guest/Cargo.lock");
  // A relative link climbing out, and a dangling one: refused too, never "no lock".
  fs::remove(guest / "Cargo.lock");
  fs::create_symlink("../../outside/secret", guest / "Cargo.lock");
  require_refused_without_leak(search_repo(), "guest/Cargo.lock");
  fs::remove(guest / "Cargo.lock");
  fs::create_symlink("../missing.lock", guest / "Cargo.lock");
  const BinaryResult dangling = search_repo();
  BOOST_TEST(dangling.exit_code == util::kExitError);
  BOOST_TEST(dangling.output.find("guest/Cargo.lock") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(manifest_linked_outside_the_repository_is_refused, LinkedRepo) {
  write_file(path / "outside" / "Cargo.toml", kGuestToml);
  fs::remove(guest / "Cargo.toml");
  fs::create_symlink(path / "outside" / "Cargo.toml", guest / "Cargo.toml");
  require_refused_without_leak(search_repo(), "guest/Cargo.toml");
  require_refused_without_leak(patchcheck({(guest / "Cargo.toml").string()}), "guest/Cargo.toml");
  require_refused_without_leak(patchcheck({guest.string()}), "guest/Cargo.toml");
}

BOOST_FIXTURE_TEST_CASE(folder_linked_outside_the_repository_is_not_searched, LinkedRepo) {
  fs::create_directories(path / "outside" / "bin" / "zisk");
  write_file(path / "outside" / "bin" / "zisk" / "Cargo.toml", kGuestToml);
  write_file(path / "outside" / "bin" / "zisk" / "Cargo.lock", kSecret);
  fs::create_directories(repo / "crates" / "guest-program");
  fs::create_symlink(path / "outside" / "bin", repo / "crates" / "guest-program" / "bin");
  require_refused_without_leak(patchcheck({repo.string()}), "crates/guest-program/bin");
}

// A tag is matched against the matrix's tag grammars with std::regex, which recursed per
// character: a 100 KB tag is reported as unparsable instead of overflowing the stack.
BOOST_FIXTURE_TEST_CASE(hundred_kilobyte_tag_is_unparsable_not_a_crash, LinkedRepo) {
  std::string toml = kGuestToml;
  const std::string tag = "patch-2.0.2-zisk-0.15.0";
  // A 100 KB crate prefix: the grammar's lazy `[a-z0-9_-]*?` recursed once per character (SIGSEGV).
  toml.replace(toml.find(tag), tag.size(), "patch-" + repeat("a", 100000) + "-2.0.2-zisk-0.15.0");
  write_file(guest / "Cargo.toml", toml);
  const BinaryResult result = patchcheck({guest.string()});
  BOOST_TEST(result.exit_code == util::kExitFail);
  BOOST_TEST(result.output.find("[tag-unparsable]") != std::string::npos);
}

// Links that stay inside the repository (a lock shared with the workspace) are followed.
BOOST_FIXTURE_TEST_CASE(links_inside_the_repository_are_followed, LinkedRepo) {
  fs::remove(guest / "Cargo.lock");
  write_file(repo / "Cargo.lock", kGuestLock);
  fs::create_symlink("../Cargo.lock", guest / "Cargo.lock");
  const BinaryResult inside = search_repo();
  BOOST_TEST(inside.output.find("outside the repository") == std::string::npos);
  BOOST_TEST(inside.exit_code != util::kExitError);
  BOOST_TEST(inside.output.find("guest/Cargo.lock") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace zkgate::test::hostile
