#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

// Reading JSON inputs fail-closed: every error names the file and the JSON path
// (RFC 6901 pointer such as /execution/success/total_num_cycles) of the offending value.
namespace zkgate::gate::suite {

// Parses text read from file; a syntax error becomes an InputError with file:line:col.
nlohmann::json parse_json_text(const std::string& text, const std::string& file);

// Reads and parses a JSON file (util::read_file limits and errors apply).
nlohmann::json read_json_file(const std::filesystem::path& path);

// A view of one JSON value with the file and pointer it came from.
class JsonAt {
 public:
  JsonAt(const nlohmann::json& value, std::string file, std::string pointer = "")
      : value_(&value), file_(std::move(file)), pointer_(std::move(pointer)) {}

  const nlohmann::json& value() const { return *value_; }
  const std::string& file() const { return file_; }
  // "/" for the root, otherwise the pointer.
  std::string path() const { return pointer_.empty() ? "/" : pointer_; }

  bool has(std::string_view key) const;
  // The member key; throws when absent or when this value is not an object.
  JsonAt at(std::string_view key) const;
  // The member key, or nullopt when absent (or null when null_is_absent).
  std::optional<JsonAt> find(std::string_view key, bool null_is_absent = false) const;
  JsonAt element(std::size_t index) const;

  // Typed reads; each throws InputError "expected <what> at <path>, found <type>".
  const nlohmann::json& object() const;
  const nlohmann::json& array() const;
  std::string string() const;
  bool boolean() const;
  std::uint64_t u64() const;  // non-negative integer that fits 64 bits

  [[noreturn]] void fail(const std::string& message, const std::string& hint = {}) const;

 private:
  const nlohmann::json* value_;
  std::string file_;
  std::string pointer_;
};

}  // namespace zkgate::gate::suite
