#include <filesystem>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "gate/cli/parse_arguments.h"
#include "gate/cli/subcommands.h"
#include "gate/profile/parse.h"
#include "gate/run/config.h"
#include "gate/run/execute.h"
#include "gate/suite/suite_command.h"
#include "util/exit_codes.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::cli {
namespace {

constexpr const char* kMergeFooter = R"(
Every shard is kept: an unreadable or missing result file, a case judged twice, shards of
different runs (base, head or config differ), and with --expect-case or --config a case no
shard judged all become "could not judge" cases, so the verdict is 2 unless every shard judged.

Suite shards (folders of profiles, ethrex zkevm_bench reports, zkgate suite JSON from
parallel benchmark jobs) are merged instead into one zkgate suite JSON (--json, default
stdout) with every failed workload kept; compare two merged suites with gate compare.

Exit codes: 0 pass (suites: merged), 1 regression, 2 could not judge (including any failed
or missing shard; suites: an unreadable shard or a workload in two shards).

Examples:
  gate merge results/*.json --markdown "$GITHUB_STEP_SUMMARY"
  gate merge result-a.json result-b.json --config .zkgate.yml --json merged.json
  gate merge bench-job-1/ bench-job-2/ --json head-suite.json        # suite shards
)";

// Suite shards are merged into a suite, gate run results into a report; a mix is a mistake
// (two different jobs' outputs) that must not be half-merged.
std::optional<int> merge_suite_shards(const run::MergeInput& input, const ReportOutputs& outputs) {
  std::vector<std::filesystem::path> suites;
  std::vector<std::filesystem::path> others;
  for (const std::filesystem::path& shard : input.shards) {
    (suite::is_suite_input(shard) ? suites : others).push_back(shard);
  }
  if (suites.empty()) return std::nullopt;
  if (!others.empty()) {
    throw util::InputError({others.front().string()},
                           fmt::format("is not a suite, but {} is: gate merge merges either suite shards or "
                                       "`gate run --json-out` results, not both",
                                       suites.front().string()),
                           "merge the suites and the gate run results in separate gate merge calls");
  }
  if (!outputs.markdown_path.empty() || !input.expected_cases.empty()) {
    throw util::InputError({}, "--markdown, --expect-case and --config apply to gate run results, not to suite shards",
                           "merge the suites into one JSON, then `gate compare BASE.json HEAD.json --markdown FILE`");
  }
  const suite::ProfileReader reader = [](const std::filesystem::path& file) { return parse_profile(file, "auto"); };
  return suite::run_suite_merge(suites, outputs.json_path, reader, std::cout);
}

}  // namespace

int merge_command(int argc, char** argv) {
  CLI::App app{"Merge the per-case results of parallel `gate run --json-out` jobs into one report and verdict.",
               "gate merge"};
  run::MergeInput input;
  ReportOutputs outputs;
  std::string config_file;
  app.add_option("RESULT", input.shards, "shard result files (gate run --json-out), or suite shards")->required();
  app.add_option("--expect-case", input.expected_cases, "a case that must appear in some shard (repeatable)")
      ->type_name("NAME");
  app.add_option("--config", config_file, "expect every case of this .zkgate.yml")->type_name("FILE");
  app.add_option("--json", outputs.json_path, "write the merged JSON report; - = stdout")->type_name("FILE");
  app.add_option("--markdown", outputs.markdown_path, "write the markdown report; - = stdout")->type_name("FILE");
  app.add_option("--template", outputs.template_path, "mustache template for --markdown")->type_name("FILE");
  app.add_flag("--quiet,-q", outputs.quiet, "no text report on stdout");
  app.footer(kMergeFooter);
  if (const std::optional<int> stop = parse_arguments(app, argc, argv, "merge")) return *stop;
  if (!config_file.empty()) {
    const run::RunConfig config = run::parse_run_config(util::read_file(config_file), config_file);
    for (const run::CaseConfig& c : config.cases) input.expected_cases.push_back(c.name);
  }
  if (const std::optional<int> merged = merge_suite_shards(input, outputs)) return *merged;
  return run::execute_merge(input, outputs, std::cout);
}

}  // namespace zkgate::gate::cli
