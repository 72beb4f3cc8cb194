#include "util/json_text.h"

#include <algorithm>
#include <cstddef>

#include "util/input_error.h"

namespace zkgate::util {

namespace {

SourceLocation location_of_byte(std::string_view text, std::size_t byte, const std::string& file) {
  SourceLocation where{file, 1, 1};
  const std::size_t end = std::min(byte, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++where.line;
      where.column = 1;
    } else {
      ++where.column;
    }
  }
  return where;
}

// nlohmann's what() is "[json.exception.<kind>.<id>] <message>"; the prefix means nothing to a user.
std::string message_of(const nlohmann::json::exception& e) {
  std::string what = e.what();
  const std::size_t bracket = what.find("] ");
  if (what.rfind("[json.exception.", 0) == 0 && bracket != std::string::npos) what.erase(0, bracket + 2);
  return what;
}

// out_of_range carries no position, only the token ("number overflow parsing '1e400'"):
// its first occurrence in the text is the best place to point at.
SourceLocation location_of_token(std::string_view text, const std::string& message, const std::string& file) {
  const std::size_t open = message.find('\'');
  const std::size_t close = message.rfind('\'');
  if (open == std::string::npos || close <= open + 1) return {file, 0, 0};
  const std::size_t at = text.find(std::string_view(message).substr(open + 1, close - open - 1));
  if (at == std::string_view::npos) return {file, 0, 0};
  return location_of_byte(text, at, file);
}

}  // namespace

nlohmann::json parse_json_input(std::string_view text, const std::string& file, const std::string& hint) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    const std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = message_of(e);
    // "parse error at line 1, column 5: syntax error while parsing value - ..." repeats the place.
    const std::size_t colon = what.find(": ", what.find("parse error"));
    if (what.rfind("parse error", 0) == 0 && colon != std::string::npos) what.erase(0, colon + 2);
    throw InputError(location_of_byte(text, byte, file), "invalid JSON: " + what, hint);
  } catch (const nlohmann::json::exception& e) {
    const std::string what = message_of(e);
    throw InputError(location_of_token(text, what, file), "invalid JSON: " + what, hint);
  }
}

std::string dump_json(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace zkgate::util
