#pragma once

#include <iosfwd>
#include <string>

#include "gate/advice/rules.h"

// `gate show FILE`: one profile with its advice, as a library call (the command file only
// parses flags).
namespace zkgate::gate::cli {

struct ShowRequest {
  std::string file;
  std::string format = "auto";  // --format
  std::string rules_file;       // --rules: advice rules YAML; default: the embedded rules
  std::string matrix_file;      // --matrix: crypto matrix for the crypto rule; default: patchcheck's
  std::string json_path;        // --json FILE, "-" = stdout: profile JSON + "advice"
  std::string markdown_path;    // --markdown FILE, "-" = stdout
  bool quiet = false;           // --quiet: no text on stdout
};

// The rules the request names (--rules), or the embedded ones. Throws util::InputError.
advice::RuleSet load_request_rules(const std::string& rules_file);

// Parses the profile, evaluates the advice, writes the outputs (files atomically, "-" to
// `out`; text to `out` unless quiet or stdout carries JSON or markdown). Advice never
// changes the exit code: 0, or an exception for an unreadable profile, rules or matrix.
int run_show(const ShowRequest& request, std::ostream& out);

}  // namespace zkgate::gate::cli
