#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The workload-suite model: one benchmark run over many workloads (blocks, EEST tests) on
// one or more zkVMs, as ethrex's zkevm_bench report, an eth-act results tree or a folder
// of profiles gives it. Like the Profile model, an absent figure is std::nullopt and never
// a 0: a failed run, a proving result (no cycles) and OpenVM's unrecorded 0 all read as
// "no value".
namespace zkgate::gate::suite {

// The figures a workload can be judged on. Steps/cycles and ZisK air cost are
// deterministic; the two durations are wall-clock and only gated when asked for.
enum class Metric { kSteps, kAirCost, kExecutionTime, kProvingTime };

// "steps", "air_cost", "execution_time", "proving_time".
std::string_view metric_id(Metric metric);
// Parses a metric id (also accepts "cycles" for steps); nullopt when unknown.
std::optional<Metric> parse_metric(std::string_view text);
// True for the wall-clock metrics, which are never gated by default.
bool is_wall_clock(Metric metric);

// One workload of a run: one fixture/block executed (or proved) on one zkVM by one guest.
struct Workload {
  std::string key;           // what base and head are matched on (see README "Suites")
  std::string name;          // JSON name, fixture name or file stem as the producer wrote it
  std::string source;        // file it was read from (for messages)
  std::string format;        // "eth-act-result", "zkevm-bench", "zisk-profile-error", "profile:<parser id>", "zkgate-suite"
  std::string run_kind;      // "execution", "proving", "verification" or "profile"
  std::string zkvm;          // "zisk", "sp1", "risc0", "openvm", ...; empty when unknown
  std::string zkvm_version;  // "v0.16.1"; empty when unknown
  std::string guest;         // guest program label, e.g. "ethrex-b9d3ef6", "reth"; empty when unknown

  bool failed = false;         // the run crashed, or the producer marked it failed
  std::string failure_reason;  // free text as the producer wrote it; never mined for numbers

  std::optional<std::uint64_t> steps;          // steps (ZisK) / cycles (SP1, RISC0, OpenVM)
  std::string steps_unit;                      // "steps", "cycles", "instructions"
  std::optional<std::uint64_t> air_cost;       // ZisK cost total (zkevm_bench air_cost.total)
  std::optional<double> execution_seconds;     // wall-clock execution duration
  std::optional<std::uint64_t> proving_ms;     // wall-clock proving time
  std::optional<std::uint64_t> verification_ms;
  std::optional<std::uint64_t> proof_size;
  std::optional<std::uint64_t> ram_bytes;
  std::string data_note;  // why a figure is absent although the run succeeded (e.g. OpenVM's 0)
};

struct Suite {
  std::string source;  // file or folder the suite was read from
  std::string format;  // "eth-act-tree", "profile-folder", "zkevm-bench", "zkgate-suite", "mixed-folder"
  std::vector<Workload> workloads;
};

// The value of metric for w, or nullopt when the run failed or the figure is absent.
// Integers are exact in long double (64-bit mantissa).
std::optional<long double> metric_value(const Workload& w, Metric metric);

// The family of a guest label: "ethrex-b9d3ef6" -> "ethrex", "reth-v1.11.0" -> "reth".
// Two workloads are only comparable when their families agree (or one is unknown).
std::string guest_family(std::string_view guest);

}  // namespace zkgate::gate::suite
