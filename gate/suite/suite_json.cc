#include "gate/suite/suite_json.h"

#include <set>

#include <fmt/format.h>

#include "gate/suite/json_input.h"

namespace zkgate::gate::suite {

namespace {

template <typename T>
void put(nlohmann::json& out, const char* key, const std::optional<T>& value) {
  if (value) out[key] = *value;
}

void put(nlohmann::json& out, const char* key, const std::string& value) {
  if (!value.empty()) out[key] = value;
}

std::string get_string(const JsonAt& obj, std::string_view key) {
  if (std::optional<JsonAt> member = obj.find(key, true)) return member->string();
  return {};
}

std::optional<std::uint64_t> get_u64(const JsonAt& obj, std::string_view key) {
  if (std::optional<JsonAt> member = obj.find(key, true)) return member->u64();
  return std::nullopt;
}

Workload workload_from_json(const JsonAt& obj) {
  obj.object();
  Workload w;
  w.key = obj.at("key").string();
  w.name = obj.at("name").string();
  if (w.key.empty()) obj.at("key").fail(fmt::format("empty key at {}/key", obj.path()));
  w.source = get_string(obj, "source");
  w.format = get_string(obj, "format");
  w.run_kind = get_string(obj, "run_kind");
  w.zkvm = get_string(obj, "zkvm");
  w.zkvm_version = get_string(obj, "zkvm_version");
  w.guest = get_string(obj, "guest");
  w.failed = obj.at("failed").boolean();
  w.failure_reason = get_string(obj, "failure_reason");
  w.steps = get_u64(obj, "steps");
  w.steps_unit = get_string(obj, "steps_unit");
  w.air_cost = get_u64(obj, "air_cost");
  if (std::optional<JsonAt> seconds = obj.find("execution_seconds", true)) {
    if (!seconds->value().is_number() || seconds->value().get<double>() < 0) {
      seconds->fail(fmt::format("expected a non-negative number of seconds at {}", seconds->path()));
    }
    w.execution_seconds = seconds->value().get<double>();
  }
  w.proving_ms = get_u64(obj, "proving_ms");
  w.verification_ms = get_u64(obj, "verification_ms");
  w.proof_size = get_u64(obj, "proof_size");
  w.ram_bytes = get_u64(obj, "ram_bytes");
  w.data_note = get_string(obj, "data_note");
  if (w.failed && (w.steps || w.air_cost || w.execution_seconds || w.proving_ms)) {
    obj.fail(fmt::format("the failed workload at {} carries figures", obj.path()),
             "a failed run has no figures; remove them or set \"failed\": false");
  }
  return w;
}

}  // namespace

bool is_suite_json(const nlohmann::json& doc) {
  if (!doc.is_object()) return false;
  nlohmann::json::const_iterator schema = doc.find("schema");
  return schema != doc.end() && schema->is_string() &&
         schema->get<std::string>().rfind("zkgate-suite/", 0) == 0;
}

nlohmann::json workload_to_json(const Workload& w) {
  nlohmann::json out = nlohmann::json::object();
  out["key"] = w.key;
  out["name"] = w.name;
  put(out, "source", w.source);
  put(out, "format", w.format);
  put(out, "run_kind", w.run_kind);
  put(out, "zkvm", w.zkvm);
  put(out, "zkvm_version", w.zkvm_version);
  put(out, "guest", w.guest);
  out["failed"] = w.failed;
  put(out, "failure_reason", w.failure_reason);
  put(out, "steps", w.steps);
  put(out, "steps_unit", w.steps_unit);
  put(out, "air_cost", w.air_cost);
  put(out, "execution_seconds", w.execution_seconds);
  put(out, "proving_ms", w.proving_ms);
  put(out, "verification_ms", w.verification_ms);
  put(out, "proof_size", w.proof_size);
  put(out, "ram_bytes", w.ram_bytes);
  put(out, "data_note", w.data_note);
  return out;
}

nlohmann::json suite_to_json(const Suite& suite) {
  nlohmann::json out = nlohmann::json::object();
  out["schema"] = kSuiteSchema;
  out["source"] = suite.source;
  out["format"] = suite.format;
  nlohmann::json list = nlohmann::json::array();
  for (const Workload& w : suite.workloads) list.push_back(workload_to_json(w));
  out["workloads"] = std::move(list);
  return out;
}

Suite suite_from_json(const nlohmann::json& doc, const std::filesystem::path& file) {
  const JsonAt root(doc, file.string());
  const std::string schema = root.at("schema").string();
  if (schema != kSuiteSchema) {
    root.at("schema").fail(fmt::format("unsupported suite schema \"{}\" at /schema (this gate reads {})", schema, kSuiteSchema),
                           "upgrade zkgate or regenerate the file");
  }
  Suite suite;
  suite.source = file.string();
  suite.format = "zkgate-suite";
  const JsonAt list = root.at("workloads");
  std::set<std::string> keys;
  for (std::size_t i = 0; i < list.array().size(); ++i) {
    const JsonAt entry = list.element(i);
    Workload w = workload_from_json(entry);
    if (!keys.insert(w.key).second) entry.fail(fmt::format("workload key \"{}\" at {}/key appears twice", w.key, entry.path()));
    suite.workloads.push_back(std::move(w));
  }
  if (suite.workloads.empty()) list.fail("the suite has no workloads (/workloads is empty)");
  return suite;
}

}  // namespace zkgate::gate::suite
