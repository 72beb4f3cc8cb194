#include "gate/cli/dispatch.h"

int main(int argc, char** argv) { return zkgate::gate::cli::run_gate(argc, argv); }
