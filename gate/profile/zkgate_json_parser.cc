#include "gate/profile/zkgate_json_parser.h"

#include <algorithm>
#include <exception>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "gate/profile/json_builder.h"
#include "gate/profile/json_sax.h"
#include "gate/profile/profile_json.h"
#include "gate/profile/profile_json_fields.h"
#include "util/input_error.h"

namespace zkgate::gate {

namespace {

using nlohmann::json;
namespace fields = profile_json_fields;

template <std::size_t N>
std::size_t field_index(std::string_view key, const fields::Field (&rules)[N]) {
  // The first byte first: the row keys share lengths ("cost", "name"), and a memcmp call
  // per candidate cost ~3% of a parse.
  for (std::size_t i = 0; i < N; ++i) {
    const std::string_view rule = rules[i].key;
    if (key.size() == rule.size() && (key.empty() || key[0] == rule[0]) && key == rule) return i;
  }
  return N;
}

// The last value seen for each field of one object (a later duplicate key replaces an
// earlier one, as in a DOM); checked in rule order once the object closes.
template <std::size_t N>
struct Slots {
  fields::Value values[N];
  std::string texts[N];  // the strings' storage, kept between objects for its capacity

  void clear() {
    for (fields::Value& value : values) value = fields::Value{};
  }
  void set(std::size_t index, fields::Value value, std::string_view text) {
    if (index >= N) return;  // a key the schema does not know: ignored
    if (value.type == fields::Value::Type::String) {
      texts[index].assign(text);
      value.text = texts[index];
    }
    values[index] = value;
  }
};

// The first row of an opcodes or callers list that failed its rules.
struct RowError {
  std::size_t index = 0;
  fields::Problem problem;
  std::string_view key;  // empty: the problem is about the row itself
};

// SAX events (json_sax) for a zkgate profile JSON. The "functions" list is read straight
// into FunctionStat values against the shared field rules; every other key of the root is
// built as a small DOM, which profile_from_json then checks in its usual order, rethrowing
// the first failing function where the whole-document reader would have thrown it.
class ProfileSax {
 public:
  explicit ProfileSax(const std::string& source) : source_(source) {}

  json& document() { return document_; }
  std::vector<FunctionStat>& functions() { return functions_; }
  std::exception_ptr function_error() const { return error_; }

  void null() { scalar(fields::Value::of(fields::Value::Type::Null), {}, [] { return json(nullptr); }); }
  void boolean(bool value) {
    fields::Value found = fields::Value::of(fields::Value::Type::Boolean);
    found.boolean = value;
    scalar(found, {}, [value] { return json(value); });
  }
  void number(const json_sax::Number& number) {
    fields::Value found = fields::Value::of(fields::Value::Type::Number);
    found.number.integer = number.kind != json_sax::Number::Kind::Double;
    found.number.signed_form = number.kind == json_sax::Number::Kind::Signed;
    found.number.unsigned_value = number.unsigned_value;
    found.number.signed_value = number.signed_value;
    scalar(found, {}, [&number] { return number_json(number); });
  }
  void string(std::string_view text) {
    scalar(fields::Value::of(fields::Value::Type::String), text, [text] { return json(std::string(text)); });
  }

  void key(std::string_view name) {
    switch (frames_.back()) {
      case Role::Root:
        root_key_ = name;
        root_key_known_ = std::find(std::begin(fields::kProfileKeys), std::end(fields::kProfileKeys), name) !=
                          std::end(fields::kProfileKeys);
        if (name == "functions") {  // a later "functions" key replaces the list
          functions_.clear();
          error_ = nullptr;
          next_function_ = 0;
        }
        break;
      case Role::Build:
        builder_.key(name);
        break;
      case Role::Function:
        function_key_ = field_index(name, fields::kFunctionFields);
        if (function_key_ == fields::kFunctionOpcodes) {
          opcodes_.clear();
          opcode_error_.reset();
        } else if (function_key_ == fields::kFunctionCallers) {
          callers_.clear();
          caller_error_.reset();
        }
        break;
      case Role::Row:
        row_key_ = rows_are_opcodes_ ? field_index(name, fields::kOpcodeFields) : field_index(name, fields::kCallerFields);
        break;
      default:
        break;
    }
  }

  void start_object() { open(true); }
  void start_array() { open(false); }
  void end_object() { close(); }
  void end_array() { close(); }

 private:
  enum class Role { Root, Functions, Function, Rows, Row, Skip, Build };

  template <typename MakeJson>
  void scalar(const fields::Value& value, std::string_view text, MakeJson make_json) {
    if (frames_.empty()) return;  // the document is a scalar: "expected an object"
    switch (frames_.back()) {
      case Role::Root:
        if (root_key_known_) document_[root_key_] = make_json();
        break;
      case Role::Build:
        builder_.value(make_json());
        break;
      case Role::Functions:
        function_not_an_object(next_function_++);
        break;
      case Role::Function:
        if (function_key_ < std::size(fields::kFunctionFields)) function_slots_.set(function_key_, value, text);
        break;
      case Role::Rows:
        row_error({row_next_++, {false, "expected an object"}, ""});
        break;
      case Role::Row:
        if (rows_are_opcodes_) {
          opcode_slots_.set(row_key_, value, text);
        } else {
          caller_slots_.set(row_key_, value, text);
        }
        break;
      case Role::Skip:
        break;
    }
  }

  void open(bool is_object) {
    if (frames_.empty()) {
      if (is_object) document_ = json::object();
      frames_.push_back(is_object ? Role::Root : Role::Skip);
      return;
    }
    Role role = Role::Skip;
    const fields::Value container = fields::Value::of(is_object ? fields::Value::Type::Object : fields::Value::Type::Array);
    switch (frames_.back()) {
      case Role::Root:
        if (root_key_ == "functions" && !is_object) {
          document_["functions"] = json::array();
          role = Role::Functions;
        } else if (root_key_known_) {
          builder_.begin(is_object);
          role = Role::Build;
        }
        break;
      case Role::Build:
        builder_.begin(is_object);
        role = Role::Build;
        break;
      case Role::Functions:
        function_at_ = next_function_++;
        if (is_object) {
          function_slots_.clear();
          function_ = FunctionStat{};
          opcodes_.clear();
          callers_.clear();
          opcode_error_.reset();
          caller_error_.reset();
          function_key_ = std::size(fields::kFunctionFields);
          role = Role::Function;
        } else {
          function_not_an_object(function_at_);
        }
        break;
      case Role::Function:
        if (function_key_ < std::size(fields::kFunctionFields)) function_slots_.set(function_key_, container, {});
        if (!is_object && (function_key_ == fields::kFunctionOpcodes || function_key_ == fields::kFunctionCallers)) {
          rows_are_opcodes_ = function_key_ == fields::kFunctionOpcodes;
          row_next_ = 0;
          role = Role::Rows;
        }
        break;
      case Role::Rows:
        row_at_ = row_next_++;
        if (is_object) {
          if (rows_are_opcodes_) {
            opcode_slots_.clear();
            row_key_ = std::size(fields::kOpcodeFields);
          } else {
            caller_slots_.clear();
            row_key_ = std::size(fields::kCallerFields);
          }
          role = Role::Row;
        } else {
          row_error({row_at_, {false, "expected an object"}, ""});
        }
        break;
      case Role::Row:
        if (rows_are_opcodes_) {
          opcode_slots_.set(row_key_, container, {});
        } else {
          caller_slots_.set(row_key_, container, {});
        }
        break;
      case Role::Skip:
        break;
    }
    frames_.push_back(role);
  }

  void close() {
    const Role role = frames_.back();
    frames_.pop_back();
    if (role == Role::Build) {
      if (builder_.end()) document_[root_key_] = builder_.take();
    } else if (role == Role::Function) {
      finish_function();
    } else if (role == Role::Row) {
      if (rows_are_opcodes_) {
        finish_row(opcodes_, opcode_slots_, fields::kOpcodeFields);
      } else {
        finish_row(callers_, caller_slots_, fields::kCallerFields);
      }
    }
  }

  template <typename Stat, std::size_t N>
  void finish_row(std::vector<Stat>& rows, Slots<N>& slots, const fields::Field (&rules)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
      if (std::optional<fields::Problem> problem = fields::check(rules[i], slots.values[i])) {
        row_error({row_at_, std::move(*problem), rules[i].key});
        return;
      }
    }
    if (rows_are_opcodes_ ? opcode_error_.has_value() : caller_error_.has_value()) return;
    Stat stat;
    for (std::size_t i = 0; i < N; ++i) fields::set_field(stat, i, slots.values[i], std::move(slots.texts[i]));
    rows.push_back(std::move(stat));
  }

  void row_error(RowError error) {
    std::optional<RowError>& first = rows_are_opcodes_ ? opcode_error_ : caller_error_;
    if (!first) first = std::move(error);
  }

  // The rules in order, as profile_from_json applies them to a function of the DOM.
  void finish_function() {
    if (error_) return;  // only the first failing function is reported
    for (std::size_t i = 0; i < std::size(fields::kFunctionFields); ++i) {
      const fields::Field& rule = fields::kFunctionFields[i];
      const fields::Value& value = function_slots_.values[i];
      if (std::optional<fields::Problem> problem = fields::check(rule, value)) {
        const std::string_view key = problem->about_key ? rule.key : std::string_view();
        function_element_error(function_at_, RowError{0, std::move(*problem), key});
        return;
      }
      const bool list = i == fields::kFunctionOpcodes || i == fields::kFunctionCallers;
      if (list && value.type == fields::Value::Type::Array) {
        const std::optional<RowError>& row = i == fields::kFunctionOpcodes ? opcode_error_ : caller_error_;
        if (row) {
          const std::string at = fmt::format("/functions/{}/{}/{}", function_at_, rule.key, row->index);
          error_ = std::make_exception_ptr(profile_json_error(
              source_, row->problem.about_key ? fmt::format("{}/{}", at, row->key) : at, row->problem.what));
          return;
        }
      } else if (i == fields::kFunctionOpcodes) {
        opcodes_.clear();  // null or absent: no rows
      } else if (i == fields::kFunctionCallers) {
        callers_.clear();
      } else {
        fields::set_field(function_, i, value, std::move(function_slots_.texts[i]));
      }
    }
    // Rows gather in reused lists and move into exactly sized ones: 800,000 opcode rows in
    // vectors grown by doubling would hold ~30% more memory than the model needs.
    function_.opcodes.assign(std::make_move_iterator(opcodes_.begin()), std::make_move_iterator(opcodes_.end()));
    function_.callers.assign(std::make_move_iterator(callers_.begin()), std::make_move_iterator(callers_.end()));
    functions_.push_back(std::move(function_));
  }

  // `error.key` empty: the problem is about the element itself, not one of its keys.
  void function_element_error(std::size_t index, RowError error) {
    if (error_) return;
    std::string at = fmt::format("/functions/{}", index);
    if (!error.key.empty()) fmt::format_to(std::back_inserter(at), "/{}", error.key);
    error_ = std::make_exception_ptr(profile_json_error(source_, at, error.problem.what));
  }
  void function_not_an_object(std::size_t index) { function_element_error(index, RowError{0, {false, "expected an object"}, ""}); }

  const std::string& source_;
  std::vector<Role> frames_;
  json document_;
  std::string root_key_;
  bool root_key_known_ = false;
  JsonBuilder builder_;

  std::vector<FunctionStat> functions_;
  std::exception_ptr error_;
  std::size_t next_function_ = 0;
  std::size_t function_at_ = 0;

  FunctionStat function_;
  Slots<std::size(fields::kFunctionFields)> function_slots_;
  std::size_t function_key_ = 0;
  std::vector<OpcodeStat> opcodes_;  // the function's rows so far
  std::vector<CallerStat> callers_;
  std::optional<RowError> opcode_error_;
  std::optional<RowError> caller_error_;

  bool rows_are_opcodes_ = true;
  std::size_t row_next_ = 0;
  std::size_t row_at_ = 0;
  std::size_t row_key_ = 0;
  Slots<std::size(fields::kOpcodeFields)> opcode_slots_;
  Slots<std::size(fields::kCallerFields)> caller_slots_;
};

}  // namespace

Profile parse_zkgate_json(std::istream& in, const std::string& source) {
  ProfileSax sax(source);
  json_sax::read(in, source, "the JSON is cut or garbled; regenerate it with gate show --json", sax);
  return profile_from_json(sax.document(), source, std::move(sax.functions()), sax.function_error());
}

}  // namespace zkgate::gate
