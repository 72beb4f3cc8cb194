#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "gate/profile/profile.h"

// The field rules of zkgate's profile JSON (README "Profile JSON"), shared by the DOM reader
// (profile_json.cc) and the streaming one (zkgate_json_parser.cc) so both accept and refuse
// the same documents with the same messages.
namespace zkgate::gate::profile_json_fields {

enum class Kind {
  Text,           // a string; absent or null: ""
  RequiredText,   // a string
  Count,          // an unsigned integer; absent or null: unknown
  RequiredCount,  // an unsigned integer
  SmallCount,     // a Count that fits 32 bits
  Integer,        // any integer when the key is there (null is not one); absent: 0
  Flag,           // true or false; absent or null: false
  List,           // an array, read by the caller; absent or null: empty
};

struct Field {
  std::string_view key;  // a literal: key.data() is NUL-terminated
  Kind kind;
};

// Each object's fields in the order they are checked: the first failing one is reported,
// wherever it stands in the document. set_field() relies on these positions.
inline constexpr Field kFunctionFields[] = {
    {"name", Kind::RequiredText},    {"steps", Kind::Count},          {"cost", Kind::Count},
    {"calls", Kind::Count},          {"self_steps", Kind::Count},     {"self_cost", Kind::Count},
    {"rank_by_steps", Kind::SmallCount}, {"rank_by_cost", Kind::SmallCount}, {"depth", Kind::Integer},
    {"parent", Kind::Text},          {"opcodes", Kind::List},         {"callers", Kind::List}};
inline constexpr std::size_t kFunctionOpcodes = 10;
inline constexpr std::size_t kFunctionCallers = 11;
inline constexpr Field kOpcodeFields[] = {
    {"name", Kind::RequiredText}, {"count", Kind::RequiredCount}, {"cost", Kind::Count}, {"precompile", Kind::Flag}};
inline constexpr Field kCallerFields[] = {{"name", Kind::RequiredText}, {"calls", Kind::Count}, {"steps", Kind::Count}};

// The root keys profile_from_json reads. The streamed reader builds only these (and reads
// "functions" itself): any other key cannot change the profile, so it costs no memory.
inline constexpr std::string_view kProfileKeys[] = {
    "schema",  "source",        "format",    "zkvm",           "unit",           "total",
    "total_note", "total_cost", "cost_distribution", "ram_bytes", "gas",         "opcodes_known",
    "opcodes", "functions_known", "functions_complete", "top_n_by_steps", "top_n_by_cost", "functions",
    "metadata"};

// A JSON number as nlohmann-json holds it: an integer when it has no fraction or exponent
// and fits 64 bits (unsigned, or signed when negative), else a double.
struct Number {
  bool integer = false;
  bool signed_form = false;  // held as int64 (a negative number, "-0", or an int in a DOM)
  std::uint64_t unsigned_value = 0;
  std::int64_t signed_value = 0;
};

// One field's value as found, enough to check it against its kind.
struct Value {
  enum class Type { Absent, Null, Boolean, String, Number, Array, Object };
  Type type = Type::Absent;
  bool boolean = false;
  Number number;
  std::string_view text;  // a string's text, owned by the caller

  static Value of(Type type) {
    Value value;
    value.type = type;
    return value;
  }
};

// Why a value does not fit its field: `what`, about the key itself (path/key) or, for a
// missing required key, about the object holding it (path).
struct Problem {
  bool about_key = true;
  std::string what;
};

// check(), count_of(), flag_of() and the row setters are inline: the streamed reader calls
// them for every field of ~800,000 rows per 100 MB, where a call each cost ~6% of a parse.
inline bool is_null(const Value& value) { return value.type == Value::Type::Absent || value.type == Value::Type::Null; }

// nlohmann-json's unsigned-integer test, with "-0" (a signed 0) accepted as it was.
inline bool is_unsigned(const Value& value) {
  return value.type == Value::Type::Number && value.number.integer &&
         (!value.number.signed_form || value.number.signed_value >= 0);
}

// The value of a field that passed check().
std::string text_of(const Value& value);
inline std::optional<std::uint64_t> count_of(const Value& value) {
  if (!is_unsigned(value)) return std::nullopt;
  return value.number.signed_form ? static_cast<std::uint64_t>(value.number.signed_value) : value.number.unsigned_value;
}
int integer_of(const Value& value);
inline bool flag_of(const Value& value) { return value.type == Value::Type::Boolean && value.boolean; }

Problem missing_key(const Field& field);

inline std::optional<Problem> check(const Field& field, const Value& value) {
  switch (field.kind) {
    case Kind::Text:
    case Kind::RequiredText:
      if (is_null(value)) {
        if (field.kind == Kind::RequiredText) return missing_key(field);
        return std::nullopt;
      }
      if (value.type != Value::Type::String) return Problem{true, "expected a string"};
      return std::nullopt;
    case Kind::Count:
    case Kind::RequiredCount:
    case Kind::SmallCount:
      if (is_null(value)) {
        if (field.kind == Kind::RequiredCount) return missing_key(field);
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

inline std::string take_text(const Value& value, std::string&& text) {
  return value.type == Value::Type::String ? std::move(text) : std::string();
}

// Stores field `index` of kFunctionFields (lists excepted), kOpcodeFields or kCallerFields.
// `text` is moved from: it holds the value's string.
void set_field(FunctionStat& function, std::size_t index, const Value& value, std::string&& text);

inline void set_field(OpcodeStat& opcode, std::size_t index, const Value& value, std::string&& text) {
  switch (index) {
    case 0: opcode.name = take_text(value, std::move(text)); break;
    case 1: opcode.count = count_of(value).value_or(0); break;
    case 2: opcode.cost = count_of(value); break;
    case 3: opcode.is_precompile = flag_of(value); break;
    default: break;
  }
}

inline void set_field(CallerStat& caller, std::size_t index, const Value& value, std::string&& text) {
  switch (index) {
    case 0: caller.name = take_text(value, std::move(text)); break;
    case 1: caller.calls = count_of(value); break;
    case 2: caller.steps = count_of(value); break;
    default: break;
  }
}

}  // namespace zkgate::gate::profile_json_fields
