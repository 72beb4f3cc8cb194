#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "gate/suite/path_facts.h"
#include "gate/suite/suite.h"

// One eth-act zkevm-benchmark-workload result JSON (a BenchmarkRun) as a Workload.
// Schema: ../shared/reference/FORMATS.md, "zkevm-benchmark-workload result JSON".
namespace zkgate::gate::suite {

// True when doc looks like a result: an object with "name" and at least one of
// "execution", "proving", "verification".
bool is_result_json(const nlohmann::json& doc);

// Fills a Workload from a parsed result. zkVM, version and guest come from the folders of
// file (the JSON never names them). key is left empty for the caller. Throws
// util::InputError with the file and JSON path when a required value is missing or mistyped.
Workload workload_from_result(const nlohmann::json& doc, const std::filesystem::path& file);

// The same with the folder facts already known (a folder reader computes them once per folder).
Workload workload_from_result(const nlohmann::json& doc, const std::filesystem::path& file, const PathFacts& facts);

// Reads and converts one result file.
Workload read_result_file(const std::filesystem::path& file);

}  // namespace zkgate::gate::suite
