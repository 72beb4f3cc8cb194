#include <fmt/format.h>

#include "gate/report/report_json.h"
#include "util/input_error.h"
#include "util/json_text.h"

namespace zkgate::gate {
namespace {

using nlohmann::json;

// Reads values with their JSON path, so an error says exactly which value is wrong.
class JsonReader {
 public:
  explicit JsonReader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw util::InputError({source_, 0, 0}, fmt::format("{}: {}", path.empty() ? "/" : path, message),
                           "expected a zkgate report written by gate --json");
  }

  const json& member(const json& object, const std::string& path, const char* key) const {
    if (!object.is_object()) fail(path, "expected an object");
    const json::const_iterator found = object.find(key);
    if (found == object.end()) fail(path, fmt::format("missing key '{}'", key));
    return *found;
  }

  std::string string(const json& object, const std::string& path, const char* key) const {
    const json& value = member(object, path, key);
    if (!value.is_string()) fail(path + "/" + key, "expected a string");
    return value.get<std::string>();
  }

  bool boolean(const json& object, const std::string& path, const char* key) const {
    const json& value = member(object, path, key);
    if (!value.is_boolean()) fail(path + "/" + key, "expected true or false");
    return value.get<bool>();
  }

  std::optional<std::uint64_t> optional_count(const json& object, const std::string& path, const char* key) const {
    const json& value = member(object, path, key);
    if (value.is_null()) return std::nullopt;
    if (!value.is_number_unsigned()) fail(path + "/" + key, "expected a whole number >= 0 or null");
    return value.get<std::uint64_t>();
  }

  std::optional<unsigned> optional_rank(const json& object, const std::string& path, const char* key) const {
    const std::optional<std::uint64_t> value = optional_count(object, path, key);
    if (value && *value > 0xFFFFFFFFu) fail(path + "/" + key, "rank out of range");
    if (!value) return std::nullopt;
    return static_cast<unsigned>(*value);
  }

  const json& array(const json& object, const std::string& path, const char* key) const {
    const json& value = member(object, path, key);
    if (!value.is_array()) fail(path + "/" + key, "expected an array");
    return value;
  }

  Delta delta(const json& object, const std::string& path, const char* key) const {
    const json& value = member(object, path, key);
    const std::string inner = path + "/" + key;
    return {optional_count(value, inner, "base"), optional_count(value, inner, "head")};
  }

  Severity severity(const json& object, const std::string& path) const {
    const std::optional<Severity> parsed = severity_from_string(string(object, path, "severity"));
    if (!parsed) fail(path + "/severity", "expected info, improvement, warning or failure");
    return *parsed;
  }

 private:
  std::string source_;
};

ProfileSide read_side(const JsonReader& in, const json& object, const std::string& path) {
  ProfileSide side;
  side.source = in.string(object, path, "source");
  side.format = in.string(object, path, "format");
  side.zkvm = in.string(object, path, "zkvm");
  side.unit = in.string(object, path, "unit");
  side.total_note = in.string(object, path, "total_note");
  side.opcodes_known = in.boolean(object, path, "opcodes_known");
  side.functions_known = in.boolean(object, path, "functions_known");
  side.functions_complete = in.boolean(object, path, "functions_complete");
  side.top_n_by_steps = in.optional_rank(object, path, "top_n_by_steps");
  side.top_n_by_cost = in.optional_rank(object, path, "top_n_by_cost");
  return side;
}

Comparison read_comparison(const JsonReader& in, const json& object, const std::string& path) {
  Comparison comparison;
  comparison.unit = in.string(object, path, "unit");
  comparison.base = read_side(in, in.member(object, path, "base"), path + "/base");
  comparison.head = read_side(in, in.member(object, path, "head"), path + "/head");
  comparison.total = in.delta(object, path, "total");
  if (!comparison.total.known()) in.fail(path + "/total", "a judged case needs both totals");
  comparison.total_cost = in.delta(object, path, "total_cost");
  comparison.ram_bytes = in.delta(object, path, "ram_bytes");
  comparison.gas = in.delta(object, path, "gas");
  const json& cost_distribution = in.array(object, path, "cost_distribution");
  for (std::size_t i = 0; i < cost_distribution.size(); ++i) {
    const std::string row = fmt::format("{}/cost_distribution/{}", path, i);
    comparison.cost_distribution.push_back(
        {in.string(cost_distribution[i], row, "name"), in.delta(cost_distribution[i], row, "cost")});
  }
  const json& opcodes = in.array(object, path, "opcodes");
  for (std::size_t i = 0; i < opcodes.size(); ++i) {
    const std::string row = fmt::format("{}/opcodes/{}", path, i);
    comparison.opcodes.push_back({in.string(opcodes[i], row, "name"), in.boolean(opcodes[i], row, "is_precompile"),
                                  in.delta(opcodes[i], row, "count"), in.delta(opcodes[i], row, "cost")});
  }
  const json& functions = in.array(object, path, "functions");
  for (std::size_t i = 0; i < functions.size(); ++i) {
    const std::string row = fmt::format("{}/functions/{}", path, i);
    FunctionDelta function;
    function.name = in.string(functions[i], row, "name");
    function.steps = in.delta(functions[i], row, "steps");
    function.cost = in.delta(functions[i], row, "cost");
    function.calls = in.delta(functions[i], row, "calls");
    function.base_rank = in.optional_rank(functions[i], row, "base_rank");
    function.head_rank = in.optional_rank(functions[i], row, "head_rank");
    function.entered_top = in.boolean(functions[i], row, "entered_top");
    function.left_top = in.boolean(functions[i], row, "left_top");
    comparison.functions.push_back(std::move(function));
  }
  comparison.compared_top_n = in.optional_rank(object, path, "compared_top_n");
  const json& findings = in.array(object, path, "findings");
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const std::string row = fmt::format("{}/findings/{}", path, i);
    comparison.findings.push_back({in.string(findings[i], row, "id"), in.severity(findings[i], row),
                                   in.string(findings[i], row, "subject"), in.string(findings[i], row, "message")});
  }
  comparison.crypto_checked = in.boolean(object, path, "crypto_checked");
  const json& crypto = in.array(object, path, "crypto");
  for (std::size_t i = 0; i < crypto.size(); ++i) {
    const std::string row = fmt::format("{}/crypto/{}", path, i);
    CryptoFinding finding;
    finding.operation = in.string(crypto[i], row, "operation");
    finding.kind = in.string(crypto[i], row, "kind");
    finding.evidence = in.string(crypto[i], row, "evidence");
    finding.patch = in.string(crypto[i], row, "patch");
    finding.severity = in.severity(crypto[i], row);
    finding.message = in.string(crypto[i], row, "message");
    comparison.crypto.push_back(std::move(finding));
  }
  const json& notes = in.array(object, path, "notes");
  for (std::size_t i = 0; i < notes.size(); ++i) {
    if (!notes[i].is_string()) in.fail(fmt::format("{}/notes/{}", path, i), "expected a string");
    comparison.notes.push_back(notes[i].get<std::string>());
  }
  // Advice came later than the rest of the schema: a report without it has none.
  if (object.contains("advice_checked")) comparison.advice_checked = in.boolean(object, path, "advice_checked");
  if (object.contains("advice")) {
    const json& advice = in.array(object, path, "advice");
    for (std::size_t i = 0; i < advice.size(); ++i) {
      const std::string row = fmt::format("{}/advice/{}", path, i);
      AdviceItem item;
      item.rule_id = in.string(advice[i], row, "rule_id");
      item.title = in.string(advice[i], row, "title");
      item.message = in.string(advice[i], row, "message");
      item.hint = in.string(advice[i], row, "hint");
      const json& evidence = in.array(advice[i], row, "evidence");
      for (std::size_t j = 0; j < evidence.size(); ++j) {
        if (!evidence[j].is_string()) in.fail(fmt::format("{}/evidence/{}", row, j), "expected a string");
        item.evidence.push_back(evidence[j].get<std::string>());
      }
      comparison.advice.push_back(std::move(item));
    }
  }
  return comparison;
}

CaseResult read_case(const JsonReader& in, const json& object, const std::string& path) {
  CaseResult result;
  result.name = in.string(object, path, "name");
  result.zkvm = in.string(object, path, "zkvm");
  result.input = in.string(object, path, "input");
  const std::optional<CaseState> state = case_state_from_string(in.string(object, path, "state"));
  if (!state) in.fail(path + "/state", "unknown case state");
  const json& comparison = in.member(object, path, "comparison");
  if (!comparison.is_null()) {
    result.comparison = read_comparison(in, comparison, path + "/comparison");
  } else {
    result.problem = *state;
    result.error = in.string(object, path, "error");
    result.log_tail = in.string(object, path, "log_tail");
  }
  // The state is derived; a mismatch means the file was edited or comes from another rule set.
  if (result.state() != *state) {
    in.fail(path + "/state", fmt::format("says '{}' but its content gives '{}'", to_string(*state),
                                         to_string(result.state())));
  }
  return result;
}

}  // namespace

Report report_from_json(const nlohmann::json& document, const std::string& source) {
  const JsonReader in(source);
  if (!document.is_object()) in.fail("", "expected a JSON object");
  if (in.string(document, "", "schema") != "zkgate-report") in.fail("/schema", "expected \"zkgate-report\"");
  const json& version = in.member(document, "", "schema_version");
  if (!version.is_number_integer() || version.get<int>() != kReportSchemaVersion) {
    in.fail("/schema_version", fmt::format("this gate reads schema version {}", kReportSchemaVersion));
  }
  Report report;
  report.tool_version = in.string(document, "", "tool_version");
  report.config_used = in.string(document, "", "config_used");
  report.base_label = in.string(document, "", "base_label");
  report.head_label = in.string(document, "", "head_label");
  const json& cases = in.array(document, "", "cases");
  for (std::size_t i = 0; i < cases.size(); ++i) {
    report.cases.push_back(read_case(in, cases[i], fmt::format("/cases/{}", i)));
  }
  return report;
}

Report report_from_json_text(std::string_view text, const std::string& source) {
  const json document = util::parse_json_input(text, source, "expected a zkgate report written by gate --json");
  return report_from_json(document, source);
}

}  // namespace zkgate::gate
