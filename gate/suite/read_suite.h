#pragma once

#include <filesystem>
#include <optional>

#include "gate/suite/read_folder.h"
#include "gate/suite/suite.h"

// Auto-detection of a suite input, for `gate compare` and `gate merge`.
namespace zkgate::gate::suite {

// A folder (results tree, profiles, or both), an ethrex zkevm_bench report JSON, a
// zkgate suite JSON or one eth-act result JSON (a suite of one) is read as a suite; any
// other file is a single profile and yields nullopt so the caller compares it as one. Throws util::InputError for a missing path
// or an unreadable suite.
std::optional<Suite> try_read_suite(const std::filesystem::path& path, const ProfileReader& read_profile);

// Like try_read_suite, but a single-profile file is an error.
Suite read_suite(const std::filesystem::path& path, const ProfileReader& read_profile);

}  // namespace zkgate::gate::suite
