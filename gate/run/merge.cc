#include "gate/run/merge.h"

#include <map>
#include <optional>

#include <fmt/format.h>

#include "gate/report/report_json.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

namespace {

CaseResult error_case(const std::string& name, const std::string& message) {
  CaseResult result;
  result.name = name;
  result.problem = CaseState::error;
  result.error = message;
  return result;
}

// The facts every shard of one run must share.
struct RunIdentity {
  std::string base_label;
  std::string head_label;
  std::string config_used;
  std::string shard;
};

}  // namespace

Report merge_shards(const MergeInput& input) {
  Report merged;
  std::optional<RunIdentity> identity;
  std::map<std::string, std::string> judged_in;  // case name -> shard that judged it
  if (input.shards.empty()) {
    merged.cases.push_back(error_case("gate merge", "no shard results given"));
  }
  for (const fs::path& shard : input.shards) {
    const std::string shard_name = shard.string();
    Report part;
    try {
      part = report_from_json_text(util::read_file(shard), shard_name);
    } catch (const util::InputError& error) {
      merged.cases.push_back(error_case(fmt::format("shard {}", shard_name),
                                        fmt::format("shard result unusable: {}", error.describe())));
      continue;
    }
    const RunIdentity mine{part.base_label, part.head_label, part.config_used, shard_name};
    if (!identity) {
      identity = mine;
      merged.base_label = part.base_label;
      merged.head_label = part.head_label;
      merged.config_used = part.config_used;
    } else if (mine.base_label != identity->base_label || mine.head_label != identity->head_label ||
               mine.config_used != identity->config_used) {
      merged.cases.push_back(error_case(
          fmt::format("shard {}", shard_name),
          fmt::format("shard judged base '{}' / head '{}' with config '{}', but {} judged base '{}' / head '{}' with "
                      "config '{}': results of different runs cannot be merged",
                      mine.base_label, mine.head_label, mine.config_used, identity->shard, identity->base_label,
                      identity->head_label, identity->config_used)));
      continue;
    }
    if (part.cases.empty()) {
      merged.cases.push_back(error_case(fmt::format("shard {}", shard_name), "shard result holds no case"));
    }
    for (CaseResult& result : part.cases) {
      const std::map<std::string, std::string>::iterator seen = judged_in.find(result.name);
      if (seen != judged_in.end()) {
        merged.cases.push_back(error_case(result.name, fmt::format("case judged twice: in {} and in {}", seen->second,
                                                                   shard_name)));
        continue;
      }
      judged_in.emplace(result.name, shard_name);
      merged.cases.push_back(std::move(result));
    }
  }
  for (const std::string& expected : input.expected_cases) {
    if (judged_in.count(expected) == 0) {
      merged.cases.push_back(error_case(
          expected, "no shard result for this case: its job is missing, or failed before writing --json-out"));
    }
  }
  return merged;
}

}  // namespace zkgate::gate::run
