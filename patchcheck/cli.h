#pragma once

namespace zkgate::patchcheck {

// The whole `patchcheck` command line: parses arguments, runs the audit or a subcommand,
// prints the report and returns the exit code (util/exit_codes.h). Every "cannot continue"
// error is caught here and printed as "patchcheck: error: ...".
int run_cli(int argc, char** argv);

}  // namespace zkgate::patchcheck
