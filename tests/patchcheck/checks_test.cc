// Every finding id on a small fixture written for it (tests/fixtures/patchcheck/).
#include <algorithm>
#include <string>

#include <boost/test/unit_test.hpp>

#include "audit_helpers.h"
#include "patchcheck/report.h"
#include "test_support.h"

using zkgate::patchcheck::AuditResult;
using zkgate::patchcheck::Finding;
using zkgate::patchcheck::Severity;
using namespace zkgate::patchcheck::test;

namespace {

std::string fixture(const std::string& name) { return (zkgate::test::fixtures_dir() / "patchcheck" / name).string(); }

AuditResult audit_fixture(const std::string& name) { return audit_paths({fixture(name)}); }

const Finding& only(const AuditResult& result, const std::string& id, const std::string& crate) {
  static const Finding none;
  for (const Finding& finding : result.findings) {
    if (finding.id == id && finding.crate == crate) return finding;
  }
  BOOST_ERROR("no " << id << " finding for " << crate);
  return none;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)

BOOST_AUTO_TEST_CASE(clean_guest_has_no_findings) {
  const AuditResult result = audit_fixture("clean");
  BOOST_TEST_REQUIRE(result.guests.size() == 1u);
  BOOST_TEST(result.findings.empty());
  BOOST_TEST(result.guests.front().guest.sdk_version == "0.15.0");
}

BOOST_AUTO_TEST_CASE(patch_missing_names_the_native_dependents) {
  const AuditResult result = audit_fixture("patch-missing");
  const Finding& finding = only(result, "patch-missing", "k256");
  BOOST_TEST(finding.severity == Severity::kError);
  BOOST_TEST(finding.dependents == std::vector<std::string>{"fixture-patch-missing"}, boost::test_tools::per_element());
  BOOST_TEST(finding.message.find("ecrecover") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(patch_unused_points_at_the_manifest_entry) {
  const AuditResult result = audit_fixture("patch-unused");
  const Finding& finding = only(result, "patch-unused", "sha2");
  BOOST_TEST(finding.severity == Severity::kError);
  BOOST_TEST(finding.line == 13u);  // the sha2-v0-10-8 = { package = "sha2" } line
  BOOST_TEST(finding.message.find("0.10.8") != std::string::npos);
  BOOST_TEST(finding.message.find("0.10.9 crates.io") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(double_resolution_in_another_semver_series) {
  const AuditResult result = audit_fixture("double-resolution");
  const Finding& finding = only(result, "double-resolution", "sha2");
  BOOST_TEST(finding.severity == Severity::kError);
  BOOST_TEST(finding.dependents == std::vector<std::string>{"libsecp256k1"}, boost::test_tools::per_element());
  BOOST_TEST(finding.hint.find("0.9 series") != std::string::npos, finding.hint);
}

BOOST_AUTO_TEST_CASE(lock_stale_in_all_three_forms) {
  const AuditResult result = audit_fixture("lock-stale");
  const Finding& ref = only(result, "lock-stale", "tiny-keccak");
  BOOST_TEST(ref.message.find("patch-2.0.2-sp1-3.0.0") != std::string::npos, ref.message);
  BOOST_TEST(ref.file.find("Cargo.toml") != std::string::npos);
  const Finding& absent = only(result, "lock-stale", "sha3");
  BOOST_TEST(absent.message.find("neither resolved nor listed as unused") != std::string::npos);
  const Finding& undeclared = only(result, "lock-stale", "k256");
  BOOST_TEST(undeclared.file.find("Cargo.lock") != std::string::npos);
  BOOST_TEST(undeclared.dependents == std::vector<std::string>{"alloy-primitives"}, boost::test_tools::per_element());
  BOOST_TEST(with_id(result, "lock-stale").size() == 3u);
}

BOOST_AUTO_TEST_CASE(source_checks) {
  const AuditResult result = audit_fixture("sources");
  BOOST_TEST(only(result, "untrusted-source", "sha2").severity == Severity::kWarning);
  BOOST_TEST(only(result, "unpinned", "sha3").severity == Severity::kWarning);
  BOOST_TEST(only(result, "tag-unparsable", "k256").severity == Severity::kWarning);
  const Finding& mismatch = only(result, "sdk-version-mismatch", "tiny-keccak");
  BOOST_TEST(mismatch.severity == Severity::kError);  // ZisK: major.minor must match
  BOOST_TEST(mismatch.message.find("0.14.0") != std::string::npos);
  BOOST_TEST(crates_with_id(result, "untrusted-source") == std::set<std::string>{"sha2"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sp1_allows_one_major_behind_and_nothing_older) {
  const AuditResult result = audit_fixture("sp1-versions");
  const std::vector<Finding> mismatches = with_id(result, "sdk-version-mismatch");
  BOOST_TEST_REQUIRE(mismatches.size() == 1u);
  BOOST_TEST(mismatches.front().crate == "sha3");
  BOOST_TEST(mismatches.front().severity == Severity::kWarning);
}

BOOST_AUTO_TEST_CASE(risc0_tags_percent_encoding_exceptions_and_foreign_tags) {
  const AuditResult result = audit_fixture("risc0");
  // k256/v0.13.4-risczero.1 is k256%2Fv0.13.4-risczero.1 in the lock: not stale.
  BOOST_TEST(with_id(result, "lock-stale").empty());
  BOOST_TEST(only(result, "tag-wrong-zkvm", "sha2").severity == Severity::kWarning);
  const Finding& exception = only(result, "accepted-exception", "tiny-keccak");
  BOOST_TEST(exception.severity == Severity::kInfo);
  BOOST_TEST(exception.message.find("unstable") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_cells_are_unverified_warnings) {
  const AuditResult result = audit_fixture("unverified");
  BOOST_TEST(only(result, "unverified", "bls12_381").severity == Severity::kWarning);
  // p256 is not in this guest's graph: no exception noise for it.
  BOOST_TEST(crates_with_id(result, "accepted-exception").count("p256") == 0u);
}

BOOST_AUTO_TEST_CASE(commented_out_lines_and_headers_without_a_lock) {
  const AuditResult result = audit_fixture("commented");
  BOOST_TEST(crates_with_id(result, "patch-commented-out") == (std::set<std::string>{"", "k256", "ecdsa", "bls12_381"}),
             boost::test_tools::per_element());
  std::vector<std::size_t> lines;
  for (const Finding& finding : with_id(result, "patch-commented-out")) lines.push_back(finding.line);
  std::sort(lines.begin(), lines.end());
  BOOST_TEST(lines == (std::vector<std::size_t>{14, 15, 16, 17}), boost::test_tools::per_element());
  BOOST_TEST(with_id(result, "lock-missing").size() == 1u);
  // Without a lock every required patch that is not declared is reported.
  BOOST_TEST(crates_with_id(result, "patch-missing").count("k256") == 1u);
  BOOST_TEST(only(result, "patch-missing", "k256").line == 14u);
}

BOOST_AUTO_TEST_CASE(path_patches_and_v1_locks) {
  const AuditResult result = audit_fixture("path-patch");
  BOOST_TEST(with_id(result, "lock-stale").empty());
  BOOST_TEST(with_id(result, "patch-unused").empty());
  BOOST_TEST(with_id(result, "unpinned").empty());
  BOOST_TEST(result.guests.front().guest.lock->format_version() == 0);
}

BOOST_AUTO_TEST_CASE(markdown_json_and_github_outputs_carry_the_findings) {
  const AuditResult result = audit_fixture("patch-unused");
  const std::string markdown = zkgate::patchcheck::render_markdown(result);
  BOOST_TEST(markdown.find("patch-unused") != std::string::npos);
  BOOST_TEST(markdown.find("| sha256 |") != std::string::npos);
  BOOST_TEST(markdown.find("\u274c") != std::string::npos);
  const std::string github = zkgate::patchcheck::render_github(result);
  BOOST_TEST(github.find("::error file=") != std::string::npos);
  BOOST_TEST(github.find(",line=13,title=patchcheck patch-unused::") != std::string::npos, github);
  const std::string json = zkgate::patchcheck::render_json(result, default_matrix(), 1, Severity::kError);
  BOOST_TEST(json.find("\"schema_version\": 1") != std::string::npos);
  BOOST_TEST(json.find("\"id\": \"patch-unused\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
