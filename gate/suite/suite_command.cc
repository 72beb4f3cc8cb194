#include "gate/suite/suite_command.h"

#include <fstream>
#include <ostream>

#include <fmt/format.h>

#include "gate/suite/comparison_json.h"
#include "gate/suite/merge.h"
#include "gate/suite/read_suite.h"
#include "gate/suite/result_json.h"
#include "gate/suite/suite_json.h"
#include "gate/suite/suite_markdown.h"
#include "gate/suite/suite_text.h"
#include "gate/suite/zkevm_bench.h"
#include "util/exit_codes.h"
#include "util/file_io.h"
#include "util/input_error.h"
#include "util/json_text.h"

namespace zkgate::gate::suite {

namespace {

// A single profile compared against a suite becomes a suite of one, keyed by its name.
Suite read_side(const std::filesystem::path& path, const ProfileReader& read_profile) {
  if (std::optional<Suite> suite = try_read_suite(path, read_profile)) return *std::move(suite);
  Suite one;
  one.source = path.string();
  one.format = "single-file";
  Workload w = workload_from_profile(read_profile(path), path);
  w.key = w.name;
  one.workloads.push_back(std::move(w));
  return one;
}

}  // namespace

void add_suite_flags(CLI::App& command, SuiteFlags& flags) {
  command.add_option("--metric", flags.metric,
                     "suites: the gated figure: steps (default; steps/cycles), air_cost (ZisK cost total, what "
                     "ethrex's zkevm_bench gates on), execution_time or proving_time (wall-clock, gated only when "
                     "chosen here)")
      ->check(CLI::IsMember({"steps", "cycles", "air_cost", "execution_time", "proving_time"}));
  command.add_option("--match", flags.matches,
                     "suites: pair a renamed workload, OLD=NEW (workload names or full keys); repeatable")
      ->type_name("OLD=NEW");
  command.add_option("--match-file", flags.match_files,
                     "suites: rename pairs from a file, one OLD<TAB>NEW (or OLD=NEW) per line, # comments")
      ->type_name("FILE");
  command.add_option("--threshold-for", flags.threshold_rules,
                     "suites: regression threshold for workloads whose key or name matches a glob, PATTERN=PCT; "
                     "the first matching rule wins; repeatable")
      ->type_name("PATTERN=PCT");
}

SuitePolicy make_policy(const SuiteFlags& flags, double threshold_pct) {
  SuitePolicy policy;
  const std::optional<Metric> metric = parse_metric(flags.metric);
  if (!metric) throw util::InputError({"--metric", 0, 0}, "unknown metric \"" + flags.metric + "\"");
  policy.metric = *metric;
  if (threshold_pct < 0) throw util::InputError({"--threshold", 0, 0}, "the threshold must not be negative");
  policy.threshold_pct = threshold_pct;
  for (const std::string& rule : flags.threshold_rules) policy.rules.push_back(parse_threshold_rule(rule));
  for (const std::string& match : flags.matches) policy.renames.push_back(parse_match_arg(match));
  for (const std::string& file : flags.match_files) {
    std::vector<RenameRule> rules = read_match_file(file);
    policy.renames.insert(policy.renames.end(), rules.begin(), rules.end());
  }
  return policy;
}

bool is_suite_input(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return true;
  if (path.extension() != ".json" || !std::filesystem::is_regular_file(path, ec)) return false;
  try {
    // Parsed from the stream: a 1 GB profile named .json is refused at its first bad byte,
    // not read into memory first.
    std::ifstream in(path, std::ios::binary);
    const nlohmann::json doc = nlohmann::json::parse(in);
    return is_suite_json(doc) || is_zkevm_bench_report(doc) || is_result_json(doc);
  } catch (const std::exception&) {
    return false;  // not JSON: the profile reader reports it with file:line
  }
}

int run_suite_compare(const std::filesystem::path& base, const std::filesystem::path& head, const SuiteFlags& flags,
                      const SuiteOutputs& outputs, const ProfileReader& read_profile, std::ostream& out) {
  const SuitePolicy policy = make_policy(flags, outputs.threshold_pct);
  const Suite base_suite = read_side(base, read_profile);
  const Suite head_suite = read_side(head, read_profile);
  const SuiteComparison comparison = compare_suites(base_suite, head_suite, policy);
  if (!outputs.quiet) out << render_suite_text(comparison);
  if (!outputs.markdown_path.empty()) {
    std::string markdown;
    if (outputs.template_path.empty()) {
      markdown = render_suite_markdown(comparison);
    } else {
      markdown = render_suite_markdown(comparison, util::read_file(outputs.template_path), outputs.template_path);
    }
    util::write_output(outputs.markdown_path, markdown, out);
  }
  if (!outputs.json_path.empty()) util::write_output(outputs.json_path, comparison_json_text(comparison), out);
  return exit_code(comparison.verdict);
}

void write_suite_json(const Suite& suite, const std::string& path, std::ostream& out) {
  util::write_output(path, util::dump_json(suite_to_json(suite), 2) + "\n", out);
}

int run_suite_merge(const std::vector<std::filesystem::path>& shards, const std::string& json_path,
                    const ProfileReader& read_profile, std::ostream& out) {
  std::vector<Suite> suites;
  suites.reserve(shards.size());
  for (const std::filesystem::path& shard : shards) suites.push_back(read_side(shard, read_profile));
  write_suite_json(merge_suites(suites), json_path.empty() ? "-" : json_path, out);
  return util::kExitOk;
}

}  // namespace zkgate::gate::suite
