#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "gate/advice/advice.h"
#include "gate/profile/profile.h"

// `gate show`: one profile with its advice, for a terminal, a markdown page, or as
// zkgate's profile JSON (which `gate compare` reads back).
namespace zkgate::gate {

inline constexpr std::size_t kShownTopFunctions = 10;

// The summary (format, zkVM, total, ZisK cost, precompiles used), the top functions by the
// advice measure (cost where known, else steps) with their shares, then the advice.
std::string profile_report_text(const Profile& profile, const advice::Advice& advice);
std::string profile_report_markdown(const Profile& profile, const advice::Advice& advice);

// profile_to_json(profile) plus an "advice" key (advice_to_json). The profile JSON reader
// ignores that key, so this document compares exactly like the profile it came from.
nlohmann::json profile_report_json(const Profile& profile, const advice::Advice& advice);

}  // namespace zkgate::gate
