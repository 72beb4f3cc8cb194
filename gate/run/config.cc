#include "gate/run/config.h"
#include "util/yaml_location.h"

#include <algorithm>
#include <charconv>
#include <set>

#include <fmt/format.h>

namespace zkgate::gate::run {

namespace {

util::SourceLocation location_of(const std::string& source, const YAML::Mark& mark) {
  return util::yaml_location(source, mark);
}

[[noreturn]] void fail(const std::string& source, const YAML::Node& node, const std::string& message,
                       const std::string& hint = {}) {
  throw util::InputError(location_of(source, node.Mark()), message, hint);
}

void reject_unknown_keys(const std::string& source, const YAML::Node& map, const std::set<std::string>& known,
                         const std::string& what) {
  for (YAML::const_iterator it = map.begin(); it != map.end(); ++it) {
    const std::string key = it->first.as<std::string>();
    if (known.count(key) == 0) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      fail(source, it->first, fmt::format("unknown key '{}' in {}", key, what), "known keys: " + list);
    }
  }
}

std::string scalar(const std::string& source, const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) fail(source, node, fmt::format("'{}' must be a string", key));
  std::string value = node.as<std::string>();
  if (value.empty()) fail(source, node, fmt::format("'{}' must not be empty", key));
  return value;
}

bool valid_case_name(const std::string& name) {
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  }) && name != "." && name != "..";
}

CaseConfig parse_case(const std::string& source, const YAML::Node& node) {
  if (!node.IsMap()) fail(source, node, "each entry of 'cases' must be a map with name, profile, ...");
  reject_unknown_keys(source, node,
                      {"name", "zkvm", "input", "build", "profile", "output", "format", "timeout", "thresholds"},
                      "a case");
  CaseConfig config;
  config.where = location_of(source, node.Mark());
  const YAML::Node& name = node["name"];
  if (!name) fail(source, node, "case without 'name'");
  config.name = scalar(source, name, "name");
  if (!valid_case_name(config.name)) {
    fail(source, name, fmt::format("case name '{}' may only use letters, digits, '.', '_' and '-'", config.name),
         "the name is used for log folders, shard files and cache entries");
  }
  const YAML::Node& profile = node["profile"];
  if (!profile) fail(source, node, fmt::format("case '{}' has no 'profile' command", config.name));
  config.profile = scalar(source, profile, "profile");
  const YAML::Node& zkvm = node["zkvm"];
  if (!zkvm) fail(source, node, fmt::format("case '{}' has no 'zkvm' (e.g. zisk, sp1, risc0, openvm, native)", config.name));
  config.zkvm = scalar(source, zkvm, "zkvm");
  if (const YAML::Node& input = node["input"]) config.input = scalar(source, input, "input");
  if (const YAML::Node& build = node["build"]) config.build = scalar(source, build, "build");
  if (const YAML::Node& output = node["output"]) config.output = scalar(source, output, "output");
  if (const YAML::Node& format = node["format"]) config.format = scalar(source, format, "format");
  if (const YAML::Node& timeout = node["timeout"]) {
    const std::optional<std::chrono::seconds> parsed = parse_duration(scalar(source, timeout, "timeout"));
    if (!parsed) fail(source, timeout, "'timeout' must be a positive duration such as 90, 90s, 15m or 2h");
    config.timeout = *parsed;
  }
  if (const YAML::Node& thresholds = node["thresholds"]) {
    if (!thresholds.IsMap()) fail(source, thresholds, "a case's 'thresholds' must be a map of overrides");
    config.thresholds = thresholds;
  }
  return config;
}

}  // namespace

const CaseConfig* RunConfig::find_case(std::string_view name) const {
  for (const CaseConfig& c : cases) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  long long multiplier = 1;
  const char unit = text.back();
  if (unit == 's' || unit == 'm' || unit == 'h') {
    multiplier = unit == 's' ? 1 : unit == 'm' ? 60 : 3600;
    text.remove_suffix(1);
  }
  long long value = 0;
  const std::from_chars_result result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() || value <= 0) return std::nullopt;
  if (value > 365LL * 24 * 3600 / multiplier) return std::nullopt;
  return std::chrono::seconds(value * multiplier);
}

std::string case_fingerprint(const CaseConfig& config) {
  // Length-prefixed fields: no separator inside a command can make two cases collide.
  std::string out = "zkgate-case-v1";
  const auto add = [&out](std::string_view field) { out += fmt::format("|{}:{}", field.size(), field); };
  add(config.zkvm);
  add(config.input.value_or(""));
  add(config.build.value_or(""));
  add(config.profile);
  add(config.output);
  add(config.format);
  return out;
}

namespace {

RunConfig parse_checked(std::string_view text, const std::string& source_name) {
  const YAML::Node root = YAML::Load(std::string(text));
  const YAML::Node& top = root;
  if (!top.IsMap()) fail(source_name, top, "expected a map with 'cases' (and optionally 'thresholds')");
  reject_unknown_keys(source_name, top, {"version", "cases", "thresholds", "cache_dir", "submodules"}, "the config");
  RunConfig config;
  config.source = source_name;
  if (const YAML::Node& version = top["version"]) {
    if (scalar(source_name, version, "version") != "1") fail(source_name, version, "only 'version: 1' is known");
  }
  const YAML::Node& cases = top["cases"];
  if (!cases) fail(source_name, top, "no 'cases': nothing to profile");
  if (!cases.IsSequence() || cases.size() == 0) fail(source_name, cases, "'cases' must be a non-empty list");
  for (const YAML::Node& entry : cases) {
    CaseConfig parsed = parse_case(source_name, entry);
    if (config.find_case(parsed.name) != nullptr) {
      fail(source_name, entry["name"], fmt::format("case name '{}' is used twice", parsed.name));
    }
    config.cases.push_back(std::move(parsed));
  }
  if (const YAML::Node& thresholds = top["thresholds"]) {
    if (!thresholds.IsMap()) fail(source_name, thresholds, "'thresholds' must be a map");
    config.thresholds = thresholds;
    config.thresholds_where = location_of(source_name, thresholds.Mark());
  }
  if (const YAML::Node& cache_dir = top["cache_dir"]) config.cache_dir = scalar(source_name, cache_dir, "cache_dir");
  if (const YAML::Node& submodules = top["submodules"]) {
    const std::string value = scalar(source_name, submodules, "submodules");
    if (value == "checkout") {
      config.submodules = SubmodulePolicy::kCheckout;
    } else if (value == "ignore") {
      config.submodules = SubmodulePolicy::kIgnore;
    } else {
      fail(source_name, submodules, "'submodules' must be 'checkout' or 'ignore'");
    }
  }
  return config;
}

}  // namespace

RunConfig parse_run_config(std::string_view text, const std::string& source_name) {
  try {
    return parse_checked(text, source_name);
  } catch (const YAML::Exception& error) {
    // A value of the wrong kind where yaml-cpp converts (e.g. a map as a key).
    throw util::InputError(location_of(source_name, error.mark), error.msg);
  }
}

}  // namespace zkgate::gate::run
