#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "gate/run/revisions.h"
#include "util/input_error.h"

// `.zkgate.yml`: what `gate run` builds and profiles, and the thresholds that judge it.
// Unknown keys are errors (a misspelt threshold must not silently loosen the gate).
namespace zkgate::gate::run {

inline constexpr std::chrono::seconds kDefaultCommandTimeout{3600};

struct CaseConfig {
  std::string name;                    // [A-Za-z0-9._-]+, unique: names shards, logs and cache entries
  std::string zkvm;                    // "zisk", "sp1", "native", ... (shown in the report)
  std::optional<std::string> input;    // file the case runs on, relative to the repository root
  std::optional<std::string> build;    // shell command; cases with the same build share one run
  std::string profile;                 // shell command that produces the profile
  std::string output = "stdout";       // "stdout" or a path/glob ($ZKGATE_OUT, relative to the tree)
  std::string format = "auto";         // profile parser id, "auto" to detect
  std::chrono::seconds timeout = kDefaultCommandTimeout;  // per command
  YAML::Node thresholds;               // per-case overrides of the top-level thresholds; IsNull() when none
  util::SourceLocation where;          // the case's line, for messages
};

struct RunConfig {
  std::string source;                  // where it was read from, e.g. "base 1a2b3c4d5e6f:.zkgate.yml"
  std::vector<CaseConfig> cases;
  YAML::Node thresholds;               // top-level thresholds as written; IsNull() when none
  util::SourceLocation thresholds_where;
  std::optional<std::string> cache_dir;
  SubmodulePolicy submodules = SubmodulePolicy::kCheckout;

  // The case with this name, or nullptr.
  const CaseConfig* find_case(std::string_view name) const;
};

// Parses a config. source_name is used in every error ("<source>:<line>:<col>: ...").
// Throws util::InputError on invalid YAML, unknown keys, missing or mistyped values.
RunConfig parse_run_config(std::string_view text, const std::string& source_name);

// "90", "90s", "15m", "2h" -> seconds; nullopt for anything else or zero.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// Everything about a case that changes the profile it produces (commands, output, format,
// zkvm, input path), serialised canonically: the config part of the cache key.
std::string case_fingerprint(const CaseConfig& config);

}  // namespace zkgate::gate::run
