#pragma once

#include <span>
#include <string_view>

// The `gate` subcommands, dispatched from one table (as ninja does for its tools). To add
// one: declare its function below, add a row to the table in subcommands.cc, and put the
// function in its own file. argv[0] is "gate NAME"; argv[1..] are the arguments after NAME.
// The function returns the exit code (util/exit_codes.h); util::InputError and other
// exceptions it lets through are printed once by the dispatcher as "gate: error: ..." (exit 2).
namespace zkgate::gate::cli {

using SubcommandFunction = int (*)(int argc, char** argv);

struct Subcommand {
  std::string_view name;
  std::string_view help;  // one line for `gate --help`
  SubcommandFunction function;
};

std::span<const Subcommand> subcommands();

int baseline_command(int argc, char** argv);  // baseline_command.cc
int comment_command(int argc, char** argv);   // comment_command.cc
int compare_command(int argc, char** argv);   // compare_command.cc
int journal_command(int argc, char** argv);   // journal_command.cc
int merge_command(int argc, char** argv);     // merge_command.cc
int run_command(int argc, char** argv);       // run_command.cc
int show_command(int argc, char** argv);      // show_command.cc

}  // namespace zkgate::gate::cli
