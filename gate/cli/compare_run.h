#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

#include "gate/compare/policy.h"
#include "gate/compare/report_model.h"
#include "gate/report/report_outputs.h"

// `gate compare BASE HEAD` for two single profiles, as a library call (the command file
// only parses flags).
namespace zkgate::gate::cli {

struct CompareRequest {
  std::filesystem::path base;
  std::filesystem::path head;
  std::string format = "auto";  // --format, for both sides
  std::string policy_file;      // --policy: a thresholds file (or a .zkgate.yml)
  std::string config_file;      // --config: a .zkgate.yml, its `thresholds` key
  std::string case_name;        // --name; default: what the two file names share
  std::string input;            // --input; default: the profile's block/input metadata
  std::string matrix_file;      // --matrix: crypto matrix YAML; default: the one patchcheck embeds
  ReportOutputs outputs;
};

// The policy the request names, or the built-in defaults. Throws util::InputError.
Policy load_request_policy(const CompareRequest& request);

// "ethrex-block23350480" from "ethrex-block23350480-before.log" and "...-after.log".
std::string default_case_name(const std::filesystem::path& base, const std::filesystem::path& head);

// Parses both profiles and judges them. A profile that cannot be parsed makes the case
// "could not judge" with the parser's message (file:line), not an exception.
Report compare_profile_files(const CompareRequest& request, const Policy& policy);

// The whole command: report to `out` (and files), parse errors also to `err` as
// "gate: error: ...". Returns the exit code of the report's verdict.
int run_compare(const CompareRequest& request, std::ostream& out, std::ostream& err);

}  // namespace zkgate::gate::cli
