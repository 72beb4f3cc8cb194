#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "gate/advice/advice_json.h"
#include "gate/cli/parse_arguments.h"
#include "gate/cli/show_run.h"
#include "gate/cli/subcommands.h"
#include "gate/profile/parse.h"
#include "util/exit_codes.h"

namespace zkgate::gate::cli {
namespace {

std::string show_footer() {
  std::string formats;
  for (const std::string& line : profile_format_descriptions()) formats += "  " + line + "\n";
  return fmt::format(
      "\nProfile formats (auto-detected; --format forces one):\n{}"
      "\nThe text report lists the profile's totals, its top 10 functions by ZisK cost (else steps)\n"
      "and the advice: each rule that fired with its evidence (function, share, calls) and what to\n"
      "check next, then the rules the profile lacks data for. --json writes zkgate's profile JSON\n"
      "(schema zkgate-profile/1) with an \"advice\" key; `gate compare` reads it like the original\n"
      "file, so it is the converter ethrex's to-json.sh was meant to be.\n"
      "\nExit codes: 0 shown (advice never fails), 2 unreadable or unparseable profile, rules or matrix,\n"
      "or a usage error.\n"
      "\nExamples:\n"
      "  gate show profile.txt\n"
      "  gate show profile.txt --json profile.json --quiet      # what ethrex's to-json.sh was meant to do\n"
      "  gate show profile.txt --markdown - >> \"$GITHUB_STEP_SUMMARY\"\n"
      "  gate show profile.txt --rules team-rules.yml\n"
      "  gate show --list-rules --rules team-rules.yml           # the rules in effect\n"
      "  gate show --default-rules > team-rules.yml              # start a team's own rules\n",
      formats);
}

}  // namespace

int show_command(int argc, char** argv) {
  CLI::App app{"Show one profile as text, markdown or JSON, with advice: what to look at next.", "gate show"};
  ShowRequest request;
  bool list_rules = false;
  bool print_default_rules = false;
  app.add_option("FILE", request.file, "a saved profile (any format gate compare reads)");
  app.add_option("--format", request.format, "profile format (default auto)")->check(CLI::IsMember([] {
    std::vector<std::string> ids = profile_format_ids();
    ids.insert(ids.begin(), "auto");
    return ids;
  }()));
  app.add_option("--json", request.json_path, "write the profile JSON with an \"advice\" key; - = stdout")
      ->type_name("FILE");
  app.add_option("--markdown", request.markdown_path, "write the markdown report; - = stdout")->type_name("FILE");
  app.add_option("--rules", request.rules_file,
                 "advice rules YAML (default: the embedded rules; `extends: default` + `disable: [ids]`)")
      ->type_name("FILE");
  app.add_option("--matrix", request.matrix_file,
                 "crypto matrix YAML for the crypto rule (default: the matrix patchcheck embeds)")
      ->type_name("FILE");
  app.add_flag("--quiet,-q", request.quiet, "no text report on stdout");
  app.add_flag("--list-rules", list_rules, "list the advice rules in effect (with --rules: that file's) and exit");
  app.add_flag("--default-rules", print_default_rules, "print the embedded rules YAML and exit");
  app.footer(show_footer());
  if (const std::optional<int> stop = parse_arguments(app, argc, argv, "show")) return *stop;
  if (print_default_rules) {
    std::cout << advice::default_rules_yaml();
    return util::kExitOk;
  }
  if (list_rules) {
    std::cout << advice::rules_to_text(load_request_rules(request.rules_file));
    return util::kExitOk;
  }
  if (request.file.empty()) {
    std::cerr << "gate: error: FILE is required\nRun 'gate show --help' for usage.\n";
    return util::kExitError;
  }
  return run_show(request, std::cout);
}

}  // namespace zkgate::gate::cli
