#include "gate/run/execute.h"

#include <filesystem>

#include <fmt/format.h>

#include "gate/compare/verdict.h"
#include "gate/report/report_json.h"
#include "gate/run/command_runner.h"
#include "gate/run/git_revisions.h"
#include "gate/run/interrupt.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

namespace {

// A shard result for a run that stopped early: gate merge must see it, not miss it.
void write_error_shard(const ReportOutputs& outputs, const std::vector<std::string>& cases, const std::string& message) {
  if (outputs.json_path.empty() || outputs.json_path == "-") return;
  util::atomic_write_file(outputs.json_path, report_to_json_text(error_report(cases, message)));
}

}  // namespace

int execute_run(RunOptions options, const ReportOutputs& outputs, std::ostream& out) {
  InterruptGuard interrupts;
  Progress progress(outputs.quiet);
  Report report;
  try {
    GitRevisionSource source(options.repo_root.empty() ? fs::current_path() : options.repo_root);
    options.repo_root = source.workdir().empty() ? fs::current_path() : source.workdir();
    ShellCommandRunner runner;
    report = run_gate(options, source, runner, progress);
  } catch (const Interrupted& stop) {
    // By now every temporary tree is gone: their owners unwound on the way here.
    const std::string message = fmt::format("{}; commands stopped, temporary trees removed", stop.what());
    write_error_shard(outputs, options.cases, message);
    throw util::InputError({}, message);
  } catch (const util::InputError& error) {
    write_error_shard(outputs, options.cases, error.describe());
    throw;
  }
  write_report_outputs(report, outputs, out);
  return exit_code(report.verdict());
}

int execute_merge(const MergeInput& input, const ReportOutputs& outputs, std::ostream& out) {
  const Report report = merge_shards(input);
  write_report_outputs(report, outputs, out);
  return exit_code(report.verdict());
}

}  // namespace zkgate::gate::run
