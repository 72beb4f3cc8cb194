// Patch sources: where each patch comes from and how it is pinned.
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "patchcheck/checks.h"
#include "util/bounded_regex.h"

namespace zkgate::patchcheck {
namespace {

struct MajorMinor {
  int major = 0;
  int minor = 0;
};

std::optional<MajorMinor> parse_major_minor(std::string_view version) {
  MajorMinor out;
  const char* end = version.data() + version.size();
  std::from_chars_result parsed = std::from_chars(version.data(), end, out.major);
  if (parsed.ec != std::errc()) return std::nullopt;
  if (parsed.ptr == end || *parsed.ptr != '.') return out;
  parsed = std::from_chars(parsed.ptr + 1, end, out.minor);
  if (parsed.ec != std::errc()) return std::nullopt;
  return out;
}

std::vector<std::string> tag_tokens(std::string_view tag) {
  std::vector<std::string> tokens;
  std::string current;
  for (const char c : tag) {
    if (c == '-' || c == '/' || c == '.' || c == '_') {
      if (!current.empty()) tokens.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) tokens.push_back(current);
  return tokens;
}

bool has_marker(const std::vector<std::string>& tokens, const std::vector<std::string>& markers) {
  for (const std::string& marker : markers) {
    if (std::find(tokens.begin(), tokens.end(), marker) != tokens.end()) return true;
  }
  return false;
}

void check_trust(const Resolution& resolution, const CryptoMatrix& matrix, const PatchEntry& entry, std::vector<Finding>& findings) {
  if (resolution.is_trusted_repo(entry.spec.git_normalized)) return;
  const Guest& guest = resolution.guest();
  const std::string org = org_of(entry.spec.git_normalized);
  std::string other;
  for (const ZkvmSpec& spec : matrix.zkvms()) {
    if (spec.id == guest.zkvm) continue;
    if (std::find(spec.trusted_orgs.begin(), spec.trusted_orgs.end(), org) != spec.trusted_orgs.end()) other = spec.id;
  }
  std::string trusted;
  for (const std::string& name : resolution.zkvm().trusted_orgs) trusted += (trusted.empty() ? "" : ", ") + name;
  Finding finding = make_finding(guest, "untrusted-source", Severity::kWarning, guest.manifest_path, entry.spec.line);
  finding.crate = entry.spec.crate;
  finding.message = fmt::format("patch {} comes from {}, not a trusted {} org ({}) nor a repo the matrix lists{}", entry.spec.key,
                                short_repo(entry.spec.git_normalized), guest.zkvm, trusted,
                                other.empty() ? "" : fmt::format("; {} publishes {} patches", org, other));
  finding.hint = "use the zkVM's own patch repo, or add the repo to the matrix (--matrix) after reviewing it";
  findings.push_back(std::move(finding));
}

void check_version_rule(const Resolution& resolution, const PatchEntry& entry, const std::string& tag_version,
                        std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  const SdkVersionRule& rule = resolution.zkvm().sdk_version_rule;
  if (rule.compare == SdkVersionRule::Compare::kNone || guest.sdk_version.empty()) return;
  const std::optional<MajorMinor> tag = parse_major_minor(tag_version);
  const std::optional<MajorMinor> sdk = parse_major_minor(guest.sdk_version);
  if (!tag || !sdk) return;
  bool ok = true;
  std::string rule_text;
  if (rule.compare == SdkVersionRule::Compare::kMajorMinor) {
    ok = tag->major == sdk->major && tag->minor == sdk->minor;
    rule_text = "major.minor must equal the SDK's";
  } else {
    ok = tag->major <= sdk->major && tag->major >= sdk->major - rule.allow_older_majors;
    rule_text = rule.allow_older_majors == 0 ? "the major version must equal the SDK's"
                                             : fmt::format("the major version may trail the SDK's by at most {}", rule.allow_older_majors);
  }
  if (ok) return;
  Finding finding = make_finding(guest, "sdk-version-mismatch", rule.severity, guest.manifest_path, entry.spec.line);
  finding.crate = entry.spec.crate;
  finding.message = fmt::format("patch {} tag {} is built for {} {}, but the guest's SDK is {} (line {}): {}", entry.spec.key,
                                entry.spec.ref.value, guest.zkvm, tag_version, guest.sdk_version, guest.sdk_line, rule_text);
  finding.hint = fmt::format("use the tag of this patch built for {} {}.{}", guest.zkvm, sdk->major, sdk->minor);
  findings.push_back(std::move(finding));
}

void check_tag(const Resolution& resolution, const CryptoMatrix& matrix, const PatchEntry& entry, std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  const ZkvmSpec& zkvm = resolution.zkvm();
  const std::string& tag = entry.spec.ref.value;
  const std::vector<std::string> tokens = tag_tokens(tag);
  if (!has_marker(tokens, zkvm.tag_markers)) {
    for (const ZkvmSpec& other : matrix.zkvms()) {
      if (other.id == zkvm.id || !has_marker(tokens, other.tag_markers)) continue;
      Finding finding = make_finding(guest, "tag-wrong-zkvm", Severity::kWarning, guest.manifest_path, entry.spec.line);
      finding.crate = entry.spec.crate;
      finding.message = fmt::format("patch {} tag {} is a {} tag, but this is a {} guest", entry.spec.key, tag, other.id, guest.zkvm);
      finding.hint = fmt::format("a patch built for {} calls its syscalls; use the {} patch for this crate", other.id, guest.zkvm);
      findings.push_back(std::move(finding));
      return;
    }
  }
  if (zkvm.tag_grammars.empty()) return;
  for (const TagGrammar& grammar : zkvm.tag_grammars) {
    std::smatch match;
    // A tag too long to match is reported as unparsable below.
    if (!util::regex_match_bounded(tag, match, grammar.regex).value_or(false)) continue;
    const std::size_t version_group = grammar.group_index("zkvm_version");
    if (version_group != 0 && match[version_group].matched) check_version_rule(resolution, entry, match[version_group].str(), findings);
    return;
  }
  Finding finding = make_finding(guest, "tag-unparsable", Severity::kWarning, guest.manifest_path, entry.spec.line);
  finding.crate = entry.spec.crate;
  finding.message = fmt::format("patch {} tag {} matches none of the {} tag grammars", entry.spec.key, tag, guest.zkvm);
  finding.hint = fmt::format("expected e.g. {} (grammar at {}); a misspelt tag may not be the release you reviewed", 
                             zkvm.tag_grammars.front().pattern, zkvm.tag_grammars.front().where.to_string());
  findings.push_back(std::move(finding));
}

}  // namespace

void check_patch_sources(const Resolution& resolution, const CryptoMatrix& matrix, std::vector<Finding>& findings) {
  const Guest& guest = resolution.guest();
  for (const PatchEntry& entry : guest.manifest.patches) {
    if (entry.spec.git.empty()) continue;  // path patches are local code
    check_trust(resolution, matrix, entry, findings);
    if (entry.spec.ref.kind == RefKind::kBranch || entry.spec.ref.kind == RefKind::kNone) {
      Finding finding = make_finding(guest, "unpinned", Severity::kWarning, guest.manifest_path, entry.spec.line);
      finding.crate = entry.spec.crate;
      finding.message = entry.spec.ref.kind == RefKind::kBranch
                            ? fmt::format("patch {} follows branch {}: every `cargo update` may pull different code", entry.spec.key,
                                          entry.spec.ref.value)
                            : fmt::format("patch {} has no tag, branch or rev: it follows the default branch", entry.spec.key);
      finding.hint = "pin a release tag (or a rev) so the proven code is reproducible";
      findings.push_back(std::move(finding));
      continue;
    }
    if (entry.spec.ref.kind == RefKind::kTag) check_tag(resolution, matrix, entry, findings);
  }
}

}  // namespace zkgate::patchcheck
