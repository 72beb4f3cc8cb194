#include "gate/suite/zkevm_bench.h"

#include <set>

#include <fmt/format.h>

#include "gate/suite/json_input.h"

namespace zkgate::gate::suite {

namespace {

std::string optional_string(const JsonAt& obj, std::string_view key) {
  if (std::optional<JsonAt> member = obj.find(key, true)) return member->string();
  return {};
}

Workload workload_from_entry(const JsonAt& entry, const std::string& zisk_version, const std::string& guest) {
  Workload w;
  w.source = entry.file();
  w.format = "zkevm-bench";
  w.run_kind = "execution";
  w.zkvm = "zisk";
  w.zkvm_version = zisk_version;
  w.guest = guest;
  w.steps_unit = "steps";
  w.name = entry.at("name").string();
  if (w.name.empty()) entry.at("name").fail(fmt::format("empty workload name at {}/name", entry.path()));
  w.key = w.name;

  const std::uint64_t steps = entry.at("steps").u64();
  std::optional<std::uint64_t> total_cost;
  if (std::optional<JsonAt> air_cost = entry.find("air_cost", true)) total_cost = air_cost->at("total").u64();
  std::optional<std::uint64_t> ram;
  if (std::optional<JsonAt> ram_at = entry.find("zkvm_ram_bytes", true)) ram = ram_at->u64();

  if (!entry.at("guest_output_ok").boolean()) {
    w.failed = true;
    const std::string error = optional_string(entry, "error");
    w.failure_reason = error.empty()
                           ? "guest_output_ok is false (zkevm_bench zeroes the figures of a failed workload)"
                           : "guest_output_ok is false: " + error;
    return w;
  }
  if (steps == 0) {
    w.data_note = "steps is 0: not recorded";
  } else {
    w.steps = steps;
  }
  if (total_cost && *total_cost == 0) {
    w.data_note = w.data_note.empty() ? "air_cost.total is 0: not recorded" : w.data_note + "; air_cost.total is 0";
  } else {
    w.air_cost = total_cost;
  }
  w.ram_bytes = ram;
  return w;
}

}  // namespace

bool is_zkevm_bench_report(const nlohmann::json& doc) {
  return doc.is_object() && doc.contains("meta") && doc["meta"].is_object() && doc.contains("workloads") &&
         doc["workloads"].is_array();
}

Suite suite_from_zkevm_bench(const nlohmann::json& doc, const std::filesystem::path& file) {
  const JsonAt root(doc, file.string());
  const JsonAt meta = root.at("meta");
  meta.object();
  const std::string zisk_version = optional_string(meta, "zisk_version");
  const std::string commit = optional_string(meta, "git_commit");
  const std::string guest = commit.empty() ? "ethrex" : "ethrex-" + commit.substr(0, 7);

  Suite suite;
  suite.source = file.string();
  suite.format = "zkevm-bench";
  const JsonAt workloads = root.at("workloads");
  const std::size_t count = workloads.array().size();
  if (count == 0) workloads.fail("the report has no workloads (/workloads is empty)", "the benchmark run produced nothing");
  std::set<std::string> seen;
  suite.workloads.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const JsonAt entry = workloads.element(i);
    Workload w = workload_from_entry(entry, zisk_version, guest);
    if (!seen.insert(w.key).second) {
      entry.fail(fmt::format("workload name \"{}\" at {}/name appears twice", w.name, entry.path()));
    }
    suite.workloads.push_back(std::move(w));
  }
  return suite;
}

}  // namespace zkgate::gate::suite
