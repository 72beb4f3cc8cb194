#include "gate/profile/profile_json.h"

#include <functional>

#include <fmt/format.h>

#include "util/input_error.h"

namespace zkgate::gate {

using nlohmann::json;

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

// ---- reading: every field is checked, with its JSON path in the message ----

class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw util::InputError({source_}, fmt::format("{}: {}", path.empty() ? "/" : path, what),
                           "this is not a valid zkgate profile JSON (schema zkgate-profile/1); regenerate it with "
                           "`gate show --json`");
  }

  const json& member(const json& object, const std::string& path, const char* key) const {
    const auto found = object.find(key);
    if (found == object.end()) fail(path, fmt::format("missing required key \"{}\"", key));
    return *found;
  }

  std::string string(const json& object, const std::string& path, const char* key, bool required) const {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
      if (required) fail(path, fmt::format("missing required key \"{}\"", key));
      return {};
    }
    if (!found->is_string()) fail(path + "/" + key, "expected a string");
    return found->get<std::string>();
  }

  bool boolean(const json& object, const std::string& path, const char* key) const {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return false;
    if (!found->is_boolean()) fail(path + "/" + key, "expected true or false");
    return found->get<bool>();
  }

  std::optional<std::uint64_t> number(const json& object, const std::string& path, const char* key) const {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return std::nullopt;
    if (!found->is_number_unsigned() && !(found->is_number_integer() && found->get<std::int64_t>() >= 0)) {
      fail(path + "/" + key, "expected an unsigned integer");
    }
    return found->get<std::uint64_t>();
  }

  std::uint64_t required_number(const json& object, const std::string& path, const char* key) const {
    const std::optional<std::uint64_t> value = number(object, path, key);
    if (!value) fail(path, fmt::format("missing required key \"{}\"", key));
    return *value;
  }

  std::optional<unsigned> small_number(const json& object, const std::string& path, const char* key) const {
    const std::optional<std::uint64_t> value = number(object, path, key);
    if (!value) return std::nullopt;
    if (*value > 0xffffffffu) fail(path + "/" + key, "value too large");
    return static_cast<unsigned>(*value);
  }

  const json& array(const json& object, const std::string& path, const char* key) const {
    static const json empty = json::array();
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return empty;
    if (!found->is_array()) fail(path + "/" + key, "expected an array");
    return *found;
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

  OpcodeStat opcode(const json& item, const std::string& at) const {
    object(item, at);
    OpcodeStat op;
    op.name = string(item, at, "name", true);
    op.count = required_number(item, at, "count");
    op.cost = number(item, at, "cost");
    op.is_precompile = boolean(item, at, "precompile");
    return op;
  }

  std::vector<OpcodeStat> opcodes(const json& list, const std::string& path) const {
    std::vector<OpcodeStat> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      out.push_back(element(list, i, path, "/", [this](const json& item, const std::string& at) { return opcode(item, at); }));
    }
    return out;
  }

  CallerStat caller(const json& item, const std::string& at) const {
    object(item, at);
    return {string(item, at, "name", true), number(item, at, "calls"), number(item, at, "steps")};
  }

  FunctionStat function(const json& item, const std::string& at) const {
    object(item, at);
    FunctionStat function;
    function.name = string(item, at, "name", true);
    function.steps = number(item, at, "steps");
    function.cost = number(item, at, "cost");
    function.calls = number(item, at, "calls");
    function.self_steps = number(item, at, "self_steps");
    function.self_cost = number(item, at, "self_cost");
    function.rank_by_steps = small_number(item, at, "rank_by_steps");
    function.rank_by_cost = small_number(item, at, "rank_by_cost");
    const auto depth = item.find("depth");
    if (depth != item.end()) {
      if (!depth->is_number_integer()) fail(at + "/depth", "expected an integer");
      function.depth = depth->get<int>();
    }
    function.parent = string(item, at, "parent", false);
    function.opcodes = opcodes(array(item, at, "opcodes"), at + "/opcodes");
    const json& callers = array(item, at, "callers");
    for (std::size_t i = 0; i < callers.size(); ++i) {
      function.callers.push_back(
          element(callers, i, at, "/callers/", [this](const json& entry, const std::string& path) { return caller(entry, path); }));
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

FunctionStat function_from_json(const json& item, std::size_t index, const std::string& source) {
  return Reader(source).function(item, fmt::format("/functions/{}", index));
}

Profile profile_from_json(const json& document, const std::string& source, std::vector<FunctionStat> functions,
                          std::exception_ptr function_error) {
  return read_profile(document, source, [&](const Reader&, const json&, Profile& profile) {
    if (function_error) std::rethrow_exception(function_error);
    profile.functions = std::move(functions);
  });
}

}  // namespace zkgate::gate
