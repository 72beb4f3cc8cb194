#include "gate/profile/profile_json_fields.h"

#include <cstdint>

#include <fmt/format.h>

namespace zkgate::gate::profile_json_fields {

namespace {

bool is_null(const Value& value) { return value.type == Value::Type::Absent || value.type == Value::Type::Null; }

// nlohmann-json's unsigned-integer test, with "-0" (a signed 0) accepted as it was.
bool is_unsigned(const Value& value) {
  return value.type == Value::Type::Number && value.number.integer &&
         (!value.number.signed_form || value.number.signed_value >= 0);
}

}  // namespace

std::optional<Problem> check(const Field& field, const Value& value) {
  const auto missing = [&field] { return Problem{false, fmt::format("missing required key \"{}\"", field.key)}; };
  switch (field.kind) {
    case Kind::Text:
    case Kind::RequiredText:
      if (is_null(value)) {
        if (field.kind == Kind::RequiredText) return missing();
        return std::nullopt;
      }
      if (value.type != Value::Type::String) return Problem{true, "expected a string"};
      return std::nullopt;
    case Kind::Count:
    case Kind::RequiredCount:
    case Kind::SmallCount:
      if (is_null(value)) {
        if (field.kind == Kind::RequiredCount) return missing();
        return std::nullopt;
      }
      if (!is_unsigned(value)) return Problem{true, "expected an unsigned integer"};
      if (field.kind == Kind::SmallCount && count_of(value).value_or(0) > 0xffffffffu) return Problem{true, "value too large"};
      return std::nullopt;
    case Kind::Integer:
      if (value.type == Value::Type::Absent) return std::nullopt;
      if (value.type != Value::Type::Number || !value.number.integer) return Problem{true, "expected an integer"};
      return std::nullopt;
    case Kind::Flag:
      if (is_null(value) || value.type == Value::Type::Boolean) return std::nullopt;
      return Problem{true, "expected true or false"};
    case Kind::List:
      if (is_null(value) || value.type == Value::Type::Array) return std::nullopt;
      return Problem{true, "expected an array"};
  }
  return std::nullopt;
}

std::string text_of(const Value& value) { return value.type == Value::Type::String ? std::string(value.text) : std::string(); }

std::optional<std::uint64_t> count_of(const Value& value) {
  if (!is_unsigned(value)) return std::nullopt;
  return value.number.signed_form ? static_cast<std::uint64_t>(value.number.signed_value) : value.number.unsigned_value;
}

// As nlohmann-json's get<int>(): the 64-bit integer converted (modulo 2^32 when it is larger).
int integer_of(const Value& value) {
  if (value.type != Value::Type::Number || !value.number.integer) return 0;
  return value.number.signed_form ? static_cast<int>(value.number.signed_value) : static_cast<int>(value.number.unsigned_value);
}

bool flag_of(const Value& value) { return value.type == Value::Type::Boolean && value.boolean; }

namespace {

std::string take_text(const Value& value, std::string&& text) {
  return value.type == Value::Type::String ? std::move(text) : std::string();
}

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

void set_field(OpcodeStat& opcode, std::size_t index, const Value& value, std::string&& text) {
  switch (index) {
    case 0: opcode.name = take_text(value, std::move(text)); break;
    case 1: opcode.count = count_of(value).value_or(0); break;
    case 2: opcode.cost = count_of(value); break;
    case 3: opcode.is_precompile = flag_of(value); break;
    default: break;
  }
}

void set_field(CallerStat& caller, std::size_t index, const Value& value, std::string&& text) {
  switch (index) {
    case 0: caller.name = take_text(value, std::move(text)); break;
    case 1: caller.calls = count_of(value); break;
    case 2: caller.steps = count_of(value); break;
    default: break;
  }
}

}  // namespace zkgate::gate::profile_json_fields
