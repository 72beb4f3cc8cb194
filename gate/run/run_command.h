#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "gate/compare/report_model.h"
#include "gate/run/gate_run.h"
#include "gate/run/merge.h"

// What the `gate run` and `gate merge` subcommands do once their flags are parsed: wire the
// real git and process runner, print the report, write the requested files, and map the
// verdict to the exit code. main() only parses flags and calls these.
namespace zkgate::gate::run {

struct ReportOutput {
  std::string format = "markdown";              // stdout: "markdown", "text" or "json"
  std::optional<std::filesystem::path> json_out;  // --json-out: the shard result / JSON report
  std::optional<std::filesystem::path> markdown_out;  // --markdown-out: e.g. $GITHUB_STEP_SUMMARY
  std::optional<std::filesystem::path> template_file; // --template: mustache template for markdown
};

// Runs the gate in the repository containing `options.repo_root` (the current folder by
// default). Returns 0/1/2. Throws util::InputError for "cannot continue" errors, after
// writing an error report to --json-out so a CI shard is never silently missing.
int execute_run(RunOptions options, const ReportOutput& output, bool quiet);

// Merges shard results; the same outputs and exit codes.
int execute_merge(const MergeInput& input, const ReportOutput& output);

// Prints the report on stdout in output.format and writes the requested files.
void emit_report(const Report& report, const ReportOutput& output);

}  // namespace zkgate::gate::run
