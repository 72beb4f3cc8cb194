#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "gate/profile/profile.h"
#include "gate/run/base_cache.h"
#include "gate/run/command_runner.h"
#include "gate/run/config.h"
#include "gate/run/progress.h"
#include "gate/run/revision_workspace.h"
#include "gate/run/step_failure.h"

// One case on one side (base or head): cache lookup (base only), checkout, build, profile,
// locate the output, parse. Every way it can fail becomes a StepFailure, not an exception,
// so one broken case never hides the others; only an interrupt is thrown.
namespace zkgate::gate::run {

struct SideContext {
  const CaseConfig* config = nullptr;
  RevisionWorkspace* workspace = nullptr;
  std::filesystem::path case_out;               // <out>/<role>/<case>: logs, ZKGATE_OUT, the profile copy
  std::optional<std::filesystem::path> input;   // absolute path of the case's input file
  const BaseCache* cache = nullptr;             // set for the base side when caching is on
  CacheKey cache_key;
};

struct SideOutcome {
  std::optional<Profile> profile;
  std::optional<StepFailure> failure;
  bool from_cache = false;
};

SideOutcome run_case_side(const SideContext& context, CommandRunner& runner, Progress& progress);

}  // namespace zkgate::gate::run
