#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

std::optional<Problem> check(const Field& field, const Value& value);

// The value of a field that passed check().
std::string text_of(const Value& value);
std::optional<std::uint64_t> count_of(const Value& value);
int integer_of(const Value& value);
bool flag_of(const Value& value);

// Stores field `index` of kFunctionFields (lists excepted), kOpcodeFields or kCallerFields.
// `text` is moved from: it holds the value's string.
void set_field(FunctionStat& function, std::size_t index, const Value& value, std::string&& text);
void set_field(OpcodeStat& opcode, std::size_t index, const Value& value, std::string&& text);
void set_field(CallerStat& caller, std::size_t index, const Value& value, std::string&& text);

}  // namespace zkgate::gate::profile_json_fields
