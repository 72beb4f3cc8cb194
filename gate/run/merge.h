#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "gate/compare/report_model.h"

// `gate merge`: one report and one verdict from the per-case results (`gate run --case NAME
// --json-out FILE`) of a CI matrix. Nothing is dropped: an unreadable or missing shard,
// an expected case no shard judged, a case judged twice, and shards run against
// different revisions or configs all become "could not judge" cases.
namespace zkgate::gate::run {

struct MergeInput {
  std::vector<std::filesystem::path> shards;    // result files as given (a missing one is reported)
  std::vector<std::string> expected_cases;      // from --case / --config: each must appear once
};

Report merge_shards(const MergeInput& input);

}  // namespace zkgate::gate::run
