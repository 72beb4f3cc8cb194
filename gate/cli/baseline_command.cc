#include <iostream>

#include <CLI/CLI.hpp>

#include "gate/cli/baseline_run.h"
#include "gate/cli/parse_arguments.h"
#include "gate/cli/subcommands.h"
#include "gate/journal/baseline.h"
#include "gate/journal/journal.h"
#include "gate/profile/parse.h"
#include "util/exit_codes.h"

namespace zkgate::gate::cli {
namespace {

constexpr const char* kBaselineFooter = R"(
`gate baseline set FILE` makes FILE the baseline when there is none, or when FILE has fewer
total steps (cycles) than the baseline: equal is not better, a regression never replaces
it. The replaced baseline is kept, byte for byte, as
<journal>/baselines/<UTC timestamp>-<total>-<unit>.profile. The new baseline is written to a
temporary file, fsynced and renamed, so a crash mid-update leaves the old one whole.
Both must be profiles of the same zkVM and unit.

Exit codes: 0 created or replaced, 1 kept (FILE is not an improvement; nothing written),
2 unreadable or unparseable profile, different zkVMs or units, or a usage error.

Examples:
  gate baseline set profiles/after.txt
  gate baseline set after.txt --baseline bench/baseline.txt --journal bench/journal
  gate compare .zkgate/baseline.profile after.txt     # judge the next change against it
)";

}  // namespace

int baseline_command(int argc, char** argv) {
  CLI::App app{"Manage the local baseline of the optimization loop.", "gate baseline"};
  BaselineRequest request;
  std::string candidate;
  std::string baseline_file = journal::kDefaultBaselineFile;
  std::string journal_dir = journal::kDefaultJournalDir;
  app.require_subcommand(1);
  CLI::App* set = app.add_subcommand("set", "make FILE the baseline if it improves on the current one");
  set->add_option("FILE", candidate, "the candidate profile (any format gate compare reads)")->required();
  set->add_option("--baseline", baseline_file, "the baseline file")->type_name("FILE")->capture_default_str();
  set->add_option("--journal", journal_dir, "the journal folder; replaced baselines are kept in its baselines/")
      ->type_name("DIR")
      ->capture_default_str();
  set->add_option("--format", request.format, "profile format of FILE (default auto)")->check(CLI::IsMember([] {
    std::vector<std::string> ids = profile_format_ids();
    ids.insert(ids.begin(), "auto");
    return ids;
  }()));
  app.footer(kBaselineFooter);
  set->footer(kBaselineFooter);
  if (const std::optional<int> stop = parse_arguments(app, argc, argv, "baseline")) return *stop;
  request.candidate = candidate;
  request.baseline_file = baseline_file;
  request.journal_dir = journal_dir;
  return run_baseline_set(request, std::cout);
}

}  // namespace zkgate::gate::cli
