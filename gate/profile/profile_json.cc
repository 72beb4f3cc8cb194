#include "gate/profile/profile_json.h"

#include <functional>

#include <fmt/format.h>

#include "gate/profile/profile_json_fields.h"
#include "util/input_error.h"

namespace zkgate::gate {

using nlohmann::json;

util::InputError profile_json_error(const std::string& source, const std::string& path, const std::string& what) {
  return util::InputError({source}, fmt::format("{}: {}", path.empty() ? "/" : path, what),
                          "this is not a valid zkgate profile JSON (schema zkgate-profile/1); regenerate it with "
                          "`gate show --json`");
}

namespace {

// ---- writing: an unknown figure is left out, never written as 0 ----

void put(json& out, const char* key, const std::optional<std::uint64_t>& value) {
  if (value) out[key] = *value;
}

void put(json& out, const char* key, const std::optional<unsigned>& value) {
  if (value) out[key] = *value;
}

json opcodes_to_json(const std::vector<OpcodeStat>& opcodes) {
  json list = json::array();
  for (const OpcodeStat& op : opcodes) {
    json item = {{"name", op.name}, {"count", op.count}, {"precompile", op.is_precompile}};
    put(item, "cost", op.cost);
    list.push_back(std::move(item));
  }
  return list;
}

json function_to_json(const FunctionStat& function) {
  json item = {{"name", function.name}};
  put(item, "steps", function.steps);
  put(item, "cost", function.cost);
  put(item, "calls", function.calls);
  put(item, "self_steps", function.self_steps);
  put(item, "self_cost", function.self_cost);
  put(item, "rank_by_steps", function.rank_by_steps);
  put(item, "rank_by_cost", function.rank_by_cost);
  if (function.depth != 0) item["depth"] = function.depth;
  if (!function.parent.empty()) item["parent"] = function.parent;
  if (!function.opcodes.empty()) item["opcodes"] = opcodes_to_json(function.opcodes);
  if (!function.callers.empty()) {
    json callers = json::array();
    for (const CallerStat& caller : function.callers) {
      json entry = {{"name", caller.name}};
      put(entry, "calls", caller.calls);
      put(entry, "steps", caller.steps);
      callers.push_back(std::move(entry));
    }
    item["callers"] = std::move(callers);
  }
  return item;
}

// ---- reading: every field is checked (profile_json_fields), with its JSON path in the message ----

namespace fields = profile_json_fields;

// A member of a DOM object as the field rules see it.
fields::Value value_of(const json& object, const char* key) {
  fields::Value value;
  const auto found = object.find(key);
  if (found == object.end()) return value;
  const json& item = *found;
  using Type = fields::Value::Type;
  if (item.is_null()) {
    value.type = Type::Null;
  } else if (item.is_boolean()) {
    value.type = Type::Boolean;
    value.boolean = item.get<bool>();
  } else if (item.is_string()) {
    value.type = Type::String;
    value.text = item.get_ref<const std::string&>();
  } else if (item.is_number()) {
    value.type = Type::Number;
    value.number.integer = item.is_number_integer();
    if (item.is_number_unsigned()) {
      value.number.unsigned_value = item.get<std::uint64_t>();
    } else if (item.is_number_integer()) {
      value.number.signed_form = true;
      value.number.signed_value = item.get<std::int64_t>();
    }
  } else {
    value.type = item.is_array() ? Type::Array : Type::Object;
  }
  return value;
}

class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const { throw profile_json_error(source_, path, what); }

  fields::Value field(const json& object, const std::string& path, const fields::Field& rule) const {
    fields::Value value = value_of(object, rule.key.data());
    if (const std::optional<fields::Problem> problem = fields::check(rule, value)) {
      fail(problem->about_key ? fmt::format("{}/{}", path, rule.key) : path, problem->what);
    }
    return value;
  }

  std::string string(const json& object, const std::string& path, const char* key, bool required) const {
    return fields::text_of(field(object, path, {key, required ? fields::Kind::RequiredText : fields::Kind::Text}));
  }

  bool boolean(const json& object, const std::string& path, const char* key) const {
    return fields::flag_of(field(object, path, {key, fields::Kind::Flag}));
  }

  std::optional<std::uint64_t> number(const json& object, const std::string& path, const char* key) const {
    return fields::count_of(field(object, path, {key, fields::Kind::Count}));
  }

  std::uint64_t required_number(const json& object, const std::string& path, const char* key) const {
    return fields::count_of(field(object, path, {key, fields::Kind::RequiredCount})).value_or(0);
  }

  std::optional<unsigned> small_number(const json& object, const std::string& path, const char* key) const {
    const std::optional<std::uint64_t> value = fields::count_of(field(object, path, {key, fields::Kind::SmallCount}));
    if (!value) return std::nullopt;
    return static_cast<unsigned>(*value);
  }

  const json& array(const json& object, const std::string& path, const char* key) const {
    static const json empty = json::array();
    const fields::Value value = field(object, path, {key, fields::Kind::List});
    return value.type == fields::Value::Type::Array ? object.at(key) : empty;
  }

  void object(const json& value, const std::string& path) const {
    if (!value.is_object()) fail(path, "expected an object");
  }

  // Reads list[i] with `read_item(item, path)`. Its JSON path is formatted only for a
  // message: the read is side-effect free, so on a failure it is repeated with the path
  // (a profile holds hundreds of thousands of opcode rows).
  template <typename ReadItem>
  auto element(const json& list, std::size_t i, const std::string& parent, const char* infix,
               ReadItem read_item) const {
    try {
      return read_item(list[i], std::string());
    } catch (const util::InputError&) {
      return read_item(list[i], fmt::format("{}{}{}", parent, infix, i));
    }
  }

  // An opcode row or a caller: every field of `rules`, checked in order.
  template <typename Stat, std::size_t N>
  Stat row(const json& item, const std::string& at, const fields::Field (&rules)[N]) const {
    object(item, at);
    Stat stat;
    for (std::size_t i = 0; i < N; ++i) {
      const fields::Value value = field(item, at, rules[i]);
      fields::set_field(stat, i, value, fields::text_of(value));
    }
    return stat;
  }

  std::vector<OpcodeStat> opcodes(const json& list, const std::string& path) const {
    std::vector<OpcodeStat> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      out.push_back(element(list, i, path, "/", [this](const json& item, const std::string& at) {
        return row<OpcodeStat>(item, at, fields::kOpcodeFields);
      }));
    }
    return out;
  }

  FunctionStat function(const json& item, const std::string& at) const {
    object(item, at);
    FunctionStat function;
    for (std::size_t i = 0; i < std::size(fields::kFunctionFields); ++i) {
      const fields::Field& rule = fields::kFunctionFields[i];
      const fields::Value value = field(item, at, rule);
      if (i == fields::kFunctionOpcodes) {
        function.opcodes = opcodes(array(item, at, rule.key.data()), at + "/opcodes");
      } else if (i == fields::kFunctionCallers) {
        const json& callers = array(item, at, rule.key.data());
        for (std::size_t j = 0; j < callers.size(); ++j) {
          function.callers.push_back(element(callers, j, at, "/callers/", [this](const json& entry, const std::string& path) {
            return row<CallerStat>(entry, path, fields::kCallerFields);
          }));
        }
      } else {
        fields::set_field(function, i, value, fields::text_of(value));
      }
    }
    return function;
  }

 private:
  const std::string& source_;
};

}  // namespace

json profile_to_json(const Profile& profile) {
  json out = {{"schema", kProfileSchema},
              {"source", profile.source},
              {"format", profile.format},
              {"zkvm", profile.zkvm},
              {"unit", profile.unit},
              {"total", profile.total}};
  if (!profile.total_note.empty()) out["total_note"] = profile.total_note;
  put(out, "total_cost", profile.total_cost);
  json distribution = json::array();
  for (const CostComponent& part : profile.cost_distribution) distribution.push_back({{"name", part.name}, {"cost", part.cost}});
  out["cost_distribution"] = std::move(distribution);
  put(out, "ram_bytes", profile.ram_bytes);
  put(out, "gas", profile.gas);
  out["opcodes_known"] = profile.opcodes_known;
  out["opcodes"] = opcodes_to_json(profile.opcodes);
  out["functions_known"] = profile.functions_known;
  out["functions_complete"] = profile.functions_complete;
  put(out, "top_n_by_steps", profile.top_n_by_steps);
  put(out, "top_n_by_cost", profile.top_n_by_cost);
  json functions = json::array();
  for (const FunctionStat& function : profile.functions) functions.push_back(function_to_json(function));
  out["functions"] = std::move(functions);
  out["metadata"] = profile.metadata;
  return out;
}

namespace {

// Every key but "functions" in document order of the checks; read_functions fills the
// list between the keys before it and "metadata", so errors come in the same order
// whether the list was in the document or streamed out of it.
using ReadFunctions = std::function<void(const Reader& read, const json& functions, Profile& profile)>;

Profile read_profile(const json& document, const std::string& source, const ReadFunctions& read_functions) {
  const Reader read(source);
  read.object(document, "");
  const std::string schema = read.string(document, "", "schema", true);
  if (schema != kProfileSchema) {
    read.fail("/schema", fmt::format("unsupported schema \"{}\" (this zkgate reads \"{}\")", schema, kProfileSchema));
  }
  Profile profile;
  profile.source = read.string(document, "", "source", false);
  profile.format = read.string(document, "", "format", true);
  profile.zkvm = read.string(document, "", "zkvm", false);
  profile.unit = read.string(document, "", "unit", false);
  profile.total = read.required_number(document, "", "total");
  profile.total_note = read.string(document, "", "total_note", false);
  profile.total_cost = read.number(document, "", "total_cost");
  const json& distribution = read.array(document, "", "cost_distribution");
  for (std::size_t i = 0; i < distribution.size(); ++i) {
    const std::string at = fmt::format("/cost_distribution/{}", i);
    read.object(distribution[i], at);
    profile.cost_distribution.push_back({read.string(distribution[i], at, "name", true),
                                         read.required_number(distribution[i], at, "cost")});
  }
  profile.ram_bytes = read.number(document, "", "ram_bytes");
  profile.gas = read.number(document, "", "gas");
  profile.opcodes_known = read.boolean(document, "", "opcodes_known");
  profile.opcodes = read.opcodes(read.array(document, "", "opcodes"), "/opcodes");
  profile.functions_known = read.boolean(document, "", "functions_known");
  profile.functions_complete = read.boolean(document, "", "functions_complete");
  profile.top_n_by_steps = read.small_number(document, "", "top_n_by_steps");
  profile.top_n_by_cost = read.small_number(document, "", "top_n_by_cost");
  read_functions(read, read.array(document, "", "functions"), profile);
  const auto metadata = document.find("metadata");
  if (metadata != document.end() && !metadata->is_null()) {
    read.object(*metadata, "/metadata");
    for (const auto& [key, value] : metadata->items()) {
      if (!value.is_string()) read.fail("/metadata/" + key, "expected a string");
      profile.metadata[key] = value.get<std::string>();
    }
  }
  return profile;
}

}  // namespace

Profile profile_from_json(const json& document, const std::string& source) {
  return read_profile(document, source, [](const Reader& read, const json& functions, Profile& profile) {
    profile.functions.reserve(functions.size());
    for (std::size_t i = 0; i < functions.size(); ++i) {
      profile.functions.push_back(read.function(functions[i], fmt::format("/functions/{}", i)));
    }
  });
}

Profile profile_from_json(const json& document, const std::string& source, std::vector<FunctionStat> functions,
                          std::exception_ptr function_error) {
  return read_profile(document, source, [&](const Reader&, const json&, Profile& profile) {
    if (function_error) std::rethrow_exception(function_error);
    profile.functions = std::move(functions);
  });
}

}  // namespace zkgate::gate
