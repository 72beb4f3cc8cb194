#pragma once

#include <iosfwd>

#include "gate/report/report_outputs.h"
#include "gate/run/gate_run.h"
#include "gate/run/merge.h"

// What the `gate run` and `gate merge` subcommands do once their flags are parsed: wire the
// real git and process runner, write the report outputs, and map the verdict to the exit
// code. The command files in gate/cli only parse flags and call these.
namespace zkgate::gate::run {

// Runs the gate in the repository containing options.repo_root (default: the current
// folder). --quiet (outputs.quiet) also silences progress. Returns 0/1/2. Throws
// util::InputError for "cannot continue" errors (git, config, interrupt) after writing an
// error report to --json, so a CI shard is never silently missing.
int execute_run(RunOptions options, const ReportOutputs& outputs, std::ostream& out);

// Merges shard results into one report; the same outputs and exit codes.
int execute_merge(const MergeInput& input, const ReportOutputs& outputs, std::ostream& out);

}  // namespace zkgate::gate::run
