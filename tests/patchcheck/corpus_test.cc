// Acceptance over the real ethrex and tokamak-ethrex guests in ../shared/corpus: every
// expectation below is transcribed from the ground truth in shared/corpus/README.md.

// GCC 12 at -O2 warns inside boost::function when it copies the empty needs_corpus()
// functor (a false positive in Boost 1.74's function_template.hpp).
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <boost/test/unit_test.hpp>

#include "audit_helpers.h"
#include "test_support.h"

namespace fs = std::filesystem;
using zkgate::patchcheck::AuditResult;
using zkgate::patchcheck::Finding;
using zkgate::patchcheck::Severity;
using namespace zkgate::patchcheck::test;
using zkgate::test::corpus_dir;
using zkgate::test::needs_corpus;

namespace {

using CrateSet = std::set<std::string>;

// Every guest folder ("ethrex/e8f2e60d799b/sp1", "tokamak-ethrex/6aa5949a3c41/sp1-zk-dex").
std::vector<std::string> corpus_guests() {
  std::vector<std::string> guests;
  for (const char* project : {"ethrex", "tokamak-ethrex"}) {
    for (const fs::directory_entry& commit : fs::directory_iterator(corpus_dir() / project)) {
      for (const fs::directory_entry& guest : fs::directory_iterator(commit.path())) {
        if (fs::exists(guest.path() / "Cargo.toml")) guests.push_back(fs::relative(guest.path(), corpus_dir()).generic_string());
      }
    }
  }
  std::sort(guests.begin(), guests.end());
  return guests;
}

AuditResult audit_guest(const std::string& guest) { return audit_paths({(corpus_dir() / guest).string()}); }

// shared/corpus/README.md, "[[patch.unused]] present" (name -> version).
const std::map<std::string, std::map<std::string, std::string>>& unused_truth() {
  static const std::map<std::string, std::map<std::string, std::string>> truth = {
      {"ethrex/93a7b16d600a/zisk", {{"substrate-bn", "0.6.0"}}},
      {"ethrex/93a7b16d600a/sp1", {{"substrate-bn", "0.6.0"}}},
      {"ethrex/93a7b16d600a/risc0", {{"substrate-bn", "0.6.0"}}},
      {"ethrex/435dd7fe41a6/sp1", {{"curve25519-dalek", "4.1.3"}, {"curve25519-dalek-ng", "4.1.1"}, {"rsa", "0.9.6"}, {"substrate-bn", "0.6.0"}}},
      {"ethrex/435dd7fe41a6/risc0", {{"ed25519-dalek", "2.1.1"}, {"rsa", "0.9.6"}}},
      {"ethrex/1189f2f34bde/sp1", {{"bls12_381", "0.8.0"}, {"curve25519-dalek", "4.1.3"}, {"curve25519-dalek-ng", "4.1.1"}, {"rsa", "0.9.6"}}},
      {"ethrex/8c90eaf4d8a1/pico", {{"substrate-bn", "0.6.0"}, {"sha2", "0.10.8"}}},
      {"tokamak-ethrex/6aa5949a3c41/sp1-zk-dex", {{"secp256k1", "0.30.0"}, {"substrate-bn", "0.6.0"}}},
  };
  return truth;
}

// "Crypto crate resolved from a git source and from crates.io": crate -> the dependents
// of the native copies, where the README names them (empty set = not named there).
const std::map<std::string, std::map<std::string, CrateSet>>& double_truth() {
  static const std::map<std::string, std::map<std::string, CrateSet>> truth = {
      {"ethrex/1189f2f34bde/sp1",
       {{"k256", {"alloy-eip7702", "alloy-primitives", "ethrex-blockchain", "ethrex-common", "ethrex-levm", "revm-precompile"}},
        {"ecdsa", {"k256"}},
        {"rfc6979", {}}}},
      {"ethrex/a8d2ec410a62/sp1", {{"sha2", {"libsecp256k1"}}}},
      {"ethrex/8c90eaf4d8a1/pico", {{"bls12_381", {"ethrex-levm", "jubjub", "zkhash"}}}},
      {"ethrex/e8f2e60d799b/openvm",
       {{"k256", {"ethrex-common", "ethrex-guest-program", "ethrex-l2-common"}}, {"bls12_381", {"ethrex-crypto", "openvm-kzg"}}}},
      {"ethrex/93a7b16d600a/openvm", {{"k256", {"ethrex-common", "ethrex-l2-common"}}, {"bls12_381", {}}}},
      {"ethrex/4a1903d83eac/openvm", {{"k256", {"ethrex-common", "ethrex-l2-common", "ethrex-levm"}}, {"bls12_381", {}}}},
      {"tokamak-ethrex/6aa5949a3c41/sp1-zk-dex", {{"bls12_381", {"jubjub", "zkhash"}}}},
  };
  return truth;
}

// Commented-out patch lines (by crate) and whether a `# [patch...]` header is commented too.
struct CommentedTruth {
  CrateSet crates;
  bool header = false;
};

const std::map<std::string, CommentedTruth>& commented_truth() {
  static const std::map<std::string, CommentedTruth> truth = {
      {"ethrex/e8f2e60d799b/risc0", {{"tiny-keccak", "bls12_381"}, true}},
      {"ethrex/435dd7fe41a6/risc0", {{"tiny-keccak", "blst", "p256", "substrate-bn", "bls12_381"}, true}},
      {"ethrex/1189f2f34bde/sp1", {{"k256", "ecdsa"}, false}},
      {"ethrex/1189f2f34bde/risc0", {{"ed25519-dalek"}, false}},
      {"ethrex/2cc281eac583/openvm", {{"secp256k1"}, false}},
      {"ethrex/a8d2ec410a62/pico", {{}, false}},  // `#alloy-rpc-types-engine` sits in [dependencies]
  };
  return truth;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus_ground_truth, *needs_corpus())

BOOST_AUTO_TEST_CASE(every_guest_is_found_with_the_zkvm_of_its_folder) {
  const std::vector<std::string> guests = corpus_guests();
  BOOST_TEST(guests.size() >= 30u);
  for (const std::string& guest : guests) {
    BOOST_TEST_CONTEXT(guest) {
      const AuditResult result = audit_guest(guest);
      BOOST_TEST_REQUIRE(result.guests.size() == 1u);
      const std::string folder = fs::path(guest).filename().string();
      const std::string expected = folder == "sp1-zk-dex" ? "sp1" : folder;
      BOOST_TEST(result.guests.front().guest.zkvm == expected);
      BOOST_TEST(result.guests.front().guest.lock.has_value() == fs::exists(corpus_dir() / guest / "Cargo.lock"));
    }
  }
}

BOOST_AUTO_TEST_CASE(every_patch_unused_entry_is_reported_and_no_other) {
  for (const std::string& guest : corpus_guests()) {
    BOOST_TEST_CONTEXT(guest) {
      const AuditResult result = audit_guest(guest);
      const auto truth = unused_truth().find(guest);
      CrateSet expected;
      if (truth != unused_truth().end()) {
        for (const auto& [name, version] : truth->second) expected.insert(name);
      }
      BOOST_TEST(crates_with_id(result, "patch-unused") == expected, boost::test_tools::per_element());
      for (const Finding& finding : with_id(result, "patch-unused")) {
        BOOST_TEST(finding.severity == Severity::kError);
        if (truth != unused_truth().end()) {
          BOOST_TEST(finding.message.find(" " + truth->second.at(finding.crate) + " ") != std::string::npos, finding.message);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_double_resolution_is_reported_with_its_dependents) {
  for (const std::string& guest : corpus_guests()) {
    BOOST_TEST_CONTEXT(guest) {
      const AuditResult result = audit_guest(guest);
      const auto truth = double_truth().find(guest);
      CrateSet expected;
      if (truth != double_truth().end()) {
        for (const auto& [crate, dependents] : truth->second) expected.insert(crate);
      }
      BOOST_TEST(crates_with_id(result, "double-resolution") == expected, boost::test_tools::per_element());
      if (truth == double_truth().end()) continue;
      for (const Finding& finding : with_id(result, "double-resolution")) {
        const CrateSet& dependents = truth->second.at(finding.crate);
        if (dependents.empty()) continue;
        const CrateSet reported(finding.dependents.begin(), finding.dependents.end());
        BOOST_TEST_CONTEXT(finding.crate) { BOOST_TEST(reported == dependents, boost::test_tools::per_element()); }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_patched_crate_with_a_native_copy_is_an_error) {
  const AuditResult result = audit_guest("ethrex/1189f2f34bde/sp1");
  for (const Finding& finding : with_id(result, "double-resolution")) BOOST_TEST(finding.severity == Severity::kError);
  // openvm's bls12_381: lambdaclass git and crates.io, neither accelerated -> a warning.
  const AuditResult openvm = audit_guest("ethrex/e8f2e60d799b/openvm");
  for (const Finding& finding : with_id(openvm, "double-resolution")) {
    BOOST_TEST_CONTEXT(finding.crate) {
      BOOST_TEST((finding.severity == (finding.crate == "k256" ? Severity::kError : Severity::kWarning)));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_tokamak_lock_is_stale_and_no_ethrex_lock_is) {
  for (const std::string& guest : corpus_guests()) {
    BOOST_TEST_CONTEXT(guest) {
      const AuditResult result = audit_guest(guest);
      const CrateSet stale = crates_with_id(result, "lock-stale");
      if (guest.rfind("tokamak-ethrex/", 0) == 0) {
        for (const char* crate : {"sha2", "sha3", "k256", "p256", "ecdsa", "crypto-bigint", "rfc6979", "bls12_381"}) {
          BOOST_TEST(stale.count(crate) == 1u, crate);
        }
        BOOST_TEST(stale.count("tiny-keccak") == 0u);  // declared in the manifest
      } else {
        BOOST_TEST(stale.empty(), "unexpected lock-stale for " << (stale.empty() ? "" : *stale.begin()));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(commented_out_patch_lines_are_reported_as_info) {
  for (const auto& [guest, truth] : commented_truth()) {
    BOOST_TEST_CONTEXT(guest) {
      const AuditResult result = audit_guest(guest);
      CrateSet crates;
      bool header = false;
      for (const Finding& finding : with_id(result, "patch-commented-out")) {
        BOOST_TEST(finding.severity == Severity::kInfo);
        BOOST_TEST(finding.line > 0u);
        if (finding.crate.empty()) header = true;
        else crates.insert(finding.crate);
      }
      BOOST_TEST(crates == truth.crates, boost::test_tools::per_element());
      BOOST_TEST(header == truth.header);
    }
  }
}

BOOST_AUTO_TEST_CASE(mixed_sp1_tags_on_sdk_5_are_not_findings) {
  for (const std::string& guest : corpus_guests()) {
    BOOST_TEST_CONTEXT(guest) {
      const AuditResult result = audit_guest(guest);
      BOOST_TEST(with_id(result, "sdk-version-mismatch").empty());
      BOOST_TEST(with_id(result, "tag-unparsable").empty());
    }
  }
  // The newest main guest mixes -sp1-4.0.0, -4.1.0 and -5.0.0 tags on sp1-zkvm =5.0.8 and
  // has no error-level finding at all.
  const AuditResult latest = audit_guest("ethrex/e8f2e60d799b/sp1");
  BOOST_TEST(latest.guests.front().guest.sdk_version == "5.0.8");
  for (const Finding& finding : latest.findings) BOOST_TEST(finding.severity != Severity::kError, finding.id << ": " << finding.message);
}

BOOST_AUTO_TEST_CASE(documented_gaps_are_accepted_exceptions_not_passes) {
  // RISC0 keccak (tiny-keccak patch commented out) and SP1 BN254 ECADD.
  const AuditResult risc0 = audit_guest("ethrex/e8f2e60d799b/risc0");
  BOOST_TEST(crates_with_id(risc0, "accepted-exception").count("tiny-keccak") == 1u);
  const AuditResult sp1 = audit_guest("ethrex/e8f2e60d799b/sp1");
  bool ecadd = false;
  for (const Finding& finding : with_id(sp1, "accepted-exception")) ecadd = ecadd || finding.message.rfind("bn254_add", 0) == 0;
  BOOST_TEST(ecadd);
}

BOOST_AUTO_TEST_CASE(commented_out_k256_patch_is_a_missing_patch) {
  // 1189f2f34bde/sp1: k256/ecdsa patches commented out "do not compile currently".
  const AuditResult result = audit_guest("ethrex/1189f2f34bde/sp1");
  bool k256 = false;
  for (const Finding& finding : with_id(result, "patch-missing")) {
    if (finding.crate != "k256") continue;
    k256 = true;
    BOOST_TEST(finding.line == 34u);  // the commented-out line
    BOOST_TEST(finding.severity == Severity::kError);
  }
  BOOST_TEST(k256);
}

BOOST_AUTO_TEST_CASE(default_globs_find_the_three_ethrex_layouts) {
  zkgate::test::TempDir root;
  const std::vector<std::pair<std::string, std::string>> layouts = {
      {"crates/l2/prover/zkvm/interface/sp1", "ethrex/1189f2f34bde/sp1"},
      {"crates/l2/prover/src/guest_program/src/risc0", "ethrex/4a1903d83eac/risc0"},
      {"crates/l2/prover/src/guest_program/sp1", "ethrex/a7f91794fafb/sp1"},
      {"crates/guest-program/bin/zisk", "ethrex/e8f2e60d799b/zisk"},
  };
  for (const auto& [layout, source] : layouts) {
    fs::create_directories(root.path / layout);
    fs::copy_file(corpus_dir() / source / "Cargo.toml", root.path / layout / "Cargo.toml");
  }
  // A non-guest manifest the guest_program glob also matches is skipped, not an error.
  fs::create_directories(root.path / "crates/l2/prover/src/guest_program");
  std::ofstream(root.path / "crates/l2/prover/src/guest_program/Cargo.toml") << "[package]\nname = \"guest_program\"\n";
  const zkgate::patchcheck::Discovery discovery = zkgate::patchcheck::discover_guests({root.path.string()}, {}, default_matrix());
  BOOST_TEST(discovery.guests.size() == layouts.size());
  BOOST_TEST(discovery.skipped.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
