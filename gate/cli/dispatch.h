#pragma once

namespace zkgate::gate::cli {

// `gate SUBCOMMAND ARGS...`: finds the subcommand in the table and runs it; prints the
// usage for no arguments (exit 2) and for --help (exit 0), the version for --version.
// Catches what a subcommand throws and prints it as "gate: error: ..." (exit 2).
int run_gate(int argc, char** argv);

}  // namespace zkgate::gate::cli
