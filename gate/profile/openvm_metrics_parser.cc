#include "gate/profile/openvm_metrics_parser.h"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/input_error.h"
#include "util/numbers.h"

namespace zkgate::gate {

namespace {

using nlohmann::json;

// Per-group sums of the metrics worth showing beside the cycles.
struct Group {
  std::string name;
  std::uint64_t cycles = 0;
  std::size_t cycle_entries = 0;
  std::map<std::string, std::uint64_t> sums;
};

constexpr const char* kSummedMetrics[] = {"num_segments", "execute_time_ms", "main_cells_used", "total_cells"};

class MetricsReader {
 public:
  explicit MetricsReader(const std::string& source) : source_(source) {}

  [[noreturn]] void fail(const std::string& message) const {
    throw util::InputError({source_}, message,
                           "expected OpenVM's metrics.json: {\"counter\": [...], \"gauge\": [...]} with entries "
                           "{\"labels\": [[key, value]...], \"metric\": name, \"value\": \"<number>\"}");
  }

  // One {labels, metric, value} entry of the counter or gauge list.
  void entry(const json& item) {
    ++entries_;
    if (!item.is_object()) fail(fmt::format("metric entry {} is not an object", entries_));
    const auto metric = item.find("metric");
    const auto labels = item.find("labels");
    const auto value = item.find("value");
    if (metric == item.end() || !metric->is_string() || labels == item.end() || !labels->is_array() ||
        value == item.end()) {
      fail(fmt::format("metric entry {} lacks \"metric\", \"labels\" or \"value\"", entries_));
    }
    const std::string& name = metric->get_ref<const std::string&>();
    const bool cycles = name == "total_cycles";
    bool summed = false;
    for (const char* wanted : kSummedMetrics) summed = summed || name == wanted;
    if (!cycles && !summed) return;
    std::string group_name;
    for (const json& label : *labels) {
      if (label.is_array() && label.size() == 2 && label[0] == "group" && label[1].is_string()) {
        group_name = label[1].get<std::string>();
      }
    }
    if (group_name.empty()) {
      if (cycles) fail(fmt::format("a total_cycles entry (entry {}) without a \"group\" label", entries_));
      return;
    }
    const std::uint64_t number = value_of(*value, name);
    Group& group = group_named(group_name);
    if (cycles) {
      if (group.cycles > UINT64_MAX - number) fail("total_cycles overflow 64 bits");
      group.cycles += number;
      ++group.cycle_entries;
    } else {
      group.sums[name] += number;
    }
  }

  Profile finish() const {
    Profile profile;
    profile.source = source_;
    profile.format = "openvm-metrics";
    profile.zkvm = "openvm";
    profile.unit = "cycles";
    std::string names;
    for (const Group& group : groups_) {
      if (group.cycle_entries == 0) continue;
      if (profile.total > UINT64_MAX - group.cycles) fail("total_cycles overflow 64 bits");
      profile.total += group.cycles;
      names += fmt::format("{}{} {}", names.empty() ? "" : ", ", group.name, group.cycles);
      FunctionStat function;
      function.name = group.name;
      function.steps = group.cycles;
      profile.functions.push_back(std::move(function));
      profile.metadata[fmt::format("group.{}.total_cycles_entries", group.name)] = std::to_string(group.cycle_entries);
      for (const auto& [metric, sum] : group.sums) {
        profile.metadata[fmt::format("group.{}.{}", group.name, metric)] = std::to_string(sum);
      }
    }
    if (profile.functions.empty()) {
      fail(fmt::format("no total_cycles metric in {} entries: nothing to compare", entries_));
    }
    profile.total_note = fmt::format("sum of total_cycles over all groups ({}); OpenVM reports no single total", names);
    profile.functions_known = true;
    profile.functions_complete = true;
    return profile;
  }

 private:
  std::uint64_t value_of(const json& value, const std::string& metric) const {
    std::optional<std::uint64_t> number;
    if (value.is_string()) {
      number = util::parse_grouped_u64(value.get_ref<const std::string&>());
    } else if (value.is_number_unsigned()) {
      number = value.get<std::uint64_t>();
    }
    if (!number) fail(fmt::format("metric {} (entry {}) has value {}, expected an unsigned integer", metric, entries_, value.dump()));
    return *number;
  }

  Group& group_named(const std::string& name) {
    for (Group& group : groups_) {
      if (group.name == name) return group;
    }
    groups_.push_back({name, 0, 0, {}});
    return groups_.back();
  }

  const std::string& source_;
  std::vector<Group> groups_;
  std::size_t entries_ = 0;
};

}  // namespace

Profile parse_openvm_metrics(std::istream& in, const std::string& source) {
  MetricsReader reader(source);
  bool has_lists = false;
  // The parser callback sees each entry once it is complete (depth 2: root object, list,
  // entry), reads it and drops it, so only one entry is in memory at a time.
  const json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key && depth == 1) {
      if (parsed == "counter" || parsed == "gauge") has_lists = true;
    }
    if (event == json::parse_event_t::object_end && depth == 2) {
      reader.entry(parsed);
      return false;
    }
    return true;
  };
  json root;
  try {
    root = json::parse(in, callback);
  } catch (const json::parse_error& error) {
    std::string_view what = error.what();
    const std::size_t tag_end = what.find("] ");
    if (tag_end != std::string_view::npos) what.remove_prefix(tag_end + 2);
    throw util::InputError({source}, std::string(what), "the metrics JSON is cut or garbled; rerun the OpenVM prover");
  }
  if (!root.is_object() || !has_lists) reader.fail("the document has no \"counter\" or \"gauge\" list");
  return reader.finish();
}

}  // namespace zkgate::gate
