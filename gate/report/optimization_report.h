#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "gate/compare/comparison.h"

// The optimization report people write by hand after each iteration of the loop (the
// seed's format): the change, the files it touched, a results table, the advice and the
// next steps. `gate compare --report optimization` renders it as markdown (a mustache
// template, embedded; --template replaces it) and JSON.
namespace zkgate::gate {

// One file the change touched, from the diff between the base and head revisions.
struct FileChange {
  char status = 'M';  // git's letter: A added, D deleted, M modified, R renamed, T type change, ...
  std::string path;   // the new path (renames: the path after)
  std::string old_path;  // renames and copies only
};

struct OptimizationSide {
  std::string label;                        // the file (or revision) it came from
  std::uint64_t total = 0;
  std::optional<std::uint64_t> total_cost;  // ZisK cost
  std::string top_function;                 // largest by cost (else steps); empty when unknown
  double top_share_percent = 0;
};

struct OptimizationReport {
  std::string title;         // the change: --title, else the head commit's subject
  std::string title_source;  // "--title", "head commit 1a2b3c4d5e6f" or "" (none known)
  std::string note;          // --note, else the head commit message's body
  bool files_known = false;  // false: no revisions were given, so the files are not listed
  std::string base_revision; // full commit ids when known
  std::string head_revision;
  std::vector<FileChange> files;
  std::string zkvm;
  std::string unit;
  OptimizationSide base;
  OptimizationSide head;
  std::string verdict;       // "pass", "regression", "error"
  std::vector<AdviceItem> advice;
  bool advice_checked = false;
};

inline constexpr std::size_t kNextSteps = 3;  // advice items repeated as "next steps"

std::string_view default_optimization_template();

// Throws util::InputError naming `template_name` for an invalid template.
std::string render_optimization_markdown(const OptimizationReport& report, std::string_view template_text,
                                         const std::string& template_name);
std::string render_optimization_markdown(const OptimizationReport& report);

// {"schema": "zkgate-optimization", "schema_version": 1, "title", "title_source", "note",
//  "files_known", "base_revision", "head_revision", "files": [{"status", "path", "old_path"}],
//  "zkvm", "unit", "base"/"head": {"label", "total", "total_cost", "top_function",
//  "top_share_percent"}, "change", "change_percent", "cost_change", "verdict",
//  "advice_checked", "advice": [...], "next_steps": [{"rule_id", "title", "hint"}]}
nlohmann::json optimization_to_json(const OptimizationReport& report);

}  // namespace zkgate::gate
