#pragma once

#include <cstddef>
#include <exception>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gate/profile/profile.h"
#include "util/input_error.h"

// zkgate's own profile JSON ("schema": "zkgate-profile/1"), what `gate show --json`
// writes and the "zkgate-json" parser reads. Unknown figures are omitted (or null),
// never written as 0, so a profile round-trips exactly. Schema: README "Profile JSON".
namespace zkgate::gate {

inline constexpr const char* kProfileSchema = "zkgate-profile/1";

nlohmann::json profile_to_json(const Profile& profile);

// Throws util::InputError naming `source` and the JSON path for a wrong schema id, a
// missing total or a field of the wrong type.
Profile profile_from_json(const nlohmann::json& document, const std::string& source);

// The error a field of `source` at JSON `path` ("" for the root) gets, e.g.
// "x.json: /functions/3/name: expected a string" and the hint to regenerate the file.
util::InputError profile_json_error(const std::string& source, const std::string& path, const std::string& what);

// For a reader that takes the "functions" list out of the document while parsing it, so
// memory holds the model rather than the whole DOM: profile_from_json over such a
// document: `functions` replaces its (emptied) "functions"
// list, and `function_error`, the first element that failed, is rethrown at the point
// where profile_from_json would have thrown it (after the keys checked before the list).
Profile profile_from_json(const nlohmann::json& document, const std::string& source,
                          std::vector<FunctionStat> functions, std::exception_ptr function_error);

}  // namespace zkgate::gate
