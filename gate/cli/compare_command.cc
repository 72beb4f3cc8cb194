#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "gate/cli/compare_run.h"
#include "gate/cli/parse_arguments.h"
#include "gate/cli/subcommands.h"
#include "gate/profile/parse.h"
#include "gate/suite/suite_command.h"
#include "util/exit_codes.h"

namespace zkgate::gate::cli {
namespace {

std::string compare_footer() {
  std::string formats;
  for (const std::string& line : profile_format_descriptions()) formats += "  " + line + "\n";
  return fmt::format(
      "\nProfile formats (auto-detected; --format forces one):\n{}"
      "\nAdvice: the advice rules (`gate show --list-rules`) are evaluated on HEAD and shown in every\n"
      "report as \"what to look at next\"; advice never changes the verdict.\n"
      "\nThe optimization loop (two profiles, not suites): --record NAME stores BASE and HEAD byte\n"
      "for byte, report.md, report.json and summary.json in a new <journal>/<UTC timestamp>-<slug>/\n"
      "folder (never overwriting; list them with `gate journal`). --keep-if-better makes HEAD the\n"
      "baseline file when it has fewer total steps than the baseline (or there is none), keeping\n"
      "the old one in <journal>/baselines/. What they did is said on stderr.\n"
      "\n--report optimization: --markdown and --json (and the recorded report) become the\n"
      "iteration report: the change (--title/--note, else the --head-rev commit message), the\n"
      "files modified between --base-rev and --head-rev (libgit2; omitted without them), a results\n"
      "table (total before/after/change, ZisK total cost, top function and its share), the advice\n"
      "and the next steps (template templates/optimization-report.md.mustache, embedded).\n"
      "\nExit codes: 0 pass (improvements included), 1 regression past the policy, 2 could not judge\n"
      "(usage error, unreadable or unparseable profile, rules or matrix, profiles of different zkVMs\n"
      "or units, a journal or baseline that cannot be written). --keep-if-better never changes it.\n"
      "\nExamples:\n"
      "  gate compare before.log after.log\n"
      "  gate compare base.txt head.txt --policy thresholds.yml --markdown report.md --json report.json\n"
      "  gate compare base.txt head.txt --config .zkgate.yml --name block-23350480 --quiet --json -\n"
      "  gate compare base.txt head.txt --markdown - --template my-report.md.mustache >> \"$GITHUB_STEP_SUMMARY\"\n"
      "  gate compare results-main/ results-pr/ --metric air_cost --markdown suite.md   # suites\n"
      "  gate compare .zkgate/baseline.profile after.txt --record avoid-clone --title \"Avoid NodeType clone\" \\\n"
      "      --keep-if-better                   # one iteration of the optimization loop\n"
      "  gate compare before.txt after.txt --report optimization --base-rev main --head-rev HEAD \\\n"
      "      --markdown iteration.md             # the iteration report, files and commit message from git\n",
      formats);
}

}  // namespace

int compare_command(int argc, char** argv) {
  CLI::App app{"Compare two saved profiles (BASE = before, HEAD = after) and judge HEAD against the policy.",
               "gate compare"};
  CompareRequest request;
  suite::SuiteFlags suite_flags;
  std::string base;
  std::string head;
  app.add_option("BASE", base, "profile of the base revision (or a suite: folder, zkevm_bench report, suite JSON)")
      ->required();
  app.add_option("HEAD", head, "profile of the head revision (or a suite)")->required();
  app.add_option("--format", request.format, "profile format of both files (default auto)")
      ->check(CLI::IsMember([] {
        std::vector<std::string> ids = profile_format_ids();
        ids.insert(ids.begin(), "auto");
        return ids;
      }()));
  CLI::Option* policy_option =
      app.add_option("--policy", request.policy_file,
                     "thresholds YAML (the `thresholds` mapping, or a .zkgate.yml); default: built-in policy")
          ->type_name("FILE");
  app.add_option("--config", request.config_file, "a .zkgate.yml whose `thresholds` key is the policy")
      ->type_name("FILE")
      ->excludes(policy_option);
  app.add_option("--name", request.case_name, "case name for the report and per-case policy overrides")
      ->type_name("NAME");
  app.add_option("--input", request.input, "workload label for the report (default: from the profile)")
      ->type_name("LABEL");
  app.add_option("--matrix", request.matrix_file,
                 "crypto matrix YAML for the crypto diagnosis (default: the matrix patchcheck embeds)")
      ->type_name("FILE");
  app.add_option("--json", request.outputs.json_path, "write the JSON report (schema zkgate-report v1); - = stdout")
      ->type_name("FILE");
  app.add_option("--markdown", request.outputs.markdown_path, "write the markdown report; - = stdout")
      ->type_name("FILE");
  app.add_option("--template", request.outputs.template_path,
                 "mustache template for --markdown (default: templates/gate-report.md.mustache, embedded)")
      ->type_name("FILE");
  app.add_flag("--quiet,-q", request.outputs.quiet, "no text report on stdout");
  app.add_option("--rules", request.rules_file,
                 "advice rules YAML (default: the embedded rules; see gate show --list-rules)")
      ->type_name("FILE");
  std::string journal_dir = request.journal_dir.string();
  std::string baseline_file = request.baseline_file.string();
  CLI::Option* record_option =
      app.add_option("--record", request.record_name, "store this iteration in the journal under NAME")->type_name("NAME");
  app.add_option("--title", request.title, "what the change was (journal and report)")->type_name("TEXT");
  app.add_option("--note", request.note, "what was learned (journal)")->type_name("TEXT");
  app.add_option("--journal", journal_dir, "the journal folder")->type_name("DIR")->capture_default_str();
  CLI::Option* keep_option =
      app.add_flag("--keep-if-better", request.keep_if_better, "make HEAD the baseline file if it has fewer total steps");
  app.add_option("--baseline", baseline_file, "the baseline file for --keep-if-better")
      ->type_name("FILE")
      ->capture_default_str();
  app.add_option("--report", request.report_kind,
                 "what --markdown/--json write: gate (the gate report) or optimization (the iteration report)")
      ->check(CLI::IsMember({"gate", "optimization"}))
      ->capture_default_str();
  CLI::Option* base_rev_option =
      app.add_option("--base-rev", request.base_rev, "the revision BASE was built from (files modified)")->type_name("REV");
  CLI::Option* head_rev_option =
      app.add_option("--head-rev", request.head_rev, "the revision HEAD was built from (its message is the default --title)")
          ->type_name("REV");
  base_rev_option->needs(head_rev_option);
  head_rev_option->needs(base_rev_option);
  std::string repo = request.repo.string();
  app.add_option("--repo", repo, "the git repository of --base-rev/--head-rev")->type_name("DIR")->capture_default_str();
  suite::add_suite_flags(app, suite_flags);
  app.footer(compare_footer());
  if (const std::optional<int> stop = parse_arguments(app, argc, argv, "compare")) return *stop;
  request.base = base;
  request.head = head;
  request.journal_dir = journal_dir;
  request.baseline_file = baseline_file;
  request.repo = repo;
  if (suite::is_suite_input(request.base) || suite::is_suite_input(request.head)) {
    if (record_option->count() > 0 || keep_option->count() > 0 || request.report_kind != "gate") {
      std::cerr << "gate: error: --record, --keep-if-better and --report optimization take two profiles, not suites\n";
      return util::kExitError;
    }
    const Policy policy = load_request_policy(request);
    suite::SuiteOutputs outputs;
    outputs.threshold_pct = policy.total.max_increase_percent.value_or(0.0);
    outputs.json_path = request.outputs.json_path;
    outputs.markdown_path = request.outputs.markdown_path;
    outputs.template_path = request.outputs.template_path;
    outputs.quiet = request.outputs.quiet;
    const suite::ProfileReader reader = [&request](const std::filesystem::path& file) {
      return parse_profile(file, request.format);
    };
    return suite::run_suite_compare(request.base, request.head, suite_flags, outputs, reader, std::cout);
  }
  return run_compare(request, std::cout, std::cerr);
}

}  // namespace zkgate::gate::cli
