#include "gate/profile/profile_json_fields.h"

#include <cstdint>

#include <fmt/format.h>

namespace zkgate::gate::profile_json_fields {

Problem missing_key(const Field& field) { return Problem{false, fmt::format("missing required key \"{}\"", field.key)}; }

std::string text_of(const Value& value) { return value.type == Value::Type::String ? std::string(value.text) : std::string(); }

// As nlohmann-json's get<int>(): the 64-bit integer converted (modulo 2^32 when it is larger).
int integer_of(const Value& value) {
  if (value.type != Value::Type::Number || !value.number.integer) return 0;
  return value.number.signed_form ? static_cast<int>(value.number.signed_value) : static_cast<int>(value.number.unsigned_value);
}

namespace {

std::optional<unsigned> small_count_of(const Value& value) {
  const std::optional<std::uint64_t> count = count_of(value);
  if (!count) return std::nullopt;
  return static_cast<unsigned>(*count);
}

}  // namespace

void set_field(FunctionStat& function, std::size_t index, const Value& value, std::string&& text) {
  switch (index) {
    case 0: function.name = take_text(value, std::move(text)); break;
    case 1: function.steps = count_of(value); break;
    case 2: function.cost = count_of(value); break;
    case 3: function.calls = count_of(value); break;
    case 4: function.self_steps = count_of(value); break;
    case 5: function.self_cost = count_of(value); break;
    case 6: function.rank_by_steps = small_count_of(value); break;
    case 7: function.rank_by_cost = small_count_of(value); break;
    case 8: function.depth = integer_of(value); break;
    case 9: function.parent = take_text(value, std::move(text)); break;
    default: break;  // opcodes and callers: lists the caller reads
  }
}

}  // namespace zkgate::gate::profile_json_fields
