// The JSON result readers behind a suite side of gate compare and gate merge: an eth-act
// result file, an ethrex zkevm_bench report and zkgate's own suite JSON, each picked the
// way read_suite detects them.
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_support.h"
#include "gate/suite/json_input.h"
#include "gate/suite/result_json.h"
#include "gate/suite/suite_json.h"
#include "gate/suite/zkevm_bench.h"

namespace suite = zkgate::gate::suite;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The folders give zkVM and version for a result file; keep the shape eth-act writes.
  const std::filesystem::path file = "results/zisk-v0.16.1/ethrex/block.json";
  zkgate::fuzz::expect_parse_or_input_error([&] {
    const nlohmann::json doc = suite::parse_json_text(std::string(zkgate::fuzz::as_text(data, size)), file.string());
    if (suite::is_suite_json(doc)) (void)suite::suite_from_json(doc, file);
    if (suite::is_zkevm_bench_report(doc)) (void)suite::suite_from_zkevm_bench(doc, file);
    if (suite::is_result_json(doc)) (void)suite::workload_from_result(doc, file);
  });
  return 0;
}
