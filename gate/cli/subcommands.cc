#include "gate/cli/subcommands.h"

#include <array>

namespace zkgate::gate::cli {

std::span<const Subcommand> subcommands() {
  static const std::array kTable{
      Subcommand{"comment", "create or update the one sticky zkgate comment on a pull request (GitHub REST API)",
                 &comment_command},
      Subcommand{"compare", "compare two saved profiles (or suites): verdict, text, markdown and JSON reports",
                 &compare_command},
      Subcommand{"merge", "merge the per-case results of parallel `gate run` jobs into one report and verdict",
                 &merge_command},
      Subcommand{"run", "profile the head and its merge base with each .zkgate.yml case, and judge the head",
                 &run_command},
  };
  return kTable;
}

}  // namespace zkgate::gate::cli
