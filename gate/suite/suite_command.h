#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "gate/suite/compare_suites.h"
#include "gate/suite/read_folder.h"

// The suite side of `gate compare`: the flags only suites have, and the run from two
// inputs to the outputs and the exit code. gate's compare command registers these flags
// and hands over when either input is a suite (a folder or a suite JSON).
namespace zkgate::gate::suite {

struct SuiteFlags {
  std::string metric = "steps";
  std::vector<std::string> matches;           // --match OLD=NEW
  std::vector<std::string> match_files;       // --match-file FILE
  std::vector<std::string> threshold_rules;   // --threshold-for PATTERN=PCT
};

// What the compare command shares with profile comparisons.
struct SuiteOutputs {
  double threshold_pct = 1.0;
  std::string json_path;      // "-" = stdout
  std::string markdown_path;  // "-" = stdout
  std::string template_path;  // replaces templates/suite-report.md.mustache
  bool quiet = false;         // no text summary on stdout
};

// Adds --metric, --match, --match-file and --threshold-for to command.
void add_suite_flags(CLI::App& command, SuiteFlags& flags);

// Turns the flags into a policy. Throws util::InputError for an unknown metric, a bad
// rule or an unreadable match file.
SuitePolicy make_policy(const SuiteFlags& flags, double threshold_pct);

// True when path is read as a suite: a folder, a zkevm_bench report, a zkgate suite JSON
// or one eth-act result JSON.
bool is_suite_input(const std::filesystem::path& path);

// Reads both sides (a single-profile file on one side becomes a one-workload suite),
// compares, writes the text summary to out (unless quiet), markdown and JSON where asked,
// and returns the exit code (0 pass, 1 fail, 2 could not judge). Throws util::InputError
// when an input cannot be read.
int run_suite_compare(const std::filesystem::path& base, const std::filesystem::path& head, const SuiteFlags& flags,
                      const SuiteOutputs& outputs, const ProfileReader& read_profile, std::ostream& out);

// Writes a suite as zkgate suite JSON (atomically; "-" = out). For `gate merge`.
void write_suite_json(const Suite& suite, const std::string& path, std::ostream& out);

// `gate merge` of suite shards (folders, zkevm_bench reports, suite JSON of parallel
// benchmark jobs): one zkgate suite JSON at json_path ("-" or "" = out), failed workloads
// kept as they are. Throws util::InputError for an unreadable shard or a workload present
// in two shards. Returns 0.
int run_suite_merge(const std::vector<std::filesystem::path>& shards, const std::string& json_path,
                    const ProfileReader& read_profile, std::ostream& out);

}  // namespace zkgate::gate::suite
