#include "gate/advice/rules.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "util/bounded_regex.h"
#include "util/file_io.h"
#include "util/yaml_location.h"

namespace zkgate::gate::advice {

extern const std::string_view kDefaultRulesYaml;  // embedded default_rules.yml

namespace {

const std::set<std::string> kTopLevelKeys = {"schema_version", "extends", "disable", "entry_points", "rules"};
const std::set<std::string> kRuleKeys = {"id",    "kind",  "category", "title",  "hint",
                                         "terms", "combine", "threshold_percent", "top_n", "zkvms"};

class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  util::SourceLocation at(const YAML::Node& node) const {
    return util::yaml_location(source_, node.Mark());
  }

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message, std::string hint = {}) const {
    throw util::InputError(at(node), message, std::move(hint));
  }

  std::string scalar(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) fail(node, fmt::format("{}: expected a string", what));
    return node.as<std::string>();
  }

  double number(const YAML::Node& node, const std::string& what) const {
    try {
      return node.as<double>();
    } catch (const YAML::Exception&) {
      fail(node, fmt::format("{}: expected a number", what));
    }
  }

  std::vector<std::string> strings(const YAML::Node& node, const std::string& what) const {
    if (!node.IsSequence()) fail(node, fmt::format("{}: expected a list of strings", what));
    std::vector<std::string> out;
    for (const YAML::Node& item : node) out.push_back(scalar(item, what));
    return out;
  }

  Pattern pattern(const YAML::Node& node, const std::string& what) const {
    const std::string text = scalar(node, what);
    try {
      return Pattern{text, std::regex(text, std::regex::ECMAScript | std::regex::optimize)};
    } catch (const std::regex_error& e) {
      fail(node, fmt::format("{}: invalid regular expression '{}': {}", what, text, e.what()),
           "patterns are ECMAScript regular expressions; escape special characters with a backslash");
    }
  }

  std::vector<Pattern> patterns(const YAML::Node& node, const std::string& what) const {
    if (!node.IsSequence()) fail(node, fmt::format("{}: expected a list of regular expressions", what));
    std::vector<Pattern> out;
    for (const YAML::Node& item : node) out.push_back(pattern(item, what));
    return out;
  }

  void only_known_keys(const YAML::Node& map, const std::set<std::string>& known, const std::string& where) const {
    for (YAML::const_iterator it = map.begin(); it != map.end(); ++it) {
      const std::string key = it->first.as<std::string>();
      if (known.count(key) == 0) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        fail(it->first, fmt::format("unknown key '{}' in {}", key, where), "known keys: " + list);
      }
    }
  }

  Rule rule(const YAML::Node& node) const {
    if (!node.IsMap()) fail(node, "a rule must be a mapping with at least id and kind");
    only_known_keys(node, kRuleKeys, "a rule");
    Rule rule;
    rule.where = at(node);
    if (!node["id"]) fail(node, "rule without an id", "every rule needs an id so that a team can disable it");
    rule.id = scalar(node["id"], "id");
    const std::string what = fmt::format("rule '{}'", rule.id);
    if (!node["kind"]) fail(node, what + ": missing kind", "kind is one of native_crypto, share, self_share");
    const std::string kind = scalar(node["kind"], "kind");
    if (kind == "native_crypto") {
      rule.kind = RuleKind::kNativeCrypto;
    } else if (kind == "share") {
      rule.kind = RuleKind::kShare;
    } else if (kind == "self_share") {
      rule.kind = RuleKind::kSelfShare;
    } else {
      fail(node["kind"], fmt::format("{}: unknown kind '{}'", what, kind), "kind is one of native_crypto, share, self_share");
    }
    if (node["category"]) rule.category = scalar(node["category"], "category");
    if (node["title"]) rule.title = scalar(node["title"], "title");
    if (node["hint"]) rule.hint = scalar(node["hint"], "hint");
    if (rule.title.empty()) rule.title = rule.id;
    if (node["zkvms"]) rule.zkvms = strings(node["zkvms"], what + ": zkvms");
    if (node["top_n"]) {
      const double top_n = number(node["top_n"], what + ": top_n");
      if (top_n < 1 || top_n > 10000) fail(node["top_n"], what + ": top_n must be between 1 and 10000");
      rule.top_n = static_cast<unsigned>(top_n);
    }
    if (node["terms"]) rule.terms = patterns(node["terms"], what + ": terms");
    if (node["combine"]) {
      const std::string combine = scalar(node["combine"], "combine");
      if (combine != "sum" && combine != "max") fail(node["combine"], what + ": combine is 'sum' or 'max'");
      rule.sum_terms = combine == "sum";
    }
    if (node["threshold_percent"]) {
      rule.threshold_percent = number(node["threshold_percent"], what + ": threshold_percent");
      if (!(rule.threshold_percent >= 0 && rule.threshold_percent <= 100)) {
        fail(node["threshold_percent"], what + ": threshold_percent must be between 0 and 100");
      }
    }
    const bool needs_threshold = rule.kind != RuleKind::kNativeCrypto;
    if (needs_threshold && !node["threshold_percent"]) fail(node, what + ": missing threshold_percent");
    if (rule.kind == RuleKind::kShare && rule.terms.empty()) {
      fail(node, what + ": a share rule needs terms (regular expressions over function names)");
    }
    return rule;
  }

 private:
  std::string source_;
};

void replace_or_add(std::vector<Rule>& rules, Rule rule) {
  for (Rule& existing : rules) {
    if (existing.id == rule.id) {
      existing = std::move(rule);
      return;
    }
  }
  rules.push_back(std::move(rule));
}

}  // namespace

bool Pattern::matches(std::string_view name) const {
  // libstdc++'s matcher recurses about once per character (util/bounded_regex.h): a symbol
  // name a PR can make arbitrarily long must not crash the advice; no real name is this long.
  if (name.size() > util::kMaxRegexSubjectBytes) return false;
  return std::regex_search(name.begin(), name.end(), regex);
}

std::string_view rule_kind_name(RuleKind kind) {
  switch (kind) {
    case RuleKind::kNativeCrypto: return "native_crypto";
    case RuleKind::kShare: return "share";
    case RuleKind::kSelfShare: return "self_share";
  }
  return "unknown";
}

namespace {

RuleSet parse_rules_unguarded(std::string_view text, const std::string& source_name) {
  Reader reader(source_name);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    throw util::InputError({source_name, static_cast<std::size_t>(e.mark.line) + 1, static_cast<std::size_t>(e.mark.column) + 1},
                           "invalid YAML: " + e.msg);
  }
  if (!root.IsMap()) {
    throw util::InputError({source_name}, "a rules file must be a YAML mapping with a `rules:` list",
                           "start from `extends: default` and a `disable:` list, or copy the default rules (gate show --default-rules)");
  }
  const YAML::Node& doc = root;
  reader.only_known_keys(doc, kTopLevelKeys, "the rules file");
  if (doc["schema_version"] && reader.number(doc["schema_version"], "schema_version") != 1) {
    reader.fail(doc["schema_version"], "unsupported schema_version (this zkgate reads version 1)");
  }

  RuleSet set;
  set.source = source_name;
  if (doc["extends"]) {
    if (reader.scalar(doc["extends"], "extends") != "default") {
      reader.fail(doc["extends"], "extends: only 'default' (the embedded rules) can be extended");
    }
    set = default_rules();
    set.source = source_name + " (extends the default rules)";
  }
  if (doc["entry_points"]) set.entry_points = reader.patterns(doc["entry_points"], "entry_points");

  if (doc["rules"]) {
    if (!doc["rules"].IsSequence()) reader.fail(doc["rules"], "rules: expected a list of rules");
    std::set<std::string> seen;
    for (const YAML::Node& node : doc["rules"]) {
      Rule rule = reader.rule(node);
      if (!seen.insert(rule.id).second) reader.fail(node, fmt::format("duplicate rule id '{}'", rule.id));
      replace_or_add(set.rules, std::move(rule));
    }
  }
  if (doc["disable"]) {
    const YAML::Node& list = doc["disable"];
    for (const std::string& id : reader.strings(list, "disable")) {
      const auto it = std::find_if(set.rules.begin(), set.rules.end(), [&](const Rule& r) { return r.id == id; });
      if (it == set.rules.end()) {
        reader.fail(list, fmt::format("disable: no rule has the id '{}'", id), "`gate show --list-rules [--rules FILE]` prints the rule ids");
      }
      set.rules.erase(it);
      set.disabled.push_back(id);
    }
  }
  if (set.rules.empty() && set.disabled.empty()) {
    throw util::InputError({source_name}, "the rules file defines no rules",
                           "add `rules:` or `extends: default`; to switch advice off, disable the rules by id");
  }
  return set;
}

}  // namespace

RuleSet parse_rules(std::string_view text, const std::string& source_name) {
  try {
    return parse_rules_unguarded(text, source_name);
  } catch (const YAML::Exception& e) {
    // The net for a yaml-cpp conversion the reader's kind checks did not foresee.
    throw util::InputError(util::yaml_location(source_name, e.mark), "invalid rules file: " + e.msg);
  }
}

RuleSet load_rules(const std::filesystem::path& path) {
  return parse_rules(util::read_file(path), path.string());
}

std::string_view default_rules_yaml() { return kDefaultRulesYaml; }

const RuleSet& default_rules() {
  static const RuleSet rules = parse_rules(kDefaultRulesYaml, "embedded default rules");
  return rules;
}

}  // namespace zkgate::gate::advice
