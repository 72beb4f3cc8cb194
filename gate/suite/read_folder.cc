#include "gate/suite/read_folder.h"

#include <algorithm>
#include <exception>
#include <map>
#include <thread>
#include <unordered_map>
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

// Enough files per reader thread that starting one pays off.
constexpr std::size_t kFilesPerThread = 256;
constexpr unsigned kMaxThreads = 8;

// What every file of one folder shares: computed once per folder, not once per file.
struct FolderInfo {
  PathFacts facts;
  std::string key_prefix;  // "<relative folder, versions dropped>/"
};

struct WorkloadFile {
  fs::path path;
  std::size_t folder = 0;  // index into the FolderInfo list
};

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

std::vector<fs::path> list_files(const fs::path& root) {
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
  // Plain string order: deterministic and much cheaper than path's component-wise order.
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });
  return files;
}

std::string folder_key(const fs::path& root, const fs::path& folder) {
  std::string key;
  for (const fs::path& part : folder.lexically_relative(root)) {
    const std::string name = part.string();
    if (name == "." || name.empty()) continue;
    key += key_component(name);
    key += '/';
  }
  return key;
}

Workload read_one(const WorkloadFile& file, const FolderInfo& folder, const ProfileReader& read_profile) {
  Workload w;
  if (is_profile_error_file(file.path)) {
    w = read_profile_error(file.path);
  } else if (file.path.extension() == ".json") {
    const nlohmann::json doc = parse_json_text(util::read_file(file.path), file.path.string());
    if (is_suite_json(doc) || is_zkevm_bench_report(doc)) {
      throw util::InputError({file.path.string(), 0, 0}, "a whole suite file inside a suite folder",
                             "compare the suite file itself, or move it out of the folder");
    }
    if (is_result_json(doc)) {
      w = workload_from_result(doc, file.path, folder.facts);
      w.key = folder.key_prefix + w.name;
      return w;
    }
    w = workload_from_profile(read_profile(file.path), file.path);
  } else {
    w = workload_from_profile(read_profile(file.path), file.path);
  }
  w.key = folder.key_prefix + profile_workload_name(file.path);
  return w;
}

// Reads files[i] into out[i] on a few threads; the error of the first failing file (in
// file order) is rethrown, so messages do not depend on scheduling.
std::vector<Workload> read_all(const std::vector<WorkloadFile>& files, const std::vector<FolderInfo>& folders,
                               const ProfileReader& read_profile) {
  std::vector<Workload> out(files.size());
  std::vector<std::exception_ptr> errors(files.size());
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t wanted = files.size() / kFilesPerThread + 1;
  const unsigned threads = static_cast<unsigned>(std::min<std::size_t>({wanted, hardware, kMaxThreads}));
  const auto work = [&](unsigned index) {
    for (std::size_t i = index; i < files.size(); i += threads) {
      try {
        out[i] = read_one(files[i], folders[files[i].folder], read_profile);
      } catch (...) {
        errors[i] = std::current_exception();
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& thread : pool) thread.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  return out;
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
  std::vector<FolderInfo> folders;
  std::unordered_map<std::string, std::size_t> folder_index;
  std::vector<WorkloadFile> files;
  for (fs::path& path : list_files(root)) {
    const fs::path parent = path.parent_path();
    std::pair<std::unordered_map<std::string, std::size_t>::iterator, bool> known =
        folder_index.emplace(parent.native(), folders.size());
    if (known.second) folders.push_back(FolderInfo{path_facts(path), folder_key(root, parent)});
    files.push_back(WorkloadFile{std::move(path), known.first->second});
  }
  if (files.empty()) {
    throw util::InputError({root.string(), 0, 0}, "no workload files in the folder",
                           "expected eth-act result JSONs or profile files (searched recursively)");
  }
  Suite suite;
  suite.source = root.string();
  suite.workloads = read_all(files, folders, read_profile);
  std::unordered_map<std::string, const Workload*> by_key;
  by_key.reserve(suite.workloads.size());
  bool any_result = false;
  bool any_profile = false;
  for (const Workload& w : suite.workloads) {
    std::pair<std::unordered_map<std::string, const Workload*>::iterator, bool> inserted = by_key.emplace(w.key, &w);
    if (!inserted.second) {
      throw util::InputError(
          {w.source, 0, 0}, fmt::format("workload \"{}\" is already read from {}", w.key, inserted.first->second->source),
          "a suite holds one run per workload: point BASE and HEAD at the folders of one run each "
          "(e.g. .../ethrex-b9d3ef6 and .../ethrex-33695e2)");
    }
    (w.format == "eth-act-result" ? any_result : any_profile) = true;
  }
  suite.format = any_result && any_profile ? "mixed-folder" : (any_result ? "eth-act-tree" : "profile-folder");
  return suite;
}

}  // namespace zkgate::gate::suite
