#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "gate/profile/json_sax.h"

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

// A number (json_sax) as nlohmann-json's parser holds it.
inline nlohmann::json number_json(const json_sax::Number& number) {
  switch (number.kind) {
    case json_sax::Number::Kind::Unsigned: return nlohmann::json(number.unsigned_value);
    case json_sax::Number::Kind::Signed: return nlohmann::json(number.signed_value);
    case json_sax::Number::Kind::Double: break;
  }
  return nlohmann::json(number.double_value);
}

}  // namespace zkgate::gate
