// Reads the crypto matrix YAML into CryptoMatrix, validating as it goes so that every
// mistake in a user's --matrix file is reported with its file:line.
#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "patchcheck/matrix.h"
#include "patchcheck/source_url.h"
#include "util/yaml_location.h"

namespace zkgate::patchcheck {

class MatrixReader {
 public:
  explicit MatrixReader(std::string origin) : origin_(std::move(origin)) {}

  CryptoMatrix read(std::string_view text);

 private:
  util::SourceLocation where(const YAML::Node& node) const;
  [[noreturn]] void fail(const YAML::Node& node, const std::string& message, std::string hint = {}) const;

  void require_map(const YAML::Node& node, std::string_view what) const;
  void check_keys(const YAML::Node& node, std::string_view what, const std::set<std::string>& known) const;
  std::string key_name(const YAML::Node& key, std::string_view what) const;
  std::string scalar(const YAML::Node& map, const std::string& key, bool required) const;
  std::vector<std::string> string_list(const YAML::Node& map, const std::string& key) const;
  void check_regexes(const YAML::Node& map, const std::string& key, const std::vector<std::string>& patterns) const;

  ZkvmSpec read_zkvm(const std::string& id, const YAML::Node& node) const;
  TagGrammar read_tag_grammar(const YAML::Node& node) const;
  SdkVersionRule read_version_rule(const YAML::Node& node) const;
  Operation read_operation(const std::string& id, const YAML::Node& node, const std::vector<ZkvmSpec>& zkvms) const;
  ZkvmCell read_cell(const std::string& zkvm, const YAML::Node& node) const;
  SupportCrate read_support_crate(const std::string& name, const YAML::Node& node, const std::vector<ZkvmSpec>& zkvms) const;

  std::string origin_;
  YAML::Node root_;
};

util::SourceLocation MatrixReader::where(const YAML::Node& node) const {
  // A missing key looked up on a const node is an invalid node, whose Mark() throws.
  if (!node.IsDefined()) return {origin_, 0, 0};
  return util::yaml_location(origin_, node.Mark());
}

void MatrixReader::fail(const YAML::Node& node, const std::string& message, std::string hint) const {
  throw util::InputError(where(node), "invalid crypto matrix: " + message, std::move(hint));
}

void MatrixReader::require_map(const YAML::Node& node, std::string_view what) const {
  if (!node.IsMap()) fail(node, fmt::format("{} must be a mapping", what));
}

// Found by fuzz_matrix_yaml: a complex key (`? [a]: 1`) escaped as yaml-cpp's "bad
// conversion" without the file name.
std::string MatrixReader::key_name(const YAML::Node& key, std::string_view what) const {
  if (!key.IsScalar()) fail(key, fmt::format("keys in {} must be plain names", what));
  return key.as<std::string>();
}

void MatrixReader::check_keys(const YAML::Node& node, std::string_view what, const std::set<std::string>& known) const {
  for (YAML::const_iterator it = node.begin(); it != node.end(); ++it) {
    const std::string key = key_name(it->first, what);
    if (known.count(key) == 0) {
      std::string names;
      for (const std::string& name : known) names += (names.empty() ? "" : ", ") + name;
      fail(it->first, fmt::format("unknown key '{}' in {}", key, what), "known keys: " + names);
    }
  }
}

std::string MatrixReader::scalar(const YAML::Node& map, const std::string& key, bool required) const {
  const YAML::Node value = map[key];
  if (!value || value.IsNull()) {
    if (required) fail(map, fmt::format("missing required key '{}'", key));
    return {};
  }
  if (!value.IsScalar()) fail(value, fmt::format("'{}' must be a single value", key));
  return value.as<std::string>();
}

std::vector<std::string> MatrixReader::string_list(const YAML::Node& map, const std::string& key) const {
  std::vector<std::string> out;
  const YAML::Node value = map[key];
  if (!value || value.IsNull()) return out;
  if (!value.IsSequence()) fail(value, fmt::format("'{}' must be a list", key));
  for (const YAML::Node& item : value) {
    if (!item.IsScalar()) fail(item, fmt::format("'{}' entries must be single values", key));
    out.push_back(item.as<std::string>());
  }
  return out;
}

void MatrixReader::check_regexes(const YAML::Node& map, const std::string& key, const std::vector<std::string>& patterns) const {
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    try {
      std::regex compiled(patterns[i], std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
      fail(map[key][i], fmt::format("'{}' is not a valid regex in {}: {}", patterns[i], key, error.what()),
           "regexes use the C++ std::regex ECMAScript grammar (no named groups, no look-behind)");
    }
  }
}

TagGrammar MatrixReader::read_tag_grammar(const YAML::Node& node) const {
  require_map(node, "a tag grammar");
  check_keys(node, "a tag grammar", {"regex", "groups", "examples", "note", "src"});
  TagGrammar grammar;
  grammar.where = where(node);
  grammar.pattern = scalar(node, "regex", true);
  grammar.groups = string_list(node, "groups");
  try {
    grammar.regex = std::regex(grammar.pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& error) {
    fail(node["regex"], fmt::format("tag regex does not compile: {}", error.what()),
         "regexes use the C++ std::regex ECMAScript grammar (no named groups, no look-behind)");
  }
  if (grammar.regex.mark_count() != grammar.groups.size()) {
    // Found by fuzz_matrix_yaml: without a 'groups' key this pointed at a missing node.
    const YAML::Node groups = node["groups"];
    fail(groups.IsDefined() ? groups : node, fmt::format("the regex has {} capture groups but 'groups' names {}",
                                                         grammar.regex.mark_count(), grammar.groups.size()));
  }
  const std::vector<std::string> examples = string_list(node, "examples");
  for (std::size_t i = 0; i < examples.size(); ++i) {
    if (!std::regex_match(examples[i], grammar.regex)) {
      fail(node["examples"][i], fmt::format("example '{}' does not match the tag regex", examples[i]));
    }
  }
  return grammar;
}

SdkVersionRule MatrixReader::read_version_rule(const YAML::Node& node) const {
  SdkVersionRule rule;
  if (!node) return rule;
  require_map(node, "sdk_version_rule");
  check_keys(node, "sdk_version_rule", {"compare", "allow_older_majors", "severity"});
  const std::string compare = scalar(node, "compare", true);
  if (compare == "none") rule.compare = SdkVersionRule::Compare::kNone;
  else if (compare == "major") rule.compare = SdkVersionRule::Compare::kMajor;
  else if (compare == "major_minor") rule.compare = SdkVersionRule::Compare::kMajorMinor;
  else fail(node["compare"], fmt::format("unknown compare '{}'", compare), "use none, major or major_minor");
  const std::string older = scalar(node, "allow_older_majors", false);
  if (!older.empty()) {
    if (older.find_first_not_of("0123456789") != std::string::npos || older.size() > 3) {
      fail(node["allow_older_majors"], "allow_older_majors must be a small non-negative integer");
    }
    rule.allow_older_majors = std::stoi(older);
  }
  const std::string severity = scalar(node, "severity", false);
  if (!severity.empty()) {
    const std::optional<Severity> parsed = parse_severity(severity);
    if (!parsed) fail(node["severity"], fmt::format("unknown severity '{}'", severity), "use info, warning or error");
    rule.severity = *parsed;
  }
  return rule;
}

ZkvmSpec MatrixReader::read_zkvm(const std::string& id, const YAML::Node& node) const {
  require_map(node, fmt::format("zkvms.{}", id));
  check_keys(node, fmt::format("zkvms.{}", id),
             {"detect_dependencies", "trusted_orgs", "tag_markers", "tag_grammars", "sdk_version_rule",
              "precompile_opcodes", "note", "src"});
  ZkvmSpec spec;
  spec.id = id;
  spec.where = where(node);
  spec.detect_dependencies = string_list(node, "detect_dependencies");
  if (spec.detect_dependencies.empty()) fail(node, fmt::format("zkvms.{} needs detect_dependencies", id));
  for (const std::string& org : string_list(node, "trusted_orgs")) {
    if (org.find('/') == std::string::npos || org.find("://") != std::string::npos) {
      fail(node["trusted_orgs"], fmt::format("trusted org '{}' must look like host/org", org), "e.g. github.com/sp1-patches");
    }
    spec.trusted_orgs.push_back(normalize_git_url(org));
  }
  spec.tag_markers = string_list(node, "tag_markers");
  const YAML::Node grammars = node["tag_grammars"];
  if (grammars) {
    if (!grammars.IsSequence()) fail(grammars, "tag_grammars must be a list");
    for (const YAML::Node& grammar : grammars) spec.tag_grammars.push_back(read_tag_grammar(grammar));
  }
  spec.sdk_version_rule = read_version_rule(node["sdk_version_rule"]);
  if (spec.sdk_version_rule.compare != SdkVersionRule::Compare::kNone) {
    const bool has_version_group = std::any_of(spec.tag_grammars.begin(), spec.tag_grammars.end(),
                                               [](const TagGrammar& g) { return g.group_index("zkvm_version") != 0; });
    if (!has_version_group) {
      fail(node["sdk_version_rule"], "sdk_version_rule needs a tag grammar with a 'zkvm_version' group");
    }
  }
  spec.precompile_opcodes = string_list(node, "precompile_opcodes");
  return spec;
}

ZkvmCell MatrixReader::read_cell(const std::string& zkvm, const YAML::Node& node) const {
  require_map(node, "a zkVM cell");
  check_keys(node, "a zkVM cell",
             {"expected", "crate", "repo", "patch_table", "support_crates", "precompile_symbols", "precompile_opcodes",
              "reason", "src", "note", "tag_example", "syscall_codes", "lock_dependency_marker", "sdk_function",
              "sdk_opcodes", "alt_patch", "patched_instead"});
  ZkvmCell cell;
  cell.zkvm = zkvm;
  cell.where = where(node);
  const std::string expected = scalar(node, "expected", true);
  const std::optional<Expectation> parsed = parse_expectation(expected);
  if (!parsed) {
    fail(node["expected"], fmt::format("unknown expected status '{}'", expected),
         "use patch_required, exception, sdk_call, accelerated_via_registry_crate, no_patch_available, "
         "not_applicable or unknown");
  }
  cell.expected = *parsed;
  const bool needs_crate = cell.expected != Expectation::kNotApplicable;
  cell.crate = scalar(node, "crate", needs_crate);
  cell.repo = scalar(node, "repo", false);
  cell.patch_table = scalar(node, "patch_table", false);
  if (!cell.patch_table.empty()) cell.patch_table = normalize_git_url(cell.patch_table);
  cell.support_crates = string_list(node, "support_crates");
  cell.precompile_symbols = string_list(node, "precompile_symbols");
  check_regexes(node, "precompile_symbols", cell.precompile_symbols);
  cell.precompile_opcodes = string_list(node, "precompile_opcodes");
  const bool needs_reason = cell.expected == Expectation::kException || cell.expected == Expectation::kUnknown;
  cell.reason = scalar(node, "reason", needs_reason);
  cell.sources = string_list(node, "src");
  return cell;
}

Operation MatrixReader::read_operation(const std::string& id, const YAML::Node& node,
                                       const std::vector<ZkvmSpec>& zkvms) const {
  require_map(node, fmt::format("operations.{}", id));
  check_keys(node, fmt::format("operations.{}", id),
             {"evm", "native_fallback_symbols", "hot_even_when_patched", "zkvms", "note", "src"});
  Operation operation;
  operation.id = id;
  operation.where = where(node);
  operation.evm = scalar(node, "evm", false);
  operation.native_fallback_symbols = string_list(node, "native_fallback_symbols");
  check_regexes(node, "native_fallback_symbols", operation.native_fallback_symbols);
  operation.hot_even_when_patched = string_list(node, "hot_even_when_patched");
  const YAML::Node cells = node["zkvms"];
  if (!cells) fail(node, fmt::format("operations.{} needs a 'zkvms' mapping", id));
  require_map(cells, fmt::format("operations.{}.zkvms", id));
  for (YAML::const_iterator it = cells.begin(); it != cells.end(); ++it) {
    const std::string zkvm = key_name(it->first, fmt::format("operations.{}.zkvms", id));
    const bool known = std::any_of(zkvms.begin(), zkvms.end(), [&](const ZkvmSpec& spec) { return spec.id == zkvm; });
    if (!known) fail(it->first, fmt::format("operations.{} names zkVM '{}' that zkvms does not define", id, zkvm));
  }
  // Every zkVM needs a cell: a missing one would silently skip the check.
  for (const ZkvmSpec& spec : zkvms) {
    const YAML::Node cell = cells[spec.id];
    if (!cell) fail(cells, fmt::format("operations.{} has no cell for zkVM '{}'", id, spec.id), "add one, e.g. {expected: unknown, crate: ..., reason: ...}");
    operation.cells.push_back(read_cell(spec.id, cell));
  }
  return operation;
}

SupportCrate MatrixReader::read_support_crate(const std::string& name, const YAML::Node& node,
                                              const std::vector<ZkvmSpec>& zkvms) const {
  require_map(node, fmt::format("support_crates.{}", name));
  SupportCrate support;
  support.name = name;
  support.where = where(node);
  for (YAML::const_iterator it = node.begin(); it != node.end(); ++it) {
    const std::string key = key_name(it->first, fmt::format("support_crates.{}", name));
    if (key == "src" || key == "note") continue;
    const bool known = std::any_of(zkvms.begin(), zkvms.end(), [&](const ZkvmSpec& spec) { return spec.id == key; });
    if (!known) fail(it->first, fmt::format("support_crates.{} names zkVM '{}' that zkvms does not define", name, key));
    const YAML::Node entry = it->second;
    require_map(entry, fmt::format("support_crates.{}.{}", name, key));
    check_keys(entry, fmt::format("support_crates.{}.{}", name, key), {"repo", "crates", "tag_example", "note", "package", "patch_key"});
    SupportCrate::PerZkvm per;
    per.zkvm = key;
    per.repo = scalar(entry, "repo", false);
    per.crates = string_list(entry, "crates");
    if (per.crates.empty()) per.crates.push_back(name);
    support.zkvms.push_back(std::move(per));
  }
  return support;
}

CryptoMatrix MatrixReader::read(std::string_view text) {
  try {
    root_ = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& error) {
    throw util::InputError({origin_, static_cast<std::size_t>(error.mark.line) + 1, static_cast<std::size_t>(error.mark.column) + 1},
                           "invalid crypto matrix: YAML syntax: " + error.msg);
  }
  const YAML::Node& root = root_;
  if (!root.IsMap()) throw util::InputError({origin_, 1, 1}, "invalid crypto matrix: the document must be a mapping");
  check_keys(root, "the matrix", {"schema_version", "status", "zkvms", "operations", "support_crates"});
  CryptoMatrix matrix;
  matrix.origin_ = origin_;
  const std::string version = scalar(root, "schema_version", true);
  if (version != "1") fail(root["schema_version"], fmt::format("unsupported schema_version '{}'", version), "this patchcheck reads schema_version 1");
  matrix.schema_version_ = 1;

  const YAML::Node zkvms = root["zkvms"];
  if (!zkvms) fail(root, "missing required key 'zkvms'");
  require_map(zkvms, "zkvms");
  for (YAML::const_iterator it = zkvms.begin(); it != zkvms.end(); ++it) {
    matrix.zkvms_.push_back(read_zkvm(key_name(it->first, "zkvms"), it->second));
  }
  if (matrix.zkvms_.empty()) fail(zkvms, "zkvms is empty");

  const YAML::Node operations = root["operations"];
  if (!operations) fail(root, "missing required key 'operations'");
  require_map(operations, "operations");
  for (YAML::const_iterator it = operations.begin(); it != operations.end(); ++it) {
    matrix.operations_.push_back(read_operation(key_name(it->first, "operations"), it->second, matrix.zkvms_));
  }

  const YAML::Node support = root["support_crates"];
  if (support) {
    require_map(support, "support_crates");
    for (YAML::const_iterator it = support.begin(); it != support.end(); ++it) {
      matrix.support_crates_.push_back(read_support_crate(key_name(it->first, "support_crates"), it->second, matrix.zkvms_));
    }
  }

  std::set<std::string> crates;
  for (const Operation& operation : matrix.operations_) {
    for (const ZkvmCell& cell : operation.cells) {
      if (!cell.crate.empty()) crates.insert(cell.crate);
      crates.insert(cell.support_crates.begin(), cell.support_crates.end());
    }
  }
  for (const SupportCrate& entry : matrix.support_crates_) {
    for (const SupportCrate::PerZkvm& per : entry.zkvms) crates.insert(per.crates.begin(), per.crates.end());
  }
  matrix.crypto_crates_.assign(crates.begin(), crates.end());
  return matrix;
}

CryptoMatrix CryptoMatrix::parse(std::string_view yaml_text, const std::string& origin) {
  MatrixReader reader(origin);
  try {
    return reader.read(yaml_text);
  } catch (const YAML::Exception& error) {
    // The reader checks kinds before converting; this is the net for any yaml-cpp conversion it
    // did not foresee (fuzzing found two: InvalidNode from Mark(), "bad conversion"), so a
    // matrix is always refused with file:line, never with an escaped exception.
    throw util::InputError(util::yaml_location(origin, error.mark), "invalid crypto matrix: " + error.msg);
  }
}

}  // namespace zkgate::patchcheck
