#include "gate/suite/read_folder.h"

#include <algorithm>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "gate/suite/json_input.h"
#include "gate/suite/path_facts.h"
#include "gate/suite/profile_error.h"
#include "gate/suite/result_json.h"
#include "gate/suite/suite_json.h"
#include "gate/suite/zkevm_bench.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::suite {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kProfilePrefix = "zisk_profile_";

bool is_side_file(const fs::path& file) {
  const std::string name = file.filename().string();
  if (name.empty() || name[0] == '.') return true;
  if (name == "hardware.json" || name == "fixtures.json" || name == "metadata.json" ||
      name == "_zkevm-benchmark-workload.txt") {
    return true;
  }
  const std::string ext = file.extension().string();
  return ext == ".md" || ext == ".tsv" || ext == ".csv";
}

std::vector<fs::path> workload_files(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  if (ec) throw util::InputError({root.string(), 0, 0}, "cannot list the folder: " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) throw util::InputError({it->path().string(), 0, 0}, "cannot list the folder: " + ec.message());
    const std::string name = it->path().filename().string();
    if (it->is_directory() && !name.empty() && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && !is_side_file(it->path())) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string folder_key(const fs::path& root, const fs::path& file) {
  std::string key;
  for (const fs::path& part : file.parent_path().lexically_relative(root)) {
    const std::string folder = part.string();
    if (folder == "." || folder.empty()) continue;
    key += key_component(folder);
    key += '/';
  }
  return key;
}

Workload read_one(const fs::path& file, const ProfileReader& read_profile) {
  if (is_profile_error_file(file)) return read_profile_error(file);
  if (file.extension() == ".json") {
    const std::string text = util::read_file(file);
    const nlohmann::json doc = parse_json_text(text, file.string());
    if (is_result_json(doc)) return workload_from_result(doc, file);
    if (is_suite_json(doc) || is_zkevm_bench_report(doc)) {
      throw util::InputError({file.string(), 0, 0}, "a whole suite file inside a suite folder",
                             "compare the suite file itself, or move it out of the folder");
    }
  }
  return workload_from_profile(read_profile(file), file);
}

}  // namespace

std::string profile_workload_name(const fs::path& file) {
  std::string name = file.filename().string();
  if (is_profile_error_file(file)) {
    name.resize(name.size() - std::string_view(".error.txt").size());
  } else {
    name = file.stem().string();
  }
  if (name.size() > kProfilePrefix.size() && name.compare(0, kProfilePrefix.size(), kProfilePrefix) == 0) {
    name.erase(0, kProfilePrefix.size());
  }
  return name;
}

Workload workload_from_profile(const Profile& profile, const fs::path& file) {
  Workload w;
  w.source = file.string();
  w.format = "profile:" + profile.format;
  w.run_kind = "profile";
  w.name = profile_workload_name(file);
  const PathFacts facts = path_facts(file);
  w.zkvm = profile.zkvm.empty() ? facts.zkvm : profile.zkvm;
  w.zkvm_version = facts.zkvm_version;
  std::map<std::string, std::string>::const_iterator version = profile.metadata.find("zkvm_version");
  if (w.zkvm_version.empty() && version != profile.metadata.end()) w.zkvm_version = version->second;
  w.guest = facts.guest;
  if (profile.total == 0) {
    w.data_note = "the profile's total is 0: not recorded";
  } else {
    w.steps = profile.total;
  }
  w.steps_unit = profile.unit;
  w.air_cost = profile.total_cost;
  w.ram_bytes = profile.ram_bytes;
  return w;
}

Suite read_suite_folder(const fs::path& root, const ProfileReader& read_profile) {
  Suite suite;
  suite.source = root.string();
  std::map<std::string, std::string> key_to_file;
  bool any_result = false;
  bool any_profile = false;
  for (const fs::path& file : workload_files(root)) {
    Workload w = read_one(file, read_profile);
    if (w.key.empty()) w.key = folder_key(root, file) + (w.format == "eth-act-result" ? w.name : profile_workload_name(file));
    std::pair<std::map<std::string, std::string>::iterator, bool> inserted = key_to_file.emplace(w.key, w.source);
    if (!inserted.second) {
      throw util::InputError(
          {file.string(), 0, 0},
          fmt::format("workload \"{}\" is already read from {}", w.key, inserted.first->second),
          "a suite holds one run per workload: point BASE and HEAD at the folders of one run each "
          "(e.g. .../ethrex-b9d3ef6 and .../ethrex-33695e2)");
    }
    (w.format == "eth-act-result" ? any_result : any_profile) = true;
    suite.workloads.push_back(std::move(w));
  }
  if (suite.workloads.empty()) {
    throw util::InputError({root.string(), 0, 0}, "no workload files in the folder",
                           "expected eth-act result JSONs or profile files (searched recursively)");
  }
  suite.format = any_result && any_profile ? "mixed-folder" : (any_result ? "eth-act-tree" : "profile-folder");
  return suite;
}

}  // namespace zkgate::gate::suite
