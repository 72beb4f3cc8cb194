// patchcheck: audits zkVM guest [patch] sections and Cargo.lock files (see README.md).
#include "patchcheck/cli.h"

int main(int argc, char** argv) { return zkgate::patchcheck::run_cli(argc, argv); }
