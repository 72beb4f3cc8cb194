#include "gate/suite/result_json.h"

#include <fmt/format.h>

#include "gate/suite/json_input.h"
#include "gate/suite/path_facts.h"

namespace zkgate::gate::suite {

namespace {

constexpr std::uint64_t kNanosPerSecond = 1'000'000'000;

// A section is a serde externally tagged enum: exactly one of "success" or "crashed".
// Returns the success object, or nullopt after recording the crash in w.
std::optional<JsonAt> success_or_crash(const JsonAt& section, Workload& w) {
  const nlohmann::json& obj = section.object();
  if (obj.size() != 1) {
    section.fail(fmt::format("expected exactly one of \"success\" or \"crashed\" at {}, found {} keys",
                             section.path(), obj.size()));
  }
  if (std::optional<JsonAt> success = section.find("success")) {
    success->object();
    return success;
  }
  if (std::optional<JsonAt> crashed = section.find("crashed")) {
    const std::string reason = crashed->at("reason").string();
    w.failed = true;
    if (!w.failure_reason.empty()) w.failure_reason += "; ";
    w.failure_reason += fmt::format("{} crashed: {}", section.path().substr(1), reason.empty() ? "(no reason given)" : reason);
    return std::nullopt;
  }
  section.fail(fmt::format("expected \"success\" or \"crashed\" at {}, found \"{}\"", section.path(), obj.begin().key()));
}

// output_matched is absent from published files; false means the guest computed something
// else than the fixture expects, so its figures measure the wrong work.
void check_output_matched(const JsonAt& success, Workload& w) {
  if (std::optional<JsonAt> matched = success.find("output_matched", true)) {
    if (!matched->boolean()) {
      w.failed = true;
      if (!w.failure_reason.empty()) w.failure_reason += "; ";
      w.failure_reason += fmt::format("guest output did not match the expected output ({})", matched->path());
    }
  }
}

void read_execution(const JsonAt& success, Workload& w) {
  check_output_matched(success, w);
  const std::uint64_t cycles = success.at("total_num_cycles").u64();
  if (cycles == 0) {
    // OpenVM writes 0 in every published result: nothing was recorded, it is not a real 0.
    w.data_note = fmt::format("total_num_cycles is 0 ({}): no cycle count was recorded",
                              w.zkvm.empty() ? "unknown zkVM" : w.zkvm);
  } else {
    w.steps = cycles;
  }
  w.steps_unit = w.zkvm == "zisk" ? "steps" : "cycles";
  if (std::optional<JsonAt> regions = success.find("region_cycles", true)) regions->object();
  if (std::optional<JsonAt> duration = success.find("execution_duration", true)) {
    const std::uint64_t secs = duration->at("secs").u64();
    const JsonAt nanos_at = duration->at("nanos");
    const std::uint64_t nanos = nanos_at.u64();
    if (nanos >= kNanosPerSecond) nanos_at.fail(fmt::format("nanos at {} must be below 1,000,000,000", nanos_at.path()));
    w.execution_seconds = static_cast<double>(secs) + static_cast<double>(nanos) / static_cast<double>(kNanosPerSecond);
  }
}

void read_proving(const JsonAt& success, Workload& w) {
  check_output_matched(success, w);
  w.proof_size = success.at("proof_size").u64();
  w.proving_ms = success.at("proving_time_ms").u64();
  if (std::optional<JsonAt> verify = success.find("verification_time_ms", true)) w.verification_ms = verify->u64();
}

void read_verification(const JsonAt& success, Workload& w) {
  w.proof_size = success.at("proof_size").u64();
  w.verification_ms = success.at("verification_time_ms").u64();
}

}  // namespace

bool is_result_json(const nlohmann::json& doc) {
  if (!doc.is_object() || !doc.contains("name")) return false;
  return doc.contains("execution") || doc.contains("proving") || doc.contains("verification");
}

Workload workload_from_result(const nlohmann::json& doc, const std::filesystem::path& file) {
  return workload_from_result(doc, file, path_facts(file));
}

Workload workload_from_result(const nlohmann::json& doc, const std::filesystem::path& file, const PathFacts& facts) {
  const JsonAt root(doc, file.string());
  Workload w;
  w.source = file.string();
  w.format = "eth-act-result";
  w.name = root.at("name").string();
  if (w.name.empty()) root.at("name").fail("the workload name at /name is empty");
  w.zkvm = facts.zkvm;
  w.zkvm_version = facts.zkvm_version;
  w.guest = facts.guest;
  if (std::optional<JsonAt> metadata = root.find("metadata", true)) metadata->object();

  std::vector<std::string> kinds;
  if (std::optional<JsonAt> section = root.find("execution")) {
    kinds.emplace_back("execution");
    if (std::optional<JsonAt> success = success_or_crash(*section, w)) read_execution(*success, w);
  }
  if (std::optional<JsonAt> section = root.find("proving")) {
    kinds.emplace_back("proving");
    if (std::optional<JsonAt> success = success_or_crash(*section, w)) read_proving(*success, w);
  }
  if (std::optional<JsonAt> section = root.find("verification")) {
    kinds.emplace_back("verification");
    if (std::optional<JsonAt> success = success_or_crash(*section, w)) read_verification(*success, w);
  }
  if (kinds.empty()) {
    root.fail("no \"execution\", \"proving\" or \"verification\" section at /",
              "this is not a zkevm-benchmark-workload result");
  }
  w.run_kind = fmt::format("{}", fmt::join(kinds, "+"));
  if (w.failed) {
    // A crashed run has no figures at all, whatever a partner section said.
    w.steps.reset();
    w.execution_seconds.reset();
    w.proving_ms.reset();
  }
  return w;
}

Workload read_result_file(const std::filesystem::path& file) {
  return workload_from_result(read_json_file(file), file);
}

}  // namespace zkgate::gate::suite
