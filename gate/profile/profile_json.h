#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "gate/profile/profile.h"

// zkgate's own profile JSON ("schema": "zkgate-profile/1"), what `gate show --json`
// writes and the "zkgate-json" parser reads. Unknown figures are omitted (or null),
// never written as 0, so a profile round-trips exactly. Schema: README "Profile JSON".
namespace zkgate::gate {

inline constexpr const char* kProfileSchema = "zkgate-profile/1";

nlohmann::json profile_to_json(const Profile& profile);

// Throws util::InputError naming `source` and the JSON path for a wrong schema id, a
// missing total or a field of the wrong type.
Profile profile_from_json(const nlohmann::json& document, const std::string& source);

}  // namespace zkgate::gate
