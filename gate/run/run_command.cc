#include "gate/run/run_command.h"

#include <cstdio>

#include <fmt/format.h>

#include "gate/compare/verdict.h"
#include "gate/report/markdown_report.h"
#include "gate/report/report_json.h"
#include "gate/report/text_report.h"
#include "gate/run/command_runner.h"
#include "gate/run/git_revisions.h"
#include "gate/run/interrupt.h"
#include "util/exit_codes.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::run {

namespace fs = std::filesystem;

namespace {

std::string markdown_of(const Report& report, const ReportOutput& output) {
  if (!output.template_file) return render_markdown(report);
  return render_markdown(report, util::read_file(*output.template_file), output.template_file->string());
}

}  // namespace

void emit_report(const Report& report, const ReportOutput& output) {
  if (output.json_out) util::atomic_write_file(*output.json_out, report_to_json_text(report));
  if (output.markdown_out) util::atomic_write_file(*output.markdown_out, markdown_of(report, output));
  std::string text;
  if (output.format == "json") {
    text = report_to_json_text(report);
  } else if (output.format == "text") {
    text = render_text(report);
  } else {
    text = markdown_of(report, output);
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

int execute_run(RunOptions options, const ReportOutput& output, bool quiet) {
  InterruptGuard interrupts;
  Progress progress(quiet);
  Report report;
  try {
    GitRevisionSource source(options.repo_root.empty() ? fs::current_path() : options.repo_root);
    options.repo_root = source.workdir().empty() ? fs::current_path() : source.workdir();
    ShellCommandRunner runner;
    report = run_gate(options, source, runner, progress);
  } catch (const Interrupted& stop) {
    // The trees are gone by now (their owners unwound); say so and leave a shard result.
    if (output.json_out) util::atomic_write_file(*output.json_out, report_to_json_text(error_report(options.cases, stop.what())));
    throw util::InputError({}, fmt::format("{}; stopped every command and removed the temporary trees", stop.what()));
  } catch (const util::InputError& error) {
    if (output.json_out) {
      util::atomic_write_file(*output.json_out, report_to_json_text(error_report(options.cases, error.describe())));
    }
    throw;
  }
  emit_report(report, output);
  return exit_code(report.verdict());
}

int execute_merge(const MergeInput& input, const ReportOutput& output) {
  const Report report = merge_shards(input);
  emit_report(report, output);
  return exit_code(report.verdict());
}

}  // namespace zkgate::gate::run
