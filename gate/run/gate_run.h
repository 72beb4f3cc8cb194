#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gate/compare/report_model.h"
#include "gate/run/command_runner.h"
#include "gate/run/config.h"
#include "gate/run/progress.h"
#include "gate/run/revisions.h"

// `gate run`: profile every selected case at the merge base and at the head, compare, and
// return one report. The passes, in order: resolve revisions, read the trusted config,
// run the (case, side) jobs on -j workers, judge each case.
namespace zkgate::gate::run {

inline constexpr const char* kConfigFileName = ".zkgate.yml";

struct RunOptions {
  std::string head = "WORKTREE";                  // --head
  std::optional<std::string> base;                // --base; default: the remote's default branch
  std::optional<std::filesystem::path> config_file;  // --config: a local file instead of the base's .zkgate.yml
  std::string base_config_path = kConfigFileName;     // --base-config: where the config sits in the base revision
  std::vector<std::string> cases;                 // --case (repeatable); empty: every case
  std::filesystem::path out_dir = "zkgate-out";   // --out: logs, profiles, report
  std::optional<std::filesystem::path> cache_dir; // --cache-dir; else the config's cache_dir, else XDG
  bool use_cache = true;                          // --no-cache turns it off
  unsigned jobs = 1;                              // -j
  std::filesystem::path repo_root;                // where case inputs are found (the working tree root)
};

// Reads the config the gate trusts: --config when given, else base_config_path at the base
// revision (so a PR cannot loosen the gate that judges it). Throws util::InputError.
RunConfig load_trusted_config(const RunOptions& options, RevisionSource& source, const Revision& base);

// Runs the gate. Throws util::InputError for problems that stop everything (git, config,
// unknown --case) and Interrupted on SIGINT/SIGTERM; a failing case is data in the report.
Report run_gate(const RunOptions& options, RevisionSource& source, CommandRunner& runner, Progress& progress);

// The report of a run that could not start: one "could not judge" case per requested
// case (or one named "gate run"), so a CI shard still leaves a result for gate merge.
Report error_report(const std::vector<std::string>& case_names, const std::string& message);

}  // namespace zkgate::gate::run
