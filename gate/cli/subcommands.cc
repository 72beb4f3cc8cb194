#include "gate/cli/subcommands.h"

#include <array>

namespace zkgate::gate::cli {

std::span<const Subcommand> subcommands() {
  static const std::array kTable{
      Subcommand{"compare", "compare two saved profiles (or suites): verdict, text, markdown and JSON reports",
                 &compare_command},
  };
  return kTable;
}

}  // namespace zkgate::gate::cli
