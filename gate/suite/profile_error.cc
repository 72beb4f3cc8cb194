#include "gate/suite/profile_error.h"

#include <sstream>
#include <vector>

#include "gate/suite/path_facts.h"
#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::gate::suite {

namespace {

constexpr std::string_view kSuffix = ".error.txt";

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

}  // namespace

bool is_profile_error_file(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  return name.size() > kSuffix.size() && name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0;
}

Workload read_profile_error(const std::filesystem::path& file) {
  const std::string text = util::read_file(file);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);

  const std::string where = file.string();
  if (lines.empty() || !starts_with(lines[0], "fixture:")) {
    throw util::InputError({where, 1, 1}, "expected \"fixture: <name>\" on the first line of a profiling error file",
                           "this is not an eth-act zisk_profile_<fixture>.error.txt sidecar");
  }
  Workload w;
  w.source = where;
  w.format = "zisk-profile-error";
  w.run_kind = "profile";
  w.name = trim(std::string_view(lines[0]).substr(std::string_view("fixture:").size()));
  if (w.name.empty()) throw util::InputError({where, 1, 9}, "the fixture name is empty");
  const PathFacts facts = path_facts(file);
  w.zkvm = facts.zkvm.empty() ? "zisk" : facts.zkvm;
  w.zkvm_version = facts.zkvm_version;
  w.guest = facts.guest;
  w.steps_unit = "steps";
  w.failed = true;

  std::size_t error_line = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (trim(lines[i]) == "error:") {
      error_line = i;
      break;
    }
  }
  if (error_line == 0) {
    throw util::InputError({where, 0, 0}, "no \"error:\" line in the profiling error file");
  }
  // The failure line, then the first non-empty stderr line (the panic message is on the
  // line after "thread 'main' panicked at ...").
  std::vector<std::string> parts;
  for (std::size_t i = error_line + 1; i < lines.size() && parts.size() < 3; ++i) {
    std::string line = trim(lines[i]);
    if (starts_with(line, "stderr:")) line = trim(std::string_view(line).substr(7));
    if (line.empty() || starts_with(line, "note: run with")) continue;
    parts.push_back(line);
  }
  w.failure_reason = "profiling failed";
  for (const std::string& part : parts) w.failure_reason += (w.failure_reason.empty() ? "" : "; ") + part;
  return w;
}

}  // namespace zkgate::gate::suite
