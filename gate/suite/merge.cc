#include "gate/suite/merge.h"

#include <map>

#include <fmt/format.h>

#include "util/input_error.h"

namespace zkgate::gate::suite {

Suite merge_suites(const std::vector<Suite>& shards) {
  if (shards.empty()) throw util::InputError({}, "nothing to merge: no suites given");
  Suite merged;
  merged.format = "zkgate-suite";
  std::map<std::string, const Workload*> by_key;
  std::vector<std::string> sources;
  for (const Suite& shard : shards) {
    sources.push_back(shard.source);
    for (const Workload& w : shard.workloads) {
      std::pair<std::map<std::string, const Workload*>::iterator, bool> inserted = by_key.emplace(w.key, &w);
      if (!inserted.second) {
        throw util::InputError({w.source, 0, 0},
                               fmt::format("workload \"{}\" is in two shards (also in {})", w.key,
                                           inserted.first->second->source),
                               "each shard must run a distinct set of workloads");
      }
    }
  }
  for (const Suite& shard : shards) {
    merged.workloads.insert(merged.workloads.end(), shard.workloads.begin(), shard.workloads.end());
  }
  merged.source = fmt::format("{}", fmt::join(sources, " + "));
  return merged;
}

}  // namespace zkgate::gate::suite
