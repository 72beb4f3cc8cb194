#include "gate/profile/zkgate_json_parser.h"

#include <string_view>

#include "gate/profile/profile_json.h"
#include "util/input_error.h"

namespace zkgate::gate {

Profile parse_zkgate_json(std::istream& in, const std::string& source) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann's message already says "at line L, column C"; drop its "[json.exception...]" tag.
    std::string_view what = error.what();
    const std::size_t tag_end = what.find("] ");
    if (tag_end != std::string_view::npos) what.remove_prefix(tag_end + 2);
    throw util::InputError({source}, std::string(what), "the JSON is cut or garbled; regenerate it with gate show --json");
  }
  return profile_from_json(document, source);
}

}  // namespace zkgate::gate
