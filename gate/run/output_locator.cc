#include "gate/run/output_locator.h"

#include <glob.h>

#include <algorithm>

#include <fmt/format.h>

namespace zkgate::gate::run {

namespace fs = std::filesystem;

namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  std::size_t at = 0;
  while ((at = text.find(from, at)) != std::string::npos) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

std::vector<std::string> glob_paths(const std::string& pattern) {
  glob_t matches{};
  std::vector<std::string> out;
  if (::glob(pattern.c_str(), GLOB_NOSORT, nullptr, &matches) == 0) {
    for (std::size_t i = 0; i < matches.gl_pathc; ++i) out.emplace_back(matches.gl_pathv[i]);
  }
  ::globfree(&matches);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string expand_output_pattern(const std::string& pattern, const fs::path& tree, const fs::path& out_dir) {
  std::string text = pattern;
  // Braced forms first, so "$ZKGATE_OUT" does not eat the start of "${ZKGATE_OUT}".
  replace_all(text, "${ZKGATE_OUT}", out_dir.string());
  replace_all(text, "${ZKGATE_TREE}", tree.string());
  replace_all(text, "$ZKGATE_OUT", out_dir.string());
  replace_all(text, "$ZKGATE_TREE", tree.string());
  return text;
}

LocatedOutput locate_profile_output(const std::string& output, const fs::path& tree, const fs::path& out_dir,
                                    const fs::path& stdout_log) {
  LocatedOutput located;
  if (output == "stdout") {
    located.file = stdout_log;
    return located;
  }
  fs::path pattern = expand_output_pattern(output, tree, out_dir);
  if (pattern.is_relative()) pattern = tree / pattern;
  const std::vector<std::string> matches = glob_paths(pattern.string());
  if (matches.empty()) {
    located.error = fmt::format("the profile command wrote no file matching {}", pattern.string());
    return located;
  }
  if (matches.size() > 1) {
    std::string list;
    for (std::size_t i = 0; i < matches.size() && i < 5; ++i) list += (i == 0 ? "" : ", ") + matches[i];
    located.error = fmt::format("{} files match {} ({}{}); make `output` name exactly one", matches.size(),
                                pattern.string(), list, matches.size() > 5 ? ", ..." : "");
    return located;
  }
  std::error_code ec;
  if (!fs::is_regular_file(matches.front(), ec)) {
    located.error = fmt::format("{} is not a regular file", matches.front());
    return located;
  }
  located.file = matches.front();
  return located;
}

}  // namespace zkgate::gate::run
