#pragma once

#include <optional>
#include <string_view>

#include <CLI/CLI.hpp>

namespace zkgate::gate::cli {

// Parses a subcommand's arguments the same way for every subcommand: --help prints the
// usage (exit 0), a usage error prints "gate: error: ..." and where to find the usage (exit 2).
// Returns the exit code when the subcommand must stop here, nullopt when it should run.
std::optional<int> parse_arguments(CLI::App& app, int argc, char** argv, std::string_view subcommand);

}  // namespace zkgate::gate::cli
