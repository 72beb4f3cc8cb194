#include "gate/suite/json_input.h"

#include <fmt/format.h>

#include "util/file_io.h"
#include "util/input_error.h"
#include "util/json_text.h"

namespace zkgate::gate::suite {

namespace {

// RFC 6901: "~" and "/" inside a key are written "~0" and "~1".
std::string escape_pointer_token(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

nlohmann::json parse_json_text(const std::string& text, const std::string& file) {
  return util::parse_json_input(text, file, "the file is truncated or not JSON; regenerate it");
}

nlohmann::json read_json_file(const std::filesystem::path& path) {
  return parse_json_text(util::read_file(path), path.string());
}

bool JsonAt::has(std::string_view key) const { return value_->is_object() && value_->contains(key); }

JsonAt JsonAt::at(std::string_view key) const {
  std::optional<JsonAt> member = find(key);
  if (!member) fail(fmt::format("missing key \"{}\" in the object at {}", key, path()));
  return *member;
}

std::optional<JsonAt> JsonAt::find(std::string_view key, bool null_is_absent) const {
  const nlohmann::json& obj = object();
  nlohmann::json::const_iterator it = obj.find(key);
  if (it == obj.end()) return std::nullopt;
  if (null_is_absent && it->is_null()) return std::nullopt;
  return JsonAt(*it, file_, pointer_ + "/" + escape_pointer_token(key));
}

JsonAt JsonAt::element(std::size_t index) const {
  const nlohmann::json& arr = array();
  if (index >= arr.size()) fail(fmt::format("index {} past the end of the array at {}", index, path()));
  return JsonAt(arr[index], file_, fmt::format("{}/{}", pointer_, index));
}

const nlohmann::json& JsonAt::object() const {
  if (!value_->is_object()) fail(fmt::format("expected an object at {}, found {}", path(), value_->type_name()));
  return *value_;
}

const nlohmann::json& JsonAt::array() const {
  if (!value_->is_array()) fail(fmt::format("expected an array at {}, found {}", path(), value_->type_name()));
  return *value_;
}

std::string JsonAt::string() const {
  if (!value_->is_string()) fail(fmt::format("expected a string at {}, found {}", path(), value_->type_name()));
  return value_->get<std::string>();
}

bool JsonAt::boolean() const {
  if (!value_->is_boolean()) fail(fmt::format("expected true or false at {}, found {}", path(), value_->type_name()));
  return value_->get<bool>();
}

std::uint64_t JsonAt::u64() const {
  if (value_->is_number_unsigned()) return value_->get<std::uint64_t>();
  if (value_->is_number_integer()) {
    fail(fmt::format("expected a non-negative integer at {}, found {}", path(), value_->dump()));
  }
  if (value_->is_number_float()) {
    fail(fmt::format("expected an integer that fits in 64 bits at {}, found {}", path(), value_->dump()));
  }
  fail(fmt::format("expected a non-negative integer at {}, found {}", path(), value_->type_name()));
}

void JsonAt::fail(const std::string& message, const std::string& hint) const {
  throw util::InputError(util::SourceLocation{file_, 0, 0}, message, hint);
}

}  // namespace zkgate::gate::suite
