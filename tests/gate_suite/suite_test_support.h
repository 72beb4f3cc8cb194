#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "gate/suite/read_folder.h"
#include "gate/suite/suite.h"

// Helpers shared by the suite tests: hand-built workloads, the corpus TSVs, copying
// corpus files into a TempDir.
namespace zkgate::test::suite {

inline gate::suite::Workload workload(const std::string& key, std::optional<std::uint64_t> steps,
                                      const std::string& zkvm = "zisk") {
  gate::suite::Workload w;
  w.key = key;
  w.name = key;
  w.source = key + ".json";
  w.format = "test";
  w.run_kind = "execution";
  w.zkvm = zkvm;
  w.zkvm_version = "v1";
  w.guest = "ethrex";
  w.steps = steps;
  w.steps_unit = "steps";
  return w;
}

inline gate::suite::Workload failed(const std::string& key, const std::string& reason) {
  gate::suite::Workload w = workload(key, std::nullopt);
  w.failed = true;
  w.failure_reason = reason;
  return w;
}

inline gate::suite::Suite suite_of(std::vector<gate::suite::Workload> workloads, const std::string& source = "test") {
  gate::suite::Suite s;
  s.source = source;
  s.format = "test";
  s.workloads = std::move(workloads);
  return s;
}

// A table read from a TSV with a header line: one map column -> value per row.
using TsvRow = std::map<std::string, std::string>;

inline std::vector<TsvRow> read_tsv(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot open " + file.string());
  std::vector<std::string> header;
  std::vector<TsvRow> rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::stringstream cells_in(line);
    for (std::string cell; std::getline(cells_in, cell, '\t');) cells.push_back(cell);
    if (header.empty()) {
      header = cells;
      continue;
    }
    TsvRow row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = i < cells.size() ? cells[i] : "";
    rows.push_back(std::move(row));
  }
  return rows;
}

// Copies a corpus file to dir/relative, creating folders.
inline void place(const std::filesystem::path& corpus_file, const std::filesystem::path& dir, const std::string& relative) {
  const std::filesystem::path target = dir / relative;
  std::filesystem::create_directories(target.parent_path());
  std::filesystem::copy_file(corpus_file, target, std::filesystem::copy_options::overwrite_existing);
}

// A ProfileReader for suites that must not contain profiles.
inline gate::Profile no_profiles(const std::filesystem::path& file) {
  throw std::logic_error("unexpected profile file " + file.string());
}

}  // namespace zkgate::test::suite
