#include "gate/profile/zkgate_json_parser.h"

#include <exception>
#include <string_view>
#include <vector>

#include "gate/profile/profile_json.h"
#include "util/input_error.h"

namespace zkgate::gate {

namespace {

using nlohmann::json;

// Takes the elements of the document's top-level "functions" list out of the DOM as they
// complete (depth 2: root object, list, element), so memory holds the model and one
// function at a time, not the whole document. A later duplicate "functions" key replaces
// the earlier list, as it would in the DOM.
class FunctionStream {
 public:
  explicit FunctionStream(const std::string& source) : source_(source) {}

  bool event(int depth, json::parse_event_t event, json& parsed) {
    if (depth == 1 && event == json::parse_event_t::key) {
      key_is_functions_ = parsed == "functions";
      if (key_is_functions_) {
        functions_.clear();
        error_ = nullptr;
        next_index_ = 0;
      }
    } else if (depth == 1 && event == json::parse_event_t::array_start) {
      in_functions_ = key_is_functions_;
    } else if (depth == 1 && (event == json::parse_event_t::array_end || event == json::parse_event_t::object_start)) {
      in_functions_ = false;
    } else if (depth == 2 && in_functions_ &&
               (event == json::parse_event_t::object_end || event == json::parse_event_t::array_end ||
                event == json::parse_event_t::value)) {
      take(parsed);
      return false;
    }
    return true;
  }

  std::vector<FunctionStat>& functions() { return functions_; }
  std::exception_ptr error() const { return error_; }

 private:
  // The first element that fails is kept and rethrown where the DOM reader would throw it.
  void take(const json& element) {
    const std::size_t index = next_index_++;
    if (error_) return;
    try {
      functions_.push_back(function_from_json(element, index, source_));
    } catch (const util::InputError&) {
      error_ = std::current_exception();
    }
  }

  const std::string& source_;
  bool key_is_functions_ = false;
  bool in_functions_ = false;
  std::size_t next_index_ = 0;
  std::vector<FunctionStat> functions_;
  std::exception_ptr error_;
};

}  // namespace

Profile parse_zkgate_json(std::istream& in, const std::string& source) {
  FunctionStream stream(source);
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(in, [&stream](int depth, json::parse_event_t event, json& parsed) {
      return stream.event(depth, event, parsed);
    });
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann's message already says "at line L, column C"; drop its "[json.exception...]" tag.
    std::string_view what = error.what();
    const std::size_t tag_end = what.find("] ");
    if (tag_end != std::string_view::npos) what.remove_prefix(tag_end + 2);
    throw util::InputError({source}, std::string(what), "the JSON is cut or garbled; regenerate it with gate show --json");
  }
  return profile_from_json(document, source, std::move(stream.functions()), stream.error());
}

}  // namespace zkgate::gate
