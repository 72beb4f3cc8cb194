#include "gate/cli/subcommands.h"

#include <array>

namespace zkgate::gate::cli {

std::span<const Subcommand> subcommands() {
  static const std::array kTable{
      Subcommand{"baseline", "`baseline set FILE`: replace the local baseline only with an improvement", &baseline_command},
      Subcommand{"comment", "create or update the one sticky zkgate comment on a pull request (GitHub REST API)",
                 &comment_command},
      Subcommand{"compare", "compare two saved profiles (or suites): verdict, text, markdown and JSON reports",
                 &compare_command},
      Subcommand{"journal", "list the recorded optimization iterations, gains so far, diminishing returns",
                 &journal_command},
      Subcommand{"merge", "merge the per-case results of parallel `gate run` jobs into one report and verdict",
                 &merge_command},
      Subcommand{"run", "profile the head and its merge base with each .zkgate.yml case, and judge the head",
                 &run_command},
      Subcommand{"show", "one profile as text, markdown or JSON, with advice: what to look at next", &show_command},
  };
  return kTable;
}

}  // namespace zkgate::gate::cli
