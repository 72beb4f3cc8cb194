#pragma once

#include <vector>

#include "gate/suite/suite.h"

// Shards of one benchmark run (parallel CI jobs) become one suite; `gate merge` calls this.
namespace zkgate::gate::suite {

// Concatenates the workloads of shards in order. Two shards holding the same key is an
// error (util::InputError naming both sources): a merged run has one result per workload.
Suite merge_suites(const std::vector<Suite>& shards);

}  // namespace zkgate::gate::suite
