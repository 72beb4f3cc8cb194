#include "gate/suite/match.h"

#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::suite {

namespace {

RenameRule split_rule(const std::string& text, char separator, const util::SourceLocation& where) {
  const std::size_t at = text.find(separator);
  if (at == std::string::npos || at == 0 || at + 1 >= text.size()) {
    throw util::InputError(where, "expected OLD=NEW (or OLD<TAB>NEW in a match file), got \"" + text + "\"",
                           "map a base workload name (or key) to its head name, e.g. --match 'old_test=new_test'");
  }
  return RenameRule{text.substr(0, at), text.substr(at + 1), where.to_string()};
}

// The key of w without its name: "reth/zisk/" for "reth/zisk/test_x".
std::string key_prefix(const Workload& w) {
  if (w.key.size() >= w.name.size() && w.key.compare(w.key.size() - w.name.size(), w.name.size(), w.name) == 0) {
    return w.key.substr(0, w.key.size() - w.name.size());
  }
  return {};
}

}  // namespace

RenameRule parse_match_arg(const std::string& text) {
  RenameRule rule = split_rule(text, '=', util::SourceLocation{"--match", 0, 0});
  rule.origin = "--match " + text;
  return rule;
}

std::vector<RenameRule> read_match_file(const std::filesystem::path& file) {
  const std::string text = util::read_file(file);
  std::vector<RenameRule> rules;
  std::istringstream in(text);
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const char separator = line.find('\t') != std::string::npos ? '\t' : '=';
    rules.push_back(split_rule(line, separator, util::SourceLocation{file.string(), number, 0}));
  }
  return rules;
}

Matching match_workloads(const Suite& base, const Suite& head, const std::vector<RenameRule>& rules) {
  std::unordered_map<std::string, const Workload*> head_by_key;
  head_by_key.reserve(head.workloads.size());
  for (const Workload& w : head.workloads) head_by_key.emplace(w.key, &w);

  std::unordered_map<std::string, const RenameRule*> rule_by_base;
  for (const RenameRule& rule : rules) rule_by_base.emplace(rule.base, &rule);
  std::unordered_set<const RenameRule*> used;

  Matching matching;
  matching.pairs.reserve(base.workloads.size() + head.workloads.size() / 8);
  std::unordered_set<const Workload*> paired;
  paired.reserve(head.workloads.size());

  const auto find_head = [&](const std::string& key) -> const Workload* {
    std::unordered_map<std::string, const Workload*>::const_iterator it = head_by_key.find(key);
    if (it == head_by_key.end() || paired.count(it->second) != 0) return nullptr;
    return it->second;
  };

  // Renames first, so that a renamed pair wins over a stale same-named head workload.
  std::vector<const RenameRule*> rule_of(base.workloads.size(), nullptr);
  for (std::size_t i = 0; i < base.workloads.size() && !rule_by_base.empty(); ++i) {
    const Workload& w = base.workloads[i];
    std::unordered_map<std::string, const RenameRule*>::const_iterator it = rule_by_base.find(w.key);
    if (it == rule_by_base.end()) it = rule_by_base.find(w.name);
    if (it != rule_by_base.end()) rule_of[i] = it->second;
  }
  std::vector<const Workload*> head_of(base.workloads.size(), nullptr);
  for (std::size_t i = 0; i < base.workloads.size(); ++i) {
    if (rule_of[i] == nullptr) continue;
    used.insert(rule_of[i]);
    const Workload* h = find_head(key_prefix(base.workloads[i]) + rule_of[i]->head);
    if (h == nullptr) h = find_head(rule_of[i]->head);
    if (h != nullptr) paired.insert(h);
    head_of[i] = h;
  }
  for (std::size_t i = 0; i < base.workloads.size(); ++i) {
    const Workload& w = base.workloads[i];
    const Workload* h = head_of[i];
    if (rule_of[i] == nullptr) {
      h = find_head(w.key);
      if (h != nullptr) paired.insert(h);
    }
    matching.pairs.push_back(MatchedPair{&w, h, rule_of[i]});
  }
  for (const Workload& w : head.workloads) {
    if (paired.count(&w) == 0) matching.pairs.push_back(MatchedPair{nullptr, &w, nullptr});
  }
  for (const RenameRule& rule : rules) {
    if (used.count(&rule) == 0) matching.unused.push_back(&rule);
  }
  return matching;
}

}  // namespace zkgate::gate::suite
