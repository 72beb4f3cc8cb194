#include "gate/cli/subcommands.h"

#include <array>

namespace zkgate::gate::cli {

std::span<const Subcommand> subcommands() {
  static const std::array kTable{
      Subcommand{"comment", "create or update the one sticky zkgate comment on a pull request (GitHub REST API)",
                 &comment_command},
      Subcommand{"compare", "compare two saved profiles (or suites): verdict, text, markdown and JSON reports",
                 &compare_command},
  };
  return kTable;
}

}  // namespace zkgate::gate::cli
