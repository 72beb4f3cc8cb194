#include <iostream>

#include <CLI/CLI.hpp>

#include "gate/cli/parse_arguments.h"
#include "gate/cli/subcommands.h"
#include "gate/run/execute.h"
#include "util/exit_codes.h"

namespace zkgate::gate::cli {
namespace {

constexpr const char* kRunFooter = R"(
The config is .zkgate.yml read from the BASE revision, so a PR cannot loosen the gate that
judges it; --config FILE uses a local file instead and the report says so. Each revision is
checked out into a temporary folder under $TMPDIR (your checkout, index and refs are never
touched) that is removed on every exit, Ctrl-C included. Commands run through /bin/sh in
that folder with ZKGATE_REV, ZKGATE_ROLE (base|head), ZKGATE_TREE, ZKGATE_CASE, ZKGATE_OUT
and ZKGATE_INPUT set; their logs go to --out DIR/<base|head>/<case>/. Base profiles are
cached by (base commit, case, config digest, input digest, zkgate version).

Exit codes: 0 pass (improvements included), 1 regression past the policy, 2 could not judge
(git, config, build, profile or parse failure; interrupted).

Examples:
  gate run                                     # working tree vs its merge base with origin/main
  gate run --head HEAD --base origin/main -j 2
  gate run --case zisk-block-23769082 --json-out result-zisk.json --quiet   # one CI shard
  gate run --config .zkgate.yml --no-cache --markdown report.md
)";

}  // namespace

int run_command(int argc, char** argv) {
  CLI::App app{"Profile the head and its merge base with each case of .zkgate.yml, and judge the head.", "gate run"};
  run::RunOptions options;
  ReportOutputs outputs;
  std::string repo;
  app.add_option("--head", options.head, "revision to judge: a ref or commit, or WORKTREE (default)")->type_name("REF");
  app.add_option("--base", options.base,
                 "base branch; the base is its merge base with the head (default: origin/HEAD, origin/main, "
                 "origin/master, main, master)")
      ->type_name("REF");
  app.add_option("--case", options.cases, "run only this case (repeatable); default: every case")->type_name("NAME");
  app.add_option("--config", options.config_file, "use this local config instead of .zkgate.yml at the base")
      ->type_name("FILE");
  app.add_option("--base-config", options.base_config_path,
                 "path of the config inside the base revision (default .zkgate.yml)")
      ->type_name("PATH")
      ->excludes("--config");
  app.add_option("--out", options.out_dir, "folder for logs and profiles (default ./zkgate-out)")->type_name("DIR");
  CLI::Option* cache_dir = app.add_option("--cache-dir", options.cache_dir,
                                          "base-profile cache (default: config cache_dir, $XDG_CACHE_HOME/zkgate, "
                                          "~/.cache/zkgate)")
                               ->type_name("DIR");
  app.add_flag("--no-cache", [&options](std::int64_t) { options.use_cache = false; },
               "neither read nor write the base cache")
      ->excludes(cache_dir);
  app.add_option("-j,--jobs", options.jobs, "cases (and sides) run in parallel (default 1)")
      ->check(CLI::Range(1u, 64u));
  app.add_option("--repo", repo, "repository to run in (default: the one containing the current folder)")
      ->type_name("DIR");
  app.add_option("--json,--json-out", outputs.json_path,
                 "write the JSON report (schema zkgate-report v1; the shard result for gate merge); - = stdout")
      ->type_name("FILE");
  app.add_option("--markdown", outputs.markdown_path, "write the markdown report; - = stdout")->type_name("FILE");
  app.add_option("--template", outputs.template_path, "mustache template for --markdown")->type_name("FILE");
  app.add_flag("--quiet,-q", outputs.quiet, "no progress on stderr and no text report on stdout");
  app.footer(kRunFooter);
  if (const std::optional<int> stop = parse_arguments(app, argc, argv, "run")) return *stop;
  if (!repo.empty()) options.repo_root = repo;
  return run::execute_run(options, outputs, std::cout);
}

}  // namespace zkgate::gate::cli
