#pragma once

#include <filesystem>
#include <functional>

#include "gate/profile/profile.h"
#include "gate/suite/suite.h"

// A folder as a suite: an eth-act results tree (<el>/<zkvm>-v<ver>/<fixture>.json), a
// folder of single-profile files (ziskemu stats, logs, ...: one workload per file) and
// zisk_profile_<fixture>.error.txt sidecars, or any mix of them.
namespace zkgate::gate::suite {

// Reads one single-profile file (gate's parse_profile in production; a fake in tests).
using ProfileReader = std::function<Profile(const std::filesystem::path&)>;

// Reads every workload file under root, recursively, in sorted path order.
// Skipped: hidden files and the side files of results trees (hardware.json, fixtures.json,
// metadata.json, _zkevm-benchmark-workload.txt, *.md, *.tsv, *.csv).
// Keys are "<relative folder with versions dropped>/<name>" (see key_component), names
// are the JSON name or the file stem without the harness's "zisk_profile_" prefix.
// Throws util::InputError for an unreadable file, a suite JSON inside the folder, two
// files with the same key, or a folder with no workloads.
Suite read_suite_folder(const std::filesystem::path& root, const ProfileReader& read_profile);

// The Workload for one parsed profile (steps, cost, RAM; zkVM from the profile, version
// and guest from the folders).
Workload workload_from_profile(const Profile& profile, const std::filesystem::path& file);

// The workload name of a profile file: stem without "zisk_profile_" and the last extension.
std::string profile_workload_name(const std::filesystem::path& file);

}  // namespace zkgate::gate::suite
