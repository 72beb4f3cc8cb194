#include "gate/cli/dispatch.h"

#include <exception>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "gate/cli/subcommands.h"
#include "util/exit_codes.h"
#include "util/input_error.h"

namespace zkgate::gate::cli {
namespace {

void print_usage(std::FILE* stream) {
  fmt::print(stream,
             "usage: gate SUBCOMMAND [OPTIONS]\n\n"
             "Compares zkVM profiles (steps/cycles) between a base and a head and fails on regressions.\n\n"
             "subcommands:\n");
  for (const Subcommand& subcommand : subcommands()) fmt::print(stream, "  {:<10} {}\n", subcommand.name, subcommand.help);
  fmt::print(stream,
             "\nRun `gate SUBCOMMAND --help` for its options and examples.\n"
             "Exit codes: 0 pass, 1 regression, 2 could not judge (usage, input, build or profile error).\n");
}

}  // namespace

int run_gate(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return util::kExitError;
  }
  const std::string first = argv[1];
  if (first == "--help" || first == "-h" || first == "help") {
    print_usage(stdout);
    return util::kExitOk;
  }
  if (first == "--version") {
    fmt::print("gate (zkgate) {}\n", ZKGATE_VERSION);
    return util::kExitOk;
  }
  for (const Subcommand& subcommand : subcommands()) {
    if (subcommand.name != first) continue;
    std::string program = fmt::format("gate {}", subcommand.name);
    std::vector<char*> args;
    args.push_back(program.data());
    for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
    args.push_back(nullptr);
    try {
      return subcommand.function(static_cast<int>(args.size() - 1), args.data());
    } catch (const util::InputError& e) {
      fmt::print(stderr, "gate: error: {}\n", e.describe());
    } catch (const std::exception& e) {
      fmt::print(stderr, "gate: error: {}\n", e.what());
    }
    return util::kExitError;
  }
  fmt::print(stderr, "gate: error: unknown subcommand '{}'\n", first);
  print_usage(stderr);
  return util::kExitError;
}

}  // namespace zkgate::gate::cli
