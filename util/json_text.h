#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace zkgate::util {

// nlohmann::json::parse for a file another tool or a PR author wrote. Every refusal becomes
// an InputError at file:line:col with the hint: a syntax error, and also a number beyond a
// double's range ("1e400"), which nlohmann throws as out_of_range without a position and
// which a catch of parse_error alone lets escape.
nlohmann::json parse_json_input(std::string_view text, const std::string& file, const std::string& hint);

// json::dump for anything holding text from an input (symbol names, labels, commands):
// ill-formed UTF-8 becomes U+FFFD instead of nlohmann's type_error 316, which would turn a
// profile that compares fine into an error the moment it is written as JSON.
// indent -1 is one line; otherwise pretty-printed with that many spaces.
std::string dump_json(const nlohmann::json& value, int indent = -1);

}  // namespace zkgate::util
