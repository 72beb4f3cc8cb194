#pragma once

#include <filesystem>
#include <string>

#include "gate/suite/suite.h"

// The sidecar the eth-act harness writes when ziskemu profiling fails
// (zisk_profile_<fixture>.error.txt): "fixture: <name>", "timestamp_utc: ...", "error:",
// "Zisk profiling failed for fixture '<name>': docker command exited with code N",
// "stderr: ..." (possibly a multi-line panic).
namespace zkgate::gate::suite {

// True for a file name ending in ".error.txt".
bool is_profile_error_file(const std::filesystem::path& file);

// A failed Workload whose reason is the failure line plus the first panic/stderr line.
// Throws util::InputError (file:line) when the header lines are missing.
Workload read_profile_error(const std::filesystem::path& file);

}  // namespace zkgate::gate::suite
