#pragma once

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "gate/profile/profile_json_fields.h"

namespace zkgate::gate {

// Rebuilds one JSON value from SAX events (json_sax) as an nlohmann-json value, for the few
// small parts of a document a reader wants whole (a value quoted in a message, the keys of
// a profile around its functions list). Scalars are given as json values.
class JsonBuilder {
 public:
  bool active() const { return !open_.empty(); }
  void begin(bool is_object) { open_.push_back(&place(is_object ? nlohmann::json::object() : nlohmann::json::array())); }
  void key(std::string_view name) { key_ = name; }
  void value(nlohmann::json value) { place(std::move(value)); }
  // Closes the innermost container; true when the whole value is complete.
  bool end() {
    open_.pop_back();
    return open_.empty();
  }
  nlohmann::json take() { return std::move(root_); }

 private:
  // Containers on open_ are never moved while open: a parent only grows once they close.
  // A later duplicate key replaces the earlier value, as nlohmann-json's parser does.
  nlohmann::json& place(nlohmann::json value) {
    if (open_.empty()) return root_ = std::move(value);
    nlohmann::json& parent = *open_.back();
    if (parent.is_object()) return parent[key_] = std::move(value);
    parent.push_back(std::move(value));
    return parent.back();
  }

  nlohmann::json root_;
  std::vector<nlohmann::json*> open_;
  std::string key_;
};

// A number as written (json_sax) as nlohmann-json's parser would hold it: an unsigned or
// signed 64-bit integer, else a double; nullopt for a figure beyond a double's range, which
// nlohmann-json refuses with an exception rather than a value.
inline std::optional<nlohmann::json> number_json(std::string_view raw) {
  const profile_json_fields::Number number = profile_json_fields::number_from_text(raw);
  if (number.integer) return number.signed_form ? nlohmann::json(number.signed_value) : nlohmann::json(number.unsigned_value);
  const double value = std::strtod(std::string(raw).c_str(), nullptr);  // zkgate never sets a locale: '.' is the point
  if (!std::isfinite(value)) return std::nullopt;
  return nlohmann::json(value);
}

}  // namespace zkgate::gate
