// The compiled form of the matrix: the validated model as JSON. The build compiles the
// default YAML into it (zkgate_matrix_compile) because yaml-cpp needs about 10 ms for the
// matrix, half of patchcheck's whole budget, while this reads in well under a millisecond.
#include <nlohmann/json.hpp>

#include "patchcheck/matrix.h"
#include "util/input_error.h"

namespace zkgate::patchcheck {
namespace {

using nlohmann::json;

json location_json(const util::SourceLocation& where) { return json::array({where.line, where.column}); }

util::SourceLocation location_from(const json& value, const std::string& file) {
  return {file, value.at(0).get<std::size_t>(), value.at(1).get<std::size_t>()};
}

std::string_view compare_name(SdkVersionRule::Compare compare) {
  switch (compare) {
    case SdkVersionRule::Compare::kMajor: return "major";
    case SdkVersionRule::Compare::kMajorMinor: return "major_minor";
    case SdkVersionRule::Compare::kNone: break;
  }
  return "none";
}

SdkVersionRule::Compare compare_from(const std::string& name) {
  if (name == "major") return SdkVersionRule::Compare::kMajor;
  if (name == "major_minor") return SdkVersionRule::Compare::kMajorMinor;
  return SdkVersionRule::Compare::kNone;
}

}  // namespace

std::string CryptoMatrix::to_json() const {
  json zkvms = json::array();
  for (const ZkvmSpec& spec : zkvms_) {
    json grammars = json::array();
    for (const TagGrammar& grammar : spec.tag_grammars) {
      grammars.push_back({{"pattern", grammar.pattern}, {"groups", grammar.groups}, {"where", location_json(grammar.where)}});
    }
    zkvms.push_back({{"id", spec.id},
                     {"detect", spec.detect_dependencies},
                     {"orgs", spec.trusted_orgs},
                     {"markers", spec.tag_markers},
                     {"grammars", grammars},
                     {"rule", {compare_name(spec.sdk_version_rule.compare), spec.sdk_version_rule.allow_older_majors,
                               to_string(spec.sdk_version_rule.severity)}},
                     {"opcodes", spec.precompile_opcodes},
                     {"where", location_json(spec.where)}});
  }
  json operations = json::array();
  for (const Operation& operation : operations_) {
    json cells = json::array();
    for (const ZkvmCell& cell : operation.cells) {
      cells.push_back({{"zkvm", cell.zkvm},
                       {"expected", to_string(cell.expected)},
                       {"crate", cell.crate},
                       {"repo", cell.repo},
                       {"table", cell.patch_table},
                       {"support", cell.support_crates},
                       {"symbols", cell.precompile_symbols},
                       {"opcodes", cell.precompile_opcodes},
                       {"reason", cell.reason},
                       {"src", cell.sources},
                       {"where", location_json(cell.where)}});
    }
    operations.push_back({{"id", operation.id},
                          {"evm", operation.evm},
                          {"native", operation.native_fallback_symbols},
                          {"hot", operation.hot_even_when_patched},
                          {"cells", cells},
                          {"where", location_json(operation.where)}});
  }
  json support = json::array();
  for (const SupportCrate& entry : support_crates_) {
    json per = json::array();
    for (const SupportCrate::PerZkvm& item : entry.zkvms) per.push_back({{"zkvm", item.zkvm}, {"repo", item.repo}, {"crates", item.crates}});
    support.push_back({{"name", entry.name}, {"zkvms", per}, {"where", location_json(entry.where)}});
  }
  return json{{"schema_version", schema_version_},
              {"zkvms", zkvms},
              {"operations", operations},
              {"support_crates", support},
              {"crypto_crates", crypto_crates_}}
      .dump();
}

CryptoMatrix CryptoMatrix::from_json(std::string_view text, const std::string& origin) {
  CryptoMatrix matrix;
  matrix.origin_ = origin;
  try {
    const json document = json::parse(text);
    matrix.schema_version_ = document.at("schema_version").get<int>();
    for (const json& item : document.at("zkvms")) {
      ZkvmSpec spec;
      spec.id = item.at("id").get<std::string>();
      spec.detect_dependencies = item.at("detect").get<std::vector<std::string>>();
      spec.trusted_orgs = item.at("orgs").get<std::vector<std::string>>();
      spec.tag_markers = item.at("markers").get<std::vector<std::string>>();
      for (const json& grammar_json : item.at("grammars")) {
        TagGrammar grammar;
        grammar.pattern = grammar_json.at("pattern").get<std::string>();
        grammar.regex = std::regex(grammar.pattern, std::regex::ECMAScript);
        grammar.groups = grammar_json.at("groups").get<std::vector<std::string>>();
        grammar.where = location_from(grammar_json.at("where"), origin);
        spec.tag_grammars.push_back(std::move(grammar));
      }
      const json& rule = item.at("rule");
      spec.sdk_version_rule.compare = compare_from(rule.at(0).get<std::string>());
      spec.sdk_version_rule.allow_older_majors = rule.at(1).get<int>();
      spec.sdk_version_rule.severity = parse_severity(rule.at(2).get<std::string>()).value_or(Severity::kWarning);
      spec.precompile_opcodes = item.at("opcodes").get<std::vector<std::string>>();
      spec.where = location_from(item.at("where"), origin);
      matrix.zkvms_.push_back(std::move(spec));
    }
    for (const json& item : document.at("operations")) {
      Operation operation;
      operation.id = item.at("id").get<std::string>();
      operation.evm = item.at("evm").get<std::string>();
      operation.native_fallback_symbols = item.at("native").get<std::vector<std::string>>();
      operation.hot_even_when_patched = item.at("hot").get<std::vector<std::string>>();
      operation.where = location_from(item.at("where"), origin);
      for (const json& cell_json : item.at("cells")) {
        ZkvmCell cell;
        cell.zkvm = cell_json.at("zkvm").get<std::string>();
        cell.expected = parse_expectation(cell_json.at("expected").get<std::string>()).value_or(Expectation::kUnknown);
        cell.crate = cell_json.at("crate").get<std::string>();
        cell.repo = cell_json.at("repo").get<std::string>();
        cell.patch_table = cell_json.at("table").get<std::string>();
        cell.support_crates = cell_json.at("support").get<std::vector<std::string>>();
        cell.precompile_symbols = cell_json.at("symbols").get<std::vector<std::string>>();
        cell.precompile_opcodes = cell_json.at("opcodes").get<std::vector<std::string>>();
        cell.reason = cell_json.at("reason").get<std::string>();
        cell.sources = cell_json.at("src").get<std::vector<std::string>>();
        cell.where = location_from(cell_json.at("where"), origin);
        operation.cells.push_back(std::move(cell));
      }
      matrix.operations_.push_back(std::move(operation));
    }
    for (const json& item : document.at("support_crates")) {
      SupportCrate entry;
      entry.name = item.at("name").get<std::string>();
      entry.where = location_from(item.at("where"), origin);
      for (const json& per_json : item.at("zkvms")) {
        entry.zkvms.push_back({per_json.at("zkvm").get<std::string>(), per_json.at("repo").get<std::string>(),
                               per_json.at("crates").get<std::vector<std::string>>()});
      }
      matrix.support_crates_.push_back(std::move(entry));
    }
    matrix.crypto_crates_ = document.at("crypto_crates").get<std::vector<std::string>>();
  } catch (const json::exception& error) {
    throw util::InputError({origin, 0, 0}, std::string("invalid compiled crypto matrix: ") + error.what(),
                           "the compiled matrix is written by zkgate_matrix_compile at build time; rebuild");
  }
  return matrix;
}

}  // namespace zkgate::patchcheck
