#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "gate/suite/suite.h"

// The report JSON written by ethrex's tooling/zkevm_bench (ziskemu over a manifest of
// mainnet blocks and EEST workloads): "meta" {zisk_version, guest_elf_sha256,
// generated_by, git_commit} and "workloads" [{name, type, category, gas, air_cost {base,
// main, opcodes, precompiles, memory, total}, steps, zkvm_ram_bytes, guest_output_ok}].
namespace zkgate::gate::suite {

// True when doc has a "meta" object and a "workloads" array.
bool is_zkevm_bench_report(const nlohmann::json& doc);

// A failed workload (guest_output_ok false) is written with zeroed numbers: it becomes a
// failed Workload with no figures, never a 0. Keys are the workload names, which must be
// unique. Throws util::InputError with file and JSON path.
Suite suite_from_zkevm_bench(const nlohmann::json& doc, const std::filesystem::path& file);

}  // namespace zkgate::gate::suite
