#include <iostream>

#include <CLI/CLI.hpp>

#include "gate/cli/parse_arguments.h"
#include "gate/cli/subcommands.h"
#include "gate/journal/journal.h"
#include "gate/journal/listing.h"
#include "util/exit_codes.h"
#include "util/json_text.h"

namespace zkgate::gate::cli {
namespace {

constexpr const char* kJournalFooter = R"(
Columns: the date recorded (UTC), the name given to --record, the head's total steps, the
change vs the previous iteration's head (the first iteration: vs its own base), the
cumulative change vs the first iteration's base, and whether the iteration was kept (its
head has fewer steps than its base). DIMINISHING RETURNS is printed when each of the last
--window kept iterations improved by less than --diminishing-below percent.

Exit codes: 0 listed (also an empty or missing journal), 2 a damaged iteration folder
(its summary.json unreadable) or a usage error.

Examples:
  gate journal
  gate journal --journal bench/.zkgate/journal --diminishing-below 0.5
  gate journal --json | jq '.rows[-1]'
)";

}  // namespace

int journal_command(int argc, char** argv) {
  CLI::App app{"List the recorded optimization iterations (gate compare --record) with their gains.", "gate journal"};
  std::string journal_dir = journal::kDefaultJournalDir;
  journal::DiminishingPolicy policy;
  bool json = false;
  bool markdown = false;
  app.add_option("--journal", journal_dir, "the journal folder")->type_name("DIR")->capture_default_str();
  app.add_option("--diminishing-below", policy.threshold_percent,
                 "an iteration improving less than this many percent counts toward diminishing returns")
      ->type_name("PCT")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  app.add_option("--window", policy.window, "how many of the last kept iterations must each improve less")
      ->type_name("N")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  CLI::Option* json_flag = app.add_flag("--json", json, "the listing as JSON on stdout");
  app.add_flag("--markdown", markdown, "the listing as a markdown table on stdout")->excludes(json_flag);
  app.footer(kJournalFooter);
  if (const std::optional<int> stop = parse_arguments(app, argc, argv, "journal")) return *stop;
  const journal::Listing listing = journal::build_listing(journal::read_journal(journal_dir), policy);
  if (json) {
    std::cout << util::dump_json(journal::listing_to_json(listing), 2) << "\n";
  } else if (markdown) {
    std::cout << journal::listing_to_markdown(listing);
  } else {
    std::cout << journal::listing_to_text(listing);
  }
  return util::kExitOk;
}

}  // namespace zkgate::gate::cli
