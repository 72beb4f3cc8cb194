#include "gate/cli/parse_arguments.h"

#include <iostream>

#include "util/exit_codes.h"

namespace zkgate::gate::cli {

std::optional<int> parse_arguments(CLI::App& app, int argc, char** argv, std::string_view subcommand) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return util::kExitOk;
  } catch (const CLI::ParseError& e) {
    std::cerr << "gate: error: " << e.what() << "\nRun 'gate " << subcommand << " --help' for usage.\n";
    return util::kExitError;
  }
  return std::nullopt;
}

}  // namespace zkgate::gate::cli
