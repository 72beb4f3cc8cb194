#include "gate/github/github_context.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/file_io.h"
#include "util/input_error.h"

namespace zkgate::github {

namespace {

using nlohmann::json;
using util::InputError;

constexpr const char* kDefaultApiUrl = "https://api.github.com";

bool name_chars_only(std::string_view text, std::string_view punctuation) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [punctuation](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || punctuation.find(c) != std::string_view::npos;
  });
}

// OWNER/NAME as GitHub allows them; anything else could smuggle a path into the API URL.
bool valid_repo(const std::string& repo) {
  const std::size_t slash = repo.find('/');
  if (slash == std::string::npos) return false;
  const std::string_view owner = std::string_view(repo).substr(0, slash);
  const std::string_view name = std::string_view(repo).substr(slash + 1);
  return name_chars_only(owner, "-") && owner.front() != '-' && name_chars_only(name, "._-") && name != "." && name != "..";
}

std::optional<std::uint64_t> positive_number(const json& node) {
  if (node.is_number_unsigned() && node.get<std::uint64_t>() > 0) return node.get<std::uint64_t>();
  return std::nullopt;
}

}  // namespace

EnvLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
  };
}

std::uint64_t pr_from_event(const std::filesystem::path& event_file) {
  const json event = json::parse(util::read_file(event_file), nullptr, false);
  if (!event.is_object()) {
    throw InputError({event_file.string()}, "the GitHub event payload is not a JSON object");
  }
  if (event.contains("pull_request") && event["pull_request"].is_object() && event["pull_request"].contains("number")) {
    if (std::optional<std::uint64_t> number = positive_number(event["pull_request"]["number"])) return *number;
  }
  if (event.contains("issue") && event["issue"].is_object() && event["issue"].contains("pull_request") &&
      event["issue"].contains("number")) {
    if (std::optional<std::uint64_t> number = positive_number(event["issue"]["number"])) return *number;
  }
  if (event.contains("workflow_run") && event["workflow_run"].is_object()) {
    const json& run = event["workflow_run"];
    if (run.contains("pull_requests") && run["pull_requests"].is_array() && !run["pull_requests"].empty() &&
        run["pull_requests"][0].is_object() && run["pull_requests"][0].contains("number")) {
      if (std::optional<std::uint64_t> number = positive_number(run["pull_requests"][0]["number"])) return *number;
    }
  }
  throw InputError({event_file.string()}, "the event names no pull request",
                   "pass --pr N (a workflow_run event of a fork PR lists no pull request: carry the number in the artifact)");
}

CommentSettings resolve_settings(const CommentRequest& request, const EnvLookup& env) {
  CommentSettings settings;

  std::string repo = request.repo;
  if (repo.empty()) repo = env("GITHUB_REPOSITORY").value_or("");
  if (repo.empty()) throw InputError({}, "no repository given", "pass --repo OWNER/NAME or set GITHUB_REPOSITORY");
  if (!valid_repo(repo)) throw InputError({}, fmt::format("'{}' is not a repository name", repo), "expected OWNER/NAME");
  settings.target.repo = repo;

  if (request.pr) {
    settings.target.pr = *request.pr;
  } else if (std::optional<std::string> event_path = env("GITHUB_EVENT_PATH")) {
    settings.target.pr = pr_from_event(*event_path);
  } else {
    throw InputError({}, "no pull request given", "pass --pr N (inside GitHub Actions it is read from GITHUB_EVENT_PATH)");
  }
  if (settings.target.pr == 0) throw InputError({}, "--pr must be a positive number");

  std::string api_url = env("GITHUB_API_URL").value_or(kDefaultApiUrl);
  while (api_url.ends_with('/')) api_url.pop_back();
  if (!api_url.starts_with("https://") && !api_url.starts_with("http://")) {
    throw InputError({}, fmt::format("GITHUB_API_URL '{}' is not an http(s) URL", api_url),
                     "leave it unset for github.com, or set it to your GitHub Enterprise API, e.g. https://ghe.example/api/v3");
  }
  settings.target.api_url = api_url;

  settings.token = env("GITHUB_TOKEN").value_or("");
  if (settings.token.empty()) {
    throw InputError({}, "GITHUB_TOKEN is not set",
                     "in a workflow add `env: GITHUB_TOKEN: ${{ github.token }}` and `permissions: pull-requests: write`");
  }
  return settings;
}

}  // namespace zkgate::github
