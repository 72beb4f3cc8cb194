#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

// The one profile model every parser fills and every comparison reads.
// Absent data is std::nullopt or an empty list with its *_known flag false: zkgate
// never invents a 0 for something a profiler did not print.
namespace zkgate::gate {

// One row of a cost-distribution table (ZisK: BASE, MAIN, OPCODES, PRECOMPILES, MEMORY).
struct CostComponent {
  std::string name;
  std::uint64_t cost = 0;

  friend bool operator==(const CostComponent&, const CostComponent&) = default;
};

// One opcode (ZisK "OP keccak"), syscall or instruction class with its count and cost.
struct OpcodeStat {
  std::string name;
  std::uint64_t count = 0;
  std::optional<std::uint64_t> cost;
  bool is_precompile = false;  // keccak, sha256, secp256k1_*, arith256*, bn254*, bls12_381*, ...

  friend bool operator==(const OpcodeStat&, const OpcodeStat&) = default;
};

// One caller of a function as a profiler listed it (ZisK "TOP STEP CALLERS", callgrind
// calls= lines): how often the caller called it and the steps spent in those calls.
struct CallerStat {
  std::string name;
  std::optional<std::uint64_t> calls;
  std::optional<std::uint64_t> steps;

  friend bool operator==(const CallerStat&, const CallerStat&) = default;
};

// One function (or SP1 cycle-tracker span, or callgrind symbol). Inclusive figures are
// what ziskemu ranks by; self figures exist only where the format gives or implies them.
struct FunctionStat {
  std::string name;
  std::optional<std::uint64_t> steps;       // inclusive steps/cycles/instructions
  std::optional<std::uint64_t> cost;        // inclusive ZisK cost
  std::optional<std::uint64_t> calls;
  std::optional<std::uint64_t> self_steps;  // exclusive, where known
  std::optional<std::uint64_t> self_cost;
  std::optional<unsigned> rank_by_steps;    // 1-based position in the top-steps list
  std::optional<unsigned> rank_by_cost;     // 1-based position in the top-cost list
  int depth = 0;                            // nesting depth for span formats (SP1), else 0
  std::vector<OpcodeStat> opcodes;          // per-function opcode table (ZisK DETAIL blocks)
  std::vector<CallerStat> callers;          // top callers (ZisK DETAIL blocks; callgrind)
  std::string parent;                       // enclosing span for span formats (SP1), else empty

  friend bool operator==(const FunctionStat&, const FunctionStat&) = default;
};

struct Profile {
  std::string source;       // file the profile was read from (for messages)
  std::string format;       // parser id: "ziskemu", "sp1-log", "risc0-log", "openvm-metrics", "callgrind", "zkgate-json"
  std::string zkvm;         // "zisk", "sp1", "risc0", "openvm", "native"
  std::string unit;         // "steps", "cycles" or "instructions"

  std::uint64_t total = 0;  // required: a parser throws rather than leave it unknown
  std::string total_note;   // how total was derived when it is not printed, e.g. "sum of depth-0 spans"

  std::optional<std::uint64_t> total_cost;          // ZisK COST DISTRIBUTION TOTAL
  std::vector<CostComponent> cost_distribution;
  std::optional<std::uint64_t> ram_bytes;           // ZisK RAM USAGE
  std::optional<std::uint64_t> gas;                 // SP1 "gas:" line

  bool opcodes_known = false;                       // false: no opcode table in the input
  std::vector<OpcodeStat> opcodes;

  // Functions as the profiler listed them. A top-N list means a function absent from it is
  // "not ranked" (figure unknown), never 0. functions_complete is true only when the format
  // lists every function (callgrind), so absence means "did not run".
  bool functions_known = false;                     // false: the format/run gave no function data
  bool functions_complete = false;
  std::optional<unsigned> top_n_by_steps;           // size of the top-steps list, where there is one
  std::optional<unsigned> top_n_by_cost;
  std::vector<FunctionStat> functions;

  std::map<std::string, std::string> metadata;      // extra facts worth showing (zkvm version, block, ...)

  friend bool operator==(const Profile&, const Profile&) = default;
};

}  // namespace zkgate::gate
