#include <iostream>

#include <CLI/CLI.hpp>

#include "gate/cli/parse_arguments.h"
#include "gate/cli/subcommands.h"
#include "gate/run/config.h"
#include "gate/run/execute.h"
#include "util/exit_codes.h"
#include "util/file_io.h"

namespace zkgate::gate::cli {
namespace {

constexpr const char* kMergeFooter = R"(
Every shard is kept: an unreadable or missing result file, a case judged twice, shards of
different runs (base, head or config differ), and with --expect-case or --config a case no
shard judged all become "could not judge" cases, so the verdict is 2 unless every shard judged.

Exit codes: 0 pass, 1 regression, 2 could not judge (including any failed or missing shard).

Examples:
  gate merge results/*.json --markdown "$GITHUB_STEP_SUMMARY"
  gate merge result-a.json result-b.json --config .zkgate.yml --json merged.json
)";

}  // namespace

int merge_command(int argc, char** argv) {
  CLI::App app{"Merge the per-case results of parallel `gate run --json-out` jobs into one report and verdict.",
               "gate merge"};
  run::MergeInput input;
  ReportOutputs outputs;
  std::string config_file;
  app.add_option("RESULT", input.shards, "shard result files (gate run --json-out)")->required();
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
  return run::execute_merge(input, outputs, std::cout);
}

}  // namespace zkgate::gate::cli
