#include "gate/profile/openvm_metrics_parser.h"

#include <map>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "gate/profile/json_builder.h"
#include "gate/profile/json_sax.h"
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

  enum class Value { String, Number, Other };

  // What the SAX pass gathered about one {labels, metric, value} entry of the counter or
  // gauge list (a later duplicate key wins, as in a JSON object).
  struct Entry {
    bool has_metric = false;
    bool metric_is_string = false;
    std::string metric;
    bool has_labels = false;
    bool labels_is_array = false;
    std::string group;  // from the last ["group", "<name>"] label
    bool has_value = false;
    Value value_kind = Value::Other;
    std::string value_text;  // a string's text
    json_sax::Number value_number;
    json value_json;         // any other value (null, true, an array ...), for the message
    bool value_unquotable = false;  // an array or object too deep or too large to quote

    // Empties the entry, keeping the strings' capacity: entries are read by the million.
    void reset() {
      has_metric = metric_is_string = has_labels = labels_is_array = has_value = false;
      metric.clear();
      group.clear();
      value_kind = Value::Other;
      value_text.clear();
      value_json = nullptr;
      value_unquotable = false;
    }
  };

  void entry(const Entry& item) {
    ++entries_;
    if (!item.has_metric || !item.metric_is_string || !item.has_labels || !item.labels_is_array || !item.has_value) {
      fail(fmt::format("metric entry {} lacks \"metric\", \"labels\" or \"value\"", entries_));
    }
    const std::string& name = item.metric;
    const bool cycles = name == "total_cycles";
    bool summed = false;
    for (const char* wanted : kSummedMetrics) summed = summed || name == wanted;
    if (!cycles && !summed) return;
    if (item.group.empty()) {
      if (cycles) fail(fmt::format("a total_cycles entry (entry {}) without a \"group\" label", entries_));
      return;
    }
    const std::uint64_t number = value_of(item, name);
    Group& group = group_named(item.group);
    if (cycles) {
      if (group.cycles > UINT64_MAX - number) fail("total_cycles overflow 64 bits");
      group.cycles += number;
      ++group.cycle_entries;
    } else {
      std::uint64_t& sum = group.sums[name];
      if (sum > UINT64_MAX - number) fail(fmt::format("{} of group \"{}\" overflows 64 bits", name, item.group));
      sum += number;
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
  std::uint64_t value_of(const Entry& item, const std::string& metric) const {
    std::optional<std::uint64_t> number;
    if (item.value_kind == Value::String) {
      number = util::parse_grouped_u64(item.value_text);
    } else if (item.value_kind == Value::Number && item.value_number.kind == json_sax::Number::Kind::Unsigned) {
      number = item.value_number.unsigned_value;  // a sign, a fraction or 2^64 and more are refused
    }
    if (!number) {
      fail(fmt::format("metric {} (entry {}) has value {}, expected an unsigned integer", metric, entries_, quoted(item)));
    }
    return *number;
  }

  // The value as nlohmann-json dumps it, as the messages always quoted it.
  static std::string quoted(const Entry& item) {
    if (item.value_kind == Value::String) return json(item.value_text).dump();
    if (item.value_kind == Value::Number) return number_json(item.value_number).dump();
    if (item.value_unquotable) return "(an array or object too deep or too large to quote)";
    return item.value_json.dump();
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

// SAX events (json_sax) for a metrics document. Nothing is kept but the entry being read.
// Containers are tracked by their role: an entry is any object two levels down
// ({"counter": [ {entry} ]}); inside it, "labels" is a list of [key, value] labels.
class MetricsSax {
 public:
  explicit MetricsSax(MetricsReader& reader) : reader_(reader) {}

  bool has_lists() const { return has_lists_; }
  bool root_is_object() const { return root_is_object_; }

  void null() { scalar(Value::Other, {}, [] { return json(nullptr); }); }
  void boolean(bool value) { scalar(Value::Other, {}, [value] { return json(value); }); }
  void number(const json_sax::Number& number) {
    if (value_depth_ == 0 && !frames_.empty() && frames_.back().role == Role::Entry && key_ == Key::Value) {
      entry_.value_number = number;
    }
    scalar(Value::Number, {}, [&number] { return number_json(number); });
  }
  // Metric names and label strings are most of the strings: read without a json wrapper.
  void string(std::string_view value) {
    const Role parent = value_depth_ > 0 || frames_.empty() ? Role::Other : frames_.back().role;
    if (parent == Role::Entry && key_ == Key::Metric) {
      entry_.metric_is_string = true;
      entry_.metric = value;
      return;
    }
    if (parent == Role::Label) {
      label_item(&value);
      return;
    }
    scalar(Value::String, value, [value] { return json(std::string(value)); });
  }

  void start_object() { open(true); }
  void start_array() { open(false); }
  void end_object() { close(); }
  void end_array() { close(); }

  void key(std::string_view name) {
    if (value_depth_ > 0) {
      if (quotable()) builder_.key(name);
    } else if (frames_.size() == 1) {
      if (name == "counter" || name == "gauge") has_lists_ = true;
    } else if (frames_.back().role == Role::Entry) {
      entry_key(name);
    }
  }

 private:
  enum class Role { Other, Entry, Labels, Label, Value };
  enum class Key { Other, Metric, Labels, Value };
  using Value = MetricsReader::Value;
  struct Frame {
    Role role;
  };
  using Entry = MetricsReader::Entry;

  // A later duplicate key replaces the earlier one, as in a JSON object.
  void entry_key(std::string_view name) {
    key_ = name == "metric" ? Key::Metric : name == "labels" ? Key::Labels : name == "value" ? Key::Value : Key::Other;
    if (key_ == Key::Metric) {
      entry_.has_metric = true;
      entry_.metric_is_string = false;
      entry_.metric.clear();
    } else if (key_ == Key::Labels) {
      entry_.has_labels = true;
      entry_.labels_is_array = false;
      entry_.group.clear();
    } else if (key_ == Key::Value) {
      entry_.has_value = true;
      entry_.value_kind = Value::Other;
      entry_.value_text.clear();
      entry_.value_json = nullptr;
      entry_.value_unquotable = false;
    }
  }

  // `as_json` makes the nlohmann value, only where one is needed: inside a structured
  // "value" or for a scalar "value" that is neither a string nor a number.
  template <typename AsJson>
  void scalar(Value kind, std::string_view text, AsJson as_json) {
    if (value_depth_ > 0) {
      if (quotable(1)) builder_.value(as_json());
      return;
    }
    if (frames_.empty()) return;  // the whole document is one scalar
    const Role parent = frames_.back().role;
    if (parent == Role::Entry && key_ == Key::Value) {
      entry_.value_kind = kind;
      entry_.value_text = text;
      entry_.value_json = kind == Value::Other ? as_json() : json(nullptr);
    }
    if (parent == Role::Label) label_item(nullptr);
  }

  // Items of a label, `text` null for a non-string: exactly ["group", "<name>"] names the
  // entry's group (the last such label wins).
  void label_item(const std::string_view* text) {
    if (label_items_ == 0) label_is_group_ = text != nullptr && *text == "group";
    if (label_items_ == 1) {
      label_name_is_string_ = text != nullptr;
      if (text != nullptr) {
        label_name_ = *text;
      } else {
        label_name_.clear();
      }
    }
    ++label_items_;
  }

  void open(bool is_object) {
    if (frames_.empty()) root_is_object_ = is_object;
    Role role = Role::Other;
    const Role parent = frames_.empty() ? Role::Other : frames_.back().role;
    if (value_depth_ > 0) {
      ++value_depth_;
      if (quotable(1)) builder_.begin(is_object);
      role = Role::Value;
    } else if (frames_.size() == 2 && is_object) {
      entry_.reset();
      key_ = Key::Other;
      role = Role::Entry;
    } else if (parent == Role::Entry && key_ == Key::Value) {
      builder_ = JsonBuilder();
      value_depth_ = 1;
      value_nodes_ = 0;
      value_too_big_ = false;
      if (quotable(1)) builder_.begin(is_object);
      role = Role::Value;
    } else if (parent == Role::Entry && key_ == Key::Labels) {
      entry_.labels_is_array = !is_object;
      if (!is_object) role = Role::Labels;
    } else if (parent == Role::Labels && !is_object) {
      role = Role::Label;
      label_items_ = 0;
      label_is_group_ = false;
      label_name_is_string_ = false;
      label_name_.clear();
    } else if (parent == Role::Label) {
      label_item(nullptr);  // a nested array or object: never "group" nor a name
    }
    frames_.push_back({role});
  }

  void close() {
    const Role role = frames_.back().role;
    frames_.pop_back();
    if (role == Role::Value) {
      if (quotable()) builder_.end();
      if (--value_depth_ == 0) {
        entry_.value_kind = Value::Other;
        entry_.value_json = value_too_big_ ? json(nullptr) : builder_.take();
        entry_.value_unquotable = value_too_big_;
      }
    } else if (role == Role::Label) {
      if (label_items_ == 2 && label_is_group_ && label_name_is_string_) entry_.group = label_name_;
    } else if (role == Role::Entry) {
      reader_.entry(entry_);
    }
  }

  MetricsReader& reader_;
  std::vector<Frame> frames_;
  bool root_is_object_ = false;
  bool has_lists_ = false;
  Entry entry_;
  Key key_ = Key::Other;
  std::size_t label_items_ = 0;
  bool label_is_group_ = false;
  bool label_name_is_string_ = false;
  std::string label_name_;
  // A structured "value" is rebuilt only to quote it in a message: past kQuoteDepth levels
  // or kQuoteNodes values it is not (nlohmann-json's dump recurses once per level).
  static constexpr std::size_t kQuoteDepth = 64;
  static constexpr std::size_t kQuoteNodes = 4096;
  bool quotable(std::size_t added = 0) {
    value_nodes_ += added;
    if (value_depth_ > kQuoteDepth || value_nodes_ > kQuoteNodes) value_too_big_ = true;
    return !value_too_big_;
  }

  JsonBuilder builder_;
  std::size_t value_depth_ = 0;  // open containers of the "value" being read
  std::size_t value_nodes_ = 0;
  bool value_too_big_ = false;
};

}  // namespace

Profile parse_openvm_metrics(std::istream& in, const std::string& source) {
  MetricsReader reader(source);
  MetricsSax sax(reader);
  json_sax::read(in, source, "the metrics JSON is cut or garbled; rerun the OpenVM prover", sax);
  if (!sax.root_is_object() || !sax.has_lists()) reader.fail("the document has no \"counter\" or \"gauge\" list");
  return reader.finish();
}

}  // namespace zkgate::gate
